/**
 * Look-alikes of the import templates of an existing commendation system (Quảng Bình data; the
 * originals stand in ../shared/reference/quang-binh-tdkt, outside the repository, so tests read
 * these instead). Each copies what matters to a reader of the original: sheet names and order,
 * hidden sheets and columns, a title merged over the table with the header on row 3, codes where
 * names are expected (TAPTHE, NAM/NU, 0001), a rich-text header, 552 prepared rows whose lookup
 * columns R–U hold VLOOKUP formulas with a cached #N/A, code-list sheets and an instructions
 * sheet with example rows. The code lists are shortened; the nominees are invented.
 *
 * Their outcomes are asserted in test/read/reference.test.ts and test/read/xlsx.test.ts, not in
 * fixtures/expected.json: they are templates as a system ships them, not dossiers with defects.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { FIXED_DATE } from './dossier.js';

/** The folder under fixtures/ they are written to. */
export const REFERENCE_DIR = 'tham-chieu';

export type Cell = string | number | null;

/** Award forms (HTKT): name and the system's code, as in rules/quang-binh.yaml. */
const AWARDS: [string, string][] = [
  ['Huân chương Sao vàng', '1650359884'],
  ['Huân chương Hồ Chí Minh', '1650359965'],
  ['Huân chương Đại đoàn kết dân tộc', '1650360214'],
  ['Huân chương Dũng cảm', '1650360227'],
  ['Anh hùng Lao động', '1650360372'],
  ['Bằng khen', '1650360491'],
  ['Giấy khen', '1650360499'],
];
const TITLES: [string, string][] = [
  ['Chiến sĩ thi đua cơ sở', '1647933380'],
  ['Chiến sĩ thi đua toàn quốc', '1647933381'],
  ['Lao động tiên tiến', '1647933042'],
  ['Tập thể lao động xuất sắc', '1647933151'],
  ['Tập thể lao động tiên tiến', '1647933198'],
  ['Gia đình văn hóa', '1647933227'],
];
/** Kinds of nominee (PLDT); their codes are numbers in the original. */
const KINDS: [string, number][] = [
  ['Cơ quan Đảng', 1660638226],
  ['Cơ quan Trung Ương đóng trên địa bàn', 1660638247],
  ['Hộ gia đình', 1660638538],
  ['Các cấp lãnh đạo từ phó phòng trở lên', 1660638930],
  ['Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu', 1660638976],
];
/** Fields of activity (LVHD): 4-digit codes kept as text. */
const FIELDS: [string, string][] = [
  ['An ninh - Quốc phòng', '0001'],
  ['Báo chí - Thông tin - Truyền thông', '0009'],
  ['Bảo hiểm xã hội', '0021'],
  ['Giáo dục - Đào tạo', '0004'],
  ['Quản lý Nhà nước', '0012'],
  ['Y tế', '0005'],
];
const AWARD_KINDS: [string, string][] = [
  ['Khen thưởng cá nhân', 'CANHAN'],
  ['Khen thưởng tập thể', 'TAPTHE'],
  ['Khen thưởng hộ gia đình', 'HOGIADINH'],
];

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Admin';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function putRow(ws: ExcelJS.Worksheet, row: number, values: Cell[], from = 1): void {
  values.forEach((v, i) => {
    if (v !== null) ws.getCell(row, from + i).value = v;
  });
}

/** A numbered code table (STT, code, name) whose header stands on `row`, from column `col`. */
function codeTable(ws: ExcelJS.Worksheet, row: number, col: number, header: [string, string], entries: [string, string | number][]): void {
  putRow(ws, row, ['STT', ...header], col);
  entries.forEach(([name, code], i) => putRow(ws, row + 1 + i, [i + 1, code, name], col));
}

/** The sheet DANHSACH of the older templates: a title merged over row 1, the header on row 3, and `rows` from row 4. */
function danhSach(wb: ExcelJS.Workbook, title: string, header: string[], rows: Cell[][] = []): void {
  const ws = wb.addWorksheet('DANHSACH');
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, header.length);
  putRow(ws, 3, header);
  rows.forEach((r, i) => putRow(ws, 4 + i, r));
  header.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 6 : 22));
}

