/**
 * One passing and one failing dossier per field with checkable criteria (004 §III.3.a for
 * collectives, §III.3.b for individuals, households). The passing one holds every column the
 * criteria need, the years 2023–2025 and a direct worker among the individuals, so that the
 * bundled rules find nothing at all; the failing one is the same dossier with 1–3 defects.
 */
import type { ColumnDef, NomineeRow } from './dossier.js';
import { AWARD, cadre, collective, household, worker } from './people.js';
import {
  C,
  footer,
  GDVH,
  HTXSNV,
  instructionsSheet,
  pct,
  sheet,
  titleBlock,
  WHO,
  withDefects,
  XEP_LOAI,
  yearly,
  type Defect,
  type Entry,
  type Section,
  type Signing,
} from './vocab.js';

interface FieldCase {
  slug: string;
  what: string;
  unit: string;
  signing: Signing;
  /** The field's criterion columns. */
  criteria: ColumnDef[];
  /** What the individuals need: ratings for cadres, Gia đình văn hóa for workers. */
  individualColumns?: ColumnDef[];
  /** The whole header, when the field's sheet is laid out differently. */
  columns?: ColumnDef[];
  collectives?: NomineeRow[];
  individuals?: NomineeRow[];
  households?: NomineeRow[];
  defects: Defect[];
}

function fieldEntries(f: FieldCase): Entry[] {
  const columns = f.columns ?? [
    ...WHO,
    ...(f.individualColumns ?? [XEP_LOAI]),
    ...f.criteria,
    C.thanh_tich,
    C.hinh_thuc,
    C.ghi_chu,
  ];
  const sections: Section[] = [];
  const romans = ['I', 'II', 'III'];
  const add = (label: string, rows?: NomineeRow[]) => {
    if (rows?.length) sections.push({ roman: romans[sections.length], label, rows });
  };
  add('TẬP THỂ', f.collectives);
  add('CÁ NHÂN', f.individuals);
  add('HỘ GIA ĐÌNH', f.households);
  const clean = sheet({ title: titleBlock(f.unit), columns, sections, footer: footer(f.signing) });
  const dat: Entry = {
    path: `fields/${f.slug}-dat.xlsx`,
    description: `${f.what}: every criterion met`,
    profiles: [],
    defects: [],
    dossiers: [{ file: `fields/${f.slug}-dat.xlsx`, sheets: [clean, instructionsSheet(columns)] }],
  };
  const broken = withDefects(clean, f.defects);
  const khongDat: Entry = {
    path: `fields/${f.slug}-khong-dat.xlsx`,
    description: `${f.what}: ${f.defects.map((d) => d.why).join('; ')}`,
    profiles: [],
    defects: f.defects.map((d) => d.why),
    dossiers: [{ file: `fields/${f.slug}-khong-dat.xlsx`, sheets: [broken, instructionsSheet(columns)] }],
  };
  return [dat, khongDat];
}

const DAK_RUONG: Signing = { place: 'Đắk Ruồng', date: [15, 8, 2025], maker: 'Nguyễn Thị Hoa', head: 'A Vương', headTitle: 'CHỦ TỊCH' };
const KON_RAY: Signing = { place: 'Kon Rẫy', date: [20, 6, 2025], maker: 'Lê Thị Thu Hà', head: 'Nguyễn Văn Hòa', headTitle: 'TRƯỞNG PHÒNG' };

// ---------------------------------------------------------------------------------------------

const hocTapLamTheoBac: FieldCase = {
  slug: 'hoc-tap-lam-theo-bac',
  what: 'Studying and following Ho Chi Minh (collectives)',
  unit: 'UBND XÃ ĐẮK RUỒNG',
  signing: DAK_RUONG,
  criteria: [C.ty_le_neu_guong, C.ty_le_lanh_dao_neu_guong, C.so_ky_luat, C.xep_loai_dang],
  collectives: [
    collective({
      ten: 'Chi bộ thôn Kon Keng',
      linh_vuc: 'Học tập và làm theo Bác',
      don_vi: 'Đảng ủy xã Đắk Ruồng',
      more: { ty_le_neu_guong: pct(0.85), ty_le_lanh_dao_neu_guong: pct(1), so_ky_luat: 0, xep_loai_dang: HTXSNV },
      thanh_tich: 'Xây dựng mô hình «Dân vận khéo», vận động nhân dân hiến 1.200 m² đất làm đường giao thông nông thôn',
    }),
    collective({
      ten: 'Chi bộ Trường THCS Đắk Ruồng',
      linh_vuc: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      don_vi: 'Đảng ủy xã Đắk Ruồng',
      more: { ty_le_neu_guong: pct(0.92), ty_le_lanh_dao_neu_guong: pct(1), so_ky_luat: 0, xep_loai_dang: 'HTXSNV' },
      thanh_tich: '100% đảng viên đăng ký và thực hiện cam kết nêu gương; 3 năm liền chi bộ hoàn thành xuất sắc nhiệm vụ',
      hinh_thuc: AWARD.tinh,
    }),
    collective({
      ten: 'Chi bộ thôn 10',
      linh_vuc: 'Học tập và làm theo Bác',
      don_vi: 'Đảng ủy xã Đắk Ruồng',
      more: { ty_le_neu_guong: pct(0.78), ty_le_lanh_dao_neu_guong: pct(1), so_ky_luat: 0, xep_loai_dang: 'Hoàn thành xuất sắc' },
      thanh_tich: 'Duy trì sinh hoạt chuyên đề hằng tháng; 25/32 đảng viên có việc làm cụ thể làm theo gương Bác',
    }),
  ],
  individuals: [
    cadre({
      ten: 'Y Hoa',
      chuc_vu: 'Bí thư chi bộ',
      don_vi: 'Chi bộ thôn Kon Keng',
      linh_vuc: 'Học tập và làm theo Bác',
      nam_sinh: 1982,
      lanh_dao: 'Có',
      thanh_tich: 'Gương mẫu vận động bà con người Xơ Đăng chuyển đổi 8 ha đất lúa một vụ sang trồng sâm dây',
    }),
    cadre({
      ten: 'Lê Văn Thành',
      chuc_vu: 'Công chức Văn hóa - Xã hội',
      don_vi: 'UBND xã Đắk Ruồng',
      linh_vuc: 'Học tập và làm theo Bác',
      nam_sinh: 1990,
      truc_tiep: 'Có',
      thanh_tich: 'Biên soạn 12 chuyên đề tuyên truyền về tấm gương đạo đức Hồ Chí Minh bằng tiếng Xơ Đăng',
    }),
  ],
  defects: [
    { on: 'Chi bộ thôn 10', set: { ty_le_neu_guong: pct(0.7) }, expect: [{ rule: 'hoc-tap-lam-theo-bac/ty-le-neu-guong' }], why: '70% of members set an example: not over 70%' },
    { on: 'Chi bộ thôn Kon Keng', set: { xep_loai_dang: null }, expect: [{ rule: 'hoc-tap-lam-theo-bac/to-chuc-dang' }], why: "the Party organisation's rating left empty" },
    {
      on: 'Chi bộ Trường THCS Đắk Ruồng',
      set: { so_ky_luat: 1 },
      expect: [{ rule: 'hoc-tap-lam-theo-bac/khong-ky-luat' }, { rule: 'kon-tum/hinh-thuc-dung-tieu-chuan', key: 'hinh_thuc' }],
      why: 'one member disciplined, yet proposed for a provincial award',
    },
  ],
};

