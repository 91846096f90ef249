/**
 * Worksheet, shared-strings and styles parts as Excel and LibreOffice write them: cells share a
 * handful of style indices (every body cell of a bordered list has one `s`), text goes to the
 * shared strings (rich text as runs), a column of numbers is one shared formula.
 */
import { columnIndex, columnLetter } from '../../src/read/types.js';
import { esc, NS, type PackageWriter } from './opc-writer.js';

/** A run of rich text; a cell of several runs is one shared string of `<r>` elements. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** ARGB. */
  color?: string;
}

/** A formula with the result Excel cached; `shared` makes it (part of) a shared formula. */
export interface Formula {
  f?: string;
  shared?: { si: number; ref?: string };
  result: number;
}

export type Value = string | number | Run[] | Formula;

export interface Cell {
  ref: string;
  style: StyleName;
  v?: Value;
}

export interface Row {
  r: number;
  ht?: number;
  cells: Cell[];
}

// ---------------------------------------------------------------------------------------------
// Styles: one table for every fixture, so that each name is one cellXfs index everywhere.

const FONT = { name: 'Times New Roman', size: 13 };
const FONTS = [
  `<font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>`,
  `<font><sz val="${FONT.size}"/><color rgb="FF000000"/><name val="${FONT.name}"/><family val="1"/></font>`,
  `<font><b/><sz val="${FONT.size}"/><color rgb="FF000000"/><name val="${FONT.name}"/><family val="1"/></font>`,
  `<font><i/><sz val="${FONT.size}"/><color rgb="FF000000"/><name val="${FONT.name}"/><family val="1"/></font>`,
  `<font><b/><sz val="14"/><color rgb="FF000000"/><name val="${FONT.name}"/><family val="1"/></font>`,
];
const FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill>'];
const THIN = (side: string) => `<${side} style="thin"><color indexed="64"/></${side}>`;
const BORDERS = ['<border><left/><right/><top/><bottom/><diagonal/></border>', `<border>${['left', 'right', 'top', 'bottom'].map(THIN).join('')}<diagonal/></border>`];
const NUM_FMTS = [{ id: 164, code: 'dd/mm/yyyy' }];

interface Xf {
  font: number;
  fill?: number;
  border?: number;
  numFmt?: number;
  align?: { h?: 'center' | 'left'; v?: 'center' | 'top'; wrap?: boolean };
}
/** The styles of a dossier, in cellXfs order (index 0 is Excel's "Normal"). */
const XFS = {
  normal: { font: 0 },
  plain: { font: 1 },
  unit: { font: 2, align: { h: 'center' } },
  motto: { font: 2, align: { h: 'center' } },
  slogan: { font: 3, align: { h: 'center' } },
  title: { font: 4, align: { h: 'center', v: 'center', wrap: true } },
  header: { font: 2, fill: 2, border: 1, align: { h: 'center', v: 'center', wrap: true } },
  numbering: { font: 3, border: 1, align: { h: 'center', v: 'center' } },
  group: { font: 2, border: 1, align: { v: 'center' } },
  text: { font: 1, border: 1, align: { v: 'center', wrap: true } },
  center: { font: 1, border: 1, align: { h: 'center', v: 'center' } },
  date: { font: 1, border: 1, numFmt: 164, align: { h: 'center', v: 'center' } },
  place: { font: 3, align: { h: 'center' } },
  sign: { font: 2, align: { h: 'center' } },
} satisfies Record<string, Xf>;
export type StyleName = keyof typeof XFS;
const XF_NAMES = Object.keys(XFS) as StyleName[];
export const styleIndex = (name: StyleName): number => XF_NAMES.indexOf(name);

function xfXml(pkg: PackageWriter, x: Xf): string {
  const t = pkg.bool(true);
  const applies = [x.numFmt ? ` applyNumberFormat="${t}"` : '', x.font ? ` applyFont="${t}"` : '', x.fill ? ` applyFill="${t}"` : '', x.border ? ` applyBorder="${t}"` : '', x.align ? ` applyAlignment="${t}"` : ''].join('');
  const head = `<xf numFmtId="${x.numFmt ?? 0}" fontId="${x.font}" fillId="${x.fill ?? 0}" borderId="${x.border ?? 0}" xfId="0"${applies}`;
  if (!x.align) return `${head}/>`;
  const a = x.align;
  const align = `<alignment${a.h ? ` horizontal="${a.h}"` : ''}${a.v ? ` vertical="${a.v}"` : ''}${a.wrap ? ` wrapText="${pkg.bool(true)}"` : ''}/>`;
  return `${head}>${align}</xf>`;
}

