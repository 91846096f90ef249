/** `hoso rules list` and `hoso explain`: the rules as an officer reads them, with their proof. */
import type { RuleSet } from '../rules/load.js';
import type { Example, ExampleDossier, ExampleRow } from '../rules/schema.js';
import { localize } from '../engine/messages.js';
import type { Lang } from '../engine/types.js';

const L = {
  vi: { severity: 'Mức', check: 'Phép kiểm tra', when: 'Áp dụng khi', source: 'Nguồn', valid: 'Ví dụ đạt', invalid: 'Ví dụ không đạt', profile: 'Hồ sơ định mức', period: 'Giai đoạn', field: 'Lĩnh vực', rulesOfProfile: 'Quy tắc', all: 'luôn áp dụng', file: 'tệp', times: 'lần' },
  en: { severity: 'Severity', check: 'Check', when: 'Applies when', source: 'Source', valid: 'Passing examples', invalid: 'Failing examples', profile: 'Profile', period: 'Period', field: 'Field', rulesOfProfile: 'Rules', all: 'always', file: 'file', times: 'times' },
};

export function listRules(ruleSet: RuleSet, profiles: string[], lang: Lang): string {
  const out: string[] = [];
  for (const pack of ruleSet.packs) {
    const rules = ruleSet.rules.filter((r) => r.pack === pack.id);
    if (!rules.length) continue;
    out.push(`${pack.id} — ${localize(pack.title, lang)}`);
    for (const r of rules) {
      const off = r.rule.profile && !profiles.includes(r.rule.profile) ? ` [--profile ${r.rule.profile}]` : '';
      out.push(`  ${r.rule.id.padEnd(44)} ${r.rule.severity.padEnd(8)} ${localize(r.rule.title, lang)} (${r.rule.source})${off}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function showRow(row: Record<string, unknown>): string {
  return Object.entries(row)
    .map(([k, v]) => `${k}: ${v === null ? '∅' : String(v)}`)
    .join(' · ');
}

function showExample(e: Example, lang: Lang): string[] {
  const l = L[lang];
  const o = e as { files?: unknown; rows?: unknown };
  if (Array.isArray(o.files)) return ['  -', ...(o.files as ExampleRow[][]).flatMap((rows, i) => rows.map((r) => `    (${l.file} ${i + 1}) ${showRow(r)}`))];
  if (Array.isArray(o.rows)) {
    const { rows, repeat, title, footer } = e as ExampleDossier;
    const lines = [...(title ?? []).map((t) => `    « ${t} »`), ...rows.map((r) => `    ${showRow(r)}`)];
    if (repeat > 1) lines.push(`    × ${repeat} ${l.times}`);
    lines.push(...(footer ?? []).map((t) => `    « ${t} »`));
    return ['  -', ...lines];
  }
  return [`  - ${showRow(e as ExampleRow)}`];
}

export function explainRule(ruleSet: RuleSet, id: string, lang: Lang): string | undefined {
  const l = L[lang];
  const compiled = ruleSet.rules.find((r) => r.rule.id === id);
  if (compiled) {
    const { rule } = compiled;
    const out = [
      `${rule.id} — ${localize(rule.title, lang)}`,
      '',
      `${l.severity}: ${rule.severity}`,
      `${l.check}: ${rule.check} ${JSON.stringify(rule.with)}`,
      `${l.when}: ${rule.when ? JSON.stringify(rule.when) : l.all}`,
      ...(rule.profile ? [`${l.profile}: ${rule.profile}`] : []),
      ...(compiled.period ? [`${l.period}: ${compiled.period.from}–${compiled.period.to}`] : []),
      `${l.source}: ${rule.source}`,
    ];
    if (rule.doc) out.push('', localize(rule.doc, lang));
    out.push('', `${l.valid}:`, ...rule.examples.valid.flatMap((e) => showExample(e, lang)));
    out.push('', `${l.invalid}:`, ...rule.examples.invalid.flatMap((e) => showExample(e, lang)));
    return out.join('\n') + '\n';
  }
  const profile = ruleSet.profiles.get(id);
  if (profile) {
    const rules = ruleSet.rules.filter((r) => r.rule.profile === id).map((r) => `  ${r.rule.id} — ${localize(r.rule.title, lang)}`);
    return [`${profile.id} — ${localize(profile.title, lang)}`, '', `${l.source}: ${profile.source}`, ...(profile.doc ? ['', localize(profile.doc, lang)] : []), '', `${l.rulesOfProfile}:`, ...rules].join('\n') + '\n';
  }
  const field = ruleSet.enums.get('linh_vuc')?.values.find((v) => v.id === id);
  if (field) {
    const rules = ruleSet.rules.filter((r) => r.rule.id.startsWith(id + '/')).map((r) => `  ${r.rule.id} — ${localize(r.rule.title, lang)}`);
    return [`${l.field} ${field.id} — ${localize(field.label, lang)}`, ...(field.source ? [`${l.source}: ${field.source}`] : []), '', localize(field.doc, lang), ...(rules.length ? ['', `${l.rulesOfProfile}:`, ...rules] : [])].join('\n') + '\n';
  }
  return undefined;
}
