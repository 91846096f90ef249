/**
 * Award lists under the Law on Emulation and Commendation (rules/vn-law-2022.yaml): for each
 * award with criteria a list can show, a passing list with the evidence columns, the same list
 * with defects, and the list without the evidence columns (as the one real filled list found:
 * name, unit and award only), which gets one note per award and criterion, never an error per row.
 * The thresholds are the Law's (06/2022/QH15 Art. 22–28), the vote's Decree 98/2023's Art. 30(7).
 */
import type { ColumnDef, ExpectedFinding, NomineeRow } from './dossier.js';
import { C, dateLine, footer, nominee, sheet, titleBlock, withDefects, yearly, type Defect, type Entry, type Signing } from './vocab.js';

const col = (key: string, header: string, width = 12) => ({ key, header, width });

/** The evidence columns, headed as a province's award template heads them. */
const E = {
  xep_loai: yearly('xep_loai', 'Xếp loại', [2024, 2025]),
  so_sang_kien: C.so_sang_kien,
  so_de_tai: col('so_de_tai', 'Số đề tài khoa học đã nghiệm thu'),
  so_lan: col('so_lan_cstdcs_lien_tuc', 'Số lần liên tục đạt CSTĐCS'),
  sk_tinh: col('so_sang_kien_cap_tinh', 'Số sáng kiến cấp tỉnh'),
  phieu: col('ty_le_phieu', 'Tỷ lệ phiếu đồng ý (%)'),
  tong: col('tong_so_ca_nhan', 'Tổng số cá nhân'),
  ldtt: col('so_ldtt', 'Số cá nhân đạt LĐTT'),
  htnv: col('so_hoan_thanh_nv', 'Số cá nhân hoàn thành nhiệm vụ'),
  cstdcs: col('so_cstdcs', 'Số cá nhân đạt CSTĐCS'),
  ky_luat: col('so_ky_luat_canh_cao', 'Số cá nhân bị kỷ luật từ cảnh cáo trở lên'),
  dan_dau: col('dan_dau_cum_khoi', 'Dẫn đầu cụm, khối thi đua'),
};

const UNIT = 'UBND XÃ ĐẮK RUỒNG';
const HEADING = 'DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2025';
/** After 1 July 2025: Decree 152/2025 in force, Decree 98/2023's vote rule not. */
const DECEMBER: Signing = { place: 'Đắk Ruồng', date: [15, 12, 2025], maker: 'Nguyễn Thị Hoa', head: 'A Vương', headTitle: 'CHỦ TỊCH' };
/** Before 1 July 2025: Decree 98/2023's vote rule in force. */
const MARCH: Signing = { ...DECEMBER, date: [10, 3, 2025] };

const person = (ten: string, chuc_vu: string, more: Record<string, string | number | null>, hinh_thuc: string, truc_tiep = 'Không'): NomineeRow =>
  nominee({ ten, loai: 'Cá nhân', linh_vuc: 'Giáo dục', don_vi: 'Trường THCS Đắk Ruồng', chuc_vu, lao_dong_truc_tiep: truc_tiep, ...more, thanh_tich: `${chuc_vu} hoàn thành tốt nhiệm vụ năm học 2024-2025, có học sinh giỏi cấp huyện`, hinh_thuc });

const unit = (ten: string, more: Record<string, string | number | null>, hinh_thuc: string): NomineeRow =>
  nominee({ ten, loai: 'Tập thể', linh_vuc: 'Y tế', don_vi: 'UBND xã Đắk Ruồng', ...more, thanh_tich: 'Hoàn thành các chỉ tiêu khám chữa bệnh năm 2025, không để xảy ra dịch bệnh trên địa bàn', hinh_thuc });

const INDIVIDUALS: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lao_dong_truc_tiep];
const COLLECTIVES: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi];

export interface AwardCase {
  /** The award the list proposes (an id of rules/vn-law-2022.yaml's awards). */
  award: string;
  slug: string;
  what: string;
  who: ColumnDef[];
  evidence: ColumnDef[];
  rows: NomineeRow[];
  defects: Defect[];
  /** The rules that note, without the evidence columns, that they cannot check the list. */
  unshown: string[];
  signing?: Signing;
  heading?: string;
}

