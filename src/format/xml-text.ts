/**
 * Text from a dossier made fit for the XML hoso writes. A cell may hold any character — a CSV any
 * control character, a workbook any `_xHHHH_` escape, a lone surrogate — but XML 1.0 cannot hold
 * C0 controls other than tab and line breaks, U+FFFE, U+FFFF or a lone surrogate, not even as a
 * character reference: one such character and Excel or a CI server refuses the whole file.
 * Every writer of XML takes its text through this module.
 */

/** What XML 1.0 cannot carry (a surrogate is lone unless its pair is next to it). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * For OOXML text (cells, shared strings, notes), what Excel escapes as `_xHHHH_`: the forbidden
 * characters, DEL (which exceljs drops without a word), and an underscore that begins a literal
 * `_xHHHH`, which could otherwise be read back as the character it spells (ST_Xstring: the
 * underscore is written `_x005F_`, so the text «_x0041_» is stored as `_x005F_x0041_`). The
 * underscore is escaped whatever follows the four digits: «_x0041» then U+0001 would be stored
 * `_x0041_x0001_`, whose first seven characters read back as «A».
 */
const OOXML_ESCAPED = new RegExp(`${FORBIDDEN.source}|\\u007F|_(?=x[0-9A-Fa-f]{4})`, 'g');

const hex4 = (ch: string) => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/**
 * A string as Excel would store it: each character XML cannot hold as `_xHHHH_`, a literal
 * `_xHHHH_` with its underscore escaped. Excel (and hoso's own reader) show the text unchanged.
 */
export function ooxmlText(s: string): string {
  return s.replace(OOXML_ESCAPED, (ch) => `_x${hex4(ch)}_`);
}

/**
 * For XML and HTML that have no escape for them (JUnit, the HTML report): each forbidden
 * character becomes U+FFFD, the character that stands for one that cannot be shown.
 */
export function xmlReplaced(s: string): string {
  return s.replace(FORBIDDEN, '\uFFFD');
}

/**
 * Text and attribute values escaped for XML 1.0, the characters it cannot hold at all replaced
 * (xmlReplaced).
 */
export function escapeXml(s: string, inAttribute = false): string {
  const escaped = xmlReplaced(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // A parser turns a raw CR into LF everywhere, and tabs and line breaks into spaces in attributes.
    .replace(/\r/g, '&#13;');
  return inAttribute ? escaped.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : escaped;
}
