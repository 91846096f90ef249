/** Parsed packs kept between runs: the same answers, mistakes still located to the line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bundledRulesDir, expandPackPaths, loadRuleSet, PackError } from '../../src/rules/load.js';
import { hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

/** Runs `f` with the pack cache in a fresh folder of its own. */
function withCache<T>(f: (cache: string) => T): T {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-xdg-'));
  const saved = { xdg: process.env.XDG_CACHE_HOME, off: process.env.HOSO_NO_CACHE };
  process.env.XDG_CACHE_HOME = cache;
  delete process.env.HOSO_NO_CACHE;
  try {
    return f(cache);
  } finally {
    if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved.xdg;
    if (saved.off !== undefined) process.env.HOSO_NO_CACHE = saved.off;
  }
}

describe('the parsed-pack cache', () => {
  it("gives every rule's options as its operator's schema made them, defaults included", () => {
    withCache((cache) => {
      const packs = expandPackPaths([bundledRulesDir()]);
      const fresh = loadRuleSet(packs);
      const entries = fs.readdirSync(path.join(cache, 'hoso-lint', 'packs'));
      expect(entries.length).toBe(packs.length);
      const cached = loadRuleSet(packs);
      expect(cached.rules.map((r) => [r.rule.id, r.options])).toEqual(fresh.rules.map((r) => [r.rule.id, r.options]));
      // A default the pack leaves out is in the cached options: the schema is not run again.
      const counts = cached.rules.filter((r) => r.rule.check === 'count' && !('max-for' in (r.rule.with as object)));
      expect(counts.length).toBeGreaterThan(0);
      for (const r of counts) expect(r.options).toMatchObject({ 'max-for': [], 'only-if-any': expect.any(Boolean) });
    });
  });

  it('does not keep a pack whose options are wrong', () => {
    withCache((cache) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-pack-'));
      const pack = path.join(dir, 'dia-phuong.yaml');
      fs.writeFileSync(
        pack,
        'pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    title: Thử\n    check: compare\n    with: { column: ten, op: "=>", value: 1 }\n    source: "x"\n    examples: { valid: [{ ten: A }], invalid: [{ ten: B }] }\n',
      );
      for (let i = 0; i < 2; i++) {
        expect(() => loadRuleSet([pack])).toThrow(PackError);
        expect(() => loadRuleSet([pack])).toThrow(/dia-phuong\.yaml:7:\d+: rules\[0\]\.with\.op/);
      }
      expect(fs.existsSync(path.join(cache, 'hoso-lint', 'packs')) ? fs.readdirSync(path.join(cache, 'hoso-lint', 'packs')) : []).toEqual([]);
    });
  });

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
    for (let i = 0; i < 2; i++) runs.push(await hoso(['rules', 'validate', pack, '--lang', 'en'], { env: { XDG_CACHE_HOME: cache } }));
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/dia-phuong\.yaml:7:\d+: rules\[0\]\.with: unknown column "ho_ten"/);
    }
  });
});
