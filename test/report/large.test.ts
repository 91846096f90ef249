/**
 * A report over 200,000 nominees: the list is spilled to a temporary file and streamed back, the
 * workbook streamed part by part. It completes (no stack overflow from a spread of a whole column,
 * as `Math.max(...rows)` once did at 150,000), every nominee is listed once and in order, the units
 * and the total row sum, and no temporary file is left behind.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openXlsx } from '../../src/read/xlsx.js';
import type { RawRow } from '../../src/read/types.js';
import { NomineeStore } from '../../src/report/nominees.js';
import { BIN, hoso, ROOT } from '../support/cli.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const N = 200_000;
const UNITS = ['UBND xã A', 'UBND xã B', 'UBND xã C'];
const HEADER = ['STT', 'Họ và tên', 'Đối tượng', 'Lĩnh vực', 'Đơn vị công tác', 'Đơn vị đề nghị', 'Tóm tắt thành tích', 'Hình thức đề nghị'];
/** Nominee i (from 1): a collective every fifth, no unit of work every 1,000th (an error on its row). */
const nominee = (i: number) => ({
  name: `Nguyễn Văn ${i}`,
  kind: i % 5 ? 'Cá nhân' : 'Tập thể',
  work: i % 1000 ? `Trường số ${i}` : '',
  unit: UNITS[i % 3],
});

let tmp: string;
let spillDir: string;
let out: string;
let code: number | null;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-large-report-'));
  spillDir = path.join(tmp, 'tmp');
  fs.mkdirSync(spillDir);
  const lines = [HEADER.join(',')];
  for (let i = 1; i <= N; i++) {
    const n = nominee(i);
    lines.push([i, n.name, n.kind, 'Giáo dục', n.work, n.unit, `Hoàn thành xuất sắc nhiệm vụ năm 2025, sáng kiến số ${i}`, 'Giấy khen'].join(','));
  }
  fs.writeFileSync(path.join(tmp, 'lon.csv'), lines.join('\n') + '\n');
  out = path.join(tmp, 'bao-cao.xlsx');
  // The temporary folder of the run is one of the test's own, to see that the spill file goes.
  const run = await hoso(['report', path.join(tmp, 'lon.csv'), '-o', out], { env: { TMPDIR: spillDir } });
  expect(run.stderr).toBe('');
  code = run.code;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every row of a sheet of the report, as values by column (1-based), in order. */
async function sheetRows(name: string): Promise<{ row: number; values: unknown[] }[]> {
  const source = await openXlsx(out);
  try {
    const sheet = source.sheets.find((s) => s.name === name)!;
    const rows: { row: number; values: unknown[] }[] = [];
    for await (const r of source.rows(sheet) as AsyncIterable<RawRow>) {
      const values: unknown[] = [];
      for (const c of r.cells) values[c.col] = c.v;
      rows.push({ row: r.row, values });
    }
    return rows;
  } finally {
    await source.close();
  }
}

describe('a report of 200,000 nominees', () => {
  it('lists every nominee once, in order, with its unit, kind, row and status', async () => {
    expect(code).toBe(1);
    const rows = await sheetRows('Danh sách');
    expect(rows[0].values.slice(1)).toEqual(['STT', 'Đơn vị', 'Tên', 'Loại', 'Lĩnh vực', 'Phong trào', 'Hình thức khen thưởng', 'Tệp', 'Trang tính', 'Dòng', 'Kết quả', 'Nội dung']);
    expect(rows).toHaveLength(N + 1);
    let wrong = 0;
    for (let i = 1; i <= N; i++) {
      const v = rows[i].values;
      const n = nominee(i);
      const bad = i % 1000 === 0;
      const ok = rows[i].row === i + 1 && v[1] === i && v[2] === n.unit && v[3] === n.name && v[4] === n.kind && v[10] === i + 1 && v[11] === (bad ? 'Có lỗi' : 'Đạt') && (v[12] === undefined) === !bad;
      if (!ok) wrong++;
    }
    expect(wrong).toBe(0);
    expect(rows[1000].values[12]).toBe('Thiếu «Đơn vị».');
  });

  it('sums each unit and the total row, the columns in their order', async () => {
    const rows = await sheetRows('Tổng hợp');
    expect(rows[0].values.slice(1)).toEqual(['Đơn vị', 'Tệp', 'Số điển hình', 'Tập thể', 'Cá nhân', 'Hộ gia đình', 'Giáo dục và đào tạo', 'Định mức: người lao động trực tiếp trong số cá nhân ≥ 1', 'Lỗi', 'Cảnh báo']);
    const units = rows.slice(1, -1).map((r) => r.values.slice(1));
    const file = path.join(tmp, 'lon.csv');
    // Units in the order first listed: nominee 1 is of B, 2 of C, 3 of A; 200 rows without a unit of work, each an error.
    const errors = (u: number) => Array.from({ length: N / 1000 }, (_, k) => (k + 1) * 1000).filter((i) => i % 3 === u).length;
    const count = (u: number, pred: (i: number) => boolean) => Array.from({ length: N }, (_, k) => k + 1).filter((i) => i % 3 === u && pred(i)).length;
    // Warnings: each unit's quota that cannot be counted, and a column a sheet lacks, said once, with the unit of the row it was noticed on.
    const warnings = [1, 2, 2];
    const expected = [1, 2, 0].map((u) => [UNITS[u], file, count(u, () => true), count(u, (i) => i % 5 === 0), count(u, (i) => i % 5 !== 0), 0, count(u, () => true), expect.stringContaining(UNITS[u]), errors(u), warnings[u]]);
    expect(units).toEqual(expected);
    const total = rows.at(-1)!.values.slice(1);
    expect(total.slice(0, 7)).toEqual(['Tổng cộng', '1 tệp', N, N / 5, N - N / 5, 0, N]);
    for (const col of [2, 3, 4, 6]) expect(units.reduce((s, u) => s + Number(u[col]), 0)).toBe(total[col]);
    expect(total.slice(7)).toEqual([undefined, 200, 5]);
  });

  it('lists every finding, and leaves no temporary file', async () => {
    const rows = await sheetRows('Kết quả kiểm tra');
    const missing = rows.filter((r) => r.values[5] === 'chung/don-vi');
    expect(missing.map((r) => r.values[3])).toEqual(Array.from({ length: 200 }, (_, k) => `E${(k + 1) * 1000 + 1}`));
    expect(fs.readdirSync(spillDir)).toEqual([]);
  });
});

