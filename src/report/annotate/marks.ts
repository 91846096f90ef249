/**
 * Where each finding shows in the copy: on its cell (filled with its severity's colour, noted with
 * its rule and message), and, for a finding about a whole sheet or unit (a quota, a missing
 * column), on the sheet's title cell. A cell under several findings takes the worst one's colour
 * and a note line for each.
 */
import type { Finding, Severity } from '../../engine/types.js';
import { columnIndex, columnLetter } from '../../read/types.js';
import { sheetKey } from '../../write/workbook.js';
import type { Note } from '../../write/notes.js';
import { SEVERITY_RANK } from '../../write/severity-style.js';

/** Excel's grid: 1,048,576 rows of 16,384 columns (XFD). */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export interface Cell {
  row: number;
  col: number;
}

export interface CellMark {
  severity: Severity;
  /** One line per finding: "[rule] message". */
  notes: string[];
}

/** The line a finding adds to its cell's note. */
export const noteLine = (f: Finding): string => `[${f.ruleId}] ${f.message}`;

export const refOf = (cell: Cell): string => `${columnLetter(cell.col)}${cell.row}`;

/** "B12" (or "$B$12") as a cell, if it names one of Excel's grid. */
export function parseRef(ref: string): Cell | undefined {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  return m ? cellIn(columnIndex(m[1]), Number(m[2])) : undefined;
}

function cellIn(col: number, row: number): Cell | undefined {
  return row >= 1 && row <= MAX_ROW && col >= 1 && col <= MAX_COL ? { row, col } : undefined;
}

/** The cell a finding names, if it names one. */
function cellOf(f: Finding): Cell | undefined {
  if (f.row === undefined || !f.column || !/^[A-Z]{1,3}$/.test(f.column) || !Number.isInteger(f.row)) return undefined;
  return cellIn(columnIndex(f.column), f.row);
}

/** The cells marked on one sheet, by row and column. */
export class SheetMarks {
  private readonly byRow = new Map<number, Map<number, CellMark>>();

  add(cell: Cell, f: Finding): void {
    let row = this.byRow.get(cell.row);
    if (!row) this.byRow.set(cell.row, (row = new Map()));
    const mark = row.get(cell.col);
    if (!mark) row.set(cell.col, { severity: f.severity, notes: [noteLine(f)] });
    else {
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[mark.severity]) mark.severity = f.severity;
      mark.notes.push(noteLine(f));
    }
  }

  /** The rows with a mark, in order. */
  rows(): number[] {
    return [...this.byRow.keys()].sort((a, b) => a - b);
  }

  /** A row's marks by column, in column order (empty for a row with none). */
  row(row: number): [col: number, mark: CellMark][] {
    return [...(this.byRow.get(row) ?? [])].sort((a, b) => a[0] - b[0]);
  }

  /** Every mark, row by row, each row in column order. */
  *cells(): Generator<{ cell: Cell; mark: CellMark }> {
    for (const row of this.rows()) for (const [col, mark] of this.row(row)) yield { cell: { row, col }, mark };
  }
}

/** A finding and where it shows. */
export interface Placed {
  finding: Finding;
  /** The sheet it shows on (an index into the workbook's sheets), if the workbook has it. */
  sheet?: number;
  /** Its cell: the one it names, or the sheet's title cell for a finding about the whole sheet. */
  cell?: Cell;
}

/**
 * The sheet of each finding, by its name (as Excel tells names apart when no sheet has it as it
 * is); a finding about the whole file goes to the first visible sheet. `title` gives the title
 * cell of a sheet a finding about the whole of it shows on.
 */
export async function placeFindings(findings: readonly Finding[], sheets: readonly { name: string; hidden: boolean }[], title: (sheet: number) => Promise<Cell>): Promise<Placed[]> {
  const exact = new Map<string, number>();
  const loose = new Map<string, number>();
  sheets.forEach((s, i) => {
    if (!exact.has(s.name)) exact.set(s.name, i);
    if (!loose.has(sheetKey(s.name))) loose.set(sheetKey(s.name), i);
  });
  const sheetOf = (name: string | undefined) => (name === undefined ? undefined : (exact.get(name) ?? loose.get(sheetKey(name))));
  const firstVisible = sheets.findIndex((s) => !s.hidden);
  const titles = new Map<number, Cell>();
  const placed: Placed[] = [];
  for (const finding of findings) {
    const cell = cellOf(finding);
    if (cell || finding.row !== undefined) {
      placed.push({ finding, sheet: sheetOf(finding.sheet), cell });
      continue;
    }
    const sheet = sheetOf(finding.sheet) ?? (firstVisible >= 0 ? firstVisible : undefined);
    if (sheet === undefined) placed.push({ finding });
    else {
      if (!titles.has(sheet)) titles.set(sheet, await title(sheet));
      placed.push({ finding, sheet, cell: titles.get(sheet) });
    }
  }
  return placed;
}

/** The marks of each sheet that has any. */
export function marksBySheet(placed: readonly Placed[]): Map<number, SheetMarks> {
  const out = new Map<number, SheetMarks>();
  for (const p of placed) {
    if (p.sheet === undefined || !p.cell) continue;
    let marks = out.get(p.sheet);
    if (!marks) out.set(p.sheet, (marks = new SheetMarks()));
    marks.add(p.cell, p.finding);
  }
  return out;
}

/** Each marked cell's note: its findings' lines, one under the other. */
export function notesOf(marks: SheetMarks): Note[] {
  return [...marks.cells()].map(({ cell, mark }) => ({ ...cell, ref: refOf(cell), text: mark.notes.join('\n') }));
}
