/**
 * The golden test: every fixture of fixtures/expected.json is checked by the real CLI, and the
 * findings must be exactly those the generator recorded from the defects it put in (rule,
 * severity, file, sheet, row and column letter; the group for findings without a row). No
 * rule's finding may land on a title, header, numbering, group or footer row.
 *
 * Fixtures are made by `npm run fixtures` (scripts/generate-fixtures.ts); `npm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, hoso, ROOT, type Report, type ReportFinding } from './support/cli.js';
import type { ExpectedEntry, ExpectedFinding } from '../scripts/fixture-kit/dossier.js';

// Each test starts node processes (about 0.5 s each, more when several run at once).
vi.setConfig({ testTimeout: 60_000 });

const EXPECTED = path.join(FIXTURES, 'expected.json');
if (!fs.existsSync(EXPECTED)) throw new Error('fixtures/expected.json is missing: run `npm run build && npm run fixtures`');
const expected: Record<string, ExpectedEntry> = JSON.parse(fs.readFileSync(EXPECTED, 'utf8'));

/** A path as expected.json writes it: relative to fixtures/, with forward slashes. */
function fixturePath(file: string): string {
  return path.relative(FIXTURES, path.resolve(ROOT, file)).split(path.sep).join('/');
}

/**
 * A finding reduced to what the golden files pin: its place (cell, or group without a row), and
 * its message where the fixture pins it (`withMessage`: the expected finding has one).
 */
function reduce(f: ReportFinding | ExpectedFinding, withMessage = false): ExpectedFinding {
  const base = { ruleId: f.ruleId, severity: f.severity, file: 'source' in f ? fixturePath(f.file) : f.file, ...(withMessage ? { message: f.message } : {}) };
  if (f.row !== undefined) return { ...base, sheet: f.sheet, row: f.row, column: f.column };
  return { ...base, ...(f.sheet !== undefined ? { sheet: f.sheet } : {}), group: f.group };
}

function key(f: ExpectedFinding): string {
  return JSON.stringify([f.file, f.sheet ?? '', f.row ?? -1, (f.column ?? '').padStart(3, ' '), f.ruleId, f.severity, f.group ?? '']);
}

const sorted = (fs: (ReportFinding | ExpectedFinding)[], withMessage = false) => fs.map((f) => reduce(f, withMessage)).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

describe('fixtures/expected.json', () => {
  it('lists every dossier the fixtures folder holds, and nothing else', () => {
    const listed = new Set(Object.values(expected).flatMap((e) => Object.keys(e.nonNomineeRows)));
    const onDisk: string[] = [];
    const walk = (dir: string) => {
      for (const name of fs.readdirSync(dir)) {
        const p = path.join(dir, name);
        // fixtures/bad/ (broken inputs, written by generate-bad-fixtures) has its outcomes in
        // test/bad/; fixtures/tham-chieu/ (look-alikes of a system's templates) in test/read/reference.test.ts;
        // fixtures/fidelity/ (workbooks for the annotated copies) in test/report/fidelity.test.ts.
        // fixtures/history/quyet-dinh/ (past decisions) and its config are read with --history, never checked as dossiers.
        if (['bad', 'tham-chieu', 'fidelity', 'history/quyet-dinh', 'history/hoso.config.yaml'].some((d) => p === path.join(FIXTURES, d))) continue;
        if (fs.statSync(p).isDirectory()) walk(p);
        else if (name !== 'expected.json' && !name.startsWith('.')) onDisk.push(fixturePath(p));
      }
    };
    walk(FIXTURES);
    expect(onDisk.sort()).toEqual([...listed].sort());
  });
});

describe.concurrent('golden dossiers: the CLI reports exactly the defects the generator put in', () => {
  for (const [fixture, e] of Object.entries(expected)) {
    // The config and the decision lists are named as the messages name them: "fixtures/…".
    const args = [...e.profiles.flatMap((p) => ['--profile', p]), ...(e.config ? ['--config', `fixtures/${e.config}`] : []), ...(e.history ?? []).flatMap((h) => ['--history', `fixtures/${h}`])];
    it(`${fixture}${args.length ? ` [${args.join(' ')}]` : ''}: ${e.description}`, async () => {
      const run = await hoso(['check', path.join('fixtures', fixture), ...args, '-f', 'json']);
      expect(run.stderr, 'nothing on stderr').toBe('');
      const report: Report = JSON.parse(run.stdout);

      expect(sorted(report.findings), 'the findings').toEqual(sorted(e.findings));
      // Where the fixture pins messages (the evidence a finding names), each must be said exactly.
      const pinned = e.findings.filter((f) => f.message !== undefined);
      if (pinned.length) expect(sorted(report.findings.filter((f) => pinned.some((p) => key(reduce(p)) === key(reduce(f)))), true), 'the messages').toEqual(sorted(pinned, true));
      expect(run.code, 'the exit code').toBe(e.exit);

      // Only hoso itself may speak of such a row: to say that it did not take it for a nominee.
      const onNonNominee = report.findings.filter((f) => f.row !== undefined && f.ruleId !== 'hoso/dong-khong-ro' && (e.nonNomineeRows[fixturePath(f.file)]?.[f.sheet!] ?? []).includes(f.row));
      expect(onNonNominee, 'findings on title, header, numbering, group or footer rows').toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------

/** Everything a workbook's reader could see: sheets, cell values, number formats and merges. */
async function cellsOf(file: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[] = [];
  wb.eachSheet((ws) => {
    out.push({ sheet: ws.name, merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort() });
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        out.push([ws.name, cell.address, JSON.stringify(cell.value), cell.numFmt ?? null]);
      });
    });
  });
  return out;
}

describe('the fixture generator', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-fixtures-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes the same cells, CSV bytes and expectations on a second run', async () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'generate-fixtures.js'), tmp], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'expected.json'), 'utf8'))).toEqual(expected);
    for (const xlsx of ['fields/giao-duc-khong-dat.xlsx', 'layout/nfd.xlsx', 'layout/loi-cong-thuc.xlsx', 'profiles/hung-yen__dai-hoi-tinh-khong-dat.xlsx']) {
      expect(await cellsOf(path.join(tmp, xlsx)), xlsx).toEqual(await cellsOf(path.join(FIXTURES, xlsx)));
    }
    for (const csv of ['csv/dau-phay-bom.csv', 'csv/cham-phay.csv', 'csv/tab.tsv', 'csv/unicode-text.txt']) {
      expect(fs.readFileSync(path.join(tmp, csv)).equals(fs.readFileSync(path.join(FIXTURES, csv))), csv).toBe(true);
    }
  });
});
