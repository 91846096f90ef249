/**
 * Past decisions as evidence (`--history`): the decision lists of a commune for three past years
 * (fixtures/history/quyet-dinh/) and the 2025 lists whose streaks they prove or disprove
 * (fixtures/history/ho-so/), checked with fixtures/history/hoso.config.yaml, which names the
 * decisions and maps a school renamed when the communes merged in 2025.
 *
 *   2022-cstdcs.xlsx    CSTĐCS 2022, the award only in the title block, the decision in the line
 *                       the list is attached by; years of birth; a row without a name
 *   2023-danh-hieu.csv  CSV, the award in a column (CSTĐCS or LĐTT); two "Nguyễn Văn Hùng" told
 *                       apart by their years of birth; an award misspelt
 *   2024.xlsx           CSTĐCS 2024 with the decision in columns and no year of birth: two "Trần
 *                       Thị Mai" nothing tells apart; a sheet of TTLĐXS collectives; instructions
 *   2024-dot-xuat.xlsx  an ad hoc (đột xuất) decision: a CSTĐCS that Decree 152 does not count
 *
 * The school "Trường TH xã Đắk Pne" of the decisions is "Trường TH xã Kon Braih" in 2025. Every
 * finding expected names the decisions it found by file, sheet and cell, as the builder placed them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { csvSheetName, placesOf, writeDossier, type CellInput, type Column, type CsvOptions, type DossierSpec, type ExpectedFinding, type SheetSpec, type TextLine } from './dossier.js';
import { C, footer, instructionsSheet, MOTTO, nominee, sheet, titleBlock, yearly, type Entry, type Signing } from './vocab.js';

const col = (key: string, header: string, width = 14): Column => ({ key, header, width });

/** The decisions' folder and the config, relative to fixtures/. */
export const HISTORY_DIR = 'history';
const DECISIONS = `${HISTORY_DIR}/quyet-dinh`;
const CONFIG = `${HISTORY_DIR}/hoso.config.yaml`;
/** How the golden test names the fixtures folder on the command line: the messages name the decisions so. */
const AS_GIVEN = 'fixtures';

const XA = 'ỦY BAN NHÂN DÂN XÃ ĐẮK RUỒNG';
const UNIT = 'UBND XÃ ĐẮK RUỒNG';
const THCS = 'Trường THCS Đắk Ruồng';
const TRAM = 'Trạm Y tế xã Đắk Ruồng';
const OLD_SCHOOL = 'Trường TH xã Đắk Pne';
const NEW_SCHOOL = 'Trường TH xã Kon Braih';
const COMMUNE = 'UBND xã Đắk Ruồng';

/** A decision list's title block: the commune, the motto, the list's title, the line it is attached by. */
function decisionTitle(heading: string, attached?: string): TextLine[] {
  return [{ left: XA, right: MOTTO[0] }, { right: MOTTO[1] }, { center: heading }, ...(attached ? [{ center: attached, bold: false, italic: true }] : []), {}];
}

const CSV: CsvOptions = { delimiter: ',', bom: true, encoding: 'utf8', decimalComma: false };
const closing = (what: string): TextLine[] => [{ total: `Tổng cộng: {n} ${what}` }];
const person = (values: Record<string, CellInput>) => nominee(values);

// ---------------------------------------------------------------------------------------------
// The decision lists

const d2022: DossierSpec = {
  file: `${DECISIONS}/2022-cstdcs.xlsx`,
  sheets: [
    sheet({
      title: decisionTitle(
        'DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2022',
        '(Kèm theo Quyết định số 215/QĐ-UBND ngày 20 tháng 12 năm 2022 của Chủ tịch Ủy ban nhân dân xã Đắk Ruồng)',
      ),
      columns: [C.stt, C.ten, C.nam_sinh, C.chuc_vu, C.don_vi],
      sections: [
        {
          rows: [
            person({ ten: 'Lê Văn Cường', nam_sinh: 1978, chuc_vu: 'Hiệu trưởng', don_vi: THCS }),
            person({ ten: 'Phạm Thị Hạnh', nam_sinh: 1982, chuc_vu: 'Giáo viên', don_vi: THCS }),
            person({ ten: 'Nguyễn Văn Hùng', nam_sinh: 1986, chuc_vu: 'Giáo viên', don_vi: THCS }),
            person({ ten: 'Trần Thị Mai', nam_sinh: 1990, chuc_vu: 'Y sĩ', don_vi: TRAM }),
            person({ ten: 'Y Blao', nam_sinh: 1985, chuc_vu: 'Giáo viên', don_vi: OLD_SCHOOL }),
            person({ ten: 'Đinh Văn Tài', nam_sinh: 1980, chuc_vu: 'Tổ trưởng chuyên môn', don_vi: THCS }),
            person({ ten: 'Hoàng Thị Lan', nam_sinh: 1988, chuc_vu: 'Điều dưỡng', don_vi: TRAM }),
            // A row half typed: no name, so nobody's evidence.
            person({ nam_sinh: 1979, chuc_vu: 'Giáo viên', don_vi: THCS }),
          ],
        },
      ],
      footer: closing('cá nhân'),
    }),
  ],
};

