/**
 * Outputs that are not plain files: a pipe or a device is written through, never replaced by a
 * regular file (as root, `-o /dev/null` would have replaced the system's device node); a symbolic
 * link is followed, its target replaced atomically and the link kept; an input is still refused.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const INPUT = path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx');
let tmp: string;
let plain: { code: number | null; json: unknown };
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-special-out-'));
  const run = await hoso(['check', INPUT, '-f', 'json']);
  plain = { code: run.code, json: JSON.parse(run.stdout) };
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const folder = (name: string) => fs.mkdirSync(path.join(tmp, name), { recursive: true }) ?? path.join(tmp, name);
const noTemporaryFile = (dir: string) => expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

/**
 * A device node like /dev/null (major 1, minor 3) made in the test's own folder, so that a
 * regression replaces it and not the system's; /dev/null itself where nodes cannot be made
 * (not root: then /dev cannot be written either).
 */
function nullDevice(dir: string, name: string): string | undefined {
  if (process.getuid?.() !== 0) return '/dev/null';
  const node = path.join(dir, name);
  try {
    execFileSync('mknod', [node, 'c', '1', '3']);
    return node;
  } catch {
    return undefined;
  }
}

describe('a pipe or a device as the output', () => {
  it('writes the report through a FIFO to the program reading it, and leaves the FIFO a FIFO', async () => {
    const dir = folder('fifo');
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const read = new Promise<string>((resolve, reject) => {
      let text = '';
      fs.createReadStream(fifo, 'utf8')
        .on('data', (d) => (text += d))
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    const run = await hoso(['check', INPUT, '-f', 'json', '-o', fifo]);
    expect(run.code).toBe(plain.code);
    expect(run.stderr).toBe('');
    expect(JSON.parse(await read)).toEqual(plain.json);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['pipe']);
  });

  it('writes -o /dev/stdout to standard output (here a pipe)', async () => {
    const run = await hoso(['check', INPUT, '-f', 'json', '-o', '/dev/stdout']);
    expect(run.code).toBe(plain.code);
    expect(JSON.parse(run.stdout)).toEqual(plain.json);
  });

  const dir = () => folder('dev');
  it.skipIf(nullDevice(os.tmpdir(), `.hoso-probe-${process.pid}`) === undefined)('writes into a device (-o, report -o, init -o --force) and leaves it a device', async () => {
    fs.rmSync(path.join(os.tmpdir(), `.hoso-probe-${process.pid}`), { force: true });
    const d = dir();
    const check = nullDevice(d, 'null')!;
    const report = nullDevice(d, 'bao-cao.xlsx') ?? '/dev/null';
    const template = nullDevice(d, 'mau.xlsx') ?? '/dev/null';
    const before = fs.statSync(check).rdev;
    const run = await hoso(['check', INPUT, '-f', 'json', '-o', check]);
    expect(run.code).toBe(plain.code);
    expect(run.stderr).toBe('');
    if (report !== '/dev/null') {
      const r = await hoso(['report', INPUT, '-o', report]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(plain.code);
      const i = await hoso(['init', '-o', template, '--force']);
      expect(i.code).toBe(0);
      // Without --force, a device is there already: refused as ever.
      expect((await hoso(['init', '-o', template])).code).toBe(2);
    }
    for (const node of [check, report, template]) {
      expect(fs.lstatSync(node).isCharacterDevice()).toBe(true);
      expect(fs.statSync(node).rdev).toBe(before);
    }
    noTemporaryFile(d);
  });

  it('refuses a folder as the output with one line, exit 2', async () => {
    const d = folder('a-folder');
    const run = await hoso(['check', INPUT, '-f', 'json', '-o', d, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`hoso: "${d}" is not a file: not written to\n`);
    expect(fs.readdirSync(d)).toEqual([]);
  });
});

describe('a symbolic link as the output', () => {
  it('replaces the file the link leads to, through a chain of links, and keeps the links', async () => {
    const d = folder('links');
    fs.mkdirSync(path.join(d, 'real'));
    const target = path.join(d, 'real', 'bao-cao.json');
    fs.writeFileSync(target, 'old');
    fs.symlinkSync('real/bao-cao.json', path.join(d, 'link.json'));
    fs.symlinkSync('link.json', path.join(d, 'chain.json'));
    for (const link of ['link.json', 'chain.json']) {
      fs.writeFileSync(target, 'old');
      const run = await hoso(['check', INPUT, '-f', 'json', '-o', path.join(d, link)]);
      expect(run.code).toBe(plain.code);
      expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toEqual(plain.json);
    }
    expect(fs.readlinkSync(path.join(d, 'link.json'))).toBe('real/bao-cao.json');
    expect(fs.readlinkSync(path.join(d, 'chain.json'))).toBe('link.json');
    noTemporaryFile(d);
    noTemporaryFile(path.join(d, 'real'));
  });

  it('creates the file a dangling link leads to, relative to where the link really is', async () => {
    const d = folder('dangling');
    fs.mkdirSync(path.join(d, 'a', 'b'), { recursive: true });
    fs.symlinkSync('a/b', path.join(d, 'via'));
    // The link is in a/b (reached through `via`): its `..` is a, not d.
    fs.symlinkSync('../new.xlsx', path.join(d, 'a', 'b', 'out.xlsx'));
    const run = await hoso(['report', INPUT, '-o', path.join(d, 'via', 'out.xlsx')]);
    expect(run.stderr).toBe('');
    expect(fs.readFileSync(path.join(d, 'a', 'new.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(fs.lstatSync(path.join(d, 'a', 'b', 'out.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(d, 'new.xlsx'))).toBe(false);
  });

  it('still refuses a chain of links that ends at an input, leaving it as it was', async () => {
    const d = folder('to-input');
    const input = path.join(d, 'ds.xlsx');
    fs.copyFileSync(INPUT, input);
    const bytes = fs.readFileSync(input);
    fs.symlinkSync('ds.xlsx', path.join(d, 'one.json'));
    fs.symlinkSync('one.json', path.join(d, 'two.json'));
    const run = await hoso(['check', input, '-f', 'json', '-o', path.join(d, 'two.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/không ghi đè lên tệp đầu vào$/);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
    expect(fs.readlinkSync(path.join(d, 'two.json'))).toBe('one.json');
  });
});
