/** What several formatters say about a finding's place, said once. */
import type { Finding, Place } from '../engine/types.js';

/** Where the officer looks: "Danh sách!H12", the sheet, or the group a quota concerns. */
export function cellRef(f: Place & { group?: string }): string {
  if (f.row !== undefined) return `${f.sheet ? `${f.sheet}!` : ''}${f.column ?? ''}${f.row}`;
  return f.sheet ?? f.group ?? '';
}

export function countBySeverity(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  const out = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) out[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  return out;
}

/** Files in the order they were checked: those with sheets read, then any only findings name. */
export function filesOf(result: { sheets: { file: string }[]; findings: Finding[] }): string[] {
  return [...new Set([...result.sheets.map((s) => s.file), ...result.findings.map((f) => f.file)])];
}

/**
 * Text from an input (a file or folder name, a sheet name) made safe to print on a terminal:
 * control characters (an escape sequence could recolour, retitle or clear the terminal) and the
 * bidirectional controls (which reorder what is shown) are written as \xHH or \uHHHH, and so
 * is a line break, which would split a one-line reason. Tabs are left as they are.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}
