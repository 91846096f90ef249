/**
 * The bundled example: fixtures/vi-du/, the folder a district's Department of Home Affairs
 * (Phòng Nội vụ huyện Kon Rẫy, Kon Tum) receives in June 2025, before the district level was
 * abolished on 1 July 2025. Four units of one district, checked together:
 *
 *   xa-dak-to-lung.xlsx       a commune: collectives, individuals and households of several fields
 *   phong-gd-dt.xlsx          a district agency (the education office; a two-line unit block)
 *   cong-ty-nong-san.xlsx     an enterprise: revenue, budget payments and profit per year
 *   xa-dak-pne-tong-hop.csv   another commune's consolidated list ("Đơn vị đề nghị"), exported
 *                             as UTF-8 with a BOM, ';'-separated with decimal commas
 *
 * Every person and collective is distinct across the folder (and new to the other fixtures),
 * except one teacher put forward both by her commune and by the education office. Everything
 * passes every bundled rule without profiles except eight deliberate defects an officer would
 * act on, so `hoso check fixtures/vi-du` prints a short report in which every line matters.
 */
import type { CsvOptions, NomineeRow, SheetSpec, TextLine } from './dossier.js';
import { AWARD, cadre, collective, household, worker } from './people.js';
import {
  at,
  C,
  footer,
  GDVH,
  MOTTO,
  pct,
  PERIOD,
  sheet,
  titleBlock,
  WHO,
  withDefects,
  XEP_LOAI,
  yearly,
  type Defect,
  type Entry,
  type Signing,
} from './vocab.js';

const DIR = 'vi-du';
const HEADING = 'DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN ĐIỂN HÌNH TIÊN TIẾN NĂM 2025';

const POVERTY = yearly('ty_le_ho_ngheo', 'Tỷ lệ hộ nghèo (%)', PERIOD, String, '0.0%');
const poverty = (a: number, b: number, c: number) => ({
  ty_le_ho_ngheo_2023: pct(a, '0.0%'),
  ty_le_ho_ngheo_2024: pct(b, '0.0%'),
  ty_le_ho_ngheo_2025: pct(c, '0.0%'),
});
const money = (key: string, group: string) => yearly(key, group, PERIOD, (y) => `Năm ${y}`, '#,##0');
const figures = (d: [number, number, number], n: [number, number, number], l: [number, number, number]) => ({
  doanh_thu_2023: d[0],
  doanh_thu_2024: d[1],
  doanh_thu_2025: d[2],
  nop_ngan_sach_2023: n[0],
  nop_ngan_sach_2024: n[1],
  nop_ngan_sach_2025: n[2],
  loi_nhuan_2023: l[0],
  loi_nhuan_2024: l[1],
  loi_nhuan_2025: l[2],
});

/** The teacher both her commune and the education office put forward: the one cross-file duplicate. */
const TEACHER = { ten: 'Y Hơn', chuc_vu: 'Giáo viên', don_vi: 'Trường PTDTBT Tiểu học Đắk Tơ Lung', linh_vuc: 'Giáo dục', truc_tiep: 'Có' };
const listedTwice = (r: NomineeRow): NomineeRow => ({ ...r, expect: [...r.expect, at('chung/trung-lap', 'ten')] });

// ---------------------------------------------------------------------------------------------
// 1. A commune: villages, the police post, a farmers' group; cadres, a farmer; households.

