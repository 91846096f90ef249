/**
 * The pieces government sheets are made of: the columns as officers head them, the title block
 * and the footer, nominee rows and their deliberate defects, and what the rules are known to say
 * about them (which rules are warnings, which are criteria of a field).
 */
import type { CellInput, Column, ColumnDef, ColumnGroup, DossierSpec, ExpectedFinding, GroupExpect, NomineeRow, RowExpect, Severity, SheetSpec, TextLine } from './dossier.js';

// ---------------------------------------------------------------------------------------------
// What the bundled packs say about severity (rules/*.yaml)

/** Rules whose findings are warnings; every other rule reports errors. */
const WARNING_RULES = new Set([
  'chung/linh-vuc-hop-le',
  'chung/uu-tien-lao-dong-truc-tiep',
  'cong-thuong/sang-kien',
  'ca-nhan/lanh-dao-co-tap-the',
  'hung-yen/phong-trao-doi-ten',
  'hoso/duoi-dong-tong',
  'hoso/duoi-chan-trang',
]);

/** The criteria of the fields (tag `tieu-chi`): failing one at error level bars a provincial award. */
const CRITERIA_RULES = /^(hoc-tap-lam-theo-bac|co-quan-kieu-mau|khu-dan-cu|giao-duc|cai-cach-hanh-chinh|san-xuat-kinh-doanh|nong-thon-moi|cong-thuong|ca-nhan|ho-gia-dinh)\//;

/** The forms `kon-tum/hinh-thuc-dung-tieu-chuan` treats as provincial or higher. */
const PROVINCIAL = /\b(tỉnh|Thủ tướng|Chính phủ|Chủ tịch nước|Huân chương|toàn quốc|Anh hùng)\b/i;

export function severityOf(rule: string): Severity {
  return WARNING_RULES.has(rule) ? 'warning' : 'error';
}

/** A finding expected at the cell of `key` on the row it is attached to. */
export function at(rule: string, key: string): RowExpect {
  return { rule, key, severity: severityOf(rule) };
}

/** A finding about a sheet or a unit (no row). A criterion whose column is missing is a warning. */
export function about(rule: string, group: string, severity: Severity = severityOf(rule)): GroupExpect {
  return { rule, group, severity };
}

// ---------------------------------------------------------------------------------------------
// Columns, headed the way officers head them

const col = (key: string, header: string, width = 14, numFmt?: string): Column => ({ key, header, width, ...(numFmt ? { numFmt } : {}) });

export const C = {
  stt: col('stt', 'STT', 5),
  ten: col('ten', 'Họ và tên / Tên tập thể', 30),
  loai: col('loai', 'Đối tượng', 11),
  linh_vuc: col('linh_vuc', 'Lĩnh vực', 20),
  phong_trao: col('phong_trao', 'Phong trào thi đua', 26),
  don_vi: col('don_vi', 'Đơn vị công tác', 26),
  dia_chi: col('don_vi', 'Địa chỉ', 24),
  don_vi_de_nghi: col('don_vi_de_nghi', 'Đơn vị đề nghị', 24),
  chuc_vu: col('chuc_vu', 'Chức vụ', 18),
  lanh_dao: col('lanh_dao', 'Lãnh đạo, quản lý', 10),
  lao_dong_truc_tiep: col('lao_dong_truc_tiep', 'Lao động trực tiếp', 10),
  nam_sinh: col('nam_sinh', 'Năm sinh', 8),
  ngay_sinh: col('nam_sinh', 'Ngày, tháng, năm sinh', 12),
  gioi_tinh: col('gioi_tinh', 'Giới tính', 7),
  dan_toc: col('dan_toc', 'Dân tộc', 9),
  xep_loai_dang: col('xep_loai_dang', 'Xếp loại tổ chức đảng', 16),
  ty_le_neu_guong: col('ty_le_neu_guong', 'Tỷ lệ cán bộ, đảng viên nêu gương (%)', 12, '0%'),
  ty_le_lanh_dao_neu_guong: col('ty_le_lanh_dao_neu_guong', 'Tỷ lệ lãnh đạo, quản lý nêu gương (%)', 12, '0%'),
  so_ky_luat: col('so_ky_luat', 'Số cá nhân bị kỷ luật', 10),
  an_toan_antt: col('an_toan_antt', 'Đạt tiêu chuẩn an toàn về ANTT', 12),
  so_ho_so_tre_han: col('so_ho_so_tre_han', 'Số hồ sơ trễ hạn', 10),
  so_ho_so_ton_dong: col('so_ho_so_ton_dong', 'Số hồ sơ tồn đọng', 10),
  so_ho_tai_ngheo: col('so_ho_tai_ngheo', 'Số hộ tái nghèo', 9),
  so_nguoi_te_nan: col('so_nguoi_te_nan', 'Số người mắc tệ nạn xã hội', 10),
  dat_chuan_ntm: col('dat_chuan_ntm', 'Đạt chuẩn nông thôn mới', 12),
  so_sang_kien: col('so_sang_kien', 'Số sáng kiến', 9),
  thanh_tich: col('thanh_tich', 'Tóm tắt thành tích', 60),
  hinh_thuc: col('hinh_thuc', 'Hình thức đề nghị', 26),
  ghi_chu: col('ghi_chu', 'Ghi chú', 12),
};

