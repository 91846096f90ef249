/**
 * The batch report as a workbook: "Tổng hợp" (a row per unit and a total row), "Danh sách" (every
 * nominee with its status and the messages of its findings) and "Kết quả kiểm tra" (every
 * finding). Each sheet has a bold, frozen header row with an auto filter, fitted column widths and
 * prints on A4 landscape, one page wide.
 */
import ExcelJS from 'exceljs';
import { escapeWorkbookText } from './ooxml.js';
import { FINDING_HEADERS, findingCell, LIST_HEADERS, say, statusText, summaryHeaders, summaryTotal, unitCounts, type ReportModel } from './model.js';

type Cell = string | number | undefined;


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

  addTable(
    wb,
    say('summary', lang),
    summaryHeaders(m),
    m.units.map((u) => [...unitCounts(m, u), ...u.quotas.map((q) => q.text), u.errors, u.warnings]),
    summaryTotal(m),
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

  escapeWorkbookText(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
