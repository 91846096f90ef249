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
import { Nominees, pairKey, placeNumber } from './nominee-store.js';
import { findingCells, longestOf, mapped, summaryCells, summaryHeaders, summaryTotal } from './tables.js';
import { FINDING_HEADERS, KINDS, LIST_HEADERS, say, statusText, type Status, type TextKey } from './texts.js';

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
  /** The consolidated list in order, made a row at a time (read back from the store of nominees): never held whole. */
  list(): Iterable<ListRow>;
  findings: Finding[];
  /** Per table, the longest text of each column, its heading included (the workbook's widths). */
  longest: { summary: number[]; list: number[]; findings: number[] };
}

function quotaLabel(w: Record<string, unknown>, lang: Lang): string {
  const label = localize(w.label as { vi: string; en?: string } | undefined, lang);
  const min = typeof w.min === 'number' ? w.min : undefined;
  const max = typeof w.max === 'number' ? w.max : undefined;
  const range = min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `≥ ${min}` : max !== undefined ? `≤ ${max}` : '';
  return [label, range].filter(Boolean).join(' ');
}

const count = (severity: Severity, fs: Finding[]) => fs.filter((f) => f.severity === severity).length;
const STATUS: Status[] = ['ok', 'warning', 'error'];
const statusRank = (own: Finding[] | undefined) => (own?.some((f) => f.severity === 'error') ? 2 : own?.some((f) => f.severity === 'warning') ? 1 : 0);

export interface ReportOptions {
  ruleSet: RuleSet;
  profiles: string[];
  profileMap?: ProfileMap;
  lang: Lang;
  /** The nominees as the check handed them over (collectNominees: store.add); else the result's. */
  nominees?: Nominees;
}

/**
 * The report over a check's result. The nominees come from `opts.nominees` (or result.nominees):
 * their counts per unit are summed here in one pass over the store's arrays, and the list is
 * read back from the store row by row when it is written.
 */