export const PERIOD = [2023, 2024, 2025];

/** One column per year under a merged group header: "Xếp loại" over "2023 | 2024 | 2025". */
export function yearly(key: string, group: string, years = PERIOD, label = (y: number) => String(y), numFmt?: string): ColumnGroup {
  return { group, columns: years.map((y) => col(`${key}_${y}`, label(y), 12, numFmt)) };
}

export const XEP_LOAI = yearly('xep_loai', 'Xếp loại');

/** Who the nominee is: the columns a full list opens with, before its field's criteria. */
export const WHO = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lanh_dao, C.lao_dong_truc_tiep, C.nam_sinh];
export const GDVH = yearly('gia_dinh_van_hoa', 'Gia đình văn hóa', PERIOD, (y) => `Năm ${y}`);

// ---------------------------------------------------------------------------------------------
// Values

export const HTXSNV = 'Hoàn thành xuất sắc nhiệm vụ';
export const pct = (fraction: number, fmt?: string): CellInput => ({ pct: fraction, ...(fmt ? { fmt } : {}) });

/** "Hoàn thành xuất sắc nhiệm vụ" for 2023–2025, or the ratings given. */
export function ratings(r: [string, string, string] = [HTXSNV, HTXSNV, HTXSNV]): Record<string, CellInput> {
  return { xep_loai_2023: r[0], xep_loai_2024: r[1], xep_loai_2025: r[2] };
}

export function culturalFamily(v: [CellInput, CellInput, CellInput] = ['x', 'x', 'x']): Record<string, CellInput> {
  return { gia_dinh_van_hoa_2023: v[0], gia_dinh_van_hoa_2024: v[1], gia_dinh_van_hoa_2025: v[2] };
}

export function nominee(values: Record<string, CellInput>, ...expect: RowExpect[]): NomineeRow {
  return { type: 'nominee', values, expect };
}

// ---------------------------------------------------------------------------------------------
// Defects: what the generator breaks, and the findings that must follow

export interface Defect {
  /** The nominee's name (the `ten` cell) before the defect. */
  on: string;
  set: Record<string, CellInput>;
  /** The findings this defect must produce; `key` defaults to the first cell set. */
  expect: { rule: string; key?: string }[];
  /** What was broken, in words (kept in expected.json). */
  why: string;
}

function applyTo(row: NomineeRow, d: Defect): NomineeRow {
  const first = Object.keys(d.set)[0];
  const values = { ...row.values, ...d.set };
  const expect = [...row.expect, ...d.expect.map((e) => at(e.rule, e.key ?? first))];
  const hinhThuc = values.hinh_thuc;
  const failsCriterion = expect.some((e) => CRITERIA_RULES.test(e.rule) && e.severity === 'error');
  if (failsCriterion && typeof hinhThuc === 'string' && PROVINCIAL.test(hinhThuc) && !expect.some((e) => e.rule === 'kon-tum/hinh-thuc-dung-tieu-chuan')) {
    throw new Error(`defect "${d.why}": the row is proposed for "${hinhThuc}", so kon-tum/hinh-thuc-dung-tieu-chuan must be expected too`);
  }
  return { ...row, values, expect };
}

/** The sheet with its defects applied, each to the one nominee it names. */
export function withDefects(sheet: SheetSpec, defects: Defect[]): SheetSpec {
  let body = sheet.body;
  for (const d of defects) {
    const hits = body.filter((r) => r.type === 'nominee' && r.values.ten === d.on);
    if (hits.length !== 1) throw new Error(`defect "${d.why}": ${hits.length} rows are named "${d.on}" in ${sheet.name}`);
    body = body.map((r) => (r === hits[0] ? applyTo(r as NomineeRow, d) : r));
  }
  return { ...sheet, body };
}

// ---------------------------------------------------------------------------------------------
// Title block and footer

export const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
export const HEADING = 'DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN NĂM 2025';

/** Unit top left, motto top right, the title merged across, a blank line: the header on row 5. */
export function titleBlock(unit: string, heading = HEADING): TextLine[] {
  return [{ left: unit, right: MOTTO[0] }, { right: MOTTO[1] }, { center: heading }, {}];
}

/** The five-line variant: a document number under the unit and a line saying what it is attached to. */
export function longTitleBlock(unit: string, number: string, heading: string, attachedTo: string): TextLine[] {
  return [{ left: unit, right: MOTTO[0] }, { left: number, right: MOTTO[1], bold: false }, {}, { center: heading }, { center: attachedTo, bold: false, italic: true }];
}

export interface Signing {
  place: string;
  /** [day, month, year] */
  date: [number, number, number];
  maker: string;
  head: string;
  headTitle?: string;
}

