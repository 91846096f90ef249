/**
 * `hoso inspect`: how each file was read — sheets checked or skipped and why, the header and its
 * columns, and what every row under it was taken for — on the generated fixtures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, hoso } from '../support/cli.js';
import { checkPaths } from '../../src/engine/check.js';
import { openSource } from '../../src/read/open.js';
import { displayText } from '../../src/normalize/values.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import type { FileInspection, RowRun, SheetInspection } from '../../src/engine/inspect.js';

vi.setConfig({ testTimeout: 120_000 });

type Run = RowRun & { reason: string };
type Sheet = Omit<SheetInspection, 'rows'> & { rows: Run[]; skipReason?: string };
interface Json {
  files: (Omit<FileInspection, 'sheets'> & { sheets: Sheet[] })[];
  unreadable: { file: string; code: string; reason: string }[];
  summary: { files: number; checked: number; rows: number; unreadable: number };
}

async function inspectJson(args: string[]): Promise<{ code: number | null; json: Json; stderr: string }> {
  const run = await hoso(['inspect', '-f', 'json', ...args]);
  return { code: run.code, json: JSON.parse(run.stdout) as Json, stderr: run.stderr };
}

/** The run of a sheet that holds a row. */
function runAt(sheet: Sheet, row: number): Run | undefined {
  return sheet.rows.find((r) => r.first <= row && row <= r.last);
}

const sheetOf = (json: Json, name: string) => json.files[0].sheets.find((s) => s.name === name)!;

