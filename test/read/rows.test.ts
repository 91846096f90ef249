/**
 * Every row under the header is a nominee or is named for what else it is, and nothing ends the
 * list early (issue "Nothing passes unread"); every sheet is checked or named as passed over.
 */
import { describe, expect, it } from 'vitest';
import { HeaderMatcher, readTable, type NomineeRow, type OtherRow, type TableEvent } from '../../src/read/table.js';
import type { RawCell, RawRow, WorkbookSource } from '../../src/read/types.js';
import { Evaluator, vocabulary } from '../../src/engine/check.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { SKIP_REASONS } from '../../src/engine/notices.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
const opts = { matcher: new HeaderMatcher([...ruleSet.columns.values()]), vocab: vocabulary(ruleSet), keys: { name: 'ten', stt: 'stt' } };

type Cell = string | number | undefined;

/** Rows from a grid: each inner array a row from column A; `hidden` rows by number. */
function grid(rows: Cell[][], hidden: number[] = []): RawRow[] {
  return rows.map((cells, i) => ({
    row: i + 1,
    cells: cells.flatMap((v, c): RawCell[] => (v === undefined || v === '' ? [] : typeof v === 'number' ? [{ t: 'n', v, col: c + 1 }] : [{ t: 's', v, col: c + 1 }])),
    ...(hidden.includes(i + 1) ? { hidden: true } : {}),
  }));
}

async function read(rows: RawRow[]): Promise<{ nominees: NomineeRow[]; others: OtherRow[] }> {
  async function* src() {
    yield* rows;
  }
  const events: TableEvent[] = [];
  for await (const e of readTable(src(), opts)) events.push(e);
  return {
    nominees: events.flatMap((e) => (e.type === 'row' ? [e.row] : [])),
    others: events.flatMap((e) => (e.type === 'other' ? [e.row] : [])),
  };
}

const HEADER: Cell[] = ['STT', 'Họ và tên', 'Đơn vị', 'Xếp loại 2025', 'Tóm tắt thành tích'];
const person = (n: number | undefined, name: string): Cell[] => [n, name, 'UBND xã Đắk Kôi', 'HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ ba năm liền'];