/** The place-and-date line: "Đắk Ruồng, ngày 15 tháng 12 năm 2025". */
export function dateLine(s: Signing): string {
  const [d, m, y] = s.date;
  return `${s.place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** "Tổng cộng: N", the place and date, who made the list and who signs it. */
export function footer(s: Signing, total = 'Tổng cộng: {n}'): TextLine[] {
  return [
    { total },
    {},
    { right: dateLine(s), bold: false, italic: true },
    { left: 'NGƯỜI LẬP BIỂU', right: s.headTitle ?? 'THỦ TRƯỞNG ĐƠN VỊ' },
    { left: '(Ký, ghi rõ họ tên)', right: '(Ký tên, đóng dấu)', bold: false, italic: true },
    {},
    {},
    { left: s.maker, right: s.head },
  ];
}

export interface Section {
  /** Without it, the rows stand under the header with no group row. */
  roman?: string;
  label?: string;
  rows: NomineeRow[];
  style?: 'split' | 'merged' | 'name';
}

export function sheet(o: {
  name?: string;
  title: TextLine[];
  columns: ColumnDef[];
  sections: Section[];
  footer: TextLine[];
  numbering?: SheetSpec['numbering'];
  expect?: GroupExpect[];
  stt?: SheetSpec['stt'];
}): SheetSpec {
  return {
    name: o.name ?? 'Danh sách',
    title: o.title,
    columns: o.columns,
    numbering: o.numbering ?? 'paren',
    body: o.sections.flatMap((s) => [...(s.roman ? [{ type: 'group' as const, roman: s.roman, label: s.label ?? '', style: s.style ?? 'split' }] : []), ...s.rows]),
    footer: o.footer,
    expect: o.expect,
    stt: o.stt,
  };
}

/**
 * The instructions sheet many templates carry: the same header and example rows that are wrong on
 * purpose ("x" as a summary, no unit). It is never a dossier, so none of it may be checked.
 */
export function instructionsSheet(columns: ColumnDef[]): SheetSpec {
  const keys = new Set(columns.flatMap((c) => ('group' in c ? c.columns : [c])).map((c) => c.key));
  const example = (ten: string, loai: string): NomineeRow => {
    const values: Record<string, CellInput> = { ten, loai, linh_vuc: 'Giáo dục', thanh_tich: 'x', hinh_thuc: 'Giấy khen', ...(loai === 'Cá nhân' ? ratings(['HTTNV', '', '']) : {}) };
    return nominee(Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k))));
  };
  return {
    name: 'Hướng dẫn',
    ignored: true,
    title: [
      { center: 'HƯỚNG DẪN GHI DANH SÁCH ĐỀ NGHỊ' },
      { left: '1. Cột (2) ghi đầy đủ họ và tên cá nhân hoặc tên tập thể; cột (3) ghi «Tập thể», «Cá nhân» hoặc «Hộ gia đình».', bold: false },
      { left: '2. Tỷ lệ ghi theo phần trăm (ví dụ 75%); các cột Có/Không ghi «Có» hoặc «Không».', bold: false },
      { left: '3. Ví dụ cách ghi (không tính vào danh sách):', bold: false, italic: true },
    ],
    columns,
    numbering: 'paren',
    body: [example('Nguyễn Văn A', 'Cá nhân'), example('Trường Tiểu học B', 'Tập thể')],
    footer: [{ left: 'Liên hệ: Phòng Nội vụ, điện thoại 0260.3823.xxx', bold: false }],
  };
}

// ---------------------------------------------------------------------------------------------
// Fixtures as the golden test sees them

/** One fixture: a file or a folder checked in one run, with the profiles in force. */
export interface Entry {
  /** The file or folder, relative to fixtures/. */
  path: string;
  description: string;
  profiles: string[];
  /** The deliberate defects, in words. */
  defects: string[];
  dossiers: DossierSpec[];
  /** Findings over every file checked together (a cap), reported at the first file read. */
  expect?: ExpectedFinding[];
  /** A hoso.config.yaml the check runs with (`--config`), relative to fixtures/. */
  config?: string;
  /** Past decision lists given with --history, relative to fixtures/. */
  history?: string[];
}

/** The sheet with every string (title, header, values, footer) passed through `f`. */
export function mapText(s: SheetSpec, f: (text: string) => string): SheetSpec {
  const value = (v: CellInput): CellInput => (typeof v === 'string' ? f(v) : v);
  const line = (l: TextLine): TextLine => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, typeof v === 'string' ? f(v) : v])) as TextLine;
  const column = (c: Column): Column => ({ ...c, header: f(c.header) });
  return {
    ...s,
    title: s.title.map(line),
    footer: s.footer.map(line),
    columns: s.columns.map((c) => ('group' in c ? { group: f(c.group), columns: c.columns.map(column) } : column(c))),
    body: s.body.map((r) =>
      r.type === 'group'
        ? { ...r, roman: f(r.roman), label: f(r.label) }
        : r.type === 'line'
          ? { ...r, line: line(r.line), ...(r.name !== undefined ? { name: f(r.name) } : {}) }
          : { ...r, values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, value(v)])) },
    ),
  };
}

/** Every string of a sheet in decomposed Unicode (NFD), as macOS and some web forms write it. */
export function decomposed(s: SheetSpec): SheetSpec {
  return mapText(s, (t) => t.normalize('NFD'));
}
