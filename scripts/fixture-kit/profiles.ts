/**
 * One dossier meeting and one missing each quota profile (002 §IV.1.đ, 004 §IV.3, 003 §6.c–d).
 * Every nominee is clean, so the only finding of a failing dossier is the quota's own.
 */
import type { ColumnDef, DossierSpec, ExpectedFinding, NomineeRow } from './dossier.js';
import { achievement, AWARD, cadre, collective, household, personNames, seeded, worker } from './people.js';
import { about, C, footer, GDVH, instructionsSheet, sheet, titleBlock, withDefects, XEP_LOAI, type Defect, type Entry, type Section, type Signing } from './vocab.js';

const PROFILE_COLUMNS: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lao_dong_truc_tiep, XEP_LOAI, C.thanh_tich, C.hinh_thuc];

interface ProfileCase {
  profile: string;
  what: string;
  unit: string;
  signing: Signing;
  columns: ColumnDef[];
  heading?: string;
  pass: Section[];
  fail: Section[];
  failDefects?: Defect[];
  /** The quota's finding(s): about the unit or the movement, no row. */
  failExpect: ReturnType<typeof about>[];
  why: string;
}

function profileEntries(p: ProfileCase): Entry[] {
  const slug = p.profile.replace('/', '__');
  const make = (sections: Section[]) => sheet({ title: titleBlock(p.unit, p.heading), columns: p.columns, sections, footer: footer(p.signing) });
  const passFile = `profiles/${slug}-dat.xlsx`;
  const failFile = `profiles/${slug}-khong-dat.xlsx`;
  const defects = p.failDefects ?? [];
  return [
    {
      path: passFile,
      description: `${p.profile}: ${p.what}, quota met`,
      profiles: [p.profile],
      defects: [],
      dossiers: [{ file: passFile, sheets: [make(p.pass), instructionsSheet(p.columns)] }],
    },
    {
      path: failFile,
      description: `${p.profile}: ${p.why}`,
      profiles: [p.profile],
      defects: [p.why, ...defects.map((d) => d.why)],
      dossiers: [{ file: failFile, sheets: [withDefects(make(p.fail), defects), instructionsSheet(p.columns)], expect: p.failExpect }],
    },
  ];
}

const section = (roman: string, label: string, rows: NomineeRow[]): Section => ({ roman, label, rows });

// ---------------------------------------------------------------------------------------------
// Bình Định (002 §IV.1.đ)

