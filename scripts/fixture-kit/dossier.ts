/**
 * The one builder every fixture goes through: a dossier is described as data (title block,
 * columns, body rows, footer, deliberate defects) and written as an .xlsx workbook or a CSV
 * file laid out the way government sheets arrive. The builder places every row itself, so it
 * knows the Excel row and column letter of each cell it broke: the expected findings come from
 * that knowledge, never from running the tool.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { csvQuote } from './csv.js';

/** Every workbook carries this date, so that re-running the generator writes the same cells. */
export const FIXED_DATE = new Date(Date.UTC(2025, 7, 15, 8, 0, 0));

export type Severity = 'error' | 'warning';

/** A cell as a fixture states it. */
export type CellInput =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  /** A fraction shown as a percentage: 0.75 under the number format '0%'. */
  | { pct: number; fmt?: string }
  /** A cell whose formula ended in an error (#REF!, #N/A). */
  | { error: string; formula?: string }
  /** A formula with its cached result. */
  | { formula: string; result: number | string };

export interface Column {
  key: string;
  header: string;
  width?: number;
  /** Number format for numeric cells of the column ('#,##0', '0.0%'). */
  numFmt?: string;
}
/** A merged group header over per-year sub-headers ("Xếp loại" over "2023 | 2024 | 2025"). */
export interface ColumnGroup {
  group: string;
  columns: Column[];
}
export type ColumnDef = Column | ColumnGroup;

/** A finding expected on a nominee row, at the cell of column `key`. */
export interface RowExpect {
  rule: string;
  key: string;
  severity: Severity;
}

/** A finding expected about a sheet or a group (no row): a column the sheet lacks, a quota. */
export interface GroupExpect {
  rule: string;
  group: string;
  severity: Severity;
}

export interface NomineeRow {
  type: 'nominee';
  values: Record<string, CellInput>;
  expect: RowExpect[];
  /** Cells merged down over the next n rows ("Đơn vị công tác" written once for three people); .xlsx only. */
  mergeDown?: Record<string, number>;
}
export interface GroupRow {
  type: 'group';
  roman: string;
  label: string;
  /**
   * split: "I" in the STT column and the label in the name column; merged: "I. TẬP THỂ" in one
   * cell merged across the row; name: "I. TẬP THỂ" in the name column, merged to the last column.
   */
  style: 'split' | 'merged' | 'name';
}
/**
 * A line among the nominees that is none: a subtotal ("Cộng: 1"), a total placed early, a note
 * ("QĐ 12, ngày …"), a template's placeholder ("Tên cá nhân" in the name column, `name`).
 * Written as a footer line is; `hidden` hides the row, `height` sets it in points.
 */
export interface BodyLine {
  type: 'line';
  line: TextLine;
  /** A text in the name column (a template's placeholder row). */
  name?: string;
  hidden?: boolean;
  height?: number;
  /** A finding expected on the line itself (hoso naming a row it could not take for a nominee). */
  expect?: { rule: string; severity: Severity | 'info'; column: string }[];
}
export type BodyRow = NomineeRow | GroupRow | BodyLine;

/** A line of the title block or the footer; `left`/`right`/`center` are where its texts stand. */
export interface TextLine {
  left?: string;
  right?: string;
  center?: string;
  /** The total line ("Tổng cộng: 6"): `{n}` is replaced by the number of nominees of the sheet. */
  total?: string;
  bold?: boolean;
  italic?: boolean;
}

export interface SheetSpec {
  name: string;
  title: TextLine[];
  columns: ColumnDef[];
  /** The row of column numbers under the header: "(1) (2) …", "1 2 3 …" or none. */
  numbering: 'paren' | 'plain' | 'none';
  body: BodyRow[];
  footer: TextLine[];
  /** Findings about this sheet (no row): they carry the sheet's name. */
  expect?: GroupExpect[];
  /** An instructions sheet: none of its rows may carry a finding. */
  ignored?: boolean;
  /** STT numbering: restarting under each group row (the usual way) or running through. */
  stt?: 'per-group' | 'continuous' | 'none';
  /** The font every cell is written in: '.VnTime' for a sheet typed in TCVN3 (ABC). */
  font?: string;
}

