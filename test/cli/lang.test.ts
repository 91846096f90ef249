/**
 * The command line's own texts (commander's help and usage errors) in the user's language:
 * Vietnamese by default, English with --lang en or a locale that asks for English.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { commandsOf } from '../../src/cli/help-text.js';
import { langOf, localeLang } from '../../src/cli/i18n.js';
import { buildProgram } from '../../src/cli/main.js';
import { FIXTURES, hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const EN_LOCALE = { LANG: 'en_US.UTF-8' };
/** Commander's English words, which Vietnamese help must not show. */
const COMMANDER_WORDS = /\b(Usage|Options|Commands|Arguments|Global Options):|\[options\]|\[command\]|display help|output the version|\b(choices|default): /;

describe('the language of the command line', () => {
  it('is the last --lang given, else the locale: LC_ALL, then LC_MESSAGES, then LANG, English when it names en', () => {
    expect(langOf(['node', 'hoso', 'check'], {})).toBe('vi');
    expect(langOf(['node', 'hoso', 'check', '--lang', 'en'], {})).toBe('en');
    expect(langOf(['node', 'hoso', '--lang=en', 'check'], {})).toBe('en');
    expect(langOf(['node', 'hoso', '--lang', 'en', '--lang', 'vi'], EN_LOCALE)).toBe('vi');
    // A --lang commander will refuse does not decide: the locale does.
    expect(langOf(['node', 'hoso', '--lang', 'fr'], EN_LOCALE)).toBe('en');
    expect(localeLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(localeLang({ LANG: 'en' })).toBe('en');
    expect(localeLang({ LC_ALL: 'vi_VN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('vi');
    expect(localeLang({ LC_MESSAGES: 'en_GB', LANG: 'vi_VN' })).toBe('en');
    expect(localeLang({ LC_ALL: '', LANG: 'en_US' })).toBe('en');
    for (const locale of ['C.UTF-8', 'POSIX', 'vi_VN.UTF-8', 'eng', '']) expect(localeLang({ LANG: locale }), locale).toBe('vi');
  });
});

describe.concurrent('help', () => {
  it('is Vietnamese by default: headings, usage, built-in options and commands', async () => {
    const run = await hoso(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Cách dùng: hoso \[tùy chọn\] \[lệnh\]\n/);
    for (const heading of ['\nTùy chọn:\n', '\nLệnh:\n', 'in số phiên bản', 'xem hướng dẫn của lệnh', 'check [tùy chọn] [paths...]', 'help [lệnh]']) expect(run.stdout).toContain(heading);
    expect(run.stdout).not.toMatch(COMMANDER_WORDS);
    expect(run.stderr).toBe('');
  });

  it('of check is Vietnamese by default, with commander\'s notes on choices and defaults too', async () => {
    const run = await hoso(['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Cách dùng: hoso check \[tùy chọn\] \[paths\.\.\.\]\n/);
    for (const text of ['\nĐối số:\n', '\nTùy chọn:\n', 'kiểm tra hồ sơ và in các vấn đề tìm thấy']) expect(run.stdout).toContain(text);
    // Commander wraps long descriptions: the notes are looked for in the unwrapped text.
    const unwrapped = run.stdout.replace(/\s+/g, ' ');
    for (const text of ['(chọn một trong: "vi", "en")', 'định dạng kết quả: stylish, json, sarif']) expect(unwrapped).toContain(text);
    expect(run.stdout).not.toMatch(COMMANDER_WORDS);
    expect((await hoso(['help', 'check'])).stdout).toBe(run.stdout);
  });

  it('is English with --lang en and with an English locale, and --lang vi wins over the locale', async () => {
    const [flag, locale, asked] = await Promise.all([hoso(['check', '--help', '--lang', 'en']), hoso(['check', '--help'], { env: EN_LOCALE }), hoso(['check', '--help', '--lang', 'vi'], { env: EN_LOCALE })]);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(/^Usage: hoso check \[options\] \[paths\.\.\.\]\n/);
    for (const text of ['\nArguments:\n', '\nOptions:\n', 'check dossiers and print findings', 'display help for command']) expect(flag.stdout).toContain(text);
    expect(flag.stdout).not.toMatch(/Cách dùng|Tùy chọn|kiểm tra/);
    expect(locale.stdout).toBe(flag.stdout);
    expect(asked.stdout).toMatch(/^Cách dùng: /);
    expect((await hoso(['--help', '--lang', 'en'])).stdout).toMatch(/^Usage: hoso \[options\] \[command\]\n[^]*output the version number[^]*\nCommands:\n/);
  });

  it('has a Vietnamese text for every command, argument and option, and keeps the English one for --lang en', () => {
    const texts = (program: Command) =>
      commandsOf(program).flatMap(([where, cmd]) => [
        [where, cmd.description()],
        ...cmd.registeredArguments.map((a) => [`${where} ${a.name()}`, a.description]),
        ...cmd.options.map((o) => [`${where} ${o.flags}`, o.description]),
      ]);
    const [vi, en] = [texts(buildProgram('vi')), texts(buildProgram('en'))];
    expect(vi.map(([where]) => where)).toEqual(en.map(([where]) => where));
    expect(vi.length).toBeGreaterThan(60);
    // A text left out of help-text.ts shows as the English one in the Vietnamese help.
    const untranslated = vi.filter(([, text], i) => !text || text === en[i][1]).map(([where]) => where);
    expect(untranslated).toEqual([]);
    expect(en.find(([where]) => where === 'check --quiet')?.[1]).toBe('report errors only');
  });
});

describe.concurrent('usage errors', () => {
  const cases: [string, string[], string, string][] = [
    ['a typo\'d command', ['chek', 'x.xlsx'], 'hoso: không có lệnh «chek». Có phải ý bạn là «check»?', 'hoso: unknown command "chek" (did you mean "check"?)'],
    ['an unknown option', ['check', 'x.xlsx', '--fromat', 'json'], 'hoso: không có tùy chọn «--fromat». Có phải ý bạn là «--format»?', 'hoso: unknown option "--fromat" (did you mean "--format"?)'],
    ['an option far from any', ['check', '--zzz'], 'hoso: không có tùy chọn «--zzz»', 'hoso: unknown option "--zzz"'],
    ['a missing argument', ['explain'], 'hoso: thiếu đối số «id»', 'hoso: missing argument "id"'],
    ['an invalid choice', ['check', 'x.xlsx', '-f', 'xml'], 'hoso: tùy chọn «-f, --format <name>» không nhận «xml»: chỉ nhận stylish, json, sarif, junit, github, csv', 'hoso: option "-f, --format <name>" does not take "xml": it takes stylish, json, sarif, junit, github, csv'],
    ['an option without its value', ['check', 'x.xlsx', '-o'], 'hoso: tùy chọn «-o, --output-file <file>» cần một giá trị', 'hoso: option "-o, --output-file <file>" needs a value'],
    ['too many arguments', ['explain', 'a', 'b'], 'hoso: lệnh «explain» nhận 1 đối số, không phải 2', 'hoso: "explain" takes 1 argument(s), not 2'],
  ];
  for (const [what, args, vi, en] of cases) {
    it(`says ${what} on one line, exit 2: Vietnamese by default, English with --lang en or LANG=en_US.UTF-8`, async () => {
      const [byDefault, flag, locale] = await Promise.all([hoso(args), hoso([args[0], '--lang', 'en', ...args.slice(1)]), hoso(args, { env: EN_LOCALE })]);
      for (const run of [byDefault, flag, locale]) {
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
      }
      expect(byDefault.stderr).toBe(`${vi}\n`);
      expect(flag.stderr).toBe(`${en}\n`);
      expect(locale.stderr).toBe(`${en}\n`);
    });
  }

  it('prints no line for help and version, which exit 0', async () => {
    for (const args of [['--version'], ['-v'], ['check', '-h'], ['help']]) {
      const run = await hoso(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toBe('');
    }
  });
});

describe.concurrent('the findings', () => {
  it('follow an English locale as they follow --lang en, and --lang vi wins over it', async () => {
    const workbook = path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx');
    const [locale, flag, asked, byDefault] = await Promise.all([
      hoso(['check', workbook, '-f', 'json'], { env: EN_LOCALE }),
      hoso(['check', workbook, '-f', 'json', '--lang', 'en']),
      hoso(['check', workbook, '-f', 'json', '--lang', 'vi'], { env: EN_LOCALE }),
      hoso(['check', workbook, '-f', 'json']),
    ]);
    expect(locale.code).toBe(1);
    expect(locale.stdout).toBe(flag.stdout);
    expect(asked.stdout).toBe(byDefault.stdout);
    expect(byDefault.stdout).not.toBe(flag.stdout);
  });
});
