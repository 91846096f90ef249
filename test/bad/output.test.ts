/**
 * Nothing lost: -o never lands on an input, whatever path leads to it (a symbolic link, a hard
 * link), and an interrupted run leaves no half-written report and no temporary file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, FIXTURES, hoso, ROOT } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-output-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('-o never overwrites an input', () => {
  for (const kind of ['symlink', 'hard link'] as const) {
    it(`refuses a ${kind} to an input, leaving the input as it was`, async () => {
      const input = path.join(tmp, `input-${kind === 'symlink' ? 's' : 'h'}.xlsx`);
      fs.copyFileSync(path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx'), input);
      const before = fs.readFileSync(input);
      const link = path.join(tmp, `link-${kind === 'symlink' ? 's' : 'h'}.json`);
      if (kind === 'symlink') fs.symlinkSync(input, link);
      else fs.linkSync(input, link);
      const run = await hoso(['check', input, '-f', 'json', '-o', link]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toMatch(/không ghi đè lên tệp đầu vào$/);
      expect(fs.readFileSync(input).equals(before)).toBe(true);
    });
  }
});

/** A CSV of n nominees, each with a finding, so that the report is large. */
function largeCsv(file: string, n: number): void {
  const lines = ['STT,Họ và tên,Đối tượng,Lĩnh vực,Đơn vị công tác,Tóm tắt thành tích'];
  for (let i = 1; i <= n; i++) lines.push(`${i},Nguyễn Văn ${i},Cá nhân,Giáo dục,Trường TH số ${i % 97},x`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

describe('an interrupted run', () => {
  it('leaves either no report or a whole one, and never a temporary file (SIGINT at several moments)', async () => {
    const input = path.join(tmp, 'lon.csv');
    largeCsv(input, 40_000);
    /** Runs the check with -o, sending SIGINT after `delay` ms (never, when undefined). */
    const run = async (delay?: number) => {
      const dir = fs.mkdtempSync(path.join(tmp, 'out-'));
      const out = path.join(dir, 'bao-cao.json');
      const start = Date.now();
      const child = spawn(process.execPath, [BIN, 'check', input, '-f', 'json', '-o', out], { cwd: ROOT, stdio: 'ignore' });
      const code = await new Promise<number | null>((resolve) => {
        const timer = delay === undefined ? undefined : setTimeout(() => child.kill('SIGINT'), delay);
        child.on('exit', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      return { code, dir, out, ms: Date.now() - start };
    };
    // A whole run first, to aim the interruptions at its start, middle and end (where the report is written).
    const whole = await run();
    expect(fs.readdirSync(whole.dir)).toEqual(['bao-cao.json']);
    const outcomes: string[] = [];
    for (const share of [0.2, 0.6, 0.85, 0.95, 1]) {
      const { code, dir, out } = await run(Math.round(whole.ms * share));
      const left = fs.readdirSync(dir);
      expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      if (left.includes('bao-cao.json')) {
        // Whole: it parses and has every nominee's row.
        expect(JSON.parse(fs.readFileSync(out, 'utf8')).summary.rows).toBe(40_000);
        outcomes.push('whole');
      } else {
        expect(left).toEqual([]);
        // 130 from the handler; killed by the signal itself (null) before the CLI has set it up.
        expect([130, null]).toContain(code);
        outcomes.push('none');
      }
    }
    expect(outcomes[0]).toBe('none');
  });
});