const coQuanKieuMau: FieldCase = {
  slug: 'co-quan-kieu-mau',
  what: 'Model agencies (collectives)',
  unit: 'UBND HUYỆN KON RẪY',
  signing: { ...KON_RAY, head: 'Đặng Văn Quang', headTitle: 'CHỦ TỊCH' },
  criteria: [C.an_toan_antt, C.xep_loai_dang],
  collectives: [
    collective({
      ten: 'Phòng Nội vụ huyện Kon Rẫy',
      linh_vuc: 'Cơ quan, đơn vị kiểu mẫu',
      don_vi: 'UBND huyện Kon Rẫy',
      more: { an_toan_antt: 'Đạt', xep_loai_dang: HTXSNV },
      thanh_tich: 'Tham mưu sắp xếp 14 thôn, tổ dân phố; 100% văn bản đi, đến được xử lý trên môi trường mạng',
    }),
    collective({
      ten: 'Văn phòng HĐND và UBND huyện Kon Rẫy',
      linh_vuc: 'Cơ quan kiểu mẫu',
      don_vi: 'UBND huyện Kon Rẫy',
      more: { an_toan_antt: 'Đạt', xep_loai_dang: 'HTXSNV' },
      thanh_tich: 'Vận hành bộ phận một cửa hiện đại, tỷ lệ hài lòng của người dân đạt 98,6% năm 2024',
      hinh_thuc: AWARD.tinh,
    }),
    collective({
      ten: 'Phòng Tài chính - Kế hoạch huyện Kon Rẫy',
      linh_vuc: 'Cơ quan, đơn vị kiểu mẫu',
      don_vi: 'UBND huyện Kon Rẫy',
      more: { an_toan_antt: 'Có', xep_loai_dang: HTXSNV },
      thanh_tich: 'Giải ngân vốn đầu tư công đạt 100% kế hoạch 2 năm liền, không có sai phạm qua thanh tra',
    }),
  ],
  individuals: [
    cadre({
      ten: 'Trần Thị Mai',
      chuc_vu: 'Trưởng phòng',
      don_vi: 'Phòng Nội vụ huyện Kon Rẫy',
      linh_vuc: 'Xây dựng Đảng, chính quyền, đoàn thể',
      nam_sinh: 1979,
      lanh_dao: 'Có',
      thanh_tich: 'Chủ trì xây dựng đề án vị trí việc làm cho 11 cơ quan chuyên môn, được UBND tỉnh phê duyệt',
    }),
    cadre({
      ten: 'Đinh Văn Tâm',
      chuc_vu: 'Chuyên viên',
      don_vi: 'Văn phòng HĐND và UBND huyện Kon Rẫy',
      linh_vuc: 'Cơ quan kiểu mẫu',
      nam_sinh: 1991,
      truc_tiep: 'Có',
      thanh_tich: 'Số hóa 4.300 hồ sơ lưu trữ; có 01 sáng kiến về quản lý văn bản được công nhận cấp huyện',
    }),
  ],
  defects: [
    { on: 'Phòng Tài chính - Kế hoạch huyện Kon Rẫy', set: { an_toan_antt: 'Không đạt' }, expect: [{ rule: 'co-quan-kieu-mau/an-toan-antt' }], why: 'security-and-order standard not met' },
    {
      on: 'Văn phòng HĐND và UBND huyện Kon Rẫy',
      set: { xep_loai_dang: 'Hoàn thành tốt nhiệm vụ' },
      expect: [{ rule: 'co-quan-kieu-mau/to-chuc-dang' }, { rule: 'kon-tum/hinh-thuc-dung-tieu-chuan', key: 'hinh_thuc' }],
      why: 'Party organisation rated "completed well", yet proposed for a provincial award',
    },
  ],
};

