/**
 * `hoso rules list` and `hoso explain`: the rules as an officer reads them, with their proof. A
 * rule is told in words — what is checked (its operator's `describe`), on whom (its condition and
 * profile), how much it weighs, the document and section it comes from, why — then its examples.
 */
import type { CompiledRule, RuleSet } from '../rules/load.js';
import { awardsOf } from '../rules/awards.js';
import type { Condition, Example, ExampleDossier, ExampleRow } from '../rules/schema.js';
import { localize, SEVERITY_WORDS } from '../engine/messages.js';
import { columnLabel } from '../engine/labels.js';
import type { Lang, Severity } from '../engine/types.js';
import { cite, citedDocuments, documentLines } from '../rules/citation.js';
import { describer } from './describe.js';

const L = {
  vi: {
    checks: 'Kiểm tra',
    appliesTo: 'Áp dụng cho',
    everyNominee: 'mọi dòng đề nghị',
    nomineesWhere: 'dòng đề nghị có',
    onlyWith: 'chỉ khi bật',
    severity: 'Mức',
    period: 'Giai đoạn',
    source: 'Căn cứ',
    sources: 'Căn cứ',
    why: 'Vì sao',
    valid: 'Ví dụ đạt',
    invalid: 'Ví dụ không đạt',
    pack: 'Bộ quy tắc',
    check: 'phép kiểm tra',
    turnOn: 'Bật bằng',
    field: 'Lĩnh vực',
    award: 'Danh hiệu, hình thức khen thưởng',
    names: 'Tên gọi khác',
    codes: 'Mã',
    givenTo: 'Tặng cho',
    level: 'Cấp',
    rules: 'Quy tắc',
    file: 'tệp',
    times: 'lần',
    empty: '(trống)',
    hidden: '(dòng bị ẩn)',
    needsProfile: 'cần',
  },
  en: {
    checks: 'Checks',
    appliesTo: 'Applies to',
    everyNominee: 'every nominee row',
    nomineesWhere: 'nominee rows where',
    onlyWith: 'only with',
    severity: 'Severity',
    period: 'Period',
    source: 'Source',
    sources: 'Sources',
    why: 'Why',
    valid: 'Passing examples',
    invalid: 'Failing examples',
    pack: 'Pack',
    check: 'check',
    turnOn: 'Turned on by',
    field: 'Field',
    award: 'Award',
    names: 'Also called',
    codes: 'Codes',
    givenTo: 'Given to',
    level: 'Level',
    rules: 'Rules',
    file: 'file',
    times: 'times',
    empty: '(empty)',
    hidden: '(hidden row)',
    needsProfile: 'with',
  },
};

/** What a severity means for the verdict. */
const WEIGHT: Record<Severity, { vi: string; en: string }> = {
  error: { vi: 'hồ sơ có lỗi thì mã thoát là 1', en: 'a dossier with an error exits 1' },
  warning: { vi: 'cần xem lại, không làm hồ sơ trượt trừ khi vượt --max-warnings', en: 'to look at; it fails a dossier only past --max-warnings' },
  info: { vi: 'chỉ để biết', en: 'for information only' },
};

export function listRules(ruleSet: RuleSet, profiles: string[], lang: Lang): string {
  const l = L[lang];
  const out: string[] = [];
  const width = Math.max(...Object.values(SEVERITY_WORDS).map((w) => w[lang].length));
  for (const pack of ruleSet.packs) {
    const rules = ruleSet.rules.filter((r) => r.pack === pack.id);
    if (!rules.length) continue;
    out.push(`${pack.id} — ${localize(pack.title, lang)}`);
    const line = (r: (typeof rules)[number], indent: string) => {
      const off = r.rule.profile && !profiles.includes(r.rule.profile) ? ` [${l.needsProfile} --profile ${r.rule.profile}]` : '';
      return `${indent}${r.rule.id.padEnd(44)} ${SEVERITY_WORDS[r.rule.severity][lang].padEnd(width)}  ${localize(r.rule.title, lang)} (${r.rule.source})${off}`;
    };
    // Rules about one award (a `when` naming it) stand under the award's name, the rest first.
    const groups = byAward(rules, ruleSet);
    for (const r of groups.get('') ?? []) out.push(line(r, '  '));
    for (const [ids, list] of groups) {
      if (!ids) continue;
      out.push(`  ${ids.split(',').map((id) => awardName(ruleSet, id, lang)).join(' / ')}:`);
      for (const r of list) out.push(line(r, '    '));
    }
    out.push('');
  }
  // The codes the list cites, named once at its end.
  const cited = citedDocuments(ruleSet.rules.map((r) => r.rule.source), ruleSet.documents);
  if (cited.length) out.push(`${l.sources}:`, ...documentLines(cited, lang), '');
  return out.join('\n');
}

