import type { Schemas } from '../rules/schema.js';
import { KeyHasher, KeySet } from './keys.js';
import type { Place } from '../engine/types.js';
import { nomineeOf, type Who } from '../engine/nominee.js';
import { defineOperator } from './types.js';
import { fill } from '../said.js';
import { SCOPE } from './words.js';

/**
 * A cell must name something listed elsewhere in the dossiers: a leader's unit (`column`) must be
 * nominated itself, as a row whose `target` matches it and which meets `where` (a collective).
 * Only the target names' hashes (see KeySet) and the pending rows are kept; names compare folded.
 */
export const reference = defineOperator({
  kind: 'group',
  options: ({ z, ColumnKey, Condition }: Schemas) =>
    z.strictObject({
      column: ColumnKey,
      target: ColumnKey,
      where: Condition.optional(),
      scope: z.enum(['file', 'all']).default('all'),
    }),
  columns: (o) => [o.column, o.target],
  describe: (o, d) =>
    fill('{c} phải là tên một dòng đề nghị khác (ở cột {t}){w}, {s}.', '{c} must name another nominee row (in its column {t}){w}, {s}.', {
      c: d.column(o.column),
      t: d.column(o.target),
      w: o.where ? fill(' có {x}', ' where {x}', { x: d.condition(o.where) }) : '',
      s: SCOPE[o.scope],
    }),
  global: (o) => o.scope === 'all',
  messages: {
    fail: { vi: '«{{value}}» không có trong danh sách đề nghị.', en: '"{{value}}" is not nominated in the dossiers.' },
  },
  create(o, ctx) {
    let targets = new KeySet();
    let pending: { hash: number; check: number; place: Place; text: string; col: number; who: Who }[] = [];
    const flush = () => {
      for (const p of pending) {
        if (!targets.has(p.hash, p.check)) ctx.report({ place: p.place, cell: { col: p.col, column: p.place.column!, text: p.text }, data: { value: p.text }, who: p.who });
      }
      targets = new KeySet();
      pending = [];
    };
    const key = new KeyHasher();
    const hash = (text: string) => {
      key.reset();
      key.addFolded(text);
      key.finish();
    };
    return {
      row(row, inScope) {
        const t = row.value(o.target);
        if (typeof t === 'string' && (!o.where || ctx.test(o.where, row))) {
          hash(t);
          targets.insert(key.lookup, key.check);
        }
        if (!inScope) return;
        const cell = row.cell(o.column);
        if (!cell) return;
        // Targets only grow until the flush: a name already listed is kept no longer.
        hash(cell.text);
        if (targets.has(key.lookup, key.check)) return;
        pending.push({ hash: key.lookup, check: key.check, text: cell.text, col: cell.col, place: { file: row.file, sheet: row.sheet, row: row.row, column: cell.column }, who: nomineeOf(row) });
      },
      endFile: o.scope === 'file' ? flush : undefined,
      end: o.scope === 'all' ? flush : undefined,
    };
  },
});
