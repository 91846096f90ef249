import { z } from 'zod';
import { ColumnKey } from '../rules/schema.js';
import { fold } from '../normalize/text.js';
import type { Place } from '../engine/types.js';
import { defineOperator } from './types.js';
import { describePlaces } from './places.js';

/**
 * No nominee listed twice: the same name, kind and unit (compared without regard to case,
 * diacritics form or spacing) in one file, or across every file checked together. Each listing
 * of a duplicate gets a finding that names the others. Only the keys are kept, never the rows.
 *
 * A name pasted into thousands of rows must not cost thousands of findings each naming thousands
 * of places: each key keeps its first MAX_LISTINGS places and a count, each of those listings gets
 * a finding naming at most MAX_RELATED others, and the message gives the full count.
 */
const MAX_RELATED = 20;
const MAX_LISTINGS = 100;

export const unique = defineOperator({
  kind: 'group',
  options: z.strictObject({ columns: z.array(ColumnKey).min(1), scope: z.enum(['file', 'all']).default('all') }),
  columns: (o) => o.columns,
  global: (o) => o.scope === 'all',
  messages: {
    fail: { vi: '«{{name}}» được đề nghị {{count}} lần; các chỗ khác: {{others}}.', en: '"{{name}}" is nominated {{count}} times; elsewhere: {{others}}.' },
  },
  create(o, ctx) {
    let seen = new Map<string, { name: string; places: Place[]; count: number }>();
    const flush = () => {
      for (const { name, places, count } of seen.values()) {
        if (count < 2) continue;
        const head = places.slice(0, MAX_RELATED + 1);
        for (const [i, p] of places.entries()) {
          const others = head.filter((q) => q !== p).slice(0, MAX_RELATED);
          ctx.report({ place: p, data: { name, count, others: describePlaces(others, 5, count - 1) }, related: others, cell: { col: 0, column: p.column!, text: name } });
        }
      }
      seen = new Map();
    };
    return {
      row(row, inScope) {
        if (!inScope) return;
        const parts = o.columns.map((k) => {
          const v = row.value(k);
          return v === undefined ? '' : typeof v === 'string' ? fold(v) : String(v);
        });
        if (!parts[0]) return;
        const key = parts.join('\u0000');
        const nameCell = row.cell(o.columns[0]);
        const place: Place = { file: row.file, sheet: row.sheet, row: row.row, column: nameCell?.column };
        const entry = seen.get(key);
        if (!entry) seen.set(key, { name: nameCell?.text ?? parts[0], places: [place], count: 1 });
        else if (++entry.count <= MAX_LISTINGS) entry.places.push(place);
      },
      endFile: o.scope === 'file' ? flush : undefined,
      end: o.scope === 'all' ? flush : undefined,
    };
  },
});
