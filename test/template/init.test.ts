/**
 * `hoso init`: the template opens in Excel with its header, notes and drop-down lists, and a
 * dossier filled in on it reads back with no configuration — clean when the rows are right, with
 * the expected finding when one is not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readZip } from '../../scripts/fixture-kit/zip.js';
import { columnLetter } from '../../src/read/types.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { DATA_SHEET, LISTS_SHEET, templateColumns } from '../../src/template/build.js';
import { hoso, type Report } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
const columns = templateColumns(ruleSet, { profiles: [], lang: 'vi' });
/** The template's column number of a key (and year). */
const col = (key: string, year?: number) => columns.findIndex((c) => c.column.key === key && c.year === year) + 1;

let tmp: string;
let template: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-init-'));
  template = path.join(tmp, 'mau-ho-so.xlsx');
  const run = await hoso(['init', '-o', template]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const SCHOOL = {
  stt: 1,
  ten: 'Trường THCS Đắk Ruồng',
  loai: 'Tập thể',
  linh_vuc: 'Giáo dục và đào tạo',
  don_vi: 'Phòng GD&ĐT huyện Kon Rẫy',
  an_toan_antt: 'Có',
  thanh_tich: 'Tỷ lệ học sinh lên lớp đạt 99,2%; 12 học sinh giỏi cấp huyện năm học 2024-2025',
  hinh_thuc: 'Giấy khen của Chủ tịch UBND huyện',
};
const TEACHER = {
  stt: 2,
  ten: 'Võ Văn Sơn',
  loai: 'Cá nhân',
  linh_vuc: 'Giáo dục và đào tạo',
  don_vi: 'Trường Tiểu học Tân Lập',
  chuc_vu: 'Giáo viên',
  nam_sinh: 1988,
  gioi_tinh: 'Nam',
  lao_dong_truc_tiep: 'Có',
  xep_loai: ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'],
  thanh_tich: 'Giáo viên dạy giỏi cấp tỉnh năm học 2023-2024; bồi dưỡng 5 học sinh đạt giải Toán tuổi thơ',
  hinh_thuc: 'Giấy khen của Chủ tịch UBND huyện',
};

/** Writes rows into a copy of the template, as an officer filling it in would. */
async function fill(name: string, rows: Record<string, string | number | string[]>[]): Promise<string> {
  const wb = await open(template);
  const ws = wb.getWorksheet(DATA_SHEET)!;
  rows.forEach((r, i) => {
    for (const [key, value] of Object.entries(r)) {
      if (Array.isArray(value)) value.forEach((v, j) => (ws.getCell(8 + i, col(key, 2023 + j)).value = v));
      else ws.getCell(8 + i, col(key)).value = value;
    }
  });
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('hoso init', () => {
  it('writes the title block, a two-row header with "Xếp loại" merged over 2023–2025, and frozen panes', async () => {
    const ws = (await open(template)).getWorksheet(DATA_SHEET)!;
    const texts = [1, 2, 4].map((r) => ws.getRow(r).values as unknown[]).flat().filter(Boolean);
    expect(texts).toEqual(expect.arrayContaining(['TÊN ĐƠN VỊ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN NĂM …']));
    expect(ws.getCell(6, col('ten')).value).toBe('Họ và tên / Tên tập thể');
    expect(ws.getCell(6, col('xep_loai', 2023)).value).toBe('Xếp loại');
    expect([2023, 2024, 2025].map((y) => ws.getCell(7, col('xep_loai', y)).value)).toEqual(['2023', '2024', '2025']);
    expect(ws.getCell(6, col('xep_loai', 2025)).isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(ws.getColumn(col('thanh_tich')).width).toBe(50);
  });

  it('explains each column in a note on its header: what it is, the values allowed or an example', async () => {
    const ws = (await open(template)).getWorksheet(DATA_SHEET)!;
    const noteOf = (cell: ExcelJS.Cell) => {
      const n = cell.note as string | { texts: { text: string }[] } | undefined;
      return typeof n === 'string' ? n : (n?.texts.map((t) => t.text).join('') ?? '');
    };
    expect(noteOf(ws.getCell(6, col('loai')))).toContain('Tập thể; Cá nhân; Hộ gia đình');
    expect(noteOf(ws.getCell(6, col('an_toan_antt')))).toContain('Có; Không');
    expect(noteOf(ws.getCell(6, col('ty_le_neu_guong')))).toContain('Ví dụ: 70%');
    expect(noteOf(ws.getCell(7, col('xep_loai', 2024)))).toContain('Xếp loại 2024');
    for (let c = 1; c <= columns.length; c++) expect(noteOf(ws.getCell(columns[c - 1].year ? 7 : 6, c)), `column ${c}`).not.toBe('');
  });

  it('gives enumerations drop-down lists from a hidden "Danh mục" sheet, and formats percent cells', async () => {
    const wb = await open(template);
    const ws = wb.getWorksheet(DATA_SHEET)!;
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe('hidden');
    for (const key of ['loai', 'linh_vuc', 'gioi_tinh', 'an_toan_antt', 'lao_dong_truc_tiep']) {
      const dv = ws.getCell(8, col(key)).dataValidation;
      expect(dv, key).toMatchObject({ type: 'list', allowBlank: true });
      const [, sheet, letter, first, last] = /^'(.+)'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(dv.formulae![0] as string)!;
      expect(sheet).toBe(LISTS_SHEET);
      const values = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => lists.getCell(`${letter}${Number(first) + i}`).value);
      if (key === 'loai') expect(values).toEqual(['Tập thể', 'Cá nhân', 'Hộ gia đình']);
      if (key === 'gioi_tinh') expect(values).toEqual(['Nam', 'Nữ']);
      if (key === 'an_toan_antt') expect(values).toEqual(['Có', 'Không']);
    }
    expect(ws.getCell(8, col('xep_loai', 2023)).dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell(400, col('loai')).dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell(8, col('ty_le_neu_guong')).numFmt).toBe('0%');
  });

  it('checks clean once filled with valid rows, and gives the expected finding for a wrong one', async () => {
    const clean = await fill('dung.xlsx', [SCHOOL, TEACHER]);
    const ok = await hoso(['check', clean, '-f', 'json']);
    expect(ok.stderr).toBe('');
    const okReport: Report = JSON.parse(ok.stdout);
    // The drop-down lists' sheet is passed over, and said so; nothing else is reported.
    expect(okReport.findings.map((f) => [f.ruleId, f.severity, f.sheet])).toEqual([['hoso/trang-bo-qua', 'info', 'Danh mục']]);
    expect(okReport.summary).toMatchObject({ files: 1, rows: 2 });
    expect(ok.code).toBe(0);

    const wrong = await fill('sai.xlsx', [{ ...SCHOOL, an_toan_antt: 'Không' }, TEACHER]);
    const bad = await hoso(['check', wrong, '-f', 'json']);
    const badReport: Report = JSON.parse(bad.stdout);
    expect(badReport.findings.map((f) => [f.ruleId, f.sheet, f.row, f.column])).toEqual([
      ['giao-duc/an-toan-antt', DATA_SHEET, 8, columnLetter(col('an_toan_antt'))],
      ['hoso/trang-bo-qua', 'Danh mục', undefined, undefined],
    ]);
    expect(bad.code).toBe(1);
  });

  it('marks the blank template as hoso’s: a folder check passes over it, and checks it once filled and saved by another application', async () => {
    const app = readZip(fs.readFileSync(template)).find((p) => p.name === 'docProps/app.xml')!.data.toString('utf8');
    expect(app).toContain('<Application>hoso-lint</Application>');
    const folder = path.join(tmp, 'thu-muc');
    fs.mkdirSync(folder);
    fs.copyFileSync(template, path.join(folder, 'mau-ho-so.xlsx'));
    // exceljs saves as an application of its own, as Excel would: the filled template is a dossier.
    await fill('thu-muc/da-dien.xlsx', [{ ...SCHOOL, an_toan_antt: 'Không' }, TEACHER]);
    const run = await hoso(['check', folder, '-f', 'json']);
    const report: Report = JSON.parse(run.stdout);
    expect(report.findings.map((f) => [f.ruleId, path.basename(f.file), f.row])).toEqual([
      ['giao-duc/an-toan-antt', 'da-dien.xlsx', 8],
      ['hoso/trang-bo-qua', 'da-dien.xlsx', undefined],
      ['hoso/tep-cua-hoso', 'mau-ho-so.xlsx', undefined],
    ]);
    expect(report.summary).toMatchObject({ files: 1, rows: 2 });
    expect(run.code).toBe(1);
  });

  it('refuses to overwrite a file unless --force', async () => {
    const before = fs.readFileSync(template);
    const run = await hoso(['init', '-o', template]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(template).equals(before)).toBe(true);
    const forced = await hoso(['init', '-o', template, '--force', '--profile', 'hung-yen/phong-trao']);
    expect(forced.code).toBe(0);
  });
});
