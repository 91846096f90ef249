import { z } from 'zod';
import { ColumnKey } from '../rules/schema.js';
import { fold } from '../normalize/text.js';
import { defineOperator } from './types.js';

/**
 * A proposed award must be one the nominee's criteria support (000 §1: "đủ tiêu chuẩn hình thức,
 * mức hạng nào thì đề nghị hình thức, mức hạng đó"): where the cell names a form matching one of
 * `match`, no rule tagged with one of `tags` may have failed on the row. Runs after those rules.
 */
export const consistentWith = defineOperator({
  kind: 'row',
  options: z.strictObject({ column: ColumnKey, match: z.array(z.string()).min(1), tags: z.array(z.string()).min(1) }),
  columns: (o) => [o.column],
  late: true,
  messages: {
    fail: {
      vi: 'Đề nghị «{{value}}» nhưng chưa đạt tiêu chí của lĩnh vực: đủ tiêu chuẩn hình thức nào thì đề nghị hình thức đó.',
      en: 'Proposed for "{{value}}" although the field\'s criteria are not met: propose only the form the criteria support.',
    },
  },
  check(row, o, ctx) {
    const cell = row.cell(o.column);
    if (!cell) return;
    const text = ` ${fold(cell.text)} `;
    if (!matchesOf(o.match).some((m) => text.includes(m))) return;
    const failed = row.failedTags();
    if (o.tags.some((t) => failed.has(t))) ctx.report({ row, cell, data: { value: cell.text } });
  },
});

/** The forms to match, folded and spaced for whole words, once per rule. */
const folded = new WeakMap<string[], string[]>();
function matchesOf(match: string[]): string[] {
  let out = folded.get(match);
  if (!out) folded.set(match, (out = match.map((m) => ` ${fold(m)} `)));
  return out;
}
