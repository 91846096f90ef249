/**
 * The library's annotated copies (`check({ annotate: true })`) and batch report (`report()`), as
 * the offline page asks for them: each equals, part for part once inflated and under the same
 * name, what `hoso check --annotate` and `hoso report -o` write for the same files given by the
 * same names — a dropped folder's files by their paths in it, files chosen one by one by their
 * names. The bytes given are never changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readZip } from '../../scripts/fixture-kit/zip.js';
import { check, HosoError, report, type DossierInput } from '../../src/api.js';
import { FIXTURES, hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-api-outputs-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const VI_DU = path.join(FIXTURES, 'vi-du');
const names = fs.readdirSync(VI_DU).sort();

/** A zip's parts by name, inflated: two zips deflated by different deflaters compare equal when these do. */
const parts = (zip: Uint8Array) => Object.fromEntries(readZip(Buffer.from(zip)).map((p) => [p.name, Buffer.from(p.data).toString('latin1')]));

/** The files of a folder written by the CLI, by their paths in it. */
function written(dir: string): Map<string, Buffer> {
  return new Map((fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => [f.split(path.sep).join('/'), fs.readFileSync(path.join(dir, f))]));
}

describe('check({ annotate: true })', () => {
  for (const how of ['walked', 'named'] as const) {
    it(`gives each file's copy as \`--annotate\` writes it, ${how === 'walked' ? 'a dropped folder’s files by their paths' : 'files chosen one by one by their names'}`, async () => {
      const files: DossierInput[] = names.map((n) => ({ name: how === 'walked' ? `vi-du/${n}` : n, data: new Uint8Array(fs.readFileSync(path.join(VI_DU, n))), walked: how === 'walked' }));
      const before = files.map((f) => Buffer.from(f.data as Uint8Array).toString('base64'));
      const out = path.join(tmp, how);
      const cli = how === 'walked' ? await hoso(['check', 'vi-du', '--annotate', out, '-f', 'json'], { cwd: FIXTURES }) : await hoso(['check', ...names, '--annotate', out, '-f', 'json'], { cwd: VI_DU });
      expect(cli.code).toBe(1);
      const response = await check({ files, annotate: true });
      expect(response.report).toEqual(JSON.parse(cli.stdout));
      expect(response.copyFailures).toEqual([]);
      const cliCopies = written(out);
      // Four dossiers, the CSV's copy a workbook.
      expect([...cliCopies.keys()].sort()).toEqual(['cong-ty-nong-san.xlsx', 'phong-gd-dt.xlsx', 'xa-dak-pne-tong-hop.xlsx', 'xa-dak-to-lung.xlsx']);
      expect(response.copies!.map((c) => c.name).sort()).toEqual([...cliCopies.keys()].sort());
      for (const copy of response.copies!) expect(parts(copy.data), copy.name).toEqual(parts(cliCopies.get(copy.name)!));
      expect(files.map((f) => Buffer.from(f.data as Uint8Array).toString('base64'))).toEqual(before);
    });
  }

  it('gives no copies unless asked, and refuses to annotate files given as paths', async () => {
    const plain = await check({ files: [{ name: 'ds.csv', data: fs.readFileSync(path.join(VI_DU, 'xa-dak-pne-tong-hop.csv')) }] });
    expect(plain).not.toHaveProperty('copies');
    expect(plain.exitCode).toBe(1);
    await expect(check({ files: [path.join(VI_DU, 'phong-gd-dt.xlsx')], annotate: true, lang: 'en' })).rejects.toThrow(new HosoError('annotate takes files given as bytes, not paths'));
  });
});

describe('report()', () => {
  const files = () => names.map((n) => ({ name: `vi-du/${n}`, data: fs.readFileSync(path.join(VI_DU, n)), walked: true }));

  it('gives the workbook `hoso report -o bao-cao.xlsx` writes', async () => {
    const out = path.join(tmp, 'bao-cao.xlsx');
    expect((await hoso(['report', 'vi-du', '-o', out], { cwd: FIXTURES })).code).toBe(1);
    const made = await report({ files: files(), format: 'xlsx' });
    expect(made.name).toBe('bao-cao.xlsx');
    expect(parts(made.data)).toEqual(parts(fs.readFileSync(out)));
  });

  it('gives the page `hoso report -o bao-cao.html` writes, in the language asked', async () => {
    const out = path.join(tmp, 'bao-cao.html');
    expect((await hoso(['report', 'vi-du', '-o', out, '--lang', 'en'], { cwd: FIXTURES })).code).toBe(1);
    const made = await report({ files: files(), format: 'html', lang: 'en' });
    expect(made.name).toBe('bao-cao.html');
    expect(Buffer.from(made.data).toString('utf8')).toBe(fs.readFileSync(out, 'utf8'));
  });

  it('refuses a format it does not write', async () => {
    await expect(report({ files: files(), format: 'pdf' as 'html', lang: 'en' })).rejects.toThrow(new HosoError('format is "xlsx" or "html", not "pdf"'));
  });
});
