/**
 * Where --annotate puts the copies: by the path relative to the common folder of the inputs,
 * never an absolute path or `..`, and every copy of a run under a name of its own — planned
 * (planCopies) and as written by the CLI, counted on disk.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { planCopies } from '../../src/report/placement.js';
import { BIN, FIXTURES, hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const XLSX = path.join(FIXTURES, 'vi-du', 'cong-ty-nong-san.xlsx');
const CSV = path.join(FIXTURES, 'vi-du', 'xa-dak-pne-tong-hop.csv');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-placement-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Makes the files (empty, or copies of `from`) under a fresh folder; returns it. */
function tree(name: string, files: Record<string, string | undefined>): string {
  const root = path.join(tmp, name);
  for (const [f, from] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    if (from) fs.copyFileSync(from, path.join(root, f));
    else fs.writeFileSync(path.join(root, f), '');
  }
  return root;
}

/** The plan as paths under the annotate folder, by input path relative to `root`. */
function planned(root: string, given: string[], files: string[]): Record<string, string> {
  const plan = planCopies({ dir: 'ann', given: given.map((g) => path.join(root, g)), placeAs: undefined }, files.map((f) => path.join(root, f)));
  return Object.fromEntries([...plan].map(([f, c]) => [path.relative(root, f), c]));
}

/** Every file under a folder, as relative paths, sorted. */
const filesUnder = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

describe('planCopies', () => {
  it('puts a single file at its own name, whatever folders lead to it', () => {
    const root = tree('single', { 'ho-so/xa-a/a.xlsx': undefined });
    expect(planned(root, ['ho-so/xa-a/a.xlsx'], ['ho-so/xa-a/a.xlsx'])).toEqual({ 'ho-so/xa-a/a.xlsx': path.join('ann', 'a.xlsx') });
  });

  it('keeps the place under the folder named, so two units’ files of one name stay apart', () => {
    const root = tree('units', { 'ho-so/xa-a/ds.xlsx': undefined, 'ho-so/xa-b/ds.xlsx': undefined });
    expect(planned(root, ['ho-so'], ['ho-so/xa-a/ds.xlsx', 'ho-so/xa-b/ds.xlsx'])).toEqual({
      'ho-so/xa-a/ds.xlsx': path.join('ann', 'xa-a', 'ds.xlsx'),
      'ho-so/xa-b/ds.xlsx': path.join('ann', 'xa-b', 'ds.xlsx'),
    });
  });

  it('places two folders with the same names inside by their common folder', () => {
    const root = tree('two-folders', { 'huyen-1/xa/ds.xlsx': undefined, 'huyen-2/xa/ds.xlsx': undefined });
    expect(planned(root, ['huyen-1', 'huyen-2'], ['huyen-1/xa/ds.xlsx', 'huyen-2/xa/ds.xlsx'])).toEqual({
      'huyen-1/xa/ds.xlsx': path.join('ann', 'huyen-1', 'xa', 'ds.xlsx'),
      'huyen-2/xa/ds.xlsx': path.join('ann', 'huyen-2', 'xa', 'ds.xlsx'),
    });
  });

  it('counts a file named among the inputs even when it is not read: a copy’s place does not hang on another file', () => {
    const root = tree('unread', { 'ho-so/xa-a/a.xlsx': undefined, 'ho-so/xa-b/hong.xlsx': undefined });
    expect(planned(root, ['ho-so/xa-a/a.xlsx', 'ho-so/xa-b/hong.xlsx'], ['ho-so/xa-a/a.xlsx'])).toEqual({ 'ho-so/xa-a/a.xlsx': path.join('ann', 'xa-a', 'a.xlsx') });
  });

  it('never mirrors an absolute path or climbs out with ..', () => {
    const root = tree('absolute', { 'a/x.xlsx': undefined, 'b/y.csv': undefined });
    const abs = path.join(root, 'a', 'x.xlsx');
    const up = path.relative(process.cwd(), path.join(root, 'b', 'y.csv'));
    expect(up.startsWith('..')).toBe(true);
    const plan = planCopies({ dir: 'ann', given: [abs, up] }, [abs, up]);
    expect([...plan.values()]).toEqual([path.join('ann', 'a', 'x.xlsx'), path.join('ann', 'b', 'y.xlsx')]);
  });

  it('gives a CSV whose copy would take a workbook’s name "(csv)", the workbook keeping its own, in either order', () => {
    const root = tree('csv', { 'a.csv': undefined, 'a.xlsx': undefined });
    const expected = { 'a.xlsx': path.join('ann', 'a.xlsx'), 'a.csv': path.join('ann', 'a (csv).xlsx') };
    expect(planned(root, ['.'], ['a.csv', 'a.xlsx'])).toEqual(expected);
    expect(planned(root, ['.'], ['a.xlsx', 'a.csv'])).toEqual(expected);
  });

  it('numbers names equal but for case or Unicode form, as Windows and macOS would take them for one', () => {
    const nfc = 'Hồ sơ.xlsx';
    const nfd = nfc.normalize('NFD');
    const files = ['A.xlsx', 'a.xlsx', nfc, nfd, 'HỒ SƠ.xlsx'];
    const root = tree('case', Object.fromEntries(files.map((f) => [f, undefined])));
    expect(planned(root, ['.'], files)).toEqual({
      'A.xlsx': path.join('ann', 'A.xlsx'),
      'a.xlsx': path.join('ann', 'a (2).xlsx'),
      [nfc]: path.join('ann', nfc),
      [nfd]: path.join('ann', `${nfd.slice(0, -5)} (2).xlsx`),
      'HỒ SƠ.xlsx': path.join('ann', 'HỒ SƠ (3).xlsx'),
    });
  });

  it('does not give a copy the name of a folder holding other copies', () => {
    const root = tree('folder-name', { 'a.csv': undefined, 'A.xlsx/b.xlsx': undefined });
    expect(planned(root, ['.'], ['a.csv', 'A.xlsx/b.xlsx'])).toEqual({
      'a.csv': path.join('ann', 'a (csv).xlsx'),
      'A.xlsx/b.xlsx': path.join('ann', 'A.xlsx', 'b.xlsx'),
    });
  });
});