export interface CsvOptions {
  delimiter: ',' | ';' | '\t';
  bom: boolean;
  encoding: 'utf8' | 'utf16le';
  /** Numbers and percentages written with a decimal comma ("70,5%"), as a ';' file usually has. */
  decimalComma: boolean;
}

export interface DossierSpec {
  /** Path relative to the fixtures folder. */
  file: string;
  sheets: SheetSpec[];
  /** Findings about the whole file or a unit (quotas): no sheet, no row. */
  expect?: GroupExpect[];
  /** Written as delimited text when given; as .xlsx otherwise. */
  csv?: CsvOptions;
}

/** A finding in the shape the golden test compares. */
export interface ExpectedFinding {
  ruleId: string;
  severity: Severity | 'info';
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  group?: string;
  /** The message, where the fixture pins it (findings naming evidence found elsewhere). */
  message?: string;
}

/** One entry of fixtures/expected.json: a fixture (a file or a folder) and what checking it must give. */
export interface ExpectedEntry {
  description: string;
  profiles: string[];
  /** A hoso.config.yaml the check runs with (`--config`), relative to fixtures/. */
  config?: string;
  /** Past decision lists given with --history, relative to fixtures/. */
  history?: string[];
  exit: 0 | 1;
  defects: string[];
  findings: ExpectedFinding[];
  /** Per file and sheet: rows that are not nominees (title, header, numbering, group rows, footer). */
  nonNomineeRows: Record<string, Record<string, number[]>>;
}

export interface WrittenDossier {
  file: string;
  findings: ExpectedFinding[];
  /** Per sheet: the rows that are not nominees (title, header, numbering, group rows, footer). */
  nonNomineeRows: Record<string, number[]>;
}

// ---------------------------------------------------------------------------------------------
// Layout: where every line of a sheet lands, shared by the .xlsx and the CSV writers.

export function isGroup(c: ColumnDef): c is ColumnGroup {
  return 'group' in c;
}

