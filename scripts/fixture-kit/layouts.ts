/**
 * The shapes real dossiers arrive in (domain.md "The dossier as it arrives"): headers typed
 * without diacritics, in decomposed Unicode or in capitals with line breaks; a long title
 * block; no kind column; a consolidated list; formula cells; duplicates; missing columns; CSV
 * files of every separator. Each carries a deliberate defect whose finding proves the sheet was
 * read right (a criterion that fires only when the kind or the column was recognised).
 */
import type { Column, ColumnDef, CsvOptions, DossierSpec, NomineeRow, SheetSpec } from './dossier.js';
import { AWARD, cadre, collective } from './people.js';
import { toTcvn3 } from './tcvn3.js';
import {
  about,
  C,
  decomposed,
  footer,
  HTXSNV,
  instructionsSheet,
  longTitleBlock,
  mapText,
  pct,
  sheet,
  titleBlock,
  withDefects,
  XEP_LOAI,
  yearly,
  type Defect,
  type Entry,
  type Section,
  type Signing,
} from './vocab.js';

const DAK_RUONG: Signing = { place: 'Đắk Ruồng', date: [15, 8, 2025], maker: 'Nguyễn Thị Hoa', head: 'A Vương', headTitle: 'CHỦ TỊCH' };
const UNIT = 'UBND XÃ ĐẮK RUỒNG';

/** A commune's everyday list: two schools, a village, and three cadres (one a direct worker). */
function dakRuong(): { collectives: NomineeRow[]; individuals: NomineeRow[] } {
  return {
    collectives: [
      collective({ ten: 'Trường THCS Đắk Ruồng', linh_vuc: 'Giáo dục', don_vi: 'Phòng GD&ĐT huyện Kon Rẫy', more: { an_toan_antt: 'Có' }, thanh_tich: 'Tỷ lệ học sinh lên lớp đạt 99,2%; 12 học sinh giỏi cấp huyện năm học 2024-2025', hinh_thuc: AWARD.tinh }),
      collective({ ten: 'Trường Tiểu học Đắk Ruồng', linh_vuc: 'Giáo dục', don_vi: 'Phòng GD&ĐT huyện Kon Rẫy', more: { an_toan_antt: 'Đạt' }, thanh_tich: '100% học sinh dân tộc thiểu số được tăng cường tiếng Việt; không có học sinh bỏ học giữa chừng' }),
      collective({ ten: 'Trạm Y tế xã Đắk Ruồng', linh_vuc: 'Y tế', don_vi: 'Trung tâm Y tế huyện Kon Rẫy', thanh_tich: 'Tiêm chủng đầy đủ cho 98% trẻ dưới 1 tuổi; quản lý 420 người bệnh tăng huyết áp, đái tháo đường' }),
    ],
    individuals: [
      cadre({ ten: 'Nguyễn Văn An', chuc_vu: 'Phó Chủ tịch UBND xã', don_vi: 'UBND xã Đắk Ruồng', linh_vuc: 'Xây dựng Đảng, chính quyền, đoàn thể', thanh_tich: 'Chỉ đạo giải ngân 100% vốn chương trình mục tiêu quốc gia; vận động hiến 3.000 m² đất' }),
      cadre({ ten: 'Y Thanh', chuc_vu: 'Giáo viên', don_vi: 'Trường Tiểu học Đắk Ruồng', linh_vuc: 'Giáo dục', truc_tiep: 'Có', thanh_tich: 'Giáo viên dạy giỏi cấp huyện; biên soạn 40 bài học song ngữ Việt - Xơ Đăng cho lớp 1' }),
      cadre({ ten: 'Trần Thị Bình', chuc_vu: 'Y sĩ', don_vi: 'Trạm Y tế xã Đắk Ruồng', linh_vuc: 'Y tế', truc_tiep: 'Có', thanh_tich: 'Trực tiếp khám cho 2.600 lượt người bệnh; vận động 100% phụ nữ mang thai khám thai định kỳ' }),
    ],
  };
}

const BASE_COLUMNS: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lao_dong_truc_tiep, XEP_LOAI, C.an_toan_antt, C.thanh_tich, C.hinh_thuc, C.ghi_chu];

/** The same columns headed differently: `headers` maps a key (or `xep_loai` for the group) to its new text. */
function reheaded(columns: ColumnDef[], headers: Record<string, string>, years: (y: string) => string = (y) => y): ColumnDef[] {
  const leaf = (c: Column): Column => ({ ...c, header: headers[c.key] ?? c.header });
  const year = (c: Column): Column => ({ ...c, header: years(c.header) });
  return columns.map((c) => ('group' in c ? { group: headers[c.columns[0].key.replace(/_\d{4}$/, '')] ?? c.group, columns: c.columns.map(year) } : leaf(c)));
}

function twoSections(list: { collectives: NomineeRow[]; individuals: NomineeRow[] }, style: Section['style'] = 'split'): Section[] {
  return [
    { roman: 'I', label: 'TẬP THỂ', rows: list.collectives, style },
    { roman: 'II', label: 'CÁ NHÂN', rows: list.individuals, style },
  ];
}

function entry(path: string, description: string, dossier: Omit<DossierSpec, 'file'>, defects: Defect[] | string[] = [], profiles: string[] = []): Entry {
  return { path, description, profiles, defects: defects.map((d) => (typeof d === 'string' ? d : d.why)), dossiers: [{ file: path, ...dossier }] };
}

const ANTT_KHONG = (on: string): Defect => ({ on, set: { an_toan_antt: 'Không' }, expect: [{ rule: 'giao-duc/an-toan-antt' }], why: `${on}: not safe for security and order` });
const RATED_WELL = (on: string, year: 2023 | 2024 | 2025): Defect => ({
  on,
  set: { [`xep_loai_${year}`]: 'Hoàn thành tốt nhiệm vụ' },
  expect: [{ rule: 'ca-nhan/htxsnv-hang-nam' }],
  why: `${on}: rated "completed well" in ${year}`,
});

// ---------------------------------------------------------------------------------------------