const POVERTY = yearly('ty_le_ho_ngheo', 'Tỷ lệ hộ nghèo (%)', [2023, 2024, 2025], String, '0.0%');

const khuDanCu: FieldCase = {
  slug: 'khu-dan-cu',
  what: 'Residential areas and cultural villages (collectives)',
  unit: 'UBND XÃ ĐẮK TỜ RE',
  signing: { place: 'Đắk Tờ Re', date: [14, 8, 2025], maker: 'Y Liên', head: 'Lương Văn Đạt', headTitle: 'CHỦ TỊCH' },
  criteria: [POVERTY, C.so_ho_tai_ngheo, C.so_nguoi_te_nan, C.an_toan_antt],
  collectives: [
    collective({
      ten: 'Thôn Kon Keng',
      linh_vuc: 'Khu dân cư, thôn, làng văn hóa',
      don_vi: 'Xã Đắk Tờ Re',
      more: { ty_le_ho_ngheo_2023: pct(0.124, '0.0%'), ty_le_ho_ngheo_2024: pct(0.098, '0.0%'), ty_le_ho_ngheo_2025: pct(0.071, '0.0%'), so_ho_tai_ngheo: 0, so_nguoi_te_nan: 0, an_toan_antt: 'x' },
      thanh_tich: 'Giảm 9 hộ nghèo trong 3 năm; 95% hộ đạt danh hiệu Gia đình văn hóa; giữ gìn nhà rông truyền thống',
    }),
    collective({
      ten: 'Thôn 4',
      linh_vuc: 'Thôn văn hóa',
      don_vi: 'Xã Đắk Tờ Re',
      more: { ty_le_ho_ngheo_2023: pct(0.075, '0.0%'), ty_le_ho_ngheo_2024: pct(0.06, '0.0%'), ty_le_ho_ngheo_2025: pct(0.042, '0.0%'), so_ho_tai_ngheo: 0, so_nguoi_te_nan: 0, an_toan_antt: 'Đạt' },
      thanh_tich: 'Nhân dân đóng góp 320 triệu đồng bê tông hóa 1,8 km đường thôn; 3 năm liền không có vụ việc an ninh',
    }),
    collective({
      ten: 'Làng Kon Rlong',
      linh_vuc: 'Khu dân cư, thôn, làng văn hóa',
      don_vi: 'Xã Đắk Tờ Re',
      more: { ty_le_ho_ngheo_2023: pct(0.21, '0.0%'), ty_le_ho_ngheo_2024: pct(0.165, '0.0%'), ty_le_ho_ngheo_2025: pct(0.13, '0.0%'), so_ho_tai_ngheo: 0, so_nguoi_te_nan: 0, an_toan_antt: 'Có' },
      thanh_tich: 'Duy trì đội cồng chiêng 25 thành viên; mô hình nuôi cá lồng giúp 11 hộ tăng thu nhập',
    }),
  ],
  individuals: [
    cadre({
      ten: 'A Thuận',
      chuc_vu: 'Trưởng thôn',
      don_vi: 'Thôn Kon Keng',
      linh_vuc: 'Thôn văn hóa',
      nam_sinh: 1975,
      lanh_dao: 'Có',
      thanh_tich: 'Vận động 100% hộ trong thôn tham gia bảo hiểm y tế; hòa giải thành 7 vụ việc tranh chấp đất đai',
    }),
    cadre({
      ten: 'Y Liên',
      chuc_vu: 'Công chức Địa chính - Xây dựng',
      don_vi: 'UBND xã Đắk Tờ Re',
      linh_vuc: 'Khu dân cư',
      nam_sinh: 1993,
      truc_tiep: 'Có',
      thanh_tich: 'Đo đạc, cấp 146 giấy chứng nhận quyền sử dụng đất cho đồng bào dân tộc thiểu số',
    }),
  ],
  defects: [
    { on: 'Thôn 4', set: { ty_le_ho_ngheo_2024: pct(0.081, '0.0%') }, expect: [{ rule: 'khu-dan-cu/giam-ho-ngheo' }], why: 'the poverty rate rose in 2024 (7.5% → 8.1%)' },
    { on: 'Làng Kon Rlong', set: { so_ho_tai_ngheo: 2 }, expect: [{ rule: 'khu-dan-cu/khong-tai-ngheo' }], why: 'two households fell back into poverty' },
    { on: 'Thôn Kon Keng', set: { an_toan_antt: null }, expect: [{ rule: 'khu-dan-cu/an-toan-antt' }], why: 'the security-and-order cell left empty' },
  ],
};

