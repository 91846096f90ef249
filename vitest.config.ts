import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `npm test` runs what needs only Node.js; `npm run test:browser` runs what needs
// a real browser (Debian's /usr/bin/chromium, which .ci/run installs), named *.browser.test.ts.
const BROWSER = 'test/**/*.browser.test.ts';

export default defineConfig({
  test: {
    // Tests that build workbooks with exceljs or start the CLI took over vitest's default 5 s when
    // the two cores were shared with other work; a hang is still bounded. Speed is measured by
    // `npm run bench`, never by a test's timeout.
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, BROWSER] } },
      { extends: true, test: { name: 'browser', include: [BROWSER] } },
    ],
  },
});
