/**
 * Reviewed exceptions, as ESLint's bulk suppressions: `check --suppress` writes hoso-suppressions.json
 * with who each finding is about (never the row number), later runs set those findings apart (no
 * exit code, counted in every format), say which no longer occur, and `--prune-suppressions`
 * removes those. The dossiers are built with the fixture kit in a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeDossier } from '../../scripts/fixture-kit/dossier.js';
import { cadre } from '../../scripts/fixture-kit/people.js';
import { C, footer, sheet, titleBlock, WHO, XEP_LOAI } from '../../scripts/fixture-kit/vocab.js';
import type { NomineeRow } from '../../scripts/fixture-kit/dossier.js';
import { hoso, type ReportFinding } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const FILE = 'xa-dak-ruong.xlsx';
const UNIT = 'UBND XÃ ĐẮK RUỒNG';
const SUPPRESSIONS = 'hoso-suppressions.json';
const REASON = 'Sở Nội vụ chấp nhận: bản tóm tắt nộp riêng (công văn 12/SNV)';

/** A cadre of the commune; `thanh_tich: 'x'` is an error of chung/thanh-tich-thuc-chat at column M. */
const person = (ten: string, thanh_tich = 'Hoàn thành xuất sắc nhiệm vụ, có sáng kiến cải tiến thủ tục một cửa liên thông') =>
  cadre({ ten, chuc_vu: 'Công chức', don_vi: 'UBND xã Đắk Ruồng', linh_vuc: 'Cải cách hành chính', thanh_tich });
const an = person('Nguyễn Văn An', 'x');
const anFixed = person('Nguyễn Văn An');
const binh = person('Trần Thị Bình');
const cuong = person('Lê Văn Cường');
/** Another nominee with the same defect in the same column: a new finding, not An's. */
const dung = person('Phạm Văn Dũng', 'x');

const DIRECT_WORKERS = 'chung/uu-tien-lao-dong-truc-tiep';
const SUMMARY = 'chung/thanh-tich-thuc-chat';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-suppress-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let folders = 0;

/** A fresh folder for one test. */
function folder(): string {
  const dir = path.join(tmp, `t${++folders}`);
  fs.mkdirSync(dir);
  return dir;
}

/** The commune's list (one sheet, the individuals under "I. CÁ NHÂN"), written over `dir/name`. */
async function list(dir: string, rows: NomineeRow[], name = FILE): Promise<void> {
  const s = sheet({ title: titleBlock(UNIT), columns: [...WHO, XEP_LOAI, C.thanh_tich, C.hinh_thuc], sections: [{ roman: 'I', label: 'CÁ NHÂN', rows }], footer: footer({ place: 'Đắk Ruồng', date: [15, 8, 2025], maker: 'Nguyễn Thị Hoa', head: 'A Vương' }) });
  await writeDossier(dir, { file: name, sheets: [s] });
}

interface JsonReport {
  summary: { errors: number; warnings: number; suppressed: number; suppressions: string | null };
  findings: (ReportFinding & { nominee?: string })[];
  suppressed: (ReportFinding & { nominee?: string; reason: string })[];
}

async function json(dir: string, ...more: string[]): Promise<{ code: number | null; report: JsonReport; stderr: string }> {
  const run = await hoso(['check', FILE, '-f', 'json', ...more], { cwd: dir });
  return { code: run.code, report: JSON.parse(run.stdout), stderr: run.stderr };
}

type Entry = Record<string, string | number>;
const entries = (dir: string, file = SUPPRESSIONS): Entry[] => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).suppressions;
const writeEntries = (dir: string, list: Entry[]) => fs.writeFileSync(path.join(dir, SUPPRESSIONS), JSON.stringify({ suppressions: list }, null, 2));
const noRowNumbers = (list: Entry[]) => list.filter((e) => 'row' in e);

