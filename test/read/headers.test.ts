import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/read/types.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet, type CompiledColumn } from '../../src/rules/load.js';
import { Evaluator } from '../../src/engine/check.js';
import { grid, gridSource, readRows, tableOptions, type GridCell } from '../support/table.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
const opts = tableOptions(ruleSet);
const columns = [...ruleSet.columns.values()];
const TITLE: GridCell[][] = [['UBND XÃ ĐẮK RUỒNG'], ['DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN NĂM 2025']];

/** The keys (and years) read at each column of the sheet's header, in column order. */
async function keysAt(rows: GridCell[][]): Promise<{ keys: Map<number, string[]>; headerRows?: [number, number]; nominees: number[] }> {
  const { layout, rows: nominees } = await readRows(grid([...TITLE, ...rows]), opts);
  const keys = new Map<number, string[]>();
  for (const c of layout?.columns ?? []) keys.set(c.col, [...(keys.get(c.col) ?? []), c.year === undefined ? c.key : `${c.key} ${c.year}`]);
  return { keys, headerRows: layout?.headerRows, nominees: nominees.map((r) => r.row) };
}

/** Companion columns so that the sheet has a header: an STT and a name, unless the tested column is one of them. */
function companions(keys: string[]): { header: GridCell[]; values: GridCell[] } {
  const header: GridCell[] = [];
  const values: GridCell[] = [];
  if (!keys.includes('stt')) header.push('STT'), values.push(1);
  if (!keys.includes('ten')) header.push('Họ và tên'), values.push('Nguyễn Văn An');
  return { header, values };
}

/** A value the tested column holds in the nominee row: its STT or its name when it is one of those. */
const valueFor = (key: string): GridCell => (key === 'stt' ? 1 : key === 'ten' ? 'Nguyễn Văn An' : 'x');

/** A year column's names with YYYY taken out, and its declared group headers: the texts of a merged group over years. */
function groupHeaders(c: CompiledColumn): string[] {
  return [...new Set([...[c.header, ...c.aliases].map((n) => n.replace(/\s*YYYY\s*/, ' ').trim()), ...c.groupAliases])];
}

describe('every header of every bundled column, read from a generated sheet', () => {
  // No text is declared by two columns today: an alias that starts to take another column's
  // header (the first declared wins) fails here.
  for (const c of columns.filter((x) => !x.year)) {
    it(`reads each name of «${c.header}» as ${c.key}`, async () => {
      for (const name of [c.header, ...c.aliases]) {
        const { header, values } = companions([c.key]);
        const { keys, headerRows, nominees } = await keysAt([
          [...header, name],
          [...values, valueFor(c.key)],
        ]);
        expect(keys.get(header.length + 1), name).toEqual([c.key]);
        expect(headerRows, name).toEqual([3, 3]);
        expect(nominees, name).toEqual([4]);
      }
    });
  }

  for (const c of columns.filter((x) => x.combined.length)) {
    it(`reads each combined header of ${c.key} as ${c.key} and what it also holds`, async () => {
      for (const { headers, also } of c.combined) {
        for (const name of headers) {
          const { header, values } = companions([c.key, ...also]);
          const { keys, nominees } = await keysAt([
            [...header, name],
            [...values, 'Nguyễn Văn An, Hiệu trưởng Trường THCS Đắk Ruồng'],
          ]);
          expect(keys.get(header.length + 1), name).toEqual([c.key, ...also]);
          expect(nominees, name).toEqual([4]);
        }
      }
    });
  }

  for (const c of columns.filter((x) => x.year)) {
    it(`reads «${c.header}» as one header per year, in each of its names`, async () => {
      for (const name of [c.header, ...c.aliases]) {
        // "Xếp loại 2023", "Xếp loại năm 2024" ("Đánh giá năm 2024" where the name has its "năm").
        const texts = [name.replace('YYYY', '2023'), name.replace('YYYY', /năm YYYY/i.test(name) ? '2024' : 'năm 2024'), name.replace('YYYY', '2025')];
        const { keys, nominees } = await keysAt([
          ['STT', 'Họ và tên', ...texts],
          [1, 'Nguyễn Văn An', 'x', 'x', 'x'],
        ]);
        expect([3, 4, 5].map((col) => keys.get(col)), name).toEqual([[`${c.key} 2023`], [`${c.key} 2024`], [`${c.key} 2025`]]);
        expect(nominees, name).toEqual([4]);
      }
    });

    it(`reads «${c.header}» as year sub-headers under each of its group headers`, async () => {
      for (const group of groupHeaders(c)) {
        const { keys, headerRows, nominees } = await keysAt([
          ['STT', 'Họ và tên', group, undefined, undefined, 'Ghi chú'],
          [undefined, undefined, '2023', 'Năm 2024', 2025],
          [1, 'Nguyễn Văn An', 'x', 'x', 'x', 'Không'],
        ]);
        expect([3, 4, 5].map((col) => keys.get(col)), group).toEqual([[`${c.key} 2023`], [`${c.key} 2024`], [`${c.key} 2025`]]);
        expect(keys.get(6), group).toEqual(['ghi_chu']);
        expect(headerRows, group).toEqual([3, 4]);
        expect(nominees, group).toEqual([5]);
      }
    });
  }

  it('has the group headers a dossier writes over its years', () => {
    const groups = (key: string) => groupHeaders(ruleSet.columns.get(key)!);
    expect(groups('xep_loai')).toEqual(expect.arrayContaining(['Xếp loại', 'Đánh giá năm', 'Kết quả đánh giá, xếp loại', 'Xếp loại hoàn thành nhiệm vụ', 'Kết quả đánh giá']));
    expect(groups('gia_dinh_van_hoa')).toEqual(expect.arrayContaining(['Gia đình văn hóa', 'GĐVH']));
    expect(groups('doanh_thu')).toContain('Doanh thu (triệu đồng)');
  });
});

