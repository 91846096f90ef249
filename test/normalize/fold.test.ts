/**
 * fold() takes a table-driven path for the Latin scripts; foldByRegex is the key's definition.
 * Every text must fold the same both ways: the table is checked character by character and on
 * random texts mixing Vietnamese, punctuation, combining marks and characters outside the table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldByRegex } from '../../src/normalize/text.js';

const VIETNAMESE = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
const ALPHABET = [
  ...VIETNAMESE,
  ...VIETNAMESE.toUpperCase(),
  ...' \t\n\u00a0.,;:-_()/%&"\'«»0123456789²½',
  ...'\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b',
  // Outside the table, or not simple in it: Greek sigma (final form), CJK, an emoji, İ, ǅ, marks beyond U+036F.
  ...'ΣσςΑ漢字😀İǅ\u1dc0\u20dd',
];

describe('fold by table', () => {
  it('agrees with the definition on every character of the table', () => {
    for (const [from, to] of [
      [0, 0x24f],
      [0x300, 0x36f],
      [0x1e00, 0x1eff],
    ]) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        expect([c, fold(`x${ch}y ${ch}`)]).toEqual([c, foldByRegex(`x${ch}y ${ch}`)]);
      }
    }
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
