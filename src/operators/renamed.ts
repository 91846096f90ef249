import type { Schemas } from '../rules/schema.js';
import { fold } from '../normalize/text.js';
import { defineOperator } from './types.js';
import { fill, joined, quoted } from '../said.js';

/** A value that has a new official name (a renamed emulation movement): the message gives the new one. */
export const renamed = defineOperator({
  kind: 'row',
  options: ({ z, ColumnKey }: Schemas) =>
    z.strictObject({
      column: ColumnKey,
      names: z.array(z.strictObject({ old: z.string(), new: z.string() })).min(1),
    }),
  columns: (o) => [o.column],
  describe: (o, d) =>
    fill('{c} không được dùng tên cũ; tên cũ và tên mới: {l}.', '{c} must not use an old name; old and new names: {l}.', {
      c: d.column(o.column),
      l: joined(o.names.map((n) => fill('{a} → {b}', '{a} → {b}', { a: quoted(n.old), b: quoted(n.new) })), ';'),
    }),
  messages: {
    fail: { vi: '«{{value}}» đã đổi tên thành «{{new}}».', en: '"{{value}}" has been renamed "{{new}}".' },
  },
  check(row, o, ctx) {
    const cell = row.cell(o.column);
    if (!cell) return;
    const f = fold(cell.text);
    const hit = o.names.find((n) => fold(n.old) === f);
    if (hit) ctx.report({ row, cell, data: { value: cell.text, new: hit.new } });
  },
});
