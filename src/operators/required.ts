import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';

/** The cell must be filled. A sheet without the column at all gets one error, not one per row. */
export const required = defineOperator({
  kind: 'row',
  options: ({ z, ColumnKey }: Schemas) =>
    z.strictObject({ column: ColumnKey }),
  columns: (o) => [o.column],
  needs: (o) => ({ keys: [o.column], severity: 'error' }),
  messages: {
    fail: { vi: 'Thiếu «{{column}}».', en: '"{{column}}" is missing.' },
  },
  check(row, o, ctx) {
    if (row.cell(o.column) || row.value(o.column) !== undefined) return;
    ctx.report({ row, cell: row.slot(o.column), data: { column: ctx.label(o.column) } });
  },
});
