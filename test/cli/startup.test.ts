/**
 * Start-up stays lean: a check loads only what it uses. Once the bundled packs are in the pack
 * cache, checking a workbook parses no YAML, validates no schema and decodes no Windows-1258, so
 * neither yaml, zod nor iconv-lite is loaded (nor exceljs, which only writes). A probe preloaded
 * into the process lists the CommonJS modules loaded when it exits, and a resolve hook the ES
 * modules as they are imported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
  require('fs').writeFileSync(process.env.HOSO_PROBE_OUT, JSON.stringify(Object.keys(require('module')._cache)));
});\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `import fs from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  fs.appendFileSync(process.env.HOSO_PROBE_ESM, resolved.url + '\\n');
  return resolved;
}\n`,
  );
  fs.writeFileSync(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The package a module's path or URL lies in, if it is in node_modules. */
function packageOf(file: string): string | undefined {
  return file.split(/node_modules[\\/]/)[1]?.split(/[\\/]/)[0];
}

/** The modules a run of `hoso …args` loaded, either way, with the pack cache in the test's own folder. */
async function modulesLoaded(args: string[]): Promise<string[]> {
  const out = path.join(dir, 'loaded.json');
  const esm = path.join(dir, 'imported.txt');
  fs.rmSync(esm, { force: true });
  const run = await hoso(args, {
    env: {
      XDG_CACHE_HOME: path.join(dir, 'cache'),
      HOSO_NO_CACHE: '',
      HOSO_PROBE_OUT: out,
      HOSO_PROBE_ESM: esm,
      NODE_OPTIONS: `--require ${path.join(dir, 'probe.cjs')} --import ${pathToFileURL(path.join(dir, 'register.mjs')).href}`,
    },
  });
  expect(run.code, run.stderr).not.toBe(2);
  return [...(JSON.parse(fs.readFileSync(out, 'utf8')) as string[]), ...(fs.existsSync(esm) ? fs.readFileSync(esm, 'utf8').split('\n') : [])];
}

/** The packages a run of `hoso …args` loaded. */
async function packagesLoaded(args: string[]): Promise<string[]> {
  return [...new Set((await modulesLoaded(args)).map(packageOf).filter((p): p is string => p !== undefined))];
}

/** The project's own modules a run loaded, as paths under src/ ("read/csv"). */
function ownModules(files: string[]): string[] {
  return [...new Set(files.flatMap((f) => /[\\/]src[\\/](.+)\.[jt]s$/.exec(decodeURIComponent(f))?.[1].replace(/\\/g, '/') ?? []))];
}

describe('start-up', () => {
  it('checks a workbook without loading yaml, zod, iconv-lite, exceljs or the pattern engine once the packs are cached', async () => {
    const workbook = path.join(FIXTURES, 'vi-du', 'phong-gd-dt.xlsx');
    // The first run parses and validates the packs (and fills the cache): yaml and zod are loaded then.
    expect(await packagesLoaded(['check', workbook, '-f', 'json'])).toEqual(expect.arrayContaining(['yaml', 'zod']));
    const loaded = await packagesLoaded(['check', workbook, '-f', 'json']);
    expect(loaded).toContain('yauzl');
    for (const name of ['yaml', 'zod', 'iconv-lite', 'exceljs', 're2js']) expect(loaded).not.toContain(name);
  });

  it('loads the pattern engine when a pattern rule is in force, from the cache too', async () => {
    const workbook = path.join(FIXTURES, 'vi-du', 'phong-gd-dt.xlsx');
    const pack = path.join(dir, 'mau.yaml');
    fs.writeFileSync(
      pack,
      ['pack: mau', 'title: Mẫu', 'rules:', '  - id: mau/ho-ten', '    title: Họ tên chỉ có chữ', '    check: pattern', '    source: thử', "    with: { column: ten, regex: '^(\\p{L}|\\s)+$', label: họ tên }", '    examples: { valid: [{ ten: An }], invalid: [{ ten: A1 }] }', ''].join('\n'),
    );
    await packagesLoaded(['check', workbook, '-f', 'json', '--rules', pack]);
    const loaded = await packagesLoaded(['check', workbook, '-f', 'json', '--rules', pack]);
    expect(loaded).toContain('re2js');
    expect(loaded).not.toContain('yaml');
  });

  it('loads neither the globbing libraries, the CSV reader, the result cache nor a format it does not write', async () => {
    const workbook = path.join(FIXTURES, 'vi-du', 'phong-gd-dt.xlsx');
    const files = await modulesLoaded(['check', workbook, '-f', 'json']);
    const own = ownModules(files);
    expect(own).toEqual(expect.arrayContaining(['read/xlsx', 'engine/check', 'format/json']));
    for (const name of ['read/csv', 'engine/cache', 'format/sarif', 'format/stylish', 'format/junit', 'format/github', 'format/csv']) expect(own).not.toContain(name);
    const packages = [...new Set(files.map(packageOf))];
    for (const name of ['tinyglobby', 'fdir', 'picomatch', 'chalk']) expect(packages).not.toContain(name);
    // Asked for, each is there.
    const globbed = await modulesLoaded(['check', path.join(FIXTURES, 'vi-du', '*.csv'), '-f', 'sarif']);
    expect(ownModules(globbed)).toEqual(expect.arrayContaining(['read/csv', 'format/sarif']));
    expect(globbed.map(packageOf)).toContain('tinyglobby');
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
