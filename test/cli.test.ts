/**
 * The command line as users and their scripts rely on it (shared/spec/contract.md): the JSON
 * report's shape and order, --quiet, --max-warnings, --lang, exit codes and one-line reasons on
 * stderr, `explain`, `rules validate`, -o, and hoso.config.yaml discovery. Runs the built CLI on
 * the generated fixtures (fixtures/expected.json says what each holds).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, hoso, type Report, type ReportFinding } from './support/cli.js';

// Each test starts node processes (about 0.5 s each, more when several run at once).
vi.setConfig({ testTimeout: 60_000 });

const fixture = (p: string) => path.join('fixtures', p);
const expected: Record<string, { findings: { ruleId: string; severity: string }[]; nonNomineeRows: Record<string, Record<string, number[]>> }> = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'),
);

/** One line, no stack trace: what the contract asks of every exit-2 reason. */
function expectOneLineReason(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Error:|\.ts:\d+|\.js:\d+/);
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function columnNumber(letters = ''): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.concurrent('hoso check -f json', () => {
  it('prints one JSON document: a summary with files, rows, errors and warnings, and the findings', async () => {
    const run = await hoso(['check', fixture('fields/giao-duc-khong-dat.xlsx'), fixture('fields/cong-thuong-khong-dat.xlsx'), '-f', 'json']);
    expect(run.code).toBe(1);
    const report: Report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['summary', 'findings']));
    expect(report.summary).toMatchObject({ files: 2, rows: 10, errors: 3, warnings: 2 });
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
    expect(report.summary.warnings).toBe(report.findings.filter((f) => f.severity === 'warning').length);
    for (const f of report.findings) {
      expect(f).toMatchObject({ ruleId: expect.any(String), severity: expect.stringMatching(/^(error|warning|info)$/), message: expect.any(String), file: expect.any(String), source: expect.any(String) });
      // A cell finding has its sheet, Excel row and column letter; the others carry a group instead.
      if (f.row !== undefined) expect(f).toMatchObject({ sheet: expect.any(String), row: expect.any(Number), column: expect.stringMatching(/^[A-Z]+$/) });
      else expect(f.group).toEqual(expect.any(String));
    }
    const antt = report.findings.find((f) => f.ruleId === 'giao-duc/an-toan-antt' && f.value !== undefined);
    expect(antt).toMatchObject({ file: fixture('fields/giao-duc-khong-dat.xlsx'), sheet: 'Danh sách', value: 'Không', source: expect.stringContaining('004 §III.3.a') });
  });

  it('orders findings by file (as given, folders in name order), sheet (workbook order), row and column', async () => {
    const inputs = ['layout/hai-trang-theo-doi-tuong.xlsx', 'layout/trung-lap-hai-tep', 'fields/san-xuat-kinh-doanh-khong-dat.xlsx', 'layout/thieu-cot-tieu-chi.xlsx', 'fields/giao-duc-khong-dat.xlsx'];
    const run = await hoso(['check', ...inputs.map(fixture), '-f', 'json']);
    const report: Report = JSON.parse(run.stdout);
    const files = [
      'layout/hai-trang-theo-doi-tuong.xlsx',
      'layout/trung-lap-hai-tep/phong-gd-dt.xlsx',
      'layout/trung-lap-hai-tep/xa-dak-koi.xlsx',
      'fields/san-xuat-kinh-doanh-khong-dat.xlsx',
      'layout/thieu-cot-tieu-chi.xlsx',
      'fields/giao-duc-khong-dat.xlsx',
    ].map(fixture);
    const sheetsOf = (file: string) => Object.keys(Object.values(expected).find((e) => e.nonNomineeRows[path.relative('fixtures', file)])!.nonNomineeRows[path.relative('fixtures', file)]);
    const place = (f: ReportFinding) => [files.indexOf(f.file), f.sheet === undefined ? -1 : sheetsOf(f.file).indexOf(f.sheet), f.row ?? -1, columnNumber(f.column) || -1];
    const places = report.findings.map(place);
    expect(places.every((p) => p[0] >= 0 && p[1] >= -1)).toBe(true);
    const inOrder = [...places].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
    expect(places).toEqual(inOrder);
    // Not trivially met: the findings span every input, and the first file's sheets come in workbook
    // order ("Tập thể" before "Cá nhân", the instructions sheet passed over last), not in alphabetical order.
    expect(new Set(places.map((p) => p[0])).size).toBe(files.length);
    expect([...new Set(report.findings.filter((f) => f.file === files[0]).map((f) => f.sheet))]).toEqual(['Tập thể', 'Cá nhân', 'Hướng dẫn']);
  });
});

