/**
 * --annotate: a copy of each workbook checked with the offending cells filled and noted, and a
 * sheet listing every finding with a link to its cell; the input is never touched.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FINDINGS_SHEET } from '../../src/report/annotate.js';
import { hoso, type Report } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const XLSX = 'fixtures/fields/giao-duc-khong-dat.xlsx';
const CSV = 'fixtures/csv/cham-phay.csv';
// The copies keep their place under fixtures/, the inputs' common folder (placement.test.ts).
const XLSX_COPY = 'fields/giao-duc-khong-dat.xlsx';
const CSV_COPY = 'csv/cham-phay.xlsx';
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const noteOf = (cell: ExcelJS.Cell) => {
  const n = cell.note as string | { texts: { text: string }[] } | undefined;
  return typeof n === 'string' ? n : (n?.texts.map((t) => t.text).join('') ?? '');
};

let tmp: string;
let report: Report;
let code: number | null;
const before = { xlsx: '', csv: '' };
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-annotate-'));
  before.xlsx = sha(XLSX);
  before.csv = sha(CSV);
  const run = await hoso(['check', XLSX, CSV, '-f', 'json', '--annotate', tmp]);
  code = run.code;
  report = JSON.parse(run.stdout);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('hoso check --annotate', () => {
  it('leaves the inputs untouched and keeps the exit code of the check', () => {
    expect(code).toBe(1);
    expect(sha(XLSX)).toBe(before.xlsx);
    expect(sha(CSV)).toBe(before.csv);
  });

  it('fills each offending cell and notes the rule id and message on it', async () => {
    const wb = await open(path.join(tmp, XLSX_COPY));
    const cells = report.findings.filter((f) => f.file === XLSX && f.row !== undefined);
    expect(cells.length).toBeGreaterThan(0);
    for (const f of cells) {
      const cell = wb.getWorksheet(f.sheet!)!.getCell(`${f.column}${f.row}`);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb, `${f.column}${f.row}`).toBe(f.severity === 'error' ? 'FFFFC7CE' : f.severity === 'warning' ? 'FFFFEB9C' : 'FFDDEBF7');
      expect(noteOf(cell)).toContain(`[${f.ruleId}] ${f.message}`);
    }
  });

  it('puts a quota finding on the sheet\'s title, which holds the unit\'s name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-annotate-quota-'));
    const file = 'fixtures/profiles/binh-dinh__xa-khong-dat.xlsx';
    const run = await hoso(['check', file, '--profile', 'binh-dinh/xa', '-f', 'json', '--annotate', dir]);
    const quota = (JSON.parse(run.stdout) as Report).findings.find((f) => f.ruleId === 'binh-dinh/xa/ca-nhan')!;
    expect(quota.row).toBeUndefined();
    const wb = await open(path.join(dir, 'binh-dinh__xa-khong-dat.xlsx'));
    const sheet = wb.worksheets.find((w) => w.name !== FINDINGS_SHEET)!;
    const title = sheet.getCell('A1');
    expect(String(title.value)).toMatch(/UBND XÃ PHƯỚC SƠN/);
    expect(noteOf(title)).toContain(`[binh-dinh/xa/ca-nhan] ${quota.message}`);
    expect((title.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const listed = wb.getWorksheet(FINDINGS_SHEET)!.getColumn(3).values.map((v) => (v && typeof v === 'object' && 'result' in v ? v.result : v));
    expect(listed).toContain('A1');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every finding in "Kết quả kiểm tra", each cell a link to it', async () => {
    const wb = await open(path.join(tmp, XLSX_COPY));
    const ws = wb.getWorksheet(FINDINGS_SHEET)!;
    const findings = report.findings.filter((f) => f.file === XLSX);
    expect(ws.rowCount).toBe(findings.length + 1);
    findings.forEach((f, i) => {
      const row = ws.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(4).value, row.getCell(5).value]).toEqual([f.severity, f.ruleId, f.message]);
      // A link in the cell itself (a HYPERLINK formula): the sheet is written as it streams, with no list of links to keep.
      if (f.row !== undefined) expect(row.getCell(3).value).toEqual({ formula: `HYPERLINK("#'${f.sheet}'!${f.column}${f.row}","${f.column}${f.row}")`, result: `${f.column}${f.row}` });
    });
  });

  it('reads back with the same findings: marks and the findings sheet change no value', async () => {
    const again = await hoso(['check', path.join(tmp, XLSX_COPY), '-f', 'json']);
    const where = (r: Report) => r.findings.map((f) => [f.ruleId, f.sheet, f.row, f.column]);
    // The findings sheet added to the copy is no list: passed over, and named so.
    const added = [['hoso/trang-bo-qua', 'Kết quả kiểm tra', undefined, undefined]];
    expect(where(JSON.parse(again.stdout))).toEqual([...where({ ...report, findings: report.findings.filter((f) => f.file === XLSX) }), ...added]);
  });

  it('gives a CSV input an .xlsx copy holding its cells and its findings', async () => {
    const copy = path.join(tmp, CSV_COPY);
    const wb = await open(copy);
    const csvFindings = report.findings.filter((f) => f.file === CSV);
    expect(wb.getWorksheet(FINDINGS_SHEET)!.rowCount).toBe(csvFindings.length + 1);
    const f = csvFindings.find((x) => x.row !== undefined);
    if (f) expect(noteOf(wb.worksheets[0].getCell(`${f.column}${f.row}`))).toContain(f.ruleId);
    expect(wb.worksheets[0].rowCount).toBeGreaterThan(1);
  });
});

describe('hoso check --annotate on the other text lists the reader reads', () => {
  // A .tsv or .txt list is read as a CSV file is; its copy was once tried as a zip and refused.
  it.each(['fixtures/csv/tab.tsv', 'fixtures/csv/unicode-text.txt'])('gives %s an .xlsx copy with its findings, and the input untouched', async (input) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-annotate-text-'));
    try {
      const digest = sha(input);
      const run = await hoso(['check', input, '-f', 'json', '--annotate', out]);
      expect(run.stderr).toBe('');
      expect(run.code).not.toBe(2);
      const findings = (JSON.parse(run.stdout) as Report).findings;
      const copies = fs.readdirSync(out);
      expect(copies).toEqual([path.basename(input).replace(/\.[^.]*$/, '.xlsx')]);
      const wb = await open(path.join(out, copies[0]));
      expect(wb.getWorksheet(FINDINGS_SHEET)!.rowCount).toBe(findings.length + 1);
      expect(wb.worksheets[0].rowCount).toBeGreaterThan(1);
      expect(sha(input)).toBe(digest);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