const d2023: DossierSpec = {
  file: `${DECISIONS}/2023-danh-hieu.csv`,
  csv: CSV,
  sheets: [
    sheet({
      title: decisionTitle(
        'DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2023',
        '(Kèm theo Quyết định số 198/QĐ-UBND ngày 18 tháng 12 năm 2023 của Chủ tịch Ủy ban nhân dân xã Đắk Ruồng)',
      ),
      columns: [C.stt, C.ten, C.nam_sinh, C.don_vi, col('hinh_thuc', 'Danh hiệu thi đua', 24)],
      sections: [
        {
          rows: [
            person({ ten: 'Lê Văn Cường', nam_sinh: 1978, don_vi: THCS, hinh_thuc: 'Chiến sĩ thi đua cơ sở' }),
            person({ ten: 'Phạm Thị Hạnh', nam_sinh: 1982, don_vi: THCS, hinh_thuc: 'Lao động tiên tiến' }),
            person({ ten: 'Nguyễn Văn Hùng', nam_sinh: 1980, don_vi: THCS, hinh_thuc: 'Chiến sĩ thi đua cơ sở' }),
            person({ ten: 'Nguyễn Văn Hùng', nam_sinh: 1986, don_vi: THCS, hinh_thuc: 'CSTĐCS' }),
            person({ ten: 'Trần Thị Mai', nam_sinh: 1990, don_vi: TRAM, hinh_thuc: 'Chiến sĩ thi đua cơ sở' }),
            person({ ten: 'Y Blao', nam_sinh: 1985, don_vi: OLD_SCHOOL, hinh_thuc: 'Chiến sĩ thi đua cơ sở' }),
            person({ ten: 'Đinh Văn Tài', nam_sinh: 1980, don_vi: THCS, hinh_thuc: 'Chiến sĩ thi đua cơ sở' }),
            person({ ten: 'Hoàng Thị Lan', nam_sinh: 1988, don_vi: TRAM, hinh_thuc: 'Chiến sĩ thi đua cơ sở' }),
            person({ ten: 'Vũ Thị Thu', nam_sinh: 1984, don_vi: THCS, hinh_thuc: 'Chiến sĩ thi đua cơ sở' }),
            person({ ten: 'Đỗ Văn Nam', nam_sinh: 1979, don_vi: TRAM, hinh_thuc: 'Lao động tiên tiến' }),
            person({ ten: 'Nguyễn Thị Sen', nam_sinh: 1991, don_vi: TRAM, hinh_thuc: 'Lao động tiên tiếng' }),
          ],
        },
      ],
      footer: closing('cá nhân'),
    }),
  ],
};

const DECIDED_2024 = new Date(Date.UTC(2024, 11, 19));
const NO_2024 = '245/QĐ-UBND';
const decided = { so_quyet_dinh: NO_2024, ngay_quyet_dinh: DECIDED_2024 };

