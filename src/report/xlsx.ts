/**
 * The batch report as a workbook: "Tổng hợp" (a row per unit and a total row), "Danh sách" (every
 * nominee with its status and the messages of its findings) and "Kết quả kiểm tra" (every
 * finding). Each sheet has a bold, frozen header row with an auto filter, column widths fitted to
 * the longest text (worked out as the model was built, since a streamed sheet states its widths
 * before its rows) and prints on A4 landscape, one page wide, the header on every page.
 *
 * Written part by part (write/workbook.ts): the list is read back from the nominee store and each
 * row written as it comes, so a million nominees cost the memory of one row. A table longer than
 * a sheet holds goes on in another sheet of the same name, "Danh sách (2)".
 */
import { STYLE, writeWorkbook, type NewSheet } from '../write/workbook.js';
import type { CellOut } from '../write/sheet-xml.js';
import { PackageWriter, type Deflater, type Sink } from '../write/zip.js';
import type { ReportModel } from './model.js';
import { findingCells, listCells, mapped, summaryCells, summaryHeaders, summaryTotal, type Cell } from './tables.js';
import { FINDING_HEADERS, LIST_HEADERS, say } from './texts.js';

/** Rows of a sheet, its header one of them. */
export const SHEET_ROWS = 1_048_576;
/** Column widths in characters; a column whose text is longer wraps. */
const NARROWEST = 6;
const WIDEST = 60;

/** The sheets of one table: as many as its rows need, each with the header, the last with the total row. */
function tableSheets(name: string, headers: string[], longest: number[], rows: Iterable<Cell[]>, count: number, total?: Cell[], perSheet = SHEET_ROWS - 1): NewSheet[] {
  const layout = { widths: longest.map((l) => Math.min(WIDEST, Math.max(NARROWEST, l + 2))), frozenRows: 1, landscape: true };
  const wrap = longest.map((l) => l > WIDEST);
  const cells = wrap.includes(true) ? (r: Cell[]): (CellOut | Cell)[] => r.map((v, i) => (wrap[i] ? { v, s: STYLE.wrap } : v)) : (r: Cell[]) => r;
  const source = rows[Symbol.iterator]();
  // The total row needs a row of its own on the last sheet.
  const sheets = Math.max(1, Math.ceil((count + (total ? 1 : 0)) / perSheet));
  return Array.from({ length: sheets }, (_, k) => ({
    name,
    layout,
    filter: true,
    printTitles: true,
    rows(sheet) {
      sheet.row(headers, STYLE.bold);
      for (let n = 0; n < perSheet; n++) {
        const next = source.next();
        if (next.done) break;
        sheet.row(cells(next.value));
      }
      if (total && k === sheets - 1) sheet.row(total, STYLE.bold);
    },
  }));
}

/** The report's sheets, their rows made as each is written. */
export function reportSheets(m: ReportModel, perSheet?: number): NewSheet[] {
  const { lang } = m;
  return [
    ...tableSheets(say('summary', lang), summaryHeaders(m), m.longest.summary, mapped(m.units, (u) => summaryCells(m, u)), m.units.length, summaryTotal(m), perSheet),
    ...tableSheets(say('list', lang), LIST_HEADERS.map((k) => say(k, lang)), m.longest.list, mapped(m.list(), (r) => listCells(r, lang)), m.total.nominees, undefined, perSheet),
    ...tableSheets(say('findings', lang), FINDING_HEADERS.map((k) => say(k, lang)), m.longest.findings, mapped(m.findings, (f) => findingCells(f, lang)), m.findings.length, undefined, perSheet),
  ];
}

/** What writes a workbook: hoso's name and version for the mark (write/mark.ts), and how its parts are compressed. */
export interface WorkbookMaker {
  generator: string;
  deflater: Deflater;
}

/** Writes the workbook to `write` as it is made (see writeAtomicStream). */
export function reportWorkbook(m: ReportModel, maker: WorkbookMaker): (write: Sink) => Promise<void> {
  return async (write) => {
    const pkg = new PackageWriter(write, maker.deflater);
    await writeWorkbook(pkg, reportSheets(m), { kind: 'report', generator: maker.generator });
    pkg.end();
  };
}
