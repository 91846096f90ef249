import type { Schemas } from '../rules/schema.js';
import type { Scalar } from '../rules/schema.js';
import type { Value } from '../normalize/values.js';
import { fold } from '../normalize/text.js';
import { hint } from '../rules/reasons.js';
import { defineOperator, type OperatorContext } from './types.js';
import { fill } from '../said.js';

export const COMPARISON_OPS = ['>', '>=', '<', '<=', '=', '!='] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** Whether a parsed value stands in the relation to the expected one (enum ids and text fold; yes/no as booleans). */
export function compareValues(actual: Value, op: ComparisonOp, expected: Scalar | Value): boolean {
  const a = actual instanceof Date ? actual.getTime() : actual;
  let e: Scalar = expected instanceof Date ? expected.getTime() : expected;
  if (typeof a === 'boolean' && typeof e === 'string') e = ['yes', 'co', 'true', 'dat'].includes(fold(e));
  if (op === '=' || op === '!=') {
    const same = a === e || (typeof a === 'string' && typeof e === 'string' && fold(a) === fold(e));
    return op === '=' ? same : !same;
  }
  if (typeof a !== 'number' || typeof e !== 'number') return false;
  switch (op) {
    case '>':
      return a > e;
    case '>=':
      return a >= e;
    case '<':
      return a < e;
    case '<=':
      return a <= e;
  }
}

export const OP_TEXT: Record<ComparisonOp, { vi: string; en: string }> = {
  '>': { vi: 'lớn hơn', en: 'greater than' },
  '>=': { vi: 'từ', en: 'at least' },
  '<': { vi: 'nhỏ hơn', en: 'less than' },
  '<=': { vi: 'không quá', en: 'at most' },
  '=': { vi: 'là', en: 'equal to' },
  '!=': { vi: 'khác', en: 'other than' },
};

/**
 * A cell compared with a value or with another column of the same row. An empty cell does not
 * meet the criterion; a cell that is not of the column's type is left to the type rule.
 */
export const compare = defineOperator({
  kind: 'row',
  options: ({ z, ColumnKey, Scalar }: Schemas) =>
    z
      .strictObject({ column: ColumnKey, op: z.enum(COMPARISON_OPS), value: Scalar.optional(), other: ColumnKey.optional() })
      .refine((o) => (o.value === undefined) !== (o.other === undefined), hint('ghi đúng một trong hai: «value» hoặc «other»', 'give exactly one of "value" and "other"')),
  columns: (o) => [o.column, ...(o.other ? [o.other] : [])],
  describe: (o, d) =>
    fill(
      '{c} phải {op} {e}; ô để trống là chưa chứng minh được tiêu chí; trang tính không có cột này thì cảnh báo một lần cho cả trang.',
      '{c} must be {op} {e}; an empty cell does not show the criterion; a sheet without the column gets one warning.',
      { c: d.column(o.column), op: OP_TEXT[o.op], e: o.other ? d.column(o.other) : d.value(o.column, o.value!) },
    ),
  needs: (o) => ({ keys: [o.column, ...(o.other ? [o.other] : [])], severity: 'warning' }),
  messages: {
    fail: {
      vi: '«{{column}}» phải {{op}} {{expected}} (đang là «{{value}}»).',
      en: '"{{column}}" must be {{op}} {{expected}} (it is "{{value}}").',
    },
    empty: {
      vi: '«{{column}}» để trống: chưa chứng minh được tiêu chí ({{op}} {{expected}}).',
      en: '"{{column}}" is empty: the criterion ({{op}} {{expected}}) is not shown.',
    },
  },
  check(row, o, ctx) {
    const cell = row.cell(o.column);
    let expected: Scalar | Value | undefined = o.value;
    if (o.other) {
      expected = row.value(o.other);
      if (expected === undefined) return;
    }
    if (!cell) {
      ctx.report({ row, cell: row.slot(o.column), messageId: 'empty', data: comparisonData(o, ctx, '') });
      return;
    }
    if (!cell.parsed?.ok) return;
    if (!compareValues(cell.parsed.value, o.op, expected!)) ctx.report({ row, cell, data: comparisonData(o, ctx, cell.text) });
  },
});

/**
 * A comparison's words in a message (compare, every-year), made only for a finding: the checks
 * run on every row, and a closure made there would cost more than they do.
 */
export function comparisonData(o: { column: string; op: ComparisonOp; value?: Scalar; other?: string }, ctx: OperatorContext, value: string) {
  return {
    column: ctx.label(o.column),
    op: OP_TEXT[o.op],
    expected: o.other ? `«${ctx.label(o.other)}»` : ctx.expected(o.column, o.value!),
    value,
  };
}
