/**
 * Checking in worker threads must give exactly what checking in one thread gives, including the
 * rules over every file (a nominee listed by two units, the caps over all inputs), which the main
 * thread runs from the workers' row snapshots.
 */
import { describe, expect, it, vi } from 'vitest';
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

  it('refuses a --jobs that is not a positive whole number', async () => {
    const run = await hoso(['check', 'fixtures/vi-du', '-j', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jobs/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
