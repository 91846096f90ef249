/**
 * On the bytes path the library touches no file system, temporary folder, thread or hash: the
 * browser bundle has none of node:fs, node:os, node:worker_threads or node:crypto (it swaps them
 * for stubs that throw), and replaces src/rules/bundled.ts with the packs' texts. Here every
 * function of those modules throws while the checks run, as the stubs would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fence = vi.hoisted(() => {
  const state = { closed: false, calls: [] as string[] };
  /** The module with each function throwing while the fence is closed (a class too, when made with new). */
  const fenced = (name: string, mod: Record<string, unknown>) => {
    const wrap = (key: string, f: (...a: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        if (state.closed) {
          state.calls.push(`${name}.${key}`);
          throw new Error(`${name}.${key} called on the bytes path`);
        }
        return new.target ? Reflect.construct(f, args, new.target) : f.apply(this, args);
      };
    const copy = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'function' ? wrap(k, v as (...a: unknown[]) => unknown) : v]));
    return { ...copy(mod), default: copy((mod.default ?? mod) as Record<string, unknown>) };
  };
  return { state, fenced };
});

vi.mock('node:fs', async (original) => fence.fenced('node:fs', await original()));
vi.mock('node:fs/promises', async (original) => fence.fenced('node:fs/promises', await original()));
vi.mock('node:os', async (original) => fence.fenced('node:os', await original()));
vi.mock('node:crypto', async (original) => fence.fenced('node:crypto', await original()));
vi.mock('node:worker_threads', async (original) => fence.fenced('node:worker_threads', await original()));
// As the browser bundle does: the packs' texts, read once before any check (the fence is open then).
vi.mock('../../src/rules/bundled.js', async (original) => {
  const texts = (await original<typeof import('../../src/rules/bundled.js')>()).bundledPacks();
  return { bundledPacks: () => texts };
});

const { check, explain, listProfiles } = await import('../../src/api.js');
const { markPackage } = await import('../../src/report/annotate/mark-package.js');
const { FIXTURES } = await import('../support/cli.js');

const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** Runs `work` with the fence closed: any call into the fenced modules throws, and is remembered. */
async function fenced<T>(work: () => Promise<T>): Promise<T> {
  fence.state.closed = true;
  try {
    return await work();
  } finally {
    fence.state.closed = false;
  }
}

afterEach(() => {
  expect(fence.state.calls).toEqual([]);
  fence.state.calls = [];
});

describe('the bytes path', () => {
  it('checks workbooks, CSV, OLE and broken files, a walked folder with hoso’s own output, packs and a config as texts, without node:fs, os, crypto or threads', async () => {
    const dossier = read('vi-du/phong-gd-dt.xlsx');
    const files = [
      { name: 'phong-gd-dt.xlsx', data: new Blob([dossier]) },
      { name: 'xa.csv', data: read('vi-du/xa-dak-pne-tong-hop.csv') },
      { name: 'cp1258.csv', data: read('bad/csv/cp1258.csv') },
      { name: 'mat-khau.xlsx', data: read('bad/mat-khau.xlsx') },
      { name: 'excel-97.xls', data: read('bad/excel-97.xls') },
      { name: 'cat-cut.xlsx', data: read('bad/cat-cut.xlsx') },
      { name: 'rong.xlsx', data: new Uint8Array(0) },
      { name: 'thu-muc/ket-qua.xlsx', data: new Blob([markPackage(dossier, 'annotated-copy', 'hoso-lint 9.9.9')]), walked: true },
      { name: 'thu-muc/~$ds.xlsx', data: new Uint8Array([1, 2]), walked: true },
      { name: 'thu-muc/ds.xlsx', data: dossier.buffer.slice(dossier.byteOffset, dossier.byteOffset + dossier.length), walked: true },
    ];
    const pack = { name: 'tinh-x.yaml', text: 'pack: tinh-x\ntitle: Tỉnh X\nrules: []\n' };
    const config = { name: 'hoso.config.yaml', text: 'profiles: [kon-ray/xa]\nseverity: { chung/ten: warning }\n' };
    const r = await fenced(() => check({ files, rules: [pack], config, lang: 'en' }));
    expect(r.report.summary).toMatchObject({ files: 8, unreadable: 4, config: 'hoso.config.yaml' });
    expect(r.unreadable.map((u) => u.reason)).toEqual([
      expect.stringMatching(/^mat-khau\.xlsx: a password-protected \.xlsx/),
      expect.stringMatching(/^excel-97\.xls: an Excel 97-2003 file/),
      expect.stringMatching(/^cat-cut\.xlsx: the \.xlsx file is damaged/),
      'rong.xlsx: the file is empty (0 bytes)',
    ]);
    expect(r.report.findings.some((f) => f.file === 'thu-muc/ket-qua.xlsx' && f.severity === 'info')).toBe(true);
    expect(r.report.findings.some((f) => f.file === 'phong-gd-dt.xlsx')).toBe(true);
    expect(r.report.findings.some((f) => f.file === 'thu-muc/ds.xlsx')).toBe(true);
  });

  it('reads decision lists given as bytes (history) without node:fs, os, crypto or threads', async () => {
    const dossier = read('history/ho-so/chien-si-thi-dua-cap-tinh.xlsx');
    const history = ['2022-cstdcs.xlsx', '2023-danh-hieu.csv', '2024.xlsx'].map((n) => ({ name: `quyet-dinh/${n}`, data: new Blob([read(`history/quyet-dinh/${n}`)]), walked: true }));
    const r = await fenced(() => check({ files: [{ name: 'ds.xlsx', data: dossier }], history, lang: 'en' }));
    // The 2022 and 2024 decisions were read: a streak's finding names them.
    expect(r.report.findings.some((f) => f.message.includes('quyet-dinh/2024.xlsx › Cá nhân!B8'))).toBe(true);
    expect(r.unreadable).toEqual([]);
  });

  it('explains and lists the profiles from the packs’ texts alone', async () => {
    const [text, profiles] = await fenced(() => Promise.all([explain('chung/ten', { lang: 'en' }), listProfiles()]));
    expect(text).toContain('(rules/chung.yaml)');
    expect(profiles.length).toBeGreaterThan(0);
  });

  it('is fenced indeed: a path (Node only) goes through node:fs, which throws here', async () => {
    await expect(fenced(() => check({ files: [path.join(FIXTURES, 'vi-du')] }))).rejects.toThrow(/^node:fs\.\w+ called on the bytes path$/);
    expect(fence.state.calls.length).toBeGreaterThan(0);
    fence.state.calls = [];
  });
});
