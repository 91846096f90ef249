/**
 * Checking in worker threads must give exactly what checking in one thread gives, including the
 * rules over every file (a nominee listed by two units, the caps over all inputs), which the main
 * thread runs from the workers' row snapshots.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { workerCount } from '../../src/engine/check.js';
import { hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

describe('checking on every core', () => {
  for (const [fixture, profiles] of [
    ['fixtures/vi-du', []],
    ['fixtures/layout/trung-lap-hai-tep', []],
    ['fixtures/profiles/hung-yen__dai-hoi-toan-quoc-khong-dat', ['--profile', 'hung-yen/dai-hoi-toan-quoc']],
    ['fixtures/fields', ['--profile', 'hung-yen/phong-trao', '--profile', 'kon-ray/xa']],
  ] as const) {
    it(`gives ${fixture} the same report with 1 and with 3 worker threads`, async () => {
      const one = await hoso(['check', fixture, ...profiles, '-f', 'json', '-j', '1']);
      const three = await hoso(['check', fixture, ...profiles, '-f', 'json', '-j', '3']);
      expect(one.stderr).toBe('');
      expect(three.stderr).toBe('');
      expect(three.code).toBe(one.code);
      expect(JSON.parse(three.stdout)).toEqual(JSON.parse(one.stdout));
      expect(JSON.parse(one.stdout).findings.length).toBeGreaterThan(0);
    });
  }

  it('names an unreadable file among many, and still checks the others, in worker threads', async () => {
    const run = await hoso(['check', 'fixtures/vi-du', 'README.md', '-f', 'json', '-j', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/README\.md/);
    expect(JSON.parse(run.stdout).summary.files).toBe(5);
  });

  it('starts a worker per 4 MiB of input, up to one fewer than the cores, when the number is left to it, and as many as asked for otherwise', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-jobs-'));
    const files = (sizes: number[]) =>
      sizes.map((size, i) => {
        const f = path.join(dir, `${sizes.length}-${i}.xlsx`);
        fs.writeFileSync(f, '');
        fs.truncateSync(f, size);
        return f;
      });
    const MiB = 1024 * 1024;
    const small = files(Array(40).fill(30 * 1024));
    expect(workerCount(small, 8, true)).toBe(0);
    expect(workerCount(small, 8, false)).toBe(8);
    const large = files([9 * MiB, 3 * MiB, 1 * MiB]);
    expect(workerCount(large, 8, true)).toBe(3);
    expect(workerCount(large, 3, true)).toBe(2);
    expect(workerCount(large, 2, true)).toBe(1);
    expect(workerCount(large, 2, false)).toBe(2);
    expect(workerCount(large.slice(1), 8, true)).toBe(1);
    expect(workerCount([...large, path.join(dir, 'missing.xlsx')], 8, true)).toBe(3);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a --jobs that is not a positive whole number', async () => {
    const run = await hoso(['check', 'fixtures/vi-du', '-j', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jobs/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
