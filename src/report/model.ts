/**
 * What a batch report shows, worked out once from a check's result so that the workbook and the
 * HTML page say the same: a summary row per submitting unit (nominees by kind and by field, each
 * quota in force with its status, errors and warnings), the consolidated list of every nominee
 * with the findings on its row, and every finding.
 */
import type { CheckResult, NomineeRecord } from '../engine/check.js';
import { localize } from '../engine/messages.js';
import { allProfiles, profileResolver, type ProfileMap } from '../engine/profiles.js';
import type { Finding, Lang, Severity } from '../engine/types.js';
import type { RuleSet } from '../rules/load.js';
import { cite } from '../rules/citation.js';

export const KINDS = ['tap-the', 'ca-nhan', 'ho-gia-dinh'] as const;

const TEXT = {
  summary: { vi: 'Tổng hợp', en: 'Summary' },
  list: { vi: 'Danh sách', en: 'Nominees' },
  findings: { vi: 'Kết quả kiểm tra', en: 'Findings' },
  title: { vi: 'Báo cáo tổng hợp hồ sơ đề nghị', en: 'Nomination dossiers: batch report' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  file: { vi: 'Tệp', en: 'File' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  row: { vi: 'Dòng', en: 'Row' },
  cell: { vi: 'Ô', en: 'Cell' },
  stt: { vi: 'STT', en: 'No.' },
  name: { vi: 'Tên', en: 'Name' },
  kind: { vi: 'Loại', en: 'Kind' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  movement: { vi: 'Phong trào', en: 'Movement' },
  award: { vi: 'Hình thức khen thưởng', en: 'Award' },
  status: { vi: 'Kết quả', en: 'Status' },
  messages: { vi: 'Nội dung', en: 'Messages' },
  severity: { vi: 'Mức', en: 'Severity' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  message: { vi: 'Nội dung', en: 'Message' },
  value: { vi: 'Giá trị', en: 'Value' },
  source: { vi: 'Căn cứ', en: 'Source' },
  nominees: { vi: 'Số điển hình', en: 'Nominees' },
  errors: { vi: 'Lỗi', en: 'Errors' },
  warnings: { vi: 'Cảnh báo', en: 'Warnings' },
  total: { vi: 'Tổng cộng', en: 'Total' },
  ok: { vi: 'Đạt', en: 'OK' },
  hasErrors: { vi: 'Có lỗi', en: 'Has errors' },
  hasWarnings: { vi: 'Cảnh báo', en: 'Warning' },
  notInForce: { vi: '—', en: '—' },
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  info: { vi: 'thông tin', en: 'info' },
  filter: { vi: 'Lọc', en: 'Filter' },
  allSeverities: { vi: 'Mọi mức', en: 'All severities' },
  byField: { vi: 'Số điển hình theo lĩnh vực', en: 'Nominees per field' },
  byUnit: { vi: 'Số điển hình theo đơn vị', en: 'Nominees per unit' },
  passFail: { vi: 'Đạt / có lỗi theo đơn vị', en: 'Pass / fail per unit' },
  failed: { vi: 'Có lỗi', en: 'With errors' },
  files: { vi: 'Số tệp', en: 'Files' },
  fileCount: { vi: 'tệp', en: 'files' },
  quota: { vi: 'Định mức', en: 'Quota' },
  noUnit: { vi: '(không rõ đơn vị)', en: '(unit not given)' },
} as const;

export type TextKey = keyof typeof TEXT;
/** The columns of the consolidated list and of the findings, in both forms of the report. */
export const LIST_HEADERS: TextKey[] = ['stt', 'unit', 'name', 'kind', 'field', 'movement', 'award', 'file', 'sheet', 'row', 'status', 'messages'];
export const FINDING_HEADERS: TextKey[] = ['file', 'sheet', 'cell', 'severity', 'rule', 'message', 'value', 'source'];
export const say = (key: TextKey, lang: Lang): string => TEXT[key][lang];

export type Status = 'ok' | 'error' | 'warning';
export const statusText = (s: Status, lang: Lang): string => say(s === 'ok' ? 'ok' : s === 'error' ? 'hasErrors' : 'hasWarnings', lang);

export interface Quota {
  ruleId: string;
  /** e.g. "tập thể ≥ 3", "cá nhân 1–3". */
  label: string;
  profile?: string;
}

export interface UnitSummary {
  unit: string;
  file: string;
  byKind: Record<string, number>;
  byField: Record<string, number>;
  nominees: number;
  /** Per quota (same order as ReportModel.quotas): the finding's message when not met, "Đạt" when met, "—" when not in force for the file. */
  quotas: { met: boolean | undefined; text: string }[];
  errors: number;
  warnings: number;
  /** The nominees of the unit that have an error-level finding. */
  failed: number;
}

export interface ListRow extends NomineeRecord {
  stt: number;
  kindLabel: string;
  fieldLabel: string;
  status: Status;
  messages: string[];
}

export interface ReportModel {
  lang: Lang;
  files: number;
  rows: number;
  kinds: { id: string; label: string }[];
  /** The fields present among the nominees, in the rule set's order. */
  fields: { id: string; label: string }[];
  quotas: Quota[];
  units: UnitSummary[];
  total: { byKind: Record<string, number>; byField: Record<string, number>; nominees: number; errors: number; warnings: number; failed: number };
  list: ListRow[];
  findings: Finding[];
}

const placeKey = (file: string, sheet: string | undefined, row: number | undefined) => `${file}\u0000${sheet ?? ''}\u0000${row ?? ''}`;
const unitKey = (file: string, unit: string) => `${file}\u0000${unit}`;

function quotaLabel(w: Record<string, unknown>, lang: Lang): string {
  const label = localize(w.label as { vi: string; en?: string } | undefined, lang);
  const min = typeof w.min === 'number' ? w.min : undefined;
  const max = typeof w.max === 'number' ? w.max : undefined;
  const range = min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `≥ ${min}` : max !== undefined ? `≤ ${max}` : '';
  return [label, range].filter(Boolean).join(' ');
}

const count = (severity: Severity, fs: Finding[]) => fs.filter((f) => f.severity === severity).length;

export function buildReport(result: CheckResult, opts: { ruleSet: RuleSet; profiles: string[]; profileMap?: ProfileMap; lang: Lang }): ReportModel {
  const { ruleSet, lang } = opts;
  const nominees = result.nominees ?? [];
  const enumLabel = (name: string, id: string | undefined) => (id === undefined ? '' : localize(ruleSet.enums.get(name)?.label(id), lang) || id);
  const profilesOf = profileResolver(opts.profiles, opts.profileMap);
  const filesProfiles = new Map<string, Set<string>>();
  const inForce = (file: string, profile: string | undefined) => {
    if (!profile) return true;
    if (!filesProfiles.has(file)) filesProfiles.set(file, profilesOf(file));
    return filesProfiles.get(file)!.has(profile);
  };
  const runProfiles = allProfiles(opts.profiles, opts.profileMap);
  // The "Căn cứ" column names the document cited; a run has few distinct citations for many findings.
  const citations = new Map<string, string>();
  const cited = (source: string) => citations.get(source) ?? citations.set(source, cite(source, ruleSet.documents, lang)).get(source)!;
  const quotaRules = ruleSet.rules.filter((r) => r.rule.check === 'count' && (!r.rule.profile || runProfiles.includes(r.rule.profile)));
  const quotas: Quota[] = quotaRules.map((r) => ({ ruleId: r.rule.id, label: quotaLabel(r.rule.with, lang), profile: r.rule.profile }));

  // Findings on a nominee's row, and findings about a unit as a group.
  const byPlace = new Map<string, Finding[]>();
  const byGroup = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.row !== undefined) {
      const k = placeKey(f.file, f.sheet, f.row);
      byPlace.set(k, [...(byPlace.get(k) ?? []), f]);
    } else if (f.group !== undefined) {
      const k = unitKey(f.file, f.group);
      byGroup.set(k, [...(byGroup.get(k) ?? []), f]);
    }
  }

  const fieldIds = new Set(nominees.map((n) => n.field).filter((f): f is string => f !== undefined));
  const order = ruleSet.enums.get('linh_vuc')?.values.map((v) => v.id) ?? [];
  const fields = [...fieldIds].sort((a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity)).map((id) => ({ id, label: enumLabel('linh_vuc', id) }));
  const kinds = KINDS.map((id) => ({ id, label: enumLabel('loai', id) }));

  const units = new Map<string, UnitSummary>();
  const list: ListRow[] = nominees.map((n, i) => {
    const own = byPlace.get(placeKey(n.file, n.sheet, n.row)) ?? [];
    const status: Status = own.some((f) => f.severity === 'error') ? 'error' : own.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
    const k = unitKey(n.file, n.unit);
    let u = units.get(k);
    if (!u) {
      const group = byGroup.get(k) ?? [];
      u = {
        unit: n.unit || say('noUnit', lang),
        file: n.file,
        byKind: {},
        byField: {},
        nominees: 0,
        quotas: quotaRules.map((r) => {
          if (!inForce(n.file, r.rule.profile)) return { met: undefined, text: say('notInForce', lang) };
          const miss = group.filter((f) => f.ruleId === r.rule.id);
          return miss.length ? { met: false, text: miss.map((f) => f.message).join(' ') } : { met: true, text: say('ok', lang) };
        }),
        errors: count('error', group),
        warnings: count('warning', group),
        failed: 0,
      };
      units.set(k, u);
    }
    u.nominees++;
    if (n.kind) u.byKind[n.kind] = (u.byKind[n.kind] ?? 0) + 1;
    if (n.field) u.byField[n.field] = (u.byField[n.field] ?? 0) + 1;
    u.errors += count('error', own);
    u.warnings += count('warning', own);
    if (status === 'error') u.failed++;
    return { ...n, stt: i + 1, kindLabel: enumLabel('loai', n.kind), fieldLabel: enumLabel('linh_vuc', n.field), status, messages: own.map((f) => f.message) };
  });

  const sum = (pick: (u: UnitSummary) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const u of units.values()) for (const [k, v] of Object.entries(pick(u))) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    lang,
    files: result.files,
    rows: result.rows,
    kinds,
    fields,
    quotas,
    units: [...units.values()],
    total: {
      byKind: sum((u) => u.byKind),
      byField: sum((u) => u.byField),
      nominees: list.length,
      // Every finding, also those about a whole file that belong to no unit.
      errors: count('error', result.findings),
      warnings: count('warning', result.findings),
      failed: list.filter((r) => r.status === 'error').length,
    },
    list,
    findings: result.findings.map((f) => ({ ...f, source: cited(f.source) })),
  };
}

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
