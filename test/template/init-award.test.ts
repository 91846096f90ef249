/**
 * `hoso init --award`: a template for the Law's titles and forms chosen. Its columns are who the
 * nominee is and every evidence column the chosen awards' rules read (no other evidence column),
 * each noted with the articles that need it; it reads as an award list of its year; and filled
 * with the award fixtures' rows it checks clean, or gives exactly the findings their defects plant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AWARD_CASES, datedAs, type AwardCase } from '../../scripts/fixture-kit/awards.js';
import type { CellInput } from '../../scripts/fixture-kit/dossier.js';
import { DATA_SHEET, LISTS_SHEET } from '../../src/template/build.js';
import { hoso, type Report } from '../support/cli.js';

vi.setConfig({ testTimeout: 120_000 });

/** Who the nominee is: the columns every award template has, whatever the awards. */
const IDENTITY = ['stt', 'ten', 'loai', 'linh_vuc', 'don_vi', 'chuc_vu', 'nam_sinh', 'gioi_tinh', 'thanh_tich', 'hinh_thuc', 'ghi_chu'];

/**
 * The evidence each award's criteria read (rules/vn-law-2022.yaml), written out from the Law's
 * articles: the template must hold exactly these beside the identity. The council's vote
 * (`ty_le_phieu`) is Decree 98/2023's, in force to 30 June 2025: a list of 2025 may still be
 * dated under it, one of 2026 may not.
 */
const EVIDENCE: Record<string, { 2025: string[]; 2026: string[] }> = {
  ldtt: { 2025: ['xep_loai'], 2026: ['xep_loai'] },
  cstdcs: { 2025: ['xep_loai', 'so_sang_kien', 'so_de_tai', 'ty_le_phieu'], 2026: ['xep_loai', 'so_sang_kien', 'so_de_tai'] },
  // The streak of CSTĐCS: the count, or the titles held year by year; Decree 152's discipline (from 2025-07-01).
  'cstd-tinh': {
    2025: ['so_lan_cstdcs_lien_tuc', 'so_sang_kien_cap_tinh', 'ty_le_phieu', 'danh_hieu_da_dat', 'nam_ky_luat'],
    2026: ['so_lan_cstdcs_lien_tuc', 'so_sang_kien_cap_tinh', 'danh_hieu_da_dat', 'nam_ky_luat'],
  },
  ttldtt: { 2025: ['xep_loai', 'tong_so_ca_nhan', 'so_ldtt', 'ty_le_ldtt', 'so_ky_luat_canh_cao'], 2026: ['xep_loai', 'tong_so_ca_nhan', 'so_ldtt', 'ty_le_ldtt', 'so_ky_luat_canh_cao'] },
  ttldxs: { 2025: ['xep_loai', 'tong_so_ca_nhan', 'so_hoan_thanh_nv', 'so_ldtt', 'ty_le_ldtt', 'so_cstdcs'], 2026: ['xep_loai', 'tong_so_ca_nhan', 'so_hoan_thanh_nv', 'so_ldtt', 'ty_le_ldtt', 'so_cstdcs'] },
  'co-tinh': { 2025: ['dan_dau_cum_khoi', 'ty_le_phieu'], 2026: ['dan_dau_cum_khoi'] },
  'gia-dinh-van-hoa': { 2025: [], 2026: [] },
  // Ground (d) of Art. 74: an individual's CSTĐCS, a collective's HTXSNV or TTLĐXS, two years in a row.
  'bk-tinh': { 2025: ['xep_loai', 'danh_hieu_da_dat', 'nam_ky_luat'], 2026: ['xep_loai', 'danh_hieu_da_dat', 'nam_ky_luat'] },
};

/** The year columns a streak reads: the years before the award year (Art. 22(1)(a)'s three, Art. 74's two). */
const STREAK_YEARS: Record<string, Record<string, number>> = { 'cstd-tinh': { danh_hieu_da_dat: 3 }, 'bk-tinh': { danh_hieu_da_dat: 2, xep_loai: 2 } };

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-init-award-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Written {
  file: string;
  /** Column letters by key, and by `key_YYYY` for a year column, as `hoso inspect` reads the template. */
  letters: Map<string, string>;
  keys: string[];
}

