import type { Finding, SuppressedFinding } from '../engine/types.js';
import { printable } from '../printable.js';
import type { Formatter } from './types.js';

const HEADER = ['file', 'sheet', 'cell', 'row', 'column', 'severity', 'ruleId', 'message', 'value', 'source', 'suppressed', 'reason'] as const;

/**
 * A cell Excel would read as a formula (or, after a tab or carriage return, as one) is prefixed
 * with an apostrophe: a dossier's own text must not run in the officer's Excel (CSV injection).
 */
function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * RFC 4180: a field with a quote, separator or line break is quoted, its quotes doubled. Control,
 * bidi and line-break characters from a dossier are written as `\u{…}` codes (printable): a CSV
 * report is read in terminals and CI logs too, and no real name or value holds one.
 */
function field(s: string): string {
  const safe = neutralise(printable(s));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A finding's fields; one that hoso-suppressions.json accepts says so in the last two, with the reason written there. */
function record(f: Finding, accepted?: SuppressedFinding): string[] {
  const cell = f.row !== undefined ? `${f.column ?? ''}${f.row}` : (f.group ?? '');
  return [f.file, f.sheet ?? '', cell, f.row?.toString() ?? '', f.column ?? '', f.severity, f.ruleId, f.message, f.value ?? '', f.source, accepted ? 'true' : '', accepted?.reason ?? ''];
}

/**
 * One finding a line with a header row, for Excel: UTF-8 with a byte-order mark (without it Excel
 * reads the Vietnamese as the ANSI code page) and CRLF line ends as RFC 4180 has them.
 */
export const csv: Formatter = function* (result) {
  yield '\uFEFF' + HEADER.map(field).join(',') + '\r\n';
  for (const f of result.findings) yield record(f).map(field).join(',') + '\r\n';
  // Marked rather than left out: a list has no place to say how many were left out.
  for (const f of result.suppressed?.findings ?? []) yield record(f, f).map(field).join(',') + '\r\n';
};
