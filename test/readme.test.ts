/**
 * The user docs cannot fall behind the command line: every command, every option of every command
 * (as `--help` lists it), every report format, every key of hoso.config.yaml and every check a
 * pack can name is mentioned in the Vietnamese README.md and in the English README.en.md alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandsOf } from '../src/cli/help-text.js';
import { buildProgram } from '../src/cli/main.js';
import { FORMAT_NAMES } from '../src/format/names.js';
import { schemas } from '../src/rules/schema.js';
import { operators } from '../src/operators/index.js';
import { hoso, ROOT } from './support/cli.js';

const DOCS = ['README.md', 'README.en.md'] as const;
const text = Object.fromEntries(DOCS.map((name) => [name, fs.readFileSync(path.join(ROOT, name), 'utf8')])) as Record<(typeof DOCS)[number], string>;

/** Every command's path ("check", "rules validate") with the flags its help lists. */
function commandFlags(): { command: string; flags: string[] }[] {
  return commandsOf(buildProgram('en')).map(([command, cmd]) => ({
    command,
    flags: [...cmd.options.flatMap((o) => [o.long, o.short]), '--help', '-h'].filter((f): f is string => !!f),
  }));
}

/** `flag` written as a whole flag: not `--rules` inside `--rules-dir`, nor `-o` inside `-output`. */
function mentions(doc: string, flag: string): boolean {
  const escaped = flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w-])${escaped}(?![\\w-])`, 'm').test(doc);
}

describe('the READMEs', () => {
  it('link to each other at the top', () => {
    expect(text['README.md'].split('\n').slice(0, 5).join('\n')).toContain('(README.en.md)');
    expect(text['README.en.md'].split('\n').slice(0, 5).join('\n')).toContain('(README.md)');
  });

  it('find commands and options by whole flag, not inside a longer one', () => {
    // The matcher itself: a test that could not fail would prove nothing.
    expect(mentions('use `--rules-dir x`', '--rules')).toBe(false);
    expect(mentions('use `--rules x`', '--rules')).toBe(true);
    expect(mentions('`-output`', '-o')).toBe(false);
    expect(mentions('`-o file`', '-o')).toBe(true);
  });

  for (const doc of DOCS) {
    it(`${doc} mentions every command and every option its help lists`, () => {
      const all = commandFlags();
      // The tree is what main.ts builds: check, report, inspect, init, rules list/validate, explain.
      expect(all.map((c) => c.command)).toEqual(expect.arrayContaining(['check', 'report', 'inspect', 'init', 'rules list', 'rules validate', 'explain']));
      const missing: string[] = [];
      for (const { command, flags } of all) {
        if (command && !text[doc].includes(`hoso ${command}`)) missing.push(`hoso ${command}`);
        for (const flag of flags) if (!mentions(text[doc], flag)) missing.push(`${command || 'hoso'} ${flag}`);
      }
      expect(missing).toEqual([]);
    });

    it(`${doc} names every report format, every config key and every check`, () => {
      const missing = [
        ...FORMAT_NAMES.filter((f) => !text[doc].includes(`\`${f}\``)),
        ...Object.keys(schemas().Config.shape).filter((k) => !text[doc].includes(`${k}:`)),
        ...Object.keys(operators).filter((c) => !text[doc].includes(`\`${c}\``)),
      ];
      expect(missing).toEqual([]);
    });
  }

  it('ship together: package.json "files" carries README.en.md (npm always packs README.md)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('README.en.md');
  });

  it('show the example folder\'s report as the built CLI prints it today, in each file\'s language', async () => {
    for (const [doc, lang] of [['README.md', 'vi'], ['README.en.md', 'en']] as const) {
      const run = await hoso(['check', 'fixtures/vi-du', '--lang', lang]);
      expect(run.code).toBe(1);
      expect(fs.readFileSync(path.join(ROOT, doc), 'utf8'), doc).toContain(run.stdout.trim());
    }
  });
});
