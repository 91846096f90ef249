/**
 * The fidelity fixtures (fixtures/fidelity/): workbooks written at the package level as Excel and
 * LibreOffice save them, one per family of what an annotated copy must keep (shared styles and
 * formulas, notes, threaded comments, drawings, validations and conditional formats, names and
 * print settings, hidden sheets, custom XML, a data sheet named as hoso's findings sheet) and
 * one holding everything. Each is a commune's list of nominees with four deliberate defects, so
 * that `hoso check --annotate` has cells to flag among cells it must leave alone;
 * test/report/fidelity.test.ts checks the copies.
 *
 *   npm run fixtures   # writes them with the other fixtures
 *
 * Deterministic: parts, zip entries and dates are fixed, so a second run writes the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildWorkbook, type DefinedName, type SheetSpec, type WorkbookSpec } from './book-writer.js';
import type { Flavour } from './opc-writer.js';
import type { Note, Person, Thread } from './sheet-parts.js';
import { columnLetter } from '../../src/read/types.js';
import { type Cell, type Row, type SheetExtras, type StyleName, type Value } from './sheet-xml.js';

/** A finding the defects put in must produce: at a cell, or about the whole sheet. */
export interface FidelityExpect {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  sheet: string;
  cell?: string;
}

export interface FidelityFixture {
  /** File name under fixtures/fidelity/. */
  file: string;
  description: string;
  spec: WorkbookSpec;
  expect: FidelityExpect[];
}

// ---------------------------------------------------------------------------------------------
// The list: a commune's health staff, individuals, rated over 2023–2025.

const UNIT = 'UBND XÃ ĐẮK RUỒNG';
const COLUMNS: [header: string, style: StyleName, width: number][] = [
  ['STT', 'center', 5.7],
  ['Họ và tên', 'text', 24],
  ['Đối tượng', 'center', 11],
  ['Lĩnh vực', 'text', 14],
  ['Đơn vị công tác', 'text', 24],
  ['Chức vụ', 'text', 14],
  ['Lao động trực tiếp', 'center', 11],
  ['2023', 'center', 9],
  ['2024', 'center', 9],
  ['2025', 'center', 9],
  ['Tóm tắt thành tích', 'text', 44],
  ['Hình thức đề nghị', 'text', 26],
];
const LAST = columnLetter(COLUMNS.length); // L
const RATINGS = { first: 8, last: 10 }; // H..J under the merged "Xếp loại"
const FIRST_BODY = 9;

interface Nominee {
  name?: Value;
  field: Value;
  unit: string;
  position: string;
  ratings: [string, string, string];
  summary?: Value;
}

const AWARD = 'Giấy khen của Chủ tịch UBND huyện';
const HEALTH = 'Trạm Y tế xã Đắk Ruồng';

/** The main list, its four defects marked: a name left out, a field not in the list, a 2024 rating under HTXSNV, a summary left out. */
const MAIN: Nominee[] = [
  { name: 'Nguyễn Văn An', field: 'Y tế', unit: HEALTH, position: 'Bác sĩ', ratings: ['HTXSNV', 'HTXSNV', 'HTXSNV'], summary: [{ text: 'Khám, điều trị cho ' }, { text: '3.200', bold: true }, { text: ' lượt bệnh nhân; tham gia 12 đợt khám lưu động' }] },
  { name: undefined, field: 'Y tế', unit: HEALTH, position: 'Y sĩ', ratings: ['HTXSNV', 'HTXSNV', 'HTXSNV'], summary: 'Tiêm chủng đầy đủ cho 900 trẻ em; tuyên truyền phòng dịch tại 8 thôn' },
  { name: 'Lê Thị Hoa', field: [{ text: 'Thể thao ' }, { text: 'điện tử', italic: true }], unit: HEALTH, position: 'Điều dưỡng', ratings: ['HTXSNV', 'HTTNV', 'HTXSNV'], summary: 'Chăm sóc 1.100 bệnh nhân nội trú; không để xảy ra sai sót chuyên môn' },
  { name: 'Trần Văn Bình', field: 'Y tế', unit: HEALTH, position: 'Dược sĩ', ratings: ['HTXSNV', 'HTXSNV', 'HTXSNV'], summary: undefined },
  { name: 'Y Nhung', field: 'Y tế', unit: HEALTH, position: 'Hộ sinh', ratings: ['HTXSNV', 'HTXSNV', 'HTXSNV'], summary: 'Đỡ 140 ca sinh an toàn; tư vấn dinh dưỡng cho 300 bà mẹ' },
];
const MAIN_DEFECTS: Omit<FidelityExpect, 'sheet'>[] = [
  { ruleId: 'chung/ten', severity: 'error', cell: 'B10' },
  { ruleId: 'chung/linh-vuc-hop-le', severity: 'warning', cell: 'D11' },
  { ruleId: 'ca-nhan/htxsnv-hang-nam', severity: 'error', cell: 'I11' },
  { ruleId: 'chung/thanh-tich', severity: 'error', cell: 'K12' },
];

