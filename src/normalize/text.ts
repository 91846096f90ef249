/**
 * Vietnamese text normalisation. Dossiers are typed by hand: the same header arrives as
 * "Họ và tên", "HO VA TEN", "Họ  và\ntên" or in decomposed Unicode (NFD, as macOS and some
 * web forms write it). Matching therefore folds case, diacritics, punctuation and spacing.
 */

/** NFC, line breaks and runs of white space (including non-breaking) folded to one space, trimmed. */
export function cleanText(s: string): string {
  // Most cells need nothing: test before paying for normalize() and replace().
  if (!NEEDS_CLEANING.test(s)) return s;
  return s.normalize('NFC').replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
}

const NEEDS_CLEANING = /[\u0300-\u036f\t\n\r\f\v\u00a0\u200b\ufeff\u1dc0-\u1dff]|\s\s|^\s|\s$/u;

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
 * Whether `text` begins with `phrase` as whole words. Diacritics carry meaning in Vietnamese —
 * "Sở" (department) is not "Số" (number), "Tổng công ty" is not "Tổng cộng" — so a text written
 * with diacritics is compared with them (ignoring case and spacing); a text typed without any is
 * compared folded.
 */
export function startsWithPhrase(text: string, phrase: string): boolean {
  const key = /[^\x00-\x7f]/.test(text) ? accentKey : fold;
  const t = key(text);
  const p = key(phrase);
  return p.length > 0 && (t === p || t.startsWith(p + ' '));
}

/** Lower case, NFC, punctuation to spaces, diacritics kept. */
function accentKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
