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

/** Files in the order they were checked: those with sheets read, then any only findings name (those accepted too). */
export function filesOf(result: { sheets: { file: string }[]; findings: Finding[]; suppressed?: { findings: Finding[] } }): string[] {
  const named = (findings: Finding[] = []) => findings.map((f) => f.file);
  return [...new Set([...result.sheets.map((s) => s.file), ...named(result.findings), ...named(result.suppressed?.findings)])];
}
