/**
 * The annotated copy of a CSV file: a new workbook (a CSV cannot hold fills, notes or links)
 * holding the CSV's rows as read, streamed from the file as they are written, each marked cell
 * filled in its severity's style and noted, and the findings sheet.
 */
import type { Finding, Lang } from '../../engine/types.js';
import { openCsv } from '../../read/csv.js';
import type { RawCell, ReadLimits, SheetInfo, WorkbookSource } from '../../read/types.js';
import type { CellOut, CellValue, SheetXml } from '../../write/sheet-xml.js';
import { sheetNameFor, STYLE, writeWorkbook } from '../../write/workbook.js';
import type { PackageWriter } from '../../write/zip.js';
import { FINDINGS_LAYOUT, FINDINGS_NAME, findingsRows } from './findings-sheet.js';
import { marksBySheet, notesOf, placeFindings, type Cell, type SheetMarks } from './marks.js';

/** The title cell's search, as in a workbook (title.ts): the first cell with a value in the first 40 rows and 30 columns. */
async function csvTitle(source: WorkbookSource, sheet: SheetInfo): Promise<Cell> {
  for await (const row of source.rows(sheet)) {
    if (row.row > 40) break;
    const cell = row.cells.find((c) => c.col <= 30);
    if (cell) return { row: row.row, col: cell.col };
  }
  return { row: 1, col: 1 };
}

const valueOf = (cell: RawCell): CellValue => (cell.v instanceof Date ? cell.v.toISOString() : cell.v);

/** `opts.data`: the file's bytes, when given as bytes (a page's file). */
export async function writeCsvCopy(file: string, findings: readonly Finding[], pkg: PackageWriter, opts: { lang: Lang; generator: string; limits: Partial<ReadLimits>; data?: Uint8Array }): Promise<void> {
  const source = await openCsv(opts.data ? { name: file, data: opts.data } : file, opts.limits);
  try {
    const names: string[] = [];
    for (const s of source.sheets) names.push(sheetNameFor(s.name, names));
    const placed = await placeFindings(findings, source.sheets, (i) => csvTitle(source, source.sheets[i]));
    const marks = marksBySheet(placed);
    await writeWorkbook(
      pkg,
      [
        ...source.sheets.map((sheet, i) => {
          const m = marks.get(i);
          return {
            name: names[i],
            rows: (out: SheetXml) => copyRows(source, sheet, m, out),
            notes: m ? () => notesOf(m) : undefined,
          };
        }),
        {
          name: sheetNameFor(FINDINGS_NAME[opts.lang], names),
          layout: FINDINGS_LAYOUT,
          rows: (out: SheetXml) => findingsRows(out, placed, names, opts.lang, { bold: STYLE.bold, link: STYLE.link }),
        },
      ],
      { kind: 'annotated-copy', generator: opts.generator },
    );
  } finally {
    await source.close();
  }
}

/** The sheet's rows as read, the marked cells styled; a marked row the CSV lacks (a blank line) written where it goes. */
async function copyRows(source: WorkbookSource, sheet: SheetInfo, marks: SheetMarks | undefined, out: SheetXml): Promise<void> {
  const marked = marks?.rows() ?? [];
  let next = 0;
  const write = (row: number, cells: RawCell[], isMarked: boolean) => {
    const values: (CellOut | CellValue)[] = [];
    for (const c of cells) values[c.col - 1] = valueOf(c);
    if (isMarked) for (const [col, mark] of marks!.row(row)) values[col - 1] = { v: values[col - 1] as CellValue, s: STYLE[mark.severity] };
    out.row(values, undefined, row);
  };
  for await (const row of source.rows(sheet)) {
    for (; next < marked.length && marked[next] < row.row; next++) write(marked[next], [], true);
    const isMarked = marked[next] === row.row;
    if (isMarked) next++;
    write(row.row, row.cells, isMarked);
  }
  for (; next < marked.length; next++) write(marked[next], [], true);
}
