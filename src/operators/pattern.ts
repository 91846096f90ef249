import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';

/**
 * A quantified group that itself holds a quantifier — (a+)+, (\w*)*, (x|y+){2,} — is the shape
 * that makes a backtracking engine take exponential time on a near-miss. Officers write these
 * packs, so such a pattern is refused when the pack loads, and a cell longer than `max-length` is
 * not matched at all (it is reported as too long for the pattern), so no cell can hang a run.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\})(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,?\d*\})/;

export function unsafePattern(source: string): boolean {
  return NESTED_QUANTIFIER.test(source) || /\\[1-9]/.test(source);
}

const options = ({ z, ColumnKey, LocalText }: Schemas) =>
  z
    .strictObject({
      column: ColumnKey,
      regex: z.string().min(1).max(500),
      /** `i` for case-insensitive; `u` is always on. */
      flags: z.string().regex(/^i?$/, 'only "i" is allowed').default(''),
      /** What the pattern stands for, for the message ("số điện thoại", "mã số thuế"). */
      label: LocalText,
      'max-length': z.number().int().min(1).max(10_000).default(500),
    })
    .superRefine((o, ctx) => {
      if (unsafePattern(o.regex)) {
        ctx.addIssue({ code: 'custom', path: ['regex'], message: 'a repeated group that itself repeats (like "(a+)+") or a back-reference can take forever to match: rewrite it without nesting' });
        return;
      }
      try {
        new RegExp(o.regex, `${o.flags}u`);
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: ['regex'], message: `not a valid pattern: ${(e as Error).message}` });
      }
    });

/** The cell's text must match a pattern (a tax code, a phone number, a decision number). */
export const pattern = defineOperator({
  kind: 'row',
  options,
  columns: (o) => [o.column],
  messages: {
    fail: { vi: '«{{column}}» không đúng dạng {{label}}: «{{value}}».', en: '"{{column}}" is not a valid {{label}}: "{{value}}".' },
    'too-long': { vi: '«{{column}}» dài {{length}} ký tự, quá {{max}} để so với dạng {{label}}.', en: '"{{column}}" is {{length}} characters long, over {{max}} to match as a {{label}}.' },
  },
  check(row, o, ctx) {
    const cell = row.cell(o.column);
    if (!cell) return;
    const label = typeof o.label === 'string' ? o.label : { vi: o.label.vi, en: o.label.en ?? o.label.vi };
    const data = { column: ctx.label(o.column), value: cell.text, label, length: cell.text.length, max: o['max-length'] };
    if (cell.text.length > o['max-length']) ctx.report({ row, cell, messageId: 'too-long', data });
    else if (!compiled(o.regex, o.flags).test(cell.text)) ctx.report({ row, cell, data });
  },
});

const cache = new Map<string, RegExp>();
function compiled(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) cache.set(key, (re = new RegExp(source, `${flags}u`)));
  return re;
}
