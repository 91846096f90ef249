/**
 * The stylish report ends with one line that says the verdict and why the exit code is what it
 * is, in the user's language, with English plurals right; a run that read nothing says so in one
 * ✖ line, never a ✔ or a count of nothing; the JSON summary counts what the configuration ignored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../src/engine/check.js';
import type { Finding } from '../../src/engine/types.js';
import { stylish } from '../../src/format/stylish.js';
import { joined, type FormatContext } from '../../src/format/types.js';
import { verdictOf } from '../../src/format/verdict.js';
import { InputError } from '../../src/read/types.js';
import { hoso } from '../support/cli.js';
import { cellFinding, ctx, groupFinding, infoFinding, resultOf } from './sample.js';

vi.setConfig({ testTimeout: 60_000 });

/** The summary: the lines after the findings and the documents they cite. */
function summary(result: CheckResult, more: Partial<FormatContext> = {}): string[] {
  const text = joined(stylish(result, { ...ctx, ...more }));
  return text.trimEnd().split('\n\n').pop()!.split('\n');
}

const error = (n: number): Finding[] => Array.from({ length: n }, (_, i) => ({ ...cellFinding, row: 12 + i }));
const warning = (n: number): Finding[] => Array.from({ length: n }, (_, i) => ({ ...groupFinding, group: `UBND XÃ ${i}` }));
const unreadable = (...errors: InputError[]): CheckResult => ({ findings: [], files: 0, rows: 0, inputErrors: errors, sheets: [] });

describe('the last line of the stylish report: the verdict and why', () => {
  it('a clean run: one ✔ line with what was checked and exit code 0', () => {
    expect(summary(resultOf([], ['a.xlsx']))).toEqual(['✔ Không có vấn đề nào (1 tệp, 10 dòng đề nghị) — mã thoát 0']);
    expect(summary(resultOf([], ['a.xlsx']), { lang: 'en' })).toEqual(['✔ No problems (1 file, 10 nominee rows) — exit code 0']);
  });

  it('errors: the count line, then the errors as the reason for exit code 1, English plurals right', () => {
    expect(summary(resultOf(error(3)))).toEqual(['3 vấn đề (3 lỗi, 0 cảnh báo) — 1 tệp, 10 dòng đề nghị', '✖ 3 lỗi — mã thoát 1']);
    expect(summary(resultOf(error(1)), { lang: 'en' })).toEqual(['1 problem (1 error, 0 warnings) — 1 file, 10 nominee rows', '✖ 1 error — exit code 1']);
    expect(summary(resultOf(error(2)), { lang: 'en' }).at(-1)).toBe('✖ 2 errors — exit code 1');
  });

  it('warnings: exit 0 within --max-warnings (said so), exit 1 past it (said so)', () => {
    const result = resultOf(warning(12));
    expect(summary(result).at(-1)).toBe('⚠ 12 cảnh báo, không có lỗi — mã thoát 0');
    expect(summary(result, { maxWarnings: 20 }).at(-1)).toBe('⚠ 12 cảnh báo (trong giới hạn --max-warnings 20), không có lỗi — mã thoát 0');
    expect(summary(result, { maxWarnings: 10 }).at(-1)).toBe('⚠ 12 cảnh báo vượt --max-warnings 10 — mã thoát 1');
    expect(summary(result, { maxWarnings: 10, lang: 'en' }).at(-1)).toBe('⚠ 12 warnings over --max-warnings 10 — exit code 1');
    expect(summary(resultOf(warning(1)), { lang: 'en' }).at(-1)).toBe('⚠ 1 warning, no errors — exit code 0');
    expect(summary(resultOf([...error(1), ...warning(2)]), { maxWarnings: 0 }).at(-1)).toBe('✖ 1 lỗi; 2 cảnh báo vượt --max-warnings 0 — mã thoát 1');
  });

  it('notes only: no ✔ (something was found), exit code 0', () => {
    expect(summary(resultOf([infoFinding]))).toEqual(['0 vấn đề (0 lỗi, 0 cảnh báo) — 1 tệp, 10 dòng đề nghị, 1 thông tin', 'ℹ Không có lỗi hay cảnh báo (1 thông tin) — mã thoát 0']);
    expect(summary(resultOf([infoFinding, infoFinding]), { lang: 'en' }).at(-1)).toBe('ℹ No errors or warnings (2 notes) — exit code 0');
  });

  it('a missing path is one ✖ line, with no ✔ and no count of nothing above it', () => {
    const text = joined(stylish(unreadable(new InputError('khong-co.xlsx', 'not-found', '')), ctx));
    expect(text).toBe('✖ 1 tệp không đọc được — mã thoát 2\n');
    expect(joined(stylish(unreadable(new InputError('a.xlsx', 'not-found', ''), new InputError('b.xls', 'xls', '')), { ...ctx, lang: 'en' }))).toBe('✖ 2 unreadable files — exit code 2\n');
  });

  it('an empty folder says so in words, named printable', () => {
    expect(joined(stylish(unreadable(new InputError('mau', 'nothing-to-check', '')), ctx))).toBe('✖ không có tệp nào để kiểm tra trong «mau» — mã thoát 2\n');
    expect(joined(stylish(unreadable(new InputError('a\u001B[8m', 'nothing-to-check', '')), { ...ctx, lang: 'en' }))).toBe('✖ no file to check in "a\\u{1B}[8m" — exit code 2\n');
  });

  it('files read beside one that could not be: the count, then the unreadable file as the reason for exit code 2', () => {
    const result = { ...resultOf(error(2)), inputErrors: [new InputError('hong.xlsx', 'truncated', '')] };
    expect(summary(result)).toEqual(['2 vấn đề (2 lỗi, 0 cảnh báo) — 1 tệp, 10 dòng đề nghị', '✖ 1 tệp không đọc được — mã thoát 2']);
  });

  it('the ignored count and the config stand before the verdict, which stays last', () => {
    const result = { ...resultOf(error(1)), ignored: 1 };
    expect(summary(result, { lang: 'en', config: 'hoso.config.yaml' })).toEqual(['1 problem (1 error, 0 warnings) — 1 file, 10 nominee rows', '1 file/folder ignored by the configuration', 'Config: hoso.config.yaml', '✖ 1 error — exit code 1']);
    expect(summary({ ...result, ignored: 2 }).slice(1, 2)).toEqual(['2 tệp/thư mục bỏ qua theo cấu hình']);
  });

  it('says the code the command line exits with: one verdict for both', () => {
    expect(verdictOf(resultOf(warning(3)), 2)).toEqual({ code: 1, errors: 0, warnings: 3, infos: 0, overWarnings: true });
    expect(verdictOf(resultOf(warning(3)), 3).code).toBe(0);
    expect(verdictOf({ ...resultOf(error(1)), inputErrors: [new InputError('x', 'empty', '')] }).code).toBe(2);
  });
});

