/** `--cache`: unchanged files are not read again, and nothing stale is ever reported. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { growCsv } from '../support/big-csv.js';
import { FIXTURES, hoso, viDuWorkspace } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const workspace = () => viDuWorkspace('hoso-cache-');

const check = (dir: string, ...more: string[]) => hoso(['check', 'vi-du', '--cache', '-f', 'json', '-j', '1', ...more], { cwd: dir });
const cachedFiles = (dir: string, location = '.hoso-cache') =>
  Object.keys((JSON.parse(fs.readFileSync(path.join(dir, location), 'utf8')) as { files: Record<string, unknown> }).files).map((f) => path.basename(f)).sort();

describe('the cache', () => {
  it('gives the same report from the cache, and leaves the cache alone when nothing changed', async () => {
    const dir = workspace();
    const first = await check(dir);
    const cacheFile = path.join(dir, '.hoso-cache');
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(stored.files)).toHaveLength(4);
    const before = fs.statSync(cacheFile).mtimeMs;
    const second = await check(dir);
    expect(second.code).toBe(first.code);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(fs.statSync(cacheFile).mtimeMs).toBe(before);
  });

  it('reads a file again when its content changed, and keeps cross-file rules exact', async () => {
    const dir = workspace();
    await check(dir);
    // The education office's file replaced by a clean one: its findings, and the cross-file
    // duplicate it took part in, must go; the other files' findings stay.
    fs.copyFileSync(path.join(FIXTURES, 'fields/giao-duc-dat.xlsx'), path.join(dir, 'vi-du/phong-gd-dt.xlsx'));
    const after = JSON.parse((await check(dir)).stdout) as { findings: { ruleId: string; file: string }[] };
    const fresh = JSON.parse((await hoso(['check', 'vi-du', '-f', 'json', '-j', '1'], { cwd: dir })).stdout);
    expect(after).toEqual(fresh);
    // Only the instructions sheet it holds is named, as passed over.
    expect(after.findings.filter((f) => f.file.endsWith('phong-gd-dt.xlsx')).map((f) => f.ruleId)).toEqual(['hoso/trang-bo-qua']);
    expect(after.findings.some((f) => f.ruleId === 'chung/trung-lap')).toBe(false);
  });

  it('is dropped when the rules or the profiles change', async () => {
    const dir = workspace();
    await check(dir);
    const key = () => (JSON.parse(fs.readFileSync(path.join(dir, '.hoso-cache'), 'utf8')) as { key: string }).key;
    const k1 = key();
    const withProfile = await check(dir, '--profile', 'kon-ray/xa');
    expect(key()).not.toBe(k1);
    const fresh = await hoso(['check', 'vi-du', '--profile', 'kon-ray/xa', '-f', 'json', '-j', '1'], { cwd: dir });
    expect(JSON.parse(withProfile.stdout)).toEqual(JSON.parse(fresh.stdout));
    fs.writeFileSync(path.join(dir, 'local.yaml'), 'pack: dia-phuong\ntitle: Thử\ncolumns:\n  - { key: ten, aliases: [Tên người được đề nghị] }\n');
    const k2 = key();
    await check(dir, '--profile', 'kon-ray/xa', '--rules', 'local.yaml');
    expect(key()).not.toBe(k2);
  });

  it('never writes one over an input', async () => {
    const dir = workspace();
    const input = path.join(dir, 'vi-du/phong-gd-dt.xlsx');
    const bytes = fs.readFileSync(input);
    const refused = await check(dir, '--cache-location', 'vi-du/phong-gd-dt.xlsx');
    expect(refused.code).toBe(2);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
  });

  it('checks files over STREAM_BYTES in their turn, streaming, and does not cache them while rules over every file are in force', async () => {
    const dir = workspace();
    await check(dir);
    expect(cachedFiles(dir)).toContain('xa-dak-pne-tong-hop.csv');
    const big = path.join(dir, 'vi-du/xa-dak-pne-tong-hop.csv');
    growCsv(big);
    fs.copyFileSync(big, path.join(dir, 'vi-du/xa-dak-pne-ban-sao.csv'));
    const fresh = await hoso(['check', 'vi-du', '-f', 'json', '-j', '1'], { cwd: dir });
    const report = JSON.parse(fresh.stdout) as { summary: { rows: number }; findings: { ruleId: string; file: string; message: string }[] };
    expect(report.summary.rows).toBeGreaterThan(30_000);
    // The big files are third and fourth of five: the duplicate's "elsewhere" lists follow the files' order.
    const duplicates = report.findings.filter((f) => f.ruleId === 'chung/trung-lap' && f.message.startsWith('«Y Hơn»'));
    expect(duplicates.map((f) => path.basename(f.file))).toEqual(['phong-gd-dt.xlsx', 'xa-dak-pne-ban-sao.csv', 'xa-dak-pne-tong-hop.csv', 'xa-dak-to-lung.xlsx']);
    expect(duplicates[0].message).toMatch(/ban-sao\.csv.*tong-hop\.csv.*to-lung\.xlsx/);
    const others = ['cong-ty-nong-san.xlsx', 'phong-gd-dt.xlsx', 'xa-dak-to-lung.xlsx'];
    // Worker threads and a new cache; then the old cache, whose entry for the file is dropped;
    // then that cache again, warm, in one thread and with the two big files in worker threads.
    const runs = [
      [['-j', '2', '--cache-location', 'other-cache'], 'other-cache'],
      [[], '.hoso-cache'],
      [[], '.hoso-cache'],
      [['-j', '2'], '.hoso-cache'],
    ] as const;
    for (const [more, location] of runs) {
      const run = await check(dir, ...more);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(fresh.code);
      expect(JSON.parse(run.stdout)).toEqual(report);
      expect(cachedFiles(dir, location)).toEqual(others);
    }
  });

  it('caches a large file like any other when no rule looks over every file', async () => {
    const dir = workspace();
    growCsv(path.join(dir, 'vi-du/xa-dak-pne-tong-hop.csv'));
    const pack = [
      'pack: mot-tep',
      'title: Thử',
      'columns:',
      '  - { key: ten, header: Họ và tên / Tên tập thể, type: text }',
      '  - { key: don_vi, header: Đơn vị công tác, type: text }',
      'rules:',
      '  - id: mot-tep/trung-lap',
      '    title: Không trùng trong một tệp',
      '    source: thử',
      '    check: unique',
      '    with: { columns: [ten], scope: file }',
      '    examples:',
      '      valid: [{ rows: [{ ten: An }, { ten: Bình }] }]',
      '      invalid: [{ rows: [{ ten: An }, { ten: An }] }]',
    ];
    fs.writeFileSync(path.join(dir, 'mot-tep.yaml'), pack.join('\n') + '\n');
    const args = ['--no-default-rules', '--rules', 'mot-tep.yaml'];
    const first = await check(dir, ...args);
    expect(first.stderr).toBe('');
    expect(cachedFiles(dir)).toContain('xa-dak-pne-tong-hop.csv');
    const second = await check(dir, ...args);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(JSON.parse(first.stdout).summary.rows).toBeGreaterThan(15_000);
  });
});
