import { describe, expect, it } from 'vitest';
import { compareValues } from '../../src/operators/compare.js';
import { operators } from '../../src/operators/index.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet, type RuleSet } from '../../src/rules/load.js';
import { Evaluator } from '../../src/engine/check.js';
import { sourceOf } from '../support/examples.js';
import { schemas, type ExampleRow } from '../../src/rules/schema.js';

const base = loadRuleSet(expandPackPaths([bundledRulesDir()]));

/** A rule set of the bundled columns and exactly one rule. */
function only(check: string, options: Record<string, unknown>, extra: Partial<{ when: object; period: { from: number; to: number } }> = {}): RuleSet {
  const op = operators[check];
  return {
    ...base,
    rules: [
      {
        rule: { id: 'thu/quy-tac', title: 'Thử', severity: 'error', check, with: options, source: 'test', tags: [], examples: { valid: [], invalid: [] }, ...extra } as never,
        operator: op,
        options: op.options(schemas()).parse(options),
        period: extra.period,
        pack: 'thu',
        file: 'thu.yaml',
      },
    ],
  };
}

async function run(ruleSet: RuleSet, ...files: ExampleRow[][]) {
  const ev = new Evaluator({ ruleSet, profiles: [], lang: 'vi' });
  for (let i = 0; i < files.length; i++) await ev.checkSource(`f${i + 1}.xlsx`, sourceOf(ruleSet, files[i]));
  ev.end();
  return ev.findings.map((f) => (f.row ? `${f.file}!${f.column}${f.row}` : `${f.file}[${f.group}]`) + ` ${f.message}`);
}

const r = (ten: string, more: ExampleRow = {}): ExampleRow => ({ stt: 1, ten, loai: 'Cá nhân', don_vi: 'UBND xã', ...more });

describe('compareValues', () => {
  it('compares numbers, folds text and enum ids, reads yes/no words', () => {
    expect(compareValues(75, '>', 70)).toBe(true);
    expect(compareValues(70, '>', 70)).toBe(false);
    expect(compareValues(70, '>=', 70)).toBe(true);
    expect(compareValues('Dạy tốt - Học tốt', '=', 'DẠY TỐT HỌC TỐT')).toBe(true);
    expect(compareValues(true, '=', 'yes')).toBe(true);
    expect(compareValues(false, '!=', true)).toBe(true);
    expect(compareValues('abc', '>', 1)).toBe(false);
  });
});