let count = 0;
/** Runs `hoso init` with the arguments, then reads the template back with `hoso inspect`. */
async function init(args: string[]): Promise<Written> {
  const file = path.join(tmp, `mau-${++count}.xlsx`);
  const run = await hoso(['init', '-o', file, ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const read = await hoso(['inspect', file, '-f', 'json']);
  const sheet = JSON.parse(read.stdout).files[0].sheets.find((s: { name: string }) => s.name === DATA_SHEET);
  const columns: { column: string; key: string; year?: number }[] = sheet.columns;
  return { file, letters: new Map(columns.map((c) => [c.year ? `${c.key}_${c.year}` : c.key, c.column])), keys: [...new Set(columns.map((c) => c.key))] };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const noteOf = (cell: ExcelJS.Cell) => {
  const n = cell.note as string | { texts: { text: string }[] } | undefined;
  return typeof n === 'string' ? n : (n?.texts.map((t) => t.text).join('') ?? '');
};

/** A header cell's note: on the year's sub-header for a year column. */
function headerNote(ws: ExcelJS.Worksheet, letter: string): string {
  return noteOf(ws.getCell(`${letter}6`)) || noteOf(ws.getCell(`${letter}7`));
}

/** The values a drop-down offers at a cell, read from the hidden sheet it points to (a plain range only). */
function dropDown(wb: ExcelJS.Workbook, address: string): string[] | string {
  const formula = wb.getWorksheet(DATA_SHEET)!.getCell(address).dataValidation?.formulae?.[0] as string;
  const m = /^'(.+)'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula);
  if (!m) return formula;
  const lists = wb.getWorksheet(m[1])!;
  return Array.from({ length: Number(m[4]) - Number(m[3]) + 1 }, (_, i) => String(lists.getCell(`${m[2]}${Number(m[3]) + i}`).value));
}

describe('hoso init --award: the columns', () => {
  for (const [award, byYear] of Object.entries(EVIDENCE)) {
    it(`${award}: who the nominee is and every evidence column its criteria read, no other`, async () => {
      for (const year of [2025, 2026] as const) {
        const t = await init(['--award', award, '--year', String(year)]);
        expect(t.keys.sort(), `${award} ${year}`).toEqual([...IDENTITY, ...byYear[year]].sort());
        // A year column is spelled out over the years its criteria read: a rating the award year's
        // only, a streak's the years before it (never the award year itself).
        for (const key of byYear[year].filter((k) => k === 'xep_loai' || k === 'danh_hieu_da_dat')) {
          const n = STREAK_YEARS[award]?.[key];
          const years = n ? Array.from({ length: n }, (_, i) => year - n + i) : [year];
          expect([...t.letters.keys()].filter((k) => k.startsWith(`${key}_`)), `${award} ${year} ${key}`).toEqual(years.map((y) => `${key}_${y}`));
        }
      }
    });
  }

  it('takes the union of several awards, each named by an id, abbreviation, name or system code', async () => {
    const byId = await init(['--award', 'ldtt', '--award', 'ttldxs', '--award', 'co-tinh', '--year', '2026']);
    expect([...byId.keys].sort()).toEqual([...new Set([...IDENTITY, ...EVIDENCE.ldtt[2026], ...EVIDENCE.ttldxs[2026], ...EVIDENCE['co-tinh'][2026]])].sort());
    const byNames = await init(['--award', 'Lao động tiên tiến', '--award', 'TTLĐXS', '--award', '1668522916', '--award', 'LĐTT', '--year', '2026']);
    expect(byNames.keys).toEqual(byId.keys);
    // Who the nominee is, then the evidence, then the summary, the award and the notes.
    expect(byId.keys.slice(-3)).toEqual(['thanh_tich', 'hinh_thuc', 'ghi_chu']);
  });

  it("leaves out the column of a criterion the config turns off, and keeps the rest", async () => {
    const config = path.join(tmp, 'tat.yaml');
    fs.writeFileSync(config, 'severity:\n  vn-law-2022/ttldtt/khong-ky-luat: off\n');
    const t = await init(['--award', 'ttldtt', '--year', '2025', '--config', config]);
    expect(t.keys.sort()).toEqual([...IDENTITY, ...EVIDENCE.ttldtt[2025].filter((k) => k !== 'so_ky_luat_canh_cao')].sort());
  });
});

describe('hoso init --award: the sheet', () => {
  it('titles itself an award list of its year and leaves the place and date to fill, which inspect reads as an award list', async () => {
    const titles = await init(['--award', 'cstdcs', '--award', 'ldtt', '--year', '2025']);
    const ws = (await open(titles.file)).getWorksheet(DATA_SHEET)!;
    expect(ws.getCell('A4').value).toBe('DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2025');
    expect([1, 2, 3].map((r) => (ws.getRow(r).values as unknown[]).filter(Boolean).at(-1))).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '…………, ngày … tháng … năm ……']);
    const read = JSON.parse((await hoso(['inspect', titles.file, '-f', 'json'])).stdout).files[0];
    expect(read.purpose).toMatchObject({ value: 'award', from: 'title' });

    const forms = await init(['--award', 'bk-tinh', '--year', '2025']);
    expect((await open(forms.file)).getWorksheet(DATA_SHEET)!.getCell('A4').value).toBe('DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NĂM 2025');
    expect(JSON.parse((await hoso(['inspect', forms.file, '-f', 'json'])).stdout).files[0].purpose).toMatchObject({ value: 'award', from: 'title' });
    const both = await init(['--award', 'ldtt', '--award', 'giay-khen', '--year', '2025']);
    expect((await open(both.file)).getWorksheet(DATA_SHEET)!.getCell('A4').value).toBe('DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA VÀ TẶNG HÌNH THỨC KHEN THƯỞNG NĂM 2025');
  });

  it('notes on each evidence column the criteria and articles that need it, in Vietnamese or English', async () => {
    const t = await init(['--award', 'ttldtt', '--award', 'ttldxs', '--award', 'cstdcs', '--year', '2025']);
    const ws = (await open(t.file)).getWorksheet(DATA_SHEET)!;
    const ldtt = headerNote(ws, t.letters.get('so_ldtt')!);
    expect(ldtt).toContain('Cần cho:');
    expect(ldtt).toContain('– TTLĐTT: ít nhất 70% cá nhân đạt LĐTT (Luật TĐKT 06/2022/QH15 Điều 28 khoản 1 điểm c)');
    expect(ldtt).toContain('– TTLĐXS: ít nhất 70% cá nhân đạt LĐTT (Luật TĐKT 06/2022/QH15 Điều 27 khoản 1 điểm c)');
    expect(headerNote(ws, t.letters.get('so_de_tai')!)).toContain('Điều 23 khoản 2');
    // A decree's clause in force between dates says its dates.
    expect(headerNote(ws, t.letters.get('ty_le_phieu')!)).toContain('(Nghị định 98/2023/NĐ-CP Điều 30 khoản 7 (01/01/2024–30/6/2025); hồ sơ ghi ngày 01/01/2024–30/06/2025)');
    expect(headerNote(ws, t.letters.get('xep_loai_2025')!)).toMatch(/Điều 23 khoản 1\)[\s\S]*Điều 28 khoản 1 điểm a[\s\S]*Điều 27 khoản 1 điểm a/);
    // Who the nominee is cites nothing: no rule of a chosen award needs it as evidence.
    expect(headerNote(ws, t.letters.get('don_vi')!)).not.toContain('Cần cho');
    for (const key of EVIDENCE.ttldxs[2025]) expect(headerNote(ws, t.letters.get(key === 'xep_loai' ? 'xep_loai_2025' : key)!), key).toContain('Luật TĐKT 06/2022/QH15 Điều 2');

    const en = await init(['--award', 'ttldtt', '--year', '2025', '--lang', 'en']);
    const note = headerNote((await open(en.file)).getWorksheet(DATA_SHEET)!, en.letters.get('so_ky_luat_canh_cao')!);
    expect(note).toContain('Needed for:\n– TTLĐTT: nobody disciplined at warning or above (Luật TĐKT 06/2022/QH15 Điều 28 khoản 1 điểm c)');
  });

  it('notes each year of a rating column with the rules that read that year: the award year\'s criteria, a streak\'s years before it', async () => {
    const t = await init(['--award', 'ldtt', '--award', 'bk-tinh', '--year', '2025']);
    const ws = (await open(t.file)).getWorksheet(DATA_SHEET)!;
    expect([...t.letters.keys()].filter((k) => k.startsWith('xep_loai_'))).toEqual(['xep_loai_2023', 'xep_loai_2024', 'xep_loai_2025']);
    const before = headerNote(ws, t.letters.get('xep_loai_2024')!);
    expect(before).toContain('Điều 74');
    expect(before).not.toContain('Điều 24');
    const award = headerNote(ws, t.letters.get('xep_loai_2025')!);
    expect(award).toContain('Điều 24 khoản 1 điểm a');
    expect(award).not.toContain('Điều 74');
    expect(headerNote(ws, t.letters.get('danh_hieu_da_dat_2023')!)).toContain('Điều 74 khoản 1 điểm d');
  });

  it('offers drop-downs: the kinds the awards go to, the awards by the row’s kind, the ratings, yes or no', async () => {
    const t = await init(['--award', 'ldtt', '--award', 'ttldtt', '--award', 'co-tinh', '--year', '2025']);
    const wb = await open(t.file);
    expect(wb.getWorksheet(LISTS_SHEET)!.state).toBe('hidden');
    const at = (key: string) => `${t.letters.get(key)}8`;
    expect(dropDown(wb, at('loai'))).toEqual(['Tập thể', 'Cá nhân']);
    expect(dropDown(wb, at('xep_loai_2025'))).toEqual(['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ']);
    expect(dropDown(wb, at('dan_dau_cum_khoi'))).toEqual(['Có', 'Không']);
    // The award column: the collectives' awards for a collective, the individual's for an individual, all while the kind is empty.
    const formula = dropDown(wb, at('hinh_thuc')) as string;
    const kind = `$${t.letters.get('loai')}8`;
    const [, collective, individual, all] = new RegExp(`^IF\\(\\${kind}="Tập thể",(.+?),IF\\(\\${kind}="Cá nhân",(.+?),(.+?)\\)\\)$`).exec(formula) ?? [];
    const values = (range: string) => {
      const [, letter, first, last] = /\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(range)!;
      return Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => wb.getWorksheet(LISTS_SHEET)!.getCell(`${letter}${Number(first) + i}`).value);
    };
    expect(values(collective)).toEqual(['Tập thể lao động tiên tiến', 'Cờ thi đua của Ủy ban nhân dân tỉnh']);
    expect(values(individual)).toEqual(['Lao động tiên tiến']);
    expect(values(all)).toEqual(['Lao động tiên tiến', 'Tập thể lao động tiên tiến', 'Cờ thi đua của Ủy ban nhân dân tỉnh']);
    // Another award may be typed all the same: a warning, not a refusal; a kind outside the list is refused.
    expect(wb.getWorksheet(DATA_SHEET)!.getCell(at('hinh_thuc')).dataValidation.errorStyle).toBe('warning');
    expect(wb.getWorksheet(DATA_SHEET)!.getCell(at('loai')).dataValidation.errorStyle).toBe('stop');
    // One kind only: one plain list.
    const one = await init(['--award', 'cstdcs', '--year', '2025']);
    expect(dropDown(await open(one.file), `${one.letters.get('hinh_thuc')}8`)).toEqual(['Chiến sĩ thi đua cơ sở']);
  });
});

