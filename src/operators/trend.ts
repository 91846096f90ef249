import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';
import { missingPeriodYears, YEAR_MISSING } from './years.js';
import { fill } from '../said.js';

/**
 * A yearly figure must rise (revenue, budget payments, profit) or fall (the poverty rate) from
 * each year of the period to the next that the sheet shows.
 */
export const trend = defineOperator({
  kind: 'row',
  options: ({ z, ColumnKey }: Schemas) =>
    z.strictObject({ column: ColumnKey, direction: z.enum(['rises', 'falls']) }),
  columns: (o) => [o.column],
  describe: (o, d) =>
    fill('{c} phải {dir} qua từng năm của giai đoạn{p} mà trang tính có, mỗi năm so với năm trước.', '{c} must {dir} from each year of the period{p} the sheet shows to the next.', {
      c: d.column(o.column),
      dir: o.direction === 'rises' ? { vi: 'tăng', en: 'rise' } : { vi: 'giảm', en: 'fall' },
      p: d.period,
    }),
  needs: (o) => ({ keys: [o.column], severity: 'warning' }),
  messages: {
    fail: {
      vi: '«{{column}}» phải {{direction}} qua từng năm: năm {{year}} là {{value}}, năm {{prevYear}} là {{prev}}.',
      en: '"{{column}}" must {{direction}} every year: {{year}} is {{value}}, {{prevYear}} was {{prev}}.',
    },
    empty: {
      vi: '«{{column}} {{year}}» để trống: không chứng minh được xu hướng {{direction}} qua từng năm.',
      en: '"{{column}} {{year}}" is empty: the yearly {{direction}} is not shown.',
    },
    'year-missing': YEAR_MISSING,
  },
  check(row, o, ctx) {
    missingPeriodYears(row, o.column, ctx);
    const direction = o.direction === 'rises' ? { vi: 'tăng', en: 'rise' } : { vi: 'giảm', en: 'fall' };
    let prev: { year: number; value: number; text: string } | undefined;
    for (const slot of row.years(o.column)) {
      if (ctx.period && (slot.year < ctx.period.from || slot.year > ctx.period.to)) continue;
      const data = { column: ctx.label(o.column), year: slot.year, direction };
      if (!slot.cell) {
        ctx.report({ row, cell: slot, messageId: 'empty', data });
        prev = undefined;
        continue;
      }
      const p = slot.cell.parsed;
      if (!p?.ok || typeof p.value !== 'number') {
        prev = undefined;
        continue;
      }
      if (prev) {
        const ok = o.direction === 'rises' ? p.value > prev.value : p.value < prev.value;
        if (!ok) ctx.report({ row, cell: slot.cell, data: { ...data, value: slot.cell.text, prevYear: prev.year, prev: prev.text } });
      }
      prev = { year: slot.year, value: p.value, text: slot.cell.text };
    }
  },
});
