/**
 * Every file given or found in a folder is checked, refused with one line (exit 2) or named by an
 * info finding, and each file is checked once however many paths lead to it. Each case is a
 * folder made here (copies of a fixture, a few bytes of other formats, pipes, links), run through
 * the built CLI; a hang is bounded by the test's time limit, never timed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, hoso, type Report, type Run } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

/** A list with errors on three rows (fixtures/expected.json): what must not change around it. */
const UNIT = path.join(FIXTURES, 'fields/giao-duc-khong-dat.xlsx');
/** The first bytes of an OLE compound file: an Excel 97-2003 workbook as far as a reader can tell. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const posix = process.platform !== 'win32';

let tmp: string;
/** The unit's findings checked alone: rule, cell and message, without the path; in English too. */
let alone: string[];
let aloneEn: string[];

/** A folder under the test's temp folder holding these files: 'unit' is a copy of UNIT. */
function folder(name: string, files: Record<string, 'unit' | string | Buffer> = {}): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    if (content === 'unit') fs.copyFileSync(UNIT, path.join(dir, file));
    else fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

async function check(args: string[], cwd = tmp): Promise<{ run: Run; report: Report }> {
  const run = await hoso(['check', ...args, '-f', 'json'], { cwd });
  return { run, report: JSON.parse(run.stdout) as Report };
}

