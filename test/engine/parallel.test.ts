/**
 * Checking in worker threads must give exactly what checking in one thread gives, including the
 * rules over every file (a nominee listed by two units, the caps over all inputs), which the main
 * thread runs from the workers' row snapshots.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Worker } from 'node:worker_threads';
import { jobsInForce } from '../../src/cli/jobs.js';
import { workerCount } from '../../src/engine/check.js';
import { CREDITS, SNAPSHOT_BATCH, type FileReply, type SnapshotBatch, type WorkerSetup } from '../../src/engine/parallel.js';
import { forEachSnapshotRow } from '../../src/engine/snapshot.js';
import { bundledRulesDir, expandPackPaths } from '../../src/rules/load.js';
import { growCsv } from '../support/big-csv.js';
import { FIXTURES, ROOT, hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

describe('checking on every core', () => {
  for (const [fixture, profiles] of [
    ['fixtures/vi-du', []],
    ['fixtures/layout/trung-lap-hai-tep', []],
    ['fixtures/profiles/hung-yen__dai-hoi-toan-quoc-khong-dat', ['--profile', 'hung-yen/dai-hoi-toan-quoc']],
    ['fixtures/fields', ['--profile', 'hung-yen/phong-trao', '--profile', 'kon-ray/xa']],
  ] as const) {
    it(`gives ${fixture} the same report with 1 and with up to 3 worker threads (as many as the cores allow)`, async () => {
      const one = await hoso(['check', fixture, ...profiles, '-f', 'json', '-j', '1']);
      const three = await hoso(['check', fixture, ...profiles, '-f', 'json', '-j', String(Math.min(3, os.availableParallelism()))]);
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

  it('lowers a --jobs above the cores to the cores, and leaves one at or below them, or left unsaid, alone', () => {
    expect(jobsInForce(undefined, 'vi', 4)).toEqual({ jobs: 4, auto: true });
    expect(jobsInForce(4, 'vi', 4)).toEqual({ jobs: 4, auto: false });
    expect(jobsInForce(1, 'en', 4)).toEqual({ jobs: 1, auto: false });
    expect(jobsInForce(100_000, 'vi', 4)).toEqual({ jobs: 4, auto: false, note: '--jobs 100000 nhiều hơn 4 lõi CPU của máy: kiểm tra 4 tệp cùng lúc' });
    expect(jobsInForce(5, 'en', 4).note).toBe('--jobs 5 is more than the 4 cores available: checking 4 files at once');
  });

  it('checks with -j 100000 as with -j 1, with one note on stderr (Vietnamese, or English with --lang en)', async () => {
    const cores = os.availableParallelism();
    const one = await hoso(['check', 'fixtures/vi-du', '-f', 'json', '-j', '1']);
    const many = await hoso(['check', 'fixtures/vi-du', '-f', 'json', '-j', '100000']);
    expect(many.code).toBe(one.code);
    expect(JSON.parse(many.stdout)).toEqual(JSON.parse(one.stdout));
    expect(many.stderr).toBe(`hoso: --jobs 100000 nhiều hơn ${cores} lõi CPU của máy: kiểm tra ${cores} tệp cùng lúc\n`);
    const en = await hoso(['report', 'fixtures/vi-du', '-o', path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-jobs-')), 'r.xlsx'), '-j', '100000', '--lang', 'en']);
    expect(en.stderr).toBe(`hoso: --jobs 100000 is more than the ${cores} cores available: checking ${cores} files at once\n`);
    expect(en.code).toBe(one.code);
  });

  it('refuses a --jobs that is not a positive whole number', async () => {
    const run = await hoso(['check', 'fixtures/vi-du', '-j', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jobs/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('has a worker send a large file’s snapshots in batches as its rows stream, and wait for credit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-stream-'));
    const file = path.join(dir, 'lon.csv');
    fs.copyFileSync(path.join(FIXTURES, 'vi-du/xa-dak-pne-tong-hop.csv'), file);
    growCsv(file);
    const setup: WorkerSetup = { packFiles: expandPackPaths([bundledRulesDir()]), profiles: [], lang: 'vi' };
    // The built worker, as the CLI starts it.
    const worker = new Worker(path.join(ROOT, 'dist/src/engine/worker.js'), { workerData: setup });
    try {
      const batches: SnapshotBatch[] = [];
      let reply: FileReply | undefined;
      let heard = () => {};
      worker.on('message', (m: SnapshotBatch | FileReply) => {
        if ('batch' in m) batches.push(m);
        else reply = m;
        heard();
      });
      const quiet = () => new Promise<void>((resolve) => setTimeout(resolve, 300));
      const message = () => new Promise<void>((resolve) => (heard = resolve));
      worker.postMessage({ index: 7, file, stream: true });
      // Without credit back, it stops after CREDITS batches.
      while (batches.length < CREDITS) await message();
      await quiet();
      expect(batches).toHaveLength(CREDITS);
      expect(reply).toBeUndefined();
      while (!reply) {
        const before = batches.length;
        worker.postMessage({ credit: true });
        await Promise.race([message(), quiet()]);
        expect(batches.length + (reply ? 1 : 0)).toBeGreaterThan(before);
      }
      expect(batches.every((b) => b.index === 7 && b.batch.n >= SNAPSHOT_BATCH)).toBe(true);
      const rowNumbers: number[] = [];
      for (const s of [...batches.map((b) => b.batch), reply.snapshots]) forEachSnapshotRow(s, (r) => rowNumbers.push(r.row));
      expect(rowNumbers).toHaveLength(reply.rows);
      expect(reply.rows).toBeGreaterThan(15_000);
      // Every row once, in the sheet's order.
      expect(rowNumbers).toEqual([...rowNumbers].sort((a, b) => a - b));
      expect(new Set(rowNumbers).size).toBe(rowNumbers.length);
      expect(reply.snapshots.n).toBeLessThan(SNAPSHOT_BATCH);
    } finally {
      await worker.terminate();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the check, not the process, when what the main thread does with a reply throws', async () => {
    // The built module, whose worker exists (from the sources, workers cannot start).
    const built = (await import(path.join(ROOT, 'dist/src/engine/parallel.js'))) as typeof import('../../src/engine/parallel.js');
    const files = ['cong-ty-nong-san.xlsx', 'phong-gd-dt.xlsx'].map((f) => path.join(FIXTURES, 'vi-du', f));
    const packFiles = expandPackPaths([bundledRulesDir()]);
    const ruleSet = (await import('../../src/rules/load.js')).loadRuleSet(packFiles);
    const hooks = {
      stream: [false, false],
      reply: () => {
        throw new Error('a fault in a rule over every file');
      },
      snapshots: () => {},
      room: () => undefined,
    };
    await expect(built.checkInWorkers(files, { ruleSet, packFiles, profiles: [], lang: 'vi' }, 2, hooks)).rejects.toThrow('a fault in a rule over every file');
  });
});
