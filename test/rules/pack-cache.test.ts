/** Parsed packs kept between runs: the same answers, mistakes still located to the line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

describe('the parsed-pack cache', () => {
  it('keeps one entry per pack in the user cache folder and gives the same report from it', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-xdg-'));
    const env = { XDG_CACHE_HOME: cache };
    const first = await hoso(['check', 'fixtures/vi-du', '-f', 'json', '-j', '1'], { env });
    const entries = fs.readdirSync(path.join(cache, 'hoso-lint', 'packs'));
    expect(entries.length).toBe(fs.readdirSync('rules').filter((f) => f.endsWith('.yaml')).length);
    const second = await hoso(['check', 'fixtures/vi-du', '-f', 'json', '-j', '1'], { env });
    expect(second.stdout).toBe(first.stdout);
    expect((fs.statSync(path.join(cache, 'hoso-lint')).mode & 0o777).toString(8)).toMatch(/^7/);
  });

  it('still names file, line and key for a mistake found in a cached pack', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-xdg-'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-pack-'));
    const pack = path.join(dir, 'dia-phuong.yaml');
    // The shape is valid (so the parse is cached); the column does not exist.
    fs.writeFileSync(
      pack,
      [
        'pack: dia-phuong',
        'title: Thử',
        'rules:',
        '  - id: dia-phuong/a',
        '    title: Thử',
        '    check: required',
        '    with: { column: ho_ten }',
        '    source: "x"',
        '    examples: { valid: [{ ten: A }], invalid: [{ ten: B }] }',
        '',
      ].join('\n'),
    );
    const runs = [];
    for (let i = 0; i < 2; i++) runs.push(await hoso(['rules', 'validate', pack], { env: { XDG_CACHE_HOME: cache } }));
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/dia-phuong\.yaml:7:\d+: rules\[0\]\.with: unknown column "ho_ten"/);
    }
  });
});