function headerVariants(): Entry[] {
  const out: Entry[] = [];

  // Headers and values typed without diacritics.
  {
    const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    const columns = reheaded(BASE_COLUMNS, { ten: 'Ho va ten', loai: 'Doi tuong', linh_vuc: 'Linh vuc', don_vi: 'Don vi cong tac', chuc_vu: 'Chuc vu', lao_dong_truc_tiep: 'Lao dong truc tiep', xep_loai: 'Xep loai', an_toan_antt: 'Dat tieu chuan an toan ve ANTT', thanh_tich: 'Tom tat thanh tich', hinh_thuc: 'Hinh thuc de nghi', ghi_chu: 'Ghi chu' });
    const list = dakRuong();
    const strip = (r: NomineeRow): NomineeRow => ({ ...r, values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, typeof v === 'string' ? plain(v) : v])) });
    const s = sheet({
      title: titleBlock('UBND XA DAK RUONG', 'DANH SACH DE NGHI DIEN HINH TIEN TIEN NAM 2025'),
      columns,
      sections: [
        { roman: 'I', label: 'TAP THE', rows: list.collectives.map(strip) },
        { roman: 'II', label: 'CA NHAN', rows: list.individuals.map(strip) },
      ],
      footer: footer({ ...DAK_RUONG, place: 'Dak Ruong', maker: 'Nguyen Thi Hoa', head: 'A Vuong' }, 'Tong cong: {n}'),
    });
    const defects: Defect[] = [
      { on: 'Truong Tieu hoc Dak Ruong', set: { an_toan_antt: 'Khong' }, expect: [{ rule: 'giao-duc/an-toan-antt' }], why: 'a school typed "Khong" for security and order' },
      { on: 'Y Thanh', set: { xep_loai_2023: 'HTTNV' }, expect: [{ rule: 'ca-nhan/htxsnv-hang-nam' }], why: 'a teacher rated HTTNV in 2023' },
    ];
    out.push(entry('layout/khong-dau.xlsx', 'headers and values without diacritics ("Ho va ten", "Don vi cong tac", "Tap the")', { sheets: [withDefects(s, defects)] }, defects));
  }

  // Decomposed Unicode (NFD) in the header, the values and the title.
  {
    const list = dakRuong();
    const defects = [ANTT_KHONG('Trường THCS Đắk Ruồng'), RATED_WELL('Nguyễn Văn An', 2024)];
    defects[0] = { ...defects[0], expect: [...defects[0].expect, { rule: 'kon-tum/hinh-thuc-dung-tieu-chuan', key: 'hinh_thuc' }], why: `${defects[0].why}, yet proposed for a provincial award` };
    const s = withDefects(sheet({ title: titleBlock(UNIT), columns: BASE_COLUMNS, sections: twoSections(list), footer: footer(DAK_RUONG) }), defects);
    out.push(entry('layout/nfd.xlsx', 'every header, value and title line in decomposed Unicode (NFD)', { sheets: [decomposed(s), instructionsSheet(BASE_COLUMNS)] }, defects));
  }

  // Upper-case headers with line breaks; "1 2 3" numbering; group rows merged across.
  {
    const columns = reheaded(
      BASE_COLUMNS,
      {
        ten: 'HỌ VÀ\nTÊN',
        loai: 'ĐỐI\nTƯỢNG',
        linh_vuc: 'LĨNH\nVỰC',
        don_vi: 'ĐƠN VỊ\nCÔNG TÁC',
        chuc_vu: 'CHỨC\nVỤ',
        lao_dong_truc_tiep: 'LAO ĐỘNG\nTRỰC TIẾP',
        xep_loai: 'XẾP LOẠI',
        an_toan_antt: 'ĐẠT TIÊU CHUẨN\nAN TOÀN VỀ ANTT',
        thanh_tich: 'TÓM TẮT\nTHÀNH TÍCH',
        hinh_thuc: 'HÌNH THỨC\nĐỀ NGHỊ',
        ghi_chu: 'GHI\nCHÚ',
      },
      (y) => `NĂM\n${y}`,
    );
    const list = dakRuong();
    const defects: Defect[] = [{ on: 'Trạm Y tế xã Đắk Ruồng', set: { thanh_tich: 'x' }, expect: [{ rule: 'chung/thanh-tich-thuc-chat' }], why: 'the achievement summary is an "x"' }];
    const s = sheet({ title: titleBlock(UNIT), columns, sections: twoSections(list, 'merged'), footer: footer(DAK_RUONG, 'CỘNG: {n}'), numbering: 'plain' });
    out.push(entry('layout/hoa-xuong-dong.xlsx', 'upper-case headers with line breaks ("HỌ VÀ\\nTÊN"), numbering "1 2 3", group rows merged across, total line "CỘNG: 6"', { sheets: [withDefects(s, defects), instructionsSheet(columns)] }, defects));
  }

  // A five-line title block: the header on row 6, one row, one column per year ("Xếp loại 2023").
  {
    const columns: ColumnDef[] = [
      { ...C.stt, header: 'TT' },
      C.ten,
      C.loai,
      C.linh_vuc,
      C.don_vi,
      C.chuc_vu,
      C.lao_dong_truc_tiep,
      ...XEP_LOAI.columns.map((c) => ({ ...c, header: `Xếp loại ${c.header}` })),
      C.an_toan_antt,
      C.thanh_tich,
      C.hinh_thuc,
    ];
    const list = dakRuong();
    const defects: Defect[] = [{ on: 'Nguyễn Văn An', set: { thanh_tich: 'Hoàn thành tốt' }, expect: [{ rule: 'chung/thanh-tich-thuc-chat' }], why: 'a 14-character achievement summary' }];
    const s = sheet({
      title: longTitleBlock(UNIT, 'Số: 45/DS-UBND', HEADING_BIEU, '(Kèm theo Tờ trình số 45/TTr-UBND ngày 15/8/2025 của UBND xã Đắk Ruồng)'),
      columns,
      sections: twoSections(list),
      footer: footer(DAK_RUONG),
      numbering: 'none',
    });
    out.push(entry('layout/tieu-de-5-dong.xlsx', 'a five-line title block with the one-row header on row 6 ("Xếp loại 2023" …), no numbering row', { sheets: [withDefects(s, defects), instructionsSheet(columns)] }, defects));
  }
  return out;
}

const HEADING_BIEU = 'DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN ĐIỂN HÌNH TIÊN TIẾN NĂM 2025';