const d2024: DossierSpec = {
  file: `${DECISIONS}/2024.xlsx`,
  sheets: [
    sheet({
      name: 'Cá nhân',
      title: decisionTitle('DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2024'),
      columns: [C.stt, C.ten, C.chuc_vu, C.don_vi, col('so_quyet_dinh', 'Số quyết định'), col('ngay_quyet_dinh', 'Ngày quyết định')],
      sections: [
        {
          rows: [
            person({ ten: 'Lê Văn Cường', chuc_vu: 'Hiệu trưởng', don_vi: THCS, ...decided }),
            person({ ten: 'Phạm Thị Hạnh', chuc_vu: 'Giáo viên', don_vi: THCS, ...decided }),
            person({ ten: 'Nguyễn Văn Hùng', chuc_vu: 'Giáo viên', don_vi: THCS, ...decided }),
            // Two people of one name in one unit, and no year of birth to tell them apart.
            person({ ten: 'Trần Thị Mai', chuc_vu: 'Y sĩ', don_vi: TRAM, ...decided }),
            person({ ten: 'Trần Thị Mai', chuc_vu: 'Hộ sinh', don_vi: TRAM, ...decided }),
            person({ ten: 'Y Blao', chuc_vu: 'Giáo viên', don_vi: OLD_SCHOOL, ...decided }),
            person({ ten: 'Hoàng Thị Lan', chuc_vu: 'Điều dưỡng', don_vi: TRAM, ...decided }),
            person({ ten: 'Vũ Thị Thu', chuc_vu: 'Giáo viên', don_vi: THCS, ...decided }),
            person({ ten: 'Đỗ Văn Nam', chuc_vu: 'Bác sĩ', don_vi: TRAM, ...decided }),
          ],
        },
      ],
      footer: closing('cá nhân'),
    }),
    sheet({
      name: 'Tập thể',
      title: decisionTitle(
        'DANH SÁCH TẬP THỂ ĐƯỢC CÔNG NHẬN DANH HIỆU TẬP THỂ LAO ĐỘNG XUẤT SẮC NĂM 2024',
        '(Kèm theo Quyết định số 250/QĐ-UBND ngày 19 tháng 12 năm 2024 của Chủ tịch Ủy ban nhân dân huyện Kon Rẫy)',
      ),
      columns: [C.stt, col('ten', 'Tên tập thể', 30), col('don_vi', 'Đơn vị', 24)],
      sections: [{ rows: [person({ ten: THCS, don_vi: COMMUNE })] }],
      footer: closing('tập thể'),
    }),
    instructionsSheet([C.stt, C.ten, C.don_vi, C.hinh_thuc]),
  ],
};

const d2024dotXuat: DossierSpec = {
  file: `${DECISIONS}/2024-dot-xuat.xlsx`,
  sheets: [
    sheet({
      title: decisionTitle('DANH SÁCH CÁ NHÂN ĐƯỢC KHEN THƯỞNG ĐỘT XUẤT NĂM 2024'),
      columns: [C.stt, C.ten, C.nam_sinh, C.don_vi, col('hinh_thuc', 'Danh hiệu thi đua', 24), col('loai_khen_thuong', 'Loại hình khen thưởng'), col('nam_khen_thuong', 'Năm khen thưởng', 8), col('so_quyet_dinh', 'Số quyết định'), col('ngay_quyet_dinh', 'Ngày quyết định')],
      sections: [
        {
          rows: [
            person({ ten: 'Đinh Văn Tài', nam_sinh: 1980, don_vi: THCS, hinh_thuc: 'Chiến sĩ thi đua cơ sở', loai_khen_thuong: 'Đột xuất', nam_khen_thuong: 2024, so_quyet_dinh: '88/QĐ-UBND', ngay_quyet_dinh: new Date(Date.UTC(2024, 8, 2)) }),
            person({ ten: 'Nguyễn Thị Sen', nam_sinh: 1991, don_vi: TRAM, hinh_thuc: 'Giấy khen', loai_khen_thuong: 'Đột xuất', nam_khen_thuong: 2024, so_quyet_dinh: '88/QĐ-UBND', ngay_quyet_dinh: new Date(Date.UTC(2024, 8, 2)) }),
          ],
        },
      ],
      footer: closing('cá nhân'),
    }),
  ],
};

export const DECISION_LISTS = [d2022, d2023, d2024, d2024dotXuat];

/** The config the golden check runs with: the decisions, and the school renamed in the 2025 merger. */
const CONFIG_TEXT = `# The past decisions of the dossiers in ho-so/ (written by scripts/generate-fixtures.ts).
history:
  paths: [quyet-dinh]
  units:
    # Đắk Pne merged into Kon Braih in 2025: its school kept its place and took the new name.
    "xã Đắk Pne": "xã Kon Braih"
`;

/** Writes the decision lists and the config; returns how many files. */
export async function writeHistoryDecisions(outDir: string): Promise<number> {
  for (const d of DECISION_LISTS) await writeDossier(outDir, d);
  fs.writeFileSync(path.join(outDir, CONFIG), CONFIG_TEXT);
  return DECISION_LISTS.length + 1;
}

// ---------------------------------------------------------------------------------------------
// Where the decisions stand, as the findings name them

