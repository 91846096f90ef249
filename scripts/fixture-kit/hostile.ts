/**
 * The hostile corpus (fixtures/bad/hostile/): one or more files for each class of attack the
 * second round found, as someone who can drop a file into a province's shared folder would make
 * them. Each is small (a few kilobytes stored, however much it inflates to); what cannot be a
 * file in a repository — a file name holding a line break, a FIFO, a 7 MiB pack, a thousand
 * workers — is made by the functions below into a test's temporary folder. test/bad/corpus.test.ts
 * states the verdict, the reason and the time bound of each.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BadFile } from './bad.js';
import { HOSTILE_PARTS, HOSTILE_SHAPES, hostileWorkbook, type HostileShape } from './hostile-xml.js';
import { editZip } from './zip.js';

/** How long each unfinished token runs: the 6 KB workbook of the issue took 184 s at about this size. */
const UNFINISHED_BYTES = 2 * 1024 * 1024;

/** Patterns that backtrack for ever in a JavaScript RegExp on a near-miss of 46 characters, with the character they repeat. */
export const HANGING_PATTERNS: [regex: string, ch: string][] = [
  ['^(a|a)*$', 'a'],
  ['^((a+))+$', 'a'],
  ['^(\\w|\\d)*$', '1'],
  ['^(a|aa)*$', 'a'],
  ['^(a?){40}a{40}$', 'a'],
];

/** A pack of one `pattern` rule on the "Ghi chú" column. */
export function patternPack(regex: string): string {
  const rule = `  - id: tinh-x/ghi-chu\n    title: Ghi chú đúng dạng\n    check: pattern\n    source: thử\n    with: { column: ghi_chu, regex: '${regex}', label: mã }\n    examples: { valid: [{ stt: 1, ten: A, loai: Cá nhân, ghi_chu: a }], invalid: [{ stt: 1, ten: A, loai: Cá nhân, ghi_chu: '!' }] }\n`;
  return `pack: tinh-x\ntitle: Tỉnh X\nrules:\n${rule}`;
}

/** A list whose first "Ghi chú" matches (46 × ch) and whose second is the near-miss (45 × ch and "!"). */
export function patternCsv(ch: string): string {
  return `STT,Họ và tên,Đối tượng,Đơn vị công tác,Ghi chú\n1,Nguyễn Văn An,Cá nhân,UBND xã A,${ch.repeat(46)}\n2,Trần Thị Bình,Cá nhân,UBND xã A,${ch.repeat(45)}!\n`;
}

/**
 * Escape sequences, bidi overrides and workflow commands, in a cell and a sheet name: ESC[8m hides
 * every line after it, U+202E reorders one, `::error`/`::add-mask::` after a line break act in a
 * CI log.
 */
export function injectionWorkbook(failing: Buffer): Buffer {
  return editZip(failing, (name, text) => {
    if (name === 'xl/sharedStrings.xml') return text.replace('<si><t>Không</t></si>', '<si><t>Không_x001B_[8m ẩn_x202E_ngược_x000A_::error file=x::giả</t></si>');
    if (name === 'xl/workbook.xml') return text.replace('name="Danh sách"', 'name="Danh sách&#10;::error::tờ"');
    return undefined;
  });
}

/** The same in a CSV, raw: ESC, a C1 CSI (U+009B), bidi overrides, a carriage return. */
export const INJECTION_CSV =
  'STT,Họ và tên,Đơn vị công tác,Đối tượng,Lĩnh vực,Tóm tắt thành tích\n' +
  '1,Nguyễn Văn \u001b[8mA\u202e,Trường X,Cá\u001b[8m nhân\u202e,Giáo dục,Như trên\n' +
  '2,Trần Thị \u009b31mB,Trường X,Cá nhân\u2066\u009b2J,Giáo dục\r::error::x,Như trên\n';

/** Names a repository cannot hold (or Windows cannot check out): made in a test's folder. */
export const INJECTION_NAMES = {
  workbook: 'ho-so\n::add-mask::bi-mat.xlsx',
  csv: 'ds\r::error::csv.csv',
  broken: 'hong\n::error::x\u001b]0;title\u0007.xlsx',
};

/** Every character XML 1.0 forbids (a sample of the C0 controls), DEL, an escape sequence and a literal escape, raw as a CSV holds them. */
export const FORBIDDEN_RAW = 'A\u0000\u0001\u0008B\u000B\u000C\u001B[8m_x0041_\u001FC\uFFFE\uFFFF\u007FD';
/** The same in a workbook, as Excel stores it, with a lone surrogate a CSV cannot hold. */
export const FORBIDDEN_ESCAPED = 'A_x0000__x0001__x0008_B_x000B__x000C__x001B_[8m_x005F_x0041__x001F_C_xFFFE__xFFFF__x007F_D_xD800_E';
export const FORBIDDEN_HEADER = ['STT', 'Họ và tên', 'Đối tượng', 'Lĩnh vực', 'Đơn vị công tác', 'Tóm tắt thành tích'];
export const forbiddenRow = (h: string): string[] => ['1', `Nguyễn ${h}`, `Cá nhân${h}`, 'Giáo dục', `Trường ${h}`, 'x'];

