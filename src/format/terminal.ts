/**
 * Text from a dossier made safe to print: a cell or a sheet name may hold control characters (an
 * escape sequence that recolours or clears the terminal, a carriage return that overwrites the
 * line) or bidirectional overrides that reorder what is shown. Each is shown as its code instead.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const code = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** For the terminal: every unsafe character as `\uXXXX`, visible. */
export function visible(s: string): string {
  return s.replace(UNSAFE, code);
}

/**
 * JSON for the terminal: JSON.stringify escapes the C0 controls but leaves C1 controls and the
 * bidirectional marks as they are; those (which can only stand inside strings) are escaped too.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, code);
}

/** What JSON.stringify leaves unescaped of UNSAFE (its own line breaks and indents are layout, not data). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
