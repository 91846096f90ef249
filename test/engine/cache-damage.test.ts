/**
 * The cache never breaks a run: a cache that cannot be read, is cut short, has another shape or
 * is a folder is set aside with a warning and built again; one that cannot be written is a
 * warning, and the report is whole either way.
 */
import { DAMAGED_CACHES } from '../../scripts/fixture-kit/hostile.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hoso, viDuWorkspace } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const workspace = () => viDuWorkspace('hoso-cache-bad-');

const check = (dir: string, ...more: string[]) => hoso(['check', 'vi-du', '--cache', '-f', 'json', '-j', '1', ...more], { cwd: dir });
const fresh = async (dir: string, ...more: string[]) => JSON.parse((await hoso(['check', 'vi-du', '-f', 'json', '-j', '1', ...more], { cwd: dir })).stdout);
const stored = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, '.hoso-cache'), 'utf8')) as { key: string; files: Record<string, { hash: string; reply: Record<string, unknown> }> };
const lines = (s: string) => s.split('\n').filter(Boolean);

/** A whole cache of the workspace, then `damage` done to it. */
async function damaged(damage: (cache: ReturnType<typeof stored>, file: string) => string | void): Promise<{ dir: string; text: string }> {
  const dir = workspace();
  await check(dir);
  const file = path.join(dir, '.hoso-cache');
  const cache = stored(dir);
  const text = damage(cache, file) ?? JSON.stringify(cache);
  fs.writeFileSync(file, text);
  return { dir, text };
}

const first = (c: ReturnType<typeof stored>) => Object.values(c.files)[0].reply;

describe('a damaged cache', () => {
  for (const [what, damage] of [
    // The hostile corpus's caches that are text alone (scripts/fixture-kit/hostile.ts).
    ['cut short', () => DAMAGED_CACHES['cat-ngang.json']],
    ['empty', () => DAMAGED_CACHES['rong.json']],
    ['not an object', () => DAMAGED_CACHES['mang.json']],
    ['a finding of another shape', (c: ReturnType<typeof stored>) => void ((first(c).findings as unknown[]).push({ ruleId: 1 }))],
    ['an entry that is a number', (c: ReturnType<typeof stored>) => void (c.files[Object.keys(c.files)[0]] = 7 as never)],
    ['row snapshots naming a sheet that is not there', (c: ReturnType<typeof stored>) => {
      const reply = Object.values(c.files).map((e) => e.reply).find((r) => (r.snapshots as { n: number }).n > 0)!;
      (reply.snapshots as { data: unknown[] }).data[0] = 999;
    }],
    ['snapshots cut short', (c: ReturnType<typeof stored>) => void (first(c).snapshots as { data: unknown[] }).data.pop()],
    ['no findings', (c: ReturnType<typeof stored>) => void delete first(c).findings],
  ] as const) {
    it(`is set aside with a warning and built again: ${what}`, async () => {
      const { dir, text } = await damaged(damage);
      const run = await check(dir);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/^hoso: bộ nhớ đệm «\.hoso-cache» bị hỏng \(.+\): đã để sang «\.hoso-cache\.damaged», các tệp được kiểm tra lại\n$/);
      expect(run.stderr).not.toMatch(/lỗi nội bộ|internal/);
      expect(JSON.parse(run.stdout)).toEqual(await fresh(dir));
      // Set aside as it was, and a whole cache in its place: the next run is quiet and the same.
      expect(fs.readFileSync(path.join(dir, '.hoso-cache.damaged'), 'utf8')).toBe(text);
      expect(Object.keys(stored(dir).files)).toHaveLength(4);
      const again = await check(dir);
      expect(again.stderr).toBe('');
      expect(JSON.parse(again.stdout)).toEqual(JSON.parse(run.stdout));
    });
  }

  it('is set aside when it is a folder, in English with --lang en', async () => {
    const dir = workspace();
    fs.mkdirSync(path.join(dir, '.hoso-cache'));
    fs.writeFileSync(path.join(dir, '.hoso-cache', 'kept.txt'), 'x');
    const run = await check(dir, '--lang', 'en');
    expect(JSON.parse(run.stdout)).toEqual(await fresh(dir, '--lang', 'en'));
    expect(run.stderr).toBe('hoso: the cache ".hoso-cache" is damaged (a folder): moved aside to ".hoso-cache.damaged"; the files are checked afresh\n');
    expect(fs.readFileSync(path.join(dir, '.hoso-cache.damaged', 'kept.txt'), 'utf8')).toBe('x');
    expect(Object.keys(stored(dir).files)).toHaveLength(4);
  });

  it('is not trusted when it cannot be set aside either, and the run still ends with its report', async () => {
    const { dir } = await damaged(() => '{');
    // A folder with something in it where the damaged copy would go: the rename fails.
    fs.mkdirSync(path.join(dir, '.hoso-cache.damaged', 'x'), { recursive: true });
    const run = await check(dir, '--lang', 'en');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^hoso: the cache "\.hoso-cache" is damaged \(.+\) and could not be moved aside \(E[A-Z]+\): the files are checked afresh\n$/);
    expect(JSON.parse(run.stdout)).toEqual(await fresh(dir, '--lang', 'en'));
    // Written again whole, over the damaged one.
    expect(Object.keys(stored(dir).files)).toHaveLength(4);
  });

  it('keeps a cache written for other rules quiet: dropped and built again, as ever', async () => {
    const { dir } = await damaged((c) => void (c.key = 'another'));
    const run = await check(dir);
    expect(run.stderr).toBe('');
    expect(fs.existsSync(path.join(dir, '.hoso-cache.damaged'))).toBe(false);
    expect(stored(dir).key).not.toBe('another');
  });
});

describe('a cache that cannot be written', () => {
  it('is a warning after a whole report, and the exit code is the check’s', async () => {
    const dir = workspace();
    const plain = await hoso(['check', 'vi-du', '-j', '1'], { cwd: dir });
    const run = await hoso(['check', 'vi-du', '--cache', '--cache-location', 'missing/cache', '-j', '1', '-f', 'json', '-o', 'report.json', '-f', 'stylish'], { cwd: dir });
    expect(run.code).toBe(plain.code);
    expect(run.stdout).toBe(plain.stdout);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'))).toEqual(await fresh(dir));
    expect(run.stderr).toBe('hoso: không ghi được bộ nhớ đệm «missing/cache» (ENOENT): báo cáo vẫn đầy đủ; lần sau các tệp được kiểm tra lại\n');
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  it('is neither read nor written when it is a pipe, and the run does not wait on it', async () => {
    const dir = workspace();
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    const run = await check(dir, '--cache-location', 'pipe', '--lang', 'en');
    expect(run.stderr).toBe('hoso: "pipe" is not a regular file: not used as the cache, not written\n');
    expect(JSON.parse(run.stdout)).toEqual(await fresh(dir, '--lang', 'en'));
    expect(fs.statSync(path.join(dir, 'pipe')).isFIFO()).toBe(true);
  });
});