describe('hoso inspect --format json on the layout fixtures', () => {
  it('reads subtotals between groups as totals, and the second group as nominees still', async () => {
    const { code, json } = await inspectJson(['fixtures/layout/cong-theo-nhom.xlsx']);
    expect(code).toBe(0);
    const sheet = json.files[0].sheets[0];
    expect(sheet).toMatchObject({ checked: true, headerRows: [5, 6], extent: { first: 7, last: 23 }, nominees: 4 });
    expect(runAt(sheet, 7)).toMatchObject({ class: 'numbering' });
    expect(runAt(sheet, 8)).toMatchObject({ class: 'group', kind: 'tap-the', text: 'TẬP THỂ' });
    expect(runAt(sheet, 9)).toMatchObject({ class: 'nominee', first: 9, last: 10, count: 2, named: true, reason: 'dòng đề nghị, có tên' });
    expect(runAt(sheet, 11)).toMatchObject({ class: 'total', text: 'Cộng: 2' });
    expect(runAt(sheet, 12)).toMatchObject({ class: 'group', kind: 'ca-nhan' });
    // The nominees after the subtotal are not said to stand below it: a group heading came between.
    expect(runAt(sheet, 13)).toMatchObject({ class: 'nominee', first: 13, last: 14 });
    expect(runAt(sheet, 13)!.below).toBeUndefined();
    expect(runAt(sheet, 16)).toMatchObject({ class: 'total', text: 'Tổng cộng: 4' });
    expect(runAt(sheet, 18)).toMatchObject({ class: 'footer' });
    expect(runAt(sheet, 1)).toMatchObject({ class: 'title' });
    expect(runAt(sheet, 5)).toMatchObject({ class: 'header', first: 5, last: 6 });
    expect(sheet.columns.find((c) => c.column === 'B')).toEqual({ column: 'B', header: 'Họ và tên / Tên tập thể', key: 'ten' });
    expect(sheet.columns.find((c) => c.column === 'I')).toEqual({ column: 'I', header: 'Xếp loại 2024', key: 'xep_loai', year: 2024 });
    expect(json.files[0].unit?.name).toBe('UBND XÃ ĐẮK KÔI');
    expect(json.files[0].date).toEqual({ value: '2025-08-20', from: 'footer' });
  });

  it('says which nominees stand below a total typed before the last of them', async () => {
    const { json } = await inspectJson(['fixtures/layout/tong-truoc-dong-cuoi.xlsx', '--lang', 'en']);
    const sheet = json.files[0].sheets[0];
    const below = sheet.rows.filter((r) => r.class === 'nominee' && r.below);
    expect(below.length).toBeGreaterThan(0);
    const total = sheet.rows.find((r) => r.class === 'total')!;
    for (const r of below) {
      expect(r.below).toEqual({ class: 'total', row: total.first });
      expect(r.first).toBeGreaterThan(total.first);
      expect(r.reason).toBe(`nominee, has a name, below the total line at row ${total.first}`);
    }
    // Those above the total are not marked.
    expect(sheet.rows.filter((r) => r.class === 'nominee' && r.last < total.first).every((r) => !r.below)).toBe(true);
  });

  it('checks a sheet named like a code list when its header is a list’s, and skips one that is not, with the reason', async () => {
    const { json } = await inspectJson(['fixtures/layout/trang-ten-danh-muc.xlsx']);
    expect(sheetOf(json, 'HD')).toMatchObject({ checked: true, codeListName: true, nominees: 2 });
    expect(sheetOf(json, 'DANHMUC')).toMatchObject({ checked: false, skipped: 'code-list', rows: [] });
    expect(sheetOf(json, 'DANHMUC').skipReason).toMatch(/^tên trang tính giống một danh mục mã/);
  });

  it('reads a CSV total line that comes early, and marks the rows under it', async () => {
    const { json } = await inspectJson(['fixtures/csv/tong-som.csv']);
    const sheet = json.files[0].sheets[0];
    expect(sheet.rows.map((r) => [r.class, r.first, r.last])).toEqual([
      ['header', 1, 2],
      ['numbering', 3, 3],
      ['nominee', 4, 5],
      ['total', 6, 6],
      ['nominee', 7, 8],
    ]);
    expect(runAt(sheet, 7)!.below).toEqual({ class: 'total', row: 6 });
  });

  it('shows an empty template as a header with group headings and no nominee, and its instructions sheet as skipped', async () => {
    const { code, json } = await inspectJson(['fixtures/layout/mau-trong.xlsx']);
    expect(code).toBe(0);
    const [list, help] = json.files[0].sheets;
    expect(list).toMatchObject({ checked: true, nominees: 0 });
    expect(list.rows.some((r) => r.class === 'nominee')).toBe(false);
    expect(list.rows.filter((r) => r.class === 'group').map((r) => r.kind)).toEqual(['tap-the', 'ca-nhan']);
    expect(help).toMatchObject({ name: 'Hướng dẫn', checked: false, skipped: 'example' });
    expect(json.summary).toMatchObject({ files: 1, checked: 1, rows: 0 });
  });

  it('names the legacy encoding of a sheet typed in TCVN3, sheet-wide and by column', async () => {
    const { json } = await inspectJson(['fixtures/layout/tcvn3.xlsx']);
    const sheet = json.files[0].sheets[0];
    expect(sheet.legacy.sheet).toBe('tcvn3');
    expect(sheet.legacy.columns.find((c) => c.column === 'B')).toMatchObject({ encoding: 'tcvn3' });
    // A plain Unicode sheet names none.
    const plain = (await inspectJson(['fixtures/layout/cong-theo-nhom.xlsx'])).json.files[0].sheets[0];
    expect(plain.legacy).toEqual({ columns: [] });
  });

  it('still inspects the other files when one cannot be read, says why on stderr, and exits 2', async () => {
    const { code, json, stderr } = await inspectJson(['fixtures/bad/rong.xlsx', 'fixtures/csv/tong-som.csv']);
    expect(code).toBe(2);
    expect(stderr).toBe('hoso: fixtures/bad/rong.xlsx: tệp rỗng (0 byte)\n');
    expect(json.files.map((f) => f.file)).toEqual(['fixtures/csv/tong-som.csv']);
    expect(json.unreadable).toEqual([{ file: 'fixtures/bad/rong.xlsx', code: 'empty', reason: 'fixtures/bad/rong.xlsx: tệp rỗng (0 byte)' }]);
  });
});

