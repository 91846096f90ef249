import type { Schemas } from '../rules/schema.js';
import { fold, oncePerText } from '../normalize/text.js';
import { namedText } from '../normalize/values.js';
import { defineOperator } from './types.js';
import { fill, joined, quoted } from '../said.js';

/**
 * A proposed award must be one the nominee's criteria support (000 §1: "đủ tiêu chuẩn hình thức,
 * mức hạng nào thì đề nghị hình thức, mức hạng đó"): where the cell names a form matching one of
 * `match`, no rule tagged with one of `tags` may have failed on the row. Runs after those rules.
 */
export const consistentWith = defineOperator({
  kind: 'row',
  options: ({ z, ColumnKey }: Schemas) =>
    z.strictObject({ column: ColumnKey, match: z.array(z.string()).min(1), tags: z.array(z.string()).min(1) }),
  columns: (o) => [o.column],
  describe: (o, d) =>
    fill('Khi {c} đề nghị một hình thức có chữ {m}, dòng đó phải đạt mọi tiêu chí mang nhãn {t}.', 'Where {c} proposes a form naming {m}, the row must pass every criterion tagged {t}.', {
      c: d.column(o.column),
      m: joined(o.match.map(quoted), 'or'),
      t: joined(o.tags.map(quoted), 'or'),
    }),
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
    // The award as named: a code of the column's code list reads as its award's name.
    const value = row.value(o.column);
    if (!matches(o.match, typeof value === 'string' ? value : cell.text)) return;
    const failed = row.failedTags();
    if (o.tags.some((t) => failed.has(t))) ctx.report({ row, cell, data: { value: namedText(cell.text, cell.parsed) } });
  },
});

/**
 * Whether a text names one of the forms, as whole words, case and diacritics aside. The forms
 * are folded once per rule and each distinct text answered once: the award column repeats.
 */
const matchers = new WeakMap<string[], (text: string) => boolean>();
function matches(match: string[], text: string): boolean {
  let test = matchers.get(match);
  if (!test) {
    const forms = match.map((m) => ` ${fold(m)} `);
    test = oncePerText((t) => {
      const folded = ` ${fold(t)} `;
      return forms.some((m) => folded.includes(m));
    });
    matchers.set(match, test);
  }
  return test(text);
}