const giaoDuc: FieldCase = {
  slug: 'giao-duc',
  what: 'Education (collectives; a head teacher whose school is nominated)',
  unit: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN KON RẪY',
  signing: { ...KON_RAY, head: 'Nguyễn Văn Hòa' },
  criteria: [C.an_toan_antt],
  collectives: [
    collective({
      ten: 'Trường THCS Đắk Ruồng',
      linh_vuc: 'Giáo dục và đào tạo',
      don_vi: 'Phòng GD&ĐT huyện Kon Rẫy',
      more: { an_toan_antt: 'Có' },
      thanh_tich: 'Tỷ lệ học sinh lên lớp đạt 99,2%; 12 học sinh giỏi cấp huyện năm học 2024-2025',
      hinh_thuc: AWARD.tinh,
    }),
    collective({
      ten: 'Trường Tiểu học Tân Lập',
      linh_vuc: 'GD&ĐT',
      don_vi: 'Phòng GD&ĐT huyện Kon Rẫy',
      more: { an_toan_antt: 'Có' },
      thanh_tich: 'Duy trì 100% học sinh dân tộc thiểu số đi học chuyên cần; đạt chuẩn quốc gia mức độ 1 năm 2024',
    }),
    collective({
      ten: 'Trường Mầm non Hoa Hồng',
      linh_vuc: 'Giáo dục',
      don_vi: 'Phòng GD&ĐT huyện Kon Rẫy',
      more: { an_toan_antt: 'Đạt' },
      thanh_tich: 'Tổ chức bán trú cho 186 trẻ, không để xảy ra ngộ độc thực phẩm; 100% trẻ được tăng cường tiếng Việt',
    }),
  ],
  individuals: [
    cadre({
      ten: 'Phạm Thị Hương',
      chuc_vu: 'Hiệu trưởng',
      don_vi: 'Trường THCS Đắk Ruồng',
      linh_vuc: 'Giáo dục và đào tạo',
      nam_sinh: 1980,
      lanh_dao: 'Có',
      thanh_tich: 'Chỉ đạo nhà trường đạt chuẩn quốc gia mức độ 2; có 02 sáng kiến cấp tỉnh về dạy học song ngữ',
    }),
    cadre({
      ten: 'Võ Văn Sơn',
      chuc_vu: 'Giáo viên',
      don_vi: 'Trường Tiểu học Tân Lập',
      linh_vuc: 'Giáo dục',
      nam_sinh: 1988,
      truc_tiep: 'Có',
      thanh_tich: 'Giáo viên dạy giỏi cấp tỉnh năm học 2023-2024; bồi dưỡng 5 học sinh đạt giải Toán tuổi thơ',
    }),
  ],
  defects: [
    { on: 'Trường Tiểu học Tân Lập', set: { an_toan_antt: 'Không' }, expect: [{ rule: 'giao-duc/an-toan-antt' }], why: 'the school does not meet the security-and-order standard' },
    { on: 'Trường Mầm non Hoa Hồng', set: { an_toan_antt: null }, expect: [{ rule: 'giao-duc/an-toan-antt' }], why: 'the security-and-order cell left empty' },
    { on: 'Võ Văn Sơn', set: { thanh_tich: 'Như trên' }, expect: [{ rule: 'chung/thanh-tich-thuc-chat' }], why: 'the achievement summary says "Như trên"' },
  ],
};

const caiCachHanhChinh: FieldCase = {
  slug: 'cai-cach-hanh-chinh',
  what: 'Administrative reform (collectives; a formula cell with its cached result)',
  unit: 'UBND XÃ TÂN LẬP',
  signing: { place: 'Tân Lập', date: [12, 8, 2025], maker: 'Bùi Thị Ngọc', head: 'A Kha', headTitle: 'CHỦ TỊCH' },
  criteria: [C.so_ho_so_tre_han, C.so_ho_so_ton_dong],
  collectives: [
    collective({
      ten: 'Bộ phận Tiếp nhận và trả kết quả xã Tân Lập',
      linh_vuc: 'Cải cách hành chính',
      don_vi: 'UBND xã Tân Lập',
      more: { so_ho_so_tre_han: 0, so_ho_so_ton_dong: { formula: 'MAX(0,0)', result: 0 } },
      thanh_tich: 'Tiếp nhận, giải quyết 2.318 hồ sơ thủ tục hành chính, 100% đúng hạn; 86% hồ sơ nộp trực tuyến',
    }),
    collective({
      ten: 'Công an xã Tân Lập',
      linh_vuc: 'CCHC',
      don_vi: 'Công an huyện Kon Rẫy',
      more: { so_ho_so_tre_han: 0, so_ho_so_ton_dong: 0 },
      thanh_tich: 'Thu nhận 3.960 hồ sơ căn cước, kích hoạt 2.870 tài khoản định danh điện tử mức độ 2',
    }),
    collective({
      ten: 'Văn phòng - Thống kê xã Tân Lập',
      linh_vuc: 'Cải cách hành chính',
      don_vi: 'UBND xã Tân Lập',
      more: { so_ho_so_tre_han: 0, so_ho_so_ton_dong: 0 },
      thanh_tich: 'Triển khai hệ thống quản lý văn bản điều hành, 100% văn bản ký số; rút ngắn 40% thời gian xử lý',
    }),
  ],
  individuals: [
    cadre({
      ten: 'Bùi Thị Ngọc',
      chuc_vu: 'Công chức Tư pháp - Hộ tịch',
      don_vi: 'UBND xã Tân Lập',
      linh_vuc: 'Cải cách hành chính',
      nam_sinh: 1992,
      truc_tiep: 'Có',
      thanh_tich: 'Giải quyết 640 hồ sơ hộ tịch trước hạn; hướng dẫn người dân nộp hồ sơ trực tuyến tại nhà',
    }),
    cadre({
      ten: 'A Kha',
      chuc_vu: 'Phó Chủ tịch UBND xã',
      don_vi: 'UBND xã Tân Lập',
      linh_vuc: 'CCHC',
      nam_sinh: 1984,
      thanh_tich: 'Chỉ đạo xã đạt chỉ số cải cách hành chính cao nhất huyện năm 2024 (91,2 điểm)',
      hinh_thuc: AWARD.tinh,
    }),
  ],
  defects: [
    { on: 'Bộ phận Tiếp nhận và trả kết quả xã Tân Lập', set: { so_ho_so_tre_han: 3 }, expect: [{ rule: 'cai-cach-hanh-chinh/khong-tre-han' }], why: 'three dossiers settled late' },
    { on: 'Văn phòng - Thống kê xã Tân Lập', set: { so_ho_so_ton_dong: null }, expect: [{ rule: 'cai-cach-hanh-chinh/khong-ton-dong' }], why: 'the pending-dossier cell left empty' },
  ],
};