function awardEntries(a: AwardCase): Entry[] {
  const signing = a.signing ?? DECEMBER;
  const title = titleBlock(UNIT, a.heading ?? HEADING);
  const list = (columns: ColumnDef[], rows: NomineeRow[]) => sheet({ title, columns: [...a.who, ...columns, C.thanh_tich, C.hinh_thuc], sections: [{ rows }], footer: footer(signing) });
  const full = list(a.evidence, a.rows);
  const entry = (suffix: string, description: string, s: typeof full, defects: string[], expect?: ExpectedFinding[]): Entry => {
    const file = `awards/${a.slug}-${suffix}.xlsx`;
    return { path: file, description: `${a.what}: ${description}`, profiles: [], defects, dossiers: [{ file, sheets: [s] }], expect: expect?.map((e) => ({ ...e, file })) };
  };
  const out = [entry('dat', 'every criterion the list shows is met', full, [])];
  if (a.defects.length) out.push(entry('khong-dat', a.defects.map((d) => d.why).join('; '), withDefects(full, a.defects), a.defects.map((d) => d.why)));
  if (a.unshown.length) {
    // The list as the one real filled list found has it: no evidence column at all.
    const bare = list([], a.rows.map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).filter(([k]) => a.who.concat([C.thanh_tich, C.hinh_thuc]).some((c) => 'key' in c && c.key === k))) })));
    const notes = a.unshown.map((ruleId): ExpectedFinding => ({ ruleId, severity: 'info', file: '', sheet: 'Danh sách', group: UNIT }));
    out.push(entry('khong-cot-bang-chung', 'no evidence column: one note per criterion, no error', bare, [], notes));
  }
  return out;
}

const ldtt: AwardCase = {
  award: 'ldtt',
  slug: 'lao-dong-tien-tien',
  what: 'Lao động tiên tiến (Law Art. 24)',
  who: INDIVIDUALS,
  evidence: [E.xep_loai],
  rows: [
    person('Nguyễn Văn Bình', 'Giáo viên', { xep_loai_2024: 'HTTNV', xep_loai_2025: 'HTTNV' }, 'Lao động tiên tiến', 'Có'),
    person('Trần Thị Cúc', 'Giáo viên', { xep_loai_2024: 'HTXSNV', xep_loai_2025: 'Hoàn thành tốt nhiệm vụ' }, 'LĐTT'),
    person('Lê Văn Dũng', 'Nhân viên thư viện', { xep_loai_2024: 'HTNV', xep_loai_2025: 'HTXSNV' }, '1647933042'),
  ],
  defects: [
    { on: 'Trần Thị Cúc', set: { xep_loai_2025: 'Hoàn thành nhiệm vụ' }, expect: [{ rule: 'vn-law-2022/ldtt/xep-loai' }], why: 'rated "completed" (HTNV) in 2025, below completed-well' },
    { on: 'Lê Văn Dũng', set: { loai: 'Tập thể' }, expect: [{ rule: 'vn-law-2022/dung-doi-tuong', key: 'hinh_thuc' }], why: "an individual's title proposed for a collective" },
  ],
  unshown: ['vn-law-2022/ldtt/xep-loai'],
};

const cstdcs: AwardCase = {
  award: 'cstdcs',
  slug: 'chien-si-thi-dua-co-so',
  what: 'Chiến sĩ thi đua cơ sở (Law Art. 23)',
  who: INDIVIDUALS,
  evidence: [E.xep_loai, E.so_sang_kien, E.so_de_tai],
  rows: [
    person('Phạm Thị Hạnh', 'Tổ trưởng chuyên môn', { xep_loai_2024: 'HTXSNV', xep_loai_2025: 'HTXSNV', so_sang_kien: 0, so_de_tai: 0 }, 'Chiến sĩ thi đua cơ sở', 'Có'),
    person('Hoàng Văn Khải', 'Giáo viên', { xep_loai_2024: 'HTTNV', xep_loai_2025: 'HTTNV', so_sang_kien: 1, so_de_tai: 0 }, 'CSTĐCS'),
    person('Đỗ Thị Lan', 'Giáo viên', { xep_loai_2024: 'HTTNV', xep_loai_2025: 'HTTNV', so_sang_kien: 0, so_de_tai: 1 }, 'CSTĐCS'),
  ],
  defects: [
    { on: 'Hoàng Văn Khải', set: { so_sang_kien: 0 }, expect: [{ rule: 'vn-law-2022/cstdcs/xuat-sac-hoac-sang-kien', key: 'xep_loai_2025' }], why: 'rated HTTNV with no initiative and no research work' },
    { on: 'Đỗ Thị Lan', set: { xep_loai_2025: 'HTNV' }, expect: [{ rule: 'vn-law-2022/cstdcs/dat-ldtt' }], why: 'rated HTNV in 2025: not even the LĐTT standard' },
  ],
  unshown: ['vn-law-2022/cstdcs/dat-ldtt', 'vn-law-2022/cstdcs/xuat-sac-hoac-sang-kien'],
};

