/**
 * Every exit-2 reason is written for a person: the text of an exception of hoso's own code
 * ("Cannot read properties of undefined", "Maximum call stack size exceeded") never reaches one
 * without --debug.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aliasFloodPack } from '../../scripts/fixture-kit/hostile.js';
import { editZip } from '../../scripts/fixture-kit/zip.js';
import { describeInputError } from '../../src/cli/i18n.js';
import { InputError, inputErrorOf } from '../../src/read/types.js';
import { FIXTURES, hoso, type Report } from '../support/cli.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-reasons-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const INTERNAL = /Cannot read properties|undefined|Maximum call stack|TypeError|RangeError|lỗi nội bộ|internal error/;

/** The passing education dossier with the shared-string index of `cell` set to `index`. */
function withIndex(name: string, cell: string, index: string): string {
  const workbook = fs.readFileSync(path.join(FIXTURES, 'fields', 'giao-duc-dat.xlsx'));
  let found = false;
  const data = editZip(workbook, (n, text) => {
    if (n !== 'xl/worksheets/sheet1.xml') return undefined;
    return text.replace(new RegExp(`(<c r="${cell}"[^>]*t="s"[^>]*><v>)\\d+(</v>)`), (_, open: string, close: string) => {
      found = true;
      return open + index + close;
    });
  });
  expect(found, cell).toBe(true);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
}

describe.concurrent('a shared-string index no string has', () => {
  it('-1 in the header row: the file has no header, said in one line, no internal text', async () => {
    const run = await hoso(['check', withIndex('tieu-de-am.xlsx', 'B5', '-1')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/tieu-de-am\.xlsx: không trang tính nào có dòng tiêu đề cột/);
    expect(run.stderr).not.toMatch(INTERNAL);
  });

  it('-1 or 1.5 in a nominee row reads as an empty cell, like an index past the end, and the rest is checked', async () => {
    const runs = await Promise.all(
      ['-1', '1.5', '99999'].map((v, i) => hoso(['check', withIndex(`o-am-${i}.xlsx`, 'E9', v), '-f', 'json'])),
    );
    const reports = runs.map((r) => JSON.parse(r.stdout) as Report);
    for (const [i, run] of runs.entries()) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(reports[i].summary.rows).toBe(reports[2].summary.rows);
      expect(reports[i].findings.map((f) => [f.ruleId, f.row, f.column])).toEqual(reports[2].findings.map((f) => [f.ruleId, f.row, f.column]));
    }
    expect(reports[0].findings.some((f) => f.row === 9 && f.column === 'E')).toBe(true);
  });
});

describe.concurrent('an annotated copy the Excel library cannot make', () => {
  // exceljs fails on the -1 index with a TypeError of its own ("reading 'richText'").
  it('says so for a person, the exception only with --debug; the report is still written', async () => {
    const file = withIndex('chu-thich.xlsx', 'E9', '-1');
    const dir = path.join(tmp, 'danh-dau');
    const [plain, debug] = await Promise.all([
      hoso(['check', file, '--annotate', dir, '-f', 'json']),
      hoso(['check', file, '--annotate', path.join(tmp, 'danh-dau-2'), '-f', 'json', '--debug', '--lang', 'en']),
    ]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(`hoso: --annotate ${file}: không tạo được bản có đánh dấu của tệp này (chạy lại với --debug để xem chi tiết kỹ thuật)\n`);
    expect((JSON.parse(plain.stdout) as Report).summary.rows).toBeGreaterThan(0);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^hoso: --annotate .*: could not make the annotated copy of this file \(run again with --debug for the technical details\)\nTypeError: /);
  });
});

describe('an exception of hoso\'s own code while reading a file', () => {
  const bug = (() => {
    try {
      (undefined as unknown as { col: number }).col;
    } catch (e) {
      return e;
    }
  })();

  it('gives the reason for its code, and the exception\'s text only with --debug', () => {
    const e = inputErrorOf('ho-so.xlsx', 'truncated', bug);
    for (const lang of ['vi', 'en'] as const) {
      const line = describeInputError(e, lang);
      expect(line.split('\n')).toHaveLength(1);
      expect(line).not.toMatch(INTERNAL);
      expect(line).toMatch(lang === 'vi' ? /^ho-so\.xlsx: tệp \.xlsx bị hỏng .*chạy lại với --debug/ : /^ho-so\.xlsx: the \.xlsx file is damaged .*run again with --debug/);
      // The detail is kept for --debug, which main.ts prints under the line.
      expect(e.debug).toMatch(/TypeError: Cannot read properties of undefined \(reading 'col'\)\n\s+at /);
    }
  });

  it('keeps the detail of an error the input caused: it names what is wrong', () => {
    const zlib = Object.assign(new Error('invalid distance too far back'), { code: 'Z_DATA_ERROR' });
    const e = inputErrorOf('ho-so.xlsx', 'truncated', zlib);
    expect(e.debug).toBeUndefined();
    expect(describeInputError(e, 'en')).toBe('ho-so.xlsx: the .xlsx file is damaged or incomplete (download or save it again) (invalid distance too far back)');
    expect(describeInputError(new InputError('a.csv', 'bad-csv', 'record 3 has more than 16384 fields'), 'en')).toMatch(/record 3 has more/);
  });
});

describe.concurrent('rule packs that once ran the loader out of stack', () => {
  it('a column with 850,000 aliases: the file and why, in one line, quickly', async () => {
    const pack = path.join(tmp, 'bi-danh.yaml');
    fs.writeFileSync(pack, aliasFloodPack(850_000));
    const run = await hoso(['rules', 'validate', pack, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`hoso: ${pack}:1:1: the file is 7.2 MiB, over the 1 MiB a rule pack or config may hold\n`);
  });

  it('a `when` that contains itself: file, line, column and key', async () => {
    const run = await hoso(['check', path.join(FIXTURES, 'fields', 'giao-duc-dat.xlsx'), '--rules', path.join(FIXTURES, 'bad', 'quy-tac', 'alias-tu-chua.yaml'), '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^hoso: .*alias-tu-chua\.yaml:9:21: rules\[0\]\.when\.not: the alias \*w stands inside the node it names, so it would contain itself\n$/);
    expect(run.stderr).not.toMatch(INTERNAL);
  });
});
