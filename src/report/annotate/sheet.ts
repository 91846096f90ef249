/**
 * A worksheet with findings, rewritten as it streams: a marked cell's `s` attribute is set to its
 * restyled copy, and nothing else of it, or of any other cell, changes. A marked cell the sheet
 * does not have (an empty required cell) gets a `<c>` inserted in column order in its row, styled
 * from the row's style (a row formatted as a whole) or its column's, as Excel shows an absent
 * cell; a missing row is inserted in row order. When the sheet's notes need a VML drawing it did
 * not have, its `<legacyDrawing>` goes where the schema puts it.
 */
import type { Severity } from '../../engine/types.js';
import { NS_REL } from '../../write/sheet-xml.js';
import { parseRef, refOf, type CellMark, type SheetMarks } from './marks.js';
import { attr, closing, decodeAttribute, EMPTY, END, opened, pass, START, withAttr, type Editor, type Tag } from './tags.js';

export interface SheetPlan {
  marks: SheetMarks;
  /** The style a cell of style `xf` takes under a mark of this severity. */
  styleFor(xf: number, severity: Severity): number;
  /** The relationship id of a `<legacyDrawing>` to add (the sheet has none). */
  legacyDrawing?: string;
}

/** What follows <legacyDrawing> in a worksheet (CT_Worksheet's sequence): it goes before the first of them. */
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const NAMES = ['worksheet', 'sheetData', 'row', 'c', 'col', 'legacyDrawing', ...AFTER_LEGACY];
const [WORKSHEET, SHEET_DATA, ROW, C, COL, LEGACY] = [0, 1, 2, 3, 4, 5];

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

