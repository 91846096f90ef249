/**
 * Patterns that make a backtracking engine run for days on a near-miss of 46 characters, in a
 * pack given with --rules and checked by the real CLI: each run ends (the test timeout is the
 * bound) with the right finding.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hoso, type Report } from '../support/cli.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-patterns-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HOSTILE: [regex: string, ch: string][] = [
  ['^(a|a)*$', 'a'],
  ['^((a+))+$', 'a'],
  ['^(\\w|\\d)*$', '1'],
  ['^(a|aa)*$', 'a'],
  ['^(a?){40}a{40}$', 'a'],
];

function pack(regex: string): string {
  const file = path.join(tmp, `p${Math.random().toString(36).slice(2)}.yaml`);
  const rule = `  - id: tinh-x/ghi-chu\n    title: Ghi chú đúng dạng\n    check: pattern\n    source: thử\n    with: { column: ghi_chu, regex: '${regex}', label: mã }\n    examples: { valid: [{ stt: 1, ten: A, loai: Cá nhân, ghi_chu: a }], invalid: [{ stt: 1, ten: A, loai: Cá nhân, ghi_chu: '!' }] }\n`;
  fs.writeFileSync(file, `pack: tinh-x\ntitle: Tỉnh X\nrules:\n${rule}`);
  return file;
}

describe.concurrent('a pattern that backtracks for ever in JavaScript, on a 46-character cell', () => {
  for (const [regex, ch] of HOSTILE) {
    it(`${regex}: the near-miss is reported, the match is not`, async () => {
      const csv = path.join(tmp, `${Math.random().toString(36).slice(2)}.csv`);
      const miss = ch.repeat(45) + '!';
      fs.writeFileSync(csv, `STT,Họ và tên,Đối tượng,Đơn vị công tác,Ghi chú\n1,Nguyễn Văn An,Cá nhân,UBND xã A,${ch.repeat(46)}\n2,Trần Thị Bình,Cá nhân,UBND xã A,${miss}\n`);
      const run = await hoso(['check', csv, '--rules', pack(regex), '-f', 'json']);
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as Report;
      expect(report.summary.rows).toBe(2);
      expect(report.findings.filter((f) => f.ruleId === 'tinh-x/ghi-chu').map((f) => [f.row, f.value])).toEqual([[3, miss]]);
    }, 30_000);
  }
});
