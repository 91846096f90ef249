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

import { syllableScore } from './syllable.js';

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

/**
 * Per Latin-1 code, what looksLikeTcvn3 makes of it: 0 nothing; NEAR_LETTER an ASCII letter or a
 * TCVN3 code Unicode Vietnamese also holds (either makes a neighbour a letter); NOT_UNICODE a
 * TCVN3 code no Unicode Vietnamese text holds.
 */
const TCVN3_CLASS = new Uint8Array(256);
const NEAR_LETTER = 1;
const NOT_UNICODE = 2;
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z]/.test(ch)) TCVN3_CLASS[c] = NEAR_LETTER;
  else if (TCVN3.has(ch)) TCVN3_CLASS[c] = VIETNAMESE_LATIN1.has(ch) ? NEAR_LETTER : NOT_UNICODE;
}

/** What a text says of the encoding it was typed in (latin1Kind). */
export enum TextKind {
  /** Nothing a legacy encoding would change: ASCII, with at most controls and no-break spaces. */
  Ascii,
  /**
   * Latin-1 letters that Unicode Vietnamese and a legacy encoding both use: "Có" and "Không" are
   * Unicode, "Cã" and "Y tÕ" TCVN3, "Toát" VNI. The text alone cannot tell; its column or row must.
   */
  Ambiguous,
  /** Plainly TCVN3: a code no Unicode Vietnamese text holds, next to a letter (looksLikeTcvn3). */
  Tcvn3,
  /** A character beyond Latin-1: no legacy encoding (Unicode, see hasVietnameseLetter). */
  Beyond,
}

/**
 * How a text reads as TCVN3 shown in Latin-1 (see TextKind). Plainly TCVN3 is a code no Unicode
 * Vietnamese text uses, next to a letter (an ASCII letter or a TCVN3 code). Asked of every text
 * cell that is not known plain, so it reads character codes off a table; the words Unicode
 * Vietnamese shares with Latin-1 ("Có", "Không") are told without a string made.
 */
export function latin1Kind(text: string): TextKind {
  const n = text.length;
  let only = false;
  let high = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return TextKind.Beyond;
    if (c >= 0xa1) high = true;
    if (TCVN3_CLASS[c] === NOT_UNICODE) only = true;
  }
  if (!only) return high ? TextKind.Ambiguous : TextKind.Ascii;
  for (let i = 0; i < n; i++) {
    if (TCVN3_CLASS[text.charCodeAt(i)] !== NOT_UNICODE) continue;
    if ((i > 0 && TCVN3_CLASS[text.charCodeAt(i - 1)] !== 0) || (i + 1 < n && TCVN3_CLASS[text.charCodeAt(i + 1)] !== 0)) return TextKind.Tcvn3;
  }
  return TextKind.Ambiguous;
}

/** Whether a text reads as TCVN3 shown in Latin-1 (see latin1Kind). */
export function looksLikeTcvn3(text: string): boolean {
  return latin1Kind(text) === TextKind.Tcvn3;
}

/**
 * Whether a text holds a Vietnamese letter beyond Latin-1 (ă, đ, ơ, ư, ạ … ỹ, or a tone as a
 * combining mark): it is Unicode Vietnamese, and so is most likely the rest of its column.
 */
export function hasVietnameseLetter(text: string): boolean {
  return VIETNAMESE_BEYOND_LATIN1.test(text);
}
const VIETNAMESE_BEYOND_LATIN1 = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u0300-\u0323\u1ea0-\u1ef9]/;

/** Whether a text could be TCVN3 at all: nothing beyond Latin-1. */
export function isLatin1Text(text: string): boolean {
  return !BEYOND_LATIN1.test(text);
}

/**
 * The Unicode a TCVN3 text stands for. Where a word has two capitals (ASCII, or the codes of Ă Â
 * Ê Ô Ơ Ư Đ) and no letter is lower-case ASCII, it was typed for a .VnTimeH font (capitals drawn
 * from the lower-case codes), so the result is upper case: "UBND X· §¾K" is "UBND XÃ ĐẮK". A
 * capital alone is a word's first letter: "Cã" is "Có", "N÷" "Nữ" and "A Tó" "A Tú".
 */
export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  return /[a-z]/.test(text) || !TWO_CAPITALS.test(text) ? out : out.toUpperCase();
}
const TWO_CAPITALS = /[A-Z\u00a1-\u00a7]\S*[A-Z\u00a1-\u00a7]/;