export function buildReport(result: CheckResult, opts: ReportOptions): ReportModel {
  const { ruleSet, lang } = opts;
  const store = opts.nominees ?? new Nominees();
  if (!opts.nominees) for (const n of result.nominees ?? []) store.add(n);
  const enumLabel = (name: string, id: string | undefined) => (id === undefined ? '' : localize(ruleSet.enums.get(name)?.label(id), lang) || id);
  const profilesOf = profileResolver(opts.profiles, opts.profileMap);
  const runProfiles = allProfiles(opts.profiles, opts.profileMap);
  // The "Căn cứ" column names the document cited; a run has few distinct citations for many findings.
  const citations = new Map<string, string>();
  const cited = (source: string) => citations.get(source) ?? citations.set(source, cite(source, ruleSet.documents, lang)).get(source)!;
  const quotaRules = ruleSet.rules.filter((r) => r.rule.check === 'count' && (!r.rule.profile || runProfiles.includes(r.rule.profile)));
  const quotas: Quota[] = quotaRules.map((r) => ({ ruleId: r.rule.id, label: quotaLabel(r.rule.with, lang), profile: r.rule.profile }));

  // Findings on a nominee's row (by its place's number), and findings about a unit as a group.
  const byPlace = new Map<number, Finding[]>();
  const byGroup = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.row !== undefined) {
      const place = store.places.find(pairKey(f.file, f.sheet ?? ''));
      if (place < 0) continue;
      const k = placeNumber(place, f.row);
      const own = byPlace.get(k);
      if (own) own.push(f);
      else byPlace.set(k, [f]);
    } else if (f.group !== undefined) {
      const k = pairKey(f.file, f.group);
      const group = byGroup.get(k);
      if (group) group.push(f);
      else byGroup.set(k, [f]);
    }
  }

  // Each nominee's status, and its unit's counts, in one pass over the store's arrays.
  const kindIds = store.kinds.values;
  const fieldIds = store.fields.values;
  const units: UnitSummary[] = store.units.values.map((_, i) => {
    const [file, unit] = store.unitOf(i);
    const group = byGroup.get(pairKey(file, unit)) ?? [];
    return {
      unit: unit || say('noUnit', lang),
      file,
      byKind: {},
      byField: {},
      nominees: 0,
      quotas: quotaRules.map((r) => {
        if (r.rule.profile && !profilesOf(file).has(r.rule.profile)) return { met: undefined, text: say('notInForce', lang) };
        const miss = group.filter((f) => f.ruleId === r.rule.id);
        return miss.length ? { met: false, text: miss.map((f) => f.message).join(' ') } : { met: true, text: say('ok', lang) };
      }),
      errors: count('error', group),
      warnings: count('warning', group),
      failed: 0,
    };
  });
  const status = new Uint8Array(store.count);
  let messagesLongest = 0;
  const seen = new Set<Status>();
  for (let i = 0; i < store.count; i++) {
    const u = units[store.unit[i]];
    u.nominees++;
    if (store.kind[i] >= 0) u.byKind[kindIds[store.kind[i]]] = (u.byKind[kindIds[store.kind[i]]] ?? 0) + 1;
    if (store.field[i] >= 0) u.byField[fieldIds[store.field[i]]] = (u.byField[fieldIds[store.field[i]]] ?? 0) + 1;
    const own = byPlace.get(placeNumber(store.place[i], store.row[i]));
    status[i] = statusRank(own);
    seen.add(STATUS[status[i]]);
    if (own) {
      u.errors += count('error', own);
      u.warnings += count('warning', own);
      if (status[i] === 2) u.failed++;
      messagesLongest = Math.max(messagesLongest, own.reduce((n, f) => n + f.message.length + 1, -1));
    }
  }

  const order = ruleSet.enums.get('linh_vuc')?.values.map((v) => v.id) ?? [];
  const fields = [...fieldIds].sort((a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity)).map((id) => ({ id, label: enumLabel('linh_vuc', id) }));
  const kinds = KINDS.map((id) => ({ id, label: enumLabel('loai', id) }));
  const kindLabels = kindIds.map((id) => enumLabel('loai', id));
  const fieldLabels = fieldIds.map((id) => enumLabel('linh_vuc', id));

  function* list(): Generator<ListRow> {
    let i = 0;
    for (const [name, movement, award] of store.texts()) {
      const [file, sheet] = store.placeOf(store.place[i]);
      const row = store.row[i];
      const own = byPlace.get(placeNumber(store.place[i], row));
      yield {
        file,
        sheet,
        row,
        unit: store.unitOf(store.unit[i])[1],
        name,
        kind: store.kind[i] >= 0 ? kindIds[store.kind[i]] : undefined,
        field: store.field[i] >= 0 ? fieldIds[store.field[i]] : undefined,
        movement: movement ?? undefined,
        award: award ?? undefined,
        stt: i + 1,
        kindLabel: store.kind[i] >= 0 ? kindLabels[store.kind[i]] : '',
        fieldLabel: store.field[i] >= 0 ? fieldLabels[store.field[i]] : '',
        status: STATUS[status[i]],
        messages: own ? own.map((f) => f.message) : [],
      };
      i++;
    }
  }

  const sum = (pick: (u: UnitSummary) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const u of units) for (const [k, v] of Object.entries(pick(u))) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  let failed = 0;
  for (const u of units) failed += u.failed;
  const m: ReportModel = {
    lang,
    files: result.files,
    rows: result.rows,
    kinds,
    fields,
    quotas,
    units,
    total: {
      byKind: sum((u) => u.byKind),
      byField: sum((u) => u.byField),
      nominees: store.count,
      // Every finding, also those about a whole file that belong to no unit.
      errors: count('error', result.findings),
      warnings: count('warning', result.findings),
      failed,
    },
    list,
    findings: result.findings.map((f) => ({ ...f, source: cited(f.source) })),
    longest: { summary: [], list: [], findings: [] },
  };
  const L = (k: TextKey) => say(k, lang);
  const l = store.longest;
  const widest = (texts: string[]) => texts.reduce((n, t) => Math.max(n, t.length), 0);
  const listData = [String(store.count).length, l.unit, l.name, widest(kindLabels), widest(fieldLabels), l.movement, l.award, l.file, l.sheet, l.row, widest([...seen].map((s) => statusText(s, lang))), messagesLongest];
  m.longest = {
    summary: longestOf(summaryHeaders(m), [...units.map((u) => summaryCells(m, u)), summaryTotal(m)]),
    list: LIST_HEADERS.map((k, i) => Math.max(L(k).length, listData[i])),
    findings: longestOf(
      FINDING_HEADERS.map(L),
      mapped(m.findings, (f) => findingCells(f, lang)),
    ),
  };
  return m;
}

