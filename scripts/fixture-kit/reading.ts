/**
 * Dossiers whose rows and sheets a careless reader would pass over in silence (issue "Nothing
 * passes unread"): a subtotal after each group, a hidden or 1-point-high total line, a total
 * placed before the last nominees, a decision's date in the first column, a nominee below the
 * signatures, a template's placeholder rows, lists with names only, an empty template, sheets
 * named like code lists. Each carries a defect below the line that once ended the table, so that
 * its finding proves the rows under it were checked.
 */
import type { BodyLine, ColumnDef, CsvOptions, DossierSpec, NomineeRow, SheetSpec } from './dossier.js';
import { AWARD, cadre, collective, household } from './people.js';
import { about, C, footer, instructionsSheet, nominee, sheet, titleBlock, withDefects, XEP_LOAI, type Defect, type Entry, type Signing } from './vocab.js';

const UNIT = 'UBND XÃ ĐẮK KÔI';
const SIGNING: Signing = { place: 'Đắk Kôi', date: [20, 8, 2025], maker: 'Lê Thị Mai', head: 'A Nhung', headTitle: 'CHỦ TỊCH' };
const COLUMNS: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, C.chuc_vu, C.lao_dong_truc_tiep, XEP_LOAI, C.an_toan_antt, C.thanh_tich, C.hinh_thuc];

function entry(path: string, description: string, dossier: Omit<DossierSpec, 'file'>, defects: Defect[] | string[] = []): Entry {
  return { path, description, profiles: [], defects: defects.map((d) => (typeof d === 'string' ? d : d.why)), dossiers: [{ file: path, ...dossier }] };
}

function list(): { collectives: NomineeRow[]; individuals: NomineeRow[] } {
  return {
    collectives: [
      collective({ ten: 'Trường Mầm non Đắk Kôi', linh_vuc: 'Giáo dục', don_vi: 'Phòng GD&ĐT huyện Kon Rẫy', more: { an_toan_antt: 'Có' }, thanh_tich: 'Huy động 100% trẻ 5 tuổi ra lớp; bếp ăn bán trú đạt chuẩn an toàn thực phẩm' }),
      collective({ ten: 'Trạm Y tế xã Đắk Kôi', linh_vuc: 'Y tế', don_vi: 'Trung tâm Y tế huyện Kon Rẫy', thanh_tich: 'Tiêm chủng đầy đủ cho 97% trẻ dưới 1 tuổi; quản lý 310 người bệnh mạn tính tại xã' }),
    ],
    individuals: [
      cadre({ ten: 'Đinh Văn Hùng', chuc_vu: 'Công chức Văn phòng - Thống kê', don_vi: 'UBND xã Đắk Kôi', linh_vuc: 'Cải cách hành chính', thanh_tich: 'Số hóa 100% hồ sơ một cửa; không có hồ sơ trễ hạn năm 2025' }),
      cadre({ ten: 'Y Lan', chuc_vu: 'Giáo viên', don_vi: 'Trường Mầm non Đắk Kôi', linh_vuc: 'Giáo dục', truc_tiep: 'Có', thanh_tich: 'Giáo viên dạy giỏi cấp huyện; biên soạn 30 bài hát song ngữ cho trẻ' }),
    ],
  };
}

const group = (roman: string, label: string): SheetSpec['body'][number] => ({ type: 'group', roman, label, style: 'split' });
const line = (text: string, more: Partial<BodyLine> = {}): BodyLine => ({ type: 'line', line: text ? { total: text } : {}, ...more });

/** A defect on a row below the line that once ended the table: its finding proves the row was read. */
const RATED_WELL = (on: string): Defect => ({ on, set: { xep_loai_2025: 'Hoàn thành tốt nhiệm vụ' }, expect: [{ rule: 'ca-nhan/htxsnv-hang-nam' }], why: `${on}, below the line: rated "completed well" in 2025` });
const NOT_SAFE = (on: string): Defect => ({ on, set: { an_toan_antt: 'Không' }, expect: [{ rule: 'giao-duc/an-toan-antt' }], why: `${on}, below the line: not safe for security and order` });
const BELOW_TOTAL = (on: string, then: Defect): Defect => ({ ...then, expect: [...then.expect, { rule: 'hoso/duoi-dong-tong', key: 'stt' }], why: `${then.why}; it stands below the total line (a warning)` });

function listSheet(body: SheetSpec['body'], foot = footer(SIGNING)): SheetSpec {
  return { ...sheet({ title: titleBlock(UNIT), columns: COLUMNS, sections: [], footer: foot }), body };
}