/*
 * VNI (VNI-Windows), the encoding of the VNI-Times fonts: a vowel is its base letter followed by
 * one or two modifier codes ("Nguyeãn" is "Nguyễn"), and a few letters have a code of their own
 * (ñ đ, ô ơ, ö ư, í ì æ ó ò for the toned i, î ỵ). Excel shows the codes as Windows-1252 letters.
 * The table is VNI Software's "VNI for Windows" code chart (the one the VNI-Times fonts draw,
 * and unikey's "VNI Windows" charset, UKVniWin in unikey's source); capitals use the capital
 * modifiers (AÙ Á, AÂ Â, AÁ Ấ …).
 */

/** Lower-case modifiers by the mark they add: tones on any vowel, and the hat/breve/horn marks. */
const VNI_TONES: Record<string, string> = { ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323' };
/** After a: â + tone (ấ = aá …) or ê/é/è/ú/ü/ë for ă (+ tone); after e and o: â + tone. */
const VNI_HAT: Record<string, string> = { â: '', á: '\u0301', à: '\u0300', å: '\u0309', ã: '\u0303', ä: '\u0323' };
const VNI_BREVE: Record<string, string> = { ê: '', é: '\u0301', è: '\u0300', ú: '\u0309', ü: '\u0303', ë: '\u0323' };
/** Letters with a code of their own. */
const VNI_SINGLE: Record<string, string> = { ñ: 'đ', ô: 'ơ', ö: 'ư', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' };

/** Codes that Unicode Vietnamese text never holds: they alone tell VNI apart from it. */
const VNI_ONLY = /[øûïåäëüñöæîØÛÏÅÄËÜÑÖÆÎ]/;
/** A vowel and a modifier no Unicode Vietnamese word puts together ("eã", "aê", "oâ", "uø" …). */
const VNI_PAIR = /[aeouy][ùõ]|[AEOUY][ÙÕ]|[aeo]â|[AEO]Â|a[êéè]|A[ÊÉÈ]|e[ãáà]|E[ÃÁÀ]/;
/** TCVN3 codes that VNI never uses (0xA1–0xBF): they tell TCVN3 apart from VNI. */
const TCVN3_ONLY = /[\u00a1-\u00bf]/;

function lowerMap(m: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(m)) {
    out.set(k, v);
    out.set(k.toUpperCase(), v);
  }
  return out;
}
const TONE = lowerMap(VNI_TONES);
const HAT = lowerMap(VNI_HAT);
const BREVE = lowerMap(VNI_BREVE);

/** The Unicode a VNI text stands for (NFC). */
export function decodeVni(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const next = chars[i + 1];
    let base: string | undefined;
    let mark = '';
    if (VNI_SINGLE[lower] !== undefined && !'aeiouy'.includes(chars[i - 1]?.toLowerCase() ?? '-')) {
      base = VNI_SINGLE[lower];
      // ơ and ư take a tone after them (ôù ớ, öï ự).
      if ((lower === 'ô' || lower === 'ö') && next !== undefined && TONE.has(next)) {
        mark = TONE.get(next)!;
        i++;
      }
    } else if ('aeouy'.includes(lower) && next !== undefined) {
      if (TONE.has(next)) base = lower, (mark = TONE.get(next)!), i++;
      else if ((lower === 'a' || lower === 'e' || lower === 'o') && HAT.has(next)) base = lower + '\u0302', (mark = HAT.get(next)!), i++;
      else if (lower === 'a' && BREVE.has(next)) base = 'a\u0306', (mark = BREVE.get(next)!), i++;
    }
    if (base === undefined) {
      out += ch;
      continue;
    }
    const letter = (base + mark).normalize('NFC');
    out += upper ? letter.toUpperCase() : letter;
  }
  return out.normalize('NFC');
}

/**
 * A text typed with a VNI font ("Nguyeãn") converted, or undefined if it is not one: asked of
 * every text cell, since VNI's codes are those no Unicode Vietnamese text holds. (TCVN3 is told
 * apart by the table reader, a whole sheet at a time.)
 */
export function fromVni(text: string): string | undefined {
  // Every VNI text has a letter from À on (see VNI_ONLY, VNI_PAIR): one quick look rules out the rest.
  return HIGH_LATIN1.test(text) && looksLikeVni(text) ? decodeVni(text) : undefined;
}
const HIGH_LATIN1 = /[\u00c0-\u00ff]/;

