/**
 * The commendation system's templates (../shared/reference/quang-binh-tdkt, mirrored by
 * reference.ts) filled in as an office would for the year-end titles of the Law: CANHAN and
 * TAPTHE with the awards by their HTKT codes (the form in "Mã hình thức khen thưởng", the title
 * in "Mã danh hiệu thi đua (nếu có)"), NHANDULIEU and MauTDKT by their names. Each holds rows
 * that fit and rows planted with an award that does not fit the nominee; none carries an
 * evidence column, as the one real filled list found carries none, so each award's criteria are
 * one note per criterion. Every finding they must give is stated here, with why.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExpectedEntry, ExpectedFinding, Severity } from './dossier.js';
import { canhan, mauTdkt, nhanDuLieu, tapthe, type Cell, type MauTdktRow } from './reference.js';

/** Where they are written, under fixtures/. */
const DIR = 'awards/he-thong';

/** HTKT codes (../shared/reference/quang-binh-tdkt/HTKT.tsv). */
const CODE = {
  ldtt: '1647933042',
  cstdcs: '1647933380',
  ttldtt: '1647933198',
  ttldxs: '1647933151',
  gdvh: '1647933227',
  bkTinh: '1650360491',
  giayKhenXa: '1672804473',
  coTinh: '1668522916',
};
/** A code of the system's form that is none of its awards: a typo of LĐTT's. */
const UNKNOWN_CODE = '1647933024';
const DIRECT_WORKER = '1660638976';

type Expect = { rule: string; severity: Severity | 'info'; column?: string; row?: number; sheet?: string; group?: boolean; why: string };

/** A finding on a cell, planted by the row. */
const on = (rule: string, column: string, row: number, why: string, severity: Severity = 'error'): Expect => ({ rule, severity, column, row, why });
/** A finding about a sheet (or, without one, the file), said once whatever the rows. */
const about = (rule: string, sheet: string | undefined, why: string, severity: Severity | 'info' = 'info'): Expect => ({ rule, severity, sheet, group: true, why });

/** The notes of a list with no evidence column: one per criterion of each award it proposes (the vote's is undated: no place-and-date line). */
function criteriaNotes(sheet: string, ...awards: ('ldtt' | 'cstdcs' | 'ttldtt' | 'ttldxs' | 'co-tinh')[]): Expect[] {
  const rules: Record<string, string[]> = {
    ldtt: ['ldtt/xep-loai'],
    cstdcs: ['cstdcs/dat-ldtt', 'cstdcs/xuat-sac-hoac-sang-kien'],
    ttldtt: ['ttldtt/xep-loai', 'ttldtt/70-phan-tram-ldtt', 'ttldtt/khong-ky-luat'],
    ttldxs: ['ttldxs/xep-loai', 'ttldxs/100-phan-tram-hoan-thanh', 'ttldxs/70-phan-tram-ldtt', 'ttldxs/co-cstdcs'],
    'co-tinh': ['co-tinh/dan-dau'],
  };
  const dated: Record<string, string | undefined> = { cstdcs: 'cstdcs/phieu-bau', 'co-tinh': 'co-tinh/phieu-bau' };
  return awards.flatMap((a) => [
    ...rules[a].map((r) => about(`vn-law-2022/${r}`, sheet, `no evidence column for ${r}: one note for the sheet`)),
    ...(dated[a] ? [about(`vn-law-2022/${dated[a]}`, undefined, 'Decree 98/2023 is in force to 30 June 2025 only, and the list shows no date: one note for the file')] : []),
  ]);
}

interface Filled {
  file: string;
  description: string;
  write: (file: string) => Promise<void>;
  /** The submitting unit hoso reads: none of these titles names one, so the file's name. */
  unit: string;
  /** Per sheet, the rows that are no nominee. */
  nonNominee: Record<string, number[]>;
  expect: Expect[];
}

const person = (stt: number, ten: string, gender: 'NAM' | 'NU', form: Cell, title: Cell): Cell[] => [stt, ten, gender, '02/03/1985', 'Giáo viên', 'Tổ Toán', 'Trường THCS Đắk Ruồng', 'Thôn 1, xã Đắk Ruồng', DIRECT_WORKER, form, title];

