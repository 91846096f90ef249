/**
 * The compact shared-string table: every string reads back exactly as added (same UTF-16 code
 * units), whatever form it is held in, and VNI text is converted and marked once per string just
 * as it is cell by cell for inline strings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTcvn3, decodeVni, isLatin1Text, looksLikeTcvn3, looksLikeVni } from '../../src/normalize/legacy.js';
import { cleanText } from '../../src/normalize/text.js';
import { SharedStrings, SharedStringsReader, SharedStringsScanner, SheetScanner } from '../../src/read/sheet-scanner.js';
import type { RawRow, WorkbookSource } from '../../src/read/types.js';
import { openXlsx } from '../../src/read/xlsx.js';
import { writeRawZip } from '../../scripts/fixture-kit/zip.js';
import { seeded } from '../support/random.js';

function all(table: SharedStrings): (string | undefined)[] {
  return Array.from({ length: table.length }, (_, i) => table.get(i));
}

/** Code units, so that a failure shows which one differs (toEqual on strings would too, less legibly). */
function units(s: string | undefined): number[] | undefined {
  return s === undefined ? undefined : Array.from(s, (_, i) => s.charCodeAt(i));
}

// Every Vietnamese letter, both cases: more non-ASCII characters than the one-byte form has codes.
const VIET_LOWER = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
const VIET = VIET_LOWER + VIET_LOWER.toUpperCase();

const SAMPLES = [
  '',
  'HTXSNV',
  'Cá nhân',
  'Nguyễn Văn An',
  'UBND XÃ ĐẮK RUỒNG',
  '😀 Đắk Ruồng 𝒜',
  'a\u0000b\tc\nd\re',
  '\ud800',
  'lone low \udc00 and high \ud83d at the end \ud83d',
  '\udc00\ud800',
  'Café ñ ß ÿ ¡',
  '中文 テキスト 한국어',
  // Characters 0x2000 apart, which share a code slot.
  'à\u20e0 \u20e0à',
  'Ā℀ ℀Ā ĀĀ',
  '℀',
  VIET,
  `${VIET} ${'x'.repeat(1000)}`,
];

