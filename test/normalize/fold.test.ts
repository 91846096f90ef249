/**
 * fold() takes a table-driven path for the Latin scripts; foldByRegex is the key's definition.
 * Every text must fold the same both ways: the table is checked character by character and on
 * random texts mixing Vietnamese, punctuation, combining marks and characters outside the table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstWordCodes, fold, foldByRegex, PhraseList } from '../../src/normalize/text.js';

const VIETNAMESE = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
const ALPHABET = [
  ...VIETNAMESE,
  ...VIETNAMESE.toUpperCase(),
  ...' \t\n\u00a0.,;:-_()/%&"\'«»0123456789²½',
  ...'\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b',
  // Outside the table, or not simple in it: Greek sigma (final form), CJK, an emoji, İ, ǅ, marks beyond U+036F.
  ...'ΣσςΑ漢字😀İǅ\u1dc0\u20dd',
];

/** Every character of fold's table (the Latin blocks and the combining diacritics), with its code. */
function* tableChars(): Generator<[number, string]> {
  for (const [from, to] of [
    [0, 0x24f],
    [0x300, 0x36f],
    [0x1e00, 0x1eff],
  ]) {
    for (let c = from; c <= to; c++) yield [c, String.fromCharCode(c)];
  }
}

describe('fold by table', () => {
  it('agrees with the definition on every character of the table', () => {
    for (const [c, ch] of tableChars()) expect([c, fold(`x${ch}y ${ch}`)]).toEqual([c, foldByRegex(`x${ch}y ${ch}`)]);
  });

  it('agrees with the definition on random texts, composed or decomposed', () => {
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (t, nfd) => {
        const s = nfd ? t.normalize('NFD') : t;
        expect(fold(s)).toBe(foldByRegex(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('folds the texts of a dossier', () => {
    expect(fold('Nguyễn Thị Ngọc Ánh 123')).toBe('nguyen thi ngoc anh 123');
    expect(fold('  TRƯỜNG THCS SỐ 5 – Đắk Hà  ')).toBe('truong thcs so 5 dak ha');
    expect(fold('Tỷ lệ (%)')).toBe('ty le');
    expect(fold('ΣΟΦΙΑ')).toBe('σοφια');
  });
});

/** PhraseList's definition of a text's first word: the first run of letters, digits and marks, folded. */
function firstWord(s: string): string | undefined {
  const m = /[\p{L}\p{N}\p{M}]+/u.exec(s);
  return m ? fold(m[0]) : undefined;
}

function codesOf(s: string, room = 64): string | number {
  const out = new Uint16Array(room);
  const n = firstWordCodes(s, out);
  return n < 0 ? n : String.fromCharCode(...out.subarray(0, n));
}

describe('first word by table', () => {
  it('agrees with the definition on every character of the table, or declines', () => {
    for (const [c, ch] of tableChars()) {
      for (const s of [`${ch}ab c`, `a${ch}b c`, `ab${ch}`, ` ${ch} ab`]) {
        const got = codesOf(s);
        if (got !== -1) expect([c, s, got]).toEqual([c, s, firstWord(s) ?? '']);
      }
    }
  });

  it('agrees with the definition on random texts, or declines', () => {
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 20 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (t, nfd) => {
        const s = nfd ? t.normalize('NFD') : t;
        const got = codesOf(s);
        if (got !== -1) expect(got).toBe(firstWord(s) ?? '');
      }),
      { numRuns: 5000 },
    );
  });

  it('says when the word is longer than the room given', () => {
    expect(codesOf('Nguyễn Văn An', 6)).toBe('nguyen');
    expect(codesOf('Nguyễn Văn An', 5)).toBe(-2);
    expect(codesOf('漢字 abc')).toBe(-1);
  });
});

describe('PhraseList', () => {
  const phrases = ['Tổng cộng', 'Cộng', 'Người lập biểu', 'TM. UBND', 'Nơi nhận'];
  const list = new PhraseList(phrases);
  /** What find gives by its definition, without the first-word shortcut. */
  const byDefinition = (text: string): number => {
    const firsts = new Set(phrases.map((p) => fold(p).split(' ')[0]));
    const w = firstWord(text);
    if (w === undefined || !firsts.has(w)) return -1;
    const accented = /[^\x00-\x7f]/.test(text);
    const norm = (s: string) => (accented ? s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : fold(s));
    const t = norm(text);
    return phrases.map(norm).findIndex((p) => p.length > 0 && (t === p || t.startsWith(p + ' ')));
  };

  it('finds the phrase a text begins with', () => {
    expect(list.find('Tổng cộng: 12')).toBe(0);
    expect(list.find('  CỘNG')).toBe(1);
    expect(list.find('Người lập biểu')).toBe(2);
    expect(list.find('tm ubnd xa')).toBe(3);
    expect(list.find('Nguyễn Văn An')).toBe(-1);
    expect(list.find('Nơi')).toBe(-1);
    expect(list.find('Tổng công ty Điện lực')).toBe(-1);
    expect(list.find('...')).toBe(-1);
  });

  it('agrees with its definition on random texts', () => {
    const words = ['Tổng', 'cộng', 'Cộng', 'Người', 'lập', 'biểu', 'TM', 'UBND', 'Nơi', 'nhận', 'Nguyễn', 'tong', 'NGƯỜI', '漢字', 'Σ', '1'];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...ALPHABET)), { maxLength: 8 })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, fc.boolean(), (t, nfd) => {
        const s = nfd ? t.normalize('NFD') : t;
        expect(list.find(s)).toBe(byDefinition(s));
      }),
      { numRuns: 5000 },
    );
  });
});
