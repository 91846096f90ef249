import type { Schemas } from '../rules/schema.js';
import { fold } from '../normalize/text.js';
import { defineOperator, type OperatorContext } from './types.js';
import { fill, joined, quoted } from '../said.js';

/**
 * A text must say something: an achievement summary of "x", "-", "như trên" or a few letters
 * proves nothing (002 §IV.1.đ asks for one with every nominee). Empty cells are `required`'s.
 */
const longest = (ps: string[]) => ps.reduce((n, p) => Math.max(n, p.length), 1);

export const textQuality = defineOperator({
  kind: 'row',
  options: ({ z, ColumnKey }: Schemas) =>
    z.strictObject({
      column: ColumnKey,
      'min-length': z.number().int().min(1).default(20),
      placeholders: z.array(z.string()).default([]),
    }),
  columns: (o) => [o.column],
  describe: (o, d) =>
    fill('{c} phải là nội dung thực, dài ít nhất {n} ký tự{ph}.', '{c} must say something real, at least {n} characters long{ph}.', {
      c: d.column(o.column),
      n: o['min-length'],
      ph: o.placeholders.length ? fill(', không chỉ là {l}', ', not only {l}', { l: joined(o.placeholders.map(quoted), 'or') }) : '',
    }),
  messages: {
    placeholder: { vi: '«{{column}}» chỉ ghi «{{value}}»: cần tóm tắt thành tích thực.', en: '"{{column}}" only says "{{value}}": a real summary is needed.' },
    short: {
      vi: '«{{column}}» quá ngắn ({{length}} ký tự, cần ít nhất {{min}}): «{{value}}».',
      en: '"{{column}}" is too short ({{length}} characters, at least {{min}}): "{{value}}".',
    },
  },
  check(row, o, ctx) {
    const cell = row.cell(o.column);
    if (!cell) return;
    // A real summary is longer than any placeholder: fold only what could be one.
    if (cell.text.length <= longest(o.placeholders) * 2) {
      const folded = fold(cell.text);
      if (folded === '' || o.placeholders.some((p) => fold(p) === folded)) {
        ctx.report({ row, cell, messageId: 'placeholder', data: messageData(o, ctx, cell.text) });
        return;
      }
    }
    if (cell.text.length < o['min-length']) ctx.report({ row, cell, messageId: 'short', data: messageData(o, ctx, cell.text) });
  },
});

/** The message's words, made only for a finding: the check runs on every row. */
function messageData(o: { column: string; 'min-length': number }, ctx: OperatorContext, value: string) {
  return { column: ctx.label(o.column), value, min: o['min-length'], length: value.length };
}