describe('the shared-string table', () => {
  it('reads back every string exactly, one at a time and after all are added', () => {
    const table = new SharedStrings();
    for (const s of SAMPLES) {
      table.add(s);
      expect(units(table.get(table.length - 1)), JSON.stringify(s)).toEqual(units(s));
    }
    expect(table.length).toBe(SAMPLES.length);
    expect(all(table).map(units)).toEqual(SAMPLES.map(units));
  });

  it('reads back strings past the one-byte form’s codes, long strings and strings larger than a block', () => {
    // Tiny blocks: most strings need a block of their own, larger than the block size.
    for (const blockBytes of [16, 1024, 16 * 1024 * 1024]) {
      const table = new SharedStrings(blockBytes);
      const strings: string[] = [];
      // Each of 600 distinct characters (Vietnamese, Greek, Cyrillic, CJK) in a string of its own, then mixed.
      const pool = [...VIET, ...Array.from({ length: 462 }, (_, k) => String.fromCharCode(k < 200 ? 0x391 + k : 0x4e00 + k))];
      for (const ch of pool) strings.push(`${ch}${ch.toLowerCase()} x`);
      for (let k = 0; k < 50; k++) strings.push(pool.slice(k, k + 40 + k * 7).join(''));
      // Near --max-cell-length (32,767 characters), in every form.
      strings.push('Đ'.repeat(32_767), 'a'.repeat(32_767), '😀'.repeat(16_383), `${'ă'.repeat(32_765)}\ud800`);
      for (const s of strings) table.add(s);
      const got = all(table);
      for (let i = 0; i < strings.length; i++) if (got[i] !== strings[i]) expect(units(got[i]), `${blockBytes}: #${i}`).toEqual(units(strings[i]));
    }
  });

  it('returns the right string after cache collisions', () => {
    const table = new SharedStrings(4096);
    const strings = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `Nguyễn Văn ${i}` : i % 3 === 1 ? `row ${i}` : `${i} 😀`));
    for (const s of strings) table.add(s);
    // Indexes 4096 apart share a cache slot: read them alternately, and again in another order.
    for (let round = 0; round < 2; round++) {
      for (let slot = 0; slot < 4096; slot += 97) {
        for (let i = slot; i < strings.length; i += 4096) expect(table.get(i)).toBe(strings[i]);
        for (let i = slot; i < strings.length; i += 4096) expect(table.get(i)).toBe(strings[i]);
      }
    }
    for (let i = strings.length - 1; i >= 0; i -= 13) expect(table.get(i)).toBe(strings[i]);
  });

  it('finds nothing at an index that is not one', () => {
    const table = SharedStrings.of(['a', 'b']);
    for (const i of [2, 3, -1, 0.5, NaN, Infinity, 2 ** 31, 2 ** 32]) expect(table.get(i), String(i)).toBeUndefined();
    expect(table.get(-0)).toBe('a');
    expect(new SharedStrings().get(0)).toBeUndefined();
  });

  it('holds VNI text converted and marked, and only VNI text', () => {
    const table = SharedStrings.of(['Nguyeãn Vaên An', 'Nguyễn Văn An', 'Hä vµ tªn', 'Café', 'UBND XAÕ ÑAÉK RUOÀNG']);
    expect(all(table)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn An', 'Hä vµ tªn', 'Café', 'UBND XÃ ĐẮK RUỒNG']);
    expect([0, 1, 2, 3, 4].map((i) => table.isVni(i))).toEqual([true, false, false, false, true]);
  });

  it('tells VNI apart as a cell-by-cell check would, whatever form the string is held in', () => {
    const rand = seeded(11);
    const pieces = ['Nguyeãn', 'Vaên', 'Tröôøng', 'Ñaêk', 'Hoï', 'vaø', 'teân', 'Café', 'Hä', 'vµ', 'tªn', 'An', 'ă', 'Đ', 'ạ', '😀', 'ß', 'ÿ', 'À', '¡'];
    const strings = Array.from({ length: 3000 }, () => Array.from({ length: 1 + rand(5) }, () => pieces[rand(pieces.length)]).join(' '));
    // Past the 128 codes, strings are held as UTF-8 and looked at in full.
    for (const tiny of [false, true]) {
      const table = new SharedStrings();
      if (tiny) for (let c = 0x4e00; c < 0x4e00 + 128; c++) table.add(String.fromCharCode(c));
      const first = table.length;
      for (const s of strings) table.add(s);
      strings.forEach((s, k) => {
        const vni = /[\u00c0-\u00ff]/.test(s) && looksLikeVni(s);
        expect(table.isVni(first + k), s).toBe(vni);
        expect(table.get(first + k), s).toBe(vni ? decodeVni(s) : s);
      });
    }
  });

  it('reads strings from the middle of the part as added alone: text, VNI and plain alike', () => {
    // The scanner stores each <si><t>…</t></si> from the chunk it is in, by offsets.
    const texts = ['Tập thể', ' Tập thể', 'Tập thể ', 'Tập  thể', 'HTXSNV', 'Café', 'Nguyeãn Vaên An', '😀 Tập thể', '\u4e00'];
    const scanner = new SharedStringsScanner(32_767);
    scanner.push(`<sst>${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`);
    scanner.finish();
    const alone = SharedStrings.of(texts);
    const got = scanner.strings;
    expect(all(got)).toEqual(all(alone));
    expect(all(got)[6]).toBe('Nguyễn Văn An');
    const flags = (t: SharedStrings) => texts.map((_, i) => [t.isPlain(i), t.isVni(i)]);
    expect(flags(got)).toEqual(flags(alone));
    expect(flags(got).map(([plain]) => plain)).toEqual([true, false, false, false, true, false, false, false, true]);
  });

  it('reads a part from its bytes as from its text: every string, flag and limit alike, however the chunks cut it', () => {
    const rand = seeded(23);
    const words = ['Nguyễn', 'Văn', 'An', 'HTXSNV', 'Cá', 'nhân', 'Tập', 'thể', 'Café', 'Nguyeãn', 'Vaên', 'Hä', 'vµ', 'tªn', '😀', '中文', 'a&amp;b', '&lt;', '&#272;', 'x_x0041_y', '\r\n', '\t', ' ', '  ', '\u00a0', 'e\u0301', '>', 'ǅ', 'Ω'];
    const text = () => Array.from({ length: rand(6) }, () => words[rand(words.length)]).join(rand(3) ? ' ' : '');
    // A character of its own in each of 150 strings: past 128 of them the table runs out of codes.
    const rare = (k: number) => String.fromCharCode(0x4e00 + k);
    for (let doc = 0; doc < 40; doc++) {
      const si = Array.from({ length: 30 + rand(150) }, (_, k) => {
        const t = doc % 4 === 3 ? text() + rare(k) : text();
        switch (rand(8)) {
          case 0:
            return `<si><t xml:space="preserve">${t}</t></si>`;
          case 1:
            return `<si><r><rPr><b/></rPr><t>${t}</t></r><r><t>${text()}</t></r></si>`;
          case 2:
            return `<si><t>${t}</t><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>`;
          case 3:
            return `<!-- <si><t>not a string</t></si> --><si><t>${t}</t></si>`;
          default:
            return `<si><t>${t}</t></si>`;
        }
      });
      const xml = `${doc % 5 === 0 ? '\ufeff' : ''}<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="x" count="${si.length}">${si.join(rand(2) ? '\n' : '')}</sst>`;
      const bytes = Buffer.from(xml, 'utf8');
      const maxChars = doc % 3 === 0 ? 12 : 32_767;
      const byText = new SharedStringsScanner(maxChars);
      byText.push(xml.replace(/^\ufeff/, ''));
      byText.finish();
      const reader = new SharedStringsReader(new SharedStringsScanner(maxChars));
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + rand(rand(2) ? 64 : 4096);
        reader.push(bytes.subarray(at, at + size));
        at += size;
      }
      reader.finish();
      const got = reader.scanner.strings;
      const want = byText.strings;
      expect(all(got), `document ${doc}`).toEqual(all(want));
      const flags = (t: SharedStrings) => Array.from({ length: t.length }, (_, i) => [t.isPlain(i), t.isVni(i)]);
      expect(flags(got), `document ${doc}`).toEqual(flags(want));
      expect(reader.scanner.clipped).toBe(byText.clipped);
    }
  });

  it('leaves bytes that are not plain UTF-8 to the decoder, which reads them as before', () => {
    const parts = ['a\xc0\xafb', 'i\xe0\x80\xafj', 'c\xed\xa0\x80d', '\xf0\x9f\x98\x80 e', 'f\xe1\x80', '\x80g', 'h\xc3', 'Đ\xc4\x90', 'ok'];
    const bytes = Buffer.concat([
      Buffer.from('<sst xmlns="x">'),
      ...parts.map((p) => Buffer.concat([Buffer.from('<si><t>'), Buffer.from(p, 'latin1'), Buffer.from('</t></si>')])),
      Buffer.from('</sst>'),
    ]);
    const byText = new SharedStringsScanner(32_767);
    byText.push(new TextDecoder().decode(bytes));
    byText.finish();
    const reader = new SharedStringsReader(new SharedStringsScanner(32_767));
    reader.push(bytes);
    reader.finish();
    expect(all(reader.scanner.strings)).toEqual(all(byText.strings));
    expect(all(reader.scanner.strings)).toContain('a\ufffd\ufffdb');
  });

  it('reads a UTF-16 part as text', () => {
    const xml = '<sst xmlns="x"><si><t>Nguyễn Văn An</t></si><si><t>HTXSNV</t></si></sst>';
    const reader = new SharedStringsReader(new SharedStringsScanner(32_767));
    reader.push(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    reader.finish();
    expect(all(reader.scanner.strings)).toEqual(['Nguyễn Văn An', 'HTXSNV']);
  });

  it('reads the part whatever uniqueCount claims', () => {
    const si = SAMPLES.filter((s) => s.isWellFormed()).map((s) => `<si><t xml:space="preserve">${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r/g, '&#13;')}</t></si>`);
    for (const count of ['', ' uniqueCount="0"', ' uniqueCount="2"', ' uniqueCount="1.5"', ' uniqueCount="x"', ' uniqueCount="99999999999"']) {
      const scanner = new SharedStringsScanner(32_767);
      scanner.push(`<sst xmlns="x"${count}>${si.join('')}</sst>`);
      scanner.finish();
      expect(all(scanner.strings), count).toEqual(SAMPLES.filter((s) => s.isWellFormed()));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// VNI in a workbook: the same text as a shared string and as an inline string

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function book(sheet: string, sharedStrings: string[]): Buffer {
  const parts: [string, string][] = [
    ['_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `${XML}<worksheet xmlns="${NS}"><sheetData>${sheet}</sheetData></worksheet>`],
    ['xl/sharedStrings.xml', `${XML}<sst xmlns="${NS}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`],
  ];
  return writeRawZip(
    parts.map(([name, text]) => {
      const data = Buffer.from(text, 'utf8');
      return { name, deflated: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
    }),
  );
}

async function rowsOf(src: WorkbookSource): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of src.rows(src.sheets[0])) rows.push(row);
  return rows;
}

async function batchesOf(src: WorkbookSource): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const batch of src.batches!(src.sheets[0])) rows.push(...batch);
  return rows;
}

describe('plain shared strings', () => {
  // Characters each fact turns on: spaces and controls, the marks and spaces cleanText removes,
  // Latin-1 letters a TCVN3 or VNI text is made of, Vietnamese beyond Latin-1.
  const ALPHABET = [...'ab Z9-', '\t', '\n', '\r', '\u00a0', '\u0300', '\u0323', '\u1dc0', '\u1680', '\u2000', '\u200b', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff', ...'ễđơĐÝóµªÿäé\u0080\u00ad'];

  it('is said of a string only when cleanText leaves it and no legacy decoding could change it', () => {
    const next = seeded(5);
    let plain = 0;
    for (let k = 0; k < 20_000; k++) {
      const s = Array.from({ length: next(7) }, () => ALPHABET[next(ALPHABET.length)]).join('');
      const table = SharedStrings.of([s]);
      if (!table.isPlain(0)) continue;
      plain++;
      const v = table.get(0)!;
      expect(cleanText(v), JSON.stringify(v)).toBe(v);
      expect(looksLikeTcvn3(v), JSON.stringify(v)).toBe(false);
      // A sheet typed in TCVN3 decodes every Latin-1-only text: nothing to change in a plain one.
      if (isLatin1Text(v)) expect(decodeTcvn3(v), JSON.stringify(v)).toBe(v);
      expect(table.isVni(0)).toBe(false);
    }
    expect(plain).toBeGreaterThan(1000);
  });

  it('is said of the common texts, and not of VNI text, held converted and to be marked', () => {
    const table = SharedStrings.of(['Nguyễn Văn An', 'HTXSNV', 'Trường THCS Đắk Ruồng', 'Nguyeãn Vaên An', 'Café', 'Hoàn  thành', ' An']);
    expect(Array.from({ length: table.length }, (_, i) => table.isPlain(i))).toEqual([true, true, true, false, false, false, false]);
    expect(table.isVni(3)).toBe(true);
  });

  it('gives cells that read as any other text cell, and say so', () => {
    const scanner = new SheetScanner({ sst: SharedStrings.of(['Nguyễn Văn An', 'Café']), xfKinds: [], date1904: false, maxCellChars: 32_767 });
    scanner.push(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><f>X</f><v>0</v></c></row></sheetData></worksheet>`);
    scanner.finish();
    const [row] = scanner.take();
    expect(row.cells).toEqual([
      { col: 1, t: 's', v: 'Nguyễn Văn An' },
      { col: 2, t: 's', v: 'Café' },
      { col: 3, t: 's', v: 'Nguyễn Văn An', formula: true },
    ]);
    expect(row.cells.map((c) => c.t === 's' && c.plain === true)).toEqual([true, false, false]);
    expect(JSON.parse(JSON.stringify(row.cells[0]))).toEqual({ col: 1, t: 's', v: 'Nguyễn Văn An' });
  });
});

describe('VNI shared strings in a workbook', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-sst-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const texts = ['Nguyeãn Vaên An', 'Tröôøng THCS Ñaêk Ruoàng', 'Nguyễn Văn An', 'Café', 'HTXSNV'];

  it('reads a VNI shared string as the same text inline is read, converted and marked', async () => {
    // Row 1: each text shared, plain and under a formula; row 2: the same texts inline and as formula results.
    const shared = texts.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('');
    const sharedFormula = texts.map((_, i) => `<c r="${String.fromCharCode(70 + i)}1" t="s"><f>X</f><v>${i}</v></c>`).join('');
    const inline = texts.map((s, i) => `<c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><is><t>${s}</t></is></c>`).join('');
    const str = texts.map((s, i) => `<c r="${String.fromCharCode(70 + i)}2" t="str"><f>X</f><v>${s}</v></c>`).join('');
    // Spelled so that the general path reads the shared cells too.
    const general = texts.map((_, i) => `<c r="${String.fromCharCode(65 + i)}3"  t="s" ><v>${i}</v></c>`).join('');
    const file = path.join(dir, 'vni.xlsx');
    fs.writeFileSync(file, book(`<row r="1">${shared}${sharedFormula}</row><row r="2">${inline}${str}</row><row r="3">${general}</row>`, texts));
    const src = await openXlsx(file);
    try {
      const rows = await rowsOf(src);
      expect(await batchesOf(src)).toEqual(rows);
      const [r1, r2, r3] = rows.map((r) => r.cells.map(({ col: _, ...c }) => c));
      expect(r1).toEqual(r2);
      expect(r3).toEqual(r2.slice(0, texts.length));
      expect(r2).toEqual([
        ...texts.map((s, i) => (i < 2 ? { t: 's', v: decodeVni(s), legacy: 'vni' } : { t: 's', v: s })),
        ...texts.map((s, i) => (i < 2 ? { t: 's', formula: true, v: decodeVni(s), legacy: 'vni' } : { t: 's', formula: true, v: s })),
      ]);
    } finally {
      await src.close();
    }
  });

  it('gives a value repeated down a column as one cell, and never another column’s or string’s', () => {
    // Strings 0 and 1 in columns AF (32) and A (1) share a slot of the scanner's cell memory
    // (0 × 31 + 32 = 1 × 31 + 1), as do column A and column AMK (1,025) for one string; column D
    // is a formula on even rows; C's string is not plain (a leading space).
    const scanner = new SheetScanner({ sst: SharedStrings.of(['Đảng viên', 'Tập thể', ' HTXSNV']), xfKinds: [], date1904: false, maxCellChars: 32_767 });
    const row = (r: number, a: number, af: number) =>
      `<row r="${r}"><c r="A${r}" t="s"><v>${a}</v></c><c r="B${r}" t="s"><v>0</v></c><c r="C${r}" t="s"><v>2</v></c>` +
      `<c r="D${r}" t="s">${r % 2 ? '' : `<f>B${r}</f>`}<v>0</v></c><c r="AF${r}" t="s"><v>${af}</v></c><c r="AMK${r}" t="s"><v>${a}</v></c></row>`;
    scanner.push(`<worksheet><sheetData>${row(1, 1, 0)}${row(2, 0, 1)}${row(3, 1, 0)}${row(4, 1, 0)}</sheetData></worksheet>`);
    scanner.finish();
    const rows = scanner.take();
    const text = (r: RawRow) => r.cells.map((c) => `${c.col}:${String(c.v)}${c.formula ? '=' : ''}`).join(' ');
    expect(rows.map(text)).toEqual([
      '1:Tập thể 2:Đảng viên 3: HTXSNV 4:Đảng viên 32:Đảng viên 1025:Tập thể',
      '1:Đảng viên 2:Đảng viên 3: HTXSNV 4:Đảng viên= 32:Tập thể 1025:Đảng viên',
      '1:Tập thể 2:Đảng viên 3: HTXSNV 4:Đảng viên 32:Đảng viên 1025:Tập thể',
      '1:Tập thể 2:Đảng viên 3: HTXSNV 4:Đảng viên= 32:Đảng viên 1025:Tập thể',
    ]);
    // Column B's "Đảng viên" is one cell on every row; the cells sharing a slot take it from each
    // other and are read right all the same; a formula cell and a string that is not plain are each their own.
    expect(new Set(rows.map((r) => r.cells[1])).size).toBe(1);
    expect(rows[3].cells[2]).not.toBe(rows[2].cells[2]);
    expect(rows[3].cells[3]).not.toBe(rows[1].cells[3]);
  });

  it('gives the sheet scanner the shared strings’ cells as a workbook would', () => {
    const scanner = new SheetScanner({ sst: SharedStrings.of(texts), xfKinds: [], date1904: false, maxCellChars: 32_767 });
    scanner.push(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>4</v></c><c r="C1" t="s"><v>5</v></c></row></sheetData></worksheet>`);
    scanner.finish();
    expect(scanner.take()).toEqual([
      { row: 1, cells: [{ col: 1, t: 's', v: 'Nguyễn Văn An', legacy: 'vni' }, { col: 2, t: 's', v: 'HTXSNV' }] },
    ]);
  });
});