function kindVariants(): Entry[] {
  const out: Entry[] = [];
  const noKind = BASE_COLUMNS.filter((c) => !('key' in c) || c.key !== 'loai');
  const dropKind = (r: NomineeRow): NomineeRow => ({ ...r, values: Object.fromEntries(Object.entries(r.values).filter(([k]) => k !== 'loai')) });

  // No kind column: the title says it is a list of individuals.
  {
    const list = dakRuong();
    const defects = [RATED_WELL('Trần Thị Bình', 2025)];
    const s = sheet({
      title: titleBlock(UNIT, 'DANH SÁCH CÁ NHÂN ĐỀ NGHỊ CÔNG NHẬN ĐIỂN HÌNH TIÊN TIẾN NĂM 2025'),
      columns: noKind,
      sections: [{ rows: list.individuals.map(dropKind) }],
      footer: footer(DAK_RUONG),
    });
    out.push(entry('layout/khong-cot-doi-tuong.xlsx', 'no kind column; the title reads "DANH SÁCH CÁ NHÂN …", so every row is an individual', { sheets: [withDefects(s, defects)] }, defects));
  }

  // No kind column: group rows name the kind, written in one merged cell ("I. TẬP THỂ") or split
  // over the STT and name columns ("I" | "TẬP THỂ").
  for (const [style, file, what] of [
    ['merged', 'layout/khong-cot-doi-tuong-dong-nhom.xlsx', 'no kind column; merged group rows "I. TẬP THỂ" / "II. CÁ NHÂN" name the kind of the rows under them'],
    ['split', 'layout/khong-cot-doi-tuong-nhom-tach.xlsx', 'no kind column; group rows "I" | "TẬP THỂ" (STT and name columns) name the kind'],
  ] as const) {
    const list = dakRuong();
    const defects = [ANTT_KHONG('Trường Tiểu học Đắk Ruồng'), RATED_WELL('Y Thanh', 2024)];
    const s = sheet({
      title: titleBlock(UNIT),
      columns: noKind,
      sections: twoSections({ collectives: list.collectives.map(dropKind), individuals: list.individuals.map(dropKind) }, style),
      footer: footer(DAK_RUONG),
    });
    out.push(entry(file, what, { sheets: [withDefects(s, defects)] }, defects));
  }

  // No kind column and nothing that names it: one error for the sheet, not one per row.
  {
    const list = dakRuong();
    const s = sheet({
      title: titleBlock(UNIT),
      columns: noKind,
      sections: [{ rows: [...list.collectives, ...list.individuals].map(dropKind) }],
      footer: footer(DAK_RUONG),
      expect: [about('chung/loai', UNIT)],
    });
    out.push(entry('layout/khong-cot-doi-tuong-khong-ro.xlsx', 'no kind column and no title, sheet name or group row naming it: one error for the sheet', { sheets: [s] }, ['the kind column is missing and nothing names the kind']));
  }

  // Two sheets, one per kind, named "Tập thể" and "Cá nhân"; no kind column.
  {
    const list = dakRuong();
    const tapThe = withDefects(
      { ...sheet({ title: titleBlock(UNIT), columns: noKind, sections: [{ rows: list.collectives.map(dropKind) }], footer: footer(DAK_RUONG) }), name: 'Tập thể' },
      [ANTT_KHONG('Trường Tiểu học Đắk Ruồng')],
    );
    const caNhan = withDefects(
      { ...sheet({ title: titleBlock(UNIT), columns: noKind, sections: [{ rows: list.individuals.map(dropKind) }], footer: footer(DAK_RUONG) }), name: 'Cá nhân' },
      [RATED_WELL('Y Thanh', 2023)],
    );
    out.push(
      entry('layout/hai-trang-theo-doi-tuong.xlsx', 'a sheet per kind ("Tập thể", "Cá nhân") without a kind column, plus an instructions sheet', { sheets: [tapThe, caNhan, instructionsSheet(noKind)] }, [
        'a school not safe for security and order (sheet "Tập thể")',
        'a teacher rated "completed well" in 2023 (sheet "Cá nhân")',
      ]),
    );
  }
  return out;
}