function communeDakToLung(): { file: string; sheet: SheetSpec; defects: Defect[] } {
  const signing: Signing = { place: 'Đắk Tơ Lung', date: [12, 6, 2025], maker: 'Nguyễn Thị Thu Trang', head: 'A Phương', headTitle: 'CHỦ TỊCH' };
  const columns = [
    ...WHO,
    XEP_LOAI,
    GDVH,
    POVERTY,
    C.so_ho_tai_ngheo,
    C.so_nguoi_te_nan,
    C.an_toan_antt,
    C.thanh_tich,
    C.hinh_thuc,
    C.ghi_chu,
  ];
  const s = sheet({
    title: titleBlock('UBND XÃ ĐẮK TƠ LUNG', HEADING),
    columns,
    sections: [
      {
        roman: 'I',
        label: 'TẬP THỂ',
        rows: [
          collective({
            ten: 'Thôn Kon Bỉ',
            linh_vuc: 'Khu dân cư, thôn, làng văn hóa',
            don_vi: 'Xã Đắk Tơ Lung',
            more: { ...poverty(0.186, 0.142, 0.109), so_ho_tai_ngheo: 0, so_nguoi_te_nan: 0, an_toan_antt: 'Có' },
            thanh_tich: 'Giảm 14 hộ nghèo trong 3 năm; nhân dân hiến 2.400 m² đất làm đường nội thôn; 3 năm liền không có vụ việc an ninh',
            hinh_thuc: AWARD.tinh,
          }),
          collective({
            ten: 'Công an xã Đắk Tơ Lung',
            linh_vuc: 'Quốc phòng, an ninh',
            don_vi: 'Công an huyện Kon Rẫy',
            thanh_tich: 'Giải quyết 100% tin báo tố giác tội phạm; xây dựng 7 tổ an ninh tự quản, không để xảy ra điểm nóng',
          }),
          collective({
            ten: 'Tổ hợp tác trồng sâm dây thôn Kon Pia',
            linh_vuc: 'Nông nghiệp',
            don_vi: 'Xã Đắk Tơ Lung',
            thanh_tich: '18 hộ thành viên trồng 6,5 ha sâm dây dưới tán rừng; liên kết tiêu thụ toàn bộ sản lượng với doanh nghiệp',
          }),
        ],
      },
      {
        roman: 'II',
        label: 'CÁ NHÂN',
        rows: [
          cadre({
            ten: 'A Rin',
            chuc_vu: 'Trưởng thôn',
            don_vi: 'Thôn Kon Bỉ',
            linh_vuc: 'Khu dân cư',
            nam_sinh: 1974,
            lanh_dao: 'Có',
            thanh_tich: 'Vận động 100% hộ trong thôn tham gia bảo hiểm y tế; hòa giải thành 5 vụ tranh chấp đất rẫy',
          }),
          cadre({
            ten: 'Phạm Minh Khoa',
            chuc_vu: 'Công chức Tài chính - Kế toán',
            don_vi: 'UBND xã Đắk Tơ Lung',
            linh_vuc: 'Xây dựng Đảng, chính quyền, đoàn thể',
            nam_sinh: 1987,
            thanh_tich: 'Thu ngân sách xã vượt 12% dự toán 2 năm liền; công khai tài chính đúng hạn, không có sai phạm qua kiểm toán',
          }),
          listedTwice(
            cadre({
              ...TEACHER,
              nam_sinh: 1990,
              thanh_tich: 'Dạy lớp ghép tại điểm trường thôn Kon Pia; vận động 11 học sinh bỏ học trở lại lớp năm học 2024-2025',
            }),
          ),
          worker({
            ten: 'A Phiên',
            chuc_vu: 'Nông dân',
            don_vi: 'Thôn Kon Pia, xã Đắk Tơ Lung',
            linh_vuc: 'Nông nghiệp',
            nam_sinh: 1981,
            thanh_tich: 'Mô hình nuôi bò sinh sản kết hợp trồng cỏ cho thu nhập 150 triệu đồng/năm, hướng dẫn 9 hộ làm theo',
            hinh_thuc: AWARD.huyen,
          }),
        ],
      },
      {
        roman: 'III',
        label: 'HỘ GIA ĐÌNH',
        rows: [
          household({
            ten: 'Hộ ông A Thái',
            don_vi: 'Thôn Kon Pia, xã Đắk Tơ Lung',
            thanh_tich: 'Thoát nghèo năm 2022 nhờ 1,5 ha cà phê xen sầu riêng; cho 4 hộ nghèo mượn giống, vốn không lấy lãi',
            hinh_thuc: AWARD.huyen,
          }),
          household({
            ten: 'Hộ bà Y Gia',
            don_vi: 'Thôn Kon Bỉ, xã Đắk Tơ Lung',
            linh_vuc: 'Vì người nghèo',
            gdvh: ['x', 'x', 'x'],
            thanh_tich: 'Góp 30 triệu đồng và 200 ngày công làm nhà cho 2 hộ nghèo; nhận 3 phụ nữ nghèo vào làm việc tại cơ sở dệt thổ cẩm',
            hinh_thuc: AWARD.huyen,
          }),
        ],
      },
    ],
    footer: footer(signing),
  });
  const defects: Defect[] = [
    {
      on: 'Phạm Minh Khoa',
      set: { xep_loai_2024: 'HTTNV' },
      expect: [{ rule: 'ca-nhan/htxsnv-hang-nam' }],
      why: 'xa-dak-to-lung.xlsx: a commune civil servant rated HTTNV in 2024',
    },
    {
      on: 'Hộ bà Y Gia',
      set: { thanh_tich: 'Như trên' },
      expect: [{ rule: 'chung/thanh-tich-thuc-chat' }],
      why: 'xa-dak-to-lung.xlsx: the second household\'s achievement summary says "Như trên"',
    },
  ];
  return { file: `${DIR}/xa-dak-to-lung.xlsx`, sheet: withDefects(s, defects), defects };
}