/** A second list with nothing to report: its sheet and everything it relates to must come through untouched. */
const CLEAN: Nominee[] = [
  { name: 'Phạm Thị Mai', field: 'Giáo dục', unit: 'Trường Mầm non Đắk Ruồng', position: 'Giáo viên', ratings: ['HTXSNV', 'HTXSNV', 'HTXSNV'], summary: 'Lớp đạt chuẩn chất lượng; 100% trẻ được theo dõi biểu đồ tăng trưởng' },
  { name: 'A Thuận', field: 'Giáo dục', unit: 'Trường Tiểu học Đắk Ruồng', position: 'Giáo viên', ratings: ['HTXSNV', 'HTXSNV', 'HTXSNV'], summary: 'Dạy song ngữ Việt – Xơ Đăng cho 32 học sinh lớp 1; 2 sáng kiến cấp huyện' },
];

/** A list on the sheet named as hoso names its findings sheet, one defect in it: a summary left out. */
const NAMED: Nominee[] = [
  { name: 'Đinh Văn Tâm', field: 'Quốc phòng, an ninh', unit: 'Công an xã Đắk Ruồng', position: 'Phó Trưởng Công an', ratings: ['HTXSNV', 'HTXSNV', 'HTXSNV'], summary: 'Giải quyết 46 vụ việc an ninh trật tự tại cơ sở; không để phát sinh điểm nóng' },
  { name: 'Hồ Thị Xuân', field: 'Quốc phòng, an ninh', unit: 'Ban Chỉ huy Quân sự xã Đắk Ruồng', position: 'Chỉ huy phó', ratings: ['HTXSNV', 'HTXSNV', 'HTXSNV'], summary: undefined },
];
const NAMED_DEFECTS: Omit<FidelityExpect, 'sheet'>[] = [{ ruleId: 'chung/thanh-tich', severity: 'error', cell: 'K10' }];

const cell = (col: number, row: number, style: StyleName, v?: Value): Cell => ({ ref: `${columnLetter(col)}${row}`, style, v });
/** A row of the table: every column's cell written, styled, as Excel writes a bordered table. */
const tableRow = (r: number, style: (c: number) => StyleName, v: (c: number) => Value | undefined, ht?: number): Row => ({ r, ht, cells: COLUMNS.map((_, i) => cell(i + 1, r, style(i + 1), v(i + 1))) });