/** The case's rows, with its defects applied when asked, and the findings the defects plant. */
function rowsOf(a: AwardCase, broken: boolean): { values: Record<string, CellInput>; expect: { rule: string; key: string }[] }[] {
  return a.rows.map((r) => {
    const defects = broken ? a.defects.filter((d) => d.on === r.values.ten) : [];
    const values = Object.assign({}, r.values, ...defects.map((d) => d.set)) as Record<string, CellInput>;
    return { values, expect: defects.flatMap((d) => d.expect.map((e) => ({ rule: e.rule, key: e.key ?? Object.keys(d.set)[0] }))) };
  });
}

/** Fills a copy of the template as an officer would: the unit, the place and date, the rows from row 8. */
async function fill(t: Written, a: AwardCase, rows: ReturnType<typeof rowsOf>, name: string): Promise<{ file: string; unread: Set<string> }> {
  const { unit, dateLine } = datedAs(a);
  const wb = await open(t.file);
  const ws = wb.getWorksheet(DATA_SHEET)!;
  ws.getCell('A1').value = unit;
  const dateCell = (ws.getRow(3).values as unknown[]).findIndex((v) => typeof v === 'string' && v.includes('ngày'));
  ws.getCell(3, dateCell).value = dateLine;
  const unread = new Set<string>();
  rows.forEach((r, i) => {
    ws.getCell(`${t.letters.get('stt')}${8 + i}`).value = i + 1;
    for (const [key, v] of Object.entries(r.values)) {
      const letter = t.letters.get(key);
      if (!letter) unread.add(key);
      else if (v !== null && v !== undefined) ws.getCell(`${letter}${8 + i}`).value = v as ExcelJS.CellValue;
    }
  });
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return { file, unread };
}