const money = (key: string, group: string) => yearly(key, group, [2023, 2024, 2025], (y) => `Năm ${y}`, '#,##0');

const sanXuatKinhDoanh: FieldCase = {
  slug: 'san-xuat-kinh-doanh',
  what: 'Production and business (collectives; workers with Gia đình văn hóa)',
  unit: 'UBND HUYỆN KON RẪY',
  signing: { ...KON_RAY, head: 'Đặng Văn Quang', headTitle: 'CHỦ TỊCH' },
  individualColumns: [GDVH],
  criteria: [money('doanh_thu', 'Doanh thu (triệu đồng)'), money('nop_ngan_sach', 'Nộp ngân sách (triệu đồng)'), money('loi_nhuan', 'Lợi nhuận (triệu đồng)')],
  collectives: [
    collective({
      ten: 'HTX Nông nghiệp Đắk Ruồng',
      linh_vuc: 'Sản xuất, kinh doanh',
      don_vi: 'Liên minh HTX tỉnh Kon Tum',
      more: {
        doanh_thu_2023: 4250,
        doanh_thu_2024: 5130.5,
        doanh_thu_2025: 6020,
        nop_ngan_sach_2023: 185,
        nop_ngan_sach_2024: 212,
        nop_ngan_sach_2025: 247,
        loi_nhuan_2023: 610,
        loi_nhuan_2024: 742,
        loi_nhuan_2025: 905,
      },
      thanh_tich: 'Liên kết bao tiêu 120 ha cà phê cho 210 hộ xã viên; đạt chứng nhận OCOP 4 sao cho sản phẩm cà phê',
    }),
    collective({
      ten: 'Công ty TNHH MTV Lâm nghiệp Kon Rẫy',
      linh_vuc: 'Doanh nghiệp',
      don_vi: 'UBND tỉnh Kon Tum',
      more: {
        doanh_thu_2023: 38600,
        doanh_thu_2024: 41250,
        doanh_thu_2025: 45900,
        nop_ngan_sach_2023: 2140,
        nop_ngan_sach_2024: 2385,
        nop_ngan_sach_2025: 2610,
        loi_nhuan_2023: 3120,
        loi_nhuan_2024: 3480,
        loi_nhuan_2025: 3905,
      },
      thanh_tich: 'Quản lý, bảo vệ 25.480 ha rừng, không để xảy ra cháy rừng; trồng mới 310 ha rừng sản xuất',
      hinh_thuc: AWARD.tinh,
    }),
    collective({
      ten: 'HTX Dịch vụ nông nghiệp Tân Lập',
      linh_vuc: 'Sản xuất, kinh doanh',
      don_vi: 'Liên minh HTX tỉnh Kon Tum',
      more: {
        doanh_thu_2023: 1850,
        doanh_thu_2024: 2140,
        doanh_thu_2025: 2475,
        nop_ngan_sach_2023: 62,
        nop_ngan_sach_2024: 71,
        nop_ngan_sach_2025: 83,
        loi_nhuan_2023: 215,
        loi_nhuan_2024: 268,
        loi_nhuan_2025: 301,
      },
      thanh_tich: 'Cung ứng vật tư, phân bón trả chậm cho 340 hộ; xây dựng chuỗi liên kết tiêu thụ mì (sắn) ổn định',
    }),
  ],
  individuals: [
    worker({
      ten: 'Hoàng Thị Lan',
      chuc_vu: 'Giám đốc HTX',
      don_vi: 'HTX Nông nghiệp Đắk Ruồng',
      linh_vuc: 'Sản xuất, kinh doanh',
      nam_sinh: 1983,
      truc_tiep: 'Không',
      more: { lanh_dao: 'Có' },
      thanh_tich: 'Đưa doanh thu HTX tăng 42% sau 3 năm; tạo việc làm thường xuyên cho 35 lao động địa phương',
      hinh_thuc: AWARD.huyen,
    }),
    worker({
      ten: 'A Blưu',
      chuc_vu: 'Công nhân bảo vệ rừng',
      don_vi: 'Công ty TNHH MTV Lâm nghiệp Kon Rẫy',
      linh_vuc: 'Doanh nghiệp',
      nam_sinh: 1987,
      gdvh: ['Có', 'Có', 'Có'],
      more: { lanh_dao: 'Không' },
      thanh_tich: 'Tuần tra 210 ngày/năm, phát hiện và ngăn chặn 6 vụ khai thác gỗ trái phép tại tiểu khu 512',
    }),
  ],
  defects: [
    { on: 'HTX Dịch vụ nông nghiệp Tân Lập', set: { loi_nhuan_2025: 254 }, expect: [{ rule: 'san-xuat-kinh-doanh/loi-nhuan-tang' }], why: 'profit fell in 2025 (268 → 254)' },
    {
      on: 'Công ty TNHH MTV Lâm nghiệp Kon Rẫy',
      set: { doanh_thu_2024: null },
      expect: [{ rule: 'san-xuat-kinh-doanh/doanh-thu-tang' }, { rule: 'kon-tum/hinh-thuc-dung-tieu-chuan', key: 'hinh_thuc' }],
      why: 'the 2024 revenue left empty, yet proposed for a provincial award',
    },
  ],
};

