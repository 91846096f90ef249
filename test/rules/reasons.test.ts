/**
 * A pack's mistakes said in words, in Vietnamese and in English: each kind of zod issue (a wrong
 * type, a key left out, a value not allowed, an unknown key, a bound, a form) and the loader's own
 * checks, at the same file, line, column and key in both languages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hoso } from '../support/cli.js';
import { packFile as file, refusedPack as refused } from '../support/packs.js';

vi.setConfig({ testTimeout: 60_000 });

const EXAMPLES = '    source: "Thử"\n    examples: { valid: [{ ten: A }], invalid: [{ ten: B }] }\n';
/** A pack with one rule whose lines after `id:` are `body`. */
const rule = (body: string) => `pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n${body}`;

/** zod's own English words, which no reason may show. */
const ZOD_WORDS = /Invalid (input|option|string|key)|expected one of "[^"]*"\||Too (small|big)|Unrecognized key/;

describe('each kind of mistake in a pack, in both languages', () => {
  const cases: [what: string, pack: string, keyPath: string, vi: string, en: string][] = [
    ['a wrong type', rule(`    title: Thử\n    check: required\n    with: { column: ten }\n    source: 3\n    examples: { valid: [{ ten: A }], invalid: [{ ten: B }] }\n`), 'rules[0].source', 'cần một đoạn văn bản, không phải số 3', 'expected a text, not the number 3'],
    [
      'a key left out',
      rule(`    check: required\n    with: { column: ten }\n${EXAMPLES}`),
      'rules[0].title',
      'thiếu khóa bắt buộc «title»: cần một đoạn văn bản hoặc một bảng «khóa: giá trị»',
      'the required key "title" is missing: a text or a mapping (key: value) is expected',
    ],
    [
      'a value not allowed, with the nearest',
      rule(`    title: Thử\n    severity: eror\n    check: required\n    with: { column: ten }\n${EXAMPLES}`),
      'rules[0].severity',
      '«eror» không phải giá trị được nhận: chỉ nhận «error», «warning», «info». Có phải ý bạn là «error»?',
      '"eror" is not allowed: it takes "error", "warning", "info" (did you mean "error"?)',
    ],
    [
      'a list where one value is allowed',
      rule(`    title: Thử\n    severity: [error]\n    check: required\n    with: { column: ten }\n${EXAMPLES}`),
      'rules[0].severity',
      'cần một trong «error», «warning», «info», không phải một danh sách',
      'expected one of "error", "warning", "info", not a list',
    ],
    [
      'an unknown key, with the nearest and the keys allowed',
      rule(`    title: Thử\n    check: required\n    with: { column: ten }\n    severty: error\n${EXAMPLES}`),
      'rules[0].severty',
      'không có khóa «severty» (các khóa ở đây: id, title, severity, check, with, when, profile, purpose, period, message, source, doc, tags, in-force, missing, confidence, examples). Có phải ý bạn là «severity»?',
      'unknown key "severty" (did you mean "severity"?); the keys allowed here: id, title, severity, check, with, when, profile, purpose, period, message, source, doc, tags, in-force, missing, confidence, examples',
    ],
    ['an unknown key inside a two-language text', 'pack: dia-phuong\ntitle: { vi: Thử, eng: Test }\n', 'title.eng', 'không có khóa «eng» (các khóa ở đây: vi, en). Có phải ý bạn là «en»?', 'unknown key "eng" (did you mean "en"?); the keys allowed here: vi, en'],
    ['an empty list that needs an item', rule(`    title: Thử\n    check: required\n    with: { column: ten }\n    source: "Thử"\n    examples: { valid: [{ ten: A }], invalid: [] }\n`), 'rules[0].examples.invalid', 'cần ít nhất 1 mục', 'needs at least 1 item'],
    ['a number under its least', rule(`    title: Thử\n    check: text-quality\n    with: { column: tom_tat_thanh_tich, min-length: 0 }\n${EXAMPLES}`), 'rules[0].with.min-length', 'phải từ 1 trở lên (đang là 0)', 'must be at least 1 (it is 0)'],
    ['a number over its most', rule(`    title: Thử\n    check: pattern\n    with: { column: ten, regex: "a", label: x, max-length: 20000 }\n${EXAMPLES}`), 'rules[0].with.max-length', 'không được quá 10000 (đang là 20000)', 'must be at most 10000 (it is 20000)'],
    ['an empty text', rule(`    title: Thử\n    check: pattern\n    with: { column: ten, regex: "", label: x }\n${EXAMPLES}`), 'rules[0].with.regex', 'không được để trống', 'must not be empty'],
    ['a whole number expected', rule(`    title: Thử\n    check: text-quality\n    with: { column: tom_tat_thanh_tich, min-length: 2.5 }\n${EXAMPLES}`), 'rules[0].with.min-length', 'cần một số nguyên, không phải số 2.5', 'expected a whole number, not the number 2.5'],
    ['an id of the wrong form, with the schema\'s hint', 'pack: Dia_Phuong\ntitle: Thử\n', 'pack', '«Dia_Phuong» không đúng dạng: chỉ gồm chữ thường không dấu, chữ số và gạch nối', '"Dia_Phuong" is not in the expected form: lower-case letters, digits and dashes'],
    ['a refinement of an operator', rule(`    title: Thử\n    check: compare\n    with: { column: ten, op: "=" }\n${EXAMPLES}`), 'rules[0].with', 'ghi đúng một trong hai: «value» hoặc «other»', 'give exactly one of "value" and "other"'],
    [
      'a pattern the engine cannot match',
      rule(`    title: Thử\n    check: pattern\n    with: { column: ten, regex: "(a)\\\\1", label: x }\n${EXAMPLES}`),
      'rules[0].with.regex',
      'tham chiếu ngược («\\1») không so được trong thời gian tuyến tính: hoso không hỗ trợ',
      'a back-reference ("\\1") cannot be matched in linear time: hoso does not support it',
    ],
    [
      'an unknown check, with the nearest',
      rule(`    title: Thử\n    check: requird\n    with: { column: ten }\n${EXAMPLES}`),
      'rules[0].check',
      'không có phép kiểm tra «requird» (có: required, one-of, compare, every-year, trend, text-quality, valid-value, error-cell, renamed, consistent-with, unique, reference, count, submitter, legacy-encoding, pattern, hidden, award-fits-kind, award-known, evidence, streak). Có phải ý bạn là «required»?',
      'unknown check "requird" (known: required, one-of, compare, every-year, trend, text-quality, valid-value, error-cell, renamed, consistent-with, unique, reference, count, submitter, legacy-encoding, pattern, hidden, award-fits-kind, award-known, evidence, streak) (did you mean "required"?)',
    ],
    ['an unknown column, with the nearest', rule(`    title: Thử\n    check: required\n    with: { column: tn }\n${EXAMPLES}`), 'rules[0].with', 'không có cột «tn». Có phải ý bạn là «ten»?', 'unknown column "tn" (did you mean "ten"?)'],
  ];
  for (const [what, pack, keyPath, vi, en] of cases) {
    it(`says ${what}`, () => {
      const e = refused(pack);
      expect(e.keyPath).toBe(keyPath);
      expect(e.said).toEqual({ vi, en });
      // The English reason is the error's own, as before; the line is the same in both languages but for the reason.
      expect(e.reason).toBe(en);
      expect(e.say('vi')).toBe(`${e.file}:${e.line}:${e.col}: ${keyPath}: ${vi}`);
      expect(e.say('en')).toBe(e.message);
      expect(`${vi} ${en}`).not.toMatch(ZOD_WORDS);
    });
  }

  it('points at the key in both languages: line and column do not depend on the language', () => {
    const e = refused(rule(`    title: Thử\n    severity: eror\n    check: required\n    with: { column: ten }\n${EXAMPLES}`));
    expect([e.line, e.col]).toEqual([6, 15]);
  });
});

