import type { RowView } from '../engine/types.js';
import type { OperatorContext } from './types.js';

/**
 * The years of the rule's period for which the sheet has no column: reported once per sheet and
 * rule (the engine folds repeats), as a warning on the sheet rather than an error on each row.
 */
export function missingPeriodYears(row: RowView, key: string, ctx: OperatorContext): void {
  if (!ctx.period) return;
  // The answer is the sheet's: worked out on its first row only (a rule's context lives as long as the rule).
  const last = lastSheet.get(ctx);
  if (last && last.file === row.file && last.sheet === row.sheet && last.key === key) return;
  lastSheet.set(ctx, { file: row.file, sheet: row.sheet, key });
  const present = new Set(row.years(key).map((s) => s.year));
  for (let y = ctx.period.from; y <= ctx.period.to; y++) {
    if (present.has(y)) continue;
    ctx.report({
      messageId: 'year-missing',
      severity: 'warning',
      place: { file: row.file, sheet: row.sheet },
      group: row.unit,
      data: { column: ctx.label(key), year: y, from: ctx.period.from, to: ctx.period.to },
    });
  }
}

const lastSheet = new WeakMap<OperatorContext, { file: string; sheet: string; key: string }>();

/** The message of a year of the period that the sheet has no column for. */
export const YEAR_MISSING = {
  vi: 'Trang tính không có cột «{{column}} {{year}}» (năm {{year}} thuộc giai đoạn {{from}}–{{to}}): không kiểm tra được năm này.',
  en: 'The sheet has no column "{{column}} {{year}}" ({{year}} is in the period {{from}}–{{to}}): that year cannot be checked.',
};