const nongThonMoi: FieldCase = {
  slug: 'nong-thon-moi',
  what: 'New rural areas (collectives)',
  unit: 'UBND HUYỆN KON RẪY',
  signing: { ...KON_RAY, head: 'Đặng Văn Quang', headTitle: 'CHỦ TỊCH' },
  criteria: [C.dat_chuan_ntm],
  collectives: [
    collective({
      ten: 'Xã Đắk Ruồng',
      linh_vuc: 'Xây dựng nông thôn mới',
      don_vi: 'UBND huyện Kon Rẫy',
      more: { dat_chuan_ntm: 'Đạt' },
      thanh_tich: 'Đạt chuẩn nông thôn mới nâng cao năm 2024; thu nhập bình quân 48 triệu đồng/người/năm',
    }),
    collective({
      ten: 'Xã Tân Lập',
      linh_vuc: 'NTM',
      don_vi: 'UBND huyện Kon Rẫy',
      more: { dat_chuan_ntm: 'Có' },
      thanh_tich: 'Huy động 6,2 tỷ đồng xã hội hóa xây dựng 19 km đường giao thông nông thôn và 3 nhà văn hóa thôn',
    }),
    collective({
      ten: 'Xã Đắk Tờ Re',
      linh_vuc: 'Kon Tum chung sức xây dựng nông thôn mới',
      don_vi: 'UBND huyện Kon Rẫy',
      more: { dat_chuan_ntm: 'Đạt' },
      thanh_tich: 'Hoàn thành 19/19 tiêu chí nông thôn mới; tỷ lệ hộ nghèo giảm từ 14,2% xuống 7,1%',
    }),
  ],
  individuals: [
    cadre({
      ten: 'Nguyễn Văn Lực',
      chuc_vu: 'Chủ tịch UBND xã',
      don_vi: 'Xã Đắk Ruồng',
      linh_vuc: 'Nông thôn mới',
      nam_sinh: 1977,
      lanh_dao: 'Có',
      thanh_tich: 'Lãnh đạo xã về đích nông thôn mới nâng cao trước kế hoạch 1 năm; vận động hiến 9.000 m² đất',
    }),
    cadre({
      ten: 'Y Thu',
      chuc_vu: 'Công chức Nông nghiệp',
      don_vi: 'UBND xã Tân Lập',
      linh_vuc: 'Nông thôn mới',
      nam_sinh: 1995,
      truc_tiep: 'Có',
      thanh_tich: 'Hướng dẫn 96 hộ áp dụng quy trình tưới tiết kiệm cho cà phê, tăng năng suất bình quân 15%',
    }),
  ],
  defects: [{ on: 'Xã Đắk Tờ Re', set: { dat_chuan_ntm: 'Chưa đạt' }, expect: [{ rule: 'nong-thon-moi/dat-chuan' }], why: 'the commune has not met the new-rural-area standard' }],
};

const congThuong: FieldCase = {
  slug: 'cong-thuong',
  what: 'Industry and trade, science and technology (collectives; a warning-level criterion)',
  unit: 'SỞ CÔNG THƯƠNG TỈNH KON TUM',
  signing: { place: 'Kon Tum', date: [18, 6, 2025], maker: 'Phan Thị Yến', head: 'Dương Minh Khải', headTitle: 'GIÁM ĐỐC' },
  criteria: [C.so_sang_kien],
  collectives: [
    collective({
      ten: 'Phòng Quản lý công nghiệp',
      linh_vuc: 'Công thương',
      don_vi: 'Sở Công Thương tỉnh Kon Tum',
      more: { so_sang_kien: 3 },
      thanh_tich: 'Tham mưu thu hút 4 dự án điện mặt trời áp mái; có 3 sáng kiến về quản lý an toàn hóa chất',
      hinh_thuc: AWARD.so,
    }),
    collective({
      ten: 'Phòng Quản lý thương mại',
      linh_vuc: 'Công nghiệp - Thương mại',
      don_vi: 'Sở Công Thương tỉnh Kon Tum',
      more: { so_sang_kien: 1 },
      thanh_tich: 'Tổ chức 6 hội chợ kết nối cung cầu, đưa 58 sản phẩm OCOP lên sàn thương mại điện tử',
      hinh_thuc: AWARD.so,
    }),
    collective({
      ten: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp',
      linh_vuc: 'Khoa học và công nghệ',
      don_vi: 'Sở Công Thương tỉnh Kon Tum',
      more: { so_sang_kien: 2 },
      thanh_tich: 'Hỗ trợ 27 cơ sở công nghiệp nông thôn đổi mới máy móc; chuyển giao 2 quy trình sấy sâm dây',
      hinh_thuc: AWARD.so,
    }),
  ],
  individuals: [
    cadre({
      ten: 'Phan Thị Yến',
      chuc_vu: 'Chuyên viên',
      don_vi: 'Phòng Quản lý thương mại',
      linh_vuc: 'Công thương',
      nam_sinh: 1990,
      truc_tiep: 'Có',
      thanh_tich: 'Xây dựng cơ sở dữ liệu 1.240 doanh nghiệp thương mại; hướng dẫn 30 hợp tác xã bán hàng trực tuyến',
      hinh_thuc: AWARD.so,
    }),
    cadre({
      ten: 'Dương Minh Khải',
      chuc_vu: 'Phó Giám đốc Sở',
      don_vi: 'Sở Công Thương tỉnh Kon Tum',
      linh_vuc: 'KH&CN',
      nam_sinh: 1974,
      thanh_tich: 'Chủ nhiệm đề tài khoa học cấp tỉnh về chế biến sâu dược liệu, nghiệm thu loại xuất sắc',
    }),
  ],
  defects: [
    { on: 'Phòng Quản lý thương mại', set: { so_sang_kien: 0 }, expect: [{ rule: 'cong-thuong/sang-kien' }], why: 'no initiative (a warning)' },
    {
      on: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp',
      set: { so_sang_kien: null },
      expect: [{ rule: 'cong-thuong/sang-kien' }],
      why: 'the initiatives cell of a science-and-technology collective left empty (a warning)',
    },
  ],
};

