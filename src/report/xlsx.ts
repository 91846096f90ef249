/**
 * The batch report as a workbook: "Tổng hợp" (a row per unit and a total row), "Danh sách" (every
 * nominee with its status and the messages of its findings) and "Kết quả kiểm tra" (every
 * finding). Each sheet has a bold, frozen header row with an auto filter, fitted column widths and
 * prints on A4 landscape, one page wide.
 */
import ExcelJS from 'exceljs';
import { findingCell, KINDS, say, statusText, type ReportModel, type TextKey } from './model.js';

type Cell = string | number | undefined;

export const LIST_HEADERS: TextKey[] = ['stt', 'unit', 'name', 'kind', 'field', 'movement', 'award', 'file', 'sheet', 'row', 'status', 'messages'];
export const FINDING_HEADERS: TextKey[] = ['file', 'sheet', 'cell', 'severity', 'rule', 'message', 'value', 'source'];

function addTable(wb: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][], total?: Cell[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => c ?? ''));
  if (total) ws.addRow(total.map((c) => c ?? '')).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: headers.length } };
  headers.forEach((h, i) => {
    const longest = Math.max(h.length, ...[...rows, ...(total ? [total] : [])].map((r) => String(r[i] ?? '').length));
    const col = ws.getColumn(i + 1);
    col.width = Math.min(60, Math.max(6, longest + 2));
    if (longest > 60) col.alignment = { wrapText: true, vertical: 'top' };
  });
  return ws;
}

export async function reportWorkbook(m: ReportModel): Promise<Buffer> {
  const { lang } = m;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hoso-lint';
  const fieldCols = m.fields.map((f) => f.id);

  addTable(
    wb,
    say('summary', lang),
    [say('unit', lang), say('file', lang), say('nominees', lang), ...m.kinds.map((k) => k.label), ...m.fields.map((f) => f.label), ...m.quotas.map((q) => `${say('quota', lang)}: ${q.label}`), say('errors', lang), say('warnings', lang)],
    m.units.map((u) => [u.unit, u.file, u.nominees, ...KINDS.map((k) => u.byKind[k] ?? 0), ...fieldCols.map((f) => u.byField[f] ?? 0), ...u.quotas.map((q) => q.text), u.errors, u.warnings]),
    [say('total', lang), `${m.files} ${say('files', lang).toLowerCase()}`, m.total.nominees, ...KINDS.map((k) => m.total.byKind[k] ?? 0), ...fieldCols.map((f) => m.total.byField[f] ?? 0), ...m.quotas.map(() => ''), m.total.errors, m.total.warnings],
  );

  addTable(
    wb,
    say('list', lang),
    LIST_HEADERS.map((k) => say(k, lang)),
    m.list.map((r) => [r.stt, r.unit, r.name, r.kindLabel, r.fieldLabel, r.movement, r.award, r.file, r.sheet, r.row, statusText(r.status, lang), r.messages.join('\n')]),
  );

  addTable(
    wb,
    say('findings', lang),
    FINDING_HEADERS.map((k) => say(k, lang)),
    m.findings.map((f) => [f.file, f.sheet, findingCell(f), say(f.severity, lang), f.ruleId, f.message, f.value, f.source]),
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
