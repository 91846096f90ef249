/**
 * The awards' vocabulary (titles of emulation and forms of commendation) as the engine looks
 * them up: an award cell's text — a name, an abbreviation ("LĐTT"), a system's code
 * ("1647933042") or a phrase naming one ("Đề nghị tặng danh hiệu Lao động tiên tiến năm 2025") —
 * to the award it names.
 */
import { fold } from '../normalize/text.js';
import { nearest } from '../nearest.js';
import type { Award, Condition } from './schema.js';

/** The condition key naming the award a row proposes, by its id in the awards' vocabulary. */
export const AWARD_KEY = 'award';

/**
 * The columns a row names its awards in: the award proposed (a title or a form) and, in an
 * existing system's templates, a title of its own beside the form ("Mã danh hiệu thi đua (nếu
 * có)" next to "Mã hình thức khen thưởng"). Each names an award the Law's rules judge.
 */
export const AWARD_COLUMNS = ['hinh_thuc', 'danh_hieu'] as const;

export interface CompiledAwards {
  list: Award[];
  byId: Map<string, Award>;
  /** The award a cell's text names, or undefined; each distinct text is worked out once. */
  find(text: string): Award | undefined;
  /**
   * Every award a longer text names as whole words (a decision's title, "… DANH HIỆU CHIẾN SĨ THI
   * ĐUA CƠ SỞ VÀ LAO ĐỘNG TIÊN TIẾN NĂM 2023"), a name inside a longer one found counted once.
   */
  findAll(text: string): Award[];
  /** The award one of whose names, abbreviations, codes or id the text is (no phrase around it). */
  exact(text: string): Award | undefined;
  /** Every name an award goes by (labels, aliases), for "did you mean". */
  names(): string[];
  /** The names nearest to a text that names no award, case and diacritics aside: "did you mean". */
  nearest(text: string): string[];
}

/** How many distinct award texts are remembered: an award column holds a few dozen. */
const MEMO = 4096;

export function compileAwards(list: Award[]): CompiledAwards {
  const byId = new Map(list.map((a) => [a.id, a]));
  const exact = new Map<string, Award>();
  const add = (name: string, a: Award) => {
    const f = fold(name);
    if (f && !exact.has(f)) exact.set(f, a);
  };
  for (const a of list) {
    const labels = typeof a.label === 'string' ? [a.label] : [a.label.vi, ...(a.label.en ? [a.label.en] : [])];
    for (const n of [...labels, ...a.aliases, ...a.codes, a.id]) add(n, a);
  }
  // A name inside a longer text counts as whole words; the longest name found wins, so that
  // "Tập thể lao động tiên tiến" is not read as "Lao động tiên tiến". Codes and abbreviations of
  // under four letters are matched only as the whole cell ("BK" inside a name means nothing).
  const inside = [...exact.entries()].filter(([f]) => f.length >= 4 && !/^\d+$/.test(f)).sort((x, y) => y[0].length - x[0].length);
  const memo = new Map<string, Award | null>();
  const find = (text: string): Award | undefined => {
    let hit = memo.get(text);
    if (hit === undefined) {
      const f = fold(text);
      hit = exact.get(f) ?? inside.find(([name]) => ` ${f} `.includes(` ${name} `))?.[1] ?? null;
      if (memo.size < MEMO) memo.set(text, hit);
    }
    return hit ?? undefined;
  };
  const findAll = (text: string): Award[] => {
    let rest = ` ${fold(text)} `;
    const out: Award[] = [];
    for (const [name, award] of inside) {
      if (!rest.includes(` ${name} `)) continue;
      if (!out.includes(award)) out.push(award);
      // Taken out, so that "lao dong tien tien" inside "tap the lao dong tien tien" is not counted again.
      rest = rest.split(` ${name} `).join('  ');
    }
    return out;
  };
  const names = () => list.flatMap((a) => [typeof a.label === 'string' ? a.label : a.label.vi, ...a.aliases]);
  return {
    list,
    byId,
    find,
    findAll,
    exact: (text) => exact.get(fold(text)),
    names,
    nearest: (text) => {
      const all = names();
      const folded = all.map(fold);
      return nearest(fold(text), folded).map((f) => all[folded.indexOf(f)]);
    },
  };
}

/** Whether a day ("2025-07-01") falls inside an in-force window (either end open). */
export function inForceOn(window: { from?: string; to?: string }, date: Date): boolean {
  const day = date.toISOString().slice(0, 10);
  return (!window.from || day >= window.from) && (!window.to || day <= window.to);
}

/** The awards a rule's condition names (`award:` at its top level or under `all`): those the rule judges. */
export function awardsOf(c: Condition): string[] {
  const own = c[AWARD_KEY] === undefined ? [] : [c[AWARD_KEY]].flat().map(String);
  const all = Array.isArray(c.all) ? (c.all as Condition[]).flatMap(awardsOf) : [];
  return [...own, ...all];
}
