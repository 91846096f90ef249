/**
 * Rule conditions (`when`, `where`) as the engine compiles them: each part and each combination,
 * on rows made here, against what the condition says in words.
 */
import { describe, expect, it } from 'vitest';
import { testCondition } from '../../src/engine/check.js';
import type { CellView, RowView, YearSlot } from '../../src/engine/types.js';
import type { Condition } from '../../src/rules/schema.js';

type Cells = Record<string, string | number | boolean>;

/** A row whose columns hold these values, and whose year columns for `years` hold these (undefined: empty). */
function row(values: Cells, years: Record<string, (string | undefined)[]> = {}): RowView {
  const view = (key: string, v: string | number | boolean): CellView => ({
    key,
    col: 1,
    column: 'A',
    raw: { col: 1, t: 's', v: String(v) },
    text: String(v),
    parsed: { ok: true, value: v },
  });
  return {
    file: 'a.xlsx',
    sheet: 'DS',
    row: 5,
    hidden: false,
    sheetHidden: false,
    unit: 'Xã A',
    has: (k) => k in values || k in years,
    slot: () => undefined,
    cell: (k) => (k in values ? view(k, values[k]) : undefined),
    value: (k) => values[k],
    years: (k): YearSlot[] =>
      (years[k] ?? []).map((v, i) => ({ year: 2021 + i, col: 10 + i, column: 'J', cell: v === undefined ? undefined : view(k, v) })),
    cells: () => [],
    failedTags: () => new Set(),
  };
}

const is = (cond: Condition, values: Cells, years?: Record<string, (string | undefined)[]>) => testCondition(cond, row(values, years));

describe('rule conditions', () => {
  it('compares a value with one expected value or a list of them, texts folded', () => {
    expect(is({ loai: 'ca-nhan' }, { loai: 'ca-nhan' })).toBe(true);
    expect(is({ loai: 'ca-nhan' }, { loai: 'Cá Nhân' })).toBe(true);
    expect(is({ loai: 'ca nhan' }, { loai: 'Cá  nhân' })).toBe(true);
    expect(is({ loai: 'ca-nhan' }, { loai: 'Cá nhân tiêu biểu' })).toBe(false);
    expect(is({ loai: ['tap-the', 'ca-nhan'] }, { loai: 'ca-nhan' })).toBe(true);
    expect(is({ loai: ['tap-the', 'ho-gia-dinh'] }, { loai: 'ca-nhan' })).toBe(false);
    expect(is({ loai: 'ca-nhan' }, {})).toBe(false);
    expect(is({ so_nam: [3, 5] }, { so_nam: 5 })).toBe(true);
    expect(is({ so_nam: [3, 5] }, { so_nam: 4 })).toBe(false);
    expect(is({ dang_vien: true }, { dang_vien: true })).toBe(true);
    expect(is({ dang_vien: true }, { dang_vien: false })).toBe(false);
  });

  it('needs every key of one condition to hold', () => {
    const cond = { loai: 'ca-nhan', linh_vuc: 'giao-duc' };
    expect(is(cond, { loai: 'ca-nhan', linh_vuc: 'giao-duc' })).toBe(true);
    expect(is(cond, { loai: 'ca-nhan', linh_vuc: 'y-te' })).toBe(false);
    expect(is(cond, { loai: 'tap-the', linh_vuc: 'giao-duc' })).toBe(false);
  });

  it('combines with all, any and not', () => {
    const all = { all: [{ loai: 'ca-nhan' }, { linh_vuc: 'y-te' }] };
    const any = { any: [{ loai: 'tap-the' }, { linh_vuc: 'y-te' }] };
    const not = { not: { loai: 'tap-the' } };
    for (const [values, want] of [
      [{ loai: 'ca-nhan', linh_vuc: 'y-te' }, { all: true, any: true, not: true }],
      [{ loai: 'ca-nhan', linh_vuc: 'giao-duc' }, { all: false, any: false, not: true }],
      [{ loai: 'tap-the', linh_vuc: 'giao-duc' }, { all: false, any: true, not: false }],
      [{ loai: 'tap-the', linh_vuc: 'y-te' }, { all: false, any: true, not: false }],
      [{}, { all: false, any: false, not: true }],
    ] as [Cells, { all: boolean; any: boolean; not: boolean }][]) {
      expect({ all: is(all, values), any: is(any, values), not: is(not, values) }).toEqual(want);
    }
    expect(is({ any: [] }, {})).toBe(false);
    expect(is({ all: [] }, {})).toBe(true);
  });

  it('tells filled from empty, a year column filled by any of its years', () => {
    expect(is({ filled: 'xep_loai' }, { xep_loai: 'HTXSNV' })).toBe(true);
    expect(is({ filled: 'xep_loai' }, {})).toBe(false);
    expect(is({ filled: ['ten', 'xep_loai'] }, { ten: 'An' })).toBe(false);
    expect(is({ filled: ['ten', 'xep_loai'] }, { ten: 'An', xep_loai: 'HTT' })).toBe(true);
    expect(is({ empty: 'xep_loai' }, {})).toBe(true);
    expect(is({ empty: ['ten', 'xep_loai'] }, { ten: 'An' })).toBe(false);
    expect(is({ empty: ['ten', 'xep_loai'] }, {})).toBe(true);
    expect(is({ filled: 'danh_hieu' }, {}, { danh_hieu: [undefined, 'CSTĐ'] })).toBe(true);
    expect(is({ filled: 'danh_hieu' }, {}, { danh_hieu: ['CSTĐ', undefined] })).toBe(true);
    expect(is({ filled: 'danh_hieu' }, {}, { danh_hieu: [undefined, undefined] })).toBe(false);
    expect(is({ empty: 'danh_hieu' }, {}, { danh_hieu: [undefined, undefined] })).toBe(true);
  });

  it('compares a cell as typed with `typed`, where the value compares what it means', () => {
    /** A kind cell typed `text`, read as the kind tap-the (as "TAPTHE" and "Tập thể" both are). */
    const kind = (text: string): RowView => {
      const r = row({ loai: 'tap-the' });
      const cell = r.cell('loai')!;
      return { ...r, cell: (k) => (k === 'loai' ? { ...cell, text } : undefined) };
    };
    const code = { typed: { loai: ['TAPTHE', 'HOGIADINH'] } };
    expect(testCondition(code, kind('TAPTHE'))).toBe(true);
    expect(testCondition(code, kind('tapthe'))).toBe(true);
    expect(testCondition(code, kind('Tập thể'))).toBe(false);
    expect(testCondition({ not: code }, kind('Tập thể'))).toBe(true);
    expect(testCondition({ typed: { loai: 'HOGIADINH' } }, kind('HOGIADINH'))).toBe(true);
    // The value is unchanged by it: both read as tap-the.
    expect(testCondition({ loai: 'tap-the' }, kind('TAPTHE'))).toBe(true);
    expect(testCondition({ loai: 'tap-the' }, kind('Tập thể'))).toBe(true);
    // No cell: nothing was typed.
    expect(is(code, {})).toBe(false);
  });

  it('answers each row afresh', () => {
    const cond = { any: [{ loai: 'tap-the' }, { filled: 'xep_loai' }] };
    expect([{ loai: 'tap-the' }, {}, { xep_loai: 'HTT' }, {}].map((v) => is(cond, v))).toEqual([true, false, true, false]);
  });
});
