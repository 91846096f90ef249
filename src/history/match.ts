/**
 * A nominee found in the ledger: for each year asked, the decision of one of the awards that
 * names them — by their folded name and unit (through the config's units map), and their year of
 * birth where both the list and the decision give it. Two people of one name in one unit whom
 * nothing tells apart are namesakes: never one picked in silence, always both named.
 */
import { cleanText } from '../normalize/text.js';
import type { Ledger, LedgerEntry } from './ledger.js';

/** Who is looked for: the nominee row's name, unit and year of birth. */
export interface Person {
  name: string;
  nameKey: string;
  /** Folded and mapped (Ledger.unitKey). */
  unitKey: string;
  /** The unit putting the nominee forward (the dossier's), likewise: a list without a unit column is its issuer's. */
  submitterKey: string;
  birth?: number;
}

export type YearMatch =
  /** One decision names the nominee (or several that are plainly one person: one birth year, or copies of one decision). */
  | { kind: 'found'; entry: LedgerEntry }
  /** Several people of the nominee's name and unit, nothing telling which is the nominee. */
  | { kind: 'namesakes'; entries: LedgerEntry[] }
  /**
   * No decision of that year names the nominee for one of the awards; `others`: the nominee's
   * decisions of that year for other awards; `elsewhere`: the same name in another unit or of
   * another year of birth.
   */
  | { kind: 'none'; others: LedgerEntry[]; elsewhere: LedgerEntry[] };

/** Case and spacing aside, diacritics kept: "Nguyễn Văn Hùng" is not "Nguyễn Văn Hưng", which fold alike. */
const typed = (name: string) => cleanText(name).toLowerCase();

/** Whether two records are one person: one known year of birth, or the same decision listed twice (a copy in another file). */
function samePerson(a: LedgerEntry, b: LedgerEntry): boolean {
  if (a.birth !== undefined && b.birth !== undefined) return a.birth === b.birth;
  return a.decision !== undefined && a.decision === b.decision && a.decisionDate === b.decisionDate && a.file !== b.file;
}

/** How many records of other awards, or of another unit, a finding names as hints, at most. */
const HINTS = 2;

/** The decisions of `awards` naming the person in each of `years`. */
export function decisionsOf(ledger: Ledger, who: Person, years: number[], awards: ReadonlySet<string>): Map<number, YearMatch> {
  const here = new Map<number, LedgerEntry[]>();
  const others = new Map<number, LedgerEntry[]>();
  const elsewhere = new Map<number, LedgerEntry[]>();
  for (const i of ledger.named(who.nameKey)) {
    const e = ledger.entry(i);
    if (!years.includes(e.year)) continue;
    // A list without a unit column names the body that issued it, the one putting its people forward again.
    const unit = e.unitKey === who.unitKey || (e.listUnit === true && e.unitKey === who.submitterKey);
    const fits = unit && (who.birth === undefined || e.birth === undefined || e.birth === who.birth);
    const into = !awards.has(e.award) ? (fits ? others : undefined) : fits ? here : elsewhere;
    into?.set(e.year, [...(into.get(e.year) ?? []), e]);
  }
  const out = new Map<number, YearMatch>();
  for (const year of years) {
    let found = here.get(year) ?? [];
    if (found.length === 0) {
      out.set(year, { kind: 'none', others: (others.get(year) ?? []).slice(0, HINTS), elsewhere: (elsewhere.get(year) ?? []).slice(0, HINTS) });
      continue;
    }
    // What tells namesakes apart, strongest first: the same year of birth, the name as typed.
    const born = who.birth === undefined ? [] : found.filter((e) => e.birth === who.birth);
    if (born.length) found = born;
    const spelled = found.filter((e) => typed(e.name) === typed(who.name));
    if (spelled.length) found = spelled;
    out.set(year, found.every((e) => e === found[0] || samePerson(found[0], e)) ? { kind: 'found', entry: found[0] } : { kind: 'namesakes', entries: found });
  }
  return out;
}
