/** A dossier is evidence: no output of hoso ever replaces one, named or found in a folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, hoso } from './support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

describe('outputs never replace a dossier', () => {
  it('refuses annotated copies that would land on the inputs (--annotate into the folder checked)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-safe-'));
    fs.cpSync(path.join(FIXTURES, 'vi-du'), path.join(dir, 'vi-du'), { recursive: true });
    const files = fs.readdirSync(path.join(dir, 'vi-du')).map((f) => path.join(dir, 'vi-du', f));
    const before = files.map((f) => fs.readFileSync(f));
    const run = await hoso(['check', 'vi-du', '--annotate', 'vi-du'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--annotate vi-du\/phong-gd-dt\.xlsx: .*không ghi đè lên tệp đầu vào/);
    files.forEach((f, i) => expect(fs.readFileSync(f).equals(before[i]), f).toBe(true));
  });

  for (const [what, args] of [
    ['a report (-o)', ['check', 'vi-du', '-f', 'json', '-o', 'vi-du/phong-gd-dt.xlsx']],
    ['the cache', ['check', 'vi-du', '--cache', '--cache-location', 'vi-du/phong-gd-dt.xlsx']],
    ['a batch report', ['report', 'vi-du', '-o', 'vi-du/phong-gd-dt.xlsx']],
  ] as const) {
    it(`refuses ${what} over a workbook found inside the folder given`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-safe-'));
      fs.cpSync(path.join(FIXTURES, 'vi-du'), path.join(dir, 'vi-du'), { recursive: true });
      const target = path.join(dir, 'vi-du/phong-gd-dt.xlsx');
      const before = fs.readFileSync(target);
      const run = await hoso([...args], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/phong-gd-dt\.xlsx/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(fs.readFileSync(target).equals(before)).toBe(true);
      expect(fs.readdirSync(path.join(dir, 'vi-du')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }
});

describe('an output that cannot be written', () => {
  // A mistyped -o is the user's mistake, said in one line with exit 2 — once "lỗi nội bộ".
  const missing = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-missing-')), 'khong-co', 'x');
  it.each([
    ['check -f json', (to: string) => ['check', path.join(FIXTURES, 'vi-du'), '-f', 'json', '-o', `${to}.json`]],
    ['report', (to: string) => ['report', path.join(FIXTURES, 'vi-du'), '-o', `${to}.xlsx`]],
    ['web', (to: string) => ['web', '-o', `${to}.html`]],
  ])('%s into a folder that does not exist: one line naming it, exit 2, nothing made', async (_, args) => {
    const to = missing();
    const vi = await hoso(args(to));
    expect(vi.code).toBe(2);
    expect(vi.stderr).toMatch(/^hoso: không ghi được «.*khong-co.*»: thư mục chứa nó không tồn tại\n$/);
    const en = await hoso([...args(to), '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^hoso: cannot write ".*khong-co.*": its folder does not exist\n$/);
    expect(fs.existsSync(path.dirname(to))).toBe(false);
  });
});