const cstdTinh: AwardCase = {
  award: 'cstd-tinh',
  slug: 'chien-si-thi-dua-cap-tinh',
  what: 'Chiến sĩ thi đua cấp tỉnh (Law Art. 22; the vote under Decree 98/2023, dossier of March 2025)',
  who: INDIVIDUALS,
  evidence: [E.so_lan, E.sk_tinh, E.phieu],
  heading: 'DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH NĂM 2024',
  signing: MARCH,
  rows: [
    person('Vũ Minh Quang', 'Hiệu trưởng', { so_lan_cstdcs_lien_tuc: 3, so_sang_kien_cap_tinh: 1, ty_le_phieu: '92%' }, 'Chiến sĩ thi đua cấp tỉnh', 'Có'),
    person('Bùi Thị Thu', 'Giáo viên', { so_lan_cstdcs_lien_tuc: 4, so_sang_kien_cap_tinh: 2, ty_le_phieu: '100%' }, 'CSTĐ cấp tỉnh'),
  ],
  defects: [
    { on: 'Vũ Minh Quang', set: { so_lan_cstdcs_lien_tuc: 2 }, expect: [{ rule: 'vn-law-2022/cstd-tinh/ba-lan-cstdcs' }], why: 'CSTĐCS only twice in a row' },
    { on: 'Bùi Thị Thu', set: { ty_le_phieu: '85%' }, expect: [{ rule: 'vn-law-2022/cstd-tinh/phieu-bau' }], why: '85% of the council in favour, 90% needed before 1 July 2025' },
  ],
  unshown: ['vn-law-2022/cstd-tinh/ba-lan-cstdcs', 'vn-law-2022/cstd-tinh/sang-kien-cap-tinh', 'vn-law-2022/cstd-tinh/phieu-bau'],
};

const ttldtt: AwardCase = {
  award: 'ttldtt',
  slug: 'tap-the-lao-dong-tien-tien',
  what: 'Tập thể lao động tiên tiến (Law Art. 28)',
  who: COLLECTIVES,
  evidence: [E.xep_loai, E.tong, E.ldtt, E.ky_luat],
  rows: [
    unit('Trạm Y tế xã Đắk Ruồng', { xep_loai_2024: 'HTTNV', xep_loai_2025: 'HTTNV', tong_so_ca_nhan: 10, so_ldtt: 7, so_ky_luat_canh_cao: 0 }, 'Tập thể lao động tiên tiến'),
    unit('Khoa Dược', { xep_loai_2024: 'HTXSNV', xep_loai_2025: 'HTXSNV', tong_so_ca_nhan: 19, so_ldtt: 15, so_ky_luat_canh_cao: 0 }, 'TTLĐTT'),
    unit('Tổ Dân số', { xep_loai_2024: 'HTTNV', xep_loai_2025: 'HTTNV', tong_so_ca_nhan: 6, so_ldtt: 6, so_ky_luat_canh_cao: 0 }, '1647933198'),
  ],
  defects: [
    { on: 'Khoa Dược', set: { so_ldtt: 13 }, expect: [{ rule: 'vn-law-2022/ttldtt/70-phan-tram-ldtt' }], why: '13 of 19 members LĐTT (68.4%), under 70%' },
    { on: 'Tổ Dân số', set: { so_ky_luat_canh_cao: 1 }, expect: [{ rule: 'vn-law-2022/ttldtt/khong-ky-luat' }], why: 'a member disciplined with a warning' },
  ],
  unshown: ['vn-law-2022/ttldtt/xep-loai', 'vn-law-2022/ttldtt/70-phan-tram-ldtt', 'vn-law-2022/ttldtt/khong-ky-luat'],
};