describe('hoso init --award: filled with the award fixtures’ rows', () => {
  for (const a of AWARD_CASES) {
    it(`${a.award}: checks clean with the passing rows, and gives exactly the planted findings with the failing ones`, async () => {
      const { year } = datedAs(a);
      const t = await init(['--award', a.award, '--year', String(year)]);
      const ok = await fill(t, a, rowsOf(a, false), `${a.slug}-dat.xlsx`);
      // What the fixtures fill and the template has no column for: the direct-worker column of
      // the exemplar plans, and ratings of other years than the award year.
      expect([...ok.unread].filter((k) => k !== 'lao_dong_truc_tiep' && !/^xep_loai_\d{4}$/.test(k))).toEqual([]);
      const clean = await hoso(['check', ok.file, '-f', 'json']);
      expect(clean.stderr).toBe('');
      const report: Report = JSON.parse(clean.stdout);
      expect(report.findings.map((f) => [f.ruleId, f.severity, f.sheet])).toEqual([['hoso/trang-bo-qua', 'info', LISTS_SHEET]]);
      expect(report.summary).toMatchObject({ files: 1, rows: a.rows.length });
      expect(clean.code).toBe(0);

      const rows = rowsOf(a, true);
      const bad = await fill(t, a, rows, `${a.slug}-khong-dat.xlsx`);
      const run = await hoso(['check', bad.file, '-f', 'json']);
      const found: Report = JSON.parse(run.stdout);
      const planted = rows.flatMap((r, i) => r.expect.map((e) => `${e.rule} ${t.letters.get(e.key)}${8 + i}`));
      expect(found.findings.filter((f) => f.row !== undefined).map((f) => `${f.ruleId} ${f.column}${f.row}`).sort()).toEqual(planted.sort());
      expect(found.findings.filter((f) => f.row === undefined).map((f) => f.ruleId)).toEqual(['hoso/trang-bo-qua']);
      expect(run.code).toBe(1);
    });
  }
});