describe.concurrent('hoso check says why it exits as it does', () => {
  const WARNINGS = 'fixtures/layout/thieu-cot-tieu-chi.xlsx';

  it('--max-warnings: the last line names the limit passed, and the code is the one said', async () => {
    const [over, within, en] = await Promise.all([hoso(['check', WARNINGS, '--max-warnings', '2']), hoso(['check', WARNINGS, '--max-warnings', '3']), hoso(['check', WARNINGS, '--max-warnings', '0', '--lang', 'en'])]);
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/\n⚠ 3 cảnh báo vượt --max-warnings 2 — mã thoát 1\n$/);
    expect(within.code).toBe(0);
    expect(within.stdout).toMatch(/\n⚠ 3 cảnh báo \(trong giới hạn --max-warnings 3\), không có lỗi — mã thoát 0\n$/);
    expect(en.stdout).toMatch(/\n⚠ 3 warnings over --max-warnings 0 — exit code 1\n$/);
    // The findings themselves are the same whatever the limit.
    expect(over.stdout.split('\n\n')[0]).toBe(within.stdout.split('\n\n')[0]);
  });

  it('a missing path: one ✖ line on stdout, its reason on stderr, exit 2', async () => {
    const run = await hoso(['check', 'khong-co.xlsx']);
    expect(run).toEqual({ code: 2, stdout: '✖ 1 tệp không đọc được — mã thoát 2\n', stderr: 'hoso: khong-co.xlsx: không tìm thấy tệp hoặc thư mục\n' });
  });

  it('an empty folder: says there is nothing to check in it, exit 2; JSON counts it unreadable as before', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-empty-'));
    const [stylishRun, json] = await Promise.all([hoso(['check', empty, '--lang', 'en']), hoso(['check', empty, '-f', 'json'])]);
    expect(stylishRun.code).toBe(2);
    expect(stylishRun.stdout).toBe(`✖ no file to check in "${empty}" — exit code 2\n`);
    expect(JSON.parse(json.stdout).summary).toEqual({ files: 0, rows: 0, errors: 0, warnings: 0, unreadable: 1, config: null, suppressed: 0, suppressions: null, ignored: 0 });
  });
});
