/**
 * The config in force is named: a hoso.config.yaml in any folder above the current one (a home, a
 * shared temporary folder) can turn rules off and change severities, so the stylish summary and
 * the JSON summary say which one held, and `check --print-config` shows what a check would run
 * with, checking nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, hoso, ROOT, type Report } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const CONFIG = ['profiles: [kon-ray/xa]', 'severity:', '  chung/thanh-tich-thuc-chat: "off"', '  "hung-yen/": warning', 'profiles-for:', '  xa: [binh-dinh/xa]', ''].join('\n');

let tmp: string;
/** A project whose config sits two folders above the dossiers, and a folder with no config above it. */
let project: string;
let dossiers: string;
let outside: string;
let config: string;
let dossier: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-config-'));
  project = path.join(tmp, 'so-noi-vu');
  dossiers = path.join(project, 'ho-so', 'dot-1');
  fs.mkdirSync(dossiers, { recursive: true });
  config = path.join(project, 'hoso.config.yaml');
  fs.writeFileSync(config, CONFIG);
  dossier = path.join(dossiers, 'phong-gd-dt.xlsx');
  fs.copyFileSync(path.join(FIXTURES, 'fields/giao-duc-khong-dat.xlsx'), dossier);
  // The system's temporary folder may itself sit under someone's config: the repository has none.
  outside = ROOT;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const lastLines = (s: string, n: number) => s.trimEnd().split('\n').slice(-n);

describe('the config in force, in the reports', () => {
  it('stylish: a line before the verdict names a config found in a parent folder, by its full path', async () => {
    const vi_ = await hoso(['check', '.'], { cwd: dossiers });
    expect(vi_.code).toBe(1);
    expect(lastLines(vi_.stdout, 3)).toEqual([expect.stringMatching(/^\d+ vấn đề/), `Cấu hình: ${config}`, expect.stringMatching(/^✖ \d+ lỗi — mã thoát 1$/)]);
    const en = await hoso(['check', '.', '--lang', 'en'], { cwd: dossiers });
    expect(lastLines(en.stdout, 2)).toEqual([`Config: ${config}`, expect.stringMatching(/^✖ \d+ errors? — exit code 1$/)]);
  });

  it('stylish: no such line when no config is in force, and the findings are those of no config', async () => {
    const run = await hoso(['check', dossier], { cwd: outside });
    expect(run.stdout).not.toMatch(/Cấu hình|Config:/);
    expect(lastLines(run.stdout, 2)).toEqual([expect.stringMatching(/^\d+ vấn đề/), expect.stringMatching(/^✖ \d+ lỗi — mã thoát 1$/)]);
  });

  it('stylish: a config inside the current folder is named relative to it; --config names the one given', async () => {
    const here = await hoso(['check', 'ho-so'], { cwd: project });
    expect(lastLines(here.stdout, 2)[0]).toBe('Cấu hình: hoso.config.yaml');
    const given = await hoso(['check', dossier, '--config', path.relative(ROOT, config)], { cwd: ROOT });
    expect(lastLines(given.stdout, 2)[0]).toBe(`Cấu hình: ${config}`);
  });

  it('json: summary.config is the config file, or null, and the rest of the summary is unchanged', async () => {
    const withConfig: Report & { summary: { config: string | null } } = JSON.parse((await hoso(['check', '.', '-f', 'json'], { cwd: dossiers })).stdout);
    expect(withConfig.summary.config).toBe(config);
    expect(withConfig.findings.map((f) => f.ruleId)).not.toContain('chung/thanh-tich-thuc-chat');
    const without: Report & { summary: Record<string, unknown> } = JSON.parse((await hoso(['check', dossier, '-f', 'json'], { cwd: outside })).stdout);
    expect(without.summary).toEqual({ files: 1, rows: expect.any(Number), errors: expect.any(Number), warnings: expect.any(Number), unreadable: 0, config: null, suppressed: 0, suppressions: null, ignored: 0 });
    expect(Object.keys(withConfig.summary)).toEqual(Object.keys(without.summary));
  });

  it('a config path with a line break or an escape sequence is shown escaped, never raw', async () => {
    const odd = path.join(tmp, 'a\nb\u001B[8m');
    fs.mkdirSync(path.join(odd, 'x'), { recursive: true });
    fs.writeFileSync(path.join(odd, 'hoso.config.yaml'), 'lang: vi\n');
    const run = await hoso(['check', dossier], { cwd: path.join(odd, 'x') });
    expect(lastLines(run.stdout, 2)[0]).toBe(`Cấu hình: ${tmp}/a\\u{A}b\\u{1B}[8m/hoso.config.yaml`);
    expect(run.stdout).not.toContain('\u001B');
  });
});

describe('hoso check --print-config', () => {
  it('prints the config, the packs loaded, the profiles and the severity overrides, and exits 0 checking nothing', async () => {
    const run = await hoso(['check', '--print-config'], { cwd: dossiers });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Cấu hình: ${config}`);
    expect(lines[1]).toMatch(/^Bộ quy tắc \(\d+ tệp\):$/);
    expect(lines).toContain(`  ${path.join(ROOT, 'rules', 'chung.yaml')}`);
    expect(lines).toContain('Hồ sơ định mức: kon-ray/xa');
    expect(lines.slice(-5)).toEqual(['Hồ sơ định mức theo thư mục hoặc mẫu:', '  xa: binh-dinh/xa', 'Mức độ đổi trong cấu hình:', '  chung/thanh-tich-thuc-chat: off', '  hung-yen/: warning']);
  });

  it('checks nothing: a path that does not exist is not even looked at, and no report is written', async () => {
    const out = path.join(tmp, 'never.json');
    const run = await hoso(['check', 'khong-co.xlsx', '--print-config', '-o', out], { cwd: dossiers });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^Cấu hình: /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('with no config: says so, lists the bundled packs, and names the packs of --rules and --no-default-rules', async () => {
    const en = await hoso(['check', '--print-config', '--lang', 'en', '--profile', 'binh-dinh/xa'], { cwd: outside });
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^Config: \(none\)\nRule packs \(\d+ files\):\n( {2}rules\/[a-z0-9-]+\.yaml\n)+Profiles/);
    expect(en.stdout).toContain('  rules/chung.yaml\n');
    expect(en.stdout).toContain('Profiles: binh-dinh/xa\nSeverity overrides: (none)\n');
    const own = await hoso(['check', '--print-config', '--no-default-rules', '--rules', 'rules/chung.yaml'], { cwd: outside });
    expect(own.stdout).toContain('Bộ quy tắc (1 tệp):\n  rules/chung.yaml\n');
  });

  it('-f json: the same as one JSON document', async () => {
    const run = await hoso(['check', '--print-config', '-f', 'json'], { cwd: dossiers });
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ config, profiles: ['kon-ray/xa'], profilesFor: { xa: ['binh-dinh/xa'] }, severity: { 'chung/thanh-tich-thuc-chat': 'off', 'hung-yen/': 'warning' } });
    expect(doc.packs).toContain(path.join(ROOT, 'rules', 'chung.yaml'));
  });

  it('without --print-config, check still needs a path (one line, exit 2)', async () => {
    const run = await hoso(['check'], { cwd: dossiers });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hoso: thiếu tệp hoặc thư mục cần kiểm tra\n');
    expect(run.stdout).toBe('');
  });
});
