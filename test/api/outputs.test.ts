/**
 * The library's copies and reports (check({ annotate, reports })), as the offline page asks for
 * them: made in the same pass as the report, they equal what `hoso check --annotate` and
 * `hoso report -o` write for the same files — fixtures/vi-du dropped as a folder — part for part
 * once inflated; the report object and verdict are the ones a check without them gives; and the
 * inputs' bytes are not touched.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readZip } from '../../scripts/fixture-kit/zip.js';
import { check, report, type CheckResponse } from '../../src/api.js';
import { hoso } from '../support/cli.js';
import { filesUnder } from '../support/api.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const FOLDER = 'fixtures/vi-du';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-api-outputs-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const partsOf = (zip: Uint8Array) => readZip(Buffer.from(zip)).map((p) => [p.name, p.data.toString('latin1')] as const);

// The files as a page hands them over: named by their path in the dropped folder, which is named too.
const dropped = filesUnder(FOLDER)
  .sort()
  .map((rel) => ({ name: `vi-du/${rel}`, data: new Uint8Array(fs.readFileSync(path.join(FOLDER, rel))), walked: true }));
const before = dropped.map((f) => sha(f.data));

let made: CheckResponse;
let plain: CheckResponse;
let cliCopies: Map<string, Buffer>;
let cliXlsx: Buffer;
let cliHtml: string;

beforeAll(async () => {
  const out = path.join(tmp, 'copies');
  // Run in fixtures/, the CLI names the files as the page does: vi-du/….
  const cwd = path.dirname(FOLDER);
  await hoso(['check', 'vi-du', '-f', 'json', '--annotate', out], { cwd });
  cliCopies = new Map((fs.readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[]).map((f) => [f.split(path.sep).join('/'), fs.readFileSync(path.join(out, f))]));
  await hoso(['report', 'vi-du', '-o', path.join(tmp, 'r.xlsx')], { cwd });
  await hoso(['report', 'vi-du', '-o', path.join(tmp, 'r.html')], { cwd });
  cliXlsx = fs.readFileSync(path.join(tmp, 'r.xlsx'));
  cliHtml = fs.readFileSync(path.join(tmp, 'r.html'), 'utf8');
  made = await check({ files: dropped, annotate: true, reports: ['xlsx', 'html'] });
  plain = await check({ files: dropped });
});

describe('check with annotate and reports', () => {
  it('gives the report, code and verdict a check without them gives', () => {
    expect(made.report).toEqual(plain.report);
    expect(made.exitCode).toBe(plain.exitCode);
    expect(made.verdict).toBe(plain.verdict);
    expect(made.report.findings.length).toBeGreaterThan(0);
    expect(plain.copies).toBeUndefined();
    expect(plain.reports).toBeUndefined();
  });

  it('makes one copy per workbook the CLI copies, under the same names, none failed', () => {
    expect(made.copyFailures).toEqual([]);
    expect(made.copies!.map((c) => c.name).sort()).toEqual([...cliCopies.keys()].sort());
    expect(made.copies!.length).toBeGreaterThan(1);
  });

  it('makes each copy with the parts the CLI’s copy has, once inflated', () => {
    for (const copy of made.copies!) expect(partsOf(copy.data), copy.name).toEqual(partsOf(cliCopies.get(copy.name)!));
  });

  it('makes the batch reports hoso report writes: the page byte for byte, the workbook part for part', () => {
    expect(new TextDecoder().decode(made.reports!.html)).toBe(cliHtml);
    expect(partsOf(made.reports!.xlsx!)).toEqual(partsOf(cliXlsx));
  });

  it('leaves the inputs’ bytes as they were', () => {
    expect(dropped.map((f) => sha(f.data))).toEqual(before);
  });

  it('report() gives the one report asked for, with the check’s code', async () => {
    const one = await report({ files: dropped, format: 'html' });
    expect(new TextDecoder().decode(one.data)).toBe(cliHtml);
    expect(one.exitCode).toBe(plain.exitCode);
  });
});
