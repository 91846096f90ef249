/**
 * Broken and hostile inputs (fixtures/bad/): files that are not workbooks, damaged or encrypted
 * ones, zip bombs, CSV files as Excel and old software really write them, text in legacy
 * Vietnamese encodings, odd cells, hidden rows and sheets, and rule packs an officer got wrong.
 * Most are made from the generated fixtures (so the findings they must still give are known),
 * changed the way the damage happens in practice. test/bad/ states the outcome of each.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { editZip, readZip, writeRawZip, writeZip, type ZipPart } from './zip.js';

export interface BadFile {
  /** Path under fixtures/bad/. */
  file: string;
  data: Buffer | string;
}

// ---------------------------------------------------------------------------------------------
// OLE compound files: the directory names are all that tell an encrypted .xlsx from a .xls.

/** A minimal compound file (512-byte sectors: the FAT, then one directory sector) with these streams. */
export function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory starts at sector 1
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: the directory, one sector long
  const dir = Buffer.alloc(512, 0);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const off = i * 128;
    dir.write(name, off, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, off + 64);
    dir[off + 66] = i === 0 ? 5 : 2;
    dir.writeInt32LE(-1, off + 68);
    dir.writeInt32LE(i + 1 < streams.length + 1 ? i + 1 : -1, off + 72);
    dir.writeInt32LE(i === 0 ? 1 : -1, off + 76);
    dir.writeUInt32LE(0xfffffffe, off + 116);
  });
  return Buffer.concat([header, fat, dir]);
}

// ---------------------------------------------------------------------------------------------
// Zip bombs: a valid workbook whose one sheet inflates to gigabytes.

export const WORKBOOK_PARTS: ZipPart[] = [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  },
];

export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="C1" t="inlineStr"><is><t>Đối tượng</t></is></c><c r="D1" t="inlineStr"><is><t>Đơn vị công tác</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** Deflates head + repeat × count + tail without holding the inflated text. */
export async function deflateRepeated(head: string, repeat: string, count: number, tail: string): Promise<{ deflated: Buffer; size: number }> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const write = (b: Buffer) => new Promise<void>((resolve) => (deflate.write(b) ? resolve() : deflate.once('drain', resolve)));
  const chunk = Buffer.from(repeat);
  await write(Buffer.from(head));
  for (let i = 0; i < count; i++) await write(chunk);
  deflate.end(Buffer.from(tail));
  await done;
  return { deflated: Buffer.concat(out), size: Buffer.byteLength(head) + chunk.length * count + Buffer.byteLength(tail) };
}

/**
 * Workbooks whose sheet is the header row, then open + repeat × count + close: one stating its
 * true size, one stating `lie` bytes (a bomb that hides its size from a reader trusting the directory).
 */
async function bombs(repeat: string, count: number, open = '', close = '', lie = 4096): Promise<[honest: Buffer, lying: Buffer]> {
  const { deflated, size } = await deflateRepeated(SHEET_HEAD + open, repeat, count, close + SHEET_TAIL);
  const small = WORKBOOK_PARTS.map((p) => ({ name: p.name, deflated: zlib.deflateRawSync(p.data), crc: zlib.crc32(p.data), size: p.data.length }));
  // The CRC of gigabytes is not worth computing: the reader stops long before it could check it.
  const zip = (stated: number) => writeRawZip([...small, { name: 'xl/worksheets/sheet1.xml', deflated, crc: 0, size: stated }]);
  return [zip(size), zip(lie)];
}

// ---------------------------------------------------------------------------------------------
// Encodings

/** Windows-1258 as Excel writes it: precomposed where the code page has the letter, else base + combining tone. */
export function encodeCp1258(text: string): Buffer {
  const out: Buffer[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = iconv.encode(ch, 'windows-1258');
    if (iconv.decode(direct, 'windows-1258') === ch) {
      out.push(direct);
      continue;
    }
    const [base, ...marks] = [...ch.normalize('NFD')];
    // ê, ơ, ă … have codes of their own: keep the letter's shape mark with it, the tone after it.
    const shape = marks.find((m) => m === '\u0302' || m === '\u0306' || m === '\u031b');
    const tones = marks.filter((m) => m !== shape).join('');
    out.push(iconv.encode((base + (shape ?? '')).normalize('NFC') + tones, 'windows-1258'));
  }
  return Buffer.concat(out);
}

