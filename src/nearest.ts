/**
 * "Did you mean": the names nearest to one that matched nothing. Shared by the command line (a
 * mistyped command, option or `explain` id) and the rule loader (a mistyped key or value in a pack).
 */
import type { Lang } from './engine/types.js';

/** Edits from a to b: insert, delete, replace, or swap two neighbours (a typist's usual slips). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/**
 * The candidates nearest to `given` (at most three, equally near), within a few edits; an id
 * given without its pack ("don-vi" for "chung/don-vi") counts as nearer than any typo.
 */
export function nearest(given: string, candidates: Iterable<string>): string[] {
  const most = Math.max(2, Math.floor(given.length / 5));
  const scored = [...new Set(candidates)].map((c) => {
    const own = c.slice(c.lastIndexOf('/') + 1);
    return { c, d: Math.min(editDistance(given, c), own === c ? Infinity : editDistance(given, own) + 0.5) };
  });
  const best = Math.min(...scored.map((s) => s.d));
  if (!(best <= most)) return [];
  return scored.filter((s) => s.d === best).map((s) => s.c).sort().slice(0, 3);
}

/** A name quoted as each language quotes: «x» in Vietnamese, "x" in English. */
export const quote = (s: string, lang: Lang): string => (lang === 'vi' ? `«${s}»` : `"${s}"`);

/** ". Có phải ý bạn là «a» hoặc «b»?" / " (did you mean "a" or "b"?)", or nothing without candidates. */
export function didYouMean(candidates: string[], lang: Lang): string {
  if (!candidates.length) return '';
  const names = candidates.map((c) => quote(c, lang)).join(lang === 'vi' ? ' hoặc ' : ' or ');
  return lang === 'vi' ? `. Có phải ý bạn là ${names}?` : ` (did you mean ${names}?)`;
}