export function leafColumns(columns: ColumnDef[]): Column[] {
  return columns.flatMap((c) => (isGroup(c) ? c.columns : [c]));
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type Placed =
  | { kind: 'title' | 'footer'; row: number; line: TextLine; body?: BodyLine }
  | { kind: 'header'; row: number; part: 'top' | 'bottom' | 'single' }
  | { kind: 'numbering'; row: number }
  | { kind: 'group'; row: number; group: GroupRow }
  | { kind: 'nominee'; row: number; nominee: NomineeRow; stt: number | undefined };

interface SheetLayout {
  width: number;
  leaves: Column[];
  colOf: Map<string, number>;
  twoRowHeader: boolean;
  lines: Placed[];
  nomineeCount: number;
}

function layoutSheet(sheet: SheetSpec): SheetLayout {
  const leaves = leafColumns(sheet.columns);
  const colOf = new Map(leaves.map((c, i) => [c.key, i + 1]));
  if (colOf.size !== leaves.length) throw new Error(`${sheet.name}: a column key is used twice`);
  const twoRowHeader = sheet.columns.some(isGroup);
  const lines: Placed[] = [];
  let row = 0;
  for (const line of sheet.title) lines.push({ kind: 'title', row: ++row, line });
  if (twoRowHeader) {
    lines.push({ kind: 'header', row: ++row, part: 'top' });
    lines.push({ kind: 'header', row: ++row, part: 'bottom' });
  } else lines.push({ kind: 'header', row: ++row, part: 'single' });
  if (sheet.numbering !== 'none') lines.push({ kind: 'numbering', row: ++row });
  let stt = 0;
  let nomineeCount = 0;
  for (const item of sheet.body) {
    if (item.type === 'group') {
      if ((sheet.stt ?? 'per-group') === 'per-group') stt = 0;
      lines.push({ kind: 'group', row: ++row, group: item });
    } else if (item.type === 'line') {
      lines.push({ kind: 'footer', row: ++row, line: item.line, body: item });
    } else {
      nomineeCount++;
      lines.push({ kind: 'nominee', row: ++row, nominee: item, stt: sheet.stt === 'none' ? undefined : ++stt });
    }
  }
  for (const line of sheet.footer) lines.push({ kind: 'footer', row: ++row, line });
  return { width: leaves.length, leaves, colOf, twoRowHeader, lines, nomineeCount };
}

/** Where the left and right texts of a title or footer line stand: the left third, the right half. */
function spans(width: number): { left: [number, number]; right: [number, number] } {
  const leftEnd = Math.max(1, Math.floor(width / 2) - 1);
  const rightStart = Math.max(leftEnd + 1, width - Math.ceil(width / 2) + 1);
  return { left: [1, leftEnd], right: [rightStart, width] };
}

function totalText(line: TextLine, count: number): string | undefined {
  return line.total?.replace('{n}', String(count));
}

// ---------------------------------------------------------------------------------------------
// Expectations

function expectations(spec: DossierSpec, sheet: SheetSpec, layout: SheetLayout, sheetName: string): ExpectedFinding[] {
  const out: ExpectedFinding[] = [];
  for (const line of layout.lines) {
    if (line.kind === 'footer') for (const e of line.body?.expect ?? []) out.push({ ruleId: e.rule, severity: e.severity, file: spec.file, sheet: sheetName, row: line.row, column: e.column });
    if (line.kind !== 'nominee') continue;
    for (const e of line.nominee.expect) {
      const col = layout.colOf.get(e.key);
      if (col === undefined) throw new Error(`${spec.file} › ${sheet.name}: an expected finding names column "${e.key}", which the sheet lacks`);
      out.push({ ruleId: e.rule, severity: e.severity, file: spec.file, sheet: sheetName, row: line.row, column: columnLetter(col) });
    }
  }
  for (const e of sheet.expect ?? []) out.push({ ruleId: e.rule, severity: e.severity, file: spec.file, sheet: sheetName, group: e.group });
  if (sheet.ignored && out.length) throw new Error(`${spec.file} › ${sheet.name}: an instructions sheet cannot expect findings`);
  // An instructions sheet is passed over, and the report says so.
  if (sheet.ignored) out.push({ ruleId: 'hoso/trang-bo-qua', severity: 'info', file: spec.file, sheet: sheetName, group: unitOf(spec) });
  return out;
}

/** The submitting unit hoso reads from a dossier: its first list's first title line, else the file's name. */
function unitOf(spec: DossierSpec): string {
  const unit = spec.sheets.find((s) => !s.ignored)?.title[0]?.left ?? path.basename(spec.file).replace(/\.[^.]*$/, '');
  return unit.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Where the builder places the rows of a nominee (by its name cell): the Excel row and the column
 * letter of `key` on each row named so (namesakes give several). For findings that name evidence
 * in another file, and for the cells a finding points at.
 */
export function placesOf(sheet: SheetSpec, who: string | ((values: NomineeRow['values']) => boolean), key = 'ten'): { row: number; column: string }[] {
  const layout = layoutSheet(sheet);
  const col = layout.colOf.get(key);
  if (col === undefined) throw new Error(`${sheet.name}: no column "${key}"`);
  const match = typeof who === 'string' ? (v: NomineeRow['values']) => v.ten === who : who;
  const out = layout.lines.flatMap((l) => (l.kind === 'nominee' && match(l.nominee.values) ? [{ row: l.row, column: columnLetter(col) }] : []));
  if (out.length === 0) throw new Error(`${sheet.name}: no row is ${typeof who === 'string' ? `named "${who}"` : 'matched'}`);
  return out;
}

function nonNomineeRows(layout: SheetLayout): number[] {
  return layout.lines.filter((l) => l.kind !== 'nominee').map((l) => l.row);
}

// ---------------------------------------------------------------------------------------------
// .xlsx

const DEFAULT_FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function setValue(cell: ExcelJS.Cell, v: CellInput, column?: Column): void {
  if (v === null || v === undefined) return;
  if (v instanceof Date) {
    cell.value = v;
    cell.numFmt = 'dd/mm/yyyy';
  } else if (typeof v === 'object' && 'pct' in v) {
    cell.value = v.pct;
    cell.numFmt = v.fmt ?? column?.numFmt ?? '0%';
  } else if (typeof v === 'object' && 'error' in v) {
    cell.value = v.formula
      ? ({ formula: v.formula, result: { error: v.error } } as unknown as ExcelJS.CellValue)
      : ({ error: v.error } as ExcelJS.CellErrorValue);
  } else if (typeof v === 'object') {
    cell.value = { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
    if (typeof v.result === 'number' && column?.numFmt) cell.numFmt = column.numFmt;
  } else {
    cell.value = v;
    if (typeof v === 'number' && column?.numFmt) cell.numFmt = column.numFmt;
  }
}

function mergeRow(ws: ExcelJS.Worksheet, row: number, from: number, to: number): void {
  if (to > from) ws.mergeCells(row, from, row, to);
}

async function writeXlsx(outDir: string, spec: DossierSpec): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Văn phòng HĐND và UBND';
  wb.lastModifiedBy = 'Văn phòng HĐND và UBND';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const sheet of spec.sheets) {
    const layout = layoutSheet(sheet);
    const ws = wb.addWorksheet(sheet.name, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.properties.defaultRowHeight = 18;
    layout.leaves.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? 14;
    });
    const { width } = layout;
    const span = spans(width);
    const style = (cell: ExcelJS.Cell, opts: { bold?: boolean; italic?: boolean; center?: boolean; border?: boolean; wrap?: boolean; size?: number }) => {
      cell.font = { name: sheet.font ?? DEFAULT_FONT, size: opts.size ?? 12, bold: opts.bold, italic: opts.italic };
      cell.alignment = { vertical: 'middle', horizontal: opts.center ? 'center' : undefined, wrapText: opts.wrap ?? true };
      if (opts.border) cell.border = THIN;
    };
    for (const line of layout.lines) {
      const r = line.row;
      switch (line.kind) {
        case 'title':
        case 'footer': {
          const l = line.line;
          const total = totalText(l, layout.nomineeCount);
          if (total !== undefined) {
            const c = ws.getCell(r, 1);
            c.value = total;
            style(c, { bold: true, border: true });
            mergeRow(ws, r, 1, Math.min(3, width));
          }
          if (l.center !== undefined) {
            const c = ws.getCell(r, 1);
            c.value = l.center;
            style(c, { bold: l.bold ?? true, italic: l.italic, center: true, size: 13 });
            mergeRow(ws, r, 1, width);
          }
          if (l.left !== undefined) {
            const c = ws.getCell(r, span.left[0]);
            c.value = l.left;
            style(c, { bold: l.bold ?? true, italic: l.italic, center: true });
            mergeRow(ws, r, span.left[0], span.left[1]);
          }
          if (l.right !== undefined) {
            const c = ws.getCell(r, span.right[0]);
            c.value = l.right;
            style(c, { bold: l.bold ?? true, italic: l.italic, center: true });
            mergeRow(ws, r, span.right[0], span.right[1]);
          }
          const body = line.kind === 'footer' ? line.body : undefined;
          if (body?.name !== undefined) ws.getCell(r, layout.colOf.get('ten') ?? 2).value = body.name;
          if (body?.hidden) ws.getRow(r).hidden = true;
          if (body?.height !== undefined) ws.getRow(r).height = body.height;
          break;
        }
        case 'header': {
          // The top row of a two-row header writes both rows (sub-headers, merges); the bottom adds nothing.
          if (line.part === 'bottom') break;
          let col = 1;
          for (const def of sheet.columns) {
            if (isGroup(def)) {
              const first = col;
              for (const leaf of def.columns) {
                const sub = ws.getCell(r + 1, col);
                sub.value = leaf.header;
                style(sub, { bold: true, center: true, border: true });
                col++;
              }
              if (line.part === 'top') {
                const top = ws.getCell(r, first);
                top.value = def.group;
                style(top, { bold: true, center: true, border: true });
                mergeRow(ws, r, first, col - 1);
              }
            } else {
              const c = ws.getCell(r, col);
              c.value = def.header;
              style(c, { bold: true, center: true, border: true });
              if (line.part === 'top') ws.mergeCells(r, col, r + 1, col);
              col++;
            }
          }
          ws.getRow(r).height = line.part === 'single' ? 54 : 36;
          break;
        }
        case 'numbering':
          for (let c = 1; c <= width; c++) {
            const cell = ws.getCell(r, c);
            cell.value = sheet.numbering === 'paren' ? `(${c})` : c;
            style(cell, { italic: true, center: true, border: true, size: 11 });
          }
          break;
        case 'group': {
          const g = line.group;
          if (g.style === 'split') {
            const sttCol = layout.colOf.get('stt') ?? 1;
            const nameCol = layout.colOf.get('ten') ?? 2;
            ws.getCell(r, sttCol).value = g.roman;
            ws.getCell(r, nameCol).value = g.label;
            for (let c = 1; c <= width; c++) style(ws.getCell(r, c), { bold: true, border: true, center: c === sttCol });
          } else if (g.style === 'name') {
            const nameCol = layout.colOf.get('ten') ?? 2;
            ws.getCell(r, nameCol).value = `${g.roman}. ${g.label}`;
            for (let c = 1; c <= width; c++) style(ws.getCell(r, c), { bold: true, border: true });
            mergeRow(ws, r, nameCol, width);
          } else {
            ws.getCell(r, 1).value = `${g.roman}. ${g.label}`;
            for (let c = 1; c <= width; c++) style(ws.getCell(r, c), { bold: true, border: true });
            mergeRow(ws, r, 1, width);
          }
          break;
        }
        case 'nominee': {
          const values = line.nominee.values;
          layout.leaves.forEach((leaf, i) => {
            const cell = ws.getCell(r, i + 1);
            const v = leaf.key === 'stt' && !('stt' in values) ? line.stt : values[leaf.key];
            setValue(cell, v, leaf);
            style(cell, { border: true, center: leaf.key === 'stt' });
          });
          for (const key of Object.keys(values)) {
            if (!layout.colOf.has(key)) throw new Error(`${spec.file} › ${sheet.name}: a row fills "${key}", which the sheet lacks`);
          }
          for (const [key, n] of Object.entries(line.nominee.mergeDown ?? {})) {
            const c = layout.colOf.get(key)!;
            ws.mergeCells(r, c, r + n, c);
          }
          break;
        }
      }
    }
    const headerEnd = layout.lines.filter((l) => l.kind === 'header').at(-1)!.row;
    ws.views = [{ state: 'frozen', ySplit: headerEnd, xSplit: 0 }];
  }
  const target = path.join(outDir, spec.file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await wb.xlsx.writeFile(target);
}

// ---------------------------------------------------------------------------------------------
// CSV

function formatNumber(n: number, decimalComma: boolean): string {
  const s = String(Number.parseFloat(n.toPrecision(12)));
  return decimalComma ? s.replace('.', ',') : s;
}

function formatDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

function csvText(v: CellInput, o: CsvOptions): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatDate(v);
  if (typeof v === 'number') return formatNumber(v, o.decimalComma);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if ('pct' in v) return `${formatNumber(v.pct * 100, o.decimalComma)}%`;
  if ('error' in v) return v.error;
  return typeof v.result === 'number' ? formatNumber(v.result, o.decimalComma) : v.result;
}