/** A CSV whose second row's cells hold FORBIDDEN_RAW. */
export const forbiddenCsv = (): string => [FORBIDDEN_HEADER, forbiddenRow(FORBIDDEN_RAW)].map((r) => r.join(',')).join('\n') + '\n';

/** A workbook of one sheet whose cells hold FORBIDDEN_ESCAPED, as inline strings (as some exporters write them). */
export function forbiddenWorkbook(passing: Buffer): Buffer {
  const cells = (r: number, values: string[]) =>
    `<row r="${r}">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
  return editZip(passing, (name, text) =>
    name === 'xl/worksheets/sheet1.xml' ? text.replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${cells(1, FORBIDDEN_HEADER)}${cells(2, forbiddenRow(FORBIDDEN_ESCAPED))}</sheetData>`).replace(/<mergeCells.*?<\/mergeCells>/s, '') : undefined,
  );
}

/** A shared-string index no string has (-1 once read as "Cannot read properties of undefined"). */
export function sharedStringIndex(passing: Buffer, cell: string, index: string): Buffer {
  return editZip(passing, (n, text) => (n === 'xl/worksheets/sheet1.xml' ? text.replace(new RegExp(`(<c r="${cell}"[^>]*t="s"[^>]*><v>)\\d+(</v>)`), `$1${index}$2`) : undefined));
}

/** A column with `count` aliases: 850,000 once ran the loader out of stack. */
export const aliasFloodPack = (count: number): string =>
  `pack: tinh-x\ntitle: Tỉnh X\ncolumns:\n  - key: ten\n    aliases: [${Array.from({ length: count }, (_, i) => `a${i}`).join(', ')}]\nrules: []\n`;

/** A config that turns the content rules off, for a folder's parent: it must be named in the output. */
export const SILENCING_CONFIG = 'severity:\n  giao-duc/an-toan-antt: off\n  chung/thanh-tich-thuc-chat: off\n';

/** A cache that parses but is not one (each once ended every later run in "internal error"). */
export const DAMAGED_CACHES: Record<string, string> = {
  'cat-ngang.json': '{"key": "x", "files": ',
  'rong.json': '',
  'mang.json': '[1, 2]',
  'khoa-sai.json': '{"key": 7, "files": {"a.xlsx": 7}}',
};

/** The corpus's files, under fixtures/bad/hostile/. */
export async function hostileFixtures(fixturesDir: string): Promise<BadFile[]> {
  const read = (p: string) => fs.readFileSync(path.join(fixturesDir, p));
  const passing = read('fields/giao-duc-dat.xlsx');
  const failing = read('fields/giao-duc-khong-dat.xlsx');
  const files: BadFile[] = [];
  // Quadratic scanning: each unfinished token in each part a workbook reads.
  for (const part of HOSTILE_PARTS)
    for (const shape of Object.keys(HOSTILE_SHAPES) as HostileShape[]) files.push({ file: `quet/${part}-${shape}.xlsx`, data: await hostileWorkbook(part, shape, UNFINISHED_BYTES) });
  // Patterns that hang a backtracking engine, and a list that meets them.
  HANGING_PATTERNS.forEach(([regex], i) => files.push({ file: `mau-treo/mau-${i + 1}.yaml`, data: patternPack(regex) }));
  for (const ch of new Set(HANGING_PATTERNS.map(([, ch]) => ch))) files.push({ file: `mau-treo/ghi-chu-${ch}.csv`, data: patternCsv(ch) });
  // Terminal and CI-log injection.
  files.push({ file: 'tiem-ma/o-ma-thoat.xlsx', data: injectionWorkbook(failing) }, { file: 'tiem-ma/o-ma-thoat.csv', data: INJECTION_CSV });
  // Characters XML cannot hold, for every XML hoso writes.
  files.push({ file: 'xml-cam/ky-tu-cam.xlsx', data: forbiddenWorkbook(passing) }, { file: 'xml-cam/ky-tu-cam.csv', data: forbiddenCsv() });
  // Internal errors shown as reasons.
  files.push({ file: 'noi-bo/chi-so-am.xlsx', data: sharedStringIndex(passing, 'B14', '-1') });
  // A config in a parent folder turning rules off: the output must name it.
  files.push({ file: 'cau-hinh-cha/hoso.config.yaml', data: SILENCING_CONFIG }, { file: 'cau-hinh-cha/don-vi/giao-duc-khong-dat.xlsx', data: failing });
  // Caches that parse but are none.
  for (const [name, data] of Object.entries(DAMAGED_CACHES)) files.push({ file: `bo-nho-dem/${name}`, data });
  return files;
}

/**
 * Outputs that must not be replaced by a regular file: a FIFO (written through), a symbolic link
 * to an input (refused) and one to a file not yet made (followed, the link kept).
 */
export function outputTraps(dir: string, input: string): { fifo: string; linkToInput: string; linkToNew: string; linkTarget: string } {
  const fifo = path.join(dir, 'ong.fifo');
  execFileSync('mkfifo', [fifo]);
  const linkToInput = path.join(dir, 'lien-ket-ho-so.xlsx');
  fs.symlinkSync(input, linkToInput);
  const linkTarget = path.join(dir, 'that.json');
  const linkToNew = path.join(dir, 'lien-ket-moi.json');
  fs.symlinkSync(linkTarget, linkToNew);
  return { fifo, linkToInput, linkToNew, linkTarget };
}