/** The rules by the awards their `when` names (top level or under `all`), in the rules' order; '' for none. */
function byAward<R extends { rule: { when?: Condition } }>(rules: R[], ruleSet: RuleSet): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const r of rules) {
    const ids = r.rule.when ? awardsOf(r.rule.when).filter((id) => ruleSet.awards.byId.has(id)) : [];
    const key = ids.join(',');
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/** "Lao động tiên tiến (LĐTT)": the award's label and its first short name. */
function awardName(ruleSet: RuleSet, id: string, lang: Lang): string {
  const a = ruleSet.awards.byId.get(id)!;
  const short = a.aliases.find((x) => /^[A-ZĐ]{2,}$/u.test(x));
  return `${localize(a.label, lang)}${short ? ` (${short})` : ''}`;
}

/** An example row as its cells read: "Họ và tên: Nguyễn Văn An · Xếp loại 2024: HTXSNV". */
function showRow(ruleSet: RuleSet, row: Record<string, unknown>, lang: Lang): string {
  const l = L[lang];
  const cells = Object.entries(row)
    .filter(([k]) => !k.startsWith('$'))
    .map(([k, v]) => {
      const year = /^(.*)_(\d{4})$/.exec(k);
      const label = year && ruleSet.columns.get(year[1])?.year ? `${columnLabel(ruleSet, year[1])} ${year[2]}` : columnLabel(ruleSet, k);
      return `${label}: ${v === null ? l.empty : String(v)}`;
    });
  return [...cells, ...(row.$hidden === true ? [l.hidden] : [])].join(' · ');
}

function showExample(ruleSet: RuleSet, e: Example, lang: Lang): string[] {
  const l = L[lang];
  const o = e as { files?: unknown; rows?: unknown };
  if (Array.isArray(o.files)) return ['  -', ...(o.files as ExampleRow[][]).flatMap((rows, i) => rows.map((r) => `    (${l.file} ${i + 1}) ${showRow(ruleSet, r, lang)}`))];
  if (Array.isArray(o.rows)) {
    const { rows, repeat, title, footer } = e as ExampleDossier;
    const lines = [...(title ?? []).map((t) => `    « ${t} »`), ...rows.map((r) => `    ${showRow(ruleSet, r, lang)}`)];
    if (repeat > 1) lines.push(`    × ${repeat} ${l.times}`);
    lines.push(...(footer ?? []).map((t) => `    « ${t} »`));
    return ['  -', ...lines];
  }
  return [`  - ${showRow(ruleSet, e as ExampleRow, lang)}`];
}

/** On whom a rule is checked: its condition in words, and the profile that turns it on. */
function appliesTo(ruleSet: RuleSet, compiled: CompiledRule, lang: Lang): string {
  const l = L[lang];
  const { rule } = compiled;
  const who = rule.when ? `${l.nomineesWhere} ${describer(ruleSet).condition(rule.when)[lang]}` : l.everyNominee;
  const profile = rule.profile && ruleSet.profiles.get(rule.profile);
  return profile ? `${who}; ${l.onlyWith} --profile ${profile.id} (${localize(profile.title, lang)})` : who;
}

/**
 * How a pack's file is named to the reader: the command line gives its path as the user should
 * see it (pathLabel); the library, the name it was given (a text has no path).
 */
export type FileLabel = (file: string) => string;

/** One rule in prose, then its examples. */
function explainOne(ruleSet: RuleSet, compiled: CompiledRule, lang: Lang, label: FileLabel): string {
  const l = L[lang];
  const { rule, operator, options } = compiled;
  const out = [
    `${rule.id} — ${localize(rule.title, lang)}`,
    '',
    `${l.checks}: ${operator.describe(options, describer(ruleSet, compiled.period))[lang]}`,
    `${l.appliesTo}: ${appliesTo(ruleSet, compiled, lang)}`,
    `${l.severity}: ${SEVERITY_WORDS[rule.severity][lang]} — ${WEIGHT[rule.severity][lang]}`,
    ...(compiled.period ? [`${l.period}: ${compiled.period.from}–${compiled.period.to}`] : []),
    `${l.source}: ${cite(rule.source, ruleSet.documents, lang)}`,
    ...(rule.doc ? [`${l.why}: ${localize(rule.doc, lang)}`] : []),
    '',
    `${l.valid}:`,
    ...rule.examples.valid.flatMap((e) => showExample(ruleSet, e, lang)),
    '',
    `${l.invalid}:`,
    ...rule.examples.invalid.flatMap((e) => showExample(ruleSet, e, lang)),
    '',
    // For a pack's author: where the rule is written and the check that runs it.
    `${l.pack}: ${compiled.pack} (${label(compiled.file)}), ${l.check} «${rule.check}»`,
  ];
  return out.join('\n') + '\n';
}

/** The rules of a profile or a field, one line each: its id, title and what it checks. */
function ruleLines(ruleSet: RuleSet, rules: CompiledRule[], lang: Lang): string[] {
  return rules.map((r) => `  ${r.rule.id} — ${localize(r.rule.title, lang)}: ${r.operator.describe(r.options, describer(ruleSet, r.period))[lang]}`);
}

/** A rule, award, profile or field explained (what `hoso explain <id>` prints); undefined when the id names none. */
export function explainRule(ruleSet: RuleSet, id: string, lang: Lang, label: FileLabel = (file) => file): string | undefined {
  const l = L[lang];
  // A rule by its id, or by its id without the pack ("ttldtt/70-phan-tram-ldtt") when one rule has that ending.
  const ending = ruleSet.rules.filter((r) => r.rule.id.endsWith(`/${id}`));
  const compiled = ruleSet.rules.find((r) => r.rule.id === id) ?? (ending.length === 1 ? ending[0] : undefined);
  if (compiled) return explainOne(ruleSet, compiled, lang, label);
  const award = ruleSet.awards.byId.get(id);
  if (award) {
    const rules = ruleLines(ruleSet, byAward(ruleSet.rules, ruleSet).get(id) ?? [], lang);
    const kinds = award.kinds.map((k) => localize(ruleSet.enums.get('loai')?.label(k) ?? k, lang)).join(', ');
    return [
      `${l.award} ${award.id} — ${awardName(ruleSet, award.id, lang)}`,
      '',
      ...(award.aliases.length ? [`${l.names}: ${award.aliases.join(', ')}`] : []),
      ...(award.codes.length ? [`${l.codes}: ${award.codes.join(', ')}`] : []),
      `${l.givenTo}: ${kinds}`,
      ...(award.level ? [`${l.level}: ${award.level}`] : []),
      ...(award.source ? [`${l.source}: ${cite(award.source, ruleSet.documents, lang)}`] : []),
      ...(rules.length ? ['', `${l.rules}:`, ...rules] : []),
    ].join('\n') + '\n';
  }
  const profile = ruleSet.profiles.get(id);
  if (profile) {
    const rules = ruleLines(ruleSet, ruleSet.rules.filter((r) => r.rule.profile === id), lang);
    return [
      `${profile.id} — ${localize(profile.title, lang)}`,
      '',
      `${l.turnOn}: --profile ${profile.id}`,
      `${l.source}: ${cite(profile.source, ruleSet.documents, lang)}`,
      ...(profile.doc ? [`${l.why}: ${localize(profile.doc, lang)}`] : []),
      '',
      `${l.rules}:`,
      ...rules,
    ].join('\n') + '\n';
  }
  const field = ruleSet.enums.get('linh_vuc')?.values.find((v) => v.id === id);
  if (field) {
    const rules = ruleLines(ruleSet, ruleSet.rules.filter((r) => r.rule.id.startsWith(id + '/')), lang);
    return [
      `${l.field} ${field.id} — ${localize(field.label, lang)}`,
      ...(field.source ? [`${l.source}: ${cite(field.source, ruleSet.documents, lang)}`] : []),
      '',
      localize(field.doc, lang),
      ...(rules.length ? ['', `${l.rules}:`, ...rules] : []),
    ].join('\n') + '\n';
  }
  return undefined;
}
