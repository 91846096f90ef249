/**
 * `hoso report … -o file.xlsx`: the workbook a district office opens, run through the built CLI on
 * the example district (fixtures/vi-du: 4 unit files, 29 nominees, 10 findings), and the exit
 * codes the report shares with `check`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hoso, type Report } from '../support/cli.js';
import { writeAtomicStream } from '../../src/cli/output.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { buildReport } from '../../src/report/model.js';
import { reportSheets } from '../../src/report/xlsx.js';
import { writeWorkbook } from '../../src/write/workbook.js';
import { PackageWriter } from '../../src/write/zip.js';
import { VERSION } from '../../src/version.js';
import { readZip } from '../../scripts/fixture-kit/zip.js';

vi.setConfig({ testTimeout: 60_000 });

let tmp: string;
let json: Report;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-report-'));
  json = JSON.parse((await hoso(['check', 'fixtures/vi-du', '-f', 'json'])).stdout) as Report;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A sheet as header → value records, below its header row. */
function records(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let i = 2; i <= ws.rowCount; i++) {
    const values = (ws.getRow(i).values as unknown[]).slice(1);
    out.push(Object.fromEntries(headers.map((h, j) => [h, values[j]])));
  }
  return out;
}

describe('hoso report -o file.xlsx', () => {
  it('lists every nominee once, sums each unit, and lists every finding', async () => {
    const out = path.join(tmp, 'bao-cao.xlsx');
    const run = await hoso(['report', 'fixtures/vi-du', '-o', out]);
    expect(run.code).toBe(1); // the example district has errors
    expect(run.stderr).toBe('');
    const wb = await open(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Danh sách', 'Kết quả kiểm tra']);
    // Marked as hoso's own report, by this version.
    const custom = readZip(fs.readFileSync(out)).find((p) => p.name === 'docProps/custom.xml')!.data.toString('utf8');
    expect(custom).toContain(`<vt:lpwstr>report hoso-lint ${VERSION}</vt:lpwstr>`);

    const list = records(wb.getWorksheet('Danh sách')!);
    expect(list).toHaveLength(29);
    expect(list.map((r) => r['STT'])).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
    const places = list.map((r) => `${path.basename(String(r['Tệp']))}:${r['Dòng']}`);
    expect(new Set(places).size).toBe(29);
    const perFile = (f: string) => list.filter((r) => path.basename(String(r['Tệp'])) === f).map((r) => r['Dòng']);
    expect(perFile('cong-ty-nong-san.xlsx')).toEqual([9, 10, 11, 13, 14, 15]);
    expect(perFile('phong-gd-dt.xlsx')).toEqual([9, 10, 11, 13, 14, 15, 16]);
    expect(perFile('xa-dak-pne-tong-hop.csv')).toEqual([8, 9, 10, 12, 13, 14, 16]);
    expect(perFile('xa-dak-to-lung.xlsx')).toEqual([9, 10, 11, 13, 14, 15, 16, 18, 19]);
    // The duplicate "Y Hơn" is an error on both rows, with the finding's message.
    const yHon = list.filter((r) => r['Tên'] === 'Y Hơn');
    expect(yHon).toHaveLength(2);
    for (const r of yHon) {
      expect(r['Kết quả']).toBe('Có lỗi');
      expect(String(r['Nội dung'])).toContain('được đề nghị 2 lần');
    }
    expect(list.find((r) => r['Tên'] === 'Thôn Kon Gùng')).toMatchObject({ 'Loại': 'Tập thể', 'Lĩnh vực': 'Khu dân cư, thôn, làng văn hóa', 'Kết quả': 'Đạt', 'Trang tính': 'xa-dak-pne-tong-hop' });
    // One nominee row in error per row-level error finding's place.
    const errorPlaces = new Set(json.findings.filter((f) => f.row && f.severity === 'error').map((f) => `${path.basename(f.file)}:${f.row}`));
    expect(new Set(list.filter((r) => r['Kết quả'] === 'Có lỗi').map((r) => `${path.basename(String(r['Tệp']))}:${r['Dòng']}`))).toEqual(errorPlaces);

    const summary = records(wb.getWorksheet('Tổng hợp')!);
    const total = summary.at(-1)!;
    const units = summary.slice(0, -1);
    expect(units.map((u) => u['Đơn vị'])).toEqual(['CÔNG TY CỔ PHẦN NÔNG SẢN KON RẪY', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', 'UBND xã Đắk Pne', 'Hội Nông dân xã Đắk Pne', 'UBND XÃ ĐẮK TƠ LUNG']);
    expect(units.reduce((s, u) => s + Number(u['Số điển hình']), 0)).toBe(29);
    expect(total).toMatchObject({ 'Đơn vị': 'Tổng cộng', 'Số điển hình': 29, 'Lỗi': 10, 'Cảnh báo': 0 });
    expect(Number(total['Tập thể']) + Number(total['Cá nhân']) + Number(total['Hộ gia đình'])).toBe(29);
    expect(units.find((u) => u['Đơn vị'] === 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO')).toMatchObject({ 'Số điển hình': 7, 'Tập thể': 3, 'Cá nhân': 4, 'Giáo dục và đào tạo': 7, 'Lỗi': 3 });

    const findings = records(wb.getWorksheet('Kết quả kiểm tra')!);
    expect(findings).toHaveLength(10);
    expect(findings.map((f) => f['Quy tắc'])).toEqual(json.findings.map((f) => f.ruleId));
    expect(findings[0]).toMatchObject({ 'Ô': 'N10', 'Mức': 'lỗi', 'Giá trị': '5410', 'Trang tính': 'Danh sách' });
  });

  it('shows each quota in force per unit: its message when not met, "Đạt" when met', async () => {
    const out = path.join(tmp, 'dinh-muc.xlsx');
    expect((await hoso(['report', 'fixtures/vi-du', '--profile', 'binh-dinh/xa', '-o', out])).code).toBe(1);
    const summary = records((await open(out)).getWorksheet('Tổng hợp')!);
    const col = Object.keys(summary[0]).find((h) => h.startsWith('Định mức: tập thể'))!;
    expect(col).toBe('Định mức: tập thể ≥ 3');
    expect(summary.find((u) => u['Đơn vị'] === 'UBND xã Đắk Pne')![col]).toBe('UBND xã Đắk Pne: có 2 tập thể, cần ít nhất 3.');
    expect(summary.find((u) => u['Đơn vị'] === 'UBND XÃ ĐẮK TƠ LUNG')![col]).toBe('Đạt');
    expect(summary.at(-1)!['Lỗi']).toBe(14);
  });

  it('has bold, frozen, filtered headers and prints on A4 landscape, one page wide', async () => {
    const out = path.join(tmp, 'in.xlsx');
    await hoso(['report', 'fixtures/vi-du', '-o', out, '-j', '2']);
    for (const ws of (await open(out)).worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.getRow(2).getCell(1).font?.bold).toBeFalsy();
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.getColumn(1).width).toBeGreaterThan(0);
      // Each column as wide as its longest text (header included) and two more, between 6 and 60; a longer text wraps.
      for (let c = 1; c <= ws.columnCount; c++) {
        let longest = 0;
        ws.getColumn(c).eachCell((cell) => void (longest = Math.max(longest, String(cell.value ?? '').length)));
        expect(ws.getColumn(c).width, `${ws.name} ${c}`).toBe(Math.min(60, Math.max(6, longest + 2)));
        expect(Boolean(ws.getRow(2).getCell(c).alignment?.wrapText), `${ws.name} ${c}`).toBe(longest > 60);
      }
    }
    const findings = (await open(out)).getWorksheet('Kết quả kiểm tra')!;
    expect(findings.getRow(2).getCell(6).alignment?.wrapText).toBe(true);
  });

  it('speaks English with --lang en, sheet names and headings too', async () => {
    const out = path.join(tmp, 'report.xlsx');
    await hoso(['report', 'fixtures/vi-du', '--lang', 'en', '-o', out]);
    const wb = await open(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Nominees', 'Findings']);
    const list = records(wb.getWorksheet('Nominees')!);
    expect(list[0]).toMatchObject({ 'No.': 1, Kind: 'Collective', Status: 'OK' });
    expect(records(wb.getWorksheet('Summary')!).at(-1)).toMatchObject({ Unit: 'Total', Nominees: 29, Errors: 10 });
  });
});

describe('hoso report: exit codes and refusals', () => {
  it('exits 2 without -o, or with an extension it cannot write, and writes nothing', async () => {
    const none = await hoso(['report', 'fixtures/vi-du']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^hoso: thiếu -o/);
    const txt = path.join(tmp, 'bao-cao.txt');
    const bad = await hoso(['report', 'fixtures/vi-du', '-o', txt, '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('hoso: cannot write a report as ".txt": use .xlsx or .html');
    expect(fs.existsSync(txt)).toBe(false);
  });

  it('never writes over an input, also one found inside a folder named', async () => {
    const dir = path.join(tmp, 'inputs');
    fs.cpSync('fixtures/vi-du', dir, { recursive: true });
    const target = path.join(dir, 'phong-gd-dt.xlsx');
    const before = fs.readFileSync(target);
    const run = await hoso(['report', dir, '-o', target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('không ghi đè lên tệp đầu vào');
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });

  it('names an unreadable input on stderr, exits 2 and still reports the readable ones', async () => {
    const broken = path.join(tmp, 'hong.xlsx');
    fs.writeFileSync(broken, 'not a workbook');
    const out = path.join(tmp, 'mot-phan.xlsx');
    const run = await hoso(['report', 'fixtures/vi-du/phong-gd-dt.xlsx', broken, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hong.xlsx');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(records((await open(out)).getWorksheet('Danh sách')!)).toHaveLength(7);
  });

  it('exits 0 when no finding is an error, and marks a nominee with only a warning', async () => {
    const config = path.join(tmp, 'hoso.config.yaml');
    fs.writeFileSync(config, 'severity:\n  chung/thanh-tich-thuc-chat: warning\n');
    const out = path.join(tmp, 'sach.xlsx');
    const run = await hoso(['report', 'fixtures/vi-du/xa-dak-to-lung.xlsx', '--no-default-rules', '--rules', 'rules/chung.yaml', '--config', config, '-o', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const wb = await open(out);
    expect(records(wb.getWorksheet('Danh sách')!).find((r) => r['Dòng'] === 19)).toMatchObject({ 'Kết quả': 'Cảnh báo' });
    expect(records(wb.getWorksheet('Tổng hợp')!).at(-1)).toMatchObject({ 'Lỗi': 0, 'Cảnh báo': 1 });
  });
});

describe('a table longer than a sheet holds', () => {
  it('goes on in a sheet of the same name, "(2)", each with the header, the total row on the last', async () => {
    const nominees = Array.from({ length: 7 }, (_, i) => ({ file: 'a.csv', sheet: 'a', row: i + 2, unit: `Xã ${i % 2 ? 'B' : 'A'}`, name: `Người ${i + 1}`, kind: 'ca-nhan' }));
    const findings = [3, 8].map((row) => ({ ruleId: 'x/y', severity: 'error' as const, message: `lỗi ${row}`, file: 'a.csv', sheet: 'a', row, column: 'B', source: 's' }));
    const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
    const m = buildReport({ files: 1, rows: 7, inputErrors: [], sheets: [], nominees, findings }, { ruleSet, profiles: [], lang: 'vi' });
    const out = path.join(tmp, 'chia.xlsx');
    await writeAtomicStream(out, async (write) => {
      const pkg = new PackageWriter(write);
      // Three rows under the header a sheet.
      await writeWorkbook(pkg, reportSheets(m, 3), { kind: 'report', generator: 'test' });
      pkg.end();
    });
    const wb = await open(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Danh sách', 'Danh sách (2)', 'Danh sách (3)', 'Kết quả kiểm tra']);
    const lists = wb.worksheets.slice(1, 4).map(records);
    expect(lists.map((l) => l.map((r) => r['STT']))).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(lists.flat().filter((r) => r['Kết quả'] === 'Có lỗi').map((r) => r['Tên'])).toEqual(['Người 2', 'Người 7']);
    // Two units and the total row: one sheet.
    expect(records(wb.worksheets[0]).map((r) => [r['Đơn vị'], r['Số điển hình']])).toEqual([['Xã A', 4], ['Xã B', 3], ['Tổng cộng', 7]]);
  });
});