describe.concurrent('hoso rules validate and check on a bad pack', () => {
  const bad = file(rule(`    title: Thử\n    severity: eror\n    check: required\n    with: { column: ten }\n${EXAMPLES}`));
  const vi = `hoso: ${bad}:6:15: rules[0].severity: «eror» không phải giá trị được nhận: chỉ nhận «error», «warning», «info». Có phải ý bạn là «error»?\n`;
  const en = `hoso: ${bad}:6:15: rules[0].severity: "eror" is not allowed: it takes "error", "warning", "info" (did you mean "error"?)\n`;

  it('rules validate says it in Vietnamese by default, in English with --lang en or an English locale', async () => {
    const [byDefault, flag, locale] = await Promise.all([hoso(['rules', 'validate', bad]), hoso(['rules', 'validate', bad, '--lang', 'en']), hoso(['rules', 'validate', bad], { env: { LANG: 'en_US.UTF-8' } })]);
    for (const run of [byDefault, flag, locale]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
    }
    expect(byDefault.stderr).toBe(vi);
    expect(flag.stderr).toBe(en);
    expect(locale.stderr).toBe(en);
  });

  it('check loading the pack says the same line, and checks nothing', async () => {
    const [byDefault, flag] = await Promise.all([hoso(['check', 'fixtures/vi-du', '--rules', bad]), hoso(['check', 'fixtures/vi-du', '--rules', bad, '--lang', 'en'])]);
    expect([byDefault.code, flag.code]).toEqual([2, 2]);
    expect([byDefault.stdout, flag.stdout]).toEqual(['', '']);
    expect(byDefault.stderr).toBe(vi);
    expect(flag.stderr).toBe(en);
  });

  it('a config with a mistake is told the same way', async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'hoso-reasons-config-'));
    writeFileSync(path.join(project, 'hoso.config.yaml'), 'profile: [kon-ray/xa]\n');
    const [byDefault, flag] = await Promise.all([hoso(['rules', 'list'], { cwd: project }), hoso(['rules', 'list', '--lang', 'en'], { cwd: project })]);
    expect(byDefault.code).toBe(2);
    expect(byDefault.stderr).toMatch(/hoso\.config\.yaml:1:10: profile: không có khóa «profile» \(các khóa ở đây: rules, default-rules, profiles, .*\)\. Có phải ý bạn là «profiles»\?\n$/);
    expect(flag.stderr).toMatch(/hoso\.config\.yaml:1:10: profile: unknown key "profile" \(did you mean "profiles"\?\); the keys allowed here: rules, default-rules, profiles, /);
  });

  it('a valid pack still says so, in the user\'s language', async () => {
    const good = file(rule(`    title: Thử\n    check: required\n    with: { column: ten }\n${EXAMPLES}`));
    const [byDefault, flag] = await Promise.all([hoso(['rules', 'validate', good]), hoso(['rules', 'validate', good, '--lang', 'en'])]);
    expect(byDefault).toMatchObject({ code: 0, stderr: '', stdout: `Bộ quy tắc hợp lệ: ${good} (1 quy tắc)\n` });
    expect(flag).toMatchObject({ code: 0, stderr: '' });
    expect(flag.stdout).toBe(`The rule pack is valid: ${good} (1 rule)\n`);
  });
});