describe('rows under the header', () => {
  it('keeps reading after a subtotal, a hidden total and a 1-point total; marks only nominees below a total with no group between', async () => {
    const { nominees, others } = await read(
      grid(
        [
          HEADER,
          ['I', 'TẬP THỂ'],
          person(1, 'Trường Mầm non Đắk Kôi'),
          ['Cộng: 1'],
          ['II', 'CÁ NHÂN'],
          person(1, 'Y Lan'),
          ['Cộng'],
          person(2, 'Đinh Văn Hùng'),
          ['Tổng cộng: 3'],
          [undefined, 'Đắk Kôi, ngày 20 tháng 8 năm 2025'],
        ],
        [7],
      ),
    );
    expect(nominees.map((r) => [r.row, r.kindHint, r.below?.row ?? null])).toEqual([
      [3, 'tap-the', null],
      [6, 'ca-nhan', null],
      [8, 'ca-nhan', 7],
    ]);
    expect(others.map((r) => [r.row, r.class, r.hidden])).toEqual([
      [2, 'group', false],
      [4, 'total', false],
      [5, 'group', false],
      [7, 'total', true],
      [9, 'total', false],
      [10, 'footer', false],
    ]);
  });

  it('reads a list of names only, with no STT, and tells it from group headings and placeholders', async () => {
    const { nominees, others } = await read(
      grid([
        ['Họ và tên', 'Giới tính'],
        ['Tên cá nhân'],
        ['Hồ Văn Tâm', 'NAM'],
        ['Y Bình', 'NU'],
        ['A Khoa'],
        ['Tập thể lớp 5A'],
        ['B. HỘ GIA ĐÌNH'],
        ['Hộ ông A Sơn'],
      ]),
    );
    expect(nominees.map((r) => [r.row, r.kindHint ?? null])).toEqual([
      [3, null],
      [4, null],
      [5, null],
      // A collective's name that opens with a kind's name is no heading: only the name alone is.
      [6, null],
      [8, 'ho-gia-dinh'],
    ]);
    expect(others.map((r) => [r.row, r.class])).toEqual([
      [2, 'placeholder'],
      [7, 'group'],
    ]);
  });

  it('takes the signatures for the footer, their names included, but a numbered row under them for a nominee', async () => {
    const { nominees, others } = await read(
      grid([
        HEADER,
        person(1, 'Y Lan'),
        [undefined, 'NGƯỜI LẬP BIỂU', undefined, 'CHỦ TỊCH'],
        [undefined, '(Ký, ghi rõ họ tên)', undefined, '(Ký tên, đóng dấu)'],
        [undefined, 'Lê Thị Mai', undefined, 'A Nhung'],
        person(2, 'Nguyễn Thị Sương'),
      ]),
    );
    expect(nominees.map((r) => [r.row, r.below ?? null])).toEqual([
      [2, null],
      [6, { class: 'footer', row: 3, text: 'NGƯỜI LẬP BIỂU' }],
    ]);
    expect(others.map((r) => [r.row, r.class])).toEqual([
      [3, 'footer'],
      [4, 'footer'],
      [5, 'footer'],
    ]);
  });

  it('names a decision\'s reference, a lone cell and a prepared row, and keeps a nameless row with data', async () => {
    const rows = grid([HEADER, ['QĐ 12, ngày 15 tháng 8 năm 2025'], person(1, 'Y Lan'), [2], [3, undefined, 'UBND xã', 'HTXSNV'], [undefined, undefined, 'Trường TH']]);
    rows[3].cells.push({ t: 'e', v: '#N/A', col: 4, formula: true });
    const { nominees, others } = await read(rows);
    expect(nominees.map((r) => r.row)).toEqual([3, 5]);
    expect(others.map((r) => [r.row, r.class, r.col])).toEqual([
      [2, 'note', 1],
      [4, 'empty', 1],
      [6, 'note', 3],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

/** An in-memory workbook of several sheets, each a grid. */
function workbook(sheets: Record<string, Cell[][]>): WorkbookSource {
  const list = Object.keys(sheets).map((name) => ({ name, hidden: false }));
  return {
    sheets: list,
    async *rows(sheet) {
      yield* grid(sheets[sheet.name]);
    },
    close: async () => {},
  };
}

async function check(sheets: Record<string, Cell[][]>) {
  const evaluator = new Evaluator({ ruleSet, profiles: [], lang: 'vi' });
  const read = await evaluator.checkSource('ho-so.xlsx', workbook(sheets));
  evaluator.end();
  return { read, findings: evaluator.findings };
}

const LIST: Cell[][] = [
  ['STT', 'Họ và tên', 'Đối tượng', 'Lĩnh vực', 'Đơn vị', 'Tóm tắt thành tích'],
  [1, 'Hộ ông A Sơn', 'Hộ gia đình', 'Khu dân cư, thôn, làng văn hóa', 'Thôn 4', 'Phát triển 2 ha cà phê xen mắc ca'],
];

describe('sheets', () => {
  it('checks a list whatever its name, and names every sheet it passes over with the reason', async () => {
    const { read, findings } = await check({
      HD: LIST,
      'Mã 02 - Hộ gia đình': LIST,
      'Code 2025': LIST,
      DANHMUC: [
        ['Mã', 'Tên'],
        ['0003', 'Giáo dục - Đào tạo'],
      ],
      'Hướng dẫn': LIST,
      Sheet3: [],
      'Ghi chú': [['Danh sách gửi trước ngày 30/8']],
    });
    expect(read.checked).toEqual(['HD', 'Mã 02 - Hộ gia đình', 'Code 2025']);
    expect(read.order).toEqual(['HD', 'Mã 02 - Hộ gia đình', 'Code 2025', 'DANHMUC', 'Hướng dẫn', 'Sheet3', 'Ghi chú']);
    const notices = findings.filter((f) => f.ruleId === 'hoso/trang-bo-qua').map((f) => [f.sheet, f.severity, f.message]);
    const why = (reason: keyof typeof SKIP_REASONS) => `Trang tính không được kiểm tra: ${SKIP_REASONS[reason].vi}.`;
    expect(notices).toEqual([
      ['DANHMUC', 'info', why('code-list')],
      ['Hướng dẫn', 'info', why('example')],
      ['Sheet3', 'info', why('empty')],
      ['Ghi chú', 'info', why('no-header')],
    ]);
    // Each list's household was read: three nominees, and no finding of the file's empty lists.
    expect(findings.some((f) => f.ruleId === 'hoso/khong-co-dong-de-nghi')).toBe(false);
  });

  it('says a file with a header and nobody under it is no dossier, and a sheet without nominees beside a full one', async () => {
    const empty = await check({ 'Danh sách': [LIST[0], ['I', 'TẬP THỂ'], ['Tổng cộng: 0']] });
    expect(empty.findings.map((f) => [f.ruleId, f.severity, f.sheet ?? null])).toEqual([['hoso/khong-co-dong-de-nghi', 'error', null]]);
    const half = await check({ 'Tập thể': [LIST[0]], 'Hộ gia đình': LIST });
    expect(half.findings.filter((f) => f.ruleId.startsWith('hoso/')).map((f) => [f.ruleId, f.severity, f.sheet ?? null])).toEqual([['hoso/trang-khong-co-dong-de-nghi', 'info', 'Tập thể']]);
  });

  it('lets the config turn a notice off or change its severity', async () => {
    const evaluator = new Evaluator({ ruleSet, profiles: [], lang: 'en', severity: { 'hoso/trang-bo-qua': 'off', 'hoso/khong-co-dong-de-nghi': 'warning' } });
    await evaluator.checkSource('mau.xlsx', workbook({ 'Danh sách': [LIST[0]], DM: [['Mã', 'Tên']] }));
    expect(evaluator.findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([['hoso/khong-co-dong-de-nghi', 'warning', 'No nominee row was found under the header («Danh sách»): an empty template is not a dossier.']]);
  });
});