describe('operators on real rows', () => {
  it('required: an error at the empty cell, or one for a sheet without the column', async () => {
    const set = only('required', { column: 'thanh_tich' });
    expect(await run(set, [r('A', { thanh_tich: 'Hoàn thành xuất sắc nhiệm vụ năm 2025' }), r('B', { thanh_tich: null })])).toEqual(['f1.xlsx!E3 Thiếu «Tóm tắt thành tích».']);
    expect(await run(set, [r('A'), r('B')])).toEqual(['f1.xlsx[f1] Trang tính không có cột bắt buộc «Tóm tắt thành tích».']);
  });

  it('compare: a value, an empty cell, an unreadable cell left to the type rule', async () => {
    const set = only('compare', { column: 'ty_le_neu_guong', op: '>', value: 70 });
    expect(await run(set, [r('A', { ty_le_neu_guong: '71%' }), r('B', { ty_le_neu_guong: 70 }), r('C', { ty_le_neu_guong: null }), r('D', { ty_le_neu_guong: 'nhiều' })])).toEqual([
      'f1.xlsx!E3 «Tỷ lệ cán bộ, đảng viên nêu gương» phải lớn hơn 70 (đang là «70»).',
      'f1.xlsx!E4 «Tỷ lệ cán bộ, đảng viên nêu gương» để trống: chưa chứng minh được tiêu chí (lớn hơn 70).',
    ]);
  });

  it('compare: with another column of the row', async () => {
    const set = only('compare', { column: 'so_ho_so_tre_han', op: '<=', other: 'so_ho_so_ton_dong' });
    expect(await run(set, [r('A', { so_ho_so_tre_han: 1, so_ho_so_ton_dong: 2 }), r('B', { so_ho_so_tre_han: 3, so_ho_so_ton_dong: 2 })])).toEqual([
      'f1.xlsx!E3 «Số hồ sơ trễ hạn» phải không quá «Số hồ sơ tồn đọng» (đang là «3»).',
    ]);
  });

  it('every-year: each year cell of the period, and a warning for a year with no column', async () => {
    const set = only('every-year', { column: 'xep_loai', value: 'htxsnv' }, { period: { from: 2023, to: 2025 } });
    expect(await run(set, [r('A', { xep_loai_2023: 'HTXSNV', xep_loai_2024: 'HTTNV' }), r('B', { xep_loai_2023: null, xep_loai_2024: 'HTXSNV' })])).toEqual([
      'f1.xlsx[f1] Trang tính không có cột «Xếp loại 2025» (năm 2025 thuộc giai đoạn 2023–2025): không kiểm tra được năm này.',
      'f1.xlsx!F2 «Xếp loại 2024» phải là «Hoàn thành xuất sắc nhiệm vụ» (đang là «HTTNV»).',
      'f1.xlsx!E3 «Xếp loại 2023» để trống: chưa chứng minh được tiêu chí (là «Hoàn thành xuất sắc nhiệm vụ»).',
    ]);
  });

  it('trend: a figure that does not rise from one year to the next', async () => {
    const set = only('trend', { column: 'doanh_thu', direction: 'rises' });
    expect(await run(set, [r('A', { doanh_thu_2023: 100, doanh_thu_2024: '120,5', doanh_thu_2025: 120 })])).toEqual([
      'f1.xlsx!G2 «Doanh thu» phải tăng qua từng năm: năm 2025 là 120, năm 2024 là 120,5.',
    ]);
  });

  it('text-quality: placeholders and summaries too short', async () => {
    const set = only('text-quality', { column: 'thanh_tich', 'min-length': 20, placeholders: ['như trên', 'x'] });
    expect(await run(set, [r('A', { thanh_tich: 'Như  trên' }), r('B', { thanh_tich: 'Tốt' }), r('C', { thanh_tich: 'Có 3 sáng kiến cấp huyện được công nhận' })])).toEqual([
      'f1.xlsx!E2 «Tóm tắt thành tích» chỉ ghi «Như trên»: cần tóm tắt thành tích thực.',
      'f1.xlsx!E3 «Tóm tắt thành tích» quá ngắn (3 ký tự, cần ít nhất 20): «Tốt».',
    ]);
  });

  it('unique: both listings of a nominee across two files', async () => {
    const set = only('unique', { columns: ['ten', 'loai', 'don_vi'], scope: 'all' });
    expect(await run(set, [r('Nguyễn Văn An')], [r('NGUYỄN  VĂN AN'.normalize('NFD'))])).toEqual([
      'f1.xlsx!B2 «Nguyễn Văn An» được đề nghị 2 lần; các chỗ khác: f2.xlsx › Danh sách!B2.',
      'f2.xlsx!B2 «Nguyễn Văn An» được đề nghị 2 lần; các chỗ khác: f1.xlsx › Danh sách!B2.',
    ]);
  });

  it('count: a minimum per unit, and a maximum across every file naming the files', async () => {
    const min = only('count', { by: 'unit', where: { loai: 'tap-the' }, min: 1, label: 'tập thể' });
    expect(await run(min, [r('A')])).toEqual(['f1.xlsx[f1] f1: có 0 tập thể, cần ít nhất 1.']);
    const max = only('count', { by: 'all', scope: 'all', max: 2, label: 'điển hình' });
    expect(await run(max, [r('A'), r('B')], [r('C')])).toEqual(['f1.xlsx[điển hình] điển hình: có 3 điển hình, vượt mức tối đa 2. Gồm: f1.xlsx; f2.xlsx.']);
  });

  it('renamed: the old name of a movement gets the new one', async () => {
    const set = only('renamed', { column: 'phong_trao', names: [{ old: 'Vì một Hưng Yên không còn đói nghèo', new: 'Vì người nghèo' }] });
    expect(await run(set, [r('A', { phong_trao: 'vì một hưng yên không còn đói nghèo' })])).toEqual(['f1.xlsx!E2 «vì một hưng yên không còn đói nghèo» đã đổi tên thành «Vì người nghèo».']);
  });

  it('error-cell: a formula error in a nominee row', async () => {
    const set = only('error-cell', {});
    expect(await run(set, [r('A', { so_sang_kien: '#REF!' })])).toEqual(['f1.xlsx!E2 Ô «Số sáng kiến» có lỗi công thức #REF!: giá trị không đọc được.']);
  });
});