function listVariants(): Entry[] {
  const out: Entry[] = [];

  // A consolidated list: two communes in one file, told apart by "Đơn vị đề nghị".
  {
    const withSubmitter = (rows: NomineeRow[], unit: string) => rows.map((r) => ({ ...r, values: { ...r.values, don_vi_de_nghi: unit } }));
    const phuocSon = [
      collective({ ten: 'Thôn Vinh Thạnh', linh_vuc: 'Văn hóa', don_vi: 'UBND xã Phước Sơn', thanh_tich: '5 năm liền đạt thôn văn hóa; nhân dân góp 210 triệu đồng xây nhà văn hóa thôn' }),
      collective({ ten: 'Trường Tiểu học Phước Sơn', linh_vuc: 'Giáo dục', don_vi: 'Phòng GD&ĐT huyện Tuy Phước', more: { an_toan_antt: 'Có' }, thanh_tich: '98,7% học sinh hoàn thành chương trình lớp học; 15 học sinh đạt giải cấp huyện' }),
      collective({ ten: 'Trạm Y tế xã Phước Sơn', linh_vuc: 'Y tế', don_vi: 'Trung tâm Y tế huyện Tuy Phước', thanh_tich: 'Đạt Bộ tiêu chí quốc gia về y tế xã; khám chữa bệnh BHYT cho 7.900 lượt người' }),
      cadre({ ten: 'Nguyễn Thị Lệ Hằng', chuc_vu: 'Giáo viên', don_vi: 'Trường Tiểu học Phước Sơn', linh_vuc: 'Giáo dục', truc_tiep: 'Có', thanh_tich: 'Giáo viên dạy giỏi cấp huyện; phụ đạo miễn phí cho 22 học sinh có hoàn cảnh khó khăn' }),
      cadre({ ten: 'Võ Văn Lành', chuc_vu: 'Trưởng thôn', don_vi: 'Thôn Vinh Thạnh', linh_vuc: 'Văn hóa', thanh_tich: 'Vận động 100% hộ ký cam kết không vi phạm pháp luật; hòa giải thành 6 vụ việc' }),
      cadre({ ten: 'Huỳnh Thị Mai', chuc_vu: 'Công chức Tư pháp - Hộ tịch', don_vi: 'UBND xã Phước Sơn', linh_vuc: 'Cải cách hành chính', thanh_tich: 'Giải quyết 530 hồ sơ hộ tịch đúng hạn, 70% nộp trực tuyến; không có khiếu nại' }),
    ];
    const phuocHoa = [
      collective({ ten: 'Thôn Lộc Thượng', linh_vuc: 'Văn hóa', don_vi: 'UBND xã Phước Hòa', thanh_tich: 'Phục dựng lễ hội cầu ngư; 97% hộ đạt danh hiệu Gia đình văn hóa 3 năm liền' }),
      collective({ ten: 'Công an xã Phước Hòa', linh_vuc: 'Quốc phòng, an ninh', don_vi: 'Công an huyện Tuy Phước', thanh_tich: 'Kéo giảm 32% số vụ phạm pháp hình sự; xây dựng 5 tổ tự quản về an ninh trật tự' }),
      cadre({ ten: 'Lê Văn Cường', chuc_vu: 'Chủ tịch Hội Nông dân xã', don_vi: 'UBND xã Phước Hòa', linh_vuc: 'Nông nghiệp', thanh_tich: 'Vận động nông dân liên kết sản xuất 80 ha lúa giống; giải ngân 2 tỷ đồng vốn Quỹ hỗ trợ' }),
      cadre({ ten: 'Phạm Thị Dung', chuc_vu: 'Công chức Văn hóa - Xã hội', don_vi: 'UBND xã Phước Hòa', linh_vuc: 'Văn hóa', thanh_tich: 'Chi trả trợ cấp cho 640 đối tượng bảo trợ đúng hạn; vận động 1,1 tỷ đồng Quỹ vì người nghèo' }),
      cadre({ ten: 'Hoàng Văn Em', chuc_vu: 'Chỉ huy trưởng Quân sự xã', don_vi: 'UBND xã Phước Hòa', linh_vuc: 'Quốc phòng, an ninh', thanh_tich: 'Hoàn thành 100% chỉ tiêu tuyển quân 3 năm liền; huấn luyện dân quân đạt loại giỏi' }),
    ];
    const columns: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.don_vi_de_nghi, C.chuc_vu, C.lao_dong_truc_tiep, XEP_LOAI, C.an_toan_antt, C.thanh_tich, C.hinh_thuc];
    const s = sheet({
      title: titleBlock('UBND HUYỆN TUY PHƯỚC', 'DANH SÁCH TỔNG HỢP ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN CỦA CÁC XÃ NĂM 2025'),
      columns,
      sections: [
        { roman: 'I', label: 'UBND XÃ PHƯỚC SƠN', rows: withSubmitter(phuocSon, 'UBND xã Phước Sơn') },
        { roman: 'II', label: 'UBND XÃ PHƯỚC HÒA', rows: withSubmitter(phuocHoa, 'UBND xã Phước Hòa') },
      ],
      footer: footer({ place: 'Tuy Phước', date: [24, 6, 2025], maker: 'Đỗ Minh Trí', head: 'Nguyễn Văn Dũng', headTitle: 'CHỦ TỊCH' }),
    });
    const file: Omit<DossierSpec, 'file'> = {
      sheets: [s],
      expect: [about('binh-dinh/xa/tap-the', 'UBND xã Phước Hòa'), about('chung/uu-tien-lao-dong-truc-tiep', 'UBND xã Phước Hòa')],
    };
    out.push(
      entry(
        'layout/tong-hop-don-vi-de-nghi.xlsx',
        'a consolidated list of two communes ("Đơn vị đề nghị"), checked with binh-dinh/xa: each commune is its own unit',
        file,
        ['UBND xã Phước Hòa puts forward 2 collectives (at least 3)', 'UBND xã Phước Hòa has no direct worker among its individuals (a warning)'],
        ['binh-dinh/xa'],
      ),
    );
  }

  // Formula cells: percentages computed from counts (cached results) and a #REF! left by a deleted sheet.
  {
    const columns: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lanh_dao, C.lao_dong_truc_tiep, C.nam_sinh, XEP_LOAI, C.ty_le_neu_guong, C.ty_le_lanh_dao_neu_guong, C.so_ky_luat, C.xep_loai_dang, C.thanh_tich, C.hinh_thuc];
    const chiBo = (ten: string, members: number, exemplary: number, thanh_tich: string) =>
      collective({
        ten,
        linh_vuc: 'Học tập và làm theo Bác',
        don_vi: 'Đảng ủy xã Đắk Ruồng',
        more: { ty_le_neu_guong: { formula: `ROUND(${exemplary}/${members},2)`, result: Math.round((exemplary / members) * 100) / 100 }, ty_le_lanh_dao_neu_guong: pct(1), so_ky_luat: 0, xep_loai_dang: 'HTXSNV' },
        thanh_tich,
      });
    const s = sheet({
      title: titleBlock(UNIT),
      columns,
      sections: [
        {
          roman: 'I',
          label: 'TẬP THỂ',
          rows: [
            chiBo('Chi bộ thôn 1', 24, 21, 'Duy trì sinh hoạt chuyên đề hằng tháng; 21/24 đảng viên có việc làm cụ thể làm theo gương Bác'),
            chiBo('Chi bộ thôn 2', 18, 15, 'Xây dựng mô hình "Mỗi đảng viên giúp đỡ một hộ nghèo", 9 hộ thoát nghèo trong 2 năm'),
          ],
        },
        {
          roman: 'II',
          label: 'CÁ NHÂN',
          rows: [
            cadre({ ten: 'Đinh Văn Hải', chuc_vu: 'Bí thư chi bộ thôn 1', don_vi: 'Chi bộ thôn 1', linh_vuc: 'Học tập và làm theo Bác', nam_sinh: { formula: "YEAR('Lý lịch'!C7)", result: 1979 }, lanh_dao: 'Có', thanh_tich: 'Gương mẫu hiến 500 m² đất làm nhà văn hóa thôn; vận động 40 hộ trồng cà phê xen cây ăn quả' }),
            cadre({ ten: 'Y Sa', chuc_vu: 'Đảng viên, nông dân', don_vi: 'Chi bộ thôn 2', linh_vuc: 'Học tập và làm theo Bác', nam_sinh: 1986, truc_tiep: 'Có', thanh_tich: 'Mô hình nuôi heo rừng lai cho thu nhập 120 triệu đồng/năm; nhận 3 hộ nghèo học nghề' }),
          ],
        },
      ],
      footer: footer(DAK_RUONG),
    });
    const defects: Defect[] = [
      { on: 'Y Sa', set: { nam_sinh: { error: '#REF!', formula: "YEAR('Lý lịch'!C9)" } }, expect: [{ rule: 'chung/loi-cong-thuc' }], why: 'the year of birth is a #REF! left by a deleted sheet' },
    ];
    out.push(
      entry('layout/loi-cong-thuc.xlsx', 'formula cells: percentages computed by ROUND(x/y) (cached results) and a #REF! in a nominee row', { sheets: [withDefects(s, defects), instructionsSheet(columns)] }, defects),
    );
  }

  // The same nominee twice in one file: different case and spacing.
  {
    const list = dakRuong();
    const twice = cadre({ ten: 'NGUYỄN  VĂN AN', chuc_vu: 'Phó Chủ tịch UBND xã', don_vi: 'UBND Xã  Đắk Ruồng', linh_vuc: 'Xây dựng Đảng', thanh_tich: 'Chỉ đạo hoàn thành 100% chỉ tiêu thu ngân sách; vận động hiến đất mở rộng 2 tuyến đường' });
    const first = list.individuals[0];
    const rows = [first, list.individuals[1], twice, list.individuals[2]];
    const s = sheet({ title: titleBlock(UNIT), columns: BASE_COLUMNS, sections: twoSections({ collectives: list.collectives, individuals: rows }), footer: footer(DAK_RUONG) });
    const marked = {
      ...s,
      body: s.body.map((r) => (r === first || r === twice ? { ...r, expect: [...(r as NomineeRow).expect, { rule: 'chung/trung-lap', key: 'ten', severity: 'error' as const }] } : r)),
    };
    out.push(entry('layout/trung-lap.xlsx', 'the same individual listed twice in one file ("Nguyễn Văn An" / "NGUYỄN  VĂN AN", "UBND Xã  Đắk Ruồng")', { sheets: [marked, instructionsSheet(BASE_COLUMNS)] }, ['a nominee listed twice with different case and spacing']));
  }

  // The same collective put forward by two units, in two files of one folder.
  {
    const school = () =>
      collective({ ten: 'Trường PTDTBT THCS Đắk Kôi', linh_vuc: 'Giáo dục', don_vi: 'Phòng GD&ĐT huyện Kon Rẫy', more: { an_toan_antt: 'Có' }, thanh_tich: 'Duy trì sĩ số 100% học sinh bán trú; 18 học sinh giỏi cấp huyện năm học 2024-2025' });
    const dup = (r: NomineeRow): NomineeRow => ({ ...r, expect: [{ rule: 'chung/trung-lap', key: 'ten', severity: 'error' }] });
    const dakKoi = sheet({
      title: titleBlock('UBND XÃ ĐẮK KÔI'),
      columns: BASE_COLUMNS,
      sections: [
        { roman: 'I', label: 'TẬP THỂ', rows: [dup(school()), collective({ ten: 'Thôn 3', linh_vuc: 'Văn hóa', don_vi: 'UBND xã Đắk Kôi', thanh_tich: 'Giữ gìn nhà rông và đội cồng chiêng 18 người; 92% hộ đạt Gia đình văn hóa' })] },
        { roman: 'II', label: 'CÁ NHÂN', rows: [cadre({ ten: 'A Hiếu', chuc_vu: 'Công chức Văn phòng - Thống kê', don_vi: 'UBND xã Đắk Kôi', linh_vuc: 'Cải cách hành chính', truc_tiep: 'Có', thanh_tich: 'Tiếp nhận 910 hồ sơ một cửa đúng hạn; hướng dẫn người dân nộp hồ sơ trực tuyến tại thôn' })] },
      ],
      footer: footer({ place: 'Đắk Kôi', date: [11, 8, 2025], maker: 'Đào Thị Nga', head: 'A Hiếu', headTitle: 'CHỦ TỊCH' }),
    });
    const phong = sheet({
      title: titleBlock('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN KON RẪY'),
      columns: BASE_COLUMNS,
      sections: [
        { roman: 'I', label: 'TẬP THỂ', rows: [collective({ ten: 'Trường Mầm non Tân Lập', linh_vuc: 'Giáo dục', don_vi: 'Phòng GD&ĐT huyện Kon Rẫy', more: { an_toan_antt: 'Đạt' }, thanh_tich: '100% trẻ 5 tuổi hoàn thành chương trình mầm non; bếp ăn bán trú đạt chuẩn an toàn thực phẩm' }), dup(school())] },
        { roman: 'II', label: 'CÁ NHÂN', rows: [cadre({ ten: 'Y Mai', chuc_vu: 'Giáo viên', don_vi: 'Trường Mầm non Tân Lập', linh_vuc: 'Giáo dục', truc_tiep: 'Có', thanh_tich: 'Giáo viên dạy giỏi cấp tỉnh; làm 60 bộ đồ chơi từ vật liệu tái chế cho các lớp học' })] },
      ],
      footer: footer({ ...DAK_RUONG, place: 'Kon Rẫy', date: [20, 6, 2025], head: 'Nguyễn Văn Hòa', headTitle: 'TRƯỞNG PHÒNG' }),
    });
    out.push({
      path: 'layout/trung-lap-hai-tep',
      description: 'the same school put forward by a commune and by the education office, in two files of one folder',
      profiles: [],
      defects: ['one collective in two files'],
      dossiers: [
        { file: 'layout/trung-lap-hai-tep/phong-gd-dt.xlsx', sheets: [phong] },
        { file: 'layout/trung-lap-hai-tep/xa-dak-koi.xlsx', sheets: [dakKoi] },
      ],
    });
  }

  // Missing columns: a required one (one error for the sheet) and a criterion's (one warning).
  {
    const list = dakRuong();
    const noSummary = BASE_COLUMNS.filter((c) => !('key' in c) || c.key !== 'thanh_tich');
    const dropSummary = (r: NomineeRow): NomineeRow => ({ ...r, values: Object.fromEntries(Object.entries(r.values).filter(([k]) => k !== 'thanh_tich')) });
    const s = sheet({
      title: titleBlock(UNIT),
      columns: noSummary,
      sections: twoSections({ collectives: list.collectives.map(dropSummary), individuals: list.individuals.map(dropSummary) }),
      footer: footer(DAK_RUONG),
      expect: [about('chung/thanh-tich', UNIT)],
    });
    out.push(entry('layout/thieu-cot-thanh-tich.xlsx', 'no achievement-summary column at all: one error for the sheet, naming the column', { sheets: [s] }, ['the "Tóm tắt thành tích" column is missing']));
  }
  {
    const list = dakRuong();
    const columns: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, yearly('xep_loai', 'Xếp loại', [2024, 2025]), C.thanh_tich, C.hinh_thuc];
    const keep = (r: NomineeRow): NomineeRow => ({ ...r, values: Object.fromEntries(Object.entries(r.values).filter(([k]) => !['an_toan_antt', 'xep_loai_2023', 'lao_dong_truc_tiep'].includes(k))) });
    const s = sheet({
      title: titleBlock(UNIT),
      columns,
      sections: twoSections({ collectives: list.collectives.map(keep), individuals: list.individuals.map(keep) }),
      footer: footer(DAK_RUONG),
      expect: [about('giao-duc/an-toan-antt', UNIT, 'warning'), about('ca-nhan/htxsnv-hang-nam', UNIT, 'warning')],
    });
    out.push(
      entry(
        'layout/thieu-cot-tieu-chi.xlsx',
        'no column for a criterion (ANTT), for a year of the period (Xếp loại 2023) or for direct workers: one warning each, no error',
        { sheets: [s], expect: [about('chung/uu-tien-lao-dong-truc-tiep', UNIT)] },
        ['no "Đạt tiêu chuẩn an toàn về ANTT" column', 'no "Xếp loại 2023" column', 'no "Lao động trực tiếp" column'],
      ),
    );
  }

  // A footer with no total line: it opens with the place and date.
  {
    const list = dakRuong();
    const s = sheet({
      title: titleBlock(UNIT),
      columns: BASE_COLUMNS,
      sections: twoSections(list, 'name'),
      footer: [
        {},
        { right: 'Đắk Ruồng, ngày 15 tháng 8 năm 2025', bold: false, italic: true },
        { left: 'NGƯỜI LẬP BIỂU', right: 'TM. ỦY BAN NHÂN DÂN' },
        { right: 'CHỦ TỊCH' },
        {},
        {},
        { left: 'Nguyễn Thị Hoa', right: 'A Vương' },
        { left: 'Nơi nhận: - Phòng Nội vụ huyện; - Lưu: VT.', bold: false, italic: true },
      ],
    });
    out.push(entry('layout/khong-dong-tong.xlsx', 'group rows "I. TẬP THỂ" in the name column; no total line: the footer opens with "Đắk Ruồng, ngày 15 tháng 8 năm 2025"; every criterion met', { sheets: [s, instructionsSheet(BASE_COLUMNS)] }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV

function csvVariants(): Entry[] {
  const out: Entry[] = [];
  const csvTitle = (unit: string) => [{ left: unit, right: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' }, { center: 'DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN NĂM 2025' }, {}];
  const csv = (delimiter: CsvOptions['delimiter'], o: Partial<CsvOptions> = {}): CsvOptions => ({ delimiter, bom: false, encoding: 'utf8', decimalComma: false, ...o });

  {
    const list = dakRuong();
    const born = [new Date(Date.UTC(1981, 4, 19)), new Date(Date.UTC(1994, 8, 2)), new Date(Date.UTC(1990, 11, 25))];
    list.individuals = list.individuals.map((r, i) => ({ ...r, values: { ...r.values, nam_sinh: born[i] } }));
    const columns = reheaded([...BASE_COLUMNS.slice(0, 6), C.ngay_sinh, ...BASE_COLUMNS.slice(6)], { ten: 'Họ và\ntên', thanh_tich: 'Tóm tắt\nthành tích' });
    const defects = [RATED_WELL('Trần Thị Bình', 2024)];
    const s = withDefects(sheet({ title: csvTitle(UNIT), columns, sections: twoSections(list), footer: footer(DAK_RUONG) }), defects);
    out.push(
      entry('csv/dau-phay-bom.csv', 'comma-separated UTF-8 with a BOM: the two-row header as two lines, quoted headers with line breaks, dates of birth as "dd/mm/yyyy" text', { sheets: [s], csv: csv(',', { bom: true }) }, defects),
    );
  }
  {
    const columns: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lao_dong_truc_tiep, XEP_LOAI, C.ty_le_neu_guong, C.ty_le_lanh_dao_neu_guong, C.so_ky_luat, C.xep_loai_dang, C.thanh_tich, C.hinh_thuc];
    const chiBo = (ten: string, rate: number, thanh_tich: string) =>
      collective({ ten, linh_vuc: 'Học tập và làm theo Bác', don_vi: 'Đảng ủy xã Đắk Ruồng', more: { ty_le_neu_guong: pct(rate), ty_le_lanh_dao_neu_guong: pct(1), so_ky_luat: 0, xep_loai_dang: HTXSNV }, thanh_tich });
    const list = {
      collectives: [
        chiBo('Chi bộ thôn 1', 0.705, 'Duy trì sinh hoạt chuyên đề hằng tháng; 31/44 đảng viên có việc làm cụ thể làm theo gương Bác'),
        chiBo('Chi bộ thôn 2', 0.825, 'Mô hình "Mỗi đảng viên giúp đỡ một hộ nghèo" giúp 9 hộ thoát nghèo trong 2 năm'),
      ],
      individuals: [dakRuong().individuals[1]],
    };
    const defects: Defect[] = [{ on: 'Chi bộ thôn 2', set: { ty_le_neu_guong: pct(0.685) }, expect: [{ rule: 'hoc-tap-lam-theo-bac/ty-le-neu-guong' }], why: '68,5% of members set an example (over 70% required)' }];
    const s = withDefects(sheet({ title: csvTitle(UNIT), columns, sections: twoSections(list), footer: footer(DAK_RUONG) }), defects);
    out.push(entry('csv/cham-phay.csv', 'semicolon-separated with decimal commas ("70,5%"); 70,5% passes "over 70%"', { sheets: [s], csv: csv(';', { decimalComma: true }) }, defects));
  }
  {
    const list = dakRuong();
    const defects: Defect[] = [{ on: 'Trường Tiểu học Đắk Ruồng', set: { thanh_tich: '-' }, expect: [{ rule: 'chung/thanh-tich-thuc-chat' }], why: 'the achievement summary is a "-"' }];
    const s = withDefects(sheet({ title: csvTitle(UNIT), columns: BASE_COLUMNS, sections: twoSections(list), footer: footer(DAK_RUONG) }), defects);
    out.push(entry('csv/tab.tsv', 'tab-separated UTF-8', { sheets: [s], csv: csv('\t') }, defects));
  }
  {
    const list = dakRuong();
    const defects: Defect[] = [{ on: 'Y Thanh', set: { don_vi: null }, expect: [{ rule: 'chung/don-vi' }], why: 'no unit for a teacher' }];
    const s = withDefects(sheet({ title: csvTitle(UNIT), columns: BASE_COLUMNS, sections: twoSections(list), footer: footer(DAK_RUONG) }), defects);
    out.push(entry('csv/unicode-text.txt', 'Excel\'s "Unicode Text": UTF-16LE with a BOM, tab-separated', { sheets: [s], csv: csv('\t', { bom: true, encoding: 'utf16le' }) }, defects));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shapes that real lists have and a reader easily gets wrong

function probeVariants(): Entry[] {
  const out: Entry[] = [];

  // A collective named "Tổng công ty …": without diacritics it reads like the total line "Tổng cộng".
  {
    const money = (key: string, group: string) => yearly(key, group, [2023, 2024, 2025], String, '#,##0');
    const columns: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lao_dong_truc_tiep, XEP_LOAI, money('doanh_thu', 'Doanh thu (triệu đồng)'), money('nop_ngan_sach', 'Nộp ngân sách (triệu đồng)'), money('loi_nhuan', 'Lợi nhuận (triệu đồng)'), C.thanh_tich, C.hinh_thuc];
    const figures = (d: number[], n: number[], l: number[]) => ({
      doanh_thu_2023: d[0], doanh_thu_2024: d[1], doanh_thu_2025: d[2],
      nop_ngan_sach_2023: n[0], nop_ngan_sach_2024: n[1], nop_ngan_sach_2025: n[2],
      loi_nhuan_2023: l[0], loi_nhuan_2024: l[1], loi_nhuan_2025: l[2],
    });
    const s = sheet({
      title: titleBlock('HIỆP HỘI DOANH NGHIỆP TỈNH KON TUM', 'DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN KHỐI DOANH NGHIỆP NĂM 2025'),
      columns,
      sections: [
        {
          roman: 'I',
          label: 'TẬP THỂ',
          rows: [
            collective({ ten: 'Công ty Cổ phần Cà phê 731', linh_vuc: 'Doanh nghiệp', don_vi: 'Hiệp hội Doanh nghiệp tỉnh Kon Tum', more: figures([52100, 56800, 61250], [3120, 3390, 3705], [4010, 4480, 4925]), thanh_tich: 'Xuất khẩu 2.400 tấn cà phê nhân/năm; liên kết bao tiêu cho 640 hộ đồng bào dân tộc thiểu số' }),
            collective({ ten: 'Tổng công ty Lâm nghiệp Kon Tum', linh_vuc: 'Sản xuất, kinh doanh', don_vi: 'UBND tỉnh Kon Tum', more: figures([128400, 135900, 142600], [8450, 9120, 9680], [10250, 11030, 11870]), thanh_tich: 'Quản lý 68.000 ha rừng tự nhiên; trồng mới 1.150 ha rừng sản xuất; không để xảy ra cháy rừng' }),
            collective({ ten: 'HTX Nông nghiệp Đăk Hà', linh_vuc: 'Sản xuất, kinh doanh', don_vi: 'Liên minh HTX tỉnh Kon Tum', more: figures([6240, 7015, 7890], [210, 236, 268], [705, 812, 930]), thanh_tich: 'Sản phẩm cà phê rang xay đạt OCOP 4 sao; tạo việc làm thường xuyên cho 42 xã viên' }),
          ],
        },
        {
          roman: 'II',
          label: 'CÁ NHÂN',
          rows: [
            cadre({ ten: 'Ngô Văn Thắng', chuc_vu: 'Kỹ sư lâm sinh', don_vi: 'Tổng công ty Lâm nghiệp Kon Tum', linh_vuc: 'Sản xuất, kinh doanh', truc_tiep: 'Có', thanh_tich: 'Chọn tạo giống keo lai năng suất cao cho 320 ha rừng trồng; có 02 sáng kiến cấp tỉnh' }),
          ],
        },
      ],
      footer: footer({ place: 'Kon Tum', date: [16, 6, 2025], maker: 'Lương Thị Hạnh', head: 'Nguyễn Đức Tuy', headTitle: 'CHỦ TỊCH HIỆP HỘI' }),
    });
    const defects: Defect[] = [
      { on: 'Tổng công ty Lâm nghiệp Kon Tum', set: { doanh_thu_2025: 131200 }, expect: [{ rule: 'san-xuat-kinh-doanh/doanh-thu-tang' }], why: 'the revenue of "Tổng công ty Lâm nghiệp Kon Tum" fell in 2025 (135.900 → 131.200)' },
      { on: 'Ngô Văn Thắng', set: { xep_loai_2024: 'HTTNV' }, expect: [{ rule: 'ca-nhan/htxsnv-hang-nam' }], why: 'an engineer listed after it rated HTTNV in 2024' },
    ];
    out.push(entry('layout/tong-cong-ty.xlsx', 'a collective named "Tổng công ty …" (folded, it reads like the total line "Tổng cộng") and rows after it', { sheets: [withDefects(s, defects), instructionsSheet(columns)] }, defects));
  }

  // The usual two-line unit block of a department: the governing body above the unit itself.
  {
    const s = sheet({
      title: [{ left: 'UBND HUYỆN KON RẪY', right: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: false }, { left: 'PHÒNG VĂN HÓA VÀ THÔNG TIN', right: 'Độc lập - Tự do - Hạnh phúc' }, { center: HEADING_BIEU }, {}],
      columns: BASE_COLUMNS,
      sections: [
        { roman: 'I', label: 'TẬP THỂ', rows: [collective({ ten: 'Đội Thông tin lưu động huyện Kon Rẫy', linh_vuc: 'Văn hóa', don_vi: 'Phòng Văn hóa và Thông tin huyện Kon Rẫy', thanh_tich: 'Tổ chức 86 buổi chiếu phim, tuyên truyền lưu động tại 14 thôn đặc biệt khó khăn' })] },
        {
          roman: 'II',
          label: 'CÁ NHÂN',
          rows: [
            cadre({ ten: 'Nguyễn Thị Kim Yến', chuc_vu: 'Trưởng phòng', don_vi: 'Phòng Văn hóa và Thông tin huyện Kon Rẫy', linh_vuc: 'Văn hóa', thanh_tich: 'Chỉ đạo số hóa 12 di sản văn hóa phi vật thể của đồng bào Xơ Đăng; tổ chức 3 lễ hội cấp huyện' }),
            cadre({ ten: 'A Khuyên', chuc_vu: 'Chuyên viên', don_vi: 'Phòng Văn hóa và Thông tin huyện Kon Rẫy', linh_vuc: 'Chuyển đổi số', thanh_tich: 'Vận hành cổng thông tin điện tử huyện với 1.350 tin bài; hỗ trợ 14 thôn lập trang thông tin' }),
          ],
        },
      ],
      footer: footer({ ...DAK_RUONG, place: 'Kon Rẫy', date: [18, 6, 2025], head: 'Nguyễn Thị Kim Yến', headTitle: 'TRƯỞNG PHÒNG' }),
    });
    out.push(
      entry(
        'layout/don-vi-hai-dong.xlsx',
        'a two-line unit block ("UBND HUYỆN KON RẪY" over "PHÒNG VĂN HÓA VÀ THÔNG TIN"): the unit is the second line',
        { sheets: [s], expect: [about('chung/uu-tien-lao-dong-truc-tiep', 'PHÒNG VĂN HÓA VÀ THÔNG TIN')] },
        ['no direct worker among the individuals (a warning about the unit)'],
      ),
    );
  }

  // A unit cell merged down over the three teachers of one school, as lists often write it.
  {
    const teacher = (ten: string, thanh_tich: string, first: boolean): NomineeRow => {
      const r = cadre({ ten, chuc_vu: 'Giáo viên', don_vi: 'Trường Tiểu học Đắk Ruồng', linh_vuc: 'Giáo dục', truc_tiep: 'Có', thanh_tich });
      if (first) return { ...r, mergeDown: { don_vi: 2, linh_vuc: 2 } };
      const { don_vi: _u, linh_vuc: _f, ...rest } = r.values;
      return { ...r, values: rest };
    };
    const s = sheet({
      title: titleBlock(UNIT),
      columns: BASE_COLUMNS,
      sections: [
        { roman: 'I', label: 'TẬP THỂ', rows: [dakRuong().collectives[1]] },
        {
          roman: 'II',
          label: 'CÁ NHÂN',
          rows: [
            teacher('Y Thanh', 'Giáo viên dạy giỏi cấp huyện; biên soạn 40 bài học song ngữ Việt - Xơ Đăng cho lớp 1', true),
            teacher('Đinh Thị Hiền', 'Phụ trách lớp ghép 2 trình độ tại điểm trường thôn 10; 100% học sinh hoàn thành chương trình', false),
            teacher('A Tuấn', 'Tổ chức câu lạc bộ bóng đá cho 60 học sinh; vận động 8 học sinh bỏ học trở lại lớp', false),
          ],
        },
      ],
      footer: footer(DAK_RUONG),
    });
    out.push(entry('layout/o-gop-don-vi.xlsx', 'the unit and field cells merged down over three teachers of one school: every row has them; every criterion met', { sheets: [s] }));
  }

  // A sheet typed in TCVN3 with the .VnTime font, as old documents pasted into Excel are.
  {
    const list = {
      collectives: [
        collective({ ten: 'Trường THCS Đắk Ruồng', linh_vuc: 'Giáo dục', don_vi: 'Phòng Giáo dục và Đào tạo huyện Kon Rẫy', more: { an_toan_antt: 'Có' }, thanh_tich: 'Tỷ lệ học sinh lên lớp đạt 99%; 12 học sinh giỏi cấp huyện năm học 2024-2025' }),
        collective({ ten: 'Trường Tiểu học Đắk Ruồng', linh_vuc: 'Giáo dục', don_vi: 'Phòng Giáo dục và Đào tạo huyện Kon Rẫy', more: { an_toan_antt: 'Có' }, thanh_tich: 'Không có học sinh bỏ học giữa chừng; 100% học sinh được tăng cường tiếng Việt' }),
      ],
      individuals: [
        cadre({ ten: 'Y Thanh', chuc_vu: 'Giáo viên', don_vi: 'Trường Tiểu học Đắk Ruồng', linh_vuc: 'Giáo dục', truc_tiep: 'Có', thanh_tich: 'Giáo viên dạy giỏi cấp huyện; biên soạn 40 bài học song ngữ cho học sinh lớp 1' }),
        cadre({ ten: 'Nguyễn Văn An', chuc_vu: 'Phó Chủ tịch UBND xã', don_vi: 'UBND xã Đắk Ruồng', linh_vuc: 'Xây dựng Đảng', thanh_tich: 'Chỉ đạo giải ngân 100% vốn chương trình mục tiêu quốc gia; vận động hiến 3.000 mét vuông đất' }),
      ],
    };
    const defects = [ANTT_KHONG('Trường Tiểu học Đắk Ruồng'), RATED_WELL('Y Thanh', 2025)];
    const s = withDefects(sheet({ title: titleBlock(UNIT), columns: BASE_COLUMNS, sections: twoSections(list), footer: footer(DAK_RUONG) }), defects);
    out.push(entry('layout/tcvn3.xlsx', 'every text in TCVN3 (ABC) under the .VnTime font ("Hä vµ tªn"), as pasted from an old document: read as Unicode, each such cell warned', { sheets: [{ ...warnedTcvn3(mapText(s, toTcvn3), s), font: '.VnTime' }] }, defects));
  }

  // The nominees pasted from an old TCVN3 document into a Unicode template: title, header, group
  // rows and footer in Unicode. Short cells give no sign of TCVN3 on their own ("Cã" is Có, "Y tÕ"
  // Y tế, both made of letters Unicode uses too), the first row's among them: they are read as
  // the rest of the body is. A direct worker's "Cã" counts (no warning for lacking one), the
  // health station's field is known (no warning for it), and a school's "Kh«ng" fails its criterion.
  {
    const list = {
      collectives: [
        collective({ ten: 'Trường THCS Đắk Pne', linh_vuc: 'Giáo dục', don_vi: 'Phòng Giáo dục và Đào tạo huyện Kon Rẫy', more: { an_toan_antt: 'Có' }, thanh_tich: 'Tỷ lệ học sinh lên lớp đạt 99%; 12 học sinh giỏi cấp huyện năm học 2024-2025' }),
        collective({ ten: 'Trạm Y tế xã Đắk Pne', linh_vuc: 'Y tế', don_vi: 'Trung tâm Y tế huyện Kon Rẫy', thanh_tich: 'Tiêm chủng đầy đủ cho 98% trẻ dưới 1 tuổi; quản lý 420 người bệnh tăng huyết áp' }),
        collective({ ten: 'Trường Tiểu học Đắk Pne', linh_vuc: 'Giáo dục', don_vi: 'Phòng Giáo dục và Đào tạo huyện Kon Rẫy', more: { an_toan_antt: 'Có' }, thanh_tich: 'Không có học sinh bỏ học giữa chừng; 100% học sinh được tăng cường tiếng Việt' }),
      ],
      individuals: [
        cadre({ ten: 'Y Nhan', chuc_vu: 'Y sĩ', don_vi: 'Trạm Y tế xã Đắk Pne', linh_vuc: 'Y tế', truc_tiep: 'Có', thanh_tich: 'Trực tiếp khám cho 2.600 lượt người bệnh; vận động 100% phụ nữ mang thai khám thai định kỳ' }),
        cadre({ ten: 'Lê Văn Hùng', chuc_vu: 'Phó Chủ tịch UBND xã', don_vi: 'UBND xã Đắk Pne', linh_vuc: 'Xây dựng Đảng', thanh_tich: 'Chỉ đạo giải ngân 100% vốn chương trình mục tiêu quốc gia; vận động hiến 3.000 mét vuông đất' }),
      ],
    };
    const defects = [ANTT_KHONG('Trường Tiểu học Đắk Pne')];
    const s = withDefects(sheet({ title: titleBlock(UNIT), columns: BASE_COLUMNS, sections: twoSections(list), footer: footer(DAK_RUONG) }), defects);
    const body = s.body.map((r) => (r.type === 'nominee' ? { ...r, values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, typeof v === 'string' ? toTcvn3(v) : v])) } : r));
    out.push(entry('layout/tcvn3-mau-unicode.xlsx', 'the nominees in TCVN3 pasted into a Unicode template (title, header, group rows, footer in Unicode): short cells ("Cã", "Y tÕ") read as the body is, each such cell warned', { sheets: [warnedTcvn3({ ...s, body }, s)] }, defects));
  }
  return out;
}

/** A sheet with its nominees' texts in TCVN3 (`legacy`), expecting a warning on every cell TCVN3 changed from the Unicode sheet `s`. */
function warnedTcvn3(legacy: SheetSpec, s: SheetSpec): SheetSpec {
  return {
    ...legacy,
    body: legacy.body.map((r, i) => {
      const before = s.body[i];
      if (r.type !== 'nominee' || before.type !== 'nominee') return r;
      const changed = Object.keys(r.values).filter((k) => typeof r.values[k] === 'string' && r.values[k] !== before.values[k]);
      return { ...r, expect: [...r.expect, ...changed.map((key) => ({ rule: 'chung/ma-tcvn3', key, severity: 'warning' as const }))] };
    }),
  };
}

export function layoutFixtures(): Entry[] {
  return [...headerVariants(), ...kindVariants(), ...listVariants(), ...probeVariants(), ...csvVariants()];
}

