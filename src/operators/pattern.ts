import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';
import { hint } from '../rules/reasons.js';
import { compileLinear, PatternError, type LinearPattern } from './linear-regex.js';
import { fill, textOf } from '../said.js';

const options = ({ z, ColumnKey, LocalText }: Schemas) =>
  z
    .strictObject({
      column: ColumnKey,
      regex: z.string().min(1).max(500),
      /** `i` for case-insensitive; `u` is always on. */
      flags: z.string().regex(/^i?$/, hint('chỉ nhận «i» (không phân biệt hoa thường) hoặc để trống', 'only "i" is allowed')).default(''),
      /** What the pattern stands for, for the message ("số điện thoại", "mã số thuế"). */
      label: LocalText,
      'max-length': z.number().int().min(1).max(10_000).default(500),
    })
    .superRefine((o, ctx) => {
      // Compiled as it will be matched, so that what the engine cannot do is refused at load time.
      try {
        compileLinear(o.regex, o.flags);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        ctx.addIssue({ code: 'custom', path: ['regex'], message: hint(e.vi, e.message) });
      }
    });

/**
 * The cell's text must match a pattern (a tax code, a phone number, a decision number). Patterns are
 * matched in time linear in the cell's length (see linear-regex.ts), so no pattern can hang a run;
 * a cell longer than `max-length` is reported as too long rather than matched.
 */
export const pattern = defineOperator({
  kind: 'row',
  options,
  columns: (o) => [o.column],
  describe: (o, d) =>
    fill('{c} phải đúng dạng {l} (mẫu /{r}/{i}); ô dài quá {n} ký tự thì được báo mà không so.', '{c} must be a valid {l} (pattern /{r}/{i}); a cell longer than {n} characters is reported without being matched.', {
      c: d.column(o.column),
      l: textOf(o.label),
      r: o.regex,
      i: o.flags.includes('i') ? { vi: ', không phân biệt hoa thường', en: ', case-insensitive' } : '',
      n: o['max-length'],
    }),
  messages: {
    fail: { vi: '«{{column}}» không đúng dạng {{label}}: «{{value}}».', en: '"{{column}}" is not a valid {{label}}: "{{value}}".' },
    'too-long': { vi: '«{{column}}» dài {{length}} ký tự, quá {{max}} để so với dạng {{label}}.', en: '"{{column}}" is {{length}} characters long, over {{max}} to match as a {{label}}.' },
  },
  check(row, o, ctx) {
    const cell = row.cell(o.column);
    if (!cell) return;
    const label = textOf(o.label);
    const data = { column: ctx.label(o.column), value: cell.text, label, length: cell.text.length, max: o['max-length'] };
    if (cell.text.length > o['max-length']) ctx.report({ row, cell, messageId: 'too-long', data });
    else if (!compiled(o).test(cell.text)) ctx.report({ row, cell, data });
  },
});

/** Each rule's pattern, compiled on its first cell (the options object stands for the rule). */
const cache = new WeakMap<object, LinearPattern>();
function compiled(o: { regex: string; flags: string }): LinearPattern {
  let re = cache.get(o);
  if (!re) cache.set(o, (re = compileLinear(o.regex, o.flags)));
  return re;
}
