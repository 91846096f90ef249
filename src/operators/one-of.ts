import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';
import { compareValues } from './compare.js';
import { fill, joined } from '../said.js';

/** The cell's value must be one of a list (enumeration ids, numbers or text). */
export const oneOf = defineOperator({
  kind: 'row',
  options: ({ z, ColumnKey, Scalar }: Schemas) =>
    z.strictObject({ column: ColumnKey, values: z.array(Scalar).min(1) }),
  columns: (o) => [o.column],
  describe: (o, d) => fill('{c} phải là một trong: {v}.', '{c} must be one of: {v}.', { c: d.column(o.column), v: joined(o.values.map((v) => d.value(o.column, v)), 'or') }),
  needs: (o) => ({ keys: [o.column], severity: 'warning' }),
  messages: {
    fail: { vi: '«{{column}}» phải là một trong: {{expected}} (đang là «{{value}}»).', en: '"{{column}}" must be one of {{expected}} (it is "{{value}}").' },
  },
  check(row, o, ctx) {
    const cell = row.cell(o.column);
    const value = row.value(o.column);
    if (value === undefined) return;
    if (o.values.some((v) => compareValues(value, '=', v))) return;
    const list = o.values.map((v) => ctx.expected(o.column, v));
    const expected = { vi: list.map((t) => (typeof t === 'object' ? t.vi : String(t))).join(', '), en: list.map((t) => (typeof t === 'object' ? t.en : String(t))).join(', ') };
    ctx.report({ row, cell: cell ?? row.slot(o.column), data: { column: ctx.label(o.column), expected, value: cell?.text ?? String(value) } });
  },
});
