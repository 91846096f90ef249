import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';
import { fill } from '../said.js';

/** The cell must be filled. A sheet without the column at all gets one error, not one per row. */
export const required = defineOperator({
  kind: 'row',
  options: ({ z, ColumnKey }: Schemas) =>
    z.strictObject({ column: ColumnKey }),
  columns: (o) => [o.column],
  describe: (o, d) =>
    fill(
      'Ô {c} của mỗi dòng đề nghị phải được ghi; một trang tính không có cột {c} là một lỗi cho cả trang.',
      'The cell {c} of every nominee row must be filled in; a sheet without the column {c} is one error for the whole sheet.',
      { c: d.column(o.column) },
    ),
  needs: (o) => ({ keys: [o.column], severity: 'error' }),
  messages: {
    fail: { vi: 'Thiếu «{{column}}».', en: '"{{column}}" is missing.' },
  },
  check(row, o, ctx) {
    if (row.cell(o.column) || row.value(o.column) !== undefined) return;
    ctx.report({ row, cell: row.slot(o.column), data: { column: ctx.label(o.column) } });
  },
});
