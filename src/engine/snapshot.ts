/**
 * What a rule over every file needs of a row, small enough to cross from a worker thread to the
 * main one: the place, the unit, and for each column those rules read, the cell's text, position
 * and parsed value. The main thread turns it back into a RowView for the rules' accumulators.
 */
import type { Value } from '../normalize/values.js';
import type { CellView, RowView, YearSlot } from './types.js';

export interface RowSnapshot {
  file: string;
  sheet: string;
  row: number;
  unit: string;
  /** Keys the sheet has (for a year column: any year; the kind also when inferred). */
  has: string[];
  /** Per key: the cell's text, column and parsed value (absent when empty or unreadable). */
  cells: Record<string, { text: string; col: number; column: string; value?: Value } | undefined>;
  /** Values without a cell (the kind taken from the sheet's title). */
  values: Record<string, Value | undefined>;
}

export function snapshotRow(row: RowView, keys: string[]): RowSnapshot {
  const cells: RowSnapshot['cells'] = {};
  const values: RowSnapshot['values'] = {};
  for (const k of keys) {
    const c = row.cell(k);
    if (c) cells[k] = { text: c.text, col: c.col, column: c.column, value: c.parsed?.ok ? c.parsed.value : undefined };
    else {
      const v = row.value(k);
      if (v !== undefined) values[k] = v;
    }
  }
  return { file: row.file, sheet: row.sheet, row: row.row, unit: row.unit, has: keys.filter((k) => row.has(k)), cells, values };
}

export function rowFromSnapshot(s: RowSnapshot): RowView {
  const has = new Set(s.has);
  const view = (key: string): CellView | undefined => {
    const c = s.cells[key];
    if (!c) return undefined;
    return {
      key,
      col: c.col,
      column: c.column,
      raw: { t: 's', v: c.text, col: c.col },
      text: c.text,
      parsed: c.value === undefined ? { ok: false, expected: 'text' } : { ok: true, value: c.value },
    };
  };
  const none = new Set<string>();
  return {
    file: s.file,
    sheet: s.sheet,
    row: s.row,
    hidden: false,
    sheetHidden: false,
    unit: s.unit,
    has: (k) => has.has(k),
    slot: (k) => s.cells[k] && { col: s.cells[k]!.col, column: s.cells[k]!.column },
    cell: view,
    value: (k) => s.cells[k]?.value ?? s.values[k],
    years: (): YearSlot[] => [],
    cells: () => [],
    failedTags: () => none,
  };
}