function sheetOf(d: DossierSpec, name?: string): SheetSpec {
  const s = name ? d.sheets.find((x) => x.name === name) : d.sheets[0];
  if (!s) throw new Error(`${d.file}: no sheet ${name}`);
  return s;
}

/** "fixtures/history/quyet-dinh/2024.xlsx › Cá nhân!B9", the n-th row of that name. */
function evidenceAt(d: DossierSpec, who: string, sheetName?: string, nth = 0): string {
  const s = sheetOf(d, sheetName);
  const at = placesOf(s, who)[nth];
  return `${AS_GIVEN}/${d.file} › ${d.csv ? csvSheetName(d.file) : s.name}!${at.column}${at.row}`;
}

const Q215 = 'QĐ số 215/QĐ-UBND ngày 20/12/2022';
const Q198 = 'QĐ số 198/QĐ-UBND ngày 18/12/2023';
const Q245 = `QĐ số ${NO_2024} ngày 19/12/2024`;
const Q88 = 'QĐ số 88/QĐ-UBND ngày 02/09/2024';

const CSTD = 'CSTĐ cấp tỉnh: có 03 lần liên tục được tặng danh hiệu CSTĐCS';
const BK_PERSON = 'Bằng khen tỉnh, căn cứ điểm d: có 02 lần liên tục được tặng danh hiệu CSTĐCS';
const BK_UNIT = 'Bằng khen tỉnh, căn cứ điểm d: có 02 năm liên tục hoàn thành xuất sắc nhiệm vụ hoặc đạt danh hiệu TTLĐXS';

// ---------------------------------------------------------------------------------------------
// The 2025 lists

const DECEMBER: Signing = { place: 'Đắk Ruồng', date: [15, 12, 2025], maker: 'Nguyễn Thị Hoa', head: 'A Vương', headTitle: 'CHỦ TỊCH' };
const CSTD_LIST = `${HISTORY_DIR}/ho-so/chien-si-thi-dua-cap-tinh.xlsx`;
const BK_LIST = `${HISTORY_DIR}/ho-so/bang-khen.csv`;

const candidate = (ten: string, nam_sinh: number, don_vi: string, chuc_vu: string, more: Record<string, CellInput> = {}) =>
  person({
    ten,
    nam_sinh,
    loai: 'Cá nhân',
    linh_vuc: don_vi === TRAM ? 'Y tế' : 'Giáo dục',
    don_vi,
    chuc_vu,
    lao_dong_truc_tiep: chuc_vu === 'Giáo viên' ? 'Có' : 'Không',
    so_sang_kien_cap_tinh: 1,
    thanh_tich: `${chuc_vu} ba năm liền đạt Chiến sĩ thi đua cơ sở, có sáng kiến được Hội đồng khoa học tỉnh công nhận năm 2025`,
    hinh_thuc: 'Chiến sĩ thi đua cấp tỉnh',
    ...more,
  });

const cstdSheet = sheet({
  title: titleBlock(UNIT, 'DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH NĂM 2025'),
  columns: [C.stt, C.ten, C.nam_sinh, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lao_dong_truc_tiep, col('nam_ky_luat', 'Năm bị kỷ luật', 10), col('so_sang_kien_cap_tinh', 'Số sáng kiến cấp tỉnh', 10), C.thanh_tich, C.hinh_thuc],
  sections: [
    {
      rows: [
        candidate('Lê Văn Cường', 1978, THCS, 'Hiệu trưởng'),
        candidate('Phạm Thị Hạnh', 1982, THCS, 'Giáo viên'),
        candidate('Nguyễn Văn Hùng', 1986, THCS, 'Giáo viên'),
        candidate('Trần Thị Mai', 1990, TRAM, 'Y sĩ'),
        candidate('Y Blao', 1985, NEW_SCHOOL, 'Giáo viên'),
        candidate('Đinh Văn Tài', 1980, THCS, 'Tổ trưởng chuyên môn'),
        candidate('Hoàng Thị Lan', 1988, TRAM, 'Điều dưỡng', { nam_ky_luat: '2022' }),
      ],
    },
  ],
  footer: footer(DECEMBER),
});

