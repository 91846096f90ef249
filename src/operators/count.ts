import type { Schemas } from '../rules/schema.js';
import { fold } from '../normalize/text.js';
import { hint } from '../rules/reasons.js';
import type { FileView, Place } from '../engine/types.js';
import { defineOperator, type Describer, type MessageArg } from './types.js';
import { describePlaces } from './places.js';
import { fill, joined, quoted, textOf, type Said } from '../said.js';
import { SCOPE } from './words.js';
import type { Condition } from '../rules/schema.js';

/**
 * Counts nominees per group and holds the count to a minimum and/or maximum: quotas per
 * submitting unit ("at least 3 collectives"), caps per movement ("no more than 2") and caps over
 * every file checked together ("no more than 200"). Quotas count every nominee listed, whatever
 * its other findings. Only counts are kept.
 */
export const count = defineOperator({
  kind: 'group',
  options: ({ z, ColumnKey, Condition, LocalText }: Schemas) =>
    z
      .strictObject({
        /** unit: each submitting unit; movement: each value of `column`; all: one group. */
        by: z.enum(['unit', 'column', 'all']).default('unit'),
        column: ColumnKey.optional(),
        /** file: groups inside each file, reported when the file ends; all: across every file. */
        scope: z.enum(['file', 'all']).default('file'),
        where: Condition.optional(),
        min: z.number().int().min(0).optional(),
        max: z.number().int().min(0).optional(),
        /** What is counted, for the message ("tập thể"). */
        label: LocalText,
        /** Skip groups with no row in the rule's scope (`when`). */
        'only-if-any': z.boolean().default(false),
        /** Columns of which the file needs at least one for the count to mean anything. */
        needs: z.array(ColumnKey).default([]),
        /** Other caps for named groups (movements with many participants). */
        'max-for': z.array(z.strictObject({ names: z.array(z.string()).min(1), max: z.number().int().min(0) })).default([]),
      })
      .refine((o) => o.min !== undefined || o.max !== undefined, hint('ghi «min», «max» hoặc cả hai', 'give "min", "max" or both'))
      .refine((o) => (o.by === 'column') === (o.column !== undefined), hint('«column» đi cùng by: column (và by: column cần «column»)', '"column" goes with by: column')),
  columns: (o) => [...(o.column ? [o.column] : []), ...o.needs],
  describe: (o, d) => describeCount(o, d),
  global: (o) => o.scope === 'all',
  messages: {
    min: { vi: '{{group}}: có {{count}} {{what}}, cần ít nhất {{min}}.', en: '{{group}}: {{count}} {{what}}, at least {{min}} required.' },
    max: { vi: '{{group}}: có {{count}} {{what}}, vượt mức tối đa {{max}}. Gồm: {{files}}.', en: '{{group}}: {{count}} {{what}}, over the maximum of {{max}}. From: {{files}}.' },
    'column-missing': {
      vi: '{{group}}: không có cột nào trong ({{columns}}) nên không đếm được {{what}}.',
      en: '{{group}}: none of the columns ({{columns}}) is present, so {{what}} cannot be counted.',
    },
  },
  create(o, ctx) {
    type Group = { name: string; population: number; count: number; files: Map<string, Place>; columns: Set<string> };
    let groups = new Map<string, Group>();
    // Rows of one unit and file come one after another: the last row's group is tried first.
    let last: { name: string; file: string; group: Group } | undefined;
    const what: MessageArg = textOf(o.label);
    const maxFor = (name: string) => o['max-for'].find((m) => m.names.some((n) => fold(n) === fold(name)))?.max ?? o.max;

    const flush = () => {
      for (const g of groups.values()) {
        if (o['only-if-any'] && g.population === 0) continue;
        const files = [...g.files.values()];
        const place = files[0];
        if (o.needs.length && !o.needs.some((k) => g.columns.has(k))) {
          ctx.report({ messageId: 'column-missing', severity: 'warning', place, group: g.name, data: { group: g.name, what, columns: o.needs.map(ctx.label).join(', ') } });
          continue;
        }
        const max = maxFor(g.name);
        const data = { group: g.name, count: g.count, what, min: o.min ?? '', max: max ?? '', files: describePlaces(files, 10) };
        if (o.min !== undefined && g.count < o.min) ctx.report({ messageId: 'min', place, group: g.name, data, related: files.slice(1) });
        if (max !== undefined && g.count > max) ctx.report({ messageId: 'max', place, group: g.name, data, related: files.slice(1) });
      }
      groups = new Map();
      last = undefined;
    };
    const groupOf = (name: string, file: FileView | { file: string }) => {
      if (last && last.name === name && last.file === file.file) return last.group;
      const key = fold(name);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { name, population: 0, count: 0, files: new Map(), columns: new Set() }));
      if (!g.files.has(file.file)) g.files.set(file.file, { file: file.file });
      last = { name, file: file.file, group: g };
      return g;
    };
    return {
      row(row, inScope) {
        let name: string;
        if (o.by === 'unit') name = row.unit;
        else if (o.by === 'all') name = typeof o.label === 'string' ? o.label : o.label.vi;
        else {
          const v = row.cell(o.column!)?.text;
          if (!v) return;
          name = v;
        }
        const g = groupOf(name, row);
        // The group's columns only grow, up to the needs.
        if (g.columns.size < o.needs.length) for (const k of o.needs) if (row.has(k)) g.columns.add(k);
        if (!inScope) return;
        g.population++;
        if (!o.where || ctx.test(o.where, row)) g.count++;
      },
      endFile:
        o.scope === 'file'
          ? (file) => {
              // A unit whose file lists nobody still owes its quota.
              if (o.by === 'unit' && groups.size === 0) groupOf(file.unit, file);
              flush();
            }
          : undefined,
      end: o.scope === 'all' ? flush : undefined,
    };
  },
});