// ---------------------------------------------------------------------------------------------
// 2. A district agency: the education office, under the usual two-line unit block.

function educationOffice(): { file: string; sheet: SheetSpec; defects: Defect[] } {
  const signing: Signing = { place: 'Kon Rẫy', date: [18, 6, 2025], maker: 'Trần Thị Ngọc Hân', head: 'Bùi Đức Lâm', headTitle: 'TRƯỞNG PHÒNG' };
  const title: TextLine[] = [
    { left: 'UBND HUYỆN KON RẪY', right: MOTTO[0], bold: false },
    { left: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', right: MOTTO[1] },
    { center: HEADING },
    {},
  ];
  const columns = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lanh_dao, C.lao_dong_truc_tiep, C.nam_sinh, XEP_LOAI, C.an_toan_antt, C.thanh_tich, C.hinh_thuc, C.ghi_chu];
  const s = sheet({
    title,
    columns,
    sections: [
      {
        roman: 'I',
        label: 'TẬP THỂ',
        rows: [
          collective({
            ten: 'Trường PTDTBT Tiểu học Đắk Tơ Lung',
            linh_vuc: 'Giáo dục và đào tạo',
            don_vi: 'Phòng GD&ĐT huyện Kon Rẫy',
            more: { an_toan_antt: 'Có' },
            thanh_tich: 'Duy trì 100% học sinh bán trú đi học chuyên cần; 96% học sinh lớp 1 đọc thông viết thạo tiếng Việt',
          }),
          collective({
            ten: 'Trường THCS Lê Quý Đôn',
            linh_vuc: 'GD&ĐT',
            don_vi: 'Phòng GD&ĐT huyện Kon Rẫy',
            more: { an_toan_antt: 'Có' },
            thanh_tich: '21 học sinh giỏi cấp tỉnh năm học 2024-2025; đạt chuẩn quốc gia mức độ 2 và kiểm định chất lượng cấp độ 3',
            hinh_thuc: AWARD.tinh,
          }),
          collective({
            ten: 'Trường Mầm non Sơn Ca',
            linh_vuc: 'Giáo dục',
            don_vi: 'Phòng GD&ĐT huyện Kon Rẫy',
            more: { an_toan_antt: 'Đạt' },
            thanh_tich: 'Huy động 100% trẻ 5 tuổi ra lớp; bếp ăn bán trú cho 214 trẻ đạt chuẩn, không xảy ra ngộ độc thực phẩm',
          }),
        ],
      },
      {
        roman: 'II',
        label: 'CÁ NHÂN',
        rows: [
          cadre({
            ten: 'Nguyễn Thị Thanh Xuân',
            chuc_vu: 'Hiệu trưởng',
            don_vi: 'Trường PTDTBT Tiểu học Đắk Tơ Lung',
            linh_vuc: 'Giáo dục',
            nam_sinh: 1978,
            lanh_dao: 'Có',
            thanh_tich: 'Chỉ đạo xây dựng 4 điểm trường đạt chuẩn; huy động 380 triệu đồng xã hội hóa sửa nhà bán trú cho học sinh',
          }),
          listedTwice(
            cadre({
              ...TEACHER,
              nam_sinh: 1990,
              thanh_tich: 'Giáo viên dạy giỏi cấp huyện năm học 2023-2024; biên soạn 35 bài học song ngữ Việt - Xơ Đăng cho lớp 1',
            }),
          ),
          cadre({
            ten: 'Lương Văn Quý',
            chuc_vu: 'Giáo viên',
            don_vi: 'Trường THCS Lê Quý Đôn',
            linh_vuc: 'Giáo dục',
            nam_sinh: 1986,
            truc_tiep: 'Có',
            thanh_tich: 'Bồi dưỡng đội tuyển Toán đạt 3 giải cấp tỉnh; có 01 sáng kiến về dạy học STEM được công nhận cấp huyện',
          }),
          cadre({
            ten: 'Trần Thị Ngọc Hân',
            chuc_vu: 'Chuyên viên',
            don_vi: 'Phòng GD&ĐT huyện Kon Rẫy',
            linh_vuc: 'Giáo dục và đào tạo',
            nam_sinh: 1992,
            thanh_tich: 'Triển khai cơ sở dữ liệu ngành cho 27 trường; hướng dẫn 100% trường dùng học bạ số từ năm học 2024-2025',
          }),
        ],
      },
    ],
    footer: footer(signing),
  });
  const defects: Defect[] = [
    {
      on: 'Trường THCS Lê Quý Đôn',
      set: { an_toan_antt: 'Không đạt' },
      expect: [{ rule: 'giao-duc/an-toan-antt' }, { rule: 'kon-tum/hinh-thuc-dung-tieu-chuan', key: 'hinh_thuc' }],
      why: 'phong-gd-dt.xlsx: a school that does not meet the security-and-order standard, yet proposed for a provincial award',
    },
  ];
  return { file: `${DIR}/phong-gd-dt.xlsx`, sheet: withDefects(s, defects), defects };
}