const CANHAN: Filled = {
  file: `${DIR}/CANHAN.xlsx`,
  description: 'the system\'s CANHAN template filled with individuals, awards by their HTKT codes in the form and the title columns',
  write: (file) =>
    canhan(file, [
      person(1, 'Nguyễn Văn Bình', 'NAM', null, CODE.ldtt),
      person(2, 'Trần Thị Cúc', 'NU', CODE.bkTinh, CODE.cstdcs),
      person(3, 'Lê Văn Dũng', 'NAM', null, CODE.ttldtt),
      person(4, 'Phạm Thị Hạnh', 'NU', CODE.ttldxs, null),
      person(5, 'Hoàng Văn Khải', 'NAM', CODE.ldtt, UNKNOWN_CODE),
    ]),
  unit: 'CANHAN',
  nonNominee: { DANHSACH: [1, 3] },
  expect: [
    on('vn-law-2022/dung-doi-tuong', 'K', 6, 'an individual proposed for TTLĐTT, a collective title, in the title column'),
    on('vn-law-2022/dung-doi-tuong', 'J', 7, 'an individual proposed for TTLĐXS, a collective title, in the form column'),
    on('vn-law-2022/danh-muc', 'K', 8, 'a title code that is no award of the list (a typo of LĐTT\'s)', 'warning'),
    ...criteriaNotes('DANHSACH', 'ldtt', 'cstdcs'),
    about('vn-law-2022/bk-tinh/can-cu-d-ca-nhan', 'DANHSACH', 'an individual proposed for Bằng khen with no other ground named, and no year column nor past decisions to show ground (d): one note for the sheet'),
    about('chung/linh-vuc', 'DANHSACH', 'the template has no field column, which chung requires', 'error'),
    about('chung/thanh-tich', 'DANHSACH', 'the template has no achievement-summary column, which chung requires', 'error'),
    about('hoso/cot-khong-kiem-tra', 'DANHSACH', 'the department (F) and the address (H) are read by no rule'),
    about('hoso/trang-bo-qua', 'DANHMUC', 'the code lists are passed over'),
  ],
};

const TAPTHE: Filled = {
  file: `${DIR}/TAPTHE.xlsx`,
  description: 'the system\'s TAPTHE template filled with collectives, awards by their HTKT codes',
  write: (file) =>
    tapthe(file, [
      [1, 'Trường THCS Đắk Ruồng', '1668477403', null, CODE.ttldtt],
      [2, 'Trạm Y tế xã Đắk Ruồng', '1668477403', CODE.bkTinh, CODE.ttldxs],
      [3, 'Tổ Văn phòng UBND xã', '1668477383', null, CODE.ldtt],
      [4, 'Thôn Kon Keng', '1668477463', CODE.gdvh, null],
    ]),
  unit: 'TAPTHE',
  nonNominee: { DANHSACH: [1, 3] },
  expect: [
    on('vn-law-2022/dung-doi-tuong', 'E', 6, 'a collective proposed for LĐTT, an individual title, in the title column'),
    on('vn-law-2022/dung-doi-tuong', 'D', 7, 'a collective proposed for Gia đình văn hóa, a household title, in the form column'),
    ...criteriaNotes('DANHSACH', 'ttldtt', 'ttldxs'),
    about('vn-law-2022/bk-tinh/can-cu-d-tap-the', 'DANHSACH', 'a collective proposed for Bằng khen with no other ground named, and no rating columns nor past decisions to show ground (d): one note for the sheet'),
    about('chung/don-vi', 'DANHSACH', 'the template has no unit column, and its kind comes from the file\'s name, not a typed TAPTHE', 'error'),
    about('chung/linh-vuc', 'DANHSACH', 'the template has no field column', 'error'),
    about('chung/thanh-tich', 'DANHSACH', 'the template has no achievement-summary column', 'error'),
    about('hoso/trang-bo-qua', 'DANHMUC', 'the code lists are passed over'),
  ],
};

const NHANDULIEU: Filled = {
  file: `${DIR}/NHANDULIEU.xlsx`,
  description: 'the system\'s mixed list filled with the three kinds, awards by name',
  write: (file) =>
    nhanDuLieu(file, [
      [1, 'TAPTHE', 'Trạm Y tế xã Đắk Ruồng', null, null, 'Tập thể lao động xuất sắc', 'Đơn vị sự nghiệp', 'Y tế'],
      [2, 'CANHAN', 'Phạm Quốc Khánh', 'Giám đốc', 'Sở Giáo dục và Đào tạo', 'Chiến sĩ thi đua cơ sở', 'Các cấp lãnh đạo từ phó phòng trở lên', 'Giáo dục - Đào tạo'],
      [3, 'HOGIADINH', 'Gia đình ông Hoàng Văn Tư', null, null, 'Gia đình văn hóa', 'Hộ gia đình', 'Nông nghiệp - Nông thôn'],
      [4, 'CANHAN', 'Lê Thị Mai', 'Kế toán', 'Trạm Y tế xã Đắk Ruồng', 'Tập thể lao động tiên tiến', 'Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu', 'Y tế'],
      [5, 'HOGIADINH', 'Hộ bà Y Hoa', null, null, 'Lao động tiên tiến', 'Hộ gia đình', 'Nông nghiệp - Nông thôn'],
      [6, 'TAPTHE', 'Trung tâm Y tế khu vực Kon Rẫy', null, null, 'Cờ thi đua của UBND tỉnh', 'Đơn vị sự nghiệp', 'Y tế'],
    ]),
  unit: 'NHANDULIEU',
  nonNominee: { DANHSACH: [1, 3] },
  expect: [
    on('vn-law-2022/dung-doi-tuong', 'F', 7, 'an individual proposed for TTLĐTT'),
    on('vn-law-2022/dung-doi-tuong', 'F', 8, 'a household proposed for LĐTT'),
    ...criteriaNotes('DANHSACH', 'ttldxs', 'cstdcs', 'co-tinh'),
    about('chung/thanh-tich', 'DANHSACH', 'the template has no achievement-summary column', 'error'),
    about('hoso/trang-bo-qua', 'DANHMUC', 'the code lists are passed over'),
  ],
};

