/** Matching findings with reviewed suppressions (engine/suppressions.ts), on findings made by hand. */
import { describe, expect, it } from 'vitest';
import { applySuppressions, merged, pruned, staleCount, suppressAll, type Suppression } from '../../src/engine/suppressions.js';
import type { Finding } from '../../src/engine/types.js';

const asIs = (file: string) => file;

const at = (row: number, nominee: string, more: Partial<Finding> = {}): Finding => ({
  ruleId: 'chung/thanh-tich-thuc-chat',
  severity: 'error',
  message: '«Tóm tắt thành tích» chỉ ghi «x».',
  file: 'xa.xlsx',
  sheet: 'Danh sách',
  row,
  column: 'M',
  value: 'x',
  source: '002 §IV.1.đ',
  nominee,
  unit: 'UBND XÃ A',
  ...more,
});
const quota: Finding = { ruleId: 'binh-dinh/xa/so-luong', severity: 'warning', message: 'vượt 5', file: 'xa.xlsx', group: 'UBND XÃ A', source: '002' };
const entry = (nominee: string, more: Partial<Suppression> = {}): Suppression => ({
  ruleId: 'chung/thanh-tich-thuc-chat',
  file: 'xa.xlsx',
  sheet: 'Danh sách',
  nominee,
  unit: 'UBND XÃ A',
  column: 'M',
  count: 1,
  reason: 'đã duyệt',
  ...more,
});

describe('applySuppressions', () => {
  it('accepts a nominee’s finding whatever its row, keeps the others in their order, and gives each accepted one its reason', () => {
    const findings = [quota, at(9, 'Lê Văn B'), at(12, 'Nguyễn Văn An'), at(14, 'Trần C')];
    const out = applySuppressions(findings, [entry('Nguyễn Văn An')], asIs);
    expect(out.findings).toEqual([quota, at(9, 'Lê Văn B'), at(14, 'Trần C')]);
    expect(out.suppressed).toEqual([{ ...at(12, 'Nguyễn Văn An'), reason: 'đã duyệt' }]);
    expect(out.seen).toEqual([1]);
  });

  it('compares names and units case and spacing aside, but not their diacritics', () => {
    const loose = applySuppressions([at(9, 'NGUYỄN  VĂN AN', { unit: 'ubnd xã a' })], [entry('Nguyễn Văn An')], asIs);
    expect(loose.suppressed).toHaveLength(1);
    const other = applySuppressions([at(9, 'Nguyễn Văn Ân')], [entry('Nguyễn Văn An')], asIs);
    expect(other.suppressed).toEqual([]);
    expect(other.seen).toEqual([0]);
  });

  it('never accepts another rule, file, sheet, column or unit', () => {
    const e = [entry('Nguyễn Văn An')];
    for (const more of [{ ruleId: 'chung/khac' }, { file: 'xa-b.xlsx' }, { sheet: 'Trang 2' }, { column: 'N' }, { unit: 'UBND XÃ B' }]) {
      expect(applySuppressions([at(9, 'Nguyễn Văn An', more)], e, asIs).suppressed, JSON.stringify(more)).toEqual([]);
    }
  });

  it('matches a finding about a unit by its group, and the file by the name the suppressions file gives it', () => {
    const e: Suppression = { ruleId: quota.ruleId, file: 'ho-so/xa.xlsx', group: 'UBND XÃ A', count: 1, reason: '' };
    const out = applySuppressions([quota], [e], (f) => `ho-so/${f}`);
    expect(out.suppressed).toEqual([{ ...quota, reason: '' }]);
  });

  it('counts, as ESLint: two findings of one identity need count 2; with count 1 both are reported, since which one is new cannot be told', () => {
    const twins = [at(9, 'Nguyễn Văn An'), at(20, 'Nguyễn Văn An')];
    expect(applySuppressions(twins, [entry('Nguyễn Văn An', { count: 2 })], asIs).suppressed).toHaveLength(2);
    const one = applySuppressions(twins, [entry('Nguyễn Văn An')], asIs);
    expect(one.findings).toEqual(twins);
    expect(one.seen).toEqual([2]);
  });
});

describe('stale entries, --prune-suppressions and --suppress', () => {
  const checked = new Set(['xa.xlsx']);

  it('counts as stale only what no longer occurs in the files checked, and prunes only that', () => {
    const entries = [entry('Nguyễn Văn An', { count: 3 }), entry('Lê Văn B'), entry('Trần C', { file: 'xa-b.xlsx' })];
    const { seen } = applySuppressions([at(9, 'Nguyễn Văn An')], entries, asIs);
    expect(seen).toEqual([1, 0, 0]);
    expect(staleCount(entries, seen, checked)).toBe(3);
    expect(pruned(entries, seen, checked)).toEqual([entry('Nguyễn Văn An', { count: 1 }), entry('Trần C', { file: 'xa-b.xlsx' })]);
    // An entry outnumbered by its findings is not stale: they are all reported.
    const many = [at(9, 'Lê Văn B'), at(10, 'Lê Văn B')];
    const outnumbered = applySuppressions(many, [entry('Lê Văn B')], asIs);
    expect(staleCount([entry('Lê Văn B')], outnumbered.seen, checked)).toBe(0);
    expect(pruned([entry('Lê Văn B')], outnumbered.seen, checked)).toEqual([entry('Lê Văn B')]);
  });

  it('--suppress adds every finding with an empty reason, keeps the reasons written and the entries of other files, and raises a count', () => {
    const before = [entry('Nguyễn Văn An'), entry('Trần C', { file: 'xa-b.xlsx', reason: 'khác' })];
    const after = suppressAll(before, [quota, at(9, 'Nguyễn Văn An'), at(20, 'Nguyễn Văn An'), at(11, 'Lê Văn B')], asIs);
    // In the file's order: by file ("xa-b" before "xa."), then the unit's findings, then by nominee.
    expect(after).toEqual([
      entry('Trần C', { file: 'xa-b.xlsx', reason: 'khác' }),
      { ruleId: quota.ruleId, file: 'xa.xlsx', group: 'UBND XÃ A', count: 1, reason: '' },
      entry('Lê Văn B', { reason: '' }),
      entry('Nguyễn Văn An', { count: 2 }),
    ]);
    expect(before[0].count).toBe(1);
    expect(after.some((e) => 'row' in e)).toBe(false);
  });

  it('entries of one identity written twice count together, their reasons kept', () => {
    expect(merged([entry('Nguyễn Văn An'), entry('NGUYỄN VĂN AN', { reason: 'lần 2' }), entry('Lê Văn B')])).toEqual([
      entry('Nguyễn Văn An', { count: 2, reason: 'đã duyệt; lần 2' }),
      entry('Lê Văn B'),
    ]);
  });
});