describe('pattern', () => {
  it('reports a cell that does not match, and one too long to match, never trying it', async () => {
    const set = only('pattern', { column: 'ghi_chu', regex: '^QĐ số \\d+/QĐ-UBND$', label: 'số quyết định', 'max-length': 40 });
    expect(await run(set, [r('A', { ghi_chu: 'QĐ số 123/QĐ-UBND' }), r('B', { ghi_chu: 'QĐ 123' }), r('C', { ghi_chu: 'a'.repeat(50_000) })])).toEqual([
      'f1.xlsx!E3 «Ghi chú» không đúng dạng số quyết định: «QĐ 123».',
      `f1.xlsx!E4 «Ghi chú» dài 50000 ký tự, quá 40 để so với dạng số quyết định.`,
    ]);
  });

  // Each of these passed the old load-time check and then ran for hours (a backtracking engine on a
  // near-miss of 46 characters); matched in linear time, each answers at once. The test timeout is the bound.
  const hostile: [string, string][] = [
    ['^(a|a)*$', 'a'],
    ['^((a+))+$', 'a'],
    ['^(\\w|\\d)*$', '1'],
    ['^(a|aa)*$', 'a'],
    ['^(a?){40}a{40}$', 'a'],
  ];
  for (const [regex, ch] of hostile) {
    it(`matches ${regex} on a 46-character near-miss in bounded time, with the right verdict`, async () => {
      const set = only('pattern', { column: 'ghi_chu', regex, label: 'mã' });
      const miss = ch.repeat(45) + '!';
      const hit = ch.repeat(46);
      const long = ch.repeat(499) + '!';
      expect(await run(set, [r('A', { ghi_chu: hit }), r('B', { ghi_chu: miss }), r('C', { ghi_chu: long })])).toEqual([
        `f1.xlsx!E3 «Ghi chú» không đúng dạng mã: «${miss}».`,
        `f1.xlsx!E4 «Ghi chú» không đúng dạng mã: «${long}».`,
      ]);
    }, 10_000);
  }

  it('keeps JavaScript\'s meaning of \\s, ., \\u escapes and case-insensitive Vietnamese letters', async () => {
    const cases: [string, string, string[], string[]][] = [
      // A no-break space (pasted from the web into Excel) is a space, as in JavaScript; RE2's own \s is ASCII only.
      ['^QĐ\\s\\d+$', '', ['QĐ\u00a012', 'QĐ 12'], ['QĐ12', 'QĐ-12']],
      ['^.{3}$', '', ['ấ😀x'], ['ab', 'abcd']],
      ['^\\u0110[\\S]+$', 'i', ['đội', 'ĐỘI'], ['Đ i', 'Dội']],
      ['^ỦY BAN', 'i', ['ủy ban nhân dân', 'ỦY BAN'], ['Uy ban']],
      ['^[^]$', '', ['x'], ['ab']],
    ];
    for (const [regex, flags, valid, invalid] of cases) {
      const set = only('pattern', { column: 'ghi_chu', regex, flags, label: 'mã' });
      const rows = [...valid, ...invalid].map((v) => r('A', { ghi_chu: v }));
      const failed = (await run(set, rows)).map((m) => Number(/^f1\.xlsx!E(\d+)/.exec(m)![1]) - 2);
      expect(failed, regex).toEqual(invalid.map((_, i) => valid.length + i));
    }
  });
});

describe('unique, on a name pasted into thousands of rows', () => {
  it('reports the first hundred listings, each naming at most twenty others, with the full count', async () => {
    const set = only('unique', { columns: ['ten', 'loai', 'don_vi'], scope: 'all' });
    const rows = Array.from({ length: 5000 }, () => r('Nguyễn Văn An'));
    const ev = new Evaluator({ ruleSet: set, profiles: [], lang: 'vi' });
    await ev.checkSource('f1.xlsx', sourceOf(set, rows));
    ev.end();
    expect(ev.findings).toHaveLength(100);
    expect(ev.findings.every((f) => (f.related?.length ?? 0) <= 20)).toBe(true);
    expect(ev.findings[0].message).toMatch(/5000 lần/);
  });
});