const tdkt = (cells: Cell[], codes: MauTdktRow['codes']): MauTdktRow => ({ cells, codes });
/** The prepared rows the filled copy keeps under its nominees (the original has 552). */
const MAU_LAST = 40;

const MAU_TDKT: Filled = {
  file: `${DIR}/MauTDKT.xlsx`,
  description: 'the system\'s newer template filled by name, its lookups R–U cached as Excel computes them',
  write: (file) =>
    mauTdkt(
      file,
      [
        tdkt([1, 'Ông', 'Nguyễn Văn Bình', 'Giáo viên', 'Trường THCS Đắk Ruồng', 'Khen thưởng cá nhân', 'Lao động tiên tiến', 'Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu', 'Giáo dục - Đào tạo'], ['CANHAN', CODE.ldtt, 1660638976, '0003']),
        tdkt([2, 'Bà', 'Trần Thị Cúc', 'Giáo viên', 'Trường THCS Đắk Ruồng', 'Khen thưởng cá nhân', 'Tập thể lao động tiên tiến', 'Đối tượng khác', 'Giáo dục - Đào tạo'], ['CANHAN', CODE.ttldtt, 1668477463, '0003']),
        tdkt([3, null, 'Trạm Y tế xã Đắk Ruồng', null, 'UBND xã Đắk Ruồng', 'Khen thưởng tập thể', 'Tập thể lao động tiên tiến', 'Đơn vị sự nghiệp', 'Y tế'], ['TAPTHE', CODE.ttldtt, 1668477403, '0012']),
        tdkt([4, null, 'Khoa Dược', null, 'Trung tâm Y tế khu vực Kon Rẫy', 'Khen thưởng tập thể', 'Lao động tiên tiến', 'Đơn vị sự nghiệp', 'Y tế'], ['TAPTHE', CODE.ldtt, 1668477403, '0012']),
      ],
      MAU_LAST,
    ),
  unit: 'MauTDKT',
  nonNominee: { 'file nhận': [1, ...Array.from({ length: MAU_LAST - 5 }, (_, i) => 6 + i)] },
  expect: [
    on('vn-law-2022/dung-doi-tuong', 'G', 3, 'an individual proposed for TTLĐTT'),
    on('vn-law-2022/dung-doi-tuong', 'G', 5, 'a collective proposed for LĐTT'),
    ...criteriaNotes('file nhận', 'ldtt', 'ttldtt'),
    about('chung/thanh-tich', 'file nhận', 'the template has no achievement-summary column', 'error'),
    about('hoso/cot-khong-kiem-tra', 'file nhận', 'the honorific (B) is read by no rule; the lookups R–U are passed over by the quang-binh pack'),
    ...['HTKT', 'PLDT', 'LVHD', 'phan loai kt', 'Hướng dẫn'].map((sheet) => about('hoso/trang-bo-qua', sheet, 'code lists and the instructions are passed over')),
  ],
};

/** Writes the filled templates under `outDir` and returns their entries of expected.json. */
export async function writeFilledReferenceTemplates(outDir: string): Promise<Record<string, ExpectedEntry>> {
  const out: Record<string, ExpectedEntry> = {};
  for (const f of [CANHAN, TAPTHE, NHANDULIEU, MAU_TDKT]) {
    const target = path.join(outDir, f.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await f.write(target);
    const findings = f.expect.map(({ rule, severity, column, row, sheet, group }): ExpectedFinding => {
      const base = { ruleId: rule, severity, file: f.file };
      if (row !== undefined) return { ...base, sheet: Object.keys(f.nonNominee)[0], row, column };
      return { ...base, ...(sheet !== undefined ? { sheet } : {}), ...(group ? { group: f.unit } : {}) };
    });
    const planted = f.expect.filter((e) => e.row !== undefined);
    out[f.file] = {
      description: `${f.description}; planted: ${planted.map((e) => `${e.column}${e.row} ${e.why}`).join('; ')}`,
      profiles: [],
      exit: findings.some((x) => x.severity === 'error') ? 1 : 0,
      defects: f.expect.map((e) => `${e.rule}${e.row !== undefined ? ` ${e.column}${e.row}` : ''}: ${e.why}`),
      findings,
      nonNomineeRows: { [f.file]: f.nonNominee },
    };
  }
  return out;
}