describe.concurrent('hoso check --suppress and hoso-suppressions.json', () => {
  it('round trip: a row inserted above the nominee keeps the finding suppressed; the cell fixed, it is stale; --prune-suppressions removes it', async () => {
    const dir = folder();
    await list(dir, [an, binh]);
    const before = await json(dir);
    expect(before.code).toBe(1);
    expect(before.report.findings.map((f) => [f.ruleId, f.row ?? f.group])).toEqual([
      [DIRECT_WORKERS, UNIT],
      [SUMMARY, 9],
    ]);

    const suppress = await hoso(['check', FILE, '--suppress'], { cwd: dir });
    expect(suppress.code).toBe(0);
    expect(suppress.stderr).toBe(`hoso: Đã ghi các vấn đề được chấp nhận: ${SUPPRESSIONS} (2 mục, 2 mục chưa ghi lý do «reason»)\n`);
    expect(suppress.stdout).toMatch(/^2 vấn đề đã được chấp nhận \(hoso-suppressions\.json\)\n✔ Không có vấn đề nào \(1 tệp, 2 dòng đề nghị\) — mã thoát 0\n$/m);
    const written = entries(dir);
    expect(written).toEqual([
      { ruleId: DIRECT_WORKERS, file: FILE, group: UNIT, count: 1, reason: '' },
      { ruleId: SUMMARY, file: FILE, sheet: 'Danh sách', nominee: 'Nguyễn Văn An', unit: UNIT, column: 'M', count: 1, reason: '' },
    ]);
    expect(noRowNumbers(written)).toEqual([]);
    writeEntries(dir, [written[0], { ...written[1], reason: REASON }]);

    // A nominee put in above An: An's row is 10 now.
    await list(dir, [cuong, an, binh]);
    const moved = await json(dir);
    expect(moved.code).toBe(0);
    expect(moved.stderr).toBe('');
    expect(moved.report.findings).toEqual([]);
    expect(moved.report.summary).toMatchObject({ errors: 0, warnings: 0, suppressed: 2, suppressions: SUPPRESSIONS });
    expect(moved.report.suppressed.map((f) => [f.ruleId, f.row, f.nominee, f.reason])).toEqual([
      [DIRECT_WORKERS, undefined, undefined, ''],
      [SUMMARY, 10, 'Nguyễn Văn An', REASON],
    ]);

    // --suppress again keeps the reason written.
    expect((await hoso(['check', FILE, '--suppress'], { cwd: dir })).code).toBe(0);
    expect(entries(dir)[1]).toMatchObject({ nominee: 'Nguyễn Văn An', count: 1, reason: REASON });

    // The cell fixed: the entry no longer matches, which the run says without failing.
    await list(dir, [cuong, anFixed, binh]);
    const fixed = await hoso(['check', FILE], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toBe(`hoso: ${SUPPRESSIONS} chấp nhận 1 vấn đề không còn xuất hiện: chạy lại với --prune-suppressions để xóa chúng khỏi tệp\n`);
    expect(fixed.stdout).toContain('1 vấn đề đã được chấp nhận (hoso-suppressions.json)');
    const en = await hoso(['check', FILE, '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toBe(`hoso: ${SUPPRESSIONS} accepts 1 problem that no longer occurs: run again with --prune-suppressions to remove them\n`);
    expect(en.stdout).toContain('1 suppressed problem (hoso-suppressions.json)');

    const prune = await hoso(['check', FILE, '--prune-suppressions'], { cwd: dir });
    expect(prune.code).toBe(0);
    expect(prune.stderr).toBe(`hoso: Đã ghi các vấn đề được chấp nhận: ${SUPPRESSIONS} (1 mục, 1 mục chưa ghi lý do «reason»)\n`);
    expect(entries(dir)).toEqual([written[0]]);
    const after = await hoso(['check', FILE], { cwd: dir });
    expect([after.code, after.stderr]).toEqual([0, '']);
  });

  it('a new finding still fails the run; the others are those of a run without the file, in the same order', async () => {
    const dir = folder();
    await list(dir, [an, binh]);
    const original = await json(dir);
    expect((await hoso(['check', FILE, '--suppress'], { cwd: dir })).code).toBe(0);

    // Dũng has An's defect, in the same column: a finding of its own.
    await list(dir, [an, binh, dung]);
    const withFile = await json(dir);
    const without = await json(dir, '--no-suppressions');
    expect(withFile.code).toBe(1);
    expect(without.code).toBe(1);
    const accepted = (f: ReportFinding & { nominee?: string }) => f.ruleId === DIRECT_WORKERS || f.nominee === 'Nguyễn Văn An';
    expect(withFile.report.findings.map((f) => [f.ruleId, f.row, f.nominee])).toEqual([[SUMMARY, 11, 'Phạm Văn Dũng']]);
    expect(withFile.report.findings).toEqual(without.report.findings.filter((f) => !accepted(f)));
    expect(withFile.report.suppressed.map(({ reason: _, ...f }) => f)).toEqual(without.report.findings.filter(accepted));
    expect(withFile.report.summary).toMatchObject({ errors: 1, warnings: 0, suppressed: 2, suppressions: SUPPRESSIONS });
    expect(without.report.summary).toMatchObject({ errors: 2, warnings: 1, suppressed: 0, suppressions: null });
    expect(without.report.suppressed).toEqual([]);

    // Without the file, the run is what it was before any suppression.
    await list(dir, [an, binh]);
    fs.rmSync(path.join(dir, SUPPRESSIONS));
    const gone = await json(dir);
    expect(gone.code).toBe(1);
    expect(gone.report).toEqual(original.report);
  });

  it('every format counts or marks what is accepted: stylish, json, sarif (an external suppression with the reason), junit, github, csv', async () => {
    const dir = folder();
    await list(dir, [an, binh, dung]);
    expect((await hoso(['check', FILE, '--suppress'], { cwd: dir })).code).toBe(0);
    const [warnings, summary] = entries(dir);
    // Dũng's entry is taken out: his finding is the one problem left.
    writeEntries(dir, [warnings, { ...summary, reason: REASON }]);
    expect(summary).toMatchObject({ nominee: 'Nguyễn Văn An' });
    const run = (format: string) => hoso(['check', FILE, '-f', format], { cwd: dir });
    const [stylish, sarif, junit, github, csv] = await Promise.all(['stylish', 'sarif', 'junit', 'github', 'csv'].map(run));
    for (const r of [stylish, sarif, junit, github, csv]) expect([r.code, r.stderr]).toEqual([1, '']);

    expect(stylish.stdout).not.toContain('Nguyễn Văn An');
    expect(stylish.stdout).toMatch(/\n {2}M11 +lỗi {2}«Tóm tắt thành tích» chỉ ghi «x».* chung\/thanh-tich-thuc-chat\n/);
    expect(stylish.stdout.trimEnd().split('\n').slice(-3)).toEqual([
      '1 vấn đề (1 lỗi, 0 cảnh báo) — 1 tệp, 3 dòng đề nghị',
      '2 vấn đề đã được chấp nhận (hoso-suppressions.json)',
      '✖ 1 lỗi — mã thoát 1',
    ]);

    const results = JSON.parse(sarif.stdout).runs[0].results;
    expect(results.map((r: { ruleId: string; locations: { physicalLocation: { region?: { startLine: number } } }[]; suppressions?: unknown }) => [r.ruleId, r.locations[0].physicalLocation.region?.startLine, r.suppressions])).toEqual([
      [SUMMARY, 11, undefined],
      [DIRECT_WORKERS, undefined, [{ kind: 'external' }]],
      [SUMMARY, 9, [{ kind: 'external', justification: REASON }]],
    ]);

    expect(junit.stdout).toContain('<property name="errors-found" value="1"/><property name="warnings-found" value="0"/><property name="suppressed-found" value="2"/>');
    expect(junit.stdout.match(/<failure /g)).toHaveLength(1);
    expect(junit.stdout).not.toContain('Nguyễn Văn An');

    expect(github.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^::error file=xa-dak-ruong\.xlsx,line=11,title=chung\/thanh-tich-thuc-chat::/), '::notice::2 vấn đề đã được chấp nhận (hoso-suppressions.json)']);

    const lines = csv.stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,sheet,cell,row,column,severity,ruleId,message,value,source,suppressed,reason');
    expect(lines.slice(1).map((l) => l.split(',').slice(-2))).toEqual([
      ['', ''],
      ['true', ''],
      ['true', REASON],
    ]);
  });

  it('a suppressions file that is not one: exit 2 with one line naming it and what is wrong, and nothing checked', async () => {
    const dir = folder();
    await list(dir, [an, binh]);
    const cases: [string, string, string][] = [
      ['{"suppressions": [', 'không phải JSON hợp lệ', 'not valid JSON'],
      ['{"suppressions": [{"ruleId": "chung/thanh-tich-thuc-chat", "file": "xa-dak-ruong.xlsx", "count": 0}]}', 'suppressions[0].count: phải từ 1 trở lên', 'suppressions[0].count: must be at least 1'],
      ['{"suppressions": [{"ruleId": "chung/thanh-tich-thuc-chat", "file": "xa-dak-ruong.xlsx", "count": 1, "reson": ""}]}', 'suppressions[0].reson: khóa lạ «reson»', 'suppressions[0].reson: unknown key "reson"'],
      ['{"suppressions": [{"ruleId": "chung/thanh-tich-thuc-chat", "count": 1}]}', 'suppressions[0].file: thiếu', 'suppressions[0].file: missing'],
      ['{"suppressions": {}}', 'suppressions: phải là một danh sách [...]', 'suppressions: must be a list [...]'],
    ];
    for (const [text, vi, en] of cases) {
      fs.writeFileSync(path.join(dir, SUPPRESSIONS), text);
      const run = await hoso(['check', FILE], { cwd: dir });
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toMatch(new RegExp(`^hoso: ${SUPPRESSIONS}: ${vi.replace(/[[\].*()]/g, '\\$&')}( \\(.*\\))?\\n$`));
      const english = await hoso(['check', FILE, '--lang', 'en'], { cwd: dir });
      expect(english.stderr).toMatch(new RegExp(`^hoso: ${SUPPRESSIONS}: ${en.replace(/[[\].*()]/g, '\\$&')}( \\(.*\\))?\\n$`));
    }
    // --no-suppressions does not read it; with --suppress it is a contradiction.
    expect((await hoso(['check', FILE, '--no-suppressions'], { cwd: dir })).code).toBe(1);
    const both = await hoso(['check', FILE, '--no-suppressions', '--suppress'], { cwd: dir });
    expect([both.code, both.stderr.split('\n').length]).toEqual([2, 2]);
    // A folder where the file should be.
    const folderAt = await hoso(['check', FILE, '--suppressions-location', '.'], { cwd: dir });
    expect([folderAt.code, folderAt.stderr]).toEqual([2, `hoso: ${dir}: không phải một tệp\n`]);
  });

  it('applies after checking: the same with -j 2 and with --cache, nothing of it enters the cache, and only files checked or gone make entries stale', async () => {
    const dir = folder();
    await list(dir, [an, binh]);
    // Nobody of the first list, so no duplicate across the two.
    await list(dir, [dung, cuong], 'xa-b.xlsx');
    const check = (...more: string[]) => hoso(['check', FILE, 'xa-b.xlsx', '-f', 'json', ...more], { cwd: dir });
    expect((await hoso(['check', FILE, '--suppress'], { cwd: dir })).code).toBe(0);
    writeEntries(dir, entries(dir).map((e) => ({ ...e, reason: REASON })));
    const plain = await check();
    expect(plain.code).toBe(1);
    const report = JSON.parse(plain.stdout);
    expect(report.summary.suppressed).toBe(2);
    expect(report.findings.map((f: ReportFinding) => f.file)).toEqual(['xa-b.xlsx', 'xa-b.xlsx']);
    const cache = path.join(dir, 'cache.json');
    for (const more of [['-j', '2'], ['--cache', '--cache-location', cache], ['--cache', '--cache-location', cache], ['--cache', '--cache-location', cache, '-j', '2']]) {
      const run = await check(...more);
      expect([run.code, run.stdout], more.join(' ')).toEqual([1, plain.stdout]);
    }
    const cached = fs.readFileSync(cache, 'utf8');
    expect(cached).toContain('Nguyễn Văn An');
    expect(cached).not.toContain(REASON);
    expect(cached).not.toMatch(/"(suppressed|reason)"/);

    // Entries of a file this run did not check are not stale, unless the file is gone.
    const other = await hoso(['check', 'xa-b.xlsx'], { cwd: dir });
    expect([other.code, other.stderr]).toEqual([1, '']);
    fs.renameSync(path.join(dir, FILE), path.join(dir, 'da-gui.xlsx.bak'));
    const gone = await hoso(['check', 'xa-b.xlsx'], { cwd: dir });
    expect([gone.code, gone.stderr]).toEqual([1, `hoso: ${SUPPRESSIONS} chấp nhận 2 vấn đề không còn xuất hiện: chạy lại với --prune-suppressions để xóa chúng khỏi tệp\n`]);
  });

  it('--quiet and --max-warnings: an accepted warning is not counted, nor called stale for being hidden', async () => {
    const dir = folder();
    await list(dir, [an, binh]);
    expect((await hoso(['check', FILE, '--suppress'], { cwd: dir })).code).toBe(0);
    const quiet = await hoso(['check', FILE, '--quiet'], { cwd: dir });
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
    expect(quiet.stdout).toContain('1 vấn đề đã được chấp nhận');
    const strict = await hoso(['check', FILE, '--max-warnings', '0'], { cwd: dir });
    expect([strict.code, strict.stderr]).toEqual([0, '']);
    // Without the file the warning counts again.
    expect((await hoso(['check', FILE, '--max-warnings', '0', '--no-suppressions'], { cwd: dir })).code).toBe(1);
  });

  it('lives beside the config in force, names files relative to itself, is passed over in a folder, and is never written over an input', async () => {
    const dir = folder();
    const sub = path.join(dir, 'ho-so', 'dot-1');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(dir, 'hoso.config.yaml'), 'lang: vi\n');
    await list(sub, [an, binh]);
    const run = await hoso(['check', FILE, '--suppress'], { cwd: sub });
    expect(run.stderr).toBe(`hoso: Đã ghi các vấn đề được chấp nhận: ${path.join(dir, SUPPRESSIONS)} (2 mục, 2 mục chưa ghi lý do «reason»)\n`);
    expect(fs.existsSync(path.join(sub, SUPPRESSIONS))).toBe(false);
    expect(entries(dir).map((e) => e.file)).toEqual(['ho-so/dot-1/xa-dak-ruong.xlsx', 'ho-so/dot-1/xa-dak-ruong.xlsx']);
    // Checked from the config's folder, by the folder: the same entries match, and the file is no dossier to report.
    const walked = await hoso(['check', '.', '-f', 'json'], { cwd: dir });
    expect(walked.code).toBe(0);
    const report = JSON.parse(walked.stdout);
    expect(report.findings).toEqual([]);
    expect(report.summary.suppressed).toBe(2);

    // --suppressions-location chooses the file; it is read from there on later runs too.
    const elsewhere = await hoso(['check', FILE, '--suppress', '--suppressions-location', 'ngoai-le.json'], { cwd: sub });
    expect(elsewhere.code).toBe(0);
    expect(entries(sub, 'ngoai-le.json').map((e) => e.file)).toEqual([FILE, FILE]);
    expect((await hoso(['check', FILE, '--suppressions-location', 'ngoai-le.json', '--config', path.join(dir, 'hoso.config.yaml')], { cwd: sub })).code).toBe(0);

    // Never over a dossier: refused before checking, the dossier untouched.
    const bytes = fs.readFileSync(path.join(sub, FILE));
    const over = await hoso(['check', FILE, '--suppress', '--suppressions-location', FILE], { cwd: sub });
    expect(over.code).toBe(2);
    expect(over.stderr.split('\n')).toHaveLength(2);
    expect(fs.readFileSync(path.join(sub, FILE)).equals(bytes)).toBe(true);
  });
});