describe('hoso init --award: mistakes', () => {
  it('stops at an award the packs do not know, with the nearest names, in one line and exit 2', async () => {
    const file = path.join(tmp, 'khong-ghi.xlsx');
    const vi = await hoso(['init', '--award', 'ldtt', '--award', 'CSTĐC', '-o', file]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe('hoso: không có danh hiệu, hình thức khen thưởng «CSTĐC». Có phải ý bạn là «CSTĐCS»?\n');
    const en = await hoso(['init', '--award', 'Lao dong tien tieng', '-o', file, '--lang', 'en']);
    expect(en.stderr).toBe('hoso: no award "Lao dong tien tieng" (did you mean "Lao động tiên tiến"?)\n');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('takes --year with --award only, and a year only', async () => {
    const file = path.join(tmp, 'khong-ghi.xlsx');
    const alone = await hoso(['init', '--year', '2025', '-o', file, '--lang', 'en']);
    expect([alone.code, alone.stderr]).toEqual([2, 'hoso: --year goes with --award\n']);
    const wrong = await hoso(['init', '--award', 'ldtt', '--year', '25', '-o', file, '--lang', 'en']);
    expect([wrong.code, wrong.stderr]).toEqual([2, 'hoso: --year takes a year such as 2025, not "25"\n']);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('keeps an existing file unless --force, as a blank template does', async () => {
    const t = await init(['--award', 'ldtt', '--year', '2025']);
    const before = fs.readFileSync(t.file);
    const again = await hoso(['init', '--award', 'ttldtt', '-o', t.file]);
    expect(again.code).toBe(2);
    expect(fs.readFileSync(t.file).equals(before)).toBe(true);
    expect((await hoso(['init', '--award', 'ttldtt', '-o', t.file, '--force'])).code).toBe(0);
  });
});
