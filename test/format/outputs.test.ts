import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { planOutputs } from '../../src/format/index.js';
import { hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-outputs-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const input = 'fixtures/fields/giao-duc-khong-dat.xlsx';

describe('pairing -f with -o', () => {
  it('pairs formats and files in order; a format left over goes to stdout; none means stylish', () => {
    expect(planOutputs(['json', 'sarif'], ['a.json', 'b.sarif'])).toEqual([
      { format: 'json', file: 'a.json' },
      { format: 'sarif', file: 'b.sarif' },
    ]);
    expect(planOutputs(['json', 'github'], ['a.json'])).toEqual([{ format: 'json', file: 'a.json' }, { format: 'github' }]);
    expect(planOutputs(undefined, ['r.txt'])).toEqual([{ format: 'stylish', file: 'r.txt' }]);
    expect(planOutputs()).toEqual([{ format: 'stylish' }]);
  });

  it('refuses more files than formats, two formats for stdout, and one file twice', () => {
    expect(planOutputs(['json'], ['a', 'b'])).toHaveProperty('problem');
    expect(planOutputs(['json', 'sarif'], [])).toHaveProperty('problem');
    expect(planOutputs(['json', 'csv'], ['a', 'a'])).toHaveProperty('problem');
  });
});

describe.concurrent('hoso check with several -f/-o', () => {
  it('writes each report to its file in one run, and the one without -o to stdout', async () => {
    const a = path.join(tmp, 'a.json');
    const b = path.join(tmp, 'b.sarif');
    const run = await hoso(['check', input, '-f', 'json', '-o', a, '-f', 'sarif', '-o', b, '-f', 'github']);
    expect(run.code).toBe(1);
    const report = JSON.parse(fs.readFileSync(a, 'utf8'));
    const log = JSON.parse(fs.readFileSync(b, 'utf8'));
    expect(log.runs[0].results).toHaveLength(report.findings.length);
    expect(run.stdout.trim().split('\n')).toHaveLength(report.findings.length);
    expect(run.stdout).toMatch(/^::(error|warning|notice) file=/);
  });

  it('exits 2 with one line when two formats would both go to stdout, and writes nothing', async () => {
    const run = await hoso(['check', input, '-f', 'json', '-f', 'sarif']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for an unknown format, naming the choices', async () => {
    const run = await hoso(['check', input, '-f', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('stylish, json, sarif, junit, github, csv');
  });

  it('keeps a single -f/-o as before, and never writes over an input', async () => {
    const out = path.join(tmp, 'one.csv');
    const run = await hoso(['check', input, '-f', 'csv', '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^\uFEFFfile,sheet,cell,/);
    const copy = path.join(tmp, 'input.xlsx');
    fs.copyFileSync(input, copy);
    const before = fs.readFileSync(copy);
    const clash = await hoso(['check', copy, '-f', 'json', '-o', path.join(tmp, 'ok.json'), '-f', 'csv', '-o', copy]);
    expect(clash.code).toBe(2);
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
  });
});
