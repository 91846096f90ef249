/**
 * Nothing from a dossier acts on the terminal or the CI log: an escape sequence in a cell
 * (`_x001B_` in the XML, a raw ESC in a CSV), a bidi override, a sheet or file name holding a line
 * break followed by a workflow command (`::error …`, `::add-mask::…`) are shown as codes — in the
 * stylish report, on every `hoso:` line on stderr, in `hoso inspect` and in the github format.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INJECTION_NAMES } from '../../scripts/fixture-kit/hostile.js';
import { FIXTURES, hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

/** Raw control characters but the line feed (which ends lines), and the bidi and line-separator characters. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

let tmp: string;
const hostile = { xlsx: '', csv: '', broken: '' };
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-inject-'));
  // The corpus's workbook (a cell holding ESC[8m and U+202E, a sheet name that breaks the line) and CSV, under names that break the line.
  hostile.xlsx = path.join(tmp, INJECTION_NAMES.workbook);
  fs.copyFileSync(path.join(FIXTURES, 'bad', 'hostile', 'tiem-ma', 'o-ma-thoat.xlsx'), hostile.xlsx);
  hostile.csv = path.join(tmp, INJECTION_NAMES.csv);
  fs.copyFileSync(path.join(FIXTURES, 'bad', 'hostile', 'tiem-ma', 'o-ma-thoat.csv'), hostile.csv);
  hostile.broken = path.join(tmp, INJECTION_NAMES.broken);
  fs.writeFileSync(hostile.broken, 'not a zip');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What no output meant for a terminal or a log may hold. */
function assertInert(text: string): void {
  expect(text).not.toMatch(RAW);
  expect(text.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
}

describe('hostile text from a dossier', () => {
  it('is shown as codes in the stylish report and on stderr, and the summary still shows', async () => {
    const run = await hoso(['check', hostile.xlsx, hostile.csv, hostile.broken]);
    expect(run.code).toBe(2);
    assertInert(run.stdout);
    assertInert(run.stderr);
    // Shown, not dropped: the officer sees what the cell and the names hold.
    expect(run.stdout).toContain('ho-so\\u{A}::add-mask::bi-mat.xlsx › Danh sách\\u{A}::error::tờ');
    // (The line break inside the cell is a space once the text is cleaned, as for any cell.)
    expect(run.stdout).toContain('«Không\\u{1B}[8m ẩn\\u{202E}ngược ::error file=x::giả»');
    expect(run.stdout).toContain('«Cá\\u{1B}[8m nhân\\u{202E}»');
    expect(run.stdout).toContain('ds\\u{D}::error::csv.csv');
    expect(run.stdout).toMatch(/\n\d+ vấn đề .*\n✖ 1 tệp không đọc được — mã thoát 2\n$/);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`hoso: ${tmp}/hong\\u{A}::error::x\\u{1B}]0;title\\u{7}.xlsx: `)).toBe(true);
  });

  it('is shown as codes on the stderr lines that name a sheet (--max-rows)', async () => {
    const run = await hoso(['check', hostile.xlsx, '--max-rows', '2', '--lang', 'en']);
    expect(run.code).toBe(2);
    assertInert(run.stderr);
    expect(run.stderr).toContain('Danh sách\\u{A}::error::tờ');
  });

  it('is shown as codes by hoso inspect, on stdout and stderr', async () => {
    const run = await hoso(['inspect', hostile.xlsx, hostile.csv, hostile.broken]);
    expect(run.code).toBe(2);
    assertInert(run.stdout);
    assertInert(run.stderr);
    expect(run.stdout).toContain('Danh sách\\u{A}::error::tờ');
    expect(run.stderr).toContain('hong\\u{A}::error::x');
  });

  it('starts no line of the github format but its own commands', async () => {
    const run = await hoso(['check', hostile.xlsx, hostile.csv, '-f', 'github']);
    assertInert(run.stdout.replace(/^::(error|warning|notice) /gm, ''));
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=[^\n]*::/);
  });

  it('is shown as codes when an argument carries it into a usage error, ours or the option parser’s', async () => {
    for (const args of [
      ['check', hostile.csv, '--jobs', 'x\n::error::jobs'],
      ['check', hostile.csv, '-f', 'x\n::error::format\u001b[8m'],
      ['check', '--x\n::add-mask::option'],
      ['init', '-o', path.join(tmp, 'ho-so\n::add-mask::bi-mat.xlsx')],
    ]) {
      const run = await hoso(args);
      expect(run.code, args.join(' ')).toBe(2);
      assertInert(run.stderr);
      expect(run.stderr).toMatch(/\\u\{A\}::(error|add-mask)::/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    // An error of the system quoting a path (a report into a folder that is not there), with and without --debug.
    for (const debug of [[], ['--debug']]) {
      const run = await hoso(['report', hostile.csv, '-o', path.join(tmp, 'missing\n::error::folder', 'r.xlsx'), ...debug]);
      expect(run.code).toBe(2);
      assertInert(run.stderr);
      if (debug.length) expect(run.stderr).toContain('missing\\u{A}::error::folder');
    }
    // The parser's error is one line of ours, its suggestion kept.
    expect((await hoso(['check', '--formt', 'x'])).stderr).toBe('hoso: không có tùy chọn «--formt». Có phải ý bạn là «--format»?\n');
  });

  it('leaves the inputs as they were', async () => {
    const before = [hostile.xlsx, hostile.csv].map((f) => fs.readFileSync(f));
    await hoso(['check', hostile.xlsx, hostile.csv]);
    expect([hostile.xlsx, hostile.csv].map((f) => fs.readFileSync(f))).toEqual(before);
  });
});
