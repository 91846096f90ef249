/**
 * A province's folder checked in one run, each unit held to its own quota: hoso.config.yaml maps
 * sub-folders and globs to profiles.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, hoso, type Report } from '../support/cli.js';
import { profileResolver } from '../../src/engine/profiles.js';

vi.setConfig({ testTimeout: 60_000 });

function province(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-province-'));
  fs.mkdirSync(path.join(dir, 'xa'));
  fs.mkdirSync(path.join(dir, 'doanh-nghiep'));
  fs.copyFileSync(path.join(FIXTURES, 'profiles/binh-dinh__xa-khong-dat.xlsx'), path.join(dir, 'xa/phuoc-son.xlsx'));
  fs.copyFileSync(path.join(FIXTURES, 'profiles/binh-dinh__doanh-nghiep-khong-dat.xlsx'), path.join(dir, 'doanh-nghiep/duong-binh-dinh.xlsx'));
  fs.writeFileSync(
    path.join(dir, 'hoso.config.yaml'),
    ['profiles-for:', '  xa: [binh-dinh/xa]', '  "doanh-nghiep/*.xlsx": [binh-dinh/doanh-nghiep]', ''].join('\n'),
  );
  return dir;
}

describe('profiles per folder', () => {
  it('maps a folder and a glob to profiles, relative to the config file', () => {
    const of = profileResolver(['hung-yen/dai-hoi-tinh'], { base: '/p', map: { xa: ['binh-dinh/xa'], 'dn/*.xlsx': ['binh-dinh/doanh-nghiep'] } });
    expect([...of('/p/xa/a/b.xlsx')].sort()).toEqual(['binh-dinh/xa', 'hung-yen/dai-hoi-tinh']);
    expect([...of('/p/dn/c.xlsx')].sort()).toEqual(['binh-dinh/doanh-nghiep', 'hung-yen/dai-hoi-tinh']);
    expect([...of('/p/dn/sub/c.xlsx')]).toEqual(['hung-yen/dai-hoi-tinh']);
    expect([...of('/q/xa/c.xlsx')]).toEqual(['hung-yen/dai-hoi-tinh']);
  });

  for (const jobs of ['1', '2']) {
    it(`holds the commune and the enterprise each to its own quota (${jobs} thread${jobs === '1' ? '' : 's'})`, async () => {
      const dir = province();
      const run = await hoso(['check', '.', '-f', 'json', '-j', jobs], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as Report;
      const quotas = report.findings.filter((f) => f.ruleId.startsWith('binh-dinh/')).map((f) => [f.ruleId, f.file]);
      expect(quotas).toEqual([
        ['binh-dinh/doanh-nghiep/ca-nhan', 'doanh-nghiep/duong-binh-dinh.xlsx'],
        ['binh-dinh/xa/ca-nhan', 'xa/phuoc-son.xlsx'],
      ]);
    });
  }

  it('rejects a mapping to a profile that does not exist, with one line', async () => {
    const dir = province();
    fs.writeFileSync(path.join(dir, 'hoso.config.yaml'), 'profiles-for:\n  xa: [binh-dinh/xa-phuong]\n');
    const run = await hoso(['check', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/binh-dinh\/xa-phuong/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('accepts a glob the shell did not expand', async () => {
    const run = await hoso(['check', 'fixtures/vi-du/*.csv', '-f', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.summary.files).toBe(1);
    expect(report.findings.every((f) => f.file === 'fixtures/vi-du/xa-dak-pne-tong-hop.csv')).toBe(true);
  });
});
