/**
 * Start-up stays lean: a check loads only what it uses. Once the bundled packs are in the pack
 * cache, checking a workbook parses no YAML and decodes no Windows-1258, so neither yaml nor
 * iconv-lite is loaded (nor exceljs, which only writes). A probe preloaded into the process lists
 * the CommonJS modules loaded when it exits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../../src/format/index.js';
import { FORMAT_NAMES } from '../../src/format/names.js';
import { FIXTURES, hoso } from '../support/cli.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-startup-'));
  fs.writeFileSync(
    path.join(dir, 'probe.cjs'),
    `process.on('exit', () => {
  const names = Object.keys(require('module')._cache).map((f) => f.split('node_modules' + require('path').sep)[1]?.split(require('path').sep)[0]).filter(Boolean);
  require('fs').writeFileSync(process.env.HOSO_PROBE_OUT, JSON.stringify([...new Set(names)]));
});\n`,
  );
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The packages a run of `hoso …args` loaded, with the pack cache in the test's own folder. */
async function packagesLoaded(args: string[]): Promise<string[]> {
  const out = path.join(dir, 'loaded.json');
  const run = await hoso(args, {
    env: { XDG_CACHE_HOME: path.join(dir, 'cache'), HOSO_NO_CACHE: '', HOSO_PROBE_OUT: out, NODE_OPTIONS: `--require ${path.join(dir, 'probe.cjs')}` },
  });
  expect(run.code, run.stderr).not.toBe(2);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as string[];
}

describe('start-up', () => {
  it('checks a workbook without loading yaml, iconv-lite or exceljs once the packs are cached', async () => {
    const workbook = path.join(FIXTURES, 'vi-du', 'phong-gd-dt.xlsx');
    // The first run parses the packs (and fills the cache): yaml is loaded then.
    expect(await packagesLoaded(['check', workbook, '-f', 'json'])).toContain('yaml');
    const loaded = await packagesLoaded(['check', workbook, '-f', 'json']);
    expect(loaded).toContain('yauzl');
    for (const name of ['yaml', 'iconv-lite', 'exceljs']) expect(loaded).not.toContain(name);
  });

  it('loads iconv-lite for a CSV file in Windows-1258', async () => {
    expect(await packagesLoaded(['check', path.join(FIXTURES, 'bad', 'csv', 'cp1258.csv'), '-f', 'json'])).toContain('iconv-lite');
  });

  it('answers --version and --help with the command line alone: no reader, rule loader or engine', async () => {
    for (const args of [['--version'], ['--help'], ['check', '--help']]) expect(await packagesLoaded(args), args.join(' ')).toEqual(['commander']);
  });

  it('knows the report formats without loading them', () => {
    expect(FORMAT_NAMES).toEqual(Object.keys(formatters));
  });
});
