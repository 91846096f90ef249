/**
 * TCVN3 (ABC), the single-byte Vietnamese encoding of the .VnTime fonts: text typed in old
 * documents and pasted into a sheet keeps its bytes, shown as Latin-1 letters ("Hä vµ tªn")
 * unless the cell's font is .VnTime. Upper-case letters with a tone mark have no code of their own
 * (the .VnTimeH font draws the lower-case codes as capitals), so this table covers what the
 * fixtures write.
 */
const PLAIN = 'aăâeêioôơuưy';
/** For each vowel: the codes of its five tones, in the order huyền, sắc, hỏi, ngã, nặng. */
const TONED: Record<string, string> = {
  a: '\u00b5\u00b8\u00b6\u00b7\u00b9',
  ă: '\u00bb\u00be\u00bc\u00bd\u00c6',
  â: '\u00c7\u00ca\u00c8\u00c9\u00cb',
  e: '\u00cc\u00d0\u00ce\u00cf\u00d1',
  ê: '\u00d2\u00d5\u00d3\u00d4\u00d6',
  i: '\u00d7\u00dd\u00d8\u00dc\u00de',
  o: '\u00df\u00e3\u00e1\u00e2\u00e4',
  ô: '\u00e5\u00e8\u00e6\u00e7\u00e9',
  ơ: '\u00ea\u00ed\u00eb\u00ec\u00ee',
  u: '\u00ef\u00f3\u00f1\u00f2\u00f4',
  ư: '\u00f5\u00f8\u00f6\u00f7\u00f9',
  y: '\u00fa\u00fd\u00fb\u00fc\u00fe',
};
const BASE: Record<string, string> = { ă: '\u00a8', â: '\u00a9', ê: '\u00aa', ô: '\u00ab', ơ: '\u00ac', ư: '\u00ad', đ: '\u00ae', Ă: '\u00a1', Â: '\u00a2', Ê: '\u00a3', Ô: '\u00a4', Ơ: '\u00a5', Ư: '\u00a6', Đ: '\u00a7' };
const MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

const TABLE = new Map<string, string>(Object.entries(BASE));
for (const v of PLAIN) {
  MARKS.forEach((mark, i) => TABLE.set((v + mark).normalize('NFC'), TONED[v][i]));
}

/** The text as a .VnTime cell stores it. Capitals with a tone mark fall back to the lower-case code. */
export function toTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = TABLE.get(ch) ?? TABLE.get(ch.toLowerCase());
    if (code !== undefined) out += code;
    else if (ch.charCodeAt(0) < 0x80) out += ch;
    else throw new Error(`"${ch}" has no TCVN3 code (in "${text}")`);
  }
  return out;
}