export function readingFixtures(): Entry[] {
  const out: Entry[] = [];
  const l = list();

  {
    const defects = [RATED_WELL('Y Lan')];
    const body = [group('I', 'TẬP THỂ'), ...l.collectives, line('Cộng: 2'), group('II', 'CÁ NHÂN'), ...l.individuals, line('Cộng: 2')];
    out.push(entry('layout/cong-theo-nhom.xlsx', 'a subtotal "Cộng: 2" after each group: the individuals under the first one are checked', { sheets: [withDefects(listSheet(body), defects)] }, defects));
  }
  {
    const defects = [RATED_WELL('Đinh Văn Hùng')];
    const body = [group('I', 'TẬP THỂ'), ...l.collectives, line('Cộng', { hidden: true }), group('II', 'CÁ NHÂN'), ...l.individuals.slice(0, 1), line('CỘNG: 1', { height: 1 }), group('III', 'CÁ NHÂN (tiếp)'), ...l.individuals.slice(1)];
    out.push(entry('layout/dong-cong-an.xlsx', 'a hidden "Cộng" row and a 1-point-high "CỘNG: 1" row between groups', { sheets: [withDefects(listSheet(body), defects)] }, defects));
  }
  {
    const defects = [BELOW_TOTAL('Y Lan', RATED_WELL('Y Lan'))];
    const body = [...l.collectives, ...l.individuals.slice(0, 1), line('Tổng cộng: 3'), ...l.individuals.slice(1)];
    out.push(entry('layout/tong-truoc-dong-cuoi.xlsx', 'the total line "Tổng cộng: 3" typed before the last nominee, who is still checked', { sheets: [withDefects(listSheet(body), defects)] }, defects));
  }
  {
    const defects = [NOT_SAFE('Trường Mầm non Đắk Kôi'), RATED_WELL('Y Lan')];
    const note = line('QĐ 12, ngày 15 tháng 8 năm 2025', { expect: [{ rule: 'hoso/dong-khong-ro', severity: 'info', column: 'A' }] });
    const body = [group('I', 'TẬP THỂ'), note, ...l.collectives, group('II', 'CÁ NHÂN'), ...l.individuals];
    out.push(entry('layout/quyet-dinh-dau-nhom.xlsx', 'a decision\'s reference "QĐ 12, ngày 15 tháng 8 năm 2025" in the first column under a group: not the footer', { sheets: [withDefects(listSheet(body), defects)] }, defects));
  }
  {
    // The signatures, then one more nominee typed under them.
    const late = cadre({ ten: 'Nguyễn Thị Sương', chuc_vu: 'Y sĩ', don_vi: 'Trạm Y tế xã Đắk Kôi', linh_vuc: 'Y tế', truc_tiep: 'Có', thanh_tich: 'Trực tiếp khám cho 1.800 lượt người bệnh; vận động tiêm chủng đầy đủ cho 97% trẻ' });
    const base = listSheet([...l.collectives, ...l.individuals]);
    const spec = { ...base, body: [...base.body, ...base.footer.map((f) => ({ type: 'line' as const, line: f })), { ...late, values: { ...late.values, stt: 5 } }], footer: [] };
    const defects: Defect[] = [{ on: 'Nguyễn Thị Sương', set: { xep_loai_2024: 'Hoàn thành nhiệm vụ' }, expect: [{ rule: 'ca-nhan/htxsnv-hang-nam' }, { rule: 'hoso/duoi-chan-trang', key: 'stt' }], why: 'a nominee typed under the signatures: still checked (rated "completed" in 2024), with a warning' }];
    out.push(entry('layout/duoi-chu-ky.xlsx', 'a numbered nominee typed under the signature block', { sheets: [withDefects(spec, defects)] }, defects));
  }
  {
    const defects = [RATED_WELL('Đinh Văn Hùng')];
    const body = [group('I', 'TẬP THỂ'), line('', { name: 'Tên tập thể' }), ...l.collectives, group('II', 'CÁ NHÂN'), line('', { name: 'Tên cá nhân' }), ...l.individuals];
    out.push(entry('layout/dong-giu-cho.xlsx', 'a template\'s placeholder rows "Tên tập thể", "Tên cá nhân" kept above the nominees: not nominees', { sheets: [withDefects(listSheet(body), defects)] }, defects));
  }
  {
    // Names only: an individuals' list with a gender column and no STT; a collectives' list with the name alone.
    const people: ColumnDef[] = [C.ten, C.gioi_tinh];
    const individuals = ['Hồ Văn Tâm', 'Y Bình', 'A Khoa'].map((ten, i) => nominee({ ten, gioi_tinh: i === 1 ? 'NU' : 'NAM' }));
    const units: ColumnDef[] = [C.ten, C.hinh_thuc];
    const collectives = ['Trường Tiểu học Đắk Kôi', 'Chi hội Nông dân thôn 2'].map((ten) => nominee({ ten }));
    // The lists lack what every nominee needs: one error per sheet and column, not one per row.
    const required = (unit: string) => [about('chung/linh-vuc', unit), about('chung/don-vi', unit), about('chung/thanh-tich', unit)];
    const s1: SheetSpec = { ...sheet({ name: 'Cá nhân', title: titleBlock(UNIT, 'DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG'), columns: people, sections: [{ rows: individuals }], footer: [], numbering: 'none', stt: 'none' }) };
    const s2: SheetSpec = { ...sheet({ name: 'Tập thể', title: titleBlock(UNIT, 'DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG'), columns: units, sections: [{ rows: collectives }], footer: [], numbering: 'none', stt: 'none' }) };
    // An individual with no rating is no cadre: a worker, judged on Cultural Family years the sheet lacks.
    s1.expect = [...required(UNIT), about('ca-nhan/gia-dinh-van-hoa', UNIT, 'warning')];
    s2.expect = required(UNIT);
    out.push(
      entry('layout/chi-co-ten.xlsx', 'lists of names only, no STT: "Giới tính" NAM/NU beside each individual, collectives with the name alone — every row is read as a nominee', { sheets: [s1, s2], expect: [about('chung/uu-tien-lao-dong-truc-tiep', UNIT)] }, [
        'the lists lack the required columns: one finding per sheet and column',
      ]),
    );
  }
  {
    const body = [group('I', 'TẬP THỂ'), group('II', 'CÁ NHÂN')];
    const empty = listSheet(body, footer(SIGNING, 'Tổng cộng: 0'));
    empty.expect = [];
    out.push({ ...entry('layout/mau-trong.xlsx', 'an empty template: the header, group rows and "Tổng cộng: 0", nobody named — an error, never ✔', { sheets: [empty, instructionsSheet(COLUMNS)], expect: [about('hoso/khong-co-dong-de-nghi', UNIT)] }, ['no nominee row']) });
  }
  {
    // Sheets named like code lists: a households' list "HD" and a list "Danh mục đề nghị khen thưởng" are read;
    // the real code list and an empty sheet are passed over and named.
    const households = [
      household({ ten: 'Hộ ông A Sơn', don_vi: 'Thôn 4 xã Đắk Kôi', thanh_tich: 'Phát triển 2 ha cà phê xen mắc ca; giúp 3 hộ nghèo giống cây trồng' }),
      household({ ten: 'Hộ bà Y Hoa', don_vi: 'Thôn 2 xã Đắk Kôi', thanh_tich: 'Hiến 300 m² đất làm đường liên thôn' }),
    ];
    const hhColumns: ColumnDef[] = [C.stt, C.ten, C.loai, C.linh_vuc, C.don_vi, { group: 'Gia đình văn hóa', columns: [2023, 2024, 2025].map((y) => ({ key: `gia_dinh_van_hoa_${y}`, header: `Năm ${y}`, width: 10 })) }, C.thanh_tich, C.hinh_thuc];
    const hd = withDefects(sheet({ name: 'HD', title: titleBlock(UNIT, 'DANH SÁCH HỘ GIA ĐÌNH ĐỀ NGHỊ KHEN THƯỞNG'), columns: hhColumns, sections: [{ rows: households }], footer: footer(SIGNING) }), [
      { on: 'Hộ bà Y Hoa', set: { gia_dinh_van_hoa_2024: 'Không' }, expect: [{ rule: 'ho-gia-dinh/gia-dinh-van-hoa' }], why: 'on the sheet "HD": a household not a Cultural Family in 2024' },
    ]);
    const named = withDefects(sheet({ name: 'Danh mục đề nghị khen thưởng', title: titleBlock(UNIT), columns: COLUMNS, sections: [{ roman: 'I', label: 'TẬP THỂ', rows: l.collectives }, { roman: 'II', label: 'CÁ NHÂN', rows: l.individuals }], footer: footer(SIGNING) }), [
      NOT_SAFE('Trường Mầm non Đắk Kôi'),
    ]);
    const codes: SheetSpec = { name: 'DANHMUC', title: [], columns: [{ key: 'ma', header: 'Mã' }, { key: 'ten_hinh_thuc', header: 'Tên hình thức khen thưởng' }], numbering: 'none', body: [], footer: [], ignored: true, stt: 'none' };
    out.push(
      entry('layout/trang-ten-danh-muc.xlsx', 'a households\' sheet "HD" and a list "Danh mục đề nghị khen thưởng" are checked; a code list "DANHMUC" is passed over and named', { sheets: [named, hd, codes] }, [
        'the list named "Danh mục …": a school not safe for security and order',
        'the sheet "HD": a household not a Cultural Family in 2024',
      ]),
    );
  }
  return out;
}

/** A CSV whose total line comes before the last nominees. */
export function readingCsvFixtures(): Entry[] {
  const l = list();
  const csv: CsvOptions = { delimiter: ',', bom: true, encoding: 'utf8', decimalComma: false };
  const defects = [BELOW_TOTAL('Y Lan', RATED_WELL('Y Lan'))];
  const body = [...l.collectives, line('Tổng cộng: 2'), ...l.individuals.slice(0, 1).map((r) => ({ ...r, expect: [...r.expect, { rule: 'hoso/duoi-dong-tong', key: 'stt', severity: 'warning' as const }] })), ...l.individuals.slice(1)];
  const s = { ...listSheet(body, []), title: [] };
  return [{ ...entry('csv/tong-som.csv', 'a CSV whose total line "Tổng cộng: 2" comes before the individuals: they are still checked, with a warning', { sheets: [withDefects(s, defects)], csv }, defects) }];
}
