/**
 * XML that never finishes a token — a tag, an attribute, a comment, a CDATA section, a
 * processing instruction, an end tag, a text — in each part a workbook reads. Such a file of tens
 * of kilobytes inflates to 64 MB; read again from the token's start with every chunk, each took
 * from 30 s to past a minute (and 700 MB), a comment of `<mergeCell ` minutes. Each must now be
 * refused at once, by the real CLI: exit 2, one line naming the part. The time limit of each test
 * bounds a hang; it is not a measure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_PARTS, HOSTILE_SHAPES, hostileWorkbook, type HostilePart, type HostileShape } from '../../scripts/fixture-kit/hostile-xml.js';
import { hoso } from '../support/cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-hostile-xml-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PART_NAMES: Record<HostilePart, string> = {
  sheet: 'xl/worksheets/sheet1.xml',
  sharedStrings: 'xl/sharedStrings.xml',
  workbook: 'xl/workbook.xml',
  styles: 'xl/styles.xml',
};
const SHAPES = Object.keys(HOSTILE_SHAPES) as HostileShape[];
/** Inflated size of the hostile part: minutes of reading for a reader quadratic in it. */
const HOSTILE_BYTES = 64 * 1024 * 1024;
const BOUND = { timeout: 20_000 };

async function write(name: string, data: Promise<Buffer>): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await data);
  return file;
}

/** The one line on stderr, with no stack trace. */
function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at |Error:|\.js:\d+/m);
  return lines[0];
}

describe.concurrent('a token that never ends is refused at once, in every part', () => {
  for (const part of HOSTILE_PARTS) {
    for (const shape of SHAPES) {
      // Text is not a token to the scanners of the sheets and shared strings: it is read on, kept
      // to a cell's length, and the part ends inside its element. The small parts have no long text.
      const scanned = part === 'sheet' || part === 'sharedStrings';
      const expected = shape === 'text' && scanned ? /a sheet’s content is damaged .*<t> is not closed/ : /abnormally long XML tag, comment or section.*longer than 1048576 characters/;
      it(`${shape} in ${part}`, BOUND, async () => {
        const file = await write(`${part}-${shape}.xlsx`, hostileWorkbook(part, shape, HOSTILE_BYTES));
        expect(fs.statSync(file).size).toBeLessThan(160 * 1024);
        const run = await hoso(['check', file, '--lang', 'en']);
        expect(run.code).toBe(2);
        const line = oneLine(run.stderr);
        expect(line).toMatch(expected);
        expect(line).toContain(`«${PART_NAMES[part]}»`);
      });
    }
  }
});

describe.concurrent('the same tokens, finished, are read across the chunks they span', () => {
  // Half a megabyte: several chunks of the reader, under the cap.
  for (const part of HOSTILE_PARTS) {
    // saxes, which reads the small parts, rightly refuses the tag's attributes of one name.
    const finishable = SHAPES.filter((s) => HOSTILE_SHAPES[s].close !== undefined && (s !== 'tag' || part === 'sheet' || part === 'sharedStrings'));
    it(`${finishable.join(', ')} in ${part}`, BOUND, async () => {
      for (const shape of finishable) {
        const file = await write(`${part}-${shape}-ok.xlsx`, hostileWorkbook(part, shape, 512 * 1024, true));
        const run = await hoso(['check', file, '--lang', 'en', '-f', 'json']);
        expect(run.stderr, `${shape} in ${part}`).not.toMatch(/damaged|abnormally long/);
        expect(run.code, `${shape} in ${part}`).not.toBe(2);
      }
    });
  }

  it('one past the cap is refused; raising --max-cell-length raises it', BOUND, async () => {
    const file = await write('sheet-comment-long.xlsx', hostileWorkbook('sheet', 'comment', 1100 * 1024, true));
    const run = await hoso(['check', file, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/abnormally long XML tag.*--max-cell-length raises the limit/);
    const raised = await hoso(['check', file, '--lang', 'en', '--max-cell-length', '100000']);
    expect(raised.stderr).not.toMatch(/abnormally long/);
    expect(raised.code).not.toBe(2);
  });
});
