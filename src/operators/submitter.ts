import type { Schemas } from '../rules/schema.js';
import { fold } from '../normalize/text.js';
import { formatDate } from '../normalize/values.js';
import { defineOperator } from './types.js';
import { hint } from '../rules/reasons.js';
import { fill, joined, quoted } from '../said.js';

/**
 * A dossier dated after a reorganisation that still names a body the reorganisation abolished as
 * its submitting unit (after 1 July 2025 there is no district level: "UBND huyện …", "Phòng …
 * huyện"). The submitting unit is the title block's heading — the unit and the parent body above
 * it, as "UBND HUYỆN KON RẪY" over "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" — or each value of the
 * submitting-unit column.
 */
export const submitter = defineOperator({
  kind: 'group',
  options: ({ z }: Schemas) =>
    z.strictObject({
      after: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, hint('một ngày dạng 2025-07-01', 'a date like 2025-07-01')),
      /** Words that name an abolished level, matched as whole words once folded ("huyện"). */
      match: z.array(z.string()).min(1),
      column: z.string().optional(),
    }),
  columns: (o) => (o.column ? [o.column] : []),
  describe: (o, d) =>
    fill(
      'Hồ sơ đề ngày sau {a} không được có đơn vị đề nghị (ở khối tiêu đề{col}) mang tên {m}.',
      'A dossier dated after {a} must not have a submitting unit (in its title block{col}) naming {m}.',
      { a: o.after.split('-').reverse().join('/'), m: joined(o.match.map(quoted), 'or'), col: o.column ? fill(' hoặc cột {c}', ' or the column {c}', { c: d.column(o.column) }) : '' },
    ),
  messages: {
    fail: {
      vi: 'Hồ sơ ngày {{date}} ghi đơn vị đề nghị «{{unit}}» là cấp đã bỏ từ {{after}}: kiểm tra lại đơn vị đề nghị.',
      en: 'The dossier dated {{date}} names "{{unit}}" as its submitting unit, a level abolished from {{after}}: check the submitting unit.',
    },
  },
  create(o, ctx) {
    const after = new Date(`${o.after}T00:00:00Z`);
    let units = new Set<string>();
    const hits = (name: string) => o.match.some((m) => ` ${fold(name)} `.includes(` ${fold(m)} `));
    return {
      row(row) {
        const v = o.column ? row.cell(o.column)?.text : undefined;
        if (v) units.add(v);
      },
      endFile(file) {
        if (file.date && file.date >= after) {
          const heading = file.heading.length ? file.heading : [file.unit];
          if (heading.some(hits)) {
            const unit = heading.join(' – ');
            ctx.report({ place: { file: file.file }, group: file.unit, data: { unit, date: formatDate(file.date), after: formatDate(after) } });
          }
          for (const unit of units) {
            if (hits(unit)) ctx.report({ place: { file: file.file }, group: unit, data: { unit, date: formatDate(file.date), after: formatDate(after) } });
          }
        }
        units = new Set();
      },
    };
  },
});
