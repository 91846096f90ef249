/**
 * Every exit-2 reason is written for a person: the text of an exception of hoso's own code
 * ("Cannot read properties of undefined", "Maximum call stack size exceeded") never reaches one
 * without --debug.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { aliasFloodPack, sharedStringIndex } from '../../scripts/fixture-kit/hostile.js';
import { readZip, writeRawZip } from '../../scripts/fixture-kit/zip.js';
import { describeInputError } from '../../src/cli/i18n.js';
import { InputError, inputErrorOf } from '../../src/read/types.js';
import { FIXTURES, hoso, type Report } from '../support/cli.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-reasons-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const INTERNAL = /Cannot read properties|undefined|Maximum call stack|TypeError|RangeError|lỗi nội bộ|internal error/;

/** The passing education dossier with the shared-string index of `cell` set to `index` (the corpus generator's edit). */
function withIndex(name: string, cell: string, index: string): string {
  const data = sharedStringIndex(fs.readFileSync(path.join(FIXTURES, 'fields', 'giao-duc-dat.xlsx')), cell, index);
  // The edit took: the cell is a shared string whose index is now `index`.
  const sheet = readZip(data).find((p) => p.name === 'xl/worksheets/sheet1.xml')!.data.toString('utf8');
  expect(sheet, cell).toMatch(new RegExp(`<c r="${cell}"[^>]*t="s"[^>]*><v>${index.replace('.', '\\.')}</v>`));
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

describe.concurrent('annotated copies', () => {
  it('copies a workbook the Excel library could not (a shared-string index no string has): its cells are never read to be copied', async () => {
    const file = withIndex('chu-thich.xlsx', 'E9', '-1');
    const dir = path.join(tmp, 'danh-dau');
    const run = await hoso(['check', file, '--annotate', dir, '-f', 'json']);
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(fs.existsSync(path.join(dir, path.basename(file)))).toBe(true);
  });

  it('a part of the input that cannot be read: one line naming it, no copy, the report still written', async () => {
    // The notes' part, which a check does not read, is cut short: its deflated bytes end mid-stream.
    const good = fs.readFileSync(path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx'));
    const text = '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>A</author></authors><commentList/></comments>';
    const deflated = zlib.deflateRawSync(Buffer.from(text));
    const parts = readZip(good).filter((p) => !p.name.endsWith('/'));
    const edited = parts.map((p) =>
      p.name === 'xl/worksheets/_rels/sheet1.xml.rels'
        ? p
        : p.name === '[Content_Types].xml'
          ? { ...p, data: Buffer.from(p.data.toString().replace('</Types>', '<Override PartName="/xl/comments9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>')) }
          : p,
    );
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments9.xml"/></Relationships>';
    const entries = edited.map((p) => ({ name: p.name, deflated: zlib.deflateRawSync(p.data), crc: zlib.crc32(p.data), size: p.data.length }));
    entries.push({ name: 'xl/worksheets/_rels/sheet1.xml.rels', deflated: zlib.deflateRawSync(Buffer.from(rels)), crc: zlib.crc32(Buffer.from(rels)), size: rels.length });
    entries.push({ name: 'xl/comments9.xml', deflated: deflated.subarray(0, deflated.length - 8), crc: zlib.crc32(Buffer.from(text)), size: text.length });
    const file = path.join(tmp, 'ghi-chu-hong.xlsx');
    fs.writeFileSync(file, writeRawZip(entries));
    const dir = path.join(tmp, 'danh-dau-hong');
    const [vi, en] = await Promise.all([hoso(['check', file, '--annotate', dir, '-f', 'json']), hoso(['check', file, '--annotate', dir, '-f', 'json', '--lang', 'en'])]);
    for (const run of [vi, en]) {
      expect(run.code).toBe(2);
      expect((JSON.parse(run.stdout) as Report).summary.rows).toBeGreaterThan(0);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(run.stderr).not.toMatch(INTERNAL);
    }
    expect(vi.stderr).toMatch(new RegExp(`^hoso: --annotate ${file}: tệp \\.xlsx bị hỏng`));
    expect(en.stderr).toMatch(new RegExp(`^hoso: --annotate ${file}: the \\.xlsx file is damaged`));
    expect(fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.xlsx')) : []).toEqual([]);
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