/** A count rule in words: what is counted, in which groups, and the bounds. */
function describeCount(
  o: { by: 'unit' | 'column' | 'all'; column?: string; scope: 'file' | 'all'; where?: Condition; min?: number; max?: number; label: string | { vi: string; en?: string }; 'only-if-any': boolean; needs: string[]; 'max-for': { names: string[]; max: number }[] },
  d: Describer,
): Said {
  const group: Said =
    o.by === 'unit'
      ? { vi: ' của mỗi đơn vị đề nghị', en: ' for each submitting unit' }
      : o.by === 'column'
        ? fill(' theo mỗi giá trị của {c}', ' for each value of {c}', { c: d.column(o.column!) })
        : { vi: ' tính chung', en: ' in all' };
  const bound =
    o.min !== undefined && o.max !== undefined
      ? fill('từ {a} đến {b}', 'from {a} to {b}', { a: o.min, b: o.max })
      : o.min !== undefined
        ? fill('ít nhất {a}', 'at least {a}', { a: o.min })
        : fill('không quá {b}', 'at most {b}', { b: o.max! });
  const maxFor = o['max-for'].map((m) => fill('{n}: không quá {x}', '{n}: at most {x}', { n: joined(m.names.map(quoted), 'or'), x: m.max }));
  return fill('Số {what}{w}{g}, {s}, phải {bound}{mf}{only}{needs}.', 'The number of {what}{w}{g}, {s}, must be {bound}{mf}{only}{needs}.', {
    what: textOf(o.label),
    w: o.where ? fill(' có {x}', ' where {x}', { x: d.condition(o.where) }) : '',
    g: group,
    s: SCOPE[o.scope],
    bound,
    mf: maxFor.length ? fill('; riêng {l}', '; except {l}', { l: joined(maxFor, ';') }) : '',
    only: o['only-if-any'] ? { vi: ' (chỉ xét nhóm có ít nhất một dòng thuộc phạm vi quy tắc)', en: ' (only groups with a row the rule applies to)' } : '',
    needs: o.needs.length ? fill('; tệp cần ít nhất một trong các cột {l} mới đếm được', '; a file needs one of the columns {l} to be counted', { l: joined(o.needs.map(d.column)) }) : '',
  });
}