function csvGrid(sheet: SheetSpec, layout: SheetLayout, o: CsvOptions): string[][] {
  const { width } = layout;
  const span = spans(width);
  const grid: string[][] = [];
  for (const line of layout.lines) {
    const cells: string[] = Array.from({ length: width }, () => '');
    switch (line.kind) {
      case 'title':
      case 'footer': {
        const l = line.line;
        const total = totalText(l, layout.nomineeCount);
        if (total !== undefined) cells[0] = total;
        if (l.center !== undefined) cells[0] = l.center;
        if (l.left !== undefined) cells[span.left[0] - 1] = l.left;
        if (l.right !== undefined) cells[span.right[0] - 1] = l.right;
        if (line.kind === 'footer' && line.body?.name !== undefined) cells[(layout.colOf.get('ten') ?? 2) - 1] = line.body.name;
        break;
      }
      case 'header': {
        let col = 0;
        for (const def of sheet.columns) {
          if (isGroup(def)) {
            def.columns.forEach((leaf, i) => {
              if (line.part === 'top' && i === 0) cells[col] = def.group;
              if (line.part === 'bottom') cells[col] = leaf.header;
              col++;
            });
          } else {
            if (line.part !== 'bottom') cells[col] = def.header;
            col++;
          }
        }
        break;
      }
      case 'numbering':
        for (let c = 0; c < width; c++) cells[c] = sheet.numbering === 'paren' ? `(${c + 1})` : String(c + 1);
        break;
      case 'group':
        if (line.group.style === 'split') {
          cells[(layout.colOf.get('stt') ?? 1) - 1] = line.group.roman;
          cells[(layout.colOf.get('ten') ?? 2) - 1] = line.group.label;
        } else if (line.group.style === 'name') cells[(layout.colOf.get('ten') ?? 2) - 1] = `${line.group.roman}. ${line.group.label}`;
        else cells[0] = `${line.group.roman}. ${line.group.label}`;
        break;
      case 'nominee': {
        if (line.nominee.mergeDown) throw new Error('a CSV file has no merged cells');
        const values = line.nominee.values;
        layout.leaves.forEach((leaf, i) => {
          const v = leaf.key === 'stt' && !('stt' in values) ? line.stt : values[leaf.key];
          cells[i] = csvText(v, o);
        });
        break;
      }
    }
    grid.push(cells);
  }
  return grid;
}

