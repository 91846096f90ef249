/**
 * Text in TCVN3 (ABC), the single-byte Vietnamese encoding of the .VnTime fonts, pasted from old
 * documents into a sheet. Excel keeps the bytes and shows them as Latin-1 letters unless the cell
 * uses a .VnTime font: "Hä vµ tªn" is "Họ và tên". Such text is converted to Unicode before
 * it is matched or checked, and the cell is reported so the officer can retype it.
 *
 * The table is the VN3 code table of TCVN 5712:1993 ("Công nghệ thông tin — Bộ mã chuẩn 8-bit
 * kí tự Việt dùng trong trao đổi thông tin"), codes 0xA1–0xFE. Capitals with a tone mark have no
 * code of their own: the .VnTimeH fonts draw the lower-case codes as capitals, so those come back
 * in lower case.
 */

/** Per vowel, its codes for the tones in code order: huyền, hỏi, ngã, sắc, nặng. */
const TONED: [string, string][] = [
  ['àảãáạ', '\u00b5\u00b6\u00b7\u00b8\u00b9'],
  ['ằẳẵắặ', '\u00bb\u00bc\u00bd\u00be\u00c6'],
  ['ầẩẫấậ', '\u00c7\u00c8\u00c9\u00ca\u00cb'],
  ['èẻẽéẹ', '\u00cc\u00ce\u00cf\u00d0\u00d1'],
  ['ềểễếệ', '\u00d2\u00d3\u00d4\u00d5\u00d6'],
  ['ìỉĩíị', '\u00d7\u00d8\u00dc\u00dd\u00de'],
  ['òỏõóọ', '\u00df\u00e1\u00e2\u00e3\u00e4'],
  ['ồổỗốộ', '\u00e5\u00e6\u00e7\u00e8\u00e9'],
  ['ờởỡớợ', '\u00ea\u00eb\u00ec\u00ed\u00ee'],
  ['ùủũúụ', '\u00ef\u00f1\u00f2\u00f3\u00f4'],
  ['ừửữứự', '\u00f5\u00f6\u00f7\u00f8\u00f9'],
  ['ỳỷỹýỵ', '\u00fa\u00fb\u00fc\u00fd\u00fe'],
];
const LETTERS: [string, string] = ['ĂÂÊÔƠƯĐăâêôơưđ', '\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae'];

const TCVN3 = new Map<string, string>();
for (const [unicode, codes] of [...TONED, LETTERS]) {
  [...codes].forEach((code, i) => TCVN3.set(code, [...unicode][i]));
}

/**
 * The Latin-1 letters a Unicode Vietnamese text may hold itself (à, á, â, ã, è, é, ê, ì, í, ò,
 * ó, ô, õ, ù, ú, ý and their capitals): only a code outside them tells TCVN3 apart.
 */
const VIETNAMESE_LATIN1 = new Set([...'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ']);
const ANY_HIGH = /[\u00a1-\u00fe]/;
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** Whether a text reads as TCVN3 shown in Latin-1: a code no Unicode Vietnamese text uses, next to a letter. */
export function looksLikeTcvn3(text: string): boolean {
  if (!ANY_HIGH.test(text) || BEYOND_LATIN1.test(text)) return false;
  const chars = [...text];
  return chars.some((ch, i) => {
    if (!TCVN3.has(ch) || VIETNAMESE_LATIN1.has(ch)) return false;
    const near = (c?: string) => c !== undefined && (/[A-Za-z]/.test(c) || TCVN3.has(c));
    return near(chars[i - 1]) || near(chars[i + 1]);
  });
}

/** Whether a text could be TCVN3 at all: nothing beyond Latin-1. */
export function isLatin1Text(text: string): boolean {
  return !BEYOND_LATIN1.test(text);
}

/**
 * The Unicode a TCVN3 text stands for. Where every Latin letter of the text is a capital, it was
 * typed for a .VnTimeH font (capitals drawn from the lower-case codes), so the result is upper case.
 */
export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  return /[a-z]/.test(text) || !/[A-Z]/.test(text) ? out : out.toUpperCase();
}
