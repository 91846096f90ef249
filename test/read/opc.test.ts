/**
 * A workbook that names one thing twice (a part, a relationship Id, a sheet) is refused with
 * 'duplicate-part', read whole (a small file) and streamed (as a file over 4 MiB is); one whose
 * names merely look alike is read as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { entryKey, partKey } from '../../src/read/opc.js';
import { shown } from '../../src/printable.js';
import { InputError, type RawRow } from '../../src/read/types.js';
import { openXlsx } from '../../src/read/xlsx.js';
import { readZip, writeRawZip, writeZip, type RawEntry, type ZipPart } from '../../scripts/fixture-kit/zip.js';
import { FIXTURES } from '../support/cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-opc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A dossier with findings, two sheets ("Danh sách" rId4 → sheet1.xml, "Hướng dẫn" rId5 → sheet2.xml). */
const BOOK = readZip(fs.readFileSync(path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx')));
const part = (name: string) => BOOK.find((p) => p.name === name)!;
const SHEET1 = part('xl/worksheets/sheet1.xml').data;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** BOOK with the named part's text changed. */
function edited(name: string, edit: (text: string) => string, parts = BOOK): ZipPart[] {
  let found = false;
  const out = parts.map((p) => {
    if (p.name !== name) return p;
    found = true;
    return { name, data: Buffer.from(edit(p.data.toString('utf8'))) };
  });
  expect(found, name).toBe(true);
  return out;
}

const withSheets = (sheets: string) => edited('xl/workbook.xml', (t) => t.replace(/<sheets>.*<\/sheets>/, `<sheets>${sheets}</sheets>`));
const withRels = (rels: string, name = 'xl/_rels/workbook.xml.rels', parts = BOOK) => edited(name, (t) => t.replace('</Relationships>', `${rels}</Relationships>`), parts);

/** What opening the parts and reading every sheet gives: the rows, or the error's code and message. */
async function outcome(parts: ZipPart[] | Buffer, streamAll: boolean): Promise<{ rows: RawRow[][] } | { code: string; message: string }> {
  const file = path.join(dir, `book-${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, Buffer.isBuffer(parts) ? parts : writeZip(parts));
  let src;
  try {
    src = await openXlsx(file, {}, { streamAll });
    const rows: RawRow[][] = [];
    for (const sheet of src.sheets) {
      const sheetRows: RawRow[] = [];
      for await (const row of src.rows(sheet)) sheetRows.push(row);
      rows.push(sheetRows);
    }
    return { rows };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { code: err.code, message: err.message };
  } finally {
    await src?.close();
  }
}

const ORIGINAL = outcome(BOOK, false);

describe('a workbook that names one thing twice is refused, read whole and streamed', () => {
  const copy = (name: string): ZipPart[] => [...BOOK, { name, data: SHEET1 }];
  const cases: [what: string, parts: ZipPart[], message: string][] = [
    ['two entries of one name', copy('xl/worksheets/sheet1.xml'), 'two zip entries named «xl/worksheets/sheet1.xml»'],
    ['a name in other case', copy('XL/Worksheets/Sheet1.xml'), 'zip entries «xl/worksheets/sheet1.xml» and «XL/Worksheets/Sheet1.xml» name one part'],
    ['a name with backslashes', copy('xl\\worksheets\\sheet1.xml'), 'zip entries «xl/worksheets/sheet1.xml» and «xl\\worksheets\\sheet1.xml» name one part'],
    ['a name with a leading slash', copy('/xl/worksheets/sheet1.xml'), 'zip entries «xl/worksheets/sheet1.xml» and «/xl/worksheets/sheet1.xml» name one part'],
    ['a percent-encoded letter', copy('xl/worksheets/sheet%31.xml'), 'zip entries «xl/worksheets/sheet1.xml» and «xl/worksheets/sheet%31.xml» name one part'],
    ['percent-encoded slashes', copy('xl%2Fworksheets%2fsheet1.xml'), 'zip entries «xl/worksheets/sheet1.xml» and «xl%2Fworksheets%2fsheet1.xml» name one part'],
    [
      'the copy written first, as a part other than a sheet',
      [{ name: 'XL/sharedStrings.xml', data: part('xl/sharedStrings.xml').data }, ...BOOK],
      'zip entries «XL/sharedStrings.xml» and «xl/sharedStrings.xml» name one part',
    ],
    [
      'two relationships with one Id in the workbook’s',
      withRels(`<Relationship Id="rId4" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>`),
      'relationship Id «rId4» twice in «xl/_rels/workbook.xml.rels»',
    ],
    [
      'two relationships with one Id in the package’s',
      withRels(`<Relationship Id="rId1" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`, '_rels/.rels'),
      'relationship Id «rId1» twice in «_rels/.rels»',
    ],
    [
      'an external relationship with a worksheet’s Id',
      withRels(`<Relationship Id="rId4" Type="${REL}/hyperlink" Target="https://example.com/" TargetMode="External"/>`),
      'relationship Id «rId4» twice in «xl/_rels/workbook.xml.rels»',
    ],
    [
      'two shared-strings relationships to different parts',
      [...withRels(`<Relationship Id="rId9" Type="${REL}/sharedStrings" Target="strings2.xml"/>`), { name: 'xl/strings2.xml', data: part('xl/sharedStrings.xml').data }],
      'two sharedStrings relationships, to «xl/sharedStrings.xml» and «xl/strings2.xml»',
    ],
    [
      'two workbooks',
      withRels(`<Relationship Id="rId9" Type="${REL}/officeDocument" Target="xl/workbook2.xml"/>`, '_rels/.rels'),
      'two officeDocument relationships, to «xl/workbook.xml» and «xl/workbook2.xml»',
    ],
    ['two sheets of one name', withSheets('<sheet sheetId="1" name="Danh sách" r:id="rId4"/><sheet sheetId="2" name="Danh sách" r:id="rId5"/>'), 'two sheets named «Danh sách»'],
    [
      'two sheet names that differ only in case',
      withSheets('<sheet sheetId="1" name="Danh sách" r:id="rId4"/><sheet sheetId="2" name="DANH SÁCH" r:id="rId5"/>'),
      'sheets «Danh sách» and «DANH SÁCH» have one name (without case)',
    ],
    [
      'two sheets with one sheetId',
      withSheets('<sheet sheetId="1" name="Danh sách" r:id="rId4"/><sheet sheetId="1" name="Hướng dẫn" r:id="rId5"/>'),
      'sheets «Danh sách» and «Hướng dẫn» have one sheetId',
    ],
    [
      'two sheets with one r:id',
      withSheets('<sheet sheetId="1" name="Danh sách" r:id="rId4"/><sheet sheetId="2" name="Hướng dẫn" r:id="rId4"/>'),
      'sheets «Danh sách» and «Hướng dẫn» are one part',
    ],
    [
      'two relationships to one sheet part',
      withRels(
        `<Relationship Id="rId9" Type="${REL}/worksheet" Target="/XL/worksheets/sheet1.xml"/>`,
        'xl/_rels/workbook.xml.rels',
        withSheets('<sheet sheetId="1" name="Danh sách" r:id="rId4"/><sheet sheetId="2" name="Bản sao" r:id="rId9"/>'),
      ),
      'sheets «Danh sách» and «Bản sao» are one part',
    ],
  ];
  for (const [what, parts, message] of cases) {
    it(what, async () => {
      const expected = { code: 'duplicate-part', message };
      expect(await outcome(parts, false)).toEqual(expected);
      expect(await outcome(parts, true)).toEqual(expected);
    });
  }

  it('names an entry safely: controls and bidi marks written as escapes, a long name cut short', async () => {
    const hostile = `xl/media/\u001b[31mđỏ\u202e${'x'.repeat(200)}.png`;
    const parts = [...BOOK, { name: hostile, data: Buffer.from('a') }, { name: hostile.replace('xl/', 'XL/'), data: Buffer.from('b') }];
    const got = (await outcome(parts, false)) as { code: string; message: string };
    expect(got.code).toBe('duplicate-part');
    // 120 characters of each name: "xl/media/", 5 of the colour code, "đỏ", the mark and 103 "x".
    const cut = (top: string) => `«${top}/media/\\u{1B}[31mđỏ\\u{202E}${'x'.repeat(103)}…»`;
    expect(got.message).toBe(`zip entries ${cut('xl')} and ${cut('XL')} name one part`);
    expect(got.message).not.toMatch(/[\u001b\u202e]/);
  });
});

/** A zip entry of the part, with no UTF-8 flag and an Info-ZIP Unicode Path field naming it `unicodeName` (for `nameCrcOf`'s bytes). */
function withUnicodePath(part: ZipPart, unicodeName: string, nameCrcOf = part.name): RawEntry {
  const data = Buffer.concat([Buffer.from([1, 0, 0, 0, 0]), Buffer.from(unicodeName)]);
  data.writeUInt32LE(zlib.crc32(Buffer.from(nameCrcOf)), 1);
  const head = Buffer.alloc(4);
  head.writeUInt16LE(0x7075, 0);
  head.writeUInt16LE(data.length, 2);
  return { ...rawEntry(part), flags: 0, extra: Buffer.concat([head, data]) };
}

const rawEntry = (p: ZipPart): RawEntry => ({ name: p.name, deflated: zlib.deflateRawSync(p.data), crc: zlib.crc32(p.data), size: p.data.length });

describe('a zip entry whose Unicode Path field (0x7075) names another part', () => {
  const copy = { name: 'xl/worksheets/sheet9.xml', data: Buffer.from(SHEET1.toString('utf8').replace(/<c r="B13"[^>]*>.*?<\/c>/, '<c r="B13" t="inlineStr"><is><t>Bản khác</t></is></c>')) };
  const zip = writeRawZip([...BOOK.map(rawEntry), withUnicodePath(copy, 'xl/worksheets/sheet1.xml')]);

  it('is what exceljs reads for that part, so it is refused', async () => {
    const file = path.join(dir, 'unicode-path.xlsx');
    fs.writeFileSync(file, zip);
    const wb = await new ExcelJS.Workbook().xlsx.readFile(file);
    expect(wb.getWorksheet('Danh sách')!.getCell('B13').text).toBe('Bản khác');
    const expected = { code: 'duplicate-part', message: 'zip entry «xl/worksheets/sheet9.xml» also names itself «xl/worksheets/sheet1.xml»' };
    expect(await outcome(zip, false)).toEqual(expected);
    expect(await outcome(zip, true)).toEqual(expected);
  });

  it('is refused on a folder\'s entry too, which JSZip takes for a part under the other name', async () => {
    const folder = writeRawZip([...BOOK.map(rawEntry), withUnicodePath({ name: 'xl/cu/', data: Buffer.alloc(0) }, 'xl/worksheets/sheet1.xml')]);
    expect(await outcome(folder, true)).toEqual({ code: 'duplicate-part', message: 'zip entry «xl/cu/» also names itself «xl/worksheets/sheet1.xml»' });
  });

  it('is read as before when the field gives the entry\'s own name, or is stale (another name\'s CRC)', async () => {
    const same = writeRawZip([...BOOK.map(rawEntry), withUnicodePath(copy, copy.name)]);
    const stale = writeRawZip([...BOOK.map(rawEntry), withUnicodePath(copy, 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet8.xml')]);
    for (const bytes of [same, stale]) expect(await outcome(bytes, false)).toEqual(await ORIGINAL);
  });
});

describe('names from the file in other reasons are shown safely too', () => {
  it('a sheet whose part is missing, named with a C1 control and a direction mark', async () => {
    const got = await outcome(withSheets('<sheet sheetId="1" name="Danh&#x9B;31m sách&#x202E;" r:id="rId99"/>'), false);
    expect(got).toEqual({ code: 'not-a-workbook', message: 'the part of sheet «Danh\\u{9B}31m sách\\u{202E}» is missing' });
  });
});

describe('a workbook whose names only look alike is read as before', () => {
  const cases: [what: string, parts: ZipPart[]][] = [
    // Names that share a prefix, or differ beyond ASCII case: OPC holds them apart, and so does the lookup.
    ['sheet10.xml and a backup beside sheet1.xml', [...BOOK, { name: 'xl/worksheets/sheet10.xml', data: SHEET1 }, { name: 'xl/worksheets/sheet1.xml.bak', data: SHEET1 }]],
    ['a stray "%" in a name', [...BOOK, { name: 'xl/media/100%.png', data: Buffer.from('png') }]],
    ['a Kelvin sign, which only Unicode case folding makes a "k"', [...BOOK, { name: 'xl/wor\u212Asheets/sheet1.xml', data: Buffer.from('<worksheet/>') }]],
    [
      'one relationship of a type, given twice to one part',
      withRels(`<Relationship Id="rId9" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>`),
    ],
  ];
  for (const [what, parts] of cases) {
    it(what, async () => {
      const original = await ORIGINAL;
      expect('rows' in original && original.rows[0].length).toBeGreaterThan(10);
      expect(await outcome(parts, false)).toEqual(original);
      expect(await outcome(parts, true)).toEqual(original);
    });
  }

  it('sheet names that differ in Unicode form only (NFC, NFD): Excel keeps both, and so does hoso', async () => {
    const nfd = 'Danh sách'.normalize('NFD');
    const got = await outcome(withSheets(`<sheet sheetId="1" name="Danh sách" r:id="rId4"/><sheet sheetId="2" name="${nfd}" r:id="rId5"/>`), false);
    const original = (await ORIGINAL) as { rows: RawRow[][] };
    expect(got).toEqual(original);
  });
});

describe('part names', () => {
  it('are looked up as OPC compares them: ASCII case, backslashes and a leading slash ignored', () => {
    expect(partKey('/XL\\Worksheets/Sheet1.XML')).toBe('xl/worksheets/sheet1.xml');
    expect(partKey('xl/worksheets/SHEET\u212A.xml')).toBe('xl/worksheets/sheet\u212A.xml');
    expect(partKey('Xl/ĐƠN VỊ.xml')).toBe('xl/ĐƠn vỊ.xml');
  });

  it('are compared for duplicates after percent-decoding, a stray "%" kept', () => {
    expect(entryKey('XL%2Fworksheets%5Csheet%31.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(entryKey('xl/media/100%.png')).toBe('xl/media/100%.png');
    expect(entryKey('xl/worksheets/sheet1.xml')).toBe(partKey('xl/worksheets/sheet1.xml'));
  });

  it('are shown in «», with hidden characters as escapes', () => {
    expect(shown('xl/worksheets/sheet1.xml')).toBe('«xl/worksheets/sheet1.xml»');
    expect(shown('a\u0000b\u009bc\u200bd\u2028e')).toBe('«a\\u{0}b\\u{9B}c\\u{200B}d\\u{2028}e»');
    expect(shown('Danh sách')).toBe('«Danh sách»');
  });
});