describe('hoso check --annotate', () => {
  it('writes one copy per input, none over another: a.xlsx, a.csv and A.xlsx in one folder', async () => {
    const root = tree('run', { 'don-vi/a.xlsx': XLSX, 'don-vi/A.xlsx': XLSX, 'don-vi/a.csv': CSV });
    const run = await hoso(['check', 'don-vi', '--annotate', 'ann', '-f', 'json'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(filesUnder(path.join(root, 'ann'))).toEqual(['A.xlsx', 'a (2).xlsx', 'a (csv).xlsx']);
    // The CSV's copy is made from the CSV (its sheet named after the file), not from a workbook.
    const firstSheet = async (f: string) => {
      const wb = await new ExcelJS.Workbook().xlsx.readFile(path.join(root, 'ann', f));
      return wb.worksheets[0].name;
    };
    expect(await firstSheet('a (csv).xlsx')).toBe('a');
    expect(await firstSheet('A.xlsx')).toBe('Danh sách');
    expect(filesUnder(path.join(root, 'don-vi'))).toEqual(['A.xlsx', 'a.csv', 'a.xlsx']);
  });

  it('places standard input’s copy at the name --stdin-filename gives it, beside the files named with it', async () => {
    const root = tree('stdin', { 'ho-so/b.xlsx': XLSX });
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'check', '-', 'ho-so/b.xlsx', '--stdin-filename', 'ho-so/a.xlsx', '--annotate', 'ann'], { cwd: root, stdio: ['pipe', 'ignore', 'ignore'] });
      child.stdin.end(fs.readFileSync(XLSX));
      child.on('error', reject);
      child.on('close', resolve);
    });
    expect(code).toBe(1);
    expect(filesUnder(path.join(root, 'ann'))).toEqual(['a.xlsx', 'b.xlsx']);
  });
});