const BORN = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const caNhanCanBo: FieldCase = {
  slug: 'ca-nhan-can-bo',
  what: 'Individuals: cadres rated every year (dates of birth as date cells; a 2022 rating outside the period)',
  unit: 'UBND HUYỆN KON RẪY',
  signing: { ...KON_RAY, head: 'Đặng Văn Quang', headTitle: 'CHỦ TỊCH' },
  criteria: [],
  columns: [
    C.stt,
    C.ten,
    C.ngay_sinh,
    C.gioi_tinh,
    C.dan_toc,
    C.chuc_vu,
    C.don_vi,
    C.loai,
    C.linh_vuc,
    C.lanh_dao,
    C.lao_dong_truc_tiep,
    yearly('xep_loai', 'Kết quả đánh giá, xếp loại', [2022, 2023, 2024, 2025]),
    C.thanh_tich,
    C.hinh_thuc,
  ],
  individuals: [
    cadre({
      ten: 'Nguyễn Văn Hùng',
      chuc_vu: 'Chánh Văn phòng',
      don_vi: 'Văn phòng HĐND và UBND huyện Kon Rẫy',
      linh_vuc: 'Xây dựng Đảng, chính quyền, đoàn thể',
      nam_sinh: BORN(1976, 3, 12),
      xep_loai: ['HTXSNV', 'HTXSNV', 'HTXSNV'],
      more: { gioi_tinh: 'Nam', dan_toc: 'Kinh', xep_loai_2022: 'HTTNV' },
      thanh_tich: 'Tham mưu ban hành 46 văn bản chỉ đạo điều hành; chủ trì số hóa quy trình họp không giấy',
    }),
    cadre({
      ten: 'Lê Thị Thu Hà',
      chuc_vu: 'Chuyên viên',
      don_vi: 'Phòng Nội vụ huyện Kon Rẫy',
      linh_vuc: 'Xây dựng Đảng, chính quyền, đoàn thể',
      nam_sinh: BORN(1989, 11, 2),
      truc_tiep: 'Có',
      xep_loai: [HTXSNV, 'Hoàn thành xuất sắc', 'htxsnv'],
      more: { gioi_tinh: 'Nữ', dan_toc: 'Kinh', xep_loai_2022: HTXSNV },
      thanh_tich: 'Thẩm định 312 hồ sơ thi đua, khen thưởng đúng quy định; biên soạn sổ tay nghiệp vụ cho cấp xã',
    }),
    cadre({
      ten: 'Đinh Văn Tâm',
      chuc_vu: 'Đội trưởng Đội Cảnh sát giao thông',
      don_vi: 'Công an huyện Kon Rẫy',
      linh_vuc: 'Quốc phòng, an ninh',
      nam_sinh: BORN(1985, 7, 30),
      truc_tiep: 'Có',
      more: { gioi_tinh: 'Nam', dan_toc: 'Xơ Đăng', xep_loai_2022: HTXSNV },
      thanh_tich: 'Giảm 3 tiêu chí về tai nạn giao thông trên Quốc lộ 24; trực tiếp xử lý 1.150 trường hợp vi phạm',
      hinh_thuc: AWARD.tinh,
    }),
    cadre({
      ten: 'Y Nhung',
      chuc_vu: 'Bác sĩ',
      don_vi: 'Trung tâm Y tế huyện Kon Rẫy',
      linh_vuc: 'Y tế',
      nam_sinh: BORN(1991, 1, 9),
      truc_tiep: 'Có',
      more: { gioi_tinh: 'Nữ', dan_toc: 'Ba Na', xep_loai_2022: 'Hoàn thành tốt nhiệm vụ' },
      thanh_tich: 'Khám, điều trị cho 6.400 lượt bệnh nhân; tham gia 18 đợt khám lưu động tại các thôn đặc biệt khó khăn',
    }),
  ],
  defects: [
    { on: 'Lê Thị Thu Hà', set: { xep_loai_2024: 'Hoàn thành tốt nhiệm vụ' }, expect: [{ rule: 'ca-nhan/htxsnv-hang-nam' }], why: 'rated "completed well" in 2024' },
    {
      on: 'Đinh Văn Tâm',
      set: { xep_loai_2025: null },
      expect: [{ rule: 'ca-nhan/htxsnv-hang-nam' }, { rule: 'kon-tum/hinh-thuc-dung-tieu-chuan', key: 'hinh_thuc' }],
      why: 'the 2025 rating left empty, yet proposed for a provincial award',
    },
    { on: 'Nguyễn Văn Hùng', set: { lanh_dao: 'Có' }, expect: [{ rule: 'ca-nhan/lanh-dao-co-tap-the', key: 'don_vi' }], why: "a leader whose office is not nominated as a collective (a warning)" },
  ],
};