/** The findings of the rules, without the path: the same for a file however it was reached. */
const ruled = (r: Report) => r.findings.filter((f) => !f.ruleId.startsWith('hoso/')).map((f) => `${f.ruleId} ${f.sheet}!${f.column ?? ''}${f.row ?? ''} ${f.message}`);
/** hoso's own findings about the inputs (not about a sheet, such as the list's instructions sheet passed over): rule, file and message. */
const aboutFiles = (r: Report) => r.findings.filter((f) => f.ruleId !== 'hoso/trang-bo-qua');
const notes = (r: Report) => aboutFiles(r).filter((f) => f.ruleId.startsWith('hoso/')).map((f) => `${f.ruleId} ${f.file}: ${f.message}`);
const lines = (stderr: string) => stderr.trim().split('\n').filter(Boolean);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-inputs-'));
  folder('alone', { 'a.xlsx': 'unit' });
  const { run, report } = await check(['a.xlsx'], path.join(tmp, 'alone'));
  expect(run.code).toBe(1);
  alone = ruled(report);
  expect(alone).toHaveLength(3);
  aloneEn = ruled((await check(['a.xlsx', '--lang', 'en'], path.join(tmp, 'alone'))).report);
  expect(aloneEn).toHaveLength(3);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.concurrent('what a folder holds besides the lists', () => {
  it('refuses an .xls and an .ods beside a list with the very lines naming them gives, and still checks the list', async () => {
    const dir = folder('xls-ods', { 'a.xlsx': 'unit', 'b.xls': OLE, 'c.ods': 'PK' });
    const walked = await check(['xls-ods']);
    expect(walked.run.code).toBe(2);
    const named = await hoso(['check', 'xls-ods/b.xls', 'xls-ods/c.ods'], { cwd: tmp });
    expect(named.code).toBe(2);
    expect(lines(walked.run.stderr)).toEqual(lines(named.stderr));
    expect(lines(walked.run.stderr)).toEqual([
      'hoso: xls-ods/b.xls: tệp Excel cũ (.xls) hoặc tệp .xlsx có đặt mật khẩu: hãy gỡ mật khẩu hoặc mở bằng Excel và «Lưu thành» .xlsx',
      'hoso: xls-ods/c.ods: tệp OpenDocument (.ods): hãy «Lưu thành» .xlsx',
    ]);
    expect(ruled(walked.report)).toEqual(alone);
    expect(notes(walked.report)).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.xlsx', 'b.xls', 'c.ods']);
  });

  it('refuses the other spreadsheet formats found in a folder, each with its extension and what to do', async () => {
    folder('other-sheets', { 'a.xlsb': 'PK', 'b.numbers': 'PK', 'c.xltx': 'PK' });
    const { run } = await check(['other-sheets', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(
      ['a.xlsb', 'b.numbers', 'c.xltx'].map((f) => `hoso: other-sheets/${f}: a ${path.extname(f)} spreadsheet, which hoso does not read: open it and "Save As" .xlsx (Excel Workbook)`),
    );
  });

  it('names a .pdf, a .docx, a text file and an Excel lock file with an info finding each, in the folder’s order, without failing the run', async () => {
    folder('others', { 'a.xlsx': 'unit', 'b.pdf': '%PDF-1.4', 'c.docx': 'PK', 'd.txt': 'ghi chú', '~$a.xlsx': 'lock', '.an.pdf': 'x', 'hoso.config.yaml': 'lang: vi\n' });
    const { run, report } = await check(['others']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(report.summary).toMatchObject({ files: 1, rows: 5, errors: 3, warnings: 0 });
    expect(ruled(report)).toEqual(alone);
    // Hidden files and hoso's own config pass in silence, as the README says.
    expect(notes(report)).toEqual([
      'hoso/tep-bo-qua others/b.pdf: Không phải danh sách đề nghị (.pdf): không kiểm tra.',
      'hoso/tep-bo-qua others/c.docx: Không phải danh sách đề nghị (.docx): không kiểm tra.',
      'hoso/tep-bo-qua others/d.txt: Tệp văn bản (.txt) trong thư mục: không kiểm tra; nếu đó là danh sách đề nghị (lưu từ Excel dạng «Văn bản Unicode» chẳng hạn), hãy nêu tên tệp để kiểm tra.',
      'hoso/tep-khoa others/~$a.xlsx: Tệp khóa của Excel (~$): sổ tính đang được mở trong Excel; tệp khóa không được kiểm tra.',
    ]);
    const info = aboutFiles(report).filter((f) => f.ruleId.startsWith('hoso/'));
    for (const f of info) expect(f).toEqual({ ruleId: f.ruleId, severity: 'info', message: f.message, file: f.file, source: 'hoso' });
    // In the files' order: the list's findings first, then the files after it by name.
    expect(aboutFiles(report).map((f) => f.file)).toEqual([...alone.map(() => 'others/a.xlsx'), 'others/b.pdf', 'others/c.docx', 'others/d.txt', 'others/~$a.xlsx']);
  });

  it('says the same in English, and passes a named .pdf to the reader as before (exit 2)', async () => {
    folder('en', { 'a.xlsx': 'unit', 'b.pdf': '%PDF-1.4' });
    const { report } = await check(['en', '--lang', 'en']);
    expect(notes(report)).toEqual(['hoso/tep-bo-qua en/b.pdf: Not a nomination list (.pdf): not checked.']);
    const named = await hoso(['check', 'en/b.pdf'], { cwd: tmp });
    expect(named.code).toBe(2);
    expect(lines(named.stderr)).toEqual(['hoso: en/b.pdf: định dạng không hỗ trợ (chỉ nhận .xlsx và .csv) (unsupported file type .pdf)']);
  });

  it('lets the config turn the notices off like any rule', async () => {
    folder('quiet', { 'a.xlsx': 'unit', 'b.pdf': '%PDF-1.4', 'hoso.config.yaml': 'severity:\n  hoso/tep-bo-qua: "off"\n' });
    const { run, report } = await check(['.'], path.join(tmp, 'quiet'));
    expect(run.code).toBe(1);
    expect(notes(report)).toEqual([]);
    expect(ruled(report)).toEqual(alone);
  });

  it('carries the notices to every format', async () => {
    folder('formats', { 'a.xlsx': 'unit', 'b.pdf': '%PDF-1.4' });
    const sarif = JSON.parse((await hoso(['check', 'formats', '-f', 'sarif'], { cwd: tmp })).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'hoso/tep-bo-qua');
    expect(result).toMatchObject({ level: 'note', locations: [{ physicalLocation: { artifactLocation: { uri: 'formats/b.pdf' } } }] });
    const junit = (await hoso(['check', 'formats', '-f', 'junit'], { cwd: tmp })).stdout;
    expect(junit).toMatch(/<testsuite name="formats\/b\.pdf"[^>]*failures="0"[^>]*errors="0"/);
    expect(junit).toContain('info hoso/tep-bo-qua: Không phải danh sách đề nghị (.pdf): không kiểm tra. (hoso)');
    const stylish = await hoso(['check', 'formats'], { cwd: tmp });
    expect(stylish.stdout).toMatch(/formats\/b\.pdf\n\s+thông tin {2}Không phải danh sách đề nghị \(\.pdf\): không kiểm tra\. {2}hoso\/tep-bo-qua/);
    const csv = (await hoso(['check', 'formats', '-f', 'csv'], { cwd: tmp })).stdout;
    expect(csv).toContain('formats/b.pdf');
  });

  it('annotates only the lists read, not a file a notice names', async () => {
    folder('annotate', { 'a.xlsx': 'unit', 'b.pdf': '%PDF-1.4' });
    const run = await hoso(['check', 'annotate', '--annotate', 'annotated', '-f', 'json'], { cwd: tmp });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(fs.readdirSync(path.join(tmp, 'annotated'))).toEqual(['a.xlsx']);
  });

  it('shows a file name’s control characters escaped, in the report and on stderr', async () => {
    folder('names', { 'a.xlsx': 'unit', 'b\u001b[2J.pdf': 'x', 'c\nd.xls': OLE });
    const run = await hoso(['check', 'names'], { cwd: tmp });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('names/b\\u{1B}[2J.pdf');
    expect(run.stdout + run.stderr).not.toMatch(/[\u001b]/);
    expect(lines(run.stderr)).toEqual(['hoso: names/c\\u{A}d.xls: tệp Excel cũ (.xls) hoặc tệp .xlsx có đặt mật khẩu: hãy gỡ mật khẩu hoặc mở bằng Excel và «Lưu thành» .xlsx']);
  });
});

describe.concurrent('a folder or pattern with nothing to check: exit 2, one line', () => {
  for (const [what, name, files] of [
    ['an empty folder', 'empty', {}],
    ['a folder named like a workbook', 'ten-nhu-tep.xlsx', {}],
    ['a folder of files that are not lists', 'only-pdf', { 'b.pdf': '%PDF-1.4', '~$a.xlsx': 'lock', '.a.xlsx': 'hidden' }],
  ] as const) {
    it(what, async () => {
      folder(name, files);
      const { run, report } = await check([name, 'alone/a.xlsx']);
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual([`hoso: ${name}: không có tệp nào để kiểm tra`]);
      // The other input is still checked, unchanged.
      expect(ruled(report)).toEqual(alone);
      expect(report.summary.files).toBe(1);
    });
  }

  it('walks a folder named like a workbook as a folder', async () => {
    folder('thu-muc.xlsx', { 'a.xlsx': 'unit' });
    const { run, report } = await check(['thu-muc.xlsx']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(ruled(report)).toEqual(alone);
  });

  it('a pattern that matches nothing, in English', async () => {
    const run = await hoso(['check', 'alone/*.csv', '--lang', 'en'], { cwd: tmp });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(['hoso: alone/*.csv: no file to check']);
  });

  it('a path that does not exist is still "not found"', async () => {
    const run = await hoso(['check', 'khong-co'], { cwd: tmp });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(['hoso: khong-co: không tìm thấy tệp hoặc thư mục']);
  });
});

describe.concurrent.skipIf(!posix)('pipes, devices and sockets: refused without being opened', () => {
  it('a pipe named directly, with a list’s extension, does not block: exit 2, one line', async () => {
    folder('fifo-named', { 'a.xlsx': 'unit' });
    execFileSync('mkfifo', [path.join(tmp, 'fifo-named', 'p.csv')]);
    const { run, report } = await check(['fifo-named/p.csv', 'fifo-named/a.xlsx']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(['hoso: fifo-named/p.csv: không phải tệp mà là một ống dẫn (FIFO): không mở']);
    expect(ruled(report)).toEqual(alone);
  });

  it('a pipe and a socket found in a folder, in English; the list beside them is checked', async () => {
    folder('special', { 'a.xlsx': 'unit' });
    execFileSync('mkfifo', [path.join(tmp, 'special', 'p.xlsx')]);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(tmp, 'special', 's.csv'), resolve));
    try {
      const { run, report } = await check(['special', '--lang', 'en']);
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual(['hoso: special/p.xlsx: not a file but a pipe (FIFO): not opened', 'hoso: special/s.csv: not a file but a socket: not opened']);
      expect(ruled(report)).toEqual(aloneEn);
    } finally {
      server.close();
    }
  });

  it('a link to a device', async () => {
    folder('device');
    fs.symlinkSync('/dev/null', path.join(tmp, 'device', 'null.xlsx'));
    const run = await hoso(['check', 'device'], { cwd: tmp });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(['hoso: device/null.xlsx: không phải tệp mà là một thiết bị: không mở']);
  });
});

describe.concurrent('each file once', () => {
  it('the same file by a relative and an absolute path: checked once, its nominees not duplicates of themselves', async () => {
    const abs = path.join(tmp, 'alone', 'a.xlsx');
    const { run, report } = await check(['alone/a.xlsx', abs]);
    expect(run.code).toBe(1);
    expect(report.summary).toMatchObject({ files: 1, rows: 5, errors: 3 });
    expect(ruled(report)).toEqual(alone);
    expect(report.findings.some((f) => f.ruleId === 'chung/trung-lap')).toBe(false);
    expect(notes(report)).toEqual([`hoso/cung-mot-tep ${abs}: Cùng một tệp với «alone/a.xlsx»: chỉ kiểm tra một lần.`]);
  });

  it('two copies of the list are still two files, each nominee listed twice (what the rule is for)', async () => {
    folder('copies', { 'a.xlsx': 'unit', 'b.xlsx': 'unit' });
    const { report } = await check(['copies']);
    expect(report.summary.files).toBe(2);
    expect(report.findings.some((f) => f.ruleId === 'chung/trung-lap')).toBe(true);
    expect(notes(report)).toEqual([]);
  });

  it('a hard link and a symbolic link to the list in its folder, and the folder through a link: checked once, under the first path', async () => {
    const dir = folder('links/ho-so', { 'a.xlsx': 'unit' });
    fs.linkSync(path.join(dir, 'a.xlsx'), path.join(dir, 'b-cung.xlsx'));
    fs.symlinkSync('a.xlsx', path.join(dir, 'c-lien-ket.xlsx'));
    fs.symlinkSync('ho-so', path.join(tmp, 'links', 'lien-ket'));
    const { run, report } = await check(['links', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(report.summary).toMatchObject({ files: 1, rows: 5, errors: 3 });
    expect(ruled(report)).toEqual(aloneEn);
    expect(report.findings.filter((f) => f.ruleId !== 'hoso/cung-mot-tep').every((f) => f.file === 'links/ho-so/a.xlsx')).toBe(true);
    expect(notes(report)).toEqual([
      'hoso/cung-mot-tep links/ho-so/b-cung.xlsx: The same file as "links/ho-so/a.xlsx": checked once.',
      'hoso/cung-mot-tep links/ho-so/c-lien-ket.xlsx: The same file as "links/ho-so/a.xlsx": checked once.',
      'hoso/cung-mot-tep links/lien-ket: The same folder as "links/ho-so": checked once.',
    ]);
  });

  it('a folder with links to itself and to its parent: walked once, the loops named, no hang', async () => {
    const dir = folder('loops/ho-so', { 'a.xlsx': 'unit', 'con/b.pdf': 'x' });
    fs.symlinkSync('.', path.join(dir, 'chinh-no'));
    fs.symlinkSync('..', path.join(dir, 'con', 'len'));
    fs.symlinkSync('../..', path.join(dir, 'con', 'len-nua'));
    for (const jobs of ['1', '2']) {
      const { run, report } = await check(['loops/ho-so', '-j', jobs]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(report.summary).toMatchObject({ files: 1, rows: 5, errors: 3 });
      expect(ruled(report)).toEqual(alone);
      expect(notes(report)).toEqual([
        'hoso/vong-lien-ket loops/ho-so/chinh-no: Liên kết vòng về thư mục «loops/ho-so» đang duyệt: không duyệt lại.',
        'hoso/tep-bo-qua loops/ho-so/con/b.pdf: Không phải danh sách đề nghị (.pdf): không kiểm tra.',
        'hoso/vong-lien-ket loops/ho-so/con/len: Liên kết vòng về thư mục «loops/ho-so» đang duyệt: không duyệt lại.',
        `hoso/vong-lien-ket loops/ho-so/con/len-nua: Liên kết vòng về thư mục «${fs.realpathSync(path.join(tmp, 'loops'))}» đang duyệt: không duyệt lại.`,
      ]);
    }
  });

  it('gives the same report with --jobs 2, with --cache (twice) and as a batch report', async () => {
    const dir = folder('modes', { 'a.xlsx': 'unit', 'b.xlsx': 'unit', 'c.pdf': 'x' });
    fs.linkSync(path.join(dir, 'a.xlsx'), path.join(dir, 'd.xlsx'));
    const one = await check(['modes', '-j', '1']);
    expect(one.run.code).toBe(1);
    expect(notes(one.report)).toEqual([
      'hoso/tep-bo-qua modes/c.pdf: Không phải danh sách đề nghị (.pdf): không kiểm tra.',
      'hoso/cung-mot-tep modes/d.xlsx: Cùng một tệp với «modes/a.xlsx»: chỉ kiểm tra một lần.',
    ]);
    for (const args of [['-j', '2'], ['--cache', '--cache-location', 'modes.cache'], ['--cache', '--cache-location', 'modes.cache']]) {
      const other = await check(['modes', ...args]);
      expect(other.run.code, args.join(' ')).toBe(1);
      expect(other.report, args.join(' ')).toEqual(one.report);
    }
    const report = await hoso(['report', 'modes', '-o', 'modes.xlsx'], { cwd: tmp });
    expect(report.stderr).toBe('');
    expect(report.code).toBe(1);
    expect(fs.statSync(path.join(tmp, 'modes.xlsx')).size).toBeGreaterThan(0);
  });
});
