/**
 * A worksheet's XML written row by row, for the sheets hoso makes (a report's tables, the findings
 * sheet of an annotated copy, a CSV's copy): nothing of a row is kept once it is written, so a
 * table of a million rows costs the memory of one. Text is written inline (no shared-strings part
 * to gather first) and escaped as Excel escapes it; a link to a cell is a HYPERLINK formula in the
 * cell itself, since a sheet's <hyperlinks> list would have to be kept until its end.
 */
import { columnLetter } from '../read/types.js';
import { escapeXml, ooxmlText } from '../format/xml-text.js';

export type CellValue = string | number | boolean | null | undefined;

export interface CellOut {
  v: CellValue;
  /** The style's index in the workbook's cellXfs. */
  s?: number;
  /** A place in the workbook to go to, "'Sheet 1'!H12": the cell becomes a link showing v. */
  link?: string;
}

export interface SheetLayout {
  /** Column widths in characters, from column A. */
  widths?: number[];
  /** Rows kept in view at the top (the header). */
  frozenRows?: number;
  /** Print on A4 landscape, one page wide. */
  landscape?: boolean;
}

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * What cellText changes: XML's special characters, a character XML cannot hold, DEL, and the
 * start of a literal `_xHHHH_` (see ooxmlText). Most cells hold none of them, and are written as
 * they are after this one search (a surrogate pair, which it also finds, takes the full way).
 */
const ESCAPED = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}/;

/** A text as a cell's XML may hold it: Excel's `_xHHHH_` escapes, then XML's. */
export const cellText = (s: string): string => (ESCAPED.test(s) ? escapeXml(ooxmlText(s)) : s);

/** A formula string literal: quotes doubled. */
const formulaString = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A cell's XML; `style` is used when the cell has none of its own. No object is made for a plain value. */
function cellXml(ref: string, cell: CellOut | CellValue, style: number | undefined): string {
  const own = cell !== null && typeof cell === 'object' ? cell : undefined;
  const v = own ? own.v : (cell as CellValue);
  const si = own?.s || style;
  const s = si ? ` s="${si}"` : '';
  if (own?.link) {
    const shown = v === null || v === undefined ? '' : String(v);
    return `<c r="${ref}"${s} t="str"><f>${cellText(`HYPERLINK(${formulaString(`#${own.link}`)},${formulaString(shown)})`)}</f><v>${cellText(shown)}</v></c>`;
  }
  if (v === null || v === undefined || v === '') return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="inlineStr"><is><t>${String(v)}</t></is></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  // Excel trims a text's outer spaces unless told to keep them; most texts have none, and the
  // 20 characters of the attribute would be a fifth of a million-row sheet.
  const keep = v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32 ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${keep}>${cellText(v)}</t></is></c>`;
}

/** Column letters, made once per column index and kept (a sheet has few columns and many rows). */
const letters: string[] = [];
const letter = (col: number) => (letters[col] ??= columnLetter(col));

/**
 * Writes one worksheet: begin() with its layout, row() per row, end() with the range to filter.
 * Rows are numbered from 1 in the order they are written.
 */
export class SheetXml {
  private rowNumber = 0;
  private widest = 0;

  constructor(private readonly out: (text: string) => void) {}

  begin(layout: SheetLayout = {}): void {
    let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
    xml += layout.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
    if (layout.frozenRows)
      xml += `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${layout.frozenRows}" topLeftCell="A${layout.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`;
    if (layout.widths?.length)
      xml += `<cols>${layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>`).join('')}</cols>`;
    this.out(`${xml}<sheetData>`);
    this.landscape = Boolean(layout.landscape);
  }

  private landscape = false;

  /**
   * Writes the next row; `s`, when given, is the style of every cell without its own. `at` numbers
   * it when rows are skipped (a CSV's blank lines): never one before the last written.
   */
  row(cells: readonly (CellOut | CellValue)[], s?: number, at?: number): number {
    const r = (this.rowNumber = Math.max(at ?? 0, this.rowNumber + 1));
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) xml += cellXml(`${letter(i + 1)}${r}`, cells[i], s);
    if (cells.length > this.widest) this.widest = cells.length;
    this.out(`${xml}</row>`);
    return r;
  }

  get rows(): number {
    return this.rowNumber;
  }

  /**
   * Closes the sheet; `filter` puts an auto filter on the header row over every row written,
   * `legacyDrawing` names the relationship of the drawing its notes are shown in.
   */
  end(options: { filter?: boolean; legacyDrawing?: string } = {}): void {
    let xml = '</sheetData>';
    const range = this.filterRange();
    if (options.filter && range) xml += `<autoFilter ref="${range}"/>`;
    xml += '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    if (this.landscape) xml += '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
    if (options.legacyDrawing) xml += `<legacyDrawing r:id="${options.legacyDrawing}"/>`;
    this.out(`${xml}</worksheet>`);
  }

  /** The range the auto filter covers (A1 to the last row's last column), if any row was written. */
  filterRange(): string | undefined {
    return this.rowNumber && this.widest ? `A1:${letter(this.widest)}${this.rowNumber}` : undefined;
  }
}