describe('hoso inspect names what it does not read', () => {
  it('a .pdf, an Excel lock file, a report hoso wrote and what the config ignores, each with why, as check does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-inspect-over-'));
    try {
      fs.copyFileSync(path.join(FIXTURES, 'fields', 'giao-duc-dat.xlsx'), path.join(dir, 'ds.xlsx'));
      fs.writeFileSync(path.join(dir, 'to-trinh.pdf'), '%PDF-1.4\n');
      fs.writeFileSync(path.join(dir, '~$ds.xlsx'), 'lock');
      fs.mkdirSync(path.join(dir, 'mau'));
      fs.copyFileSync(path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx'), path.join(dir, 'mau', 'mau.xlsx'));
      fs.writeFileSync(path.join(dir, 'hoso.config.yaml'), 'ignores:\n  - mau/\n');
      const report = await hoso(['report', '.', '-o', 'bao-cao.xlsx'], { cwd: dir });
      expect(report.code).toBe(0);
      const run = await hoso(['inspect', '-f', 'json', '.'], { cwd: dir });
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as { files: { file: string }[]; passedOver: { file: string; ruleId: string; reason: string }[]; summary: Record<string, number> };
      // Read: the dossier only; the ignored folder is neither read nor named file by file, only counted.
      expect(json.files.map((f) => path.basename(f.file))).toEqual(['ds.xlsx']);
      expect(json.passedOver.map((p) => [path.basename(p.file), p.ruleId]).sort()).toEqual([
        ['bao-cao.xlsx', 'hoso/tep-cua-hoso'],
        ['to-trinh.pdf', 'hoso/tep-bo-qua'],
        ['~$ds.xlsx', 'hoso/tep-khoa'],
      ]);
      expect(json.summary).toMatchObject({ files: 1, passedOver: 3, ignored: 1, unreadable: 0 });
      // The same account as check gives of the same folder.
      const check = await hoso(['check', '-f', 'json', '.'], { cwd: dir });
      const notes = (JSON.parse(check.stdout) as { findings: { file: string; ruleId: string; message: string }[] }).findings.filter((f) => /^hoso\/(tep|lien|cung|vong)/.test(f.ruleId));
      expect(notes.map((n) => [n.file, n.ruleId, n.message]).sort()).toEqual(json.passedOver.map((p) => [p.file, p.ruleId, p.reason]).sort());
      const stylish = await hoso(['inspect', '.'], { cwd: dir });
      expect(stylish.stdout).toContain('\nKhông đọc:\n');
      expect(stylish.stdout).toContain('\n  to-trinh.pdf: Không phải danh sách đề nghị (.pdf): không kiểm tra.\n');
      expect(stylish.stdout).toContain('1 tệp/thư mục bỏ qua theo cấu hình');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every fixture a user could give, except the broken ones. */
function fixtureFiles(dir = FIXTURES): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return p === path.join(FIXTURES, 'bad') ? [] : fixtureFiles(p);
      return /\.(xlsx|csv|tsv|txt)$/.test(e.name) ? [path.relative(path.join(FIXTURES, '..'), p)] : [];
    });
}

/** The rows of each sheet with a cell, and those with a text, read without TableReader. */
async function rowsOf(file: string): Promise<Map<string, { any: number[]; text: number[] }>> {
  const source = await openSource(path.join(FIXTURES, '..', file));
  const out = new Map<string, { any: number[]; text: number[] }>();
  try {
    for (const sheet of source.sheets) {
      const rows = { any: [] as number[], text: [] as number[] };
      for await (const row of source.rows(sheet)) {
        if (row.cells.length === 0) continue;
        rows.any.push(row.row);
        if (row.cells.some((c) => c.t !== 'e' && displayText(c) !== '')) rows.text.push(row.row);
      }
      out.set(sheet.name, rows);
    }
  } finally {
    await source.close();
  }
  return out;
}

