import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';
import { fill, joined } from '../said.js';

const TYPE_TEXT: Record<string, { vi: string; en: string }> = {
  integer: { vi: 'một số nguyên', en: 'a whole number' },
  number: { vi: 'một số', en: 'a number' },
  percent: { vi: 'một tỷ lệ phần trăm (vd. 70% hoặc 70)', en: 'a percentage (e.g. 70% or 70)' },
  yesno: { vi: 'Có hoặc Không', en: 'yes or no' },
  date: { vi: 'một ngày (dd/mm/yyyy)', en: 'a date (dd/mm/yyyy)' },
  'year-or-date': { vi: 'một năm hoặc một ngày', en: 'a year or a date' },
  enum: { vi: 'một giá trị trong danh mục', en: 'a value from the list' },
};

/**
 * Each filled cell of the listed columns (or of every typed column) must read as its column's
 * type: a number, a percentage, yes/no, a date, a known enumeration value.
 */
export const validValue = defineOperator({
  kind: 'row',
  options: ({ z, ColumnKey }: Schemas) =>
    z.strictObject({ columns: z.array(ColumnKey).optional(), except: z.array(ColumnKey).default([]) }),
  columns: (o) => [...(o.columns ?? []), ...o.except],
  describe: (o, d) =>
    fill(
      'Mỗi ô có ghi của {cols}{ex} phải đọc được theo kiểu của cột: số, tỷ lệ phần trăm, Có/Không, ngày tháng hoặc một giá trị trong danh mục của cột.',
      "Every filled cell of {cols}{ex} must read as its column's type: a number, a percentage, yes/no, a date or a value of the column's list.",
      {
        cols: o.columns
          ? fill(o.columns.length === 1 ? 'cột {l}' : 'các cột {l}', o.columns.length === 1 ? 'the column {l}' : 'the columns {l}', { l: joined(o.columns.map(d.column), 'and') })
          : { vi: 'mọi cột có kiểu', en: 'every typed column' },
        ex: o.except.length ? fill(' (trừ {l})', ' (except {l})', { l: joined(o.except.map(d.column)) }) : '',
      },
    ),
  messages: {
    fail: { vi: '«{{column}}» phải là {{expected}}, không đọc được «{{value}}».', en: '"{{column}}" must be {{expected}}; cannot read "{{value}}".' },
  },
  check(row, o, ctx) {
    for (const cell of row.cells()) {
      // Most cells read as their type: asked first, before the column lists.
      if (!cell.parsed || cell.parsed.ok) continue;
      if ((o.columns && !o.columns.includes(cell.key)) || o.except.includes(cell.key)) continue;
      const column = cell.year === undefined ? ctx.label(cell.key) : `${ctx.label(cell.key)} ${cell.year}`;
      ctx.report({ row, cell, data: { column, expected: TYPE_TEXT[cell.parsed.expected], value: cell.text } });
    }
  },
});
