import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `npm test` runs what needs only Node.js; `npm run test:browser` runs what needs
// a real browser (Debian's /usr/bin/chromium, which .ci/run installs), named *.browser.test.ts.
const BROWSER = 'test/**/*.browser.test.ts';

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, BROWSER] } },
      { extends: true, test: { name: 'browser', include: [BROWSER] } },
    ],
  },
});