/** The sheet DANHMUC: award forms, titles and a third code list side by side from row 2. */
function danhMuc(wb: ExcelJS.Workbook, third: [string, string], entries: [string, string][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('DANHMUC');
  codeTable(ws, 2, 1, ['Mã số', 'Hình thức khen thưởng'], AWARDS);
  codeTable(ws, 2, 5, ['Mã số', 'Danh hiệu thi đua'], TITLES);
  codeTable(ws, 2, 9, third, entries);
  return ws;
}

const UNIT_KINDS: [string, string][] = [
  ['Cơ quan hành chính, sự nghiệp', '1660638226'],
  ['Doanh nghiệp', '1660638247'],
  ['Hộ gia đình', '1660638538'],
];

/** CANHAN's header (row 3 of DANHSACH), line breaks as the original has them. */
export const CANHAN_HEADER = [
  'STT',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Chức vụ',
  'Tên phòng ban/ khối, tổ \ncông tác',
  'Tên đơn vị/tập thể\ncông tác',
  'Địa chỉ / Nơi ở',
  'Mã phân loại cán bộ',
  'Mã hình thức khen thưởng',
  'Mã danh hiệu thi đua\n(nếu có)',
];

/** CANHAN: individuals, `rows` (none in the template as shipped) from row 4. */
export async function canhan(file: string, rows: Cell[][] = []): Promise<void> {
  const wb = book();
  danhSach(wb, 'DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG', CANHAN_HEADER, rows);
  const ws = danhMuc(wb, ['Mã phân loại cán bộ', 'Phân loại cán bộ'], [
    ['Các cấp lãnh đạo từ phó phòng trở lên', '1660638930'],
    ['Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu', '1660638976'],
  ]);
  // The sexes as codes, below the titles: a cell says NAM or NU, not "Nam".
  codeTable(ws, 12, 5, ['Mã số', 'Giới tính'], [
    ['Giới tính Nam', 'NAM'],
    ['Giới tính Nữ', 'NU'],
  ]);
  await wb.xlsx.writeFile(file);
}

/** TAPTHE: collectives, `rows` from row 4. */
export async function tapthe(file: string, rows: Cell[][] = []): Promise<void> {
  const wb = book();
  danhSach(wb, 'DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG', ['STT', 'Tên đơn vị / tập thể', 'Mã phân loại tập thể', 'Mã hình thức khen thưởng', 'Mã danh hiệu thi đua\n(nếu có)'], rows);
  danhMuc(wb, ['Mã số phân loại', 'Tên phân loại đơn vị'], UNIT_KINDS);
  await wb.xlsx.writeFile(file);
}

/**
 * The mixed list, kinds as codes. As shipped: two collectives, an individual and a household, no
 * STT and no field filled in; `rows` replace them.
 */
export async function nhanDuLieu(
  file: string,
  rows: Cell[][] = [
    [null, 'TAPTHE', 'UBND huyện Minh Hóa'],
    [null, 'TAPTHE', 'UBND thị xã Ba Đồn'],
    [null, 'CANHAN', 'Phạm Quốc Khánh', 'Giám đốc', 'Sở Giáo dục và Đào tạo'],
    [null, 'HOGIADINH', 'Gia đình ông Hoàng Văn Tư'],
  ],
): Promise<void> {
  const wb = book();
  danhSach(
    wb,
    'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
    ['STT', 'Phân loại khen thưởng', 'Tên tập thể/cá nhân/hộ gia đình', 'Chức vụ', 'Đơn vị công tác', 'Danh hiệu thi đua/Hình thức khen thưởng', 'Phân loại đối tượng', 'Lĩnh vực hoạt động'],
    rows,
  );
  danhMuc(wb, ['Mã số phân loại', 'Tên phân loại đơn vị'], UNIT_KINDS);
  await wb.xlsx.writeFile(file);
}

const NEW_HEADER = ['STT', null, 'Tên tập thể/cá nhân/hộ gia đình', 'Chức vụ', 'Đơn vị công tác', 'Phân loại khen thưởng', 'Danh hiệu thi đua/Hình thức khen thưởng', 'Phân loại đối tượng', 'Lĩnh vực hoạt động'];
/** The second header, in rich text whose first run ends in a line break, as Excel saves it. */
const TEN_GOI: ExcelJS.CellRichTextValue = { richText: [{ text: 'Tên gọi\n' }, { text: '(Ông/Bà/Chức danh)', font: { italic: true, size: 9, name: 'Tahoma' } }] };

function newHeader(ws: ExcelJS.Worksheet): void {
  putRow(ws, 1, NEW_HEADER);
  ws.getCell(1, 2).value = TEN_GOI;
}

/** A code-list sheet (name, code) with its own header row, hidden as the template hides it. */
function lookupSheet(wb: ExcelJS.Workbook, name: string, header: [string, string] | null, entries: [string, string | number][]): void {
  const ws = wb.addWorksheet(name, { state: 'hidden' });
  if (header) putRow(ws, 1, header);
  entries.forEach((e, i) => putRow(ws, 2 + i, e));
}

/** A filled row of MauTDKT: its cells A–I, and what its lookups R–U found (the codes of F–I; null: #N/A). */
export interface MauTdktRow {
  cells: Cell[];
  codes: [Cell, Cell, Cell, Cell];
}

/**
 * The newer template: one header row, 552 prepared rows with lookups only, code lists,
 * instructions. `rows` fill the first prepared rows (from row 2), as an officer does in Excel,
 * which caches each lookup's code; `last` is the last prepared row.
 */
export async function mauTdkt(file: string, rows: MauTdktRow[] = [], last = 553): Promise<void> {
  const wb = book();
  const ws = wb.addWorksheet('file nhận');
  newHeader(ws);
  putRow(ws, 1, ['Mã Phân loại khen thưởng', 'Mã Danh hiệu thi đua', 'Mã phân loại loại tượng', 'Mã Lĩnh vực hoạt động'], 18);
  for (const col of [18, 19, 20, 21]) ws.getColumn(col).hidden = true;
  // The prepared rows are left for the officer to fill; each looks its codes up from the code
  // lists and, while empty, caches #N/A: a row of errors only, which is no nominee.
  const lookups = (r: number) => [`VLOOKUP(F${r},'phan loai kt'!$A$2:$B$4,2,0)`, `VLOOKUP(G${r},HTKT!$A$2:$B$300,2,0)`, `VLOOKUP(H${r},PLDT!$A$2:$B$14,2,0)`, `VLOOKUP(I${r},LVHD!$A$2:$B$25,2,0)`];
  for (let r = 2; r <= last; r++) {
    const filled = rows[r - 2];
    if (filled) putRow(ws, r, filled.cells);
    lookups(r).forEach((formula, i) => {
      const code = filled?.codes[i];
      ws.getCell(r, 18 + i).value = { formula, result: code === null || code === undefined ? { error: '#N/A' } : code } as unknown as ExcelJS.CellValue;
    });
  }
  lookupSheet(wb, 'HTKT', ['tenhinhthuckt', 'mahinhthuckt'], AWARDS);
  lookupSheet(wb, 'PLDT', ['tenphanloai', 'maphanloai'], KINDS);
  lookupSheet(wb, 'LVHD', ['NAME', 'CODE'], FIELDS);
  // No header row on this one: its list starts on row 2, as the formulas' range says.
  lookupSheet(wb, 'phan loai kt', null, AWARD_KINDS);

  const guide = wb.addWorksheet('Hướng dẫn');
  newHeader(guide);
  const examples: Cell[][] = [
    [1, 'Ông', 'Nguyễn Văn Bình', 'Phó Giám đốc', 'Sở Tài chính', 'Khen thưởng cá nhân', 'Bằng khen', 'Các cấp lãnh đạo từ phó phòng trở lên'],
    [4, 'Thượng tá', 'Lê Minh Châu', 'Phó Trưởng Công an', 'Huyện Quảng Trạch', 'Khen thưởng cá nhân', 'Bằng khen', 'Các cấp lãnh đạo từ phó phòng trở lên'],
    [6, null, 'Sở Tư pháp', null, null, 'Khen thưởng tập thể', 'Bằng khen', 'Các cấp lãnh đạo từ phó phòng trở lên', 'Quản lý Nhà nước'],
    [7, null, 'Sở Tài chính', null, null, 'Khen thưởng tập thể', 'Bằng khen', 'Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu', 'Quản lý Nhà nước'],
    [8, null, 'Hộ gia đình', null, null, 'Khen thưởng hộ gia đình', 'Bằng khen', 'Hộ gia đình'],
  ];
  examples.forEach((r, i) => putRow(guide, 2 + i, r));
  await wb.xlsx.writeFile(file);
}

/** Writes the four look-alikes into `outDir`/tham-chieu and returns how many it wrote. */
export async function writeReferenceTemplates(outDir: string): Promise<number> {
  const dir = path.join(outDir, REFERENCE_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, (file: string) => Promise<void>][] = [
    ['CANHAN.xlsx', canhan],
    ['TAPTHE.xlsx', tapthe],
    ['NHANDULIEU.xlsx', nhanDuLieu],
    ['MauTDKT_20231004.xlsx', mauTdkt],
  ];
  for (const [name, write] of files) await write(path.join(dir, name));
  return files.length;
}
