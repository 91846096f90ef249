/**
 * A folder of a dozen unit files checked in one run: every nominee listed by two units is found
 * at every listing, and a cap over every file names the files that count towards it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, hoso, type Report } from '../support/cli.js';

vi.setConfig({ testTimeout: 120_000 });

const UNIT = path.join(FIXTURES, 'fields/giao-duc-dat.xlsx');

/** The nominee rows of the unit's list, read with exceljs (not hoso): a number in STT and a name. */
async function nomineeRows(): Promise<number[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(UNIT);
  const ws = wb.getWorksheet('Danh sách')!;
  const rows: number[] = [];
  ws.eachRow((row, n) => {
    if (typeof row.getCell(1).value === 'number' && String(row.getCell(2).value ?? '').trim()) rows.push(n);
  });
  return rows;
}

describe('a folder of a dozen unit files', () => {
  for (const jobs of ['1', '2']) {
    it(`finds every cross-file listing and the cap's files (${jobs} thread${jobs === '1' ? '' : 's'})`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-dozen-'));
      const files = Array.from({ length: 12 }, (_, i) => `don-vi-${String(i + 1).padStart(2, '0')}.xlsx`);
      for (const f of files) fs.copyFileSync(UNIT, path.join(dir, f));
      const rows = await nomineeRows();
      expect(rows.length).toBeGreaterThan(2);
      const run = await hoso(['check', '.', '--profile', 'hung-yen/dai-hoi-toan-quoc', '-f', 'json', '-j', jobs], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as Report & { findings: { related?: { file: string }[] }[] };
      const dup = report.findings.filter((f) => f.ruleId === 'chung/trung-lap');
      expect(dup.map((f) => `${f.file}:${f.row}:${f.column}`).sort()).toEqual(files.flatMap((f) => rows.map((r) => `${f}:${r}:B`)).sort());
      expect(dup.every((f) => /12 lần/.test(f.message))).toBe(true);
      const cap = report.findings.filter((f) => f.ruleId === 'hung-yen/dai-hoi-toan-quoc/toi-da');
      expect(cap).toHaveLength(1);
      expect(cap[0].message).toContain(`${12 * rows.length}`);
      const capFiles = [cap[0].file, ...(cap[0] as { related?: { file: string }[] }).related!.map((p) => p.file)];
      expect(capFiles.sort()).toEqual(files);
    });
  }
});