/** The rows of a list: title block, two-row header, column numbers, group row, nominees, place and signature. */
function listRows(nominees: Nominee[]): Row[] {
  const rows: Row[] = [
    { r: 1, cells: [cell(1, 1, 'unit', UNIT), cell(6, 1, 'motto', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')] },
    { r: 2, cells: [cell(6, 2, 'slogan', 'Độc lập - Tự do - Hạnh phúc')] },
    { r: 3, ht: 36, cells: [cell(1, 3, 'title', [{ text: 'DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN ', bold: true }, { text: 'NĂM 2025', bold: true, color: 'FFC00000' }])] },
    tableRow(5, () => 'header', (c) => (c >= RATINGS.first && c <= RATINGS.last ? (c === RATINGS.first ? 'Xếp loại' : undefined) : COLUMNS[c - 1][0]), 33),
    tableRow(6, () => 'header', (c) => (c >= RATINGS.first && c <= RATINGS.last ? COLUMNS[c - 1][0] : undefined)),
    tableRow(7, () => 'numbering', (c) => `(${c})`),
    tableRow(8, () => 'group', (c) => (c === 1 ? 'I' : c === 2 ? 'CÁ NHÂN' : undefined)),
  ];
  const last = FIRST_BODY + nominees.length - 1;
  nominees.forEach((n, i) => {
    const r = FIRST_BODY + i;
    // STT: 1, then one shared formula "the row above + 1" down the list, as Excel fills it.
    const stt: Value = i === 0 ? 1 : i === 1 ? { f: `A${r - 1}+1`, shared: { si: 0, ref: `A${r}:A${last}` }, result: 2 } : { shared: { si: 0 }, result: i + 1 };
    const values: (Value | undefined)[] = [stt, n.name, 'Cá nhân', n.field, n.unit, n.position, 'Có', ...n.ratings, n.summary, AWARD];
    rows.push(tableRow(r, (c) => COLUMNS[c - 1][1], (c) => values[c - 1]));
  });
  const foot = last + 2;
  rows.push({ r: foot, cells: [cell(8, foot, 'place', 'Đắk Ruồng, ngày 15 tháng 8 năm 2025')] });
  rows.push({ r: foot + 1, cells: [cell(8, foot + 1, 'sign', 'CHỦ TỊCH')] });
  rows.push({ r: foot + 4, cells: [cell(8, foot + 4, 'sign', 'Nguyễn Văn Minh')] });
  return rows;
}

/** The merged ranges of a list: title block, header cells over their two rows, "Xếp loại" over the years, footer. */
function listMerges(nominees: Nominee[]): string[] {
  const foot = FIRST_BODY + nominees.length + 1;
  const down = COLUMNS.map((_, i) => i + 1)
    .filter((c) => c < RATINGS.first || c > RATINGS.last)
    .map((c) => `${columnLetter(c)}5:${columnLetter(c)}6`);
  return ['A1:D1', `F1:${LAST}1`, `F2:${LAST}2`, `A3:${LAST}3`, ...down, `${columnLetter(RATINGS.first)}5:${columnLetter(RATINGS.last)}5`, `B8:${LAST}8`, `H${foot}:${LAST}${foot}`, `H${foot + 1}:${LAST}${foot + 1}`, `H${foot + 4}:${LAST}${foot + 4}`];
}

const COLS: SheetExtras['cols'] = COLUMNS.map(([, , w], i) => [i + 1, i + 1, w]);

function list(name: string, nominees: Nominee[], defects: Omit<FidelityExpect, 'sheet'>[], more: Partial<SheetSpec> = {}): { sheet: SheetSpec; expect: FidelityExpect[] } {
  return {
    sheet: { name, rows: listRows(nominees), ...more, extras: { cols: COLS, merges: listMerges(nominees), ...more.extras } },
    expect: defects.map((d) => ({ ...d, sheet: name })),
  };
}

// ---------------------------------------------------------------------------------------------
// What the families add

const body = (col: string, n = MAIN.length) => `${col}${FIRST_BODY}:${col}${FIRST_BODY + n - 1}`;
const ratingsRange = `H${FIRST_BODY}:J${FIRST_BODY + MAIN.length - 1}`;

const NOTES: Note[] = [
  { ref: 'B10', author: 'Nguyễn Thị Lan', text: 'Trạm chưa gửi họ tên, đã nhắc bổ sung ngày 12/8.' },
  { ref: 'E9', author: 'Nguyễn Thị Lan', text: 'Trạm đạt Bộ tiêu chí quốc gia về y tế xã năm 2024.' },
];
const CLEAN_NOTES: Note[] = [{ ref: 'B9', author: 'Nguyễn Thị Lan', text: 'Hồ sơ gửi kèm bản sao bằng khen năm 2024.' }];

const HAI: Person = { name: 'Trần Văn Hải', id: '{5E1C2B7A-3D4F-4A6B-8C9D-0E1F2A3B4C5D}' };
const LAN: Person = { name: 'Nguyễn Thị Lan', id: '{9A8B7C6D-5E4F-4321-8765-0FEDCBA98765}' };
const thread = (ref: string, no: number, comments: [Person, string][]): Thread => {
  const id = (k: number) => `{2B7D4E10-6C3A-4F58-9E21-${String(no * 10 + k).padStart(12, '0')}}`;
  return { ref, id: id(0), comments: comments.map(([person, text], k) => ({ person, text, id: id(k), at: `2025-08-1${2 + k}T09:1${k}:00.00` })) };
};
const THREADS: Thread[] = [
  thread('I11', 1, [
    [HAI, 'Năm 2024 đồng chí Hoa chỉ hoàn thành tốt nhiệm vụ?'],
    [LAN, 'Đúng, theo Quyết định xếp loại số 45/QĐ-UBND.'],
  ]),
  thread('E9', 2, [[HAI, 'Đề nghị ghi rõ tên trạm theo quyết định thành lập.']]),
];
const CLEAN_THREADS: Thread[] = [thread('E10', 3, [[LAN, 'Trường đã sáp nhập điểm lẻ Kon Keng từ tháng 9/2024.']])];

const DXFS = ['<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>', '<dxf><fill><patternFill><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf>'];
const CONDITIONAL =
  `<conditionalFormatting sqref="${ratingsRange}"><cfRule type="cellIs" dxfId="0" priority="2" operator="equal"><formula>"HTTNV"</formula></cfRule></conditionalFormatting>` +
  `<conditionalFormatting sqref="${body('B')} ${body('K')}"><cfRule type="containsBlanks" dxfId="1" priority="1"><formula>LEN(TRIM(B${FIRST_BODY}))=0</formula></cfRule></conditionalFormatting>`;
const list1 = (sqref: string, formula: string) => `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref}"><formula1>${formula}</formula1></dataValidation>`;
const VALIDATIONS = [
  list1(body('C'), '"Cá nhân,Tập thể,Hộ gia đình"'),
  list1(ratingsRange, '"HTXSNV,HTTNV,HTNV,KHTNV"'),
  `<dataValidation type="whole" operator="greaterThan" allowBlank="1" showErrorMessage="1" errorTitle="STT" error="STT là số nguyên dương." sqref="${body('A')}"><formula1>0</formula1></dataValidation>`,
];

/** The code list a hidden sheet keeps for the drop-down of fields (named, as the validation refers to it by name). */
const CODES = ['Lĩnh vực', 'Y tế', 'Giáo dục', 'Quốc phòng, an ninh', 'Nông nghiệp', 'Văn hóa'];
const codeSheet = (): SheetSpec => ({ name: 'Danh mục', state: 'hidden', rows: CODES.map((v, i) => ({ r: i + 1, cells: [cell(1, i + 1, i === 0 ? 'header' : 'plain', v)] })), extras: { cols: [[1, 1, 24]] } });
const CODE_NAME: DefinedName = { name: 'DanhMucLinhVuc', text: `'Danh mục'!$A$2:$A$${CODES.length}` };
const FIELD_VALIDATION = list1(body('D'), 'DanhMucLinhVuc');

/** The table and column chart of a statistics sheet: nominees by field. */
function statsSheet(): SheetSpec {
  const rows: Row[] = [
    { r: 1, cells: [cell(1, 1, 'unit', 'THỐNG KÊ SỐ LƯỢNG ĐỀ NGHỊ THEO LĨNH VỰC')] },
    { r: 3, cells: [cell(1, 3, 'header', 'Nhóm'), cell(2, 3, 'header', 'Số lượng')] },
    { r: 4, cells: [cell(1, 4, 'text', 'Y tế'), cell(2, 4, 'center', { f: `COUNTIF('Danh sách'!${body('D')},A4)`, result: 4 })] },
    { r: 5, cells: [cell(1, 5, 'text', 'Khác'), cell(2, 5, 'center', { f: `COUNTA('Danh sách'!${body('D')})-B4`, result: 1 })] },
  ];
  return {
    name: 'Thống kê',
    rows,
    extras: { cols: [[1, 1, 20], [2, 2, 12]], merges: ['A1:E1'] },
    chart: { anchor: { from: [3, 2], to: [10, 18] }, title: 'Số lượng đề nghị', cats: { ref: '$A$4:$A$5', values: ['Y tế', 'Khác'] }, vals: { ref: '$B$4:$B$5', values: [4, 1] } },
  };
}

const PRINT: Partial<SheetExtras> = {
  fitToPage: true,
  printOptions: '<printOptions horizontalCentered="1"/>',
  pageSetup: 'paperSize="9" scale="85" fitToHeight="0" orientation="landscape"',
  headerFooter: '<headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>',
  rowBreaks: [FIRST_BODY + MAIN.length + 1],
};
const FILTER_RANGE = `A7:${LAST}${FIRST_BODY + MAIN.length - 1}`;
/** Print titles (the header repeated on each page), the print area and the filter Excel names for its autofilter. */
const printNames = (sheet: number, name: string): DefinedName[] => {
  const q = `'${name}'`;
  return [
    { name: '_xlnm._FilterDatabase', sheet, hidden: true, text: `${q}!$A$7:$${LAST}$${FIRST_BODY + MAIN.length - 1}` },
    { name: '_xlnm.Print_Area', sheet, text: `${q}!$A$1:$${LAST}$${FIRST_BODY + MAIN.length + 5}` },
    { name: '_xlnm.Print_Titles', sheet, text: `${q}!$5:$7` },
  ];
};

const CUSTOM_XML = {
  itemId: '{3C1F6A2E-8B4D-4E7A-9F10-2D5C6B7A8E9F}',
  schema: 'urn:kon-ray:thi-dua:ho-so',
  item: '<HoSo xmlns="urn:kon-ray:thi-dua:ho-so"><MaHoSo>KR-2025-0815</MaHoSo><DonVi>UBND xã Đắk Ruồng</DonVi><Dot>Tổng kết năm 2025</Dot></HoSo>',
};
const CUSTOM_PROPS: [string, string][] = [
  ['Mã hồ sơ', 'KR-2025-0815'],
  ['Người lập', 'Nguyễn Thị Lan'],
];

// ---------------------------------------------------------------------------------------------
// The workbooks

function fixture(file: string, description: string, flavour: Flavour, lists: { sheet: SheetSpec; expect: FidelityExpect[] }[], more: Partial<WorkbookSpec> = {}, extraExpect: FidelityExpect[] = []): FidelityFixture {
  return { file, description, spec: { flavour, ...more, sheets: lists.map((l) => l.sheet) }, expect: [...lists.flatMap((l) => l.expect), ...extraExpect] };
}
const bare = (sheet: SheetSpec) => ({ sheet, expect: [] });

export function fidelityFixtures(): FidelityFixture[] {
  const main = (more: Partial<SheetSpec> = {}) => list('Danh sách', MAIN, MAIN_DEFECTS, more);
  const clean = (more: Partial<SheetSpec> = {}) => list('Bổ sung', CLEAN, [], more);
  return [
    fixture('kieu-dung-chung.xlsx', 'shared styles (every body cell one index), a shared formula for STT, rich text (title, a summary, a flagged field)', 'excel', [main()]),
    fixture('kieu-dung-chung-libreoffice.xlsx', 'the same list as LibreOffice saves it', 'libreoffice', [main()]),
    fixture('ghi-chu.xlsx', 'legacy notes (comments part and VML): on a flagged cell, on a cell without a finding, and on a second list with no finding', 'excel', [main({ notes: NOTES }), clean({ notes: CLEAN_NOTES })]),
    fixture(
      'binh-luan.xlsx',
      'threaded comments with the placeholder notes Excel writes beside them, persons, and a legacy note: on flagged cells, on cells without a finding, on a second list with no finding',
      'excel',
      [main({ threads: THREADS, notes: [{ ref: 'K13', author: 'Nguyễn Thị Lan', text: 'Số liệu theo báo cáo của Trung tâm Y tế huyện.' }, { ref: 'D11', author: 'Trần Văn Hải', text: 'Lĩnh vực ghi theo đề nghị của trạm.' }] }), clean({ threads: CLEAN_THREADS })],
      { persons: [HAI, LAN] },
    ),
    fixture('bieu-do-hinh-anh.xlsx', 'a picture (the emblem beside the unit) on the list, and a statistics sheet with a column chart', 'excel', [main({ picture: { anchor: { from: [0, 0], to: [1, 2] }, descr: 'Quốc huy' } }), bare(statsSheet())], {}, [
      { ruleId: 'hoso/trang-bo-qua', severity: 'info', sheet: 'Thống kê' },
    ]),
    fixture('kiem-tra-du-lieu.xlsx', 'data validations (lists, a whole number) and conditional formats with their differential formats', 'excel', [main({ extras: { conditional: CONDITIONAL, validations: VALIDATIONS } })], { dxfs: DXFS }),
    fixture(
      'in-an.xlsx',
      'defined names (print titles, print area, the autofilter database, a name of the workbook), merged cells, frozen panes, an autofilter, page setup with printer settings, a footer and a page break',
      'excel',
      [main({ extras: { frozenRows: 7, autoFilter: FILTER_RANGE, ...PRINT }, printerSettings: true })],
      { definedNames: [...printNames(0, 'Danh sách'), { name: 'NamDeNghi', text: '2025' }] },
    ),
    fixture('trang-an.xlsx', 'a hidden sheet holding the code list a named drop-down reads, as LibreOffice saves it', 'libreoffice', [main({ extras: { validations: [FIELD_VALIDATION] } }), bare(codeSheet())], { definedNames: [CODE_NAME] }, [
      { ruleId: 'hoso/trang-bo-qua', severity: 'info', sheet: 'Danh mục' },
    ]),
    fixture('xml-tuy-bien.xlsx', 'custom XML (an item and its properties) and custom document properties', 'excel', [main()], { customXml: CUSTOM_XML, customProps: CUSTOM_PROPS }),
    fixture('ten-trang-ket-qua.xlsx', 'the list on a sheet named «Kết quả kiểm tra», the name hoso gives its findings sheet', 'excel', [list('Kết quả kiểm tra', MAIN, MAIN_DEFECTS)]),
    fixture('ten-trang-ket-qua-nfd.xlsx', 'the list on a sheet named «KẾT QUẢ KIỂM TRA» in capitals and decomposed (NFD)', 'excel', [list('KẾT QUẢ KIỂM TRA'.normalize('NFD'), MAIN, MAIN_DEFECTS)]),
    fixture(
      'tat-ca.xlsx',
      'everything at once: a list with notes, threads, a picture, validations, conditional formats, names, frozen panes, a filter and print settings; a clean list with notes and a thread; a list on «Kết quả kiểm tra»; a chart; a hidden code list; custom XML and properties',
      'excel',
      [
        main({
          notes: [NOTES[0]],
          threads: [THREADS[0]],
          picture: { anchor: { from: [0, 0], to: [1, 2] }, descr: 'Quốc huy' },
          extras: { frozenRows: 7, autoFilter: FILTER_RANGE, conditional: CONDITIONAL, validations: [...VALIDATIONS, FIELD_VALIDATION], ...PRINT },
          printerSettings: true,
        }),
        clean({ notes: CLEAN_NOTES, threads: CLEAN_THREADS }),
        list('Kết quả kiểm tra', NAMED, NAMED_DEFECTS),
        bare(statsSheet()),
        bare(codeSheet()),
      ],
      { definedNames: [...printNames(0, 'Danh sách'), CODE_NAME], dxfs: DXFS, persons: [HAI, LAN], customXml: CUSTOM_XML, customProps: CUSTOM_PROPS },
      [
        { ruleId: 'hoso/trang-bo-qua', severity: 'info', sheet: 'Thống kê' },
        { ruleId: 'hoso/trang-bo-qua', severity: 'info', sheet: 'Danh mục' },
      ],
    ),
  ];
}

/** Writes every fidelity workbook into dir; returns their paths. */
export function writeFidelityFixtures(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return fidelityFixtures().map((f) => {
    const file = path.join(dir, f.file);
    fs.writeFileSync(file, buildWorkbook(f.spec));
    return file;
  });
}