const soNoiVu = {
  collectives: [
    collective({ ten: 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ', linh_vuc: 'Xây dựng Đảng, chính quyền, đoàn thể', don_vi: 'Sở Nội vụ tỉnh Bình Định', thanh_tich: 'Tham mưu sắp xếp 38 đơn vị sự nghiệp công lập, giảm 214 biên chế theo lộ trình', hinh_thuc: AWARD.tinh }),
    collective({ ten: 'Phòng Công chức, viên chức', linh_vuc: 'Xây dựng Đảng', don_vi: 'Sở Nội vụ tỉnh Bình Định', thanh_tich: 'Tổ chức thi tuyển 1.120 viên chức giáo dục đúng quy định, không có khiếu nại', hinh_thuc: AWARD.so }),
    collective({ ten: 'Văn phòng Sở Nội vụ', linh_vuc: 'Xây dựng Đảng, chính quyền, đoàn thể', don_vi: 'Sở Nội vụ tỉnh Bình Định', thanh_tich: 'Vận hành phần mềm quản lý văn bản, 100% văn bản điện tử có chữ ký số', hinh_thuc: AWARD.so }),
  ],
  individuals: [
    cadre({ ten: 'Trương Thị Kim Oanh', chuc_vu: 'Chuyên viên', don_vi: 'Phòng Công chức, viên chức', linh_vuc: 'Xây dựng Đảng', truc_tiep: 'Có', thanh_tich: 'Cập nhật cơ sở dữ liệu 24.600 hồ sơ cán bộ, công chức lên hệ thống quốc gia đúng hạn', hinh_thuc: AWARD.so }),
    cadre({ ten: 'Huỳnh Văn Tài', chuc_vu: 'Trưởng phòng', don_vi: 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ', linh_vuc: 'Xây dựng Đảng', thanh_tich: 'Chủ trì xây dựng đề án vị trí việc làm của 21 sở, ngành được phê duyệt năm 2024', hinh_thuc: AWARD.tinh }),
    cadre({ ten: 'Võ Thị Diễm Hằng', chuc_vu: 'Chuyên viên', don_vi: 'Văn phòng Sở Nội vụ', linh_vuc: 'Xây dựng Đảng', thanh_tich: 'Số hóa 9.800 hồ sơ lưu trữ lịch sử; có 01 sáng kiến cấp cơ sở về lưu trữ điện tử', hinh_thuc: AWARD.so }),
  ],
};

const tuyPhuoc = {
  collectives: [
    collective({ ten: 'Xã Phước Sơn', linh_vuc: 'Nông nghiệp', don_vi: 'UBND huyện Tuy Phước', thanh_tich: 'Chuyển đổi 120 ha lúa kém hiệu quả sang trồng dưa, ớt; giá trị sản xuất tăng 18%' }),
    collective({ ten: 'Xã Phước Hòa', linh_vuc: 'Văn hóa', don_vi: 'UBND huyện Tuy Phước', thanh_tich: '100% thôn đạt danh hiệu thôn văn hóa; xây dựng 6 sân thể thao thôn bằng nguồn xã hội hóa' }),
    collective({ ten: 'Trạm Y tế xã Phước Lộc', linh_vuc: 'Y tế', don_vi: 'Trung tâm Y tế huyện Tuy Phước', thanh_tich: 'Tiêm chủng mở rộng đạt 99,5%; quản lý 1.340 người bệnh mạn tính trên hồ sơ sức khỏe điện tử' }),
    collective({ ten: 'Công an xã Phước Nghĩa', linh_vuc: 'Quốc phòng, an ninh', don_vi: 'Công an huyện Tuy Phước', thanh_tich: 'Triệt phá 3 tụ điểm cờ bạc; 2 năm liền không để xảy ra tội phạm nghiêm trọng trên địa bàn' }),
    collective({ ten: 'Hội Nông dân thị trấn Tuy Phước', linh_vuc: 'Xây dựng Đảng, chính quyền, đoàn thể', don_vi: 'Hội Nông dân huyện Tuy Phước', thanh_tich: 'Giải ngân 4,5 tỷ đồng vốn Quỹ hỗ trợ nông dân cho 96 hộ, không có nợ quá hạn' }),
  ],
  individuals: [
    cadre({ ten: 'Nguyễn Văn Tám', chuc_vu: 'Chủ tịch UBND xã Phước Sơn', don_vi: 'UBND xã Phước Sơn', linh_vuc: 'Nông nghiệp', thanh_tich: 'Chỉ đạo xã đạt chuẩn nông thôn mới nâng cao; vận động hiến 5.400 m² đất làm đường' }),
    cadre({ ten: 'Trần Thị Thu Sương', chuc_vu: 'Y sĩ', don_vi: 'Trạm Y tế xã Phước Lộc', linh_vuc: 'Y tế', truc_tiep: 'Có', thanh_tich: 'Trực tiếp khám, tư vấn cho 3.200 lượt người cao tuổi; phát hiện sớm 41 ca tăng huyết áp' }),
    cadre({ ten: 'Lê Quang Vinh', chuc_vu: 'Phó Trưởng Công an xã', don_vi: 'Công an xã Phước Nghĩa', linh_vuc: 'Quốc phòng, an ninh', truc_tiep: 'Có', thanh_tich: 'Trực tiếp bắt giữ 5 đối tượng trộm cắp tài sản; vận động giao nộp 7 vũ khí tự chế' }),
    cadre({ ten: 'Phạm Thị Ngọc Ánh', chuc_vu: 'Công chức Văn hóa - Xã hội', don_vi: 'UBND xã Phước Hòa', linh_vuc: 'Văn hóa', thanh_tich: 'Tổ chức 4 hội thi văn nghệ quần chúng; phục dựng lễ hội cầu ngư truyền thống của xã' }),
    cadre({ ten: 'Đỗ Minh Trí', chuc_vu: 'Chuyên viên Phòng Nội vụ', don_vi: 'UBND huyện Tuy Phước', linh_vuc: 'Xây dựng Đảng', thanh_tich: 'Tham mưu sắp xếp 23 thôn, khu phố; thẩm định 410 hồ sơ thi đua, khen thưởng đúng hạn' }),
  ],
};

const duongBinhDinh = [
  worker({ ten: 'Nguyễn Văn Tư', chuc_vu: 'Tổ trưởng tổ ép mía', don_vi: 'Công ty CP Đường Bình Định', linh_vuc: 'Sản xuất, kinh doanh', thanh_tich: 'Cải tiến dao băm mía, nâng công suất ép thêm 6%; 3 vụ liền không có sự cố dừng máy', hinh_thuc: AWARD.tinh }),
  worker({ ten: 'Lê Thị Bích Vân', chuc_vu: 'Kỹ sư hóa nghiệm', don_vi: 'Công ty CP Đường Bình Định', linh_vuc: 'Sản xuất, kinh doanh', truc_tiep: 'Không', thanh_tich: 'Xây dựng quy trình kiểm tra chữ đường nhanh, giảm 20% thời gian phân tích mẫu', hinh_thuc: AWARD.tinh }),
  worker({ ten: 'Trần Quốc Việt', chuc_vu: 'Công nhân vận hành lò hơi', don_vi: 'Công ty CP Đường Bình Định', linh_vuc: 'Doanh nghiệp', thanh_tich: 'Vận hành an toàn lò hơi 35 tấn/giờ suốt 3 vụ; tiết kiệm 180 tấn bã mía nhiên liệu' }),
  worker({ ten: 'Đặng Thị Mỹ Lệ', chuc_vu: 'Kế toán tổng hợp', don_vi: 'Công ty CP Đường Bình Định', linh_vuc: 'Doanh nghiệp', truc_tiep: 'Không', thanh_tich: 'Quyết toán thuế đúng hạn 3 năm liền; triển khai hóa đơn điện tử cho toàn bộ đại lý' }),
];

const phuocSon = {
  collectives: [
    collective({ ten: 'Thôn Vinh Thạnh', linh_vuc: 'Văn hóa', don_vi: 'UBND xã Phước Sơn', thanh_tich: '5 năm liền đạt thôn văn hóa; nhân dân góp 210 triệu đồng xây dựng nhà văn hóa thôn', hinh_thuc: AWARD.huyen }),
    collective({ ten: 'Trường Tiểu học Phước Sơn', linh_vuc: 'Giáo dục', don_vi: 'Phòng GD&ĐT huyện Tuy Phước', more: { an_toan_antt: 'Có' }, thanh_tich: '98,7% học sinh hoàn thành chương trình lớp học; 15 học sinh đạt giải cấp huyện', hinh_thuc: AWARD.huyen }),
    collective({ ten: 'Trạm Y tế xã Phước Sơn', linh_vuc: 'Y tế', don_vi: 'Trung tâm Y tế huyện Tuy Phước', thanh_tich: 'Đạt Bộ tiêu chí quốc gia về y tế xã; khám chữa bệnh BHYT cho 7.900 lượt người', hinh_thuc: AWARD.huyen }),
  ],
  individuals: [
    cadre({ ten: 'Nguyễn Thị Lệ Hằng', chuc_vu: 'Giáo viên', don_vi: 'Trường Tiểu học Phước Sơn', linh_vuc: 'Giáo dục', truc_tiep: 'Có', thanh_tich: 'Giáo viên dạy giỏi cấp huyện; phụ đạo miễn phí cho 22 học sinh có hoàn cảnh khó khăn', hinh_thuc: AWARD.huyen }),
    cadre({ ten: 'Võ Văn Lành', chuc_vu: 'Trưởng thôn Vinh Thạnh', don_vi: 'Thôn Vinh Thạnh', linh_vuc: 'Văn hóa', thanh_tich: 'Vận động 100% hộ ký cam kết không vi phạm pháp luật; hòa giải thành 6 vụ việc', hinh_thuc: AWARD.huyen }),
    cadre({ ten: 'Huỳnh Thị Mai', chuc_vu: 'Công chức Tư pháp - Hộ tịch', don_vi: 'UBND xã Phước Sơn', linh_vuc: 'Cải cách hành chính', thanh_tich: 'Giải quyết 530 hồ sơ hộ tịch đúng hạn, 70% nộp trực tuyến; không có khiếu nại', hinh_thuc: AWARD.huyen }),
  ],
};

// ---------------------------------------------------------------------------------------------
// Kon Rẫy (004 §IV.3)

const tnmt = cadre({
  ten: 'Đinh Thị Hồng Nhung',
  chuc_vu: 'Chuyên viên',
  don_vi: 'Phòng Tài nguyên và Môi trường huyện Kon Rẫy',
  linh_vuc: 'Quản lý Nhà nước',
  truc_tiep: 'Có',
  thanh_tich: 'Thẩm định hồ sơ cấp 512 giấy chứng nhận quyền sử dụng đất; giải quyết dứt điểm 9 đơn thư tồn đọng',
});

const dakRve = {
  collective: collective({ ten: 'Tổ dân phố 3', linh_vuc: 'Văn hóa', don_vi: 'UBND thị trấn Đắk Rve', thanh_tich: 'Duy trì đội văn nghệ 20 thành viên; 96% hộ đạt Gia đình văn hóa 3 năm liền', hinh_thuc: AWARD.xa }),
  individual: cadre({ ten: 'Hồ Thị Phương', chuc_vu: 'Công chức Văn phòng - Thống kê', don_vi: 'UBND thị trấn Đắk Rve', linh_vuc: 'Cải cách hành chính', truc_tiep: 'Có', thanh_tich: 'Hướng dẫn 1.400 lượt người dân nộp hồ sơ trực tuyến; số hóa 100% kết quả giải quyết', hinh_thuc: AWARD.xa }),
  households: [
    household({ ten: 'Hộ ông A Thiêng', don_vi: 'Tổ dân phố 3, thị trấn Đắk Rve', thanh_tich: 'Trồng 1,5 ha cà phê xen sầu riêng, thu nhập 210 triệu đồng/năm; giúp 3 hộ nghèo giống cây' }),
    household({ ten: 'Hộ bà Y Rin', don_vi: 'Tổ dân phố 5, thị trấn Đắk Rve', thanh_tich: 'Mô hình dệt thổ cẩm thu hút 12 phụ nữ tham gia; sản phẩm đạt OCOP 3 sao năm 2024' }),
  ],
};

// ---------------------------------------------------------------------------------------------
// Hưng Yên (003 §6.c–d)

const DAY_TOT = 'Dạy tốt - Học tốt';
const CHUYEN_DOI_SO = 'Hưng Yên đẩy mạnh thực hiện Đề án Chuyển đổi số';
const VI_NGUOI_NGHEO = 'Vì người nghèo - Không để ai bị bỏ lại phía sau';

const hungYenMovements = (extra: NomineeRow[]) => [
  collective({ ten: 'Trường THCS Hồng Châu', linh_vuc: 'Giáo dục', don_vi: 'Phòng GD&ĐT thành phố Hưng Yên', more: { phong_trao: DAY_TOT, an_toan_antt: 'Có' }, thanh_tich: '3 năm liền dẫn đầu thành phố về học sinh giỏi cấp tỉnh (47 giải); 100% giáo viên đạt chuẩn', hinh_thuc: AWARD.tinh }),
  cadre({ ten: 'Nguyễn Thị Thanh Huyền', chuc_vu: 'Giáo viên', don_vi: 'Trường THCS Hồng Châu', linh_vuc: 'Giáo dục', truc_tiep: 'Có', more: { phong_trao: DAY_TOT }, thanh_tich: 'Bồi dưỡng 14 học sinh đạt giải Toán cấp tỉnh; có sáng kiến dạy học theo dự án được công nhận cấp tỉnh', hinh_thuc: AWARD.tinh }),
  ...extra,
  collective({ ten: 'Phòng Văn hóa và Thông tin thành phố Hưng Yên', linh_vuc: 'Chuyển đổi số', don_vi: 'UBND thành phố Hưng Yên', more: { phong_trao: CHUYEN_DOI_SO }, thanh_tich: 'Triển khai nền tảng "Hưng Yên số" cho 17 xã, phường; 82% hộ gia đình cài đặt ứng dụng công dân số', hinh_thuc: AWARD.tinh }),
  cadre({ ten: 'Trần Văn Khải', chuc_vu: 'Chuyên viên', don_vi: 'Phòng Văn hóa và Thông tin thành phố Hưng Yên', linh_vuc: 'TT&TT', more: { phong_trao: CHUYEN_DOI_SO }, thanh_tich: 'Xây dựng kho dữ liệu dùng chung của thành phố; tập huấn kỹ năng số cho 600 tổ công nghệ số cộng đồng', hinh_thuc: AWARD.tinh }),
  collective({ ten: 'Hội Liên hiệp Phụ nữ phường Lam Sơn', linh_vuc: 'Giảm nghèo', don_vi: 'Hội LHPN thành phố Hưng Yên', more: { phong_trao: VI_NGUOI_NGHEO }, thanh_tich: 'Giúp 23 hộ hội viên thoát nghèo qua mô hình "Tiết kiệm vì phụ nữ nghèo" với 1,2 tỷ đồng vốn', hinh_thuc: AWARD.tinh }),
  household({ ten: 'Hộ ông Đỗ Văn Tiến', don_vi: 'Phường Lam Sơn, thành phố Hưng Yên', more: { phong_trao: VI_NGUOI_NGHEO }, thanh_tich: 'Trang trại nhãn lồng 3 ha thu 650 triệu đồng/năm; ủng hộ 50 triệu đồng xây nhà Đại đoàn kết' }),
  household({ ten: 'Hộ bà Vũ Thị Lý', don_vi: 'Xã Bảo Khê, thành phố Hưng Yên', more: { phong_trao: VI_NGUOI_NGHEO }, thanh_tich: 'Nuôi 12 tấn cá lồng/năm; nhận 4 lao động là người khuyết tật vào làm việc ổn định' }),
];

const HUNG_YEN_COLUMNS: ColumnDef[] = [C.stt, C.ten, C.loai, C.phong_trao, C.linh_vuc, C.don_vi, C.chuc_vu, C.lao_dong_truc_tiep, XEP_LOAI, GDVH, C.an_toan_antt, C.thanh_tich, C.hinh_thuc];

// ---------------------------------------------------------------------------------------------

export function profileFixtures(): Entry[] {
  const cases: ProfileCase[] = [
    {
      profile: 'binh-dinh/co-quan-khoi',
      what: '3 collectives and 3 individuals',
      unit: 'SỞ NỘI VỤ TỈNH BÌNH ĐỊNH',
      signing: { place: 'Quy Nhơn', date: [10, 6, 2025], maker: 'Võ Thị Diễm Hằng', head: 'Lê Kim Toàn', headTitle: 'GIÁM ĐỐC' },
      columns: PROFILE_COLUMNS,
      pass: [section('I', 'TẬP THỂ', soNoiVu.collectives), section('II', 'CÁ NHÂN', soNoiVu.individuals)],
      fail: [section('I', 'TẬP THỂ', soNoiVu.collectives), section('II', 'CÁ NHÂN', soNoiVu.individuals.slice(0, 2))],
      failExpect: [about('binh-dinh/co-quan-khoi/ca-nhan', 'SỞ NỘI VỤ TỈNH BÌNH ĐỊNH')],
      why: 'only 2 individuals (at least 3)',
    },
    {
      profile: 'binh-dinh/huyen',
      what: '5 collectives and 5 individuals',
      unit: 'UBND HUYỆN TUY PHƯỚC',
      signing: { place: 'Tuy Phước', date: [24, 6, 2025], maker: 'Đỗ Minh Trí', head: 'Nguyễn Văn Dũng', headTitle: 'CHỦ TỊCH' },
      columns: PROFILE_COLUMNS,
      pass: [section('I', 'TẬP THỂ', tuyPhuoc.collectives), section('II', 'CÁ NHÂN', tuyPhuoc.individuals)],
      fail: [section('I', 'TẬP THỂ', tuyPhuoc.collectives.slice(0, 4)), section('II', 'CÁ NHÂN', tuyPhuoc.individuals)],
      failExpect: [about('binh-dinh/huyen/tap-the', 'UBND HUYỆN TUY PHƯỚC')],
      why: 'only 4 collectives (at least 5)',
    },
    {
      profile: 'binh-dinh/doanh-nghiep',
      what: '2 workers',
      unit: 'CÔNG TY CỔ PHẦN ĐƯỜNG BÌNH ĐỊNH',
      signing: { place: 'Tây Sơn', date: [5, 6, 2025], maker: 'Đặng Thị Mỹ Lệ', head: 'Phan Văn Lộc', headTitle: 'TỔNG GIÁM ĐỐC' },
      columns: [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lao_dong_truc_tiep, GDVH, C.thanh_tich, C.hinh_thuc],
      pass: [section('I', 'CÁ NHÂN', duongBinhDinh.slice(0, 2))],
      fail: [section('I', 'CÁ NHÂN', duongBinhDinh)],
      failExpect: [about('binh-dinh/doanh-nghiep/ca-nhan', 'CÔNG TY CỔ PHẦN ĐƯỜNG BÌNH ĐỊNH')],
      why: '4 individuals (at most 3)',
    },
    {
      profile: 'binh-dinh/xa',
      what: '3 collectives and 3 individuals',
      unit: 'UBND XÃ PHƯỚC SƠN',
      signing: { place: 'Phước Sơn', date: [8, 8, 2025], maker: 'Huỳnh Thị Mai', head: 'Nguyễn Văn Tám', headTitle: 'CHỦ TỊCH' },
      columns: [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lao_dong_truc_tiep, XEP_LOAI, GDVH, C.an_toan_antt, C.thanh_tich, C.hinh_thuc],
      pass: [section('I', 'TẬP THỂ', phuocSon.collectives), section('II', 'CÁ NHÂN', phuocSon.individuals)],
      fail: [
        section('I', 'TẬP THỂ', phuocSon.collectives),
        section('II', 'CÁ NHÂN', phuocSon.individuals.slice(0, 2)),
        section('III', 'HỘ GIA ĐÌNH', [household({ ten: 'Hộ ông Trần Văn Bảy', don_vi: 'Thôn Vinh Thạnh, xã Phước Sơn', thanh_tich: 'Mô hình nuôi tôm thẻ 2 ao cho lãi 260 triệu đồng/năm; giúp 4 hộ nghèo con giống' })]),
      ],
      failExpect: [about('binh-dinh/xa/ca-nhan', 'UBND XÃ PHƯỚC SƠN')],
      why: 'only 2 individuals (a household does not count as one)',
    },
    {
      profile: 'kon-ray/co-quan',
      what: '1 individual',
      unit: 'PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG HUYỆN KON RẪY',
      signing: { place: 'Kon Rẫy', date: [19, 6, 2025], maker: 'Đinh Thị Hồng Nhung', head: 'Trần Đức Thắng', headTitle: 'TRƯỞNG PHÒNG' },
      columns: PROFILE_COLUMNS,
      pass: [section('I', 'CÁ NHÂN', [tnmt])],
      fail: [section('I', 'TẬP THỂ', []), section('II', 'CÁ NHÂN', [])],
      // A list that names nobody is no dossier: said as an error of its own, beside the quota.
      failExpect: [about('kon-ray/co-quan/toi-thieu', 'PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG HUYỆN KON RẪY'), about('hoso/khong-co-dong-de-nghi', 'PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG HUYỆN KON RẪY')],
      why: 'the list names nobody ("Tổng cộng: 0"): the agency still owes 1 exemplar, and the file has no nominee row',
    },
    {
      profile: 'kon-ray/xa',
      what: '1 collective, 1 individual and 1 household',
      unit: 'UBND THỊ TRẤN ĐẮK RVE',
      signing: { place: 'Đắk Rve', date: [9, 8, 2025], maker: 'Hồ Thị Phương', head: 'A Thoa', headTitle: 'CHỦ TỊCH' },
      columns: [...PROFILE_COLUMNS.slice(0, -2), GDVH, C.thanh_tich, C.hinh_thuc],
      pass: [section('I', 'TẬP THỂ', [dakRve.collective]), section('II', 'CÁ NHÂN', [dakRve.individual]), section('III', 'HỘ GIA ĐÌNH', dakRve.households.slice(0, 1))],
      fail: [section('I', 'TẬP THỂ', [dakRve.collective]), section('II', 'HỘ GIA ĐÌNH', dakRve.households)],
      failExpect: [about('kon-ray/xa/toi-thieu', 'UBND THỊ TRẤN ĐẮK RVE')],
      why: '1 exemplar (at least 2; households do not count)',
    },
    {
      profile: 'hung-yen/phong-trao',
      what: 'at most 2 collectives and individuals per movement (households apart)',
      unit: 'UBND THÀNH PHỐ HƯNG YÊN',
      signing: { place: 'Hưng Yên', date: [25, 6, 2025], maker: 'Trần Văn Khải', head: 'Nguyễn Quang Thắng', headTitle: 'CHỦ TỊCH' },
      heading: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG THEO PHONG TRÀO THI ĐUA NĂM 2025',
      columns: HUNG_YEN_COLUMNS,
      pass: [section('I', 'DANH SÁCH ĐỀ NGHỊ', hungYenMovements([]))],
      fail: [
        section('I', 'DANH SÁCH ĐỀ NGHỊ', [
          ...hungYenMovements([
            collective({ ten: 'Trường Tiểu học Lê Hồng Phong', linh_vuc: 'Giáo dục', don_vi: 'Phòng GD&ĐT thành phố Hưng Yên', more: { phong_trao: 'DẠY TỐT - HỌC TỐT', an_toan_antt: 'Có' }, thanh_tich: 'Đạt chuẩn quốc gia mức độ 2; 100% học sinh được học 2 buổi/ngày và học tiếng Anh từ lớp 1', hinh_thuc: AWARD.tinh }),
          ]),
        ]),
      ],
      failDefects: [
        {
          on: 'Hội Liên hiệp Phụ nữ phường Lam Sơn',
          set: { phong_trao: 'Vì một Hưng Yên không còn đói nghèo' },
          expect: [{ rule: 'hung-yen/phong-trao-doi-ten' }],
          why: 'a movement under its old name (a warning naming the new one)',
        },
      ],
      failExpect: [about('hung-yen/phong-trao/toi-da', DAY_TOT)],
      why: '3 nominees in "Dạy tốt - Học tốt", one written in capitals (at most 2)',
    },
  ];
  return [...cases.flatMap(profileEntries), ...congressFixtures()];
}

// ---------------------------------------------------------------------------------------------
// The congress caps, counted over every file checked together (003 §6.d)

const HUNG_YEN_UNITS: { name: string; communes: string[] }[] = [
  { name: 'UBND huyện Văn Lâm', communes: ['Lạc Đạo', 'Chỉ Đạo', 'Đình Dù', 'Trưng Trắc'] },
  { name: 'UBND huyện Văn Giang', communes: ['Phụng Công', 'Cửu Cao', 'Long Hưng', 'Tân Tiến'] },
  { name: 'UBND thị xã Mỹ Hào', communes: ['Dương Quang', 'Hòa Phong', 'Cẩm Xá', 'Ngọc Lâm'] },
  { name: 'UBND huyện Khoái Châu', communes: ['Bình Minh', 'Dạ Trạch', 'Đông Tảo', 'Tân Dân'] },
  { name: 'UBND huyện Kim Động', communes: ['Toàn Thắng', 'Vĩnh Xá', 'Phạm Ngũ Lão', 'Đức Hợp'] },
  { name: 'UBND huyện Ân Thi', communes: ['Quang Vinh', 'Hồng Quang', 'Đặng Lễ', 'Bãi Sậy'] },
  { name: 'UBND huyện Phù Cừ', communes: ['Tống Phan', 'Minh Tiến', 'Đoàn Đào', 'Tam Đa'] },
  { name: 'UBND huyện Tiên Lữ', communes: ['Thụy Lôi', 'Hưng Đạo', 'Nhật Tân', 'Thiện Phiến'] },
  { name: 'UBND huyện Yên Mỹ', communes: ['Giai Phạm', 'Nghĩa Hiệp', 'Liêu Xá', 'Trung Hưng'] },
  { name: 'UBND thành phố Hưng Yên', communes: ['Bảo Khê', 'Trung Nghĩa', 'Phương Chiểu', 'Hồng Nam'] },
];

/** Collectives of qualitative fields: no column beyond the common ones is needed to judge them. */
const COLLECTIVE_KINDS: { prefix: string; field: string }[] = [
  { prefix: 'Trạm Y tế xã', field: 'Y tế' },
  { prefix: 'Hội Nông dân xã', field: 'Nông nghiệp' },
  { prefix: 'Đoàn Thanh niên xã', field: 'Xây dựng Đảng, chính quyền, đoàn thể' },
  { prefix: 'Công an xã', field: 'Quốc phòng, an ninh' },
  { prefix: 'Hội Cựu chiến binh xã', field: 'Xây dựng Đảng' },
  { prefix: 'Hội Liên hiệp Phụ nữ xã', field: 'Giảm nghèo' },
  { prefix: 'Ban Chỉ huy Quân sự xã', field: 'QP-AN' },
  { prefix: 'Câu lạc bộ dân ca xã', field: 'Văn hóa' },
];
const POSTS = ['Chủ tịch Hội Nông dân xã', 'Công chức Địa chính', 'Giáo viên', 'Y sĩ', 'Trưởng thôn', 'Công chức Văn hóa - Xã hội', 'Chỉ huy trưởng Quân sự xã', 'Bí thư Đoàn xã'];
const POST_FIELDS = ['Nông nghiệp', 'Xây dựng Đảng', 'Văn hóa', 'Y tế', 'Văn hóa', 'Văn hóa', 'Quốc phòng, an ninh', 'Xây dựng Đảng'];

/** A unit's congress list: collectives of its communes, then cadres, the first ones direct workers. */
function unitList(unit: { name: string; communes: string[] }, collectives: number, individuals: number, rnd: () => number, start: number): { collectives: NomineeRow[]; individuals: NomineeRow[] } {
  const cs = Array.from({ length: collectives }, (_, i) => {
    const kind = COLLECTIVE_KINDS[i % COLLECTIVE_KINDS.length];
    const commune = unit.communes[i % unit.communes.length];
    return collective({ ten: `${kind.prefix} ${commune}`, linh_vuc: kind.field, don_vi: `UBND xã ${commune}`, thanh_tich: achievement(start + i), hinh_thuc: AWARD.tinh });
  });
  const is = personNames(individuals, rnd).map((ten, i) =>
    cadre({
      ten,
      chuc_vu: POSTS[i % POSTS.length],
      don_vi: `UBND xã ${unit.communes[i % unit.communes.length]}`,
      linh_vuc: POST_FIELDS[i % POST_FIELDS.length],
      truc_tiep: i < 3 ? 'Có' : 'Không',
      thanh_tich: achievement(start + collectives + i),
      hinh_thuc: AWARD.tinh,
    }),
  );
  return { collectives: cs, individuals: is };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const HUNG_YEN_SIGNING: Signing = { place: 'Hưng Yên', date: [30, 6, 2025], maker: 'Lương Thị Hạnh', head: 'Đào Văn Phong', headTitle: 'TRƯỞNG BAN' };

function congressFixtures(): Entry[] {
  const entries: Entry[] = [];
  // The provincial congress: one consolidated list of the ten units (a "Đơn vị đề nghị" column).
  const tinhColumns: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.don_vi_de_nghi, C.chuc_vu, C.lao_dong_truc_tiep, XEP_LOAI, C.thanh_tich, C.hinh_thuc];
  const tinh = (extra: number): DossierSpec['sheets'][number] => {
    const rnd = seeded(2025);
    const sections = HUNG_YEN_UNITS.map((unit, u) => {
      const last = u === HUNG_YEN_UNITS.length - 1;
      const list = unitList(unit, 8, 12 + (last ? extra : 0), rnd, u * 20);
      const rows = [...list.collectives, ...list.individuals].map((r) => ({ ...r, values: { ...r.values, don_vi_de_nghi: unit.name } }));
      return { roman: ROMAN[u], label: unit.name.toUpperCase(), rows };
    });
    return sheet({
      title: titleBlock('BAN THI ĐUA - KHEN THƯỞNG TỈNH HƯNG YÊN', 'DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN ĐỀ NGHỊ DỰ ĐẠI HỘI THI ĐUA YÊU NƯỚC TỈNH HƯNG YÊN LẦN THỨ VI'),
      columns: tinhColumns,
      sections,
      footer: footer(HUNG_YEN_SIGNING),
      stt: 'continuous',
    });
  };
  entries.push(
    {
      path: 'profiles/hung-yen__dai-hoi-tinh-dat.xlsx',
      description: 'hung-yen/dai-hoi-tinh: 200 exemplars from 10 units in one consolidated list, at the cap',
      profiles: ['hung-yen/dai-hoi-tinh'],
      defects: [],
      dossiers: [{ file: 'profiles/hung-yen__dai-hoi-tinh-dat.xlsx', sheets: [tinh(0)] }],
    },
    {
      path: 'profiles/hung-yen__dai-hoi-tinh-khong-dat.xlsx',
      description: 'hung-yen/dai-hoi-tinh: 201 exemplars in one consolidated list (at most 200)',
      profiles: ['hung-yen/dai-hoi-tinh'],
      defects: ['201 exemplars (at most 200)'],
      dossiers: [
        {
          file: 'profiles/hung-yen__dai-hoi-tinh-khong-dat.xlsx',
          sheets: [tinh(1)],
          expect: [about('hung-yen/dai-hoi-tinh/toi-da', 'điển hình được đề nghị dự Đại hội thi đua yêu nước tỉnh')],
        },
      ],
    },
  );

  // The national congress: a folder of three units' lists, counted together.
  const units = [
    { file: 'so-y-te.xlsx', unit: { name: 'Sở Y tế', communes: ['Hiến Nam', 'An Tảo', 'Lam Sơn'] }, title: 'SỞ Y TẾ TỈNH HƯNG YÊN' },
    { file: 'ubnd-huyen-van-lam.xlsx', unit: HUNG_YEN_UNITS[0], title: 'UBND HUYỆN VĂN LÂM' },
    { file: 'ubnd-thi-xa-my-hao.xlsx', unit: HUNG_YEN_UNITS[2], title: 'UBND THỊ XÃ MỸ HÀO' },
  ];
  const folder = (slug: string, sizes: number[]): DossierSpec[] => {
    const rnd = seeded(1945);
    return units.map((u, i) => {
      const list = unitList(u.unit, 3, sizes[i] - 3, rnd, i * 7);
      return {
        file: `profiles/${slug}/${u.file}`,
        sheets: [
          sheet({
            title: titleBlock(u.title, 'DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN ĐỀ NGHỊ DỰ ĐẠI HỘI THI ĐUA YÊU NƯỚC TOÀN QUỐC LẦN THỨ XI'),
            columns: PROFILE_COLUMNS,
            sections: [section('I', 'TẬP THỂ', list.collectives), section('II', 'CÁ NHÂN', list.individuals)],
            footer: footer({ ...HUNG_YEN_SIGNING, maker: 'Ngô Thị Trang', head: 'Bùi Quang Hải', headTitle: 'THỦ TRƯỞNG ĐƠN VỊ' }),
          }),
        ],
      };
    });
  };
  const capFinding = (slug: string): ExpectedFinding => ({
    ruleId: 'hung-yen/dai-hoi-toan-quoc/toi-da',
    severity: 'error',
    // A cap over several files is reported at the first file read (folders are read in name order).
    file: `profiles/${slug}/${units[0].file}`,
    group: 'điển hình đề nghị dự Đại hội thi đua yêu nước toàn quốc',
  });
  entries.push(
    {
      path: 'profiles/hung-yen__dai-hoi-toan-quoc-dat',
      description: 'hung-yen/dai-hoi-toan-quoc: a folder of 3 lists with 20 exemplars together, at the cap',
      profiles: ['hung-yen/dai-hoi-toan-quoc'],
      defects: [],
      dossiers: folder('hung-yen__dai-hoi-toan-quoc-dat', [7, 7, 6]),
    },
    {
      path: 'profiles/hung-yen__dai-hoi-toan-quoc-khong-dat',
      description: 'hung-yen/dai-hoi-toan-quoc: a folder of 3 lists with 21 exemplars together (at most 20)',
      profiles: ['hung-yen/dai-hoi-toan-quoc'],
      defects: ['21 exemplars over the three files (at most 20)'],
      dossiers: folder('hung-yen__dai-hoi-toan-quoc-khong-dat', [7, 7, 7]),
      expect: [capFinding('hung-yen__dai-hoi-toan-quoc-khong-dat')],
    },
  );
  return entries;
}
