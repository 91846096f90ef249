import { describe, expect, it } from 'vitest';
import { HeaderMatcher, isFooterText, isPlaceAndDate, kindFromText } from '../../src/read/table.js';
import type { MergeRange, RawCell, RawRow } from '../../src/read/types.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { grid, readRows, tableOptions } from '../support/table.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
const { matcher, vocab } = tableOptions(ruleSet);

function read(rows: RawRow[], hint?: string, merges: MergeRange[] = []) {
  return readRows(rows, { ...tableOptions(ruleSet, merges), matcher }, hint);
}

describe('header matching', () => {
  it('matches headers and aliases whatever their case, accents, breaks or units', () => {
    expect(matcher.match('HỌ VÀ\nTÊN')).toEqual({ key: 'ten' });
    expect(matcher.match('Ho va ten')).toEqual({ key: 'ten' });
    expect(matcher.match('Đơn vị công tác'.normalize('NFD'))).toEqual({ key: 'don_vi' });
    expect(matcher.match('Tỷ lệ cán bộ, đảng viên nêu gương (%)')).toEqual({ key: 'ty_le_neu_guong' });
  });
  it('reads year columns with or without "năm" and a unit', () => {
    expect(matcher.match('Xếp loại 2024')).toEqual({ key: 'xep_loai', year: 2024 });
    expect(matcher.match('Xếp loại năm 2023')).toEqual({ key: 'xep_loai', year: 2023 });
    expect(matcher.match('Doanh thu 2025 (triệu đồng)')).toEqual({ key: 'doanh_thu', year: 2025 });
    expect(matcher.match('Doanh thu 2025')).toEqual({ key: 'doanh_thu', year: 2025 });
  });
  it('does not match unrelated text', () => {
    expect(matcher.match('Mã Lĩnh vực hoạt động')).toBeUndefined();
    expect(matcher.match('Xếp loại')).toBeUndefined();
  });
  it('gives the same answers from its memory of texts, before and after it is full and forgotten', () => {
    const texts = ['HỌ VÀ\nTÊN', 'Xếp loại năm 2023', 'Doanh thu 2025 (triệu đồng)', 'Xếp loại', `Tỷ lệ cán bộ, đảng viên nêu gương (${'rất '.repeat(40)}dài)`, 'Tỷ lệ cán bộ, đảng viên nêu gương (%)'];
    const fresh = new HeaderMatcher([...ruleSet.columns.values()]);
    const first = texts.map((t) => fresh.match(t));
    expect(first).toEqual([{ key: 'ten' }, { key: 'xep_loai', year: 2023 }, { key: 'doanh_thu', year: 2025 }, undefined, { key: 'ty_le_neu_guong' }, { key: 'ty_le_neu_guong' }]);
    expect(texts.map((t) => fresh.match(t))).toEqual(first);
    for (let i = 0; i < 5000; i++) fresh.match(`Nguyễn Văn ${i}`);
    expect(texts.map((t) => fresh.match(t))).toEqual(first);
  });
  it('matches every declared header and alias, the longest too, and year columns with "năm"', () => {
    const fresh = new HeaderMatcher([...ruleSet.columns.values()]);
    for (const c of ruleSet.columns.values()) {
      for (const name of [c.header, ...c.aliases]) {
        const m = fresh.match(c.year ? name.replace('YYYY', 'năm 2024') : name);
        expect(m, name).toBeDefined();
        // An alias may be another column's too: the first column declared takes it.
        if (name === c.header) expect(m, name).toEqual(c.year ? { key: c.key, year: 2024 } : { key: c.key });
      }
    }
  });
});