/** styles.xml: the dossier's styles, and the differential formats conditional formats point at. */
export function stylesXml(pkg: PackageWriter, dxfs: string[] = []): string {
  const list = (tag: string, items: string[], extra = '') => `<${tag} count="${items.length}"${extra}>${items.join('')}</${tag}>`;
  return pkg.xml(
    `<styleSheet xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac" xmlns:x14ac="${NS.x14ac}">` +
      list('numFmts', NUM_FMTS.map((n) => `<numFmt numFmtId="${n.id}" formatCode="${esc(n.code)}"/>`)) +
      list('fonts', FONTS, ' x14ac:knownFonts="1"') +
      list('fills', FILLS) +
      list('borders', BORDERS) +
      list('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list('cellXfs', XF_NAMES.map((n) => xfXml(pkg, XFS[n]))) +
      list('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      list('dxfs', dxfs) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>',
  );
}

// ---------------------------------------------------------------------------------------------
// Shared strings

function runXml(pkg: PackageWriter, r: Run): string {
  const props = `${r.bold ? '<b/>' : ''}${r.italic ? '<i/>' : ''}<sz val="${FONT.size}"/><color rgb="${r.color ?? 'FF000000'}"/><rFont val="${FONT.name}"/><family val="1"/>`;
  return `<r><rPr>${props}</rPr>${textXml(pkg, r.text)}</r>`;
}

/** `<t>`, keeping spaces at either end (LibreOffice marks every text so). */
function textXml(pkg: PackageWriter, text: string): string {
  const keep = pkg.flavour === 'libreoffice' || /^\s|\s$|\n/.test(text);
  return `<t${keep ? ' xml:space="preserve"' : ''}>${esc(text)}</t>`;
}

/** The workbook's shared strings, each text once, in the order first used. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private uses = 0;

  constructor(private readonly pkg: PackageWriter) {}

  add(v: string | Run[]): number {
    const xml = typeof v === 'string' ? textXml(this.pkg, v) : v.map((r) => runXml(this.pkg, r)).join('');
    this.uses++;
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }

  xml(): string {
    return this.pkg.xml(`<sst xmlns="${NS.main}" count="${this.uses}" uniqueCount="${this.items.length}">${this.items.map((x) => `<si>${x}</si>`).join('')}</sst>`);
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

export const splitRef = (ref: string): { col: string; row: number } => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { col: m[1], row: Number(m[2]) };
};

function cellXml(pkg: PackageWriter, sst: SharedStrings, c: Cell): string {
  const s = styleIndex(c.style);
  // Excel leaves out s="0"; LibreOffice writes it on every cell.
  const sAttr = s === 0 && pkg.flavour === 'excel' ? '' : ` s="${s}"`;
  const open = `<c r="${c.ref}"${sAttr}`;
  const v = c.v;
  if (v === undefined) return `${open}/>`;
  if (typeof v === 'number') return `${open}><v>${v}</v></c>`;
  if (typeof v === 'string' || Array.isArray(v)) return `${open} t="s"><v>${sst.add(v)}</v></c>`;
  const aca = pkg.flavour === 'libreoffice' ? ' aca="false"' : '';
  const shared = v.shared ? ` t="shared"${v.shared.ref ? ` ref="${v.shared.ref}"` : ''} si="${v.shared.si}"` : '';
  const f = v.f === undefined ? `<f${shared}${aca}/>` : `<f${shared}${aca}>${esc(v.f)}</f>`;
  return `${open}>${f}<v>${v.result}</v></c>`;
}

/** What a worksheet holds beyond its cells, as the XML Excel writes for it. */
export interface SheetExtras {
  /** The rows above the body to freeze (the header). */
  frozenRows?: number;
  tabSelected?: boolean;
  cols?: [min: number, max: number, width: number][];
  merges?: string[];
  autoFilter?: string;
  /** `<conditionalFormatting>` elements. */
  conditional?: string;
  /** The `<dataValidation>` elements. */
  validations?: string[];
  printOptions?: string;
  /** `<pageSetup>`'s attributes (r:id is added when the sheet has printer settings). */
  pageSetup?: string;
  headerFooter?: string;
  rowBreaks?: number[];
  /** `fitToPage` under sheetPr. */
  fitToPage?: boolean;
}

/** Relationship ids the worksheet's elements point at. */
export interface SheetRelIds {
  printerSettings?: string;
  drawing?: string;
  legacyDrawing?: string;
}

/** The worksheet part: its children in the order the schema fixes (Excel refuses another). */
export function worksheetXml(pkg: PackageWriter, sst: SharedStrings, rows: Row[], x: SheetExtras, ids: SheetRelIds): string {
  const cells = rows.flatMap((r) => r.cells.map((c) => splitRef(c.ref)));
  const maxCol = Math.max(...cells.map((c) => columnIndex(c.col)));
  const maxRow = Math.max(...cells.map((c) => c.row));
  const excel = pkg.flavour === 'excel';
  const out: string[] = [];
  out.push(`<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac" xmlns:x14ac="${NS.x14ac}">`);
  out.push(x.fitToPage ? `<sheetPr><pageSetUpPr fitToPage="${pkg.bool(true)}"/></sheetPr>` : '');
  out.push(`<dimension ref="A1:${columnLetter(maxCol)}${maxRow}"/>`);
  const pane =
    x.frozenRows !== undefined
      ? `<pane ySplit="${x.frozenRows}" topLeftCell="A${x.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B${x.frozenRows + 1}" sqref="B${x.frozenRows + 1}"/>`
      : '<selection activeCell="A1" sqref="A1"/>';
  out.push(`<sheetViews><sheetView${x.tabSelected ? ` tabSelected="${pkg.bool(true)}"` : ''} zoomScale="85" zoomScaleNormal="85" workbookViewId="0">${pane}</sheetView></sheetViews>`);
  out.push(`<sheetFormatPr defaultRowHeight="16.5"${excel ? ' x14ac:dyDescent="0.25"' : ''}/>`);
  if (x.cols?.length) out.push(`<cols>${x.cols.map(([min, max, w]) => `<col min="${min}" max="${max}" width="${w}" customWidth="${pkg.bool(true)}"/>`).join('')}</cols>`);
  out.push('<sheetData>');
  for (const r of rows) {
    const span = r.cells.length ? ` spans="${columnIndex(splitRef(r.cells[0].ref).col)}:${columnIndex(splitRef(r.cells[r.cells.length - 1].ref).col)}"` : '';
    const ht = r.ht ? ` ht="${r.ht}" customHeight="${pkg.bool(true)}"` : '';
    out.push(`<row r="${r.r}"${span}${ht}${excel ? ' x14ac:dyDescent="0.25"' : ''}>${r.cells.map((c) => cellXml(pkg, sst, c)).join('')}</row>`);
  }
  out.push('</sheetData>');
  if (x.autoFilter) out.push(`<autoFilter ref="${x.autoFilter}"/>`);
  if (x.merges?.length) out.push(`<mergeCells count="${x.merges.length}">${x.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  if (x.conditional) out.push(x.conditional);
  if (x.validations?.length) out.push(`<dataValidations count="${x.validations.length}">${x.validations.join('')}</dataValidations>`);
  if (x.printOptions) out.push(x.printOptions);
  out.push('<pageMargins left="0.5" right="0.3" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>');
  if (x.pageSetup) out.push(`<pageSetup ${x.pageSetup}${ids.printerSettings ? ` r:id="${ids.printerSettings}"` : ''}/>`);
  if (x.headerFooter) out.push(x.headerFooter);
  if (x.rowBreaks?.length) out.push(`<rowBreaks count="${x.rowBreaks.length}" manualBreakCount="${x.rowBreaks.length}">${x.rowBreaks.map((b) => `<brk id="${b}" max="16383" man="${pkg.bool(true)}"/>`).join('')}</rowBreaks>`);
  if (ids.drawing) out.push(`<drawing r:id="${ids.drawing}"/>`);
  if (ids.legacyDrawing) out.push(`<legacyDrawing r:id="${ids.legacyDrawing}"/>`);
  out.push('</worksheet>');
  return pkg.xml(out.join(''));
}
