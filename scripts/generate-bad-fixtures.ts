/**
 * Writes fixtures/bad/: broken and hostile inputs (scripts/fixture-kit/bad.ts, and the hostile
 * corpus of scripts/fixture-kit/hostile.ts under fixtures/bad/hostile/), made from the
 * fixtures generate-fixtures.js writes, so run that first.
 *
 *   npm run build && npm run fixtures && npm run fixtures:bad
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { badFixtures } from './fixture-kit/bad.js';
import { hostileFixtures } from './fixture-kit/hostile.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixturesDir = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'fixtures'));
const outDir = path.join(fixturesDir, 'bad');
fs.rmSync(outDir, { recursive: true, force: true });
const files = [...(await badFixtures(fixturesDir)), ...(await hostileFixtures(fixturesDir)).map((f) => ({ ...f, file: `hostile/${f.file}` }))];
for (const f of files) {
  const p = path.join(outDir, f.file);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, f.data);
}
process.stdout.write(`${files.length} broken inputs written to ${path.relative(process.cwd(), outDir) || '.'}\n`);