function writeCsv(outDir: string, spec: DossierSpec, o: CsvOptions): void {
  if (spec.sheets.length !== 1) throw new Error(`${spec.file}: a CSV file holds one sheet`);
  const sheet = spec.sheets[0];
  const layout = layoutSheet(sheet);
  // Excel pads every line of an export to the table's width: "UBND XÃ ĐẮK RUỒNG;;;;;;".
  const text = csvGrid(sheet, layout, o)
    .map((cells) => cells.map((c) => csvQuote(c, o.delimiter)).join(o.delimiter))
    .join('\r\n') + '\r\n';
  const body = Buffer.from(text, o.encoding === 'utf16le' ? 'utf16le' : 'utf8');
  const bom = !o.bom ? Buffer.alloc(0) : o.encoding === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xef, 0xbb, 0xbf]);
  const target = path.join(outDir, spec.file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, Buffer.concat([bom, body]));
}

/** The sheet name a reader gives a CSV file: its base name without the extension. */
export function csvSheetName(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, '');
}

// ---------------------------------------------------------------------------------------------

/** Writes one dossier and returns the findings its defects must produce. */
export async function writeDossier(outDir: string, spec: DossierSpec): Promise<WrittenDossier> {
  if (spec.csv) writeCsv(outDir, spec, spec.csv);
  else await writeXlsx(outDir, spec);
  const findings: ExpectedFinding[] = [];
  const nonNominee: Record<string, number[]> = {};
  for (const sheet of spec.sheets) {
    const layout = layoutSheet(sheet);
    const name = spec.csv ? csvSheetName(spec.file) : sheet.name;
    findings.push(...expectations(spec, sheet, layout, name));
    nonNominee[name] = sheet.ignored ? layout.lines.map((l) => l.row) : nonNomineeRows(layout);
  }
  for (const e of spec.expect ?? []) findings.push({ ruleId: e.rule, severity: e.severity, file: spec.file, group: e.group });
  return { file: spec.file, findings, nonNomineeRows: nonNominee };
}