export function sheetRewriter(plan: SheetPlan): Editor {
  const targets = plan.marks.rows();
  /** The next marked row not yet reached. */
  let next = 0;
  const cols: { min: number; max: number; style: number }[] = [];
  let rootPrefix = '';
  let declaresR = false;
  let dataPrefix = '';
  let rowNumber = 0;
  /** The marks of the row being read, those not yet reached from `cellNext`. */
  let rowMarks: [number, CellMark][] = [];
  let cellNext = 0;
  let lastCol = 0;
  let rowStyle: number | undefined;
  let rowPrefix = '';
  let legacyHandled = plan.legacyDrawing === undefined;

  const colStyle = (col: number) => cols.find((c) => c.min <= col && col <= c.max)?.style ?? 0;
  const cellXml = (col: number, mark: CellMark, prefix: string) =>
    `<${prefix}c r="${refOf({ row: rowNumber, col })}" s="${plan.styleFor(rowStyle ?? colStyle(col), mark.severity)}"/>`;

  /** The marked cells the row lacks before column `col`. */
  function cellsBefore(col: number, prefix: string): string {
    let xml = '';
    for (; cellNext < rowMarks.length && rowMarks[cellNext][0] < col; cellNext++) xml += cellXml(rowMarks[cellNext][0], rowMarks[cellNext][1], prefix);
    return xml;
  }

  /** The marked rows the sheet lacks before row `row`, whole. */
  function rowsBefore(row: number): string {
    let xml = '';
    for (; next < targets.length && targets[next] < row; next++) {
      enterRow(targets[next], undefined, true);
      xml += `<${dataPrefix}row r="${rowNumber}">${cellsBefore(Infinity, dataPrefix)}</${dataPrefix}row>`;
    }
    rowMarks = [];
    return xml;
  }

  /** The cells of a row without marks left are passed without being looked at: most rows have none. */
  const resting = NAMES.map(() => false);
  const restCells = () => (resting[C] = cellNext >= rowMarks.length);

  function enterRow(row: number, raw: string | undefined, marked: boolean): void {
    rowNumber = row;
    rowMarks = marked ? plan.marks.row(row) : [];
    cellNext = 0;
    lastCol = 0;
    rowStyle = raw && isTrue(attr(raw, 'customFormat')) ? Number(attr(raw, 's') ?? 0) : undefined;
  }

  function legacyBefore(tag: Tag): string | undefined {
    if (legacyHandled) return undefined;
    legacyHandled = true;
    const ns = declaresR ? '' : ` xmlns:r="${NS_REL}"`;
    return `<${rootPrefix}legacyDrawing r:id="${plan.legacyDrawing}"${ns}/>${tag.raw}`;
  }

  const handler = (tag: Tag): string | undefined => {
    switch (tag.id) {
      case WORKSHEET:
        if (tag.kind === START && tag.depth === 1) {
          rootPrefix = tag.prefix;
          declaresR = new RegExp(`\\sxmlns:r\\s*=\\s*["']${NS_REL}["']`).test(tag.raw);
          return undefined;
        }
        return tag.kind === END ? legacyBefore(tag) : undefined;
      case COL:
        if (tag.depth === 3 && tag.kind !== END) cols.push({ min: Number(attr(tag.raw, 'min')), max: Number(attr(tag.raw, 'max')), style: Number(attr(tag.raw, 'style') ?? 0) });
        return undefined;
      case SHEET_DATA:
        if (tag.depth !== 2) return undefined;
        dataPrefix = tag.prefix;
        if (tag.kind === START) return undefined;
        return tag.kind === EMPTY ? `${opened(tag.raw)}${rowsBefore(Infinity)}${closing(tag, 'sheetData')}` : `${rowsBefore(Infinity)}${tag.raw}`;
      case ROW: {
        const text = row(tag);
        restCells();
        return text;
      }
      case C: {
        const text = cell(tag);
        restCells();
        return text;
      }
      case LEGACY:
        if (tag.depth === 2) legacyHandled = true;
        return undefined;
      default:
        return tag.depth === 2 && tag.kind !== END ? legacyBefore(tag) : undefined;
    }
  };

  function row(tag: Tag): string | undefined {
    if (tag.depth !== 3) return undefined;
    if (tag.kind === END) {
      const rest = cellsBefore(Infinity, rowPrefix);
      rowMarks = [];
      return rest ? rest + tag.raw : undefined;
    }
    const r = Number(attr(tag.raw, 'r') ?? rowNumber + 1);
    const before = rowsBefore(r);
    const marked = next < targets.length && targets[next] === r;
    if (marked) next++;
    enterRow(r, tag.raw, marked);
    rowPrefix = tag.prefix;
    if (tag.kind === EMPTY && rowMarks.length) {
      const cells = cellsBefore(Infinity, rowPrefix);
      rowMarks = [];
      return `${before}${opened(tag.raw)}${cells}${closing(tag, 'row')}`;
    }
    return before ? before + tag.raw : undefined;
  }

  function cell(tag: Tag): string | undefined {
    if (tag.kind === END || cellNext >= rowMarks.length || tag.depth !== 4) return undefined;
    const ref = attr(tag.raw, 'r');
    const col = (ref ? parseRef(ref)?.col : undefined) ?? lastCol + 1;
    lastCol = col;
    const before = cellsBefore(col, tag.prefix);
    let raw = tag.raw;
    if (cellNext < rowMarks.length && rowMarks[cellNext][0] === col) {
      raw = withAttr(raw, 's', String(plan.styleFor(Number(attr(raw, 's') ?? 0), rowMarks[cellNext][1].severity)));
      cellNext++;
    }
    return before || raw !== tag.raw ? before + raw : undefined;
  }

  return { names: NAMES, handler };
}


/** The relationship id of the sheet's `<legacyDrawing>` (its notes' drawing), if it has one: a pass over the whole sheet. */
export async function legacyDrawingId(text: AsyncIterable<string>, maxToken: number): Promise<string | undefined> {
  let id: string | undefined;
  const handler = (tag: Tag) => void (tag.depth === 2 && tag.kind !== END && (id = decodeAttribute(attr(tag.raw, ':id') ?? '')));
  await pass(text, { names: ['legacyDrawing'], handler, done: () => id !== undefined }, maxToken);
  return id;
}