const ttldxs: AwardCase = {
  award: 'ttldxs',
  slug: 'tap-the-lao-dong-xuat-sac',
  what: 'Tập thể lao động xuất sắc (Law Art. 27)',
  who: COLLECTIVES,
  evidence: [E.xep_loai, E.tong, E.htnv, E.ldtt, E.cstdcs],
  rows: [
    unit('Trạm Y tế xã Đắk Ruồng', { xep_loai_2024: 'HTXSNV', xep_loai_2025: 'HTXSNV', tong_so_ca_nhan: 12, so_hoan_thanh_nv: 12, so_ldtt: 9, so_cstdcs: 1 }, 'Tập thể lao động xuất sắc'),
    unit('Khoa Khám bệnh', { xep_loai_2024: 'HTXSNV', xep_loai_2025: 'HTXSNV', tong_so_ca_nhan: 20, so_hoan_thanh_nv: 20, so_ldtt: 18, so_cstdcs: 2 }, 'TTLĐXS'),
    unit('Khoa Xét nghiệm', { xep_loai_2024: 'HTTNV', xep_loai_2025: 'HTXSNV', tong_so_ca_nhan: 8, so_hoan_thanh_nv: 8, so_ldtt: 6, so_cstdcs: 1 }, 'TTLĐXS'),
  ],
  defects: [
    { on: 'Trạm Y tế xã Đắk Ruồng', set: { xep_loai_2025: 'HTTNV' }, expect: [{ rule: 'vn-law-2022/ttldxs/xep-loai' }], why: 'rated HTTNV in 2025, not HTXSNV' },
    { on: 'Khoa Khám bệnh', set: { so_hoan_thanh_nv: 19 }, expect: [{ rule: 'vn-law-2022/ttldxs/100-phan-tram-hoan-thanh' }], why: 'one member did not complete their tasks' },
    { on: 'Khoa Xét nghiệm', set: { so_cstdcs: 0 }, expect: [{ rule: 'vn-law-2022/ttldxs/co-cstdcs' }], why: 'no member holds CSTĐCS' },
  ],
  unshown: ['vn-law-2022/ttldxs/xep-loai', 'vn-law-2022/ttldxs/100-phan-tram-hoan-thanh', 'vn-law-2022/ttldxs/70-phan-tram-ldtt', 'vn-law-2022/ttldxs/co-cstdcs'],
};

const coTinh: AwardCase = {
  award: 'co-tinh',
  slug: 'co-thi-dua-tinh',
  what: "Cờ thi đua của UBND tỉnh (Law Art. 26; dated December 2025, so Decree 98's vote rule is not applied)",
  who: COLLECTIVES,
  evidence: [E.dan_dau, E.phieu],
  rows: [
    unit('Trung tâm Y tế khu vực Kon Rẫy', { dan_dau_cum_khoi: 'Có', ty_le_phieu: '70%' }, 'Cờ thi đua của UBND tỉnh'),
    unit('Bệnh viện Đa khoa khu vực', { dan_dau_cum_khoi: 'x', ty_le_phieu: '95%' }, '1668522916'),
  ],
  defects: [{ on: 'Trung tâm Y tế khu vực Kon Rẫy', set: { dan_dau_cum_khoi: 'Không' }, expect: [{ rule: 'vn-law-2022/co-tinh/dan-dau' }], why: 'does not lead its cluster' }],
  unshown: ['vn-law-2022/co-tinh/dan-dau'],
};

const giaDinhVanHoa: AwardCase = {
  award: 'gia-dinh-van-hoa',
  slug: 'gia-dinh-van-hoa',
  what: 'Gia đình văn hóa (Law Art. 20(2), 31): a household title',
  who: [C.stt, C.ten, C.loai, C.linh_vuc, C.dia_chi],
  evidence: [],
  rows: [
    nominee({ ten: 'Hộ ông A Thuận', loai: 'Hộ gia đình', linh_vuc: 'Giảm nghèo', don_vi: 'Thôn Kon Keng', thanh_tich: 'Gia đình gương mẫu, hiến 300 m² đất làm đường liên thôn năm 2025', hinh_thuc: 'Gia đình văn hóa' }),
    nominee({ ten: 'Hộ bà Y Hoa', loai: 'Hộ gia đình', linh_vuc: 'Giảm nghèo', don_vi: 'Thôn Kon Keng', thanh_tich: 'Thoát nghèo bền vững nhờ trồng 2 ha sâm dây, giúp 5 hộ trong thôn cùng làm', hinh_thuc: 'GĐVH' }),
  ],
  defects: [{ on: 'Hộ bà Y Hoa', set: { loai: 'Tập thể' }, expect: [{ rule: 'vn-law-2022/dung-doi-tuong', key: 'hinh_thuc' }], why: "a household's title proposed for a collective" }],
  unshown: [],
};

/** Each award's lists: its passing rows and its defects (test/template/init-award.test.ts fills a template with them too). */
export const AWARD_CASES: readonly AwardCase[] = [ldtt, cstdcs, cstdTinh, ttldtt, ttldxs, coTinh, giaDinhVanHoa];

/** A case's dossier as its list dates it: the award year of its title, its place-and-date line. */
export function datedAs(a: AwardCase): { year: number; unit: string; dateLine: string } {
  return { year: Number(/NĂM (\d{4})$/.exec(a.heading ?? HEADING)![1]), unit: UNIT, dateLine: dateLine(a.signing ?? DECEMBER) };
}

export function awardFixtures(): Entry[] {
  return AWARD_CASES.flatMap(awardEntries);
}