const caNhanNguoiLaoDong: FieldCase = {
  slug: 'ca-nhan-nguoi-lao-dong',
  what: 'Individuals: workers, residents and village elders with Gia đình văn hóa every year',
  unit: 'UBND XÃ ĐẮK KÔI',
  signing: { place: 'Đắk Kôi', date: [11, 8, 2025], maker: 'Đào Thị Nga', head: 'A Hiếu', headTitle: 'CHỦ TỊCH' },
  criteria: [],
  columns: [C.stt, C.ten, C.nam_sinh, C.gioi_tinh, C.dan_toc, C.loai, C.linh_vuc, C.chuc_vu, C.dia_chi, C.lao_dong_truc_tiep, GDVH, C.thanh_tich, C.hinh_thuc, C.ghi_chu],
  individuals: [
    worker({
      ten: 'A Dũng',
      chuc_vu: 'Nông dân',
      don_vi: 'Thôn Kon Keng, xã Đắk Kôi',
      linh_vuc: 'Nông nghiệp',
      nam_sinh: 1978,
      more: { gioi_tinh: 'Nam', dan_toc: 'Xơ Đăng' },
      thanh_tich: 'Mô hình trồng 2,5 ha sâm dây dưới tán rừng cho thu nhập 320 triệu đồng/năm, giúp 6 hộ làm theo',
    }),
    worker({
      ten: 'Y Nhi',
      chuc_vu: 'Người có uy tín',
      don_vi: 'Làng Kon Rlong, xã Đắk Kôi',
      linh_vuc: 'Người tốt việc tốt',
      nam_sinh: 1962,
      gdvh: ['Có', 'Có', 'Có'],
      more: { gioi_tinh: 'Nữ', dan_toc: 'Ba Na' },
      thanh_tich: 'Hòa giải thành 9 vụ mâu thuẫn trong làng; vận động 14 cặp không tảo hôn, hôn nhân cận huyết',
    }),
    worker({
      ten: 'A Ngơ',
      chuc_vu: 'Già làng',
      don_vi: 'Thôn 3, xã Đắk Kôi',
      linh_vuc: 'Đời sống xã hội',
      nam_sinh: 1955,
      gdvh: ['Đạt', 'Đạt', 'Đạt'],
      more: { gioi_tinh: 'Nam', dan_toc: 'Xơ Đăng' },
      thanh_tich: 'Hiến 2.000 m² đất xây nhà văn hóa thôn; truyền dạy cồng chiêng cho 30 thanh thiếu niên',
    }),
  ],
  defects: [
    { on: 'Y Nhi', set: { gia_dinh_van_hoa_2024: 'Không' }, expect: [{ rule: 'ca-nhan/gia-dinh-van-hoa' }], why: 'not a Cultural Family in 2024' },
    { on: 'A Ngơ', set: { gia_dinh_van_hoa_2023: null }, expect: [{ rule: 'ca-nhan/gia-dinh-van-hoa' }], why: 'the 2023 Cultural Family cell left empty' },
  ],
};

const hoGiaDinh: FieldCase = {
  slug: 'ho-gia-dinh',
  what: 'Households with Gia đình văn hóa every year',
  unit: 'UBND XÃ ĐẮK PNE',
  signing: { place: 'Đắk Pne', date: [13, 8, 2025], maker: 'Vũ Thị Oanh', head: 'A Hùng', headTitle: 'CHỦ TỊCH' },
  criteria: [],
  columns: [C.stt, { ...C.ten, header: 'Tên hộ gia đình' }, C.loai, C.linh_vuc, C.dia_chi, GDVH, C.thanh_tich, C.hinh_thuc, C.ghi_chu],
  households: [
    household({ ten: 'Hộ ông A Biu', don_vi: 'Thôn Kon Gu 1, xã Đắk Pne', thanh_tich: 'Thoát nghèo bền vững từ năm 2022 nhờ 2 ha cà phê và 300 gốc sầu riêng; thu nhập 180 triệu đồng/năm' }),
    household({
      ten: 'Hộ bà Y Khim',
      don_vi: 'Thôn Kon Gu 2, xã Đắk Pne',
      linh_vuc: 'Vì người nghèo',
      gdvh: ['x', 'x', 'x'],
      thanh_tich: 'Giúp 5 hộ nghèo vay vốn không lãi 100 triệu đồng và cây giống để phát triển kinh tế',
    }),
    household({
      ten: 'Hộ ông Nguyễn Văn Lực',
      don_vi: 'Thôn 2, xã Đắk Pne',
      linh_vuc: 'An sinh xã hội, giảm nghèo',
      thanh_tich: 'Mô hình chăn nuôi bò sinh sản 24 con; tạo việc làm thời vụ cho 12 lao động người đồng bào',
    }),
  ],
  defects: [
    { on: 'Hộ bà Y Khim', set: { gia_dinh_van_hoa_2025: 'Không' }, expect: [{ rule: 'ho-gia-dinh/gia-dinh-van-hoa' }], why: 'not a Cultural Family in 2025' },
    { on: 'Hộ ông A Biu', set: { gia_dinh_van_hoa_2024: null }, expect: [{ rule: 'ho-gia-dinh/gia-dinh-van-hoa' }], why: 'the 2024 Cultural Family cell left empty' },
  ],
};

export function fieldFixtures(): Entry[] {
  return [hocTapLamTheoBac, coQuanKieuMau, khuDanCu, giaoDuc, caiCachHanhChinh, sanXuatKinhDoanh, nongThonMoi, congThuong, caNhanCanBo, caNhanNguoiLaoDong, hoGiaDinh].flatMap(fieldEntries);
}