const bkSheet = sheet({
  title: titleBlock(UNIT, 'DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH NĂM 2025'),
  columns: [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.lao_dong_truc_tiep, yearly('xep_loai', 'Xếp loại', [2023, 2024]), C.thanh_tich, C.hinh_thuc],
  sections: [
    {
      rows: [
        person({ ten: 'Vũ Thị Thu', loai: 'Cá nhân', linh_vuc: 'Giáo dục', don_vi: THCS, lao_dong_truc_tiep: 'Có', xep_loai_2023: 'HTXSNV', xep_loai_2024: 'HTXSNV', thanh_tich: 'Hai năm liền đạt Chiến sĩ thi đua cơ sở, giáo viên dạy giỏi cấp tỉnh năm học 2024-2025', hinh_thuc: 'Bằng khen của Chủ tịch UBND tỉnh' }),
        person({ ten: 'Đỗ Văn Nam', loai: 'Cá nhân', linh_vuc: 'Y tế', don_vi: TRAM, lao_dong_truc_tiep: 'Không', xep_loai_2023: 'HTTNV', xep_loai_2024: 'HTXSNV', thanh_tich: 'Bác sĩ trạm y tế, khám chữa bệnh cho hơn 3.000 lượt người dân năm 2025', hinh_thuc: 'Bằng khen của Chủ tịch UBND tỉnh' }),
        person({ ten: THCS, loai: 'Tập thể', linh_vuc: 'Giáo dục', don_vi: COMMUNE, xep_loai_2023: 'HTXSNV', xep_loai_2024: 'HTTNV', thanh_tich: 'Trường đạt chuẩn quốc gia mức độ 2, tỷ lệ học sinh lên lớp 100% năm học 2024-2025', hinh_thuc: 'Bằng khen của Chủ tịch UBND tỉnh' }),
        person({ ten: TRAM, loai: 'Tập thể', linh_vuc: 'Y tế', don_vi: COMMUNE, xep_loai_2023: 'HTTNV', xep_loai_2024: 'HTXSNV', thanh_tich: 'Tiêm chủng mở rộng đạt 98%, không để xảy ra dịch bệnh trên địa bàn năm 2025', hinh_thuc: 'Bằng khen của Chủ tịch UBND tỉnh' }),
      ],
    },
  ],
  footer: footer(DECEMBER),
});

/** A finding on a nominee of a 2025 list, at the cell of `key`. */
function on(file: string, s: SheetSpec, who: string, key: string, ruleId: string, severity: ExpectedFinding['severity'], message: string, csv = false): ExpectedFinding {
  const at = placesOf(s, who, key)[0];
  return { ruleId, severity, file, sheet: csv ? csvSheetName(file) : s.name, row: at.row, column: at.column, message };
}

/** A note of a decision list (no row), named by file and sheet. */
function note(d: DossierSpec, ruleId: string, message: string, sheetName?: string): ExpectedFinding {
  return { ruleId, severity: 'info', file: d.file, sheet: d.csv ? csvSheetName(d.file) : (sheetName ?? d.sheets[0].name), group: XA, message };
}