describe('headers as dossiers write them', () => {
  it('reads a group over years whatever the group is named, and the group written before each year', () => {
    const { matcher } = opts;
    expect(matcher.match('Đánh giá năm 2025')).toEqual({ key: 'xep_loai', year: 2025 });
    expect(matcher.match('Kết quả đánh giá 2024')).toEqual({ key: 'xep_loai', year: 2024 });
    expect(matcher.match('Xếp loại hoàn thành nhiệm vụ năm 2024')).toEqual({ key: 'xep_loai', year: 2024 });
    expect(matcher.match('Doanh thu (triệu đồng) Năm 2024')).toEqual({ key: 'doanh_thu', year: 2024 });
    expect(matcher.match('GĐVH 2024')).toEqual({ key: 'gia_dinh_van_hoa', year: 2024 });
  });

  it('still reads what it read before, and still leaves unrelated text and bare groups unread', () => {
    const { matcher } = opts;
    const before: [string, string | undefined, number?][] = [
      ['STT', 'stt'],
      ['Họ và tên', 'ten'],
      ['Tên đơn vị / tập thể', 'ten'],
      ['Đơn vị công tác', 'don_vi'],
      ['Tên đơn vị/tập thể công tác', 'don_vi'],
      ['Chức vụ', 'chuc_vu'],
      ['Năm sinh', 'nam_sinh'],
      ['Ngày, tháng, năm sinh', 'nam_sinh'],
      ['Xếp loại tổ chức đảng', 'xep_loai_dang'],
      ['Xếp loại năm 2023', 'xep_loai', 2023],
      ['Kết quả đánh giá, xếp loại 2024', 'xep_loai', 2024],
      ['Tỷ lệ hộ nghèo năm 2024 (%)', 'ty_le_ho_ngheo', 2024],
      ['Doanh thu 2025 (triệu đồng)', 'doanh_thu', 2025],
      ['Danh hiệu thi đua/Hình thức khen thưởng', 'hinh_thuc'],
      ['Mã hình thức khen thưởng', 'hinh_thuc'],
      ['Xếp loại', undefined],
      ['Đánh giá', undefined],
      ['Kết quả đánh giá', undefined],
      ['Gia đình văn hóa', undefined],
      ['2024', undefined],
      ['Năm 2024', undefined],
      ['Mã Lĩnh vực hoạt động', undefined],
      // The commendation system's title-code column, read since the Law's pack declares it.
      ['Mã Danh hiệu thi đua', 'danh_hieu'],
      ['Mã danh hiệu thi đua (nếu có)', 'danh_hieu'],
      ['Tên phòng ban/ khối, tổ công tác', undefined],
      ['Tên gọi (Ông/Bà/Chức danh)', undefined],
      ['Chức vụ, đơn vị công tác 2024', undefined],
    ];
    for (const [text, key, year] of before) expect(matcher.match(text)?.key, text).toBe(key);
    for (const [text, key, year] of before) if (key) expect(matcher.match(text)?.year, text).toBe(year);
  });

  it('reads a header of three rows: a group over a group over the years', async () => {
    const { keys, headerRows, nominees } = await keysAt([
      ['STT', 'Họ và tên', 'Đơn vị', 'Kết quả đánh giá, xếp loại', undefined, undefined],
      [undefined, undefined, undefined, 'Xếp loại hoàn thành nhiệm vụ'],
      [undefined, undefined, undefined, 2023, 2024, 2025],
      [1, 'Nguyễn Văn An', 'UBND xã', 'HTXSNV', 'HTXSNV', 'HTTNV'],
    ]);
    expect([...keys.values()]).toEqual([['stt'], ['ten'], ['don_vi'], ['xep_loai 2023'], ['xep_loai 2024'], ['xep_loai 2025']]);
    expect(headerRows).toEqual([3, 5]);
    expect(nominees).toEqual([6]);
  });

  it('keeps a title line of two cells over a two-row header in the title, and a numbering row out of the header', async () => {
    const rows = grid([
      ['UBND XÃ ĐẮK RUỒNG', undefined, undefined, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['STT', 'Họ và tên', 'Đơn vị', 'Xếp loại', undefined, undefined],
      [undefined, undefined, undefined, '2023', '2024', '2025'],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      [1, 'Nguyễn Văn An', 'UBND xã', 'HTXSNV', 'HTXSNV', 'HTTNV'],
    ]);
    const { layout, rows: nominees } = await readRows(rows, opts);
    expect(layout?.headerRows).toEqual([2, 3]);
    expect(layout?.title.map((t) => t.text)).toEqual(['UBND XÃ ĐẮK RUỒNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(nominees.map((r) => r.row)).toEqual([5]);
  });

  it('gives a combined column only the keys the sheet has no column of its own for', async () => {
    const own = await keysAt([
      ['STT', 'Họ và tên, chức vụ, đơn vị công tác', 'Đơn vị'],
      [1, 'Nguyễn Văn An, Hiệu trưởng', 'Trường THCS Đắk Ruồng'],
    ]);
    expect([...own.keys.values()]).toEqual([['stt'], ['ten', 'chuc_vu'], ['don_vi']]);
    const positionFirst = await keysAt([
      ['STT', 'Chức vụ, đơn vị công tác', 'Họ và tên', 'Chức vụ'],
      [1, 'Trường THCS Đắk Ruồng', 'Nguyễn Văn An', 'Hiệu trưởng'],
    ]);
    expect([...positionFirst.keys.values()]).toEqual([['stt'], ['don_vi'], ['ten'], ['chuc_vu']]);
  });

  it('does not take a group row for a nominee when the name column holds the unit too', async () => {
    const { nominees } = await keysAt([
      ['STT', 'Họ và tên, chức vụ, đơn vị công tác', 'Thành tích'],
      ['I', 'CÁ NHÂN'],
      [1, 'Nguyễn Văn An, Hiệu trưởng Trường THCS Đắk Ruồng', 'Có 2 sáng kiến cấp huyện'],
    ]);
    expect(nominees).toEqual([5]);
  });

  it("reads the existing system's templates: the collective's name in TAPTHE, the individual's unit in CANHAN", async () => {
    const canhan = await keysAt([
      ['STT', 'Họ và tên', 'Giới tính (NAM/NU)', 'Ngày sinh', 'Chức vụ', 'Tên phòng ban/khối, tổ công tác', 'Tên đơn vị/tập thể công tác', 'Địa chỉ / Nơi ở', 'Mã phân loại cán bộ', 'Mã hình thức khen thưởng', 'Mã danh hiệu thi đua (nếu có)'],
      [1, 'Nguyễn Văn An', 'NAM', '01/01/1980', 'Hiệu trưởng', 'Tổ Toán', 'Trường THCS Đắk Ruồng', 'Thôn 1', '1660638976', '1650360499'],
    ]);
    expect(Object.fromEntries(canhan.keys)).toEqual({ 1: ['stt'], 2: ['ten'], 3: ['gioi_tinh'], 4: ['nam_sinh'], 5: ['chuc_vu'], 7: ['don_vi'], 9: ['phan_loai_doi_tuong'], 10: ['hinh_thuc'], 11: ['danh_hieu'] });
    const tapthe = await keysAt([
      ['STT', 'Tên đơn vị / tập thể', 'Mã phân loại tập thể', 'Mã hình thức khen thưởng', 'Mã danh hiệu thi đua'],
      [1, 'Trường THCS Đắk Ruồng', '1668477403', '1650360499'],
    ]);
    expect(Object.fromEntries(tapthe.keys)).toEqual({ 1: ['stt'], 2: ['ten'], 3: ['phan_loai_doi_tuong'], 4: ['hinh_thuc'], 5: ['danh_hieu'] });
    const nhandulieu = await keysAt([
      ['STT', 'Phân loại khen thưởng', 'Tên tập thể/cá nhân/hộ gia đình', 'Chức vụ', 'Đơn vị công tác', 'Danh hiệu thi đua/Hình thức khen thưởng', 'Phân loại đối tượng', 'Lĩnh vực hoạt động'],
      [1, 'CANHAN', 'Nguyễn Văn An', 'Hiệu trưởng', 'Trường THCS Đắk Ruồng', 'Giấy khen', 'Đối tượng khác', 'Giáo dục - Đào tạo'],
    ]);
    expect([...nhandulieu.keys.values()].flat()).toEqual(['stt', 'loai', 'ten', 'chuc_vu', 'don_vi', 'hinh_thuc', 'phan_loai_doi_tuong', 'linh_vuc']);
  });
});

/** The findings of one sheet checked by the engine with the bundled rules, as "ruleId column+row". */
async function findings(rows: GridCell[][]): Promise<string[]> {
  const evaluator = new Evaluator({ ruleSet, profiles: [], lang: 'vi' });
  const sheet: RawRow[] = grid([...TITLE, ...rows]);
  await evaluator.checkSource('ho-so.xlsx', gridSource(sheet));
  evaluator.end();
  return evaluator.findings.map((f) => `${f.ruleId} ${f.column ?? ''}${f.row ?? ''}`);
}

describe('findings that depended on a header being read', () => {
  const person = [1, 'Nguyễn Văn An', 'Cá nhân', 'Giáo dục', 'Trường THCS Đắk Ruồng', 'Chủ trì 2 chuyên đề đổi mới phương pháp dạy học cấp huyện'];
  const head = ['STT', 'Họ và tên', 'Đối tượng', 'Lĩnh vực', 'Đơn vị công tác', 'Tóm tắt thành tích'];

  it('judges a cadre rated HTTNV under "Đánh giá năm 2025" on the rating, not as a worker', async () => {
    const found = await findings([
      [...head, 'Đánh giá năm 2023', 'Đánh giá năm 2024', 'Đánh giá năm 2025'],
      [...person, 'HTXSNV', 'HTXSNV', 'HTTNV'],
    ]);
    expect(found).toContain('ca-nhan/htxsnv-hang-nam I4');
    expect(found.filter((f) => f.startsWith('ca-nhan/gia-dinh-van-hoa'))).toEqual([]);
    const excellent = await findings([
      [...head, 'Đánh giá năm 2023', 'Đánh giá năm 2024', 'Đánh giá năm 2025'],
      [...person, 'HTXSNV', 'HTXSNV', 'HTXSNV'],
    ]);
    expect(excellent.filter((f) => f.startsWith('ca-nhan/'))).toEqual([]);
  });

  it('judges the rating under a group "Xếp loại hoàn thành nhiệm vụ" over the years', async () => {
    const found = await findings([
      [...head, 'Xếp loại hoàn thành nhiệm vụ', undefined, undefined],
      [undefined, undefined, undefined, undefined, undefined, undefined, '2023', '2024', '2025'],
      [...person, 'HTXSNV', 'HTTNV', 'HTXSNV'],
    ]);
    expect(found.filter((f) => f.startsWith('ca-nhan/'))).toEqual(['ca-nhan/htxsnv-hang-nam H5']);
  });

  it('finds the unit in "Chức vụ, đơn vị công tác", and still says when a row leaves it empty', async () => {
    const found = await findings([
      ['STT', 'Họ và tên', 'Đối tượng', 'Lĩnh vực', 'Chức vụ, đơn vị công tác', 'Tóm tắt thành tích'],
      [1, 'Nguyễn Văn An', 'Cá nhân', 'Giáo dục', 'Hiệu trưởng, Trường THCS Đắk Ruồng', 'Chủ trì 2 chuyên đề đổi mới phương pháp dạy học cấp huyện'],
      [2, 'Trần Thị Bình', 'Cá nhân', 'Giáo dục', undefined, 'Giáo viên dạy giỏi cấp tỉnh năm học 2024-2025, có 1 sáng kiến'],
    ]);
    expect(found.filter((f) => f.startsWith('chung/don-vi'))).toEqual(['chung/don-vi E5']);
  });

  it('finds the name and the unit in "Họ và tên, chức vụ, đơn vị công tác"', async () => {
    const found = await findings([
      ['STT', 'Họ và tên, chức vụ, đơn vị công tác', 'Đối tượng', 'Lĩnh vực', 'Tóm tắt thành tích'],
      [1, 'Nguyễn Văn An, Hiệu trưởng Trường THCS Đắk Ruồng', 'Cá nhân', 'Giáo dục', 'Chủ trì 2 chuyên đề đổi mới phương pháp dạy học cấp huyện'],
    ]);
    expect(found.filter((f) => /^chung\/(ten|don-vi)/.test(f))).toEqual([]);
    expect(found.length).toBeGreaterThan(0);
  });
});
