import { z } from 'zod';
import { ColumnKey, Condition } from '../rules/schema.js';
import { fold } from '../normalize/text.js';
import type { Place } from '../engine/types.js';
import { defineOperator } from './types.js';

/**
 * A cell must name something listed elsewhere in the dossiers: a leader's unit (`column`) must be
 * nominated itself, as a row whose `target` matches it and which meets `where` (a collective).
 * Only the target names and the pending rows are kept.
 */
export const reference = defineOperator({
  kind: 'group',
  options: z.strictObject({
    column: ColumnKey,
    target: ColumnKey,
    where: Condition.optional(),
    scope: z.enum(['file', 'all']).default('all'),
  }),
  columns: (o) => [o.column, o.target],
  global: (o) => o.scope === 'all',
  messages: {
    fail: { vi: '«{{value}}» không có trong danh sách đề nghị.', en: '"{{value}}" is not nominated in the dossiers.' },
  },
  create(o, ctx) {
    let targets = new Set<string>();
    let pending: { key: string; place: Place; text: string; col: number }[] = [];
    const flush = () => {
      for (const p of pending) {
        if (!targets.has(p.key)) ctx.report({ place: p.place, cell: { col: p.col, column: p.place.column!, text: p.text }, data: { value: p.text } });
      }
      targets = new Set();
      pending = [];
    };
    return {
      row(row, inScope) {
        const t = row.value(o.target);
        if (typeof t === 'string' && (!o.where || ctx.test(o.where, row))) targets.add(fold(t));
        if (!inScope) return;
        const cell = row.cell(o.column);
        if (!cell) return;
        // Targets only grow until the flush: a name already listed is kept no longer.
        const key = fold(cell.text);
        if (targets.has(key)) return;
        pending.push({ key, text: cell.text, col: cell.col, place: { file: row.file, sheet: row.sheet, row: row.row, column: cell.column } });
      },
      endFile: o.scope === 'file' ? flush : undefined,
      end: o.scope === 'all' ? flush : undefined,
    };
  },
});
