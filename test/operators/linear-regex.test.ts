import { describe, expect, it } from 'vitest';
import { compileLinear, PatternError } from '../../src/operators/linear-regex.js';

/** Every character of the Basic Multilingual Plane (no lone surrogates) and a few beyond it. */
const CHARS = [...Array.from({ length: 0x10000 }, (_, cp) => cp).filter((cp) => cp < 0xd800 || cp >= 0xe000), 0x10000, 0x1f600, 0x10ffff].map((cp) => String.fromCodePoint(cp));

describe('patterns matched in linear time mean what they mean in JavaScript', () => {
  it('classes \\s, \\S, ., \\w and \\d hold the same characters, in a class or not', () => {
    for (const source of ['^\\s$', '^\\S$', '^[\\s]$', '^[\\S]$', '^[^\\s]$', '^[^\\S]$', '^.$', '^\\w$', '^\\d$', '^[]$', '^[^]$']) {
      const linear = compileLinear(source, '');
      const js = new RegExp(source, 'u');
      expect(CHARS.filter((c) => linear.test(c) !== js.test(c)).map((c) => c.codePointAt(0)!.toString(16)), source).toEqual([]);
    }
  });

  it('folds case for every Vietnamese letter with `i`, and not without it', () => {
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
    for (const ch of letters) {
      expect(compileLinear(`^${ch}$`, 'i').test(ch.toUpperCase()), ch).toBe(true);
      expect(compileLinear(`^${ch.toUpperCase()}$`, 'i').test(ch), ch).toBe(true);
      expect(compileLinear(`^${ch}$`, '').test(ch.toUpperCase()), ch).toBe(false);
    }
  });

  it('reads JavaScript escapes: \\uXXXX, a surrogate pair, \\u{…}, \\p{Script=…}', () => {
    expect(compileLinear('^\\u0110\\uD83D\\uDE00\\u{1F600}$', '').test('Đ😀😀')).toBe(true);
    expect(compileLinear('^\\p{Script=Latin}+$', '').test('Việt')).toBe(true);
    expect(compileLinear('^\\p{Script=Latin}+$', '').test('Việt Nam')).toBe(false);
  });

  it('finds the pattern anywhere unless anchored, like RegExp#test', () => {
    expect(compileLinear('\\d{3}', '').test('số 123/QĐ')).toBe(true);
    expect(compileLinear('^\\d{3}$', '').test('số 123/QĐ')).toBe(false);
  });

  it('refuses what needs backtracking, and what is no pattern, with a reason', () => {
    const reason = (source: string) => {
      try {
        compileLinear(source, '');
      } catch (e) {
        expect(e).toBeInstanceOf(PatternError);
        return (e as Error).message;
      }
      return 'compiled';
    };
    expect(reason('(a)\\1')).toMatch(/back-reference \("\\1"\).*linear time/);
    expect(reason('(?<x>a)\\k<x>')).toMatch(/back-reference/);
    expect(reason('a(?=b)')).toMatch(/look-ahead \("\(\?="\)/);
    expect(reason('(?!b)a')).toMatch(/look-ahead/);
    expect(reason('(?<=a)b')).toMatch(/look-behind \("\(\?<="\)/);
    expect(reason('(?<!a)b')).toMatch(/look-behind/);
    expect(reason('a{1001}')).toMatch(/repeat count over 1000/);
    expect(reason('(a{100}){100}')).toMatch(/repeat count over 1000/);
    expect(reason('\\p{Letter}')).toMatch(/does not support this \("\\p\{Letter\}"\)/);
    expect(reason('[a-')).toMatch(/^not a valid pattern: /);
    // RE2 syntax that is not JavaScript's is not the documented syntax.
    expect(reason('(?P<n>a)')).toMatch(/^not a valid pattern: /);
    // Not every group or class is refused.
    expect(reason('^(?<so>\\d+)/(?:QĐ|TTr)-[A-ZĐ]+$')).toBe('compiled');
  });
});
