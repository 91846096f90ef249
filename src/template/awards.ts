/**
 * `hoso init --award`: a template for the titles and forms chosen, whose columns are who the
 * nominee is and every column the chosen awards' rules read as evidence. The evidence columns
 * are found in the packs — the rules whose `when` names a chosen award, and the columns their
 * checks read — never listed by hand, so a criterion added to a pack adds its column here; each
 * carries the rules that need it, whose titles and articles its header note cites.
 */
import type { Award, InForce, LocalText } from '../rules/schema.js';
import type { RuleSet } from '../rules/load.js';
import { activeRules } from '../engine/check.js';
import { awardsOf } from '../rules/awards.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../nearest.js';
import type { Lang, Severity } from '../engine/types.js';
import { localize } from '../engine/messages.js';

/** The awards the command line names by id, name, abbreviation or code, each once; an unknown one stops the run. */
export function chosenAwards(ruleSet: RuleSet, given: string[]): Award[] {
  const out: Award[] = [];
  for (const text of given) {
    const award = ruleSet.awards.exact(text);
    if (!award) {
      const near = ruleSet.awards.nearest(text);
      throw new UsageError(`không có danh hiệu, hình thức khen thưởng «${text}»${didYouMean(near, 'vi')}`, `no award "${text}"${didYouMean(near, 'en')}`);
    }
    if (!out.includes(award)) out.push(award);
  }
  return out;
}

/** A rule of a chosen award that reads an evidence column: what the column's note cites. */
export interface Need {
  award: Award;
  title: LocalText;
  source: string;
  inForce?: InForce;
  /** The years the rule reads the column for, when it is a year column: the award year's, or a streak's years before it. */
  years: number[];
}

/**
 * Whether a rule in force between dates can judge a list of the award year: a list for year Y is
 * dated in Y or in the year after it (the year-end titles are proposed once the year is over).
 */
function canJudge(window: InForce | undefined, year: number): boolean {
  return !window || ((!window.from || window.from <= `${year + 1}-12-31`) && (!window.to || window.to >= `${year}-01-01`));
}

/** The evidence columns of the awards, each with the rules that read it (in the packs' order of rules). */
export function evidenceColumns(ruleSet: RuleSet, awards: Award[], opts: { profiles: string[]; severity?: Record<string, Severity | 'off'>; year: number }): Map<string, Need[]> {
  const chosen = new Map(awards.map((a) => [a.id, a]));
  const out = new Map<string, Need[]>();
  for (const { compiled } of activeRules(ruleSet, opts.profiles, opts.severity)) {
    const { rule } = compiled;
    const judged = rule.when ? awardsOf(rule.when).filter((id) => chosen.has(id)) : [];
    if (!judged.length || !canJudge(rule['in-force'], opts.year)) continue;
    const yearsRead = compiled.operator.yearsRead?.(compiled.options, opts.year) ?? {};
    for (const key of new Set(compiled.operator.columns(compiled.options))) {
      const needs = out.get(key) ?? [];
      needs.push({ award: chosen.get(judged[0])!, title: rule.title, source: rule.source, inForce: rule['in-force'], years: yearsRead[key] ?? [opts.year] });
      out.set(key, needs);
    }
  }
  return out;
}

/** The kinds of nominee (ids of `loai`) the awards may go to, in the enumeration's order. */
export function kindsOf(ruleSet: RuleSet, awards: Award[]): string[] {
  const wanted = new Set(awards.flatMap((a) => a.kinds));
  return (ruleSet.enums.get('loai')?.values ?? []).map((v) => v.id).filter((id) => wanted.has(id));
}

/**
 * The list's title, which reads as an award list (the Law pack's layout.award-lists): "… CÔNG
 * NHẬN DANH HIỆU THI ĐUA …" for titles, "… TẶNG BẰNG KHEN … " naming the forms, both for a mix.
 */
export function awardListTitle(awards: Award[], year: number): string {
  const titles = awards.some((a) => a.title);
  const forms = awards.filter((a) => !a.title);
  const what = !forms.length
    ? 'CÔNG NHẬN DANH HIỆU THI ĐUA'
    : titles
      ? 'CÔNG NHẬN DANH HIỆU THI ĐUA VÀ TẶNG HÌNH THỨC KHEN THƯỞNG'
      : `TẶNG ${forms.map((a) => localize(a.label, 'vi').toLocaleUpperCase('vi')).join(', ')}`;
  return `DANH SÁCH ĐỀ NGHỊ ${what} NĂM ${year}`;
}

/** A rule's dates in force as a note says them: "hồ sơ ghi ngày 01/01/2024–30/06/2025". */
function datesSaid(w: InForce, lang: Lang): string {
  const day = (d: string | undefined) => (d ? (lang === 'vi' ? d.split('-').reverse().join('/') : d) : '…');
  return lang === 'vi' ? `hồ sơ ghi ngày ${day(w.from)}–${day(w.to)}` : `dossiers dated ${day(w.from)} to ${day(w.to)}`;
}

/** The lines of a header note citing why the column is there: each rule's title, article and dates. */
export function needLines(needs: Need[], lang: Lang): string[] {
  return [
    lang === 'vi' ? 'Cần cho:' : 'Needed for:',
    ...needs.map((n) => `– ${localize(n.title, lang)} (${n.source}${n.inForce && (n.inForce.from || n.inForce.to) ? `; ${datesSaid(n.inForce, lang)}` : ''})`),
  ];
}
