import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';
import { comparisonData, compareValues, COMPARISON_OPS, OP_TEXT } from './compare.js';
import { missingPeriodYears, YEAR_MISSING } from './years.js';
import { fill } from '../said.js';

/**
 * Every year column of the rule's period that the sheet has must meet the comparison ("rated
 * HTXSNV every year", "a Cultural Family every year"). An empty cell in a year column the sheet
 * has does not meet it; a year of the period with no column is one warning for the sheet.
 */
export const everyYear = defineOperator({
  kind: 'row',
  options: ({ z, ColumnKey, Scalar }: Schemas) =>
    z.strictObject({ column: ColumnKey, op: z.enum(COMPARISON_OPS).default('='), value: Scalar }),
  columns: (o) => [o.column],
  describe: (o, d) =>
    fill(
      'Mỗi năm của giai đoạn{p} mà trang tính có cột, {c} phải {op} {e}; ô để trống là chưa đạt; năm nào không có cột thì cảnh báo.',
      'For every year of the period{p} the sheet has a column for, {c} must be {op} {e}; an empty cell fails; a year without a column gets a warning.',
      { p: d.period, c: d.column(o.column), op: OP_TEXT[o.op], e: d.value(o.column, o.value) },
    ),
  needs: (o) => ({ keys: [o.column], severity: 'warning' }),
  messages: {
    fail: {
      vi: '«{{column}} {{year}}» phải {{op}} {{expected}} (đang là «{{value}}»).',
      en: '"{{column}} {{year}}" must be {{op}} {{expected}} (it is "{{value}}").',
    },
    empty: {
      vi: '«{{column}} {{year}}» để trống: chưa chứng minh được tiêu chí ({{op}} {{expected}}).',
      en: '"{{column}} {{year}}" is empty: the criterion ({{op}} {{expected}}) is not shown.',
    },
    'year-missing': YEAR_MISSING,
  },
  check(row, o, ctx) {
    missingPeriodYears(row, o.column, ctx);
    const slots = row.years(o.column);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (ctx.period && (slot.year < ctx.period.from || slot.year > ctx.period.to)) continue;
      if (!slot.cell) ctx.report({ row, cell: slot, messageId: 'empty', data: { ...comparisonData(o, ctx, ''), year: slot.year } });
      else if (slot.cell.parsed?.ok && !compareValues(slot.cell.parsed.value, o.op, o.value)) {
        ctx.report({ row, cell: slot.cell, data: { ...comparisonData(o, ctx, slot.cell.text), year: slot.year } });
      }
    }
  },
});
