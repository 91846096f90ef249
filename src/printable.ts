/**
 * Text from an input made safe for a terminal or a CI log — a cell, a sheet, file or part name, a
 * reason that quotes one. The one place where hoso decides what may not be printed as it is:
 *
 * - control characters (C0 and C1): an escape sequence recolours, hides (`ESC[8m` hid every
 *   line after it, the summary included), retitles or clears the terminal, and a carriage
 *   return overwrites the line;
 * - line breaks of every kind (LF, CR, NEL, U+2028, U+2029): a file or sheet name holding one
 *   would start a line of its own, where `::error …` or `::add-mask::…` is a CI workflow command;
 * - format characters (bidi controls U+202A–202E, U+2066–2069, U+200E/F, U+061C, zero-width
 *   marks): they reorder what is shown, or make two names that differ look alike;
 * - lone surrogates, which a terminal cannot show.
 *
 * Each is written as its code point, `\u{1B}`, visible and unambiguous.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
const ANY_UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

const codePoint = (ch: string) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`;

/** The text with every unsafe character written as `\u{…}`; a text without any is returned as it is. */
export function printable(text: string): string {
  return ANY_UNSAFE.test(text) ? text.replace(UNSAFE, codePoint) : text;
}

const LONGEST = 120;

/** A name from a file inside a reason: printable, in «», and cut short past 120 characters. */
export function shown(name: string): string {
  return `«${printable(name.length > LONGEST ? `${name.slice(0, LONGEST)}…` : name)}»`;
}

/**
 * JSON for the terminal: the same characters escaped, but as JSON's own `\uXXXX` (UTF-16 units),
 * so that the JSON still reads back to the input's text. JSON.stringify escapes the C0 controls
 * and lone surrogates itself; the rest (its own line breaks and indents are layout, not data, and
 * every unsafe character it leaves can only stand inside a string) is escaped here.
 */
export function safeJson(value: unknown): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(UNSAFE_IN_JSON, (ch) => ch.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''));
}

/** What JSON.stringify leaves unescaped of UNSAFE. */
const UNSAFE_IN_JSON = /(?![\u0000-\u001f])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
