/**
 * hoso never reads its own outputs as dossiers: annotated copies, a report and a template written
 * into the folder being checked are passed over by the next check with an info line naming each,
 * the dossiers' findings and the exit code as before — with the cache and worker threads alike.
 * The same file named on the command line is checked, and so is one an officer saved again in
 * Excel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { editZip } from '../../scripts/fixture-kit/zip.js';
import { hoso, viDuWorkspace, type Report, type ReportFinding } from '../support/cli.js';

vi.setConfig({ testTimeout: 120_000 });

const OWN = 'hoso/tep-cua-hoso';
let ws: string;
let before: { code: number | null; report: Report };

async function check(args: string[]): Promise<{ code: number | null; report: Report; stderr: string }> {
  const run = await hoso(['check', ...args, '-f', 'json'], { cwd: ws });
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

const own = (r: Report) => r.findings.filter((f) => f.ruleId === OWN);
const others = (r: Report) => r.findings.filter((f) => f.ruleId !== OWN);
const ownNote = (file: string, what: string): ReportFinding =>
  expect.objectContaining({ ruleId: OWN, severity: 'info', file, message: `Tệp do hoso tạo ra (${what}), không phải hồ sơ: bỏ qua; nêu tên tệp nếu muốn kiểm tra nó.` });

beforeAll(async () => {
  ws = viDuWorkspace('hoso-own-outputs-');
  before = await check(['vi-du']);
  expect(own(before.report)).toEqual([]);
});
afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));

describe('a check of a folder holding what hoso wrote into it', () => {
  const outputs = [
    ['vi-du/ann/cong-ty-nong-san.xlsx', 'bản có đánh dấu'],
    ['vi-du/ann/phong-gd-dt.xlsx', 'bản có đánh dấu'],
    ['vi-du/ann/xa-dak-pne-tong-hop.xlsx', 'bản có đánh dấu'],
    ['vi-du/ann/xa-dak-to-lung.xlsx', 'bản có đánh dấu'],
    ['vi-du/bao-cao.xlsx', 'báo cáo'],
    ['vi-du/mau-ho-so.xlsx', 'mẫu hồ sơ'],
  ];

  beforeAll(async () => {
    expect((await hoso(['check', 'vi-du', '--annotate', 'vi-du/ann'], { cwd: ws })).code).toBe(before.code);
    expect((await hoso(['report', 'vi-du', '-o', 'vi-du/bao-cao.xlsx'], { cwd: ws })).code).toBe(before.code);
    expect((await hoso(['init', '-o', 'vi-du/mau-ho-so.xlsx'], { cwd: ws })).code).toBe(0);
  });

  it('passes over the copies, the report and the template, naming each in an info line; all else as before', async () => {
    const after = await check(['vi-du']);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(before.code);
    expect(others(after.report)).toEqual(before.report.findings);
    expect(own(after.report)).toEqual(outputs.map(([file, what]) => ownNote(file, what)));
    expect(after.report.summary).toEqual(before.report.summary);
  });

  it('says it in English with --lang en', async () => {
    const after = await check(['vi-du', '--lang', 'en']);
    expect(own(after.report).map((f) => f.message)).toContain('A file hoso wrote (a report), not a dossier: passed over; name the file to have it checked.');
  });

  it('gives the same report with the cache (cold and warm) and with worker threads', async () => {
    const plain = await check(['vi-du']);
    const cache = ['--cache', '--cache-location', path.join(ws, '.hoso-cache')];
    for (const args of [cache, cache, ['-j', '2']]) {
      const run = await check(['vi-du', ...args]);
      expect(run.report.findings, args.join(' ')).toEqual(plain.report.findings);
      expect(run.code).toBe(plain.code);
    }
  });

  it('passes over them when a glob matches them, as a folder does', async () => {
    const run = await check(['vi-du/**/*.xlsx']);
    expect(own(run.report).map((f) => f.file)).toEqual(outputs.map(([file]) => file));
    expect(run.report.summary.files).toBe(3);
  });

  it('checks a copy named on the command line, as asked', async () => {
    const run = await check(['vi-du/ann/xa-dak-to-lung.xlsx']);
    expect(own(run.report)).toEqual([]);
    expect(run.report.summary.files).toBe(1);
    expect(run.report.findings.some((f) => f.ruleId === 'ca-nhan/htxsnv-hang-nam')).toBe(true);
  });

  it('lets report -o replace its own previous report: it is no longer an input', async () => {
    const run = await hoso(['report', 'vi-du', '-o', 'vi-du/bao-cao.xlsx'], { cwd: ws });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(before.code);
    // The dossiers are untouched, and the folder holds no more than it did.
    expect(fs.readdirSync(path.join(ws, 'vi-du')).sort()).toEqual(['ann', 'bao-cao.xlsx', 'cong-ty-nong-san.xlsx', 'mau-ho-so.xlsx', 'phong-gd-dt.xlsx', 'xa-dak-pne-tong-hop.csv', 'xa-dak-to-lung.xlsx']);
  });
});

describe('a copy saved again by Excel', () => {
  it('is a dossier again: checked, with no note', async () => {
    const dir = path.join(ws, 'sua');
    fs.mkdirSync(dir);
    expect((await hoso(['check', 'vi-du/xa-dak-to-lung.xlsx', '--annotate', 'sua'], { cwd: ws })).code).toBe(1);
    const copy = path.join(dir, 'xa-dak-to-lung.xlsx');
    const skipped = await check(['sua']);
    expect(own(skipped.report).map((f) => f.file)).toEqual(['sua/xa-dak-to-lung.xlsx']);
    expect(skipped.code).toBe(2); // a folder with nothing to check
    fs.writeFileSync(copy, editZip(fs.readFileSync(copy), (name, text) => (name === 'docProps/app.xml' ? text.replace('<Application>hoso-lint</Application>', '<Application>Microsoft Excel</Application>') : undefined)));
    const resaved = await check(['sua']);
    expect(own(resaved.report)).toEqual([]);
    expect(resaved.report.summary.files).toBe(1);
    expect(resaved.report.findings.some((f) => f.file === 'sua/xa-dak-to-lung.xlsx' && f.ruleId === 'ca-nhan/htxsnv-hang-nam')).toBe(true);
  });
});
