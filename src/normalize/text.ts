/**
 * Vietnamese text normalisation. Dossiers are typed by hand: the same header arrives as
 * "Họ và tên", "HO VA TEN", "Họ  và\ntên" or in decomposed Unicode (NFD, as macOS and some
 * web forms write it). Matching therefore folds case, diacritics, punctuation and spacing.
 */

/** NFC, line breaks and runs of white space (including non-breaking) folded to one space, trimmed. */
export function cleanText(s: string): string {
  // Most cells need nothing: test before paying for normalize() and replace().
  if (s.length > 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32 && !NEEDS_CLEANING.test(s) && s.indexOf('  ') < 0) return s;
  return s.normalize('NFC').replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
}

/** Combining marks (NFD text), white space other than spaces (two spaces in a row are looked for apart). */
const NEEDS_CLEANING = /[\u0300-\u036f\u1dc0-\u1dff\t\n\r\f\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Whether cleanText changes a text for holding this character (besides spaces at the ends or two in a row). */
export function cleanTextTouches(ch: string): boolean {
  return NEEDS_CLEANING.test(ch);
}

const COMBINING = /[\u0300-\u036f]/g;

/**
 * The matching key of a text: lower case, no diacritics (đ → d), punctuation turned into spaces,
 * spaces collapsed. "Tỷ lệ (%)" and "ty le" fold alike; "GD&ĐT" folds to "gd dt".
 */
export function fold(s: string): string {
  // Already folded (numbers typed as text, codes): answered before the cache, which a column of
  // distinct numbers would otherwise fill and empty over and over.
  if (FOLDED_ASCII.test(s)) return s;
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

/** Lower-case ASCII letters and digits in words one space apart: a text that folds to itself. */
const FOLDED_ASCII = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** fold(s) for a text that is not already folded ASCII (fold has asked). */
function foldUncached(s: string): string {
  return foldByTable(s) ?? foldByRegex(s);
}

/** The definition of the key; foldByTable gives the same, faster, for the Latin scripts. */
export function foldByRegex(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What each character of the Latin blocks (ASCII, Latin-1, Latin Extended-A/B, the combining
 * diacritics, Latin Extended Additional — every letter Vietnamese writes) folds to on its own:
 * one letter (lower case, no diacritics), a separator for punctuation and spaces, nothing for a
 * combining mark. Folding a text is then one pass over its codes; a character outside the table,
 * or one whose fold is not a single letter, sends the whole text to foldByRegex.
 */
const FOLD_LIMIT = 0x1f00;
const F_SEPARATOR = 0xfffe;
const F_NOTHING = 0xfffd;
const F_SLOW = 0xffff;
const FOLD_CODES = new Uint16Array(FOLD_LIMIT).fill(F_SLOW);
for (const [from, to] of [
  [0x0000, 0x024f],
  [0x0300, 0x036f],
  [0x1e00, 0x1eff],
]) {
  for (let c = from; c <= to; c++) {
    const letters = String.fromCharCode(c).normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase();
    if (letters === '') FOLD_CODES[c] = F_NOTHING;
    else if (letters.length === 1 && /^[\p{L}\p{N}]$/u.test(letters)) FOLD_CODES[c] = letters.charCodeAt(0);
    else if (/^[^\p{L}\p{N}]+$/u.test(letters)) FOLD_CODES[c] = F_SEPARATOR;
  }
}
let foldOut = new Uint16Array(256);

/** The fold of s by the table, or undefined when a character of s is not simply in it. */
function foldByTable(s: string): string | undefined {
  if (s.length > foldOut.length) foldOut = new Uint16Array(s.length * 2);
  const n = foldCodes(s, foldOut);
  if (n < 0) return undefined;
  return n <= 64 ? String.fromCharCode.apply(null, foldOut.subarray(0, n) as unknown as number[]) : TEXT_UTF16.decode(foldOut.subarray(0, n));
}

/**
 * The codes of fold(s) written into out (at least s.length long), and how many; -1 when a
 * character of s is not simply in the table (then only fold(s) says). For callers that hash a
 * key rather than keep it: no string is made.
 */
export function foldCodes(s: string, out: Uint16Array): number {
  let n = 0;
  // A separator is written only before the next letter: runs collapse, the ends are trimmed.
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const f = code < FOLD_LIMIT ? FOLD_CODES[code] : F_SLOW;
    if (f < F_NOTHING) {
      if (pendingSpace) {
        out[n++] = 32;
        pendingSpace = false;
      }
      out[n++] = f;
    } else if (f === F_SEPARATOR) pendingSpace = n > 0;
    else if (f === F_SLOW) return -1;
  }
  return n;
}
const TEXT_UTF16 = new TextDecoder('utf-16le');

/** How many distinct texts oncePerText remembers the answer for. */
const ONCE_PER_TEXT = 1024;

/**
 * A test of texts that answers each distinct text once (the first ONCE_PER_TEXT of them) and
 * remembers: the values of a column (kinds, ratings, award forms) repeat down the rows.
 */
export function oncePerText(test: (text: string) => boolean): (text: string) => boolean {
  const answers = new Map<string, boolean>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = test(text);
      if (answers.size < ONCE_PER_TEXT) answers.set(text, answer);
    }
    return answer;
  };
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
  /** A text's first word, folded, as codes (see firstWordCodes): one more than the longest first word. */
  private readonly word: Uint16Array;

  constructor(readonly phrases: string[]) {
    this.accented = phrases.map(accentKey);
    this.folded = phrases.map(fold);
    this.firstWords = new Set(this.folded.map((p) => p.split(' ')[0]));
    this.word = new Uint16Array(Math.max(0, ...[...this.firstWords].map((w) => w.length)) + 1);
  }

  /** The index of the first phrase the text begins with, or -1. */
  find(text: string): number {
    if (!this.mayStart(text)) return -1;
    const accented = /[^\x00-\x7f]/.test(text);
    const t = accented ? accentKey(text) : fold(text);
    const keys = accented ? this.accented : this.folded;
    return keys.findIndex((p) => p.length > 0 && (t === p || t.startsWith(p + ' ')));
  }

  /** Whether the text is one of the phrases, whole, once folded; ruled out on its first word as find() is. */
  equals(text: string): boolean {
    return this.mayStart(text) && this.folded.includes(fold(text));
  }

  /**
   * Whether the text's first word is a phrase's. This runs on every row (is it the footer?): a
   * name is ruled out on its codes, with no match, slice or string made. Only a first word the
   * table cannot fold is matched and folded.
   */
  private mayStart(text: string): boolean {
    const n = firstWordCodes(text, this.word);
    if (n === TOO_LONG || (n >= 0 && !this.isFirstWord(n))) return false;
    if (n === -1) {
      const m = FIRST_WORD.exec(text);
      if (!m || !this.firstWords.has(fold(m[0]))) return false;
    }
    return true;
  }

  /** Whether word[0, n) is one of the first words. */
  private isFirstWord(n: number): boolean {
    const word = this.word;
    next: for (const w of this.firstWords) {
      if (w.length !== n) continue;
      for (let i = 0; i < n; i++) if (w.charCodeAt(i) !== word[i]) continue next;
      return true;
    }
    return false;
  }
}

const FIRST_WORD = /[\p{L}\p{N}\p{M}]+/u;
const TOO_LONG = -2;

/**
 * fold(FIRST_WORD.exec(s)[0]) as codes written into out: how many (0 when s has no word), TOO_LONG
 * when more than out holds, or -1 when a character of the word is not simply in the table. In the
 * table, the characters FIRST_WORD takes (letters, digits, marks) are exactly those that fold to
 * a letter or to nothing, and the others fold to a separator (a test holds it so).
 */
export function firstWordCodes(s: string, out: Uint16Array): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const f = code < FOLD_LIMIT ? FOLD_CODES[code] : F_SLOW;
    if (f === F_SEPARATOR) {
      if (inWord) break;
    } else if (f === F_SLOW) return -1;
    else {
      inWord = true;
      if (f === F_NOTHING) continue;
      if (n === out.length) return TOO_LONG;
      out[n++] = f;
    }
  }
  return n;
}

/** Lower case, NFC, punctuation to spaces, diacritics kept. */
function accentKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