// ---------------------------------------------------------------------------------------------
// 3. An enterprise: its factory, workshop and machinery team, with their yearly figures; workers.

function enterprise(): { file: string; sheet: SheetSpec; defects: Defect[] } {
  const signing: Signing = { place: 'Kon Rẫy', date: [16, 6, 2025], maker: 'Đoàn Thị Mỹ Duyên', head: 'Trịnh Công Hậu', headTitle: 'GIÁM ĐỐC' };
  const columns = [
    ...WHO,
    GDVH,
    money('doanh_thu', 'Doanh thu (triệu đồng)'),
    money('nop_ngan_sach', 'Nộp ngân sách (triệu đồng)'),
    money('loi_nhuan', 'Lợi nhuận (triệu đồng)'),
    C.thanh_tich,
    C.hinh_thuc,
  ];
  const COMPANY = 'Công ty Cổ phần Nông sản Kon Rẫy';
  const s = sheet({
    title: titleBlock('CÔNG TY CỔ PHẦN NÔNG SẢN KON RẪY', HEADING),
    columns,
    sections: [
      {
        roman: 'I',
        label: 'TẬP THỂ',
        rows: [
          collective({
            ten: 'Nhà máy chế biến cà phê Đắk Rve',
            linh_vuc: 'Sản xuất, kinh doanh',
            don_vi: COMPANY,
            more: figures([12480, 13950, 15320], [624, 701, 786], [1105, 1268, 1430]),
            thanh_tich: 'Chế biến 3.200 tấn cà phê tươi/năm theo chuẩn 4C; thu mua ổn định cho 460 hộ đồng bào Xơ Đăng',
          }),
          collective({
            ten: 'Xưởng sơ chế dược liệu Đắk Tơ Lung',
            linh_vuc: 'Doanh nghiệp',
            don_vi: COMPANY,
            more: figures([5860, 6410, 6930], [190, 205, 231], [512, 540, 598]),
            thanh_tich: 'Sơ chế, sấy 85 tấn sâm dây và đẳng sâm/năm; sản phẩm trà sâm dây đạt OCOP 3 sao năm 2024',
          }),
          collective({
            ten: 'Đội cơ giới và dịch vụ nông nghiệp',
            linh_vuc: 'Sản xuất, kinh doanh',
            don_vi: COMPANY,
            more: figures([3120, 3465, 3890], [98, 112, 127], [274, 301, 338]),
            thanh_tich: 'Làm đất, phun thuốc bằng máy bay không người lái cho 1.150 ha; giảm 30% chi phí sản xuất cho hộ liên kết',
          }),
        ],
      },
      {
        roman: 'II',
        label: 'CÁ NHÂN',
        rows: [
          worker({
            ten: 'Hà Văn Phúc',
            chuc_vu: 'Giám đốc nhà máy',
            don_vi: 'Nhà máy chế biến cà phê Đắk Rve',
            linh_vuc: 'Sản xuất, kinh doanh',
            nam_sinh: 1979,
            truc_tiep: 'Không',
            gdvh: ['Có', 'Có', 'Có'],
            more: { lanh_dao: 'Có' },
            thanh_tich: 'Đưa dây chuyền sấy tiết kiệm năng lượng vào vận hành, giảm 18% chi phí điện; doanh thu nhà máy tăng 23% sau 2 năm',
            hinh_thuc: AWARD.huyen,
          }),
          worker({
            ten: 'Y Kiêm',
            chuc_vu: 'Công nhân vận hành máy sấy',
            don_vi: 'Nhà máy chế biến cà phê Đắk Rve',
            linh_vuc: 'Sản xuất, kinh doanh',
            nam_sinh: 1993,
            gdvh: ['Có', 'Có', 'Có'],
            thanh_tich: 'Vận hành an toàn 2 lò sấy 3 vụ liền, không để xảy ra sự cố; cải tiến khay sấy giảm 6% tỷ lệ hạt lỗi',
            hinh_thuc: AWARD.huyen,
          }),
          worker({
            ten: 'A Nhiên',
            chuc_vu: 'Tổ trưởng tổ thu mua',
            don_vi: 'Xưởng sơ chế dược liệu Đắk Tơ Lung',
            linh_vuc: 'Doanh nghiệp',
            nam_sinh: 1985,
            thanh_tich: 'Tổ chức thu mua dược liệu tại 12 thôn, trả tiền ngay cho người dân; hướng dẫn 40 hộ sơ chế đúng quy trình',
            hinh_thuc: AWARD.huyen,
          }),
        ],
      },
    ],
    footer: footer(signing),
  });
  const defects: Defect[] = [
    {
      on: 'Xưởng sơ chế dược liệu Đắk Tơ Lung',
      set: { doanh_thu_2024: 5410 },
      expect: [{ rule: 'san-xuat-kinh-doanh/doanh-thu-tang' }],
      why: 'cong-ty-nong-san.xlsx: the workshop\'s revenue fell in 2024 (5.860 → 5.410 million đồng)',
    },
    {
      on: 'A Nhiên',
      set: { nam_sinh: { error: '#REF!', formula: "YEAR('Lý lịch'!D14)" } },
      expect: [{ rule: 'chung/loi-cong-thuc' }],
      why: 'cong-ty-nong-san.xlsx: a worker\'s year of birth is a #REF! left by a deleted personnel sheet',
    },
  ];
  return { file: `${DIR}/cong-ty-nong-san.xlsx`, sheet: withDefects(s, defects), defects };
}