describe.concurrent('hoso check options', () => {
  const mixed = fixture('fields/ca-nhan-can-bo-khong-dat.xlsx'); // errors and one warning
  const warningsOnly = fixture('fields/cong-thuong-khong-dat.xlsx'); // two warnings, no error

  it('--quiet reports errors only', async () => {
    const all: Report = JSON.parse((await hoso(['check', mixed, '-f', 'json'])).stdout);
    const run = await hoso(['check', mixed, '-f', 'json', '--quiet']);
    const quiet: Report = JSON.parse(run.stdout);
    expect(all.findings.some((f) => f.severity === 'warning')).toBe(true);
    expect(quiet.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(quiet.findings).toEqual(all.findings.filter((f) => f.severity === 'error'));
    expect(quiet.summary.warnings).toBe(0);
    expect(run.code).toBe(1);
  });

  it('--max-warnings 0 turns warnings into exit 1; warnings within the limit keep exit 0', async () => {
    expect((await hoso(['check', warningsOnly, '-f', 'json'])).code).toBe(0);
    expect((await hoso(['check', warningsOnly, '-f', 'json', '--max-warnings', '0'])).code).toBe(1);
    expect((await hoso(['check', warningsOnly, '-f', 'json', '--max-warnings', '2'])).code).toBe(0);
    expect((await hoso(['check', fixture('fields/cong-thuong-dat.xlsx'), '--max-warnings', '0'])).code).toBe(0);
  });

  it('--lang en gives English messages (Vietnamese by default)', async () => {
    const file = fixture('fields/giao-duc-khong-dat.xlsx');
    const vi: Report = JSON.parse((await hoso(['check', file, '-f', 'json'])).stdout);
    const en: Report = JSON.parse((await hoso(['check', file, '-f', 'json', '--lang', 'en'])).stdout);
    expect(vi.findings.map((f) => f.message).join('\n')).toMatch(/phải là «Có»/);
    expect(en.findings.map((f) => [f.ruleId, f.row])).toEqual(vi.findings.map((f) => [f.ruleId, f.row]));
    expect(en.findings[0].message).toMatch(/must be equal to "Yes" \(it is "Không"\)/);
    for (const f of en.findings) expect(f.message).not.toMatch(/phải|Thiếu|để trống|chỉ ghi/);
    const stylish = await hoso(['check', file, '--lang', 'en']);
    expect(stylish.stdout).toMatch(/3 problems \(3 error/);
    expect(stylish.stdout).toMatch(/nominee rows/);
  });
});

describe.concurrent('exit 2: the tool cannot do its job', () => {
  it('an unknown --profile: one line on stderr, no stack trace', async () => {
    const run = await hoso(['check', fixture('fields/giao-duc-dat.xlsx'), '--profile', 'binh-dinh/thanh-pho']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expectOneLineReason(run.stderr);
    expect(run.stderr).toContain('binh-dinh/thanh-pho');
  });

  it('a rule pack with a YAML mistake given with --rules: file:line:col on stderr', async () => {
    const pack = path.join(tmp, 'sai-cu-phap.yaml');
    fs.writeFileSync(pack, ['pack: thu-nghiem', 'title: { vi: Thử nghiệm, en: Trial }', 'rules:', '  - id: thu-nghiem/ten', '    title: [chưa đóng ngoặc', '    check: required', ''].join('\n'));
    const run = await hoso(['check', fixture('fields/giao-duc-dat.xlsx'), '--rules', pack]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expectOneLineReason(run.stderr);
    expect(run.stderr).toMatch(new RegExp(`${pack.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+`));
  });

  it('a not-a-workbook file and an empty file beside a good one: the good one is still reported, one line per bad file', async () => {
    const notWorkbook = path.join(tmp, 'bao-cao.xlsx');
    const empty = path.join(tmp, 'rong.xlsx');
    fs.writeFileSync(notWorkbook, 'Đây là báo cáo, không phải sổ tính Excel.\n');
    fs.writeFileSync(empty, '');
    const good = fixture('fields/giao-duc-khong-dat.xlsx');
    const run = await hoso(['check', good, notWorkbook, empty, '-f', 'json']);
    expect(run.code).toBe(2);
    const report: Report = JSON.parse(run.stdout);
    expect(report.findings.map((f) => [f.ruleId, f.row, f.column])).toEqual(
      expected['fields/giao-duc-khong-dat.xlsx'].findings.map((f) => [f.ruleId, (f as { row?: number }).row, (f as { column?: string }).column]),
    );
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes(notWorkbook))).toBeDefined();
    expect(lines.find((l) => l.includes(empty))).toBeDefined();
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('-o onto an input file is refused and the input is left unchanged', async () => {
    const input = path.join(tmp, 'xa-dak-ruong.xlsx');
    fs.copyFileSync(path.join(FIXTURES, 'fields/giao-duc-khong-dat.xlsx'), input);
    const before = sha256(input);
    const run = await hoso(['check', input, '-f', 'json', '-o', input]);
    expect(run.code).toBe(2);
    expectOneLineReason(run.stderr);
    expect(sha256(input)).toBe(before);
    expect(fs.readdirSync(tmp).filter((n) => n.includes('xa-dak-ruong') && n !== 'xa-dak-ruong.xlsx')).toEqual([]);
  });

  it('-o onto another file writes the report there and nothing to stdout', async () => {
    const out = path.join(tmp, 'bao-cao.json');
    const run = await hoso(['check', fixture('fields/giao-duc-khong-dat.xlsx'), '-f', 'json', '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as Report).summary.errors).toBe(3);
  });
});

describe.concurrent('hoso explain and hoso rules validate', () => {
  it('explain giao-duc/an-toan-antt prints the source "004 §III.3.a" and the examples', async () => {
    const run = await hoso(['explain', 'giao-duc/an-toan-antt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('004 §III.3.a');
    expect(run.stdout).toContain('Trường THCS Đắk Ruồng');
  });

  it('explain of an unknown id exits 2 with one line', async () => {
    const run = await hoso(['explain', 'giao-duc/khong-co']);
    expect(run.code).toBe(2);
    expectOneLineReason(run.stderr);
  });

  it('rules validate: exit 0 on a good pack, exit 2 with file:line:col on a bad one', async () => {
    const good = path.join(tmp, 'tinh-moi.yaml');
    fs.writeFileSync(
      good,
      [
        'pack: tinh-moi',
        'title: { vi: Tỉnh mới, en: New province }',
        'rules:',
        '  - id: tinh-moi/hinh-thuc',
        '    title: { vi: Có hình thức đề nghị, en: The award is given }',
        '    check: required',
        '    with: { column: hinh_thuc }',
        '    source: "Thử nghiệm"',
        '    examples:',
        '      valid: [{ stt: 1, ten: Nguyễn Văn An, loai: Cá nhân, don_vi: UBND xã, hinh_thuc: Giấy khen }]',
        '      invalid: [{ stt: 1, ten: Nguyễn Văn An, loai: Cá nhân, don_vi: UBND xã, hinh_thuc: null }]',
        '',
      ].join('\n'),
    );
    const ok = await hoso(['rules', 'validate', good]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);

    const bad = path.join(tmp, 'tinh-sai.yaml');
    fs.writeFileSync(bad, fs.readFileSync(good, 'utf8').replace('tinh-moi', 'tinh-sai').replace('tinh-moi/', 'tinh-sai/').replace('check: required', 'check: khong-co-phep-nay'));
    const run = await hoso(['rules', 'validate', bad]);
    expect(run.code).toBe(2);
    expectOneLineReason(run.stderr);
    expect(run.stderr).toMatch(/tinh-sai\.yaml:\d+:\d+/);
  });
});

describe('hoso.config.yaml', () => {
  it('is found upward from the current folder: it turns a profile on and a rule off', async () => {
    const project = path.join(tmp, 'so-noi-vu');
    const dossiers = path.join(project, 'ho-so', 'dot-1');
    fs.mkdirSync(dossiers, { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'profiles/kon-ray__xa-khong-dat.xlsx'), path.join(dossiers, 'thi-tran-dak-rve.xlsx'));
    fs.copyFileSync(path.join(FIXTURES, 'fields/giao-duc-khong-dat.xlsx'), path.join(dossiers, 'phong-gd-dt.xlsx'));
    fs.writeFileSync(path.join(project, 'hoso.config.yaml'), ['profiles: [kon-ray/xa]', 'severity:', '  chung/thanh-tich-thuc-chat: "off"', ''].join('\n'));

    const withConfig: Report = JSON.parse((await hoso(['check', '.', '-f', 'json'], { cwd: dossiers })).stdout);
    const rules = withConfig.findings.map((f) => f.ruleId);
    expect(rules).toContain('kon-ray/xa/toi-thieu');
    expect(rules).not.toContain('chung/thanh-tich-thuc-chat');
    expect(rules.filter((r) => r === 'giao-duc/an-toan-antt')).toHaveLength(2);

    // The same folder seen from outside the project: no config, so no profile and the rule on.
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-noconfig-'));
    try {
      const without: Report = JSON.parse((await hoso(['check', dossiers, '-f', 'json'], { cwd: outside })).stdout);
      expect(without.findings.map((f) => f.ruleId)).toContain('chung/thanh-tich-thuc-chat');
      expect(without.findings.map((f) => f.ruleId)).not.toContain('kon-ray/xa/toi-thieu');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
