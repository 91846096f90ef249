/**
 * Vietnamese text normalisation. Dossiers are typed by hand: the same header arrives as
 * "Họ và tên", "HO VA TEN", "Họ  và\ntên" or in decomposed Unicode (NFD, as macOS and some
 * web forms write it). Matching therefore folds case, diacritics, punctuation and spacing.
 */

/** NFC, line breaks and runs of white space (including non-breaking) folded to one space, trimmed. */
export function cleanText(s: string): string {
  // Most cells need nothing: test before paying for normalize() and replace().
  if (s.length > 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32 && !NEEDS_CLEANING.test(s)) return s;
  return s.normalize('NFC').replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
}

/** Combining marks (NFD text), white space other than single spaces. */
const NEEDS_CLEANING = /[\u0300-\u036f\u1dc0-\u1dff\t\n\r\f\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

const COMBINING = /[\u0300-\u036f]/g;

/**
 * The matching key of a text: lower case, no diacritics (đ → d), punctuation turned into spaces,
 * spaces collapsed. "Tỷ lệ (%)" and "ty le" fold alike; "GD&ĐT" folds to "gd dt".
 */
export function fold(s: string): string {
  // Enumeration values and headers repeat on every row: fold each distinct short text once.
  if (s.length > 64) return foldUncached(s);
  let f = foldCache.get(s);
  if (f === undefined) {
    if (foldCache.size >= FOLD_CACHE_SIZE) foldCache.clear();
    foldCache.set(s, (f = foldUncached(s)));
  }
  return f;
}

const FOLD_CACHE_SIZE = 50_000;
const foldCache = new Map<string, string>();

function foldUncached(s: string): string {
  if (/^[a-z0-9]+(?: [a-z0-9]+)*$/.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The same key without parenthesised parts: "Tỷ lệ hộ nghèo 2024 (%)" → "ty le ho ngheo 2024". */
export function foldWithoutParentheses(s: string): string {
  return fold(s.replace(/\([^()]*\)/g, ' '));
}

/**
 * Which of a list of phrases a text begins with, as whole words. Diacritics carry meaning in
 * Vietnamese — "Sở" (department) is not "Số" (number), "Tổng công ty" is not "Tổng cộng" — so a
 * text written with diacritics is compared with them (ignoring case and spacing); a text typed
 * without any is compared folded. The phrases' keys are made once: this runs on every row.
 */
export class PhraseList {
  private readonly accented: string[];
  private readonly folded: string[];
  /** The phrases' first words, folded: most texts (a nominee's name) are ruled out by their first word. */
  private readonly firstWords: Set<string>;

  constructor(readonly phrases: string[]) {
    this.accented = phrases.map(accentKey);
    this.folded = phrases.map(fold);
    this.firstWords = new Set(this.folded.map((p) => p.split(' ')[0]));
  }

  /** The index of the first phrase the text begins with, or -1. */
  find(text: string): number {
    const m = FIRST_WORD.exec(text);
    if (!m || !this.firstWords.has(fold(m[0]))) return -1;
    const accented = /[^\x00-\x7f]/.test(text);
    const t = accented ? accentKey(text) : fold(text);
    const keys = accented ? this.accented : this.folded;
    return keys.findIndex((p) => p.length > 0 && (t === p || t.startsWith(p + ' ')));
  }
}

const FIRST_WORD = /[\p{L}\p{N}\p{M}]+/u;

/** Lower case, NFC, punctuation to spaces, diacritics kept. */
function accentKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
