/**
 * The library checks every fixture as the command line does: for the files of each folder of
 * fixtures/ given as bytes with their names, the same JSON report, exit code and reasons as
 * `hoso check <those files> -f json` run in that folder (so that both name each file by its name
 * alone); and a folder dropped whole (its files given as walked bytes) as `hoso check <folder>`.
 * One CLI run per folder: its JSON report carries every file's findings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { findConfig, pathLabel } from '../../src/cli/config.js';
import { FIXTURES } from '../support/cli.js';
import { apiOutcome, cliOutcome, filesUnder } from '../support/api.js';

/** Each folder of fixtures/ holding files, with those files' names, sorted as a shell's glob sorts them. */
const folders = new Map<string, string[]>();
for (const file of filesUnder(FIXTURES)) {
  const dir = path.posix.dirname(file);
  folders.set(dir, [...(folders.get(dir) ?? []), path.posix.basename(file)]);
}
for (const names of folders.values()) names.sort();
const bytesOf = (dir: string, name: string) => fs.readFileSync(path.join(FIXTURES, dir, name));

describe.concurrent('every fixture, given as bytes with its name', () => {
  it('covers the good, bad (hostile too), layout and example fixtures', () => {
    for (const dir of ['awards', 'fields', 'profiles', 'csv', 'bad', 'bad/csv', 'bad/hostile/quet', 'bad/quy-tac', 'layout', 'vi-du']) expect([...folders.keys()]).toContain(dir);
  });

  // fixtures/history's config names its decision lists by paths relative to itself, which a
  // config given as text cannot: those lists are given as bytes below ('decision lists as bytes').
  for (const [dir, names] of [...folders].filter(([dir]) => dir !== 'history' && !dir.startsWith('history/'))) {
    it(`${dir}: the report, exit code and reasons of the CLI run on its files`, async () => {
      const cwd = path.join(FIXTURES, dir);
      // A folder under a hoso.config.yaml has it found by the CLI; the library is given it (never looks for one), named as the CLI names it.
      const found = findConfig(cwd);
      const config = found && { name: pathLabel(found, cwd), text: fs.readFileSync(found, 'utf8') };
      const [cli, api] = await Promise.all([cliOutcome(names, cwd), check({ files: names.map((name) => ({ name, data: bytesOf(dir, name) })), config })]);
      expect(apiOutcome(api)).toEqual(cli);
      // What must not change: each file is named by the name it was given.
      for (const f of [...api.report.findings.map((f) => f.file), ...api.unreadable.map((u) => u.file)]) expect(names).toContain(f);
    }, 120_000);
  }
});

describe.concurrent('a folder dropped whole (walked bytes)', () => {
  it('fixtures/vi-du gives what `hoso check vi-du` gives', async () => {
    const names = filesUnder(path.join(FIXTURES, 'vi-du')).map((n) => `vi-du/${n}`);
    // Given in no particular order: the walk's order is the library's to find.
    const files = names.reverse().map((name) => ({ name, data: fs.readFileSync(path.join(FIXTURES, name)), walked: true }));
    const [cli, api] = await Promise.all([cliOutcome(['vi-du'], FIXTURES), check({ files })]);
    expect(apiOutcome(api)).toEqual(cli);
    expect(cli.report.summary.files).toBe(4);
  });

  it('fixtures/bad, with its PDF, packs, hoso.config.yaml and nested folders, gives what `hoso check bad` gives', async () => {
    const names = filesUnder(path.join(FIXTURES, 'bad')).map((n) => `bad/${n}`);
    const files = names.map((name) => ({ name, data: new Blob([fs.readFileSync(path.join(FIXTURES, name))]), walked: true }));
    const [cli, api] = await Promise.all([cliOutcome(['bad'], FIXTURES), check({ files })]);
    expect(apiOutcome(api)).toEqual(cli);
    // The walk's notes are there: a PDF found in a folder is noted, not refused; the config beside the dossiers is passed over.
    expect(api.report.findings.some((f) => f.file === 'bad/ho-so.pdf' && f.severity === 'info')).toBe(true);
    expect(api.unreadable.map((u) => u.file)).not.toContain('bad/ho-so.pdf');
    expect(JSON.stringify(api.report)).not.toContain('hoso.config.yaml');
    // Its zip bombs are inflated to the limit by both runs at once: seconds each on a busy machine.
  }, 120_000);
});

describe('decision lists as bytes (history)', () => {
  it('fixtures/history: the dossiers with the decision lists given as walked bytes give what `hoso check … --history quyet-dinh` gives', async () => {
    const cwd = path.join(FIXTURES, 'history');
    const dossiers = folders.get('history/ho-so')!.map((n) => `ho-so/${n}`);
    const decisions = folders.get('history/quyet-dinh')!.map((n) => `quyet-dinh/${n}`);
    const text = fs.readFileSync(path.join(cwd, 'hoso.config.yaml'), 'utf8');
    // The units the config maps stay; its paths (relative to it) are given as bytes instead.
    const units = text.replace(/^\s*paths:.*\n/m, '');
    expect(units).not.toBe(text);
    expect(units).toContain('units:');
    const read = (name: string) => fs.readFileSync(path.join(cwd, name));
    const [cli, api] = await Promise.all([
      // The config's paths and --history name the same folder: read once.
      cliOutcome([...dossiers, '--history', 'quyet-dinh', '--config', 'hoso.config.yaml'], cwd),
      check({
        files: dossiers.map((name) => ({ name, data: read(name) })),
        history: decisions.reverse().map((name) => ({ name, data: new Blob([read(name)]), walked: true })),
        config: { name: 'hoso.config.yaml', text: units },
      }),
    ]);
    expect(apiOutcome(api)).toEqual(cli);
    // The decisions were read: the streak's findings name them, and their notes are among the findings.
    expect(cli.code).toBe(1);
    expect(api.report.findings.some((f) => f.ruleId === 'vn-law-2022/cstd-tinh/ba-lan-cstdcs' && f.message.includes('quyet-dinh/2024.xlsx › Cá nhân!B8'))).toBe(true);
    expect(api.report.findings.some((f) => f.file === 'quyet-dinh/2022-cstdcs.xlsx' && f.ruleId === 'hoso/lich-su-dong-bo-qua')).toBe(true);
  }, 120_000);

  it('a decision list that cannot be read is named among the unreadable files (exit 2), and the dossiers are still checked', async () => {
    const dossier = fs.readFileSync(path.join(FIXTURES, 'history/ho-so/chien-si-thi-dua-cap-tinh.xlsx'));
    const r = await check({ files: [{ name: 'ds.xlsx', data: dossier }], history: [{ name: 'qd-2024.xlsx', data: new Uint8Array(0) }], lang: 'en' });
    expect(r.exitCode).toBe(2);
    expect(r.unreadable).toEqual([{ file: 'qd-2024.xlsx', reason: 'qd-2024.xlsx: the file is empty (0 bytes)' }]);
    expect(r.report.summary.files).toBe(1);
    // The dossier is checked against the decisions that could be read (none): every streak is unmet, none of a decision's notes.
    expect(r.report.findings.length).toBeGreaterThan(0);
    expect(r.report.findings.every((f) => f.file === 'ds.xlsx')).toBe(true);
    expect(r.report.findings.filter((f) => f.ruleId === 'vn-law-2022/cstd-tinh/ba-lan-cstdcs').every((f) => f.message.includes('no decision of'))).toBe(true);
  });
});