/** Unicode to VNI-Windows as Excel shows it (Windows-1252 letters): the inverse of decodeVni. */
export function encodeVni(text: string): string {
  const tone: Record<string, string> = { '\u0301': 'ù', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' };
  const hat: Record<string, string> = { '': 'â', '\u0301': 'á', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' };
  const breve: Record<string, string> = { '': 'ê', '\u0301': 'é', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' };
  const iTone: Record<string, string> = { '\u0301': 'í', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò' };
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const cased = (s: string) => (upper ? s.toUpperCase() : s);
    if (lower === 'đ') {
      out += cased('ñ');
      continue;
    }
    const [base, ...marks] = [...lower.normalize('NFD')];
    if (!marks.length || !'aeiouy'.includes(base)) {
      out += ch;
      continue;
    }
    const shape = marks.find((m) => m === '\u0302' || m === '\u0306' || m === '\u031b');
    const t = marks.find((m) => m !== shape) ?? '';
    if (base === 'i') out += cased(iTone[t] ?? 'i');
    else if (base === 'y' && t === '\u0323') out += cased('î');
    else if (shape === '\u031b') out += cased(base === 'o' ? 'ô' : 'ö') + (t ? cased(tone[t]) : '');
    else if (shape === '\u0302') out += cased(base) + cased(hat[t]);
    else if (shape === '\u0306') out += cased(base) + cased(breve[t]);
    else out += cased(base) + cased(tone[t]);
  }
  return out;
}

/** UTF-8 opened as Windows-1252 and saved again as UTF-8 (the five codes 1252 leaves undefined become C1 controls, as Windows maps them). */
function mojibake(text: string): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) {
    const ch = iconv.decode(Buffer.from([b]), 'win1252');
    out += ch === '\ufffd' ? String.fromCharCode(b) : ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function cellXml(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** Replaces cells of a worksheet's XML by inline strings. */
function setCells(xml: string, cells: Record<string, string>): string {
  for (const [ref, text] of Object.entries(cells)) {
    const re = new RegExp(`<c r="${ref}"(?: [^>]*)?(?:/>|>.*?</c>)`);
    if (!re.test(xml)) throw new Error(`no cell ${ref}`);
    xml = xml.replace(re, cellXml(ref, text));
  }
  return xml;
}

/** The shared strings re-encoded one by one. */
function mapSharedStrings(xml: string, f: (s: string) => string): string {
  return xml.replace(/(<t(?: [^>]*)?>)([^<]*)(<\/t>)/g, (_, open: string, text: string, close: string) => open + f(text) + close);
}

// ---------------------------------------------------------------------------------------------
// Two copies of a part: a passing dossier that also holds a copy of its sheet in which a school
// fails the ANTT criterion (M10 "Không"). Each reader picks a copy, and not the same one.

/** The passing dossier's parts, the index of its sheet among them, and the sheet's failing copy. */
function failingCopy(workbook: Buffer): { parts: ZipPart[]; at: number; copy: Buffer } {
  const parts = readZip(workbook);
  const at = parts.findIndex((p) => p.name === 'xl/worksheets/sheet1.xml');
  return { parts, at, copy: Buffer.from(setCells(parts[at].data.toString('utf8'), { M10: 'Không' })) };
}

/** The failing copy added before the sheet, as a zip entry named `name`. */
function twinSheet(workbook: Buffer, name: string): Buffer {
  const { parts, at, copy } = failingCopy(workbook);
  return writeZip([...parts.slice(0, at), { name, data: copy }, ...parts.slice(at)]);
}

/** The failing copy a part of its own (sheet3.xml), reached by a relationship with the sheet's Id, written before the sheet's own. */
function twinRelationship(workbook: Buffer): Buffer {
  const { parts, copy } = failingCopy(workbook);
  const out = parts.map((p) => {
    if (p.name !== 'xl/_rels/workbook.xml.rels') return p;
    const text = p.data.toString('utf8');
    const rel = /<Relationship Id="rId\d+" Type="[^"]*\/worksheet" Target="worksheets\/sheet1\.xml"\/>/.exec(text)![0];
    return { name: p.name, data: Buffer.from(text.replace(rel, rel.replace('sheet1.xml', 'sheet3.xml') + rel)) };
  });
  return writeZip([...out, { name: 'xl/worksheets/sheet3.xml', data: copy }]);
}

const YAML_BAD: Record<string, string> = {
  'cu-phap.yaml': 'pack: tinh-x\ntitle: { vi: Tỉnh X, en: Province X\nrules: []\n',
  'khoa-la.yaml': 'pack: tinh-x\ntitle: { vi: Tỉnh X, en: Province X }\nsource: "KH 1"\nrules:\n  - id: tinh-x/ten\n    title: { vi: Tên, en: Name }\n    severity: error\n    check: required\n    with: { column: ten }\n    source: "KH 1"\n    mucdo: cao\n    examples: { valid: [{ stt: 1, ten: A, loai: Cá nhân }], invalid: [{ stt: 1, ten: null, loai: Cá nhân }] }\n',
  'sai-kieu.yaml': 'pack: tinh-x\ntitle: { vi: Tỉnh X, en: Province X }\nsource: "KH 1"\nrules:\n  - id: tinh-x/ten\n    title: { vi: Tên, en: Name }\n    severity: [error]\n    check: required\n    with: { column: ten }\n    source: "KH 1"\n    examples: { valid: [{ stt: 1, ten: A, loai: Cá nhân }], invalid: [{ stt: 1, ten: null, loai: Cá nhân }] }\n',
  'cot-khong-co.yaml': 'pack: tinh-x\ntitle: { vi: Tỉnh X, en: Province X }\nsource: "KH 1"\nrules:\n  - id: tinh-x/gio\n    title: { vi: Giờ, en: Hours }\n    severity: error\n    check: required\n    with: { column: so_gio_khong_co }\n    source: "KH 1"\n    examples: { valid: [{ stt: 1, ten: A, loai: Cá nhân }], invalid: [{ stt: 1, ten: null, loai: Cá nhân }] }\n',
  // The "billion laughs": nine levels of ten aliases each.
  'bom-alias.yaml': (() => {
    let s = 'a0: &a0 ["lol"]\n';
    for (let i = 1; i <= 9; i++) s += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    return s + 'pack: *a9\n';
  })(),
  // A condition that contains itself through an alias, and one nested a hundred deep: each once
  // ran the loader out of stack ("internal error"), and is now refused at its key.
  'alias-tu-chua.yaml': yamlRule('    when: &w { not: *w }\n'),
  'long-sau.yaml': yamlRule(`    when: ${'{ not: '.repeat(100)}{ ten: A }${' }'.repeat(100)}\n`),
};

/** A pack of one `required` rule with `extra` lines (from line 9 on). */
function yamlRule(extra: string): string {
  return `pack: tinh-x\ntitle: { vi: Tỉnh X, en: Province X }\nsource: "KH 1"\nrules:\n  - id: tinh-x/ten\n    title: { vi: Tên, en: Name }\n    check: required\n    with: { column: ten }\n${extra}    source: "KH 1"\n    examples: { valid: [{ stt: 1, ten: A, loai: Cá nhân }], invalid: [{ stt: 1, ten: null, loai: Cá nhân }] }\n`;
}

export async function badFixtures(fixturesDir: string): Promise<BadFile[]> {
  const read = (p: string) => fs.readFileSync(path.join(fixturesDir, p));
  const workbook = read('fields/giao-duc-dat.xlsx');
  const failing = read('fields/giao-duc-khong-dat.xlsx');
  const csv = read('csv/dau-phay-bom.csv').toString('utf8').replace(/^\ufeff/, '');
  const records: string[][] = parse(csv, { relax_column_count: true });
  const quote = (f: string, sep: string) => (/["\r\n]/.test(f) || f.includes(sep) ? `"${f.replace(/"/g, '""')}"` : f);
  const unicodeText = records.map((r) => r.map((f) => quote(f, '\t')).join('\t')).join('\r\n') + '\r\n';
  const csvLines = csv.split('\n');
  const spaces = await bombs(' '.repeat(1024 * 1024), 1024);

  const files: BadFile[] = [
    // Not workbooks at all, or damaged ones.
    { file: 'khong-phai-xlsx.xlsx', data: 'Danh sách đề nghị: xem tệp đính kèm.\n' },
    { file: 'rong.xlsx', data: '' },
    { file: 'cat-cut.xlsx', data: workbook.subarray(0, Math.floor(workbook.length * 0.6)) },
    { file: 'zip-khong-workbook.xlsx', data: writeZip([{ name: 'ghi-chu.txt', data: Buffer.from('không có sổ tính') }]) },
    { file: 'khong-trang-tinh.xlsx', data: editZip(workbook, (n, t) => (n === 'xl/workbook.xml' ? t.replace(/<sheets>.*<\/sheets>/, '<sheets/>') : undefined)) },
    {
      file: 'khong-tieu-de.xlsx',
      data: editZip(workbook, (n, t) => (n === 'xl/worksheets/sheet1.xml' ? t.replace(/<row r="5".*?<\/row>/, '') : undefined)),
    },
    // Encrypted and legacy workbooks: the same signature, told apart by the directory.
    { file: 'mat-khau.xlsx', data: oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']) },
    { file: 'excel-97.xls', data: oleFile(['Workbook', '\u0005SummaryInformation']) },
    { file: 'excel-97-doi-ten.xlsx', data: oleFile(['Workbook', '\u0005SummaryInformation']) },
    { file: 'bang-tinh.ods', data: writeZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') }]) },
    { file: 'ho-so.pdf', data: '%PDF-1.4\n%âãÏÓ\n' },
    // Zip bombs: 1 GiB of white space, honest about its size and lying about it; one cell of
    // 1 GiB, lying; three million rows of a nominee (200 MB, under the size limit).
    { file: 'bom-nen.xlsx', data: spaces[0] },
    { file: 'bom-nen-noi-doi.xlsx', data: spaces[1] },
    { file: 'bom-o-dai.xlsx', data: (await bombs('A'.repeat(1024 * 1024), 1024, '<row r="2"><c r="B2" t="inlineStr"><is><t>', '</t></is></c></row>'))[1] },
    {
      file: 'bom-dong.xlsx',
      data: (await bombs('<row><c><v>1</v></c><c t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c t="inlineStr"><is><t>Cá nhân</t></is></c><c t="inlineStr"><is><t>UBND xã A</t></is></c></row>', 3_000_000))[0],
    },
    // CSV as Excel writes it on a Vietnamese Windows, and as old software mangles it.
    { file: 'csv/cp1258.csv', data: encodeCp1258(csv) },
    { file: 'csv/unicode-text.txt', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(unicodeText, 'utf16le')]) },
    { file: 'csv/mojibake.csv', data: '\ufeff' + mojibake(csv) },
    { file: 'csv/lech-cot.csv', data: csvLines.map((l, i) => (i % 2 ? l.replace(/,+(\r?)$/, '$1') : l.replace(/(\r?)$/, ',,$1'))).join('\n') },
    // A quote opened on the last line and never closed (record 23: a quoted header cell spans two lines).
    { file: 'csv/ngoac-kep-mo.csv', data: csv.replace(/\r?\n?$/, '\r\n') + '3,"Nguyễn Văn Hùng,Cá nhân,Giáo dục\r\n' },
    // Legacy encodings: the failing education dossier typed with a VNI font.
    { file: 'vni.xlsx', data: editZip(failing, (n, t) => (n === 'xl/sharedStrings.xml' ? mapSharedStrings(t, encodeVni) : undefined)) },
    // Odd cells in a passing dossier: a cell of Excel's maximum length, control characters, a
    // birth date before 1900, a number with a decimal comma and a formula error.
    {
      file: 'o-dac-biet.xlsx',
      data: editZip(workbook, (n, t) =>
        n === 'xl/worksheets/sheet1.xml'
          ? setCells(t, { N13: 'Đ'.repeat(32_767), B14: 'Võ Văn_x0007_ Sơn_x001F_', I13: '15/03/1890', I14: '1.988,0' })
          : undefined,
      ),
    },
    // Hidden rows and a hidden sheet: the failing dossier with its failing rows hidden, and the sheet itself.
    {
      file: 'an-dong-an-trang.xlsx',
      data: editZip(failing, (n, t) => {
        if (n === 'xl/worksheets/sheet1.xml') return t.replace(/<row r="(10|11)"/g, '<row r="$1" hidden="1"');
        if (n === 'xl/workbook.xml') return t.replace(/<sheet ([^>]*)name="Danh sách"([^>]*?)(?: state="\w+")?([^>]*)\/>/, '<sheet $1name="Danh sách"$2$3 state="hidden"/>');
        return undefined;
      }),
    },
    // A part twice: the same name, a name in other case, a name with backslashes; two relationships with one Id.
    { file: 'phan-trung-ten.xlsx', data: twinSheet(workbook, 'xl/worksheets/sheet1.xml') },
    { file: 'phan-trung-chu-hoa.xlsx', data: twinSheet(workbook, 'XL/Worksheets/Sheet1.xml') },
    { file: 'phan-trung-gach-nguoc.xlsx', data: twinSheet(workbook, 'xl\\worksheets\\sheet1.xml') },
    { file: 'quan-he-trung-id.xlsx', data: twinRelationship(workbook) },
    ...Object.entries(YAML_BAD).map(([f, data]) => ({ file: `quy-tac/${f}`, data })),
  ];
  return files;
}