/**
 * Whether a text reads as VNI shown in Windows-1252: nothing beyond Latin-1 and Windows-1252's
 * letters, a code Unicode Vietnamese never holds right after a letter, no TCVN3-only code, and
 * it reads as Vietnamese at least as well decoded as VNI as decoded as TCVN3.
 */
export function looksLikeVni(text: string): boolean {
  if (!vniShaped(text)) return false;
  const d = vniOverTcvn3(text);
  // A tie that is plainly TCVN3 as well is left to the sheet to decide (see tcvn3OrVni).
  return d > 0 || (d === 0 && !looksLikeTcvn3(text));
}

/**
 * TCVN3 uses most of VNI's codes too, for other letters ("cña" is "của" in TCVN3, "cđa" in
 * VNI): of the two, the encoding that decodes the text into Vietnamese syllables is the one.
 * Above 0 when VNI reads better, below when TCVN3 does, 0 when alike.
 */
function vniOverTcvn3(text: string): number {
  return syllableScore(decodeVni(text)) - syllableScore(decodeTcvn3(text));
}

/**
 * Whether a text that plainly is TCVN3 reads as well as VNI: short words such as "Tæ" (Tổ in
 * TCVN3, Tỉ in VNI) or "Cöa". Neither the cell reader nor the text can tell; the sheet, the
 * column or the row it stands in does (see LegacyText).
 */
export function tcvn3OrVni(text: string): boolean {
  return vniShaped(text) && looksLikeTcvn3(text) && vniOverTcvn3(text) === 0;
}

/** Whether a text is made as VNI is: VNI's codes, each where VNI puts it, no TCVN3-only code. */
function vniShaped(text: string): boolean {
  if (BEYOND_LATIN1.test(text) || !ANY_HIGH.test(text) || TCVN3_ONLY.test(text)) return false;
  if (VNI_PAIR.test(text)) return true;
  if (!VNI_ONLY.test(text)) return false;
  const chars = [...text];
  let vni = 0;
  let other = 0;
  chars.forEach((ch, i) => {
    if (!VNI_ONLY.test(ch)) return;
    const prev = chars[i - 1]?.toLowerCase() ?? '';
    const lower = ch.toLowerCase();
    // A modifier follows its vowel; đ, ơ, ư begin or sit inside a syllable.
    if ('øûïåäëü'.includes(lower) ? /[aeiouyôö]/.test(prev) : /[a-zđ]?/.test(prev)) vni++;
    else other++;
  });
  return vni > other;
}

/*
 * Mojibake: a UTF-8 file opened as Windows-1252 and saved again, so that every Vietnamese letter
 * became two or three Latin letters ("Nguyễn" → "Nguyá»…n", "ê" → "Ãª"). Mapping the letters back
 * to the Windows-1252 bytes they came from gives the UTF-8 again; a text is repaired only when
 * those bytes are valid UTF-8 and hold a character beyond ASCII.
 */
const CP1252_BYTE = new Map<string, number>();
for (let b = 0; b < 256; b++) CP1252_BYTE.set(String.fromCharCode(b), b);
/**
 * Windows-1252's own characters at 0x80–0x9F (five codes there are undefined), as Microsoft's
 * table gives them. Written out here: Node's TextDecoder reads "windows-1252" as Latin-1, and
 * iconv-lite would be loaded by every check for these 27 characters (a test holds them to it).
 */
const CP1252_HIGH = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
for (let k = 0; k < CP1252_HIGH.length; k++) if (CP1252_HIGH[k] !== '\ufffd') CP1252_BYTE.set(CP1252_HIGH[k], 0x80 + k);

/** By byte, the character Windows-1252 shows for it (U+FFFD for the five it leaves undefined): for tests. */
export function cp1252Char(b: number): string {
  return b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
}
/** A UTF-8 lead byte shown as Windows-1252 followed by a continuation byte shown likewise. */
const MOJIBAKE = /[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text a mojibake stands for, or undefined when it is not mojibake. */
export function repairMojibake(text: string): string | undefined {
  if (!MOJIBAKE.test(text)) return undefined;
  const bytes: number[] = [];
  for (const ch of text) {
    const b = CP1252_BYTE.get(ch);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  try {
    return UTF8.decode(Uint8Array.from(bytes)).normalize('NFC');
  } catch {
    return undefined;
  }
}