// ---------------------------------------------------------------------------------------------
// 4. Another commune's consolidated list, exported to CSV: the commune and its farmers' union
//    each put nominees forward ("Đơn vị đề nghị").

function communeDakPneCsv(): { file: string; sheet: SheetSpec; defects: Defect[]; csv: CsvOptions } {
  const signing: Signing = { place: 'Đắk Pne', date: [10, 6, 2025], maker: 'Hoàng Thị Bích Ngọc', head: 'A Đông', headTitle: 'CHỦ TỊCH' };
  const UBND = 'UBND xã Đắk Pne';
  const HND = 'Hội Nông dân xã Đắk Pne';
  const by = (unit: string, r: NomineeRow): NomineeRow => ({ ...r, values: { ...r.values, don_vi_de_nghi: unit } });
  const columns = [
    C.stt,
    C.ten,
    C.loai,
    C.linh_vuc,
    C.don_vi,
    C.don_vi_de_nghi,
    C.chuc_vu,
    C.lao_dong_truc_tiep,
    XEP_LOAI,
    GDVH,
    POVERTY,
    C.so_ho_tai_ngheo,
    C.so_nguoi_te_nan,
    C.an_toan_antt,
    C.thanh_tich,
    C.hinh_thuc,
  ];
  const s = sheet({
    title: [{ left: 'UBND XÃ ĐẮK PNE', right: MOTTO[0] }, { center: 'DANH SÁCH TỔNG HỢP ĐỀ NGHỊ CÔNG NHẬN ĐIỂN HÌNH TIÊN TIẾN NĂM 2025' }, {}],
    columns,
    sections: [
      {
        roman: 'I',
        label: 'TẬP THỂ',
        rows: [
          by(
            UBND,
            collective({
              ten: 'Thôn Kon Gùng',
              linh_vuc: 'Thôn văn hóa',
              don_vi: 'Xã Đắk Pne',
              more: { ...poverty(0.224, 0.179, 0.136), so_ho_tai_ngheo: 0, so_nguoi_te_nan: 0, an_toan_antt: 'Có' },
              thanh_tich: 'Giữ gìn nhà rông và đội cồng chiêng 20 người; 92% hộ đạt Gia đình văn hóa; giảm 11 hộ nghèo trong 3 năm',
            }),
          ),
          by(
            UBND,
            collective({
              ten: 'Làng Kon Pao',
              linh_vuc: 'Khu dân cư, thôn, làng văn hóa',
              don_vi: 'Xã Đắk Pne',
              more: { ...poverty(0.158, 0.131, 0.104), so_ho_tai_ngheo: 0, so_nguoi_te_nan: 0, an_toan_antt: 'Có' },
              thanh_tich: 'Nhân dân góp 150 triệu đồng và 600 ngày công bê tông hóa 1,2 km đường làng; không có trẻ em bỏ học',
            }),
          ),
          by(
            HND,
            collective({
              ten: 'Chi hội Nông dân thôn Kon Gùng',
              linh_vuc: 'Nông nghiệp',
              don_vi: 'Hội Nông dân xã Đắk Pne',
              thanh_tich: 'Vận động hội viên chuyển 14 ha mì kém hiệu quả sang cà phê xen mắc ca; 35 hộ đạt sản xuất kinh doanh giỏi',
            }),
          ),
        ],
      },
      {
        roman: 'II',
        label: 'CÁ NHÂN',
        rows: [
          by(
            UBND,
            cadre({
              ten: 'Đoàn Văn Tịnh',
              chuc_vu: 'Công chức Văn phòng - Thống kê',
              don_vi: 'UBND xã Đắk Pne',
              linh_vuc: 'Cải cách hành chính',
              thanh_tich: 'Tiếp nhận 1.240 hồ sơ một cửa, 100% trả đúng hạn; hướng dẫn người dân 3 thôn nộp hồ sơ trực tuyến',
            }),
          ),
          by(
            UBND,
            worker({
              ten: 'Y Bia',
              chuc_vu: 'Cộng tác viên dân số',
              don_vi: 'Thôn Kon Gùng, xã Đắk Pne',
              linh_vuc: 'Y tế',
              thanh_tich: 'Vận động 100% phụ nữ mang thai khám thai tại trạm y tế; không có trường hợp sinh con tại nhà năm 2024',
              hinh_thuc: AWARD.huyen,
            }),
          ),
          by(
            HND,
            worker({
              ten: 'A Tuyên',
              chuc_vu: 'Hội viên nông dân',
              don_vi: 'Làng Kon Pao, xã Đắk Pne',
              linh_vuc: 'Nông nghiệp',
              thanh_tich: 'Mô hình 2 ha cà phê xen mắc ca cho thu nhập 260 triệu đồng/năm; nhận 5 thanh niên trong làng học nghề',
              hinh_thuc: AWARD.huyen,
            }),
          ),
        ],
      },
      {
        roman: 'III',
        label: 'HỘ GIA ĐÌNH',
        rows: [
          by(
            HND,
            household({
              ten: 'Hộ ông A Đoan',
              don_vi: 'Thôn Kon Gùng, xã Đắk Pne',
              linh_vuc: 'Giảm nghèo',
              gdvh: ['x', 'x', 'x'],
              thanh_tich: 'Thoát nghèo từ năm 2021 nhờ nuôi 30 con heo rừng lai; hỗ trợ 6 hộ nghèo con giống và kỹ thuật chăn nuôi',
              hinh_thuc: AWARD.huyen,
            }),
          ),
        ],
      },
    ],
    footer: footer(signing),
  });
  const defects: Defect[] = [
    {
      on: 'Làng Kon Pao',
      set: { ty_le_ho_ngheo_2024: pct(0.163, '0.0%') },
      expect: [{ rule: 'khu-dan-cu/giam-ho-ngheo' }],
      why: 'xa-dak-pne-tong-hop.csv: the poverty rate of Làng Kon Pao rose in 2024 (15,8% → 16,3%)',
    },
    {
      on: 'A Tuyên',
      set: { don_vi: null },
      expect: [{ rule: 'chung/don-vi' }],
      why: 'xa-dak-pne-tong-hop.csv: a farmer\'s "Đơn vị công tác" (address) left empty',
    },
  ];
  return {
    file: `${DIR}/xa-dak-pne-tong-hop.csv`,
    sheet: withDefects(s, defects),
    defects,
    csv: { delimiter: ';', bom: true, encoding: 'utf8', decimalComma: true },
  };
}

// ---------------------------------------------------------------------------------------------

export function exampleFixtures(): Entry[] {
  const commune = communeDakToLung();
  const office = educationOffice();
  const company = enterprise();
  const consolidated = communeDakPneCsv();
  return [
    {
      path: DIR,
      description:
        'the bundled example: what Phòng Nội vụ huyện Kon Rẫy receives in June 2025 — a commune, the education office, an enterprise and a consolidated CSV of another commune, checked together',
      profiles: [],
      defects: [
        ...commune.defects.map((d) => d.why),
        ...office.defects.map((d) => d.why),
        ...company.defects.map((d) => d.why),
        ...consolidated.defects.map((d) => d.why),
        'xa-dak-to-lung.xlsx and phong-gd-dt.xlsx: the teacher Y Hơn put forward by both her commune and the education office',
      ],
      dossiers: [
        { file: commune.file, sheets: [commune.sheet] },
        { file: office.file, sheets: [office.sheet] },
        { file: company.file, sheets: [company.sheet] },
        { file: consolidated.file, sheets: [consolidated.sheet], csv: consolidated.csv },
      ],
    },
  ];
}