describe('finding the table', () => {
  const title = [
    ['UBND XÃ ĐẮK RUỒNG', undefined, undefined, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    [undefined, undefined, undefined, 'Độc lập - Tự do - Hạnh phúc'],
    ['DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN NĂM 2025'],
  ];

  it('lays out a header the same whatever order its cells come in, and a cell given twice as its last value', async () => {
    const sheet = grid([
      ...title,
      ['STT', 'Họ và tên', 'Đơn vị', 'Xếp loại', undefined, undefined, 'Chức vụ', 'Mã Lĩnh vực hoạt động'],
      [undefined, undefined, undefined, '2023', '2024', '2025', undefined, 'Mã số'],
      [1, 'Nguyễn Văn An', 'UBND xã', 'HTXSNV', 'HTXSNV', 'HTTNV'],
    ]);
    const header = async (rows: RawRow[]) => {
      const { layout } = await read(rows);
      return layout && { headerRows: layout.headerRows, columns: layout.columns, unmatched: layout.unmatched };
    };
    const expected = await header(sheet);
    expect(expected?.columns.map((c) => [c.key, c.year ?? null])).toContainEqual(['xep_loai', 2025]);
    expect(expected?.unmatched.length).toBeGreaterThan(0);
    expect(await header(sheet.map((r) => ({ ...r, cells: [...r.cells].reverse() })))).toEqual(expected);
    // The header's first cell given twice, a stray value and then its own: the last one counts.
    const twice = (at: (cells: RawCell[]) => RawCell[]) => sheet.map((r, i) => (i === 3 ? { ...r, cells: at(r.cells) } : r));
    expect(await header(twice((cells) => [{ ...cells[0], v: 'Ghi chú' }, ...cells]))).toEqual(expected);
    expect(await header(twice((cells) => [{ ...cells[0], v: 'Ghi chú' }, ...cells.slice(1), cells[0]]))).toEqual(expected);
  });

  it('reads a two-row merged header as "Xếp loại 2024" under a title block, skipping the numbering row', async () => {
    const { layout, rows } = await read(
      grid([
        ...title,
        ['STT', 'Họ và tên', 'Đơn vị', 'Xếp loại', undefined, undefined, 'Ghi chú'],
        [undefined, undefined, undefined, '2023', '2024', '2025'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
        [1, 'Nguyễn Văn An', 'UBND xã', 'HTXSNV', 'HTXSNV', 'HTTNV'],
      ]),
    );
    expect(layout?.headerRows).toEqual([4, 5]);
    expect(layout?.columns.map((c) => [c.key, c.year ?? null, c.col])).toEqual([
      ['stt', null, 1],
      ['ten', null, 2],
      ['don_vi', null, 3],
      ['xep_loai', 2023, 4],
      ['xep_loai', 2024, 5],
      ['xep_loai', 2025, 6],
      ['ghi_chu', null, 7],
    ]);
    expect(layout?.title).toContainEqual({ row: 1, col: 1, text: 'UBND XÃ ĐẮK RUỒNG' });
    expect(rows.map((r) => r.row)).toEqual([7]);
  });

  it('passes over group rows, the total line and the signature block, taking the kind from group rows', async () => {
    const { rows } = await read(
      grid([
        ['STT', 'Họ và tên', 'Đơn vị', 'Thành tích'],
        ['I', 'TẬP THỂ'],
        [1, 'Trường THCS Đắk Ruồng', 'Xã Đắk Ruồng', 'Đạt chuẩn quốc gia mức 2'],
        ['II', 'CÁ NHÂN'],
        [2, 'Công an viên Trần Văn Bình', 'Công an xã', 'Bắt giữ 3 đối tượng trộm cắp'],
        ['Tổng cộng: 2'],
        [undefined, 'Đắk Ruồng, ngày 15 tháng 8 năm 2025'],
        [undefined, 'NGƯỜI LẬP BIỂU', undefined, 'THỦ TRƯỞNG ĐƠN VỊ'],
        [undefined, 'Nguyễn Thị Hoa', undefined, 'Lê Văn Minh'],
      ]),
    );
    expect(rows.map((r) => [r.row, r.kindHint])).toEqual([
      [3, 'tap-the'],
      [5, 'ca-nhan'],
    ]);
  });

  it('keeps "Công an xã …" as a nominee: "Cộng" is a total only alone or before a number', () => {
    expect(isFooterText('Cộng', vocab.total)).toBe(true);
    expect(isFooterText('Cộng: 6', vocab.total)).toBe(true);
    expect(isFooterText('Tổng cộng 6 tập thể', vocab.total)).toBe(true);
    expect(isFooterText('Công an xã Đắk Ruồng', vocab.total)).toBe(false);
    expect(isFooterText('Cộng đồng dân cư thôn 3', vocab.total)).toBe(false);
    expect(isFooterText('NGƯỜI LẬP BIỂU', vocab.footer)).toBe(true);
  });

  it('tells the place-and-date line from a decision that carries a date', () => {
    expect(isPlaceAndDate('Đắk Ruồng, ngày 15 tháng 8 năm 2025')).toBe(true);
    expect(isPlaceAndDate('Ngày 15 tháng 8 năm 2025')).toBe(true);
    expect(isPlaceAndDate('Kon Tum, ngày … tháng … năm 2025')).toBe(true);
    expect(isPlaceAndDate('QĐ 12, ngày 15 tháng 8 năm 2025')).toBe(false);
    expect(isPlaceAndDate('Quyết định số 12/QĐ-UBND ngày 15 tháng 8 năm 2025')).toBe(false);
    expect(isPlaceAndDate('Số 05/TTr-UBND, ngày 1 tháng 7 năm 2025')).toBe(false);
    expect(isPlaceAndDate('Nguyễn Văn An')).toBe(false);
  });

  it('is no table when no row has a name column and another known column', async () => {
    const { layout, rows } = await read(grid([['STT', 'Mã số', 'Hình thức khen thưởng'], [1, '1650359884', 'Huân chương Sao vàng']]));
    expect(layout).toBeUndefined();
    expect(rows).toEqual([]);
  });

  it('skips prepared rows that hold only formulas, but keeps a numbered row with data and no name', async () => {
    const rows = grid([['STT', 'Họ và tên', 'Đơn vị', 'Thành tích'], [], [2, undefined, 'UBND xã', 'Có 2 sáng kiến']]);
    rows[1] = { row: 2, cells: [{ t: 'e', v: '#N/A', col: 5, formula: true }] };
    const { rows: nominees } = await read(rows);
    expect(nominees.map((r) => r.row)).toEqual([3]);
  });

  it('gives a unit merged down over three teachers to each of them, but does not spread a group row across', async () => {
    const { rows } = await read(
      grid([
        ['STT', 'Họ và tên', 'Đơn vị', 'Thành tích'],
        ['I. CÁ NHÂN'],
        [1, 'Y Thanh', 'Trường TH Đắk Ruồng', 'Giáo viên dạy giỏi cấp huyện'],
        [2, 'Đinh Thị Hiền', undefined, 'Phụ trách lớp ghép hai trình độ'],
        [3, 'A Tuấn', undefined, 'Vận động 8 học sinh trở lại lớp'],
        [4, 'Lê Văn Minh', undefined, 'Tổ trưởng chuyên môn'],
      ]),
      undefined,
      [
        { r1: 2, c1: 1, r2: 2, c2: 4 },
        { r1: 3, c1: 3, r2: 5, c2: 3 },
      ],
    );
    const unit = (r: (typeof rows)[number]) => {
      const c = r.cells.find((cell) => cell.col === 3);
      return c?.t === 's' ? c.v : null;
    };
    expect(rows.map((r) => [r.row, unit(r), r.kindHint])).toEqual([
      [3, 'Trường TH Đắk Ruồng', 'ca-nhan'],
      [4, 'Trường TH Đắk Ruồng', 'ca-nhan'],
      [5, 'Trường TH Đắk Ruồng', 'ca-nhan'],
      [6, null, 'ca-nhan'],
    ]);
  });

  it('names a kind only when the text names exactly one', () => {
    expect(kindFromText('DANH SÁCH CÁ NHÂN ĐỀ NGHỊ', vocab)).toBe('ca-nhan');
    expect(kindFromText('CANHAN', vocab)).toBe('ca-nhan');
    expect(kindFromText('DANH SÁCH TẬP THỂ, CÁ NHÂN', vocab)).toBeUndefined();
  });
});

describe('legacy encodings', () => {
  it('reads a sheet typed in TCVN3 (.VnTime) as Unicode, marking each converted cell', async () => {
    const { layout, rows } = await read(
      grid([
        ['UBND X· §¾K RUåNG'],
        ['STT', 'Hä vµ tªn', '§¬n vÞ', '§èi t­îng'],
        [1, 'NguyÔn V¨n An', 'UBND x· §¾k Ruång', 'C¸ nh©n'],
      ]),
    );
    expect(layout?.columns.map((c) => c.key)).toEqual(['stt', 'ten', 'don_vi', 'loai']);
    expect(layout?.title[0].text).toBe('UBND XÃ ĐẮK RUỒNG');
    const cells = [...rows[0].cells.values()].filter((c) => c.t === 's');
    expect(cells.map((c) => (c.t === 's' ? [c.v, c.legacy] : []))).toEqual([
      ['Nguyễn Văn An', 'tcvn3'],
      ['UBND xã Đắk Ruồng', 'tcvn3'],
      ['Cá nhân', 'tcvn3'],
    ]);
  });

  it('leaves Unicode Vietnamese alone, even where its letters are Latin-1 ones', async () => {
    const { rows } = await read(grid([['STT', 'Họ và tên', 'Đơn vị', 'Lao động trực tiếp'], [1, 'Hà Thị Tú', 'Thôn Kon Keng', 'Có']]));
    const cells = [...rows[0].cells.values()].filter((c) => c.t === 's');
    expect(cells.map((c) => (c.t === 's' ? [c.v, c.legacy ?? null] : []))).toEqual([
      ['Hà Thị Tú', null],
      ['Thôn Kon Keng', null],
      ['Có', null],
    ]);
  });
});
