/**
 * The layouts of an existing commendation system (pack quang-binh): its mixed list NHANDULIEU,
 * generated here in memory, read as the system means it — collectives and households without
 * Chức vụ and Đơn vị ("không nhập"), placeholder rows, awards given as 10-digit codes — while a
 * dossier in any other layout is judged as before.
 */
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/engine/check.js';
import type { RawCell, RawRow, WorkbookSource } from '../../src/read/types.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { sourceOf } from '../support/examples.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));

const HEADER = [
  'STT',
  'Phân loại khen thưởng (TAPTHE / CANHAN / HOGIADINH)',
  'Tên tập thể/cá nhân/hộ gia đình',
  'Chức vụ',
  'Đơn vị công tác',
  'Danh hiệu thi đua/Hình thức khen thưởng',
  'Phân loại đối tượng',
  'Lĩnh vực hoạt động',
  'Đạt tiêu chuẩn an toàn về ANTT',
];

type Cell = string | number | null;

/** A sheet DANHSACH as the system's NHANDULIEU template lays it out: title on row 1, header on row 3, no STT. */
function nhanDuLieu(rows: Cell[][]): WorkbookSource {
  const cells = (values: Cell[]): RawCell[] =>
    values.flatMap((v, i) => (v === null ? [] : [typeof v === 'number' ? { t: 'n' as const, v, col: i + 1 } : { t: 's' as const, v, col: i + 1 }]));
  const all: RawRow[] = [
    { row: 1, cells: cells(['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG']) },
    { row: 3, cells: cells(HEADER) },
    ...rows.map((r, i) => ({ row: 4 + i, cells: cells([null, ...r]) })),
  ];
  return {
    sheets: [{ name: 'DANHSACH', hidden: false }],
    async *rows() {
      yield* all;
    },
    close: async () => {},
  };
}

async function check(file: string, source: WorkbookSource) {
  const evaluator = new Evaluator({ ruleSet, profiles: [], lang: 'vi', collectNominees: true });
  const read = await evaluator.checkSource(file, source);
  evaluator.end();
  const cells = evaluator.findings.filter((f) => f.row !== undefined).map((f) => `${f.ruleId} ${f.column}${f.row}`);
  return { read, findings: evaluator.findings, cells, nominees: evaluator.nominees, rows: evaluator.rows };
}

// Kind, name, Chức vụ, Đơn vị, award, PLDT, LVHD, ANTT.
const LIST: Cell[][] = [
  ['TAPTHE', 'UBND Tỉnh Quảng Bình', null, null, '1650360491', '1668477383', '0013', null], // row 4
  ['HOGIADINH', 'Gia đình ông Lê Văn Hải', null, null, 1647933227, '1660638538', '0007', null], // row 5: the code stored as a number
  ['CANHAN', 'Trần Mạnh Hải', 'Giám đốc', null, '1650360499', '1660638843', '0012', null], // row 6
  // Row 7 proposes a provincial form, not a title of the Law (a Cờ thi đua row is an award row,
  // judged by vn-law-2022 and not by the exemplar criteria: test/engine/purpose.test.ts).
  ['TAPTHE', 'Trường THCS Hải Đình', null, null, '1650360491', '1668477403', 'Cơ quan kiểu mẫu', 'Không đạt'], // row 7
  ['TAPTHE', 'Trường TH Bắc Lý', null, null, '1234567890', '1668477403', 'Cơ quan kiểu mẫu', 'Không đạt'], // row 8: no such code
  ['TAPTHE', 'Tên tập thể', null, null, null, null, null, null], // rows 9–11: the template's placeholders
  ['CANHAN', 'Tên cá nhân', null, null, null, null, null, null],
  ['HOGIADINH', 'Tên hộ gia đình', null, null, null, null, null, null],
];

describe('the Quảng Bình system’s mixed list (NHANDULIEU), generated', () => {
  it('asks no unit of TAPTHE and HOGIADINH rows ("không nhập"), still asks it of a CANHAN row', async () => {
    const { cells, rows, read } = await check('nhandulieu.xlsx', nhanDuLieu(LIST));
    expect(read.checked).toEqual(['DANHSACH']);
    // The placeholder rows are no nominees: five rows checked, nothing reported on rows 9–11.
    expect(rows).toBe(5);
    expect(cells.filter((c) => / [A-Z]+(9|10|11)$/.test(c))).toEqual([]);
    expect(cells.filter((c) => c.startsWith('chung/don-vi '))).toEqual(['chung/don-vi E6']);
    // The rest of what is judged is unchanged: codes of fields and kinds of nominee are read, and
    // the model agency's criterion fails on both schools.
    expect(cells.filter((c) => c.startsWith('chung/linh-vuc') || c.startsWith('chung/gia-tri-hop-le'))).toEqual([]);
    expect(cells.filter((c) => c.startsWith('co-quan-kieu-mau/an-toan-antt'))).toEqual(['co-quan-kieu-mau/an-toan-antt I7', 'co-quan-kieu-mau/an-toan-antt I8']);
  });

  it('matches an award given as its code as the named award, and shows the name with the code', async () => {
    const { findings, nominees } = await check('nhandulieu.xlsx', nhanDuLieu(LIST));
    const award = findings.filter((f) => f.ruleId === 'kon-tum/hinh-thuc-dung-tieu-chuan');
    // Row 7's code is a provincial Bằng khen: a provincial award the failed criterion does not
    // support. Row 8's code is in no list: read as typed, it names no provincial award.
    expect(award.map((f) => `${f.column}${f.row}`)).toEqual(['F7']);
    expect(award[0].message).toContain('«Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương (1650360491)»');
    // The cell is the officer's: its value is the code as typed.
    expect(award[0].value).toBe('1650360491');
    expect(nominees.map((n) => [n.row, n.kind, n.award])).toEqual([
      [4, 'tap-the', 'Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương (1650360491)'],
      [5, 'ho-gia-dinh', 'Gia đình văn hóa (1647933227)'],
      [6, 'ca-nhan', 'Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện (1650360499)'],
      [7, 'tap-the', 'Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương (1650360491)'],
      [8, 'tap-the', '1234567890'],
    ]);
  });

  it('asks the unit of a collective in a dossier outside that layout, and reads a written award as typed', async () => {
    const rows = [
      { stt: 1, ten: 'Trường THCS Đắk Ruồng', loai: 'Tập thể', linh_vuc: 'Giáo dục', don_vi: null, hinh_thuc: 'Giấy khen của Chủ tịch UBND xã' },
      { stt: 2, ten: 'Hộ ông Nguyễn Văn Bình', loai: 'Hộ gia đình', linh_vuc: 'Giáo dục', don_vi: null, hinh_thuc: 'cờ thi đua của ubnd tỉnh' },
      { stt: 3, ten: 'Nguyễn Văn An', loai: 'Cá nhân', linh_vuc: 'Giáo dục', don_vi: null },
    ];
    const { cells, nominees, findings } = await check('ho-so.xlsx', sourceOf(ruleSet, rows));
    expect(cells.filter((c) => c.startsWith('chung/don-vi '))).toEqual(['chung/don-vi E2', 'chung/don-vi E3', 'chung/don-vi E4']);
    expect(findings.find((f) => f.ruleId === 'chung/don-vi')!.message).toBe('Thiếu «Đơn vị».');
    // A written-out award is shown as typed, even when it is an award's name in other letters.
    expect(nominees.map((n) => n.award)).toEqual(['Giấy khen của Chủ tịch UBND xã', 'cờ thi đua của ubnd tỉnh', undefined]);
  });
});
