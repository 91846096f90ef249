/**
 * The conventions users of other linters expect (issue 20): NO_COLOR / FORCE_COLOR / --color,
 * -v, a workbook or CSV on standard input, ignore patterns, lock and temporary files passed over
 * by globs as by folders, and `report` / `init` saying what they wrote.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { colorWanted } from '../../src/cli/color.js';
import { ignoreMatcher } from '../../src/read/ignores.js';
import { BIN, FIXTURES, hoso, ROOT, type Report, type Run } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const XLSX = path.join(FIXTURES, 'vi-du', 'cong-ty-nong-san.xlsx');
const CSV = path.join(FIXTURES, 'vi-du', 'xa-dak-pne-tong-hop.csv');
const ESC = '\u001b[';

/** Runs hoso with `input` on its standard input, and a temporary folder of its own (to see what it leaves there). */
function withStdin(args: string[], input: Buffer, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // hoso may stop reading early (a limit): a closed pipe is not the test's failure.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-conventions-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe('colour', () => {
  it('follows --color/--no-color, then NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    expect(colorWanted(undefined, true, {})).toBe(true);
    expect(colorWanted(undefined, false, {})).toBe(false);
    // NO_COLOR: any non-empty value, even on a terminal; an empty one is as if unset.
    expect(colorWanted(undefined, true, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted(undefined, true, { NO_COLOR: '' })).toBe(true);
    expect(colorWanted(undefined, false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorWanted(undefined, false, { FORCE_COLOR: '' })).toBe(true);
    expect(colorWanted(undefined, true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorWanted(undefined, false, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(colorWanted(true, false, { NO_COLOR: '1' })).toBe(true);
    expect(colorWanted(false, true, { FORCE_COLOR: '1' })).toBe(false);
  });

  it('colours the stylish report into a pipe with FORCE_COLOR or --color, and never with NO_COLOR or --no-color', async () => {
    const runs = await Promise.all([
      hoso(['check', XLSX], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }),
      hoso(['check', XLSX, '--color'], { env: { NO_COLOR: '1' } }),
      hoso(['check', XLSX], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }),
      hoso(['check', XLSX, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }),
      hoso(['check', XLSX], { env: { NO_COLOR: '', FORCE_COLOR: undefined } }),
    ]);
    expect(runs.map((r) => r.stdout.includes(ESC))).toEqual([true, true, false, false, false]);
    // Colour changes the look, never the words nor the exit code.
    const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
    for (const r of runs) {
      expect(strip(r.stdout)).toBe(runs[2].stdout);
      expect(r.code).toBe(runs[2].code);
    }
  });

  it('never colours a report written to a file, even with --color', async () => {
    const out = path.join(folder('color-file'), 'r.txt');
    await hoso(['check', XLSX, '--color', '-o', out]);
    expect(fs.readFileSync(out, 'utf8')).not.toContain(ESC);
  });
});

describe('-v', () => {
  it('prints the version, as --version does', async () => {
    const [short, long] = await Promise.all([hoso(['-v']), hoso(['--version'])]);
    expect(short).toEqual({ code: 0, stdout: long.stdout, stderr: '' });
    expect(short.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('standard input', () => {
  const direct = async (file: string) => JSON.parse((await hoso(['check', file, '-f', 'json'])).stdout) as Report;
  const renamed = (r: Report, file: string) => r.findings.map((f) => ({ ...f, file }));

  it('checks a workbook given as -, with the findings of the file itself, named -', async () => {
    const before = fs.readFileSync(XLSX);
    const run = await withStdin(['check', '-', '-f', 'json'], before, { TMPDIR: folder('tmp-xlsx') });
    const expected = await direct(XLSX);
    expect(run.code).toBe(1);
    const report: Report = JSON.parse(run.stdout);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings).toEqual(renamed(expected, '-'));
    expect(report.summary).toEqual(expected.summary);
    // The temporary copy is gone, and the input untouched.
    expect(fs.readdirSync(path.join(tmp, 'tmp-xlsx'))).toEqual([]);
    expect(fs.readFileSync(XLSX).equals(before)).toBe(true);
  });

  it('guesses CSV from bytes with no zip signature, and names the findings with --stdin-filename', async () => {
    const run = await withStdin(['check', '--stdin', '--stdin-filename', 'xa.csv', '-f', 'json'], fs.readFileSync(CSV), { TMPDIR: folder('tmp-csv') });
    const expected = await direct(CSV);
    expect(run.code).toBe(expected.summary.errors ? 1 : 0);
    expect(JSON.parse(run.stdout).findings).toEqual(renamed(expected, 'xa.csv').map((f) => ({ ...f, sheet: f.sheet && 'xa' })));
    expect(fs.readdirSync(path.join(tmp, 'tmp-csv'))).toEqual([]);
  });

  it('reads /dev/stdin named directly as standard input, not refused as a pipe', async () => {
    const run = await withStdin(['check', '/dev/stdin', '--stdin-filename', 'cong-ty.xlsx'], fs.readFileSync(XLSX));
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('cong-ty.xlsx › Danh sách');
    expect(run.stdout).not.toMatch(/ống dẫn|FIFO/);
    expect(run.code).toBe(1);
  });

  it('refuses more bytes than the reading limits allow with one line, exit 2, and leaves nothing behind', async () => {
    const run = await withStdin(['check', '-', '--max-part-size', '1K', '--lang', 'en'], fs.readFileSync(XLSX), { TMPDIR: folder('tmp-big') });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hoso: standard input is larger than 1024 bytes (--max-part-size)\n');
    expect(run.stdout).toBe('');
    expect(fs.readdirSync(path.join(tmp, 'tmp-big'))).toEqual([]);
  });

  it('says an empty standard input is an empty file, under its name', async () => {
    const run = await withStdin(['check', '-'], Buffer.alloc(0));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hoso: -: tệp rỗng (0 byte)\n');
  });
});

describe('ignore patterns', () => {
  let province: string;
  beforeAll(() => {
    province = folder('tinh');
    for (const dir of ['ho-so', 'mau', path.join('ho-so', 'da-gui')]) {
      fs.mkdirSync(path.join(province, dir), { recursive: true });
      fs.copyFileSync(XLSX, path.join(province, dir, 'cong-ty.xlsx'));
    }
    fs.copyFileSync(CSV, path.join(province, 'ho-so', 'xa.csv'));
  });
  const files = (r: Run) => [...new Set((JSON.parse(r.stdout) as Report).findings.map((f) => f.file))].sort();

  it('passes over folders matched by --ignore-pattern (repeatable), silently, and counts them', async () => {
    const all = await hoso(['check', '.', '-f', 'json'], { cwd: province });
    expect(files(all)).toEqual(['ho-so/cong-ty.xlsx', 'ho-so/da-gui/cong-ty.xlsx', 'ho-so/xa.csv', 'mau/cong-ty.xlsx']);
    const some = await hoso(['check', '.', '-f', 'json', '--ignore-pattern', 'mau/', '--ignore-pattern', 'da-gui'], { cwd: province });
    expect(files(some)).toEqual(['ho-so/cong-ty.xlsx', 'ho-so/xa.csv']);
    expect(JSON.parse(some.stdout).summary.files).toBe(2);
    expect(some.stderr).toBe('');
    const stylish = await hoso(['check', '.', '--ignore-pattern', 'mau/', '--ignore-pattern', 'da-gui'], { cwd: province });
    expect(stylish.stdout).not.toMatch(/mau|da-gui/);
    expect(stylish.stdout).toMatch(/\n2 tệp\/thư mục bỏ qua theo cấu hình\n✖ \d+ lỗi — mã thoát 1\n$/);
    expect(JSON.parse(some.stdout).summary.ignored).toBe(2);
    expect(JSON.parse(all.stdout).summary.ignored).toBe(0);
    // Without a pattern nothing is said about ignoring.
    expect((await hoso(['check', '.'], { cwd: province })).stdout).not.toContain('bỏ qua theo cấu hình');
  });

  it('passes over a file named directly inside an ignored folder, and files matched by name', async () => {
    const run = await hoso(['check', 'mau/cong-ty.xlsx', 'ho-so', '-f', 'json', '--ignore-pattern', 'mau/', '--ignore-pattern', '*.csv'], { cwd: province });
    expect(files(run)).toEqual(['ho-so/cong-ty.xlsx', 'ho-so/da-gui/cong-ty.xlsx']);
    expect(run.code).toBe(1);
  });

  it('takes `ignores:` from hoso.config.yaml, relative to the config file', async () => {
    const dir = folder('tinh-config');
    fs.cpSync(province, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'hoso.config.yaml'), 'ignores: [mau/, "ho-so/da-gui/**"]\n');
    const run = await hoso(['check', '.', '-f', 'json'], { cwd: dir });
    expect(files(run)).toEqual(['ho-so/cong-ty.xlsx', 'ho-so/xa.csv']);
    // From a sub-folder, the config's patterns still mean the same folders.
    const inside = await hoso(['check', '.', '-f', 'json'], { cwd: path.join(dir, 'ho-so') });
    expect(files(inside)).toEqual(['cong-ty.xlsx', 'xa.csv']);
  });

  it('refuses a config whose ignores are not a list of globs, naming the file, line and key', async () => {
    const dir = folder('bad-ignores');
    fs.writeFileSync(path.join(dir, 'hoso.config.yaml'), 'lang: vi\nignores: mau/\n');
    fs.copyFileSync(XLSX, path.join(dir, 'a.xlsx'));
    const run = await hoso(['check', 'a.xlsx'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/hoso\.config\.yaml.*2.*ignores/);
  });

  it('matches folders, names at any depth, and folder-only patterns', () => {
    const base = '/p';
    const ignored = ignoreMatcher([{ base, patterns: ['mau/', '*.bak', 'ho-so/da-gui/**'] }])!;
    expect(ignored('/p/mau', true)).toBe(true);
    expect(ignored('/p/mau', false)).toBe(false);
    expect(ignored('/p/mau/a.xlsx', false)).toBe(true);
    expect(ignored('/p/x/y.bak', false)).toBe(true);
    expect(ignored('/p/ho-so/da-gui/a.xlsx', false)).toBe(true);
    expect(ignored('/p/ho-so/a.xlsx', false)).toBe(false);
    expect(ignored('/p/mau.xlsx', false)).toBe(false);
    expect(ignoreMatcher([{ base, patterns: [] }])).toBeUndefined();
  });
});

describe('globs pass over lock and temporary files as folders do', () => {
  it('does not open ~$ lock files, *.tmp or .~lock.*# files a quoted glob matches', async () => {
    const dir = folder('glob-temp');
    fs.copyFileSync(XLSX, path.join(dir, 'cong-ty.xlsx'));
    fs.writeFileSync(path.join(dir, '~$cong-ty.xlsx'), 'lock');
    fs.writeFileSync(path.join(dir, 'A1B2C3D4.tmp'), 'partial save');
    fs.writeFileSync(path.join(dir, '.~lock.cong-ty.xlsx#'), 'lock');
    const [glob, walked] = await Promise.all([
      hoso(['check', 'glob-temp/{.~*,*}', '-f', 'json'], { cwd: tmp }),
      hoso(['check', 'glob-temp', '-f', 'json'], { cwd: tmp }),
    ]);
    expect(glob.stderr).toBe('');
    expect(glob.code).toBe(1);
    const report: Report = JSON.parse(glob.stdout);
    expect(report.summary.files).toBe(1);
    expect(report.findings.filter((f) => f.severity === 'info').map((f) => [f.file, f.ruleId])).toEqual([
      ['glob-temp/A1B2C3D4.tmp', 'hoso/tep-bo-qua'],
      ['glob-temp/~$cong-ty.xlsx', 'hoso/tep-khoa'],
    ]);
    // The same as the folder walked.
    expect(JSON.parse(walked.stdout).findings).toEqual(report.findings);
  });
});

describe('report and init say what they wrote', () => {
  it('prints one line naming the report, in the language', async () => {
    const out = path.join(folder('report'), 'bao-cao.xlsx');
    const [vi, en] = await Promise.all([hoso(['report', XLSX, '-o', out]), hoso(['report', XLSX, '-o', out.replace('.xlsx', '-en.xlsx'), '--lang', 'en'])]);
    expect(vi.stdout).toBe(`Đã ghi báo cáo: ${out}\n`);
    expect(en.stdout).toBe(`Wrote the report: ${out.replace('.xlsx', '-en.xlsx')}\n`);
    expect(vi.stderr).toBe('');
    expect(fs.existsSync(out)).toBe(true);
  });

  it('prints one sentence naming the template', async () => {
    const dir = folder('init');
    const run = await hoso(['init'], { cwd: dir });
    expect(run).toEqual({ code: 0, stdout: 'Đã ghi mẫu hồ sơ: mau-ho-so.xlsx\n', stderr: '' });
    const en = await hoso(['init', '-o', 'en.xlsx', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toBe('Wrote the template: en.xlsx\n');
  });
});