function expectedFindings(): ExpectedFinding[] {
  const at = (s: SheetSpec, who: string, key: string) => placesOf(s, who, key)[0];
  const nameless = placesOf(sheetOf(d2022), (v) => v.ten === undefined)[0].row;
  const misspelt = placesOf(sheetOf(d2023), (v) => v.hinh_thuc === 'Lao động tiên tiếng')[0].row;
  return [
    on(
      CSTD_LIST,
      cstdSheet,
      'Phạm Thị Hạnh',
      'hinh_thuc',
      'vn-law-2022/cstd-tinh/ba-lan-cstdcs',
      'error',
      `Chưa đạt «${CSTD}» (2022, 2023, 2024): không có quyết định năm 2023 nào công nhận «Phạm Thị Hạnh» (${THCS}) là «Chiến sĩ thi đua cơ sở», năm đó có «Lao động tiên tiến» theo ${Q198} (${evidenceAt(d2023, 'Phạm Thị Hạnh')}). Đã có: 2022 theo ${Q215} (${evidenceAt(d2022, 'Phạm Thị Hạnh')}); 2024 theo ${Q245} (${evidenceAt(d2024, 'Phạm Thị Hạnh', 'Cá nhân')}).`,
    ),
    on(
      CSTD_LIST,
      cstdSheet,
      'Trần Thị Mai',
      'hinh_thuc',
      'vn-law-2022/cstd-tinh/ba-lan-cstdcs',
      'warning',
      `Không phân biệt được người trùng tên khi xét «${CSTD}»: năm 2024, các quyết định có 2 người «Trần Thị Mai» (${TRAM}): ${evidenceAt(d2024, 'Trần Thị Mai', 'Cá nhân', 0)} và ${evidenceAt(d2024, 'Trần Thị Mai', 'Cá nhân', 1)}. Hãy ghi năm sinh ở cả danh sách đề nghị và danh sách quyết định để phân biệt.`,
    ),
    on(
      CSTD_LIST,
      cstdSheet,
      'Đinh Văn Tài',
      'hinh_thuc',
      'vn-law-2022/cstd-tinh/khong-tinh-dot-xuat-ky-luat',
      'error',
      `Chưa đạt «${CSTD}» (2022, 2023, 2024): năm 2024 chỉ có ${Q88} (${evidenceAt(d2024dotXuat, 'Đinh Văn Tài')}), là «Khen thưởng đột xuất», không được tính.`,
    ),
    on(CSTD_LIST, cstdSheet, 'Hoàng Thị Lan', 'nam_ky_luat', 'vn-law-2022/cstd-tinh/khong-tinh-dot-xuat-ky-luat', 'error', `Chưa đạt «${CSTD}» (2022, 2023, 2024): năm 2022 không được tính vì trước khi chấp hành xong kỷ luật («Năm bị kỷ luật»: «2022»).`),
    on(
      BK_LIST,
      bkSheet,
      'Đỗ Văn Nam',
      'hinh_thuc',
      'vn-law-2022/bk-tinh/can-cu-d-ca-nhan',
      'info',
      `Chưa đạt «${BK_PERSON}» (2023, 2024): không có quyết định năm 2023 nào công nhận «Đỗ Văn Nam» (${TRAM}) là «Chiến sĩ thi đua cơ sở», năm đó có «Lao động tiên tiến» theo ${Q198} (${evidenceAt(d2023, 'Đỗ Văn Nam')}). Đã có: 2024 theo ${Q245} (${evidenceAt(d2024, 'Đỗ Văn Nam', 'Cá nhân')}).`,
      true,
    ),
    on(
      BK_LIST,
      bkSheet,
      TRAM,
      'xep_loai_2023',
      'vn-law-2022/bk-tinh/can-cu-d-tap-the',
      'info',
      `Chưa đạt «${BK_UNIT}» (2023, 2024): «Xếp loại 2023» là «HTTNV», không có quyết định năm 2023 nào công nhận «${TRAM}» (${COMMUNE}) là «Tập thể lao động xuất sắc». Đã có: 2024 theo cột «Xếp loại 2024» (${at(bkSheet, TRAM, 'xep_loai_2024').column}${at(bkSheet, TRAM, 'xep_loai_2024').row}).`,
      true,
    ),
    note(d2022, 'hoso/lich-su-dong-bo-qua', `Dòng ${nameless} của danh sách quyết định không dùng được làm căn cứ: không có họ tên.`),
    note(d2023, 'hoso/lich-su-dong-bo-qua', `Dòng ${misspelt} của danh sách quyết định không dùng được làm căn cứ: danh hiệu ghi ở dòng không có trong danh mục danh hiệu, hình thức khen thưởng.`),
    note(d2024, 'hoso/lich-su-trang-bo-qua', 'Trang tính của danh sách quyết định không được đọc: trang hướng dẫn có dòng ví dụ.', 'Hướng dẫn'),
  ];
}

export function historyFixtures(): Entry[] {
  return [
    {
      path: `${HISTORY_DIR}/ho-so`,
      description: 'Past decisions as evidence (--history through the config): three in a row found, a year missing, namesakes told apart by birth and not, a renamed school mapped, an ad hoc decision and a discipline not counted',
      profiles: [],
      config: CONFIG,
      defects: [
        'Phạm Thị Hạnh: LĐTT, not CSTĐCS, in 2023',
        'Trần Thị Mai: two of that name at the health station in the 2024 decision, with no year of birth',
        'Đinh Văn Tài: his 2024 CSTĐCS only from an ad hoc (đột xuất) decision, not counted under Decree 152',
        'Hoàng Thị Lan: disciplined in 2022, so 2022 does not count under Decree 152',
        'Đỗ Văn Nam (Bằng khen, ground d): LĐTT, not CSTĐCS, in 2023',
        'Trạm Y tế xã Đắk Ruồng (Bằng khen, ground d): HTTNV and no TTLĐXS in 2023',
        'decision lists: a row without a name (2022), an award misspelt (2023), an instructions sheet (2024)',
      ],
      dossiers: [
        { file: CSTD_LIST, sheets: [cstdSheet] },
        { file: BK_LIST, sheets: [bkSheet], csv: CSV },
      ],
      expect: expectedFindings(),
    },
  ];
}