describe('hoso inspect on every fixture', () => {
  it('gives every non-empty row of every checked sheet a class, and counts the nominees check counts', async () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(50);
    const { code, json } = await inspectJson(files);
    expect(code).toBe(0);
    expect(json.files.map((f) => f.file)).toEqual(files);
    const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
    for (const f of json.files) {
      const raw = await rowsOf(f.file);
      for (const sheet of f.sheets) {
        expect(sheet.more, `${f.file} › ${sheet.name}`).toBeUndefined();
        if (!sheet.checked) continue;
        const [h1] = sheet.headerRows!;
        const { any, text } = raw.get(sheet.name)!;
        // Above the header, the rows with a text are the title; under it, every row with a cell is classed.
        const due = [...text.filter((r) => r < h1), ...any.filter((r) => r >= h1)];
        for (const r of due) expect(runAt(sheet, r)?.class, `${f.file} › ${sheet.name} row ${r}`).toBeDefined();
        // Runs count exactly the rows they hold (the header's rows whatever they hold).
        const counted = sheet.rows.filter((r) => r.class !== 'header' && r.class !== 'title').reduce((n, r) => n + r.count, 0);
        expect(counted, `${f.file} › ${sheet.name}`).toBe(any.filter((r) => r > sheet.headerRows![1]).length);
      }
      const nominees = f.sheets.reduce((n, s) => n + s.nominees, 0);
      const checked = await checkPaths([path.join(FIXTURES, '..', f.file)], { ruleSet, profiles: [], lang: 'vi' });
      expect(nominees, f.file).toBe(checked.rows);
    }
  });
});

describe('hoso inspect, stylish', () => {
  it('says in Vietnamese how a file was read, run by run', async () => {
    const run = await hoso(['inspect', 'fixtures/csv/tong-som.csv']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('fixtures/csv/tong-som.csv');
    expect(run.stdout).toContain('  Trang «tong-som»: được kiểm tra\n');
    expect(run.stdout).toContain('    Dòng tiêu đề cột: 1–2\n');
    expect(run.stdout).toMatch(/\n {6}B {3}«Họ và tên \/ Tên tập thể» +→ ten\n/);
    expect(run.stdout).toMatch(/\n {6}4–5 +dòng đề nghị, có tên \(2\)\n/);
    expect(run.stdout).toMatch(/\n {6}6 +dòng tổng \/ cộng: «Tổng cộng: 2»\n/);
    expect(run.stdout).toMatch(/\n {6}7–8 +dòng đề nghị, có tên, nằm dưới dòng tổng ở dòng 6 \(2\)\n/);
    expect(run.stdout).toMatch(/\n1 tệp, 1 trang được kiểm tra, 4 dòng đề nghị\n$/);
    expect(run.stdout).not.toMatch(/nominee|checked/);
  });

  it('says it in English with --lang en, skipped sheets with their reason', async () => {
    const run = await hoso(['inspect', 'fixtures/layout/trang-ten-danh-muc.xlsx', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  Sheet «HD»: checked (named like a code list: needs the name column and at least two more)\n');
    expect(run.stdout).toContain('  Sheet «DANHMUC»: skipped — its name is that of a code list');
    expect(run.stdout).toMatch(/\n {6}8–9 +nominee, has a name \(2\)\n/);
    expect(run.stdout).toContain('  Unit (title block): «UBND XÃ ĐẮK KÔI»\n');
    expect(run.stdout).toMatch(/\n1 file, 2 sheets checked, 6 nominee rows\n$/);
    expect(run.stdout).not.toMatch(/dòng đề nghị|được kiểm tra/);
  });

  it('shows the control characters of a dossier as codes, never raw, in both formats', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-inspect-'));
    const file = path.join(dir, 'ds.csv');
    const text = 'STT,Họ và tên,Đơn vị công tác,Đối tượng\n1,Nguyễn Văn A,Trường X,Cá nhân\n"Tổng cộng: 1\u001b[2J\u009b31m\u202e",,,\n';
    fs.writeFileSync(file, text);
    const stylish = await hoso(['inspect', file]);
    const json = await hoso(['inspect', file, '-f', 'json']);
    for (const out of [stylish.stdout, json.stdout]) expect(out).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(stylish.stdout).toContain('\\u{1B}[2J\\u{9B}31m\\u{202E}');
    // JSON's own escapes, so that the JSON reads back to the cell's text.
    expect(json.stdout).toContain('\\u001b[2J\\u009b31m\\u202e');
    expect((JSON.parse(json.stdout) as Json).files[0].sheets[0].rows.find((r) => r.class === 'total')!.text).toBe('Tổng cộng: 1\u001b[2J\u009b31m\u202e');
    // The input is left as it was.
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});
