/**
 * The report's tables as rows of cells, the same in the workbook and the page: the summary's
 * headings, a unit's row and the total row; a nominee's row of the list; a finding's row.
 */
import type { Finding, Lang } from '../engine/types.js';
import type { ListRow, ReportModel, UnitSummary } from './model.js';
import { KINDS, say, statusText, type TextKey } from './texts.js';

/** Where a finding is: "Danh sách!B15", or the group it concerns. */
export function findingCell(f: Finding): string {
  if (f.row === undefined) return f.group ?? '';
  return `${f.column ?? ''}${f.row}`;
}

/** The summary's headings: unit, file, nominees, a column per kind and per field, each quota, errors, warnings. */
export function summaryHeaders(m: ReportModel): string[] {
  const L = (k: TextKey) => say(k, m.lang);
  return [L('unit'), L('file'), L('nominees'), ...m.kinds.map((k) => k.label), ...m.fields.map((f) => f.label), ...m.quotas.map((q) => `${L('quota')}: ${q.label}`), L('errors'), L('warnings')];
}

/** A unit's counts, up to the quotas: unit, file, nominees, by kind, by field. */
export const unitCounts = (m: ReportModel, u: UnitSummary): (string | number)[] => [u.unit, u.file, u.nominees, ...KINDS.map((k) => u.byKind[k] ?? 0), ...m.fields.map((f) => u.byField[f.id] ?? 0)];

/** The total row, under every column of summaryHeaders. */
export function summaryTotal(m: ReportModel): (string | number)[] {
  const t = m.total;
  return [say('total', m.lang), `${m.files} ${say('fileCount', m.lang)}`, t.nominees, ...KINDS.map((k) => t.byKind[k] ?? 0), ...m.fields.map((f) => t.byField[f.id] ?? 0), ...m.quotas.map(() => ''), t.errors, t.warnings];
}

export type Cell = string | number | undefined;

/** A unit's row of the summary: its counts, each quota's text, its errors and warnings. */
export const summaryCells = (m: ReportModel, u: UnitSummary): Cell[] => [...unitCounts(m, u), ...u.quotas.map((q) => q.text), u.errors, u.warnings];

/** A nominee's row of the list, under LIST_HEADERS. */
export const listCells = (r: ListRow, lang: Lang): Cell[] => [r.stt, r.unit, r.name, r.kindLabel, r.fieldLabel, r.movement, r.award, r.file, r.sheet, r.row, statusText(r.status, lang), r.messages.join('\n')];

/** A finding's row, under FINDING_HEADERS. */
export const findingCells = (f: Finding, lang: Lang): Cell[] => [f.file, f.sheet, findingCell(f), say(f.severity, lang), f.ruleId, f.message, f.value, f.source];

/** Rows made one at a time from the items, as a sheet or the page's data takes them. */
export function* mapped<T>(items: Iterable<T>, cells: (item: T) => Cell[]): Generator<Cell[]> {
  for (const item of items) yield cells(item);
}

/** The longest text of each column over some rows, each at least its heading's. */
export function longestOf(headers: string[], rows: Iterable<Cell[]>): number[] {
  const out = headers.map((h) => h.length);
  for (const r of rows) for (let i = 0; i < r.length; i++) out[i] = Math.max(out[i], String(r[i] ?? '').length);
  return out;
}
