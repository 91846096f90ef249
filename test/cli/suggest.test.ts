/** `explain` with an id that matches nothing names the nearest ones, in the user's language. */
import { describe, expect, it, vi } from 'vitest';
import { editDistance, nearest } from '../../src/nearest.js';
import { hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

describe('nearest', () => {
  it('counts a typist\'s slips as one edit each: a wrong, missing or extra letter, two letters swapped', () => {
    expect(editDistance('don-vi', 'don-vi')).toBe(0);
    expect(editDistance('don-vj', 'don-vi')).toBe(1);
    expect(editDistance('don-v', 'don-vi')).toBe(1);
    expect(editDistance('odn-vi', 'don-vi')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('names the nearest ids within a few edits, an id without its pack first, and nothing far off', () => {
    const ids = ['chung/don-vi', 'chung/doi-tuong', 'giao-duc/an-toan-antt', 'giao-duc'];
    expect(nearest('chung/don-vj', ids)).toEqual(['chung/don-vi']);
    expect(nearest('don-vi', ids)).toEqual(['chung/don-vi']);
    expect(nearest('giao-dc', ids)).toEqual(['giao-duc']);
    expect(nearest('an-toan', ids)).toEqual([]);
    expect(nearest('zzz', ids)).toEqual([]);
    expect(nearest('x', [])).toEqual([]);
  });
});

describe.concurrent('hoso explain with an unknown id', () => {
  it('suggests the nearest rule on one line, exit 2: Vietnamese by default, English with --lang en', async () => {
    const [byDefault, en] = await Promise.all([hoso(['explain', 'chung/don-vj']), hoso(['explain', 'chung/don-vj', '--lang', 'en'])]);
    expect(byDefault.code).toBe(2);
    expect(byDefault.stdout).toBe('');
    expect(byDefault.stderr).toBe('hoso: không có quy tắc, hồ sơ định mức hay lĩnh vực «chung/don-vj». Có phải ý bạn là «chung/don-vi»?\n');
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('hoso: no rule, profile or field "chung/don-vj" (did you mean "chung/don-vi"?)\n');
  });

  it('suggests nothing for an id far from every one, and still explains an id that exists', async () => {
    const [far, known] = await Promise.all([hoso(['explain', 'khong-co-gi-giong']), hoso(['explain', 'chung/don-vi'])]);
    expect(far.code).toBe(2);
    expect(far.stderr).toBe('hoso: không có quy tắc, hồ sơ định mức hay lĩnh vực «khong-co-gi-giong»\n');
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^chung\/don-vi — /);
  });
});
