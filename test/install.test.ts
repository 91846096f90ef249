/**
 * The package as a user installs it: `npm pack` (whose `prepare` builds dist/), then
 * `npm install ./hoso-lint-*.tgz` in an empty folder, then `npx hoso check`: no devDependency,
 * no build step, the bundled rule packs found inside the installed package.
 *
 * The pack is made from a copy of the files it ships (with the repository's node_modules linked
 * in for tsc), so that its build never rewrites the dist/ other test files are running. The
 * install fetches the tarball's dependencies from npm's cache when `npm ci` has put them there
 * (--prefer-offline) and from the registry otherwise.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, type Report } from './support/cli.js';
import type { ExpectedEntry } from '../scripts/fixture-kit/dossier.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The environment without what `npm test` sets for its scripts (npm_config_*, npm_package_*), which would aim npm at the repository. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 240_000 });
  if (r.error) throw r.error;
  return r;
}

let tmp: string;
let app: string;
let tarball: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-install-'));
  const source = path.join(tmp, 'source');
  fs.mkdirSync(source);
  for (const name of ['package.json', 'package-lock.json', 'tsconfig.json', 'README.md', 'bin', 'src', 'rules']) {
    fs.cpSync(path.join(ROOT, name), path.join(source, name), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'), 'junction');
  const packed = run(NPM, ['pack', '--json', '--pack-destination', tmp], source);
  expect(packed.status, packed.stderr).toBe(0);
  tarball = path.join(tmp, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);

  app = path.join(tmp, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }) + '\n');
  const installed = run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
  expect(installed.status, installed.stderr).toBe(0);
}, 300_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the packed package, installed in an empty folder', () => {
  it('ships the built CLI, the bundled rules and nothing of the repository’s own tooling', () => {
    const root = path.join(app, 'node_modules', 'hoso-lint');
    expect(tarball.endsWith(`hoso-lint-${pkg.version}.tgz`)).toBe(true);
    expect(fs.existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'rules', 'chung.yaml'))).toBe(true);
    for (const absent of ['src', 'test', 'fixtures', 'scripts', path.join('dist', 'scripts'), 'tsconfig.json']) {
      expect(fs.existsSync(path.join(root, absent)), absent).toBe(false);
    }
  });

  it('installs its dependencies and none of its devDependencies', () => {
    const modules = path.join(app, 'node_modules');
    for (const dep of Object.keys(pkg.dependencies)) expect(fs.existsSync(path.join(modules, dep)), dep).toBe(true);
    // Type packages aside: exceljs's own dependencies bring an @types/node of their own.
    const tools = Object.keys(pkg.devDependencies).filter((dev) => !dev.startsWith('@types/'));
    expect(tools).toContain('typescript');
    for (const dev of tools) expect(fs.existsSync(path.join(modules, dev)), dev).toBe(false);
  });

  it('runs `npx hoso check` on a dossier with the findings and exit code the repository’s own CLI gives', () => {
    const fixture = 'fields/giao-duc-khong-dat.xlsx';
    const expected = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, ExpectedEntry>)[fixture];
    const r = run(NPX, ['--no-install', 'hoso', 'check', path.join(FIXTURES, fixture), '-f', 'json'], app);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(expected.exit);
    expect(expected.exit).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings.map((f) => f.ruleId).sort()).toEqual(expected.findings.map((f) => f.ruleId).sort());
  });

  it('gives the library: `import { check } from \'hoso-lint\'` checks bytes as the CLI checks the file', () => {
    const fixture = 'fields/giao-duc-khong-dat.xlsx';
    const script = path.join(app, 'use-library.mjs');
    fs.writeFileSync(
      script,
      [
        "import { readFileSync } from 'node:fs';",
        "import { check } from 'hoso-lint';",
        `const r = await check({ files: [{ name: 'ds.xlsx', data: readFileSync(${JSON.stringify(path.join(FIXTURES, fixture))}) }] });`,
        'process.stdout.write(JSON.stringify({ exitCode: r.exitCode, rules: r.report.findings.map((f) => f.ruleId), files: [...new Set(r.report.findings.map((f) => f.file))] }));',
      ].join('\n'),
    );
    const r = run(process.execPath, [script], app);
    expect(r.stderr).toBe('');
    const expected = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, ExpectedEntry>)[fixture];
    const got = JSON.parse(r.stdout) as { exitCode: number; rules: string[]; files: string[] };
    expect(got.exitCode).toBe(1);
    expect(got.rules.sort()).toEqual(expected.findings.map((f) => f.ruleId).sort());
    // Named by the name it was given, not by any path.
    expect(got.files).toEqual(['ds.xlsx']);
  });

  it('ships the library’s types: a TypeScript program using them compiles, and one misusing them does not', () => {
    const root = path.join(app, 'node_modules', 'hoso-lint');
    expect(fs.existsSync(path.join(root, 'dist', 'src', 'api.d.ts'))).toBe(true);
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const compile = (body: string) => {
      fs.writeFileSync(path.join(app, 'use.ts'), body);
      fs.writeFileSync(
        path.join(app, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], strict: true, noEmit: true, skipLibCheck: true }, files: ['use.ts'] }),
      );
      return run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
    };
    const good = compile(
      [
        "import { check, explain, listProfiles, HosoError, type CheckResponse, type DossierInput } from 'hoso-lint';",
        "const input: DossierInput = { name: 'ds.xlsx', data: new Uint8Array(0), walked: true };",
        "const response: Promise<CheckResponse> = check({ files: [input], rules: [{ name: 'p.yaml', text: '' }], lang: 'en', maxWarnings: 0 });",
        "const code: Promise<0 | 1 | 2> = response.then((r) => r.exitCode);",
        "const texts: Promise<string | undefined> = explain('chung/ten');",
        'const ids: Promise<string[]> = listProfiles().then((ps) => ps.map((p) => p.id));',
        "const failed: boolean = new HosoError('x') instanceof Error;",
        'export { code, texts, ids, failed };',
      ].join('\n'),
    );
    expect(good.stdout + good.stderr).toBe('');
    expect(good.status).toBe(0);
    const bad = compile("import { check } from 'hoso-lint';\nexport const r = check({ files: [{ name: 'ds.xlsx' }], lang: 'fr' });\n");
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/use\.ts.*TS2322|use\.ts.*TS2741/);
  });

  it('answers `hoso --version` with the package’s version', () => {
    const r = run(NPX, ['--no-install', 'hoso', '--version'], app);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
