/**
 * `hoso check --annotate <dir>`: for each workbook checked, a copy in which the officer sees the
 * findings where they are — offending cells filled, a note with the message and rule id — and a
 * sheet "Kết quả kiểm tra" listing every finding with a link to its cell. The input is only read;
 * a CSV input gets an .xlsx copy, since a CSV file cannot hold fills, notes or links.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CheckResult } from '../engine/check.js';
import type { Finding, Lang } from '../engine/types.js';
import { openCsv } from '../read/csv.js';
import { isInternalError, technical } from '../read/types.js';
import { xmlReplaced } from '../format/xml-text.js';
import { escapeWorkbookText } from './ooxml.js';
import { planCopies, type CopyPlace } from './placement.js';

export const FINDINGS_SHEET = 'Kết quả kiểm tra';

const FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' } as const;
const RANK = { error: 0, warning: 1, info: 2 } as const;
const HEAD = {
  vi: ['Mức', 'Trang tính', 'Ô', 'Quy tắc', 'Nội dung', 'Giá trị', 'Nguồn'],
  en: ['Severity', 'Sheet', 'Cell', 'Rule', 'Message', 'Value', 'Source'],
};

/** A sheet name Excel accepts: no []:*?/\, no character XML cannot hold, at most 31 characters. */
const sheetName = (s: string) => xmlReplaced(s).replace(/[[\]:*?/\\\uFFFD]/g, '_').slice(0, 31) || 'Sheet1';

async function csvWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const source = await openCsv(file);
  const wb = new ExcelJS.Workbook();
  try {
    for (const sheet of source.sheets) {
      const ws = wb.addWorksheet(sheetName(sheet.name));
      for await (const row of source.rows(sheet)) for (const cell of row.cells) ws.getCell(row.row, cell.col).value = cell.v as ExcelJS.CellValue;
    }
  } finally {
    await source.close();
  }
  return wb;
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}

/** The top-left cell of the sheet's title block: its first cell with a value, or A1. */
function titleCell(ws: ExcelJS.Worksheet): ExcelJS.Cell {
  for (let r = 1; r <= Math.min(ws.rowCount, 40); r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= Math.min(row.cellCount, 30); c++) {
      const cell = row.getCell(c);
      if (cell.value !== null && cell.value !== undefined && cell.value !== '') return cell.isMerged ? cell.master : cell;
    }
  }
  return ws.getCell('A1');
}

/** The annotated workbook of one file, ready to be written (its text escaped for writing, no longer for reading). */
export async function annotateFile(file: string, findings: Finding[], lang: Lang): Promise<ExcelJS.Workbook> {
  const wb = /\.csv$/i.test(file) ? await csvWorkbook(file) : await new ExcelJS.Workbook().xlsx.readFile(file);
  const sheetOf = (name?: string) => (name === undefined ? undefined : (wb.getWorksheet(name) ?? wb.getWorksheet(sheetName(name))));
  const worst = new Map<string, Finding>();
  const mark = (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, f: Finding) => {
    const key = `${ws.name}!${cell.address}`;
    const before = worst.get(key);
    if (!before || RANK[f.severity] < RANK[before.severity]) {
      worst.set(key, f);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[f.severity] } };
    }
    const old = noteText(cell.note);
    cell.note = `${old ? `${old}\n` : ''}[${f.ruleId}] ${f.message}`;
  };
  // A finding about a whole sheet or unit (a quota, a missing column) goes on the sheet's title.
  const firstSheet = wb.worksheets.find((w) => w.state === 'visible' && w.name !== FINDINGS_SHEET);
  const titleOf = new Map<Finding, { ws: ExcelJS.Worksheet; cell: ExcelJS.Cell }>();
  for (const f of findings) {
    if (f.row !== undefined && f.column) {
      const ws = sheetOf(f.sheet);
      if (ws) mark(ws, ws.getCell(`${f.column}${f.row}`), f);
    } else {
      const ws = sheetOf(f.sheet) ?? firstSheet;
      if (!ws) continue;
      const cell = titleCell(ws);
      titleOf.set(f, { ws, cell });
      mark(ws, cell, f);
    }
  }

  if (wb.getWorksheet(FINDINGS_SHEET)) wb.removeWorksheet(wb.getWorksheet(FINDINGS_SHEET)!.id);
  const out = wb.addWorksheet(FINDINGS_SHEET);
  out.addRow(HEAD[lang]).font = { bold: true };
  out.views = [{ state: 'frozen', ySplit: 1 }];
  for (const f of findings) {
    const title = titleOf.get(f);
    const ws = title?.ws ?? sheetOf(f.sheet);
    const cellRef = f.row !== undefined ? `${f.column ?? 'A'}${f.row}` : (title?.cell.address ?? '');
    const row = out.addRow([f.severity, f.sheet ?? f.group ?? '', cellRef, f.ruleId, f.message, f.value ?? '', f.source]);
    if (ws && cellRef) {
      // An internal link: "#'Sheet'!H12" takes the officer to the cell.
      row.getCell(3).value = { text: cellRef, hyperlink: `#'${ws.name.replace(/'/g, "''")}'!${cellRef}` };
      row.getCell(3).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
  }
  [10, 18, 8, 30, 70, 20, 24].forEach((w, i) => (out.getColumn(i + 1).width = w));
  escapeWorkbookText(wb);
  return wb;
}

/** Writes the annotated copies; returns the files written and those that could not be. */
export async function annotateAll(
  result: CheckResult,
  place: CopyPlace,
  lang: Lang,
  write: (target: string, data: Buffer) => void,
): Promise<{ written: string[]; failed: { file: string; reason: string; debug?: string }[] }> {
  const written: string[] = [];
  const failed: { file: string; reason: string; debug?: string }[] = [];
  // Only the files read: a file only named by a finding (a .pdf found in a folder, a second path
  // to a file checked under its first) has no workbook to copy.
  const read = new Set(result.sheets.map((s) => s.file));
  const targets = planCopies(place, [...read]);
  for (const file of read) {
    try {
      const wb = await annotateFile(file, result.findings.filter((f) => f.file === file), lang);
      const target = targets.get(file)!;
      mkdirSync(path.dirname(target), { recursive: true });
      write(target, Buffer.from(await wb.xlsx.writeBuffer()));
      written.push(target);
    } catch (e) {
      // An exception of code (exceljs's on a workbook it did not expect) says nothing to a person: its text is for --debug.
      if (isInternalError(e)) failed.push({ file, reason: ANNOTATE_FAILED[lang], debug: technical(e) });
      else failed.push({ file, reason: (e as Error).message.split('\n')[0] });
    }
  }
  return { written, failed };
}

const ANNOTATE_FAILED = {
  vi: 'không tạo được bản có đánh dấu của tệp này (chạy lại với --debug để xem chi tiết kỹ thuật)',
  en: 'could not make the annotated copy of this file (run again with --debug for the technical details)',
};