describe('the nominee store', () => {
  it('spills texts past a few MB to a temporary file, reads them back in order, and removes the file when closed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-store-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      const store = new NomineeStore();
      const long = 'x'.repeat(200);
      for (let i = 0; i < 30_000; i++) store.add({ file: 'a.csv', sheet: 'a', row: i + 2, unit: `U${i % 7}`, name: `${i} ${long}\n</script>\u2028`, kind: 'ca-nhan' });
      expect(store.spilled).toBe(true);
      expect(fs.readdirSync(dir)).toHaveLength(1);
      let i = 0;
      for (const [name, movement, award] of store.texts()) {
        expect([name, movement, award]).toEqual([`${i} ${long}\n</script>\u2028`, null, null]);
        i++;
      }
      expect(i).toBe(30_000);
      expect(store.units.values).toHaveLength(7);
      expect(store.places.values).toHaveLength(1);
      store.close();
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an interrupted report', () => {
  it('leaves no temporary file of its nominees, nor a half-written report (SIGINT at several moments)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-report-sigint-'));
    const spill = path.join(dir, 'tmp');
    fs.mkdirSync(spill);
    const input = path.join(dir, 'ds.csv');
    const lines = [HEADER.join(',')];
    for (let i = 1; i <= 60_000; i++) lines.push([i, `Nguyễn Văn ${i}`, 'Cá nhân', 'Giáo dục', `Trường số ${i}`, UNITS[i % 3], `Sáng kiến số ${i} được công nhận`, 'Giấy khen'].join(','));
    fs.writeFileSync(input, lines.join('\n') + '\n');
    let seen = false;
    /** Runs the report, sending SIGINT after `delay` ms (never, when undefined), watching the temporary folder. */
    const run = async (delay?: number) => {
      const out = path.join(dir, `bao-cao-${delay ?? 'whole'}.xlsx`);
      const start = Date.now();
      const child = spawn(process.execPath, [BIN, 'report', input, '-o', out], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, TMPDIR: spill } });
      const watch = setInterval(() => (seen ||= fs.readdirSync(spill).some((f) => f.startsWith('hoso-report-'))), 10);
      const code = await new Promise<number | null>((resolve) => {
        const timer = delay === undefined ? undefined : setTimeout(() => child.kill('SIGINT'), delay);
        child.on('exit', (c) => {
          clearTimeout(timer);
          clearInterval(watch);
          resolve(c);
        });
      });
      return { code, out, ms: Date.now() - start };
    };
    try {
      const whole = await run();
      expect([whole.code, fs.existsSync(whole.out)]).toEqual([0, true]);
      expect(fs.readdirSync(spill)).toEqual([]);
      // The nominees did go to a temporary file during the run.
      expect(seen).toBe(true);
      for (const share of [0.3, 0.6, 0.9]) {
        const { code, out } = await run(Math.round(whole.ms * share));
        expect(fs.readdirSync(spill), `SIGINT at ${share}`).toEqual([]);
        expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        if (!fs.existsSync(out)) expect([130, null]).toContain(code);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
