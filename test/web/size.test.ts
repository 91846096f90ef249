/**
 * The offline page's size, the bundled packs included: an officer downloads it, opens it from
 * disk, and may pass it on by e-mail or a chat app, so it is held to a budget.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/**
 * Measured at 1.68 MB when set, 1.74 MB once the history checks (issue 22) joined the engine (the
 * engine then 1.63 MB; when set 1.58 MB: zod 0.55, the bundled packs 0.16, re2js 0.15,
 * yaml 0.10, iconv-lite's single-byte code pages 0.09, readable-stream 0.08, hoso's own code 0.28;
 * its text as JSON in the page 0.09 more; the page's own script and style 14 KB). The budget
 * leaves some 10% for the engine and the packs to grow before the page must be looked at again.
 * BENCHMARKS.md ("Issue 21") records it.
 */
const BUDGET = 1_850_000;

describe('dist/web/hoso.html', () => {
  it(`stays within its budget of ${BUDGET.toLocaleString('en')} bytes`, () => {
    const size = fs.statSync(path.join(ROOT, 'dist', 'web', 'hoso.html')).size;
    expect(size).toBeGreaterThan(100_000);
    expect(size).toBeLessThanOrEqual(BUDGET);
  });
});
