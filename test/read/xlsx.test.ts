import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { columnLetter, InputError, type MergeRange, type RawCell, type RawRow, type WorkbookSource } from '../../src/read/types.js';
import { SharedStrings, SharedStringsScanner, SheetScanner, XmlError, type SheetContext } from '../../src/read/sheet-scanner.js';
import { formatCodeKind, MergeFinder, openXlsx, serialToDate } from '../../src/read/xlsx.js';
import { packageRoot } from '../../src/rules/load.js';
import { writeRawZip } from '../../scripts/fixture-kit/zip.js';
import { seeded } from '../support/random.js';

// Look-alikes of the Quảng Bình reference workbooks, written by the fixture generator.
const REFERENCE = path.join(packageRoot(), 'fixtures', 'tham-chieu');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-xlsx-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function tmp(name: string): string {
  return path.join(dir, name);
}

async function readAll(src: WorkbookSource, sheetName: string): Promise<RawRow[]> {
  const sheet = src.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rows: RawRow[] = [];
  for await (const row of src.rows(sheet)) rows.push(row);
  return rows;
}

async function readFile(file: string, sheetName?: string): Promise<RawRow[]> {
  const src = await openXlsx(file);
  try {
    return await readAll(src, sheetName ?? src.sheets[0].name);
  } finally {
    await src.close();
  }
}

/** The InputError code an async action fails with. */
async function errorCode(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).code;
  }
  throw new Error('expected an InputError');
}

/** Whether this process holds a descriptor on the file (Linux). */
function isOpen(file: string): boolean {
  return fs.readdirSync('/proc/self/fd').some((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  });
}

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, min, s));

function cellAt(rows: RawRow[], row: number, col: number): RawCell | undefined {
  return rows.find((r) => r.row === row)?.cells.find((c) => c.col === col);
}

// ---------------------------------------------------------------------------------------------
// Zips built by hand, for parts exceljs never writes (inline strings, odd part names, damage).

interface ZipPart {
  name: string;
  data: string | Buffer;
  /** Bytes to store as the deflated data instead of deflating `data` (to simulate damage). */
  raw?: Buffer;
  /** The uncompressed size to declare instead of the real one (to simulate damage). */
  size?: number;
}

function makeZip(parts: ZipPart[]): Buffer {
  return writeRawZip(
    parts.map((part) => {
      const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8');
      return { name: part.name, deflated: part.raw ?? zlib.deflateRawSync(data), crc: zlib.crc32(data), size: part.size ?? data.length };
    }),
  );
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const rootRels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** A workbook of one sheet "S" whose part holds `sheet` (with `size` as the directory's uncompressed size, if given). */
function singleSheetZip(sheet: string | Buffer, size?: number): Buffer {
  return makeZip([
    { name: '_rels/.rels', data: rootRels },
    { name: 'xl/workbook.xml', data: workbookXml('<sheet name="S" sheetId="1" r:id="rId1"/>') },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...(size === undefined ? {} : { size }) },
  ]);
}

function workbookXml(sheets: string, pr = ''): string {
  return `${XML}<workbook xmlns="${NS}" xmlns:r="${RNS}">${pr}<sheets>${sheets}</sheets></workbook>`;
}

function sheetXml(rows: string): string {
  return `${XML}<worksheet xmlns="${NS}"><dimension ref="A1"/><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** A one-sheet workbook around the given sheetData rows. */
function simpleBook(rows: string, extra: ZipPart[] = []): Buffer {
  return makeZip([
    { name: '_rels/.rels', data: rootRels },
    { name: 'xl/workbook.xml', data: workbookXml('<sheet name="Sheet1" sheetId="1" r:id="rId1"/>') },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows) },
    ...extra,
  ]);
}

// ---------------------------------------------------------------------------------------------

describe('openXlsx on workbooks written by exceljs', () => {
  let file: string;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách khen thưởng');
    ws.getCell('A1').value = 'Nguyễn Thị Hằng';
    ws.getCell('B1').value = {
      richText: [{ text: 'Hoàn thành ' }, { font: { bold: true }, text: 'xuất sắc' }, { text: ' nhiệm vụ' }],
    };
    ws.getCell('C1').value = '  Trường THCS Đắk Ruồng  ';
    ws.getCell('D1').value = 'dòng 1\r\ndòng 2';
    ws.getCell('E1').value = 'Ủy ban nhân dân tỉnh Quảng Bình';

    ws.getCell('A3').value = 42;
    ws.getCell('B3').value = -3.25;
    ws.getCell('C3').value = 0.7;
    ws.getCell('C3').numFmt = '0%';
    ws.getCell('D3').value = 0.125;
    ws.getCell('D3').numFmt = '0.00%';
    ws.getCell('E3').value = true;
    ws.getCell('F3').value = false;
    ws.getRow(3).hidden = true;

    ws.getCell('A10').value = utc(2023, 10, 4);
    ws.getCell('B10').value = utc(1985, 2, 28, 13, 45);
    ws.getCell('B10').numFmt = 'dd/mm/yyyy hh:mm';
    ws.getCell('C10').value = { formula: 'A3*2', result: 84 };
    ws.getCell('D10').value = { formula: 'VLOOKUP(A1,Z1:Z2,2,0)', result: { error: '#N/A' } };
    ws.getCell('E10').value = { formula: 'A1&"!"', result: 'Nguyễn Thị Hằng!' };
    ws.getCell('F10').value = { formula: 'A3*3', result: undefined } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('G10').value = { formula: 'A3>1', result: true };
    ws.getCell('H10').value = 1234.5;
    ws.getCell('H10').numFmt = '#,##0.00 "đồng"';

    wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'ẩn';
    wb.addWorksheet('Rất ẩn', { state: 'veryHidden' }).getCell('A1').value = 'rất ẩn';
    wb.addWorksheet('Hướng dẫn').getCell('B2').value = 'Hướng dẫn nhập liệu';

    file = tmp('kitchen-sink.xlsx');
    await wb.xlsx.writeFile(file);
  });

  it('lists sheets in order with Vietnamese names and hidden states', async () => {
    const src = await openXlsx(file);
    expect(src.sheets).toEqual([
      { name: 'Danh sách khen thưởng', hidden: false },
      { name: 'Ẩn', hidden: true },
      { name: 'Rất ẩn', hidden: true },
      { name: 'Hướng dẫn', hidden: false },
    ]);
    expect(await readAll(src, 'Ẩn')).toEqual([{ row: 1, cells: [{ col: 1, t: 's', v: 'ẩn' }] }]);
    expect(await readAll(src, 'Hướng dẫn')).toEqual([{ row: 2, cells: [{ col: 2, t: 's', v: 'Hướng dẫn nhập liệu' }] }]);
    await src.close();
  });

  it('reads strings, numbers, percentages, booleans, dates and formula results exactly', async () => {
    const rows = await readFile(file);
    expect(rows.map((r) => r.row)).toEqual([1, 3, 10]);
    expect(rows[0]).toEqual({
      row: 1,
      cells: [
        { col: 1, t: 's', v: 'Nguyễn Thị Hằng' },
        { col: 2, t: 's', v: 'Hoàn thành xuất sắc nhiệm vụ' },
        { col: 3, t: 's', v: '  Trường THCS Đắk Ruồng  ' },
        // XML parsing turns a stored CR LF into LF, as Excel itself does on load.
        { col: 4, t: 's', v: 'dòng 1\ndòng 2' },
        { col: 5, t: 's', v: 'Ủy ban nhân dân tỉnh Quảng Bình' },
      ],
    });
    expect(rows[1]).toEqual({
      row: 3,
      hidden: true,
      cells: [
        { col: 1, t: 'n', v: 42 },
        { col: 2, t: 'n', v: -3.25 },
        { col: 3, t: 'n', v: 0.7, percent: true },
        { col: 4, t: 'n', v: 0.125, percent: true },
        { col: 5, t: 'b', v: true },
        { col: 6, t: 'b', v: false },
      ],
    });
    expect(rows[2]).toEqual({
      row: 10,
      cells: [
        { col: 1, t: 'd', v: utc(2023, 10, 4) },
        { col: 2, t: 'd', v: utc(1985, 2, 28, 13, 45) },
        { col: 3, t: 'n', v: 84, formula: true },
        { col: 4, t: 'e', v: '#N/A', formula: true },
        { col: 5, t: 's', v: 'Nguyễn Thị Hằng!', formula: true },
        // F10: a formula without a cached result is an empty cell.
        { col: 7, t: 'b', v: true, formula: true },
        { col: 8, t: 'n', v: 1234.5 },
      ],
    });
  });

  it('reads the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Mac');
    ws.getCell('A1').value = utc(2023, 10, 4);
    ws.getCell('B1').value = utc(1904, 1, 1, 6);
    ws.getCell('C1').value = 100;
    const f = tmp('date1904.xlsx');
    await wb.xlsx.writeFile(f);
    expect(await readFile(f)).toEqual([
      {
        row: 1,
        cells: [
          { col: 1, t: 'd', v: utc(2023, 10, 4) },
          { col: 2, t: 'd', v: utc(1904, 1, 1, 6) },
          { col: 3, t: 'n', v: 100 },
        ],
      },
    ]);
  });

  it.each([['read whole', false], ['streamed', true]])('stops early without error and closes the file (%s)', async (_, streamAll) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dài');
    for (let i = 1; i <= 5000; i++) ws.addRow([i, `Hàng số ${i}`]);
    const f = tmp(`long-${streamAll}.xlsx`);
    await wb.xlsx.writeFile(f);
    if (!streamAll) fs.copyFileSync(f, tmp('long.xlsx'));
    // exceljs's write stream may close its descriptor a moment after writeFile resolves (seen on a loaded machine).
    await vi.waitFor(() => expect(isOpen(f)).toBe(false));

    const src = await openXlsx(f, {}, { streamAll });
    // A small file read whole is let go at once; a streamed one is held until close().
    expect(isOpen(f)).toBe(streamAll);
    const seen: number[] = [];
    for await (const row of src.rows(src.sheets[0])) {
      seen.push(row.row);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([1, 2, 3]);
    // A second pass over the same sheet still works after the first was abandoned.
    let count = 0;
    for await (const _ of src.rows(src.sheets[0])) count++;
    expect(count).toBe(5000);
    await src.close();
    await src.close();
    expect(isOpen(f)).toBe(false);
  });

  it('hands out rows in order to next() calls that overlap', async () => {
    const src = await openXlsx(tmp('long.xlsx'));
    const it = src.rows(src.sheets[0])[Symbol.asyncIterator]();
    const first = await Promise.all([it.next(), it.next(), it.next()]);
    expect(first.map((r) => r.value?.row)).toEqual([1, 2, 3]);
    expect((await it.next()).value?.row).toBe(4);
    await it.return?.();
    expect((await it.next()).done).toBe(true);
    await src.close();
  });

  it.each([['read whole', false], ['streamed', true]])('close() releases the file even while a sheet is being read (%s)', async (_, streamAll) => {
    const f = tmp('long.xlsx');
    const src = await openXlsx(f, {}, { streamAll });
    const it = src.rows(src.sheets[0])[Symbol.asyncIterator]();
    expect((await it.next()).value?.row).toBe(1);
    // A small file read whole is let go as soon as it is read; a streamed one is held until close().
    expect(isOpen(f)).toBe(streamAll);
    await src.close();
    expect(isOpen(f)).toBe(false);
    // Rows already parsed may still arrive; then reading stops with a clear error.
    const code = await errorCode(async () => {
      while (!(await it.next()).done);
    });
    expect(code).toBe('not-found');
  });
});

describe('openXlsx on hand-made parts', () => {
  const sharedStrings = `${XML}<sst xmlns="${NS}" count="7" uniqueCount="7">
<si><t>Nguyễn Văn A</t></si>
<si><t xml:space="preserve">  hai khoảng trắng  </t></si>
<si><r><t xml:space="preserve">Tên gọi
</t></r><r><rPr><i/><sz val="9"/></rPr><t>(Ông/Bà)</t></r><rPh sb="0" eb="1"><t>PHIÊN ÂM</t></rPh><phoneticPr fontId="1"/></si>
<si><t>dòng 1_x000D_
dòng 2</t></si>
<si><t>_x005F_x000D_ là chữ</t></si>
<si><t>A &amp; B &lt;C&gt;</t></si>
<si><t/></si>
</sst>`;

  const styles = `${XML}<styleSheet xmlns="${NS}">
<numFmts count="8">
<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>
<numFmt numFmtId="165" formatCode="[h]:mm"/>
<numFmt numFmtId="166" formatCode="#,##0 &quot;ngày&quot;"/>
<numFmt numFmtId="167" formatCode="0\\%"/>
<numFmt numFmtId="168" formatCode="[Red]0.00"/>
<numFmt numFmtId="169" formatCode="_-* #,##0\\ _₫_-;\\-* #,##0\\ _₫_-;_-* &quot;-&quot;\\ _₫_-;_-@_-"/>
<numFmt numFmtId="170" formatCode="0.0%"/>
<numFmt numFmtId="9" formatCode="0.000"/>
</numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="12">
<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="10"/>
<xf numFmtId="168"/><xf numFmtId="169"/><xf numFmtId="170"/><xf numFmtId="22"/><xf numFmtId="167"/><xf numFmtId="9"/>
</cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs>
</styleSheet>`;

  const sheet1 = sheetXml(`
<row r="1" spans="1:7">
  <c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>
  <c r="D1" t="inlineStr"><is><t>Trường THCS Đắk Ruồng</t></is></c>
  <c r="E1" t="inlineStr"><is><r><t xml:space="preserve">Hoàn thành </t></r><r><rPr><b/></rPr><t>xuất sắc</t></r><rPh><t>X</t></rPh></is></c>
  <c r="F1" t="s"><v>3</v></c><c r="G1" t="s"><v>4</v></c><c r="H1" t="s"><v>5</v></c>
  <c r="I1" t="s"><v>6</v></c><c r="J1" t="s"><v>99</v></c><c r="K1" t="inlineStr"><is><t>a_x000D_b</t></is></c>
</row>
<row>
  <c><v>1</v></c><c t="b"><v>1</v></c><c t="b"><v>0</v></c>
  <c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="str"><f>A1&amp;""</f><v>abc</v></c>
  <c r="H2"><f>A1</f></c><c r="I2" t="str"><f>""</f><v></v></c><c r="J2" s="1"/><c r="K2" t="n"><f t="shared" si="0"/><v>7</v></c>
</row>
<row r="5" hidden="1">
  <c r="A5" s="1"><v>45203</v></c><c r="B5" s="2"><v>45203.5</v></c><c r="C5" s="3"><v>1.5</v></c>
  <c r="D5" s="4"><v>3</v></c><c r="E5" s="5"><v>0.7</v></c><c r="F5" s="6"><v>2.5</v></c>
  <c r="G5" s="7"><v>1000</v></c><c r="H5" s="8"><v>0.25</v></c><c r="I5" s="9"><v>45203.75</v></c>
  <c r="J5" s="10"><v>5</v></c><c r="K5" s="11"><v>0.5</v></c>
  <c r="L5" t="d"><v>2023-10-04T08:30:00</v></c><c r="M5" t="d"><v>2023-10-04</v></c>
</row>
<row r="6">
  <c r="A6" s="1"><v>1</v></c><c r="B6" s="1"><v>59</v></c><c r="C6" s="1"><v>61</v></c><c r="D6" s="1"><v>0.25</v></c>
  <c r="E6" s="1"><v>-1</v></c><c r="F6" s="1"><v>1E+3</v></c>
</row>
<row r="7"><c r="A7" s="1"/><c r="B7" t="s"/></row>
<row r="8"><c r="C8"><v>3</v></c><c r="A8"><v>1</v></c></row>
`);

  // UTF-16 with a byte-order mark, and a prefixed namespace: both legal, both rare.
  const sheet2 = `<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>Xin chào</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;

  let file: string;
  beforeAll(() => {
    file = tmp('handmade.xlsx');
    fs.writeFileSync(
      file,
      makeZip([
        { name: '[Content_Types].xml', data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
        { name: '_rels/.rels', data: rootRels },
        {
          name: 'xl/workbook.xml',
          data: workbookXml(
            '<sheet name="Trang 1" sheetId="1" r:id="rId1"/><sheet name="Trang 2" sheetId="2" state="veryHidden" r:id="rId2"/>',
            '<workbookPr defaultThemeVersion="124226"/>',
          ),
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/>
<Relationship Id="rId5" Type="${REL}/hyperlink" Target="https://example.com/" TargetMode="External"/>
</Relationships>`,
        },
        // Odd but seen in the wild: a leading slash and different case in the zip's part names.
        { name: 'XL/Worksheets/Sheet1.xml', data: sheet1 },
        { name: '/xl/worksheets/sheet2.xml', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheet2, 'utf16le')]) },
        { name: 'xl/sharedStrings.xml', data: sharedStrings },
        { name: 'xl/styles.xml', data: styles },
      ]),
    );
  });

  it('reads shared, rich and inline strings, Excel escapes, cell types and number formats', async () => {
    const src = await openXlsx(file);
    expect(src.sheets).toEqual([
      { name: 'Trang 1', hidden: false },
      { name: 'Trang 2', hidden: true },
    ]);
    const rows = await readAll(src, 'Trang 1');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 5, 6, 8]);
    expect(rows[0].cells).toEqual([
      { col: 1, t: 's', v: 'Nguyễn Văn A' },
      { col: 2, t: 's', v: '  hai khoảng trắng  ' },
      { col: 3, t: 's', v: 'Tên gọi\n(Ông/Bà)' },
      { col: 4, t: 's', v: 'Trường THCS Đắk Ruồng' },
      { col: 5, t: 's', v: 'Hoàn thành xuất sắc' },
      { col: 6, t: 's', v: 'dòng 1\r\ndòng 2' },
      { col: 7, t: 's', v: '_x000D_ là chữ' },
      { col: 8, t: 's', v: 'A & B <C>' },
      // I1 is the empty string, J1 an out-of-range index: both empty.
      { col: 11, t: 's', v: 'a\rb' },
    ]);
    expect(rows[1]).toEqual({
      row: 2,
      cells: [
        { col: 1, t: 'n', v: 1 },
        { col: 2, t: 'b', v: true },
        { col: 3, t: 'b', v: false },
        { col: 5, t: 'e', v: '#DIV/0!', formula: true },
        { col: 6, t: 's', v: 'abc', formula: true },
        { col: 11, t: 'n', v: 7, formula: true },
      ],
    });
    expect(rows[2]).toEqual({
      row: 5,
      hidden: true,
      cells: [
        { col: 1, t: 'd', v: utc(2023, 10, 4) },
        { col: 2, t: 'd', v: utc(2023, 10, 4, 12) },
        { col: 3, t: 'd', v: utc(1900, 1, 1, 12) },
        { col: 4, t: 'n', v: 3 },
        { col: 5, t: 'n', v: 0.7, percent: true },
        { col: 6, t: 'n', v: 2.5 },
        { col: 7, t: 'n', v: 1000 },
        { col: 8, t: 'n', v: 0.25, percent: true },
        { col: 9, t: 'd', v: utc(2023, 10, 4, 18) },
        { col: 10, t: 'n', v: 5 },
        // numFmtId 9 redefined by <numFmts> as 0.000: no longer a percentage.
        { col: 11, t: 'n', v: 0.5 },
        { col: 12, t: 'd', v: utc(2023, 10, 4, 8, 30) },
        { col: 13, t: 'd', v: utc(2023, 10, 4) },
      ],
    });
    expect(rows[3].cells).toEqual([
      { col: 1, t: 'd', v: utc(1900, 1, 1) },
      { col: 2, t: 'd', v: utc(1900, 2, 28) },
      { col: 3, t: 'd', v: utc(1900, 3, 1) },
      { col: 4, t: 'd', v: utc(1899, 12, 31, 6) },
      { col: 5, t: 'n', v: -1 },
      { col: 6, t: 'd', v: utc(1902, 9, 26) },
    ]);
    expect(rows[4].cells).toEqual([
      { col: 1, t: 'n', v: 1 },
      { col: 3, t: 'n', v: 3 },
    ]);
    expect(await readAll(src, 'Trang 2')).toEqual([{ row: 3, cells: [{ col: 2, t: 's', v: 'Xin chào' }] }]);
    await src.close();
  });

  it('decodes large parts whatever mix of ASCII and multi-byte chunks zlib hands out', async () => {
    // Mostly ASCII rows (decoded by the ASCII shortcut) with Vietnamese text and U+FEFF every so
    // often, behind a UTF-8 byte-order mark that must be dropped while the later U+FEFF stay.
    const texts = (r: number) => (r % 12_007 === 0 ? `\uFEFFĐắk Ruồng ${r}` : r % 9001 === 0 ? `Xã Đắk ${r}` : `row ${r}`);
    let rows = '';
    for (let r = 1; r <= 30_000; r++) {
      rows += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>${texts(r)}</t></is></c></row>`;
    }
    const f = tmp('mixed.xlsx');
    fs.writeFileSync(
      f,
      singleSheetZip(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sheetXml(rows))])),
    );
    const got = await readFile(f);
    expect(got).toHaveLength(30_000);
    for (const row of got) {
      expect(row.cells).toEqual([
        { col: 1, t: 'n', v: row.row },
        { col: 2, t: 's', v: texts(row.row) },
      ]);
    }
  });

  it('enforces the limits', async () => {
    expect(await errorCode(() => openXlsx(file, { maxPartBytes: 200 }))).toBe('too-large');

    // A text longer than the limit is refused rather than cut short without a word.
    expect(await errorCode(() => openXlsx(file, { maxCellChars: 4 }))).toBe('cell-too-long');

    const src = await openXlsx(file, { maxRows: 2 });
    const rows: RawRow[] = [];
    const code = await errorCode(async () => {
      for await (const row of src.rows(src.sheets[0])) rows.push(row);
    });
    expect(code).toBe('too-many-rows');
    expect(rows).toHaveLength(2);
    // The iteration is over after the error.
    const again = src.rows(src.sheets[0])[Symbol.asyncIterator]();
    await errorCode(async () => {
      while (!(await again.next()).done);
    });
    expect((await again.next()).done).toBe(true);
    await src.close();

    // Just under the first sheet's size, and over every other part's.
    const limit = Buffer.byteLength(sheet1) - 1;
    expect(Buffer.byteLength(styles)).toBeLessThan(limit);
    const small = await openXlsx(file, { maxPartBytes: limit });
    expect(await errorCode(() => readAll(small, 'Trang 1'))).toBe('too-large');
    expect(await readAll(small, 'Trang 2')).toHaveLength(1);
    await small.close();
  });

  it('classifies number formats', () => {
    expect(formatCodeKind('General')).toBeUndefined();
    expect(formatCodeKind('dd/mm/yyyy')).toBe('date');
    expect(formatCodeKind('[$-42A]d mmmm yyyy')).toBe('date');
    expect(formatCodeKind('[h]:mm:ss')).toBe('date');
    expect(formatCodeKind('[mm]')).toBe('date');
    expect(formatCodeKind('h:mm AM/PM')).toBe('date');
    expect(formatCodeKind('0.00%')).toBe('percent');
    expect(formatCodeKind('0"%"')).toBeUndefined();
    expect(formatCodeKind('#,##0 "ngày"')).toBeUndefined();
    expect(formatCodeKind('[Red]#,##0;[Blue]-#,##0')).toBeUndefined();
    expect(formatCodeKind('_(* #,##0_);_(* \\(#,##0\\);_(* "-"??_);_(@_)')).toBeUndefined();
    expect(formatCodeKind('0.00E+00')).toBeUndefined();
    expect(formatCodeKind('@')).toBeUndefined();
  });

  it('converts serials around Excel’s fake 29 February 1900', () => {
    expect(serialToDate(1, false)).toEqual(utc(1900, 1, 1));
    expect(serialToDate(59, false)).toEqual(utc(1900, 2, 28));
    expect(serialToDate(61, false)).toEqual(utc(1900, 3, 1));
    expect(serialToDate(45203, false)).toEqual(utc(2023, 10, 4));
    expect(serialToDate(0, true)).toEqual(utc(1904, 1, 1));
    expect(serialToDate(43741, true)).toEqual(utc(2023, 10, 4));
    expect(serialToDate(-1, false)).toBeUndefined();
  });
});

describe('openXlsx on bad input', () => {
  it('tells each kind of unreadable file apart', async () => {
    const text = tmp('text.xlsx');
    fs.writeFileSync(text, 'Họ và tên,Ngày sinh\nNguyễn Văn A,01/01/1980\n');
    expect(await errorCode(() => openXlsx(text))).toBe('not-a-workbook');

    const empty = tmp('empty.xlsx');
    fs.writeFileSync(empty, '');
    expect(await errorCode(() => openXlsx(empty))).toBe('empty');

    const ole = tmp('legacy.xlsx');
    fs.writeFileSync(ole, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    expect(await errorCode(() => openXlsx(ole))).toBe('ole');

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 'x'.repeat(5000);
    const whole = await wb.xlsx.writeBuffer();
    const half = tmp('half.xlsx');
    fs.writeFileSync(half, Buffer.from(whole).subarray(0, Math.floor(whole.byteLength / 2)));
    expect(await errorCode(() => openXlsx(half))).toBe('truncated');

    const noWorkbook = tmp('docs.xlsx');
    fs.writeFileSync(noWorkbook, makeZip([{ name: 'word/document.xml', data: '<w:document/>' }]));
    expect(await errorCode(() => openXlsx(noWorkbook))).toBe('not-a-workbook');

    expect(await errorCode(() => openXlsx(tmp('does-not-exist.xlsx')))).toBe('not-found');
    expect(await errorCode(() => openXlsx(dir))).toBe('not-a-workbook');
  });

  it('reports a workbook with no sheet and malformed XML', async () => {
    const noSheets = tmp('no-sheets.xlsx');
    fs.writeFileSync(
      noSheets,
      makeZip([
        { name: '_rels/.rels', data: rootRels },
        { name: 'xl/workbook.xml', data: workbookXml('') },
      ]),
    );
    expect(await errorCode(() => openXlsx(noSheets))).toBe('no-sheets');

    const badWorkbook = tmp('bad-workbook.xlsx');
    fs.writeFileSync(badWorkbook, makeZip([{ name: 'xl/workbook.xml', data: '<workbook><sheets></workbook>' }]));
    expect(await errorCode(() => openXlsx(badWorkbook))).toBe('bad-xml');

    const badSheet = tmp('bad-sheet.xlsx');
    fs.writeFileSync(badSheet, simpleBook('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></row>'));
    const src = await openXlsx(badSheet);
    const seen: number[] = [];
    const code = await errorCode(async () => {
      for await (const row of src.rows(src.sheets[0])) seen.push(row.row);
    });
    expect(code).toBe('bad-xml');
    await src.close();
  });

  it('reports damaged compressed data while reading a sheet', async () => {
    const damaged = tmp('damaged.xlsx');
    const book = makeZip([
      { name: '_rels/.rels', data: rootRels },
      { name: 'xl/workbook.xml', data: workbookXml('<sheet name="S" sheetId="1" r:id="rId1"/>') },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml('<row r="1"/>'), raw: Buffer.from('this is not deflate data at all') },
    ]);
    fs.writeFileSync(damaged, book);
    const src = await openXlsx(damaged);
    expect(await errorCode(() => readAll(src, 'S'))).toBe('truncated');
    await src.close();
  });

  it('reports a damaged local header, and stored data the directory says runs past the end of the file', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    // The sheet's local header: its name's first occurrence, 30 bytes after the header's start.
    const badHeader = singleSheetZip(sheetXml(rows));
    badHeader.writeUInt32LE(0x12345678, badHeader.indexOf(name) - 30);
    // The sheet is the last part: the directory's compressed size (20 bytes into its entry, whose
    // name starts at 46) made larger than the rest of the file.
    const overflow = singleSheetZip(sheetXml(rows));
    overflow.writeUInt32LE(overflow.length * 4, overflow.lastIndexOf(name) - 46 + 20);
    for (const [label, bytes] of [['header', badHeader], ['overflow', overflow]] as const) {
      const f = tmp(`damaged-${label}.xlsx`);
      fs.writeFileSync(f, bytes);
      const src = await openXlsx(f);
      expect(await errorCode(() => readAll(src, 'S')), label).toBe('truncated');
      await src.close();
      expect(isOpen(f)).toBe(false);
    }
  });

  it('reports a part whose inflated size differs from the zip directory', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row>';
    for (const delta of [-1, 1]) {
      const f = tmp(`size${delta}.xlsx`);
      const size = Buffer.byteLength(sheetXml(rows)) + delta;
      fs.writeFileSync(
        f,
        singleSheetZip(sheetXml(rows), size),
      );
      // Read whole (a small file) and streamed, as a large one is.
      for (const streamAll of [false, true]) {
        const src = await openXlsx(f, {}, { streamAll });
        expect(await errorCode(() => readAll(src, 'S'))).toBe('truncated');
        await src.close();
      }
    }
  });
});

/** Every .xlsx under a folder, sorted. */
function workbooksUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(folder, f));
}

/** What reading a file gives: every sheet's rows and merged ranges, or the error it stops with. */
async function outcome(file: string, options: { streamAll?: boolean }): Promise<unknown> {
  let src: WorkbookSource | undefined;
  try {
    src = await openXlsx(file, { maxPartBytes: 64 * 1024 ** 2, maxRows: 200_000 }, options);
    const sheets = [];
    for (const sheet of src.sheets) sheets.push({ sheet, rows: await readAll(src, sheet.name), merges: await src.merges?.(sheet) });
    return sheets;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { code: err.code, message: err.message };
  } finally {
    await src?.close();
  }
}

describe('a small file read whole, and a file streamed', () => {
  /** Each part's stored and inflated size, as the zip's directory gives them. */
  function zipSizes(file: string): Promise<Map<string, { stored: number; inflated: number }>> {
    return new Promise((resolve, reject) => {
      yauzl.open(file, (err, zip) => {
        if (err) return reject(err);
        const sizes = new Map<string, { stored: number; inflated: number }>();
        zip.on('entry', (e: yauzl.Entry) => sizes.set(e.fileName, { stored: e.compressedSize, inflated: e.uncompressedSize }));
        zip.on('end', () => resolve(sizes));
        zip.on('error', reject);
      });
    });
  }

  it('give the same rows across chunk boundaries: parts larger than a chunk, in a small file', async () => {
    // Over a megabyte of sheet XML stored in under a chunk: read whole, it is inflated at once
    // and handed out in chunks, as a stream would.
    const random = seeded(7);
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
    const word = () => Array.from({ length: 2 + random(6) }, () => letters[random(letters.length)]).join('');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dài');
    for (let r = 1; r <= 6000; r++) ws.addRow([r, `${word()} ${word()} ${word()}`, 'Cá nhân', r % 7 === 0 ? 'Hoàn thành xuất sắc nhiệm vụ' : word(), r * 1.5]);
    const file = tmp('chunks.xlsx');
    await wb.xlsx.writeFile(file);
    const sheet = (await zipSizes(file)).get('xl/worksheets/sheet1.xml')!;
    expect(sheet.stored).toBeLessThan(200 * 1024);
    expect(sheet.inflated).toBeGreaterThan(1024 * 1024);
    const whole = (await outcome(file, {})) as { rows: RawRow[] }[];
    expect(whole[0].rows).toHaveLength(6000);
    expect(await outcome(file, { streamAll: true })).toEqual(whole);
  });

  it('give the same rows, merged ranges and errors on every fixture, good and bad', async () => {
    const files = workbooksUnder(path.join(packageRoot(), 'fixtures'));
    const codes = new Set<string>();
    for (const file of files) {
      const whole = await outcome(file, {});
      expect(await outcome(file, { streamAll: true }), file).toEqual(whole);
      if ('code' in (whole as object)) codes.add((whole as InputError).code);
    }
    // The bad fixtures are among them: damaged zips, bombs, encrypted and legacy files.
    expect(files.length).toBeGreaterThan(60);
    for (const code of ['truncated', 'too-large', 'encrypted', 'xls', 'not-a-workbook', 'duplicate-part']) expect(codes).toContain(code);
    // Every fixture read twice (about 1.5 s alone): more than vitest's 5 s on a busy 2-core machine.
  }, 60_000);
});

describe('the sheet scanner', () => {
  const SST = ['Nguyễn Văn An', 'Cá nhân', 'Y tế', '😀 Đắk Ruồng'];
  const ctx: SheetContext = { sst: SharedStrings.of(SST), xfKinds: [undefined, 'percent', 'date'], date1904: false, maxCellChars: 32_767 };

  /** Feeds XML to a scanner as UTF-8 bytes in chunks of `size` bytes (or whole), decoded by one streaming TextDecoder. */
  function feed(scanner: { push(s: string): void; finish(): void }, xml: string, size?: number, after?: () => void): void {
    if (size === undefined) {
      scanner.push(xml);
      after?.();
    } else {
      const bytes = Buffer.from(xml, 'utf8');
      const decoder = new TextDecoder();
      for (let i = 0; i < bytes.length; i += size) {
        const text = decoder.decode(bytes.subarray(i, i + size), { stream: true });
        if (text) scanner.push(text);
        after?.();
      }
      const tail = decoder.decode();
      if (tail) scanner.push(tail);
    }
    scanner.finish();
    after?.();
  }

  function scanRows(xml: string, size?: number, context = ctx): RawRow[] {
    const scanner = new SheetScanner(context);
    const rows: RawRow[] = [];
    feed(scanner, xml, size, () => rows.push(...scanner.take()));
    return rows;
  }

  /** The same, splitting the decoded string every `size` UTF-16 units (so also inside surrogate pairs). */
  function scanRowsByChars(xml: string, size: number): RawRow[] {
    const scanner = new SheetScanner(ctx);
    const rows: RawRow[] = [];
    for (let i = 0; i < xml.length; i += size) {
      scanner.push(xml.slice(i, i + size));
      rows.push(...scanner.take());
    }
    scanner.finish();
    rows.push(...scanner.take());
    return rows;
  }

  const sheet = `${XML}<!-- a comment with <row> in it -->
<worksheet xmlns="${NS}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetPr filterMode="false" codeName="a > b"><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:F6"/>
<sheetData>
<row r="1" spans="1:6" x14ac:dyDescent="0.25"><c r="A1" t="s" cm="1>0"><v>0</v></c><c r="B1" t="s"><v>3</v></c><c r="C1" s="1"><v>0.8</v></c><c r="D1" s="2"><v>45203</v></c><c r="E1"><v>-12.5</v></c><c r="F1" t="s"/></row>
<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t xml:space="preserve">Hoàn thành &amp; xuất sắc&#13;
dòng 2\r\ndòng 3 &#x1F600; &#7899;</t></is></c><c r="B2" t="str"><f>A1&amp;"x"</f><v>a &lt;b&gt; &quot;c&quot; &apos;d&apos;</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="d"><v>2023-10-04T08:30:00</v></c></row>
<row r="3"/>
<row><c><v><![CDATA[4&5]]></v></c><c t="str"><v>a<!-- comment -->b</v></c><c r="E4" t="inlineStr"><is><r><t>Tr</t></r><r><rPr><b/></rPr><t>ường</t></r><rPh sb="0" eb="1"><t>X</t></rPh></is></c><c r="D4"><v>7</v></c></row>
<row r="6"
   hidden="0"><c r="A6"
   t="s"  ><v >2</v ></c ><c r="B6" t="str"><v>_x000D_ 😀 Ưng</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
</worksheet>
`;

  const expected: RawRow[] = [
    {
      row: 1,
      cells: [
        { col: 1, t: 's', v: 'Nguyễn Văn An' },
        { col: 2, t: 's', v: '😀 Đắk Ruồng' },
        { col: 3, t: 'n', v: 0.8, percent: true },
        { col: 4, t: 'd', v: utc(2023, 10, 4) },
        { col: 5, t: 'n', v: -12.5 },
      ],
    },
    {
      row: 2,
      hidden: true,
      cells: [
        // &#13; is a CR that stays one; a CR LF in the text reads as LF.
        { col: 1, t: 's', v: 'Hoàn thành & xuất sắc\r\ndòng 2\ndòng 3 😀 ớ' },
        { col: 2, t: 's', v: 'a <b> "c" \'d\'', formula: true },
        { col: 3, t: 'e', v: '#DIV/0!', formula: true },
        { col: 4, t: 'b', v: true },
        { col: 5, t: 'd', v: utc(2023, 10, 4, 8, 30) },
      ],
    },
    {
      row: 4,
      cells: [
        { col: 1, t: 's', v: '4&5' },
        { col: 2, t: 's', v: 'ab' },
        { col: 4, t: 'n', v: 7 },
        { col: 5, t: 's', v: 'Trường' },
      ],
    },
    {
      row: 6,
      cells: [
        { col: 1, t: 's', v: 'Y tế' },
        { col: 2, t: 's', v: '\r 😀 Ưng' },
      ],
    },
  ];

  it('reads a sheet pushed whole', () => {
    expect(scanRows(sheet)).toEqual(expected);
  });

  it('reads the same sheet fed 1 to 7 bytes at a time: tags, entities, CR LF and multi-byte characters split', () => {
    for (let size = 1; size <= 7; size++) expect(scanRows(sheet, size), `${size}-byte chunks`).toEqual(expected);
    // Splitting the decoded text instead also cuts surrogate pairs in two.
    for (let size = 1; size <= 7; size++) expect(scanRowsByChars(sheet, size), `${size}-unit chunks`).toEqual(expected);
  });

  it('reads a tag and an entity split across two chunks', () => {
    const xml = `<worksheet><sheetData><row r="9"><c r="B9" t="inlineStr"><is><t>Đ&amp;Đ</t></is></c></row></sheetData></worksheet>`;
    const want = [{ row: 9, cells: [{ col: 2, t: 's', v: 'Đ&Đ' }] }];
    for (const cut of [xml.indexOf('r="B9"') + 3, xml.indexOf('&amp;') + 2, xml.indexOf('</row>') + 3]) {
      const scanner = new SheetScanner(ctx);
      scanner.push(xml.slice(0, cut));
      const first = scanner.take();
      scanner.push(xml.slice(cut));
      scanner.finish();
      expect([...first, ...scanner.take()]).toEqual(want);
    }
  });

  it('reads the common cell and row shapes and every other spelling of them alike', () => {
    // A deterministic generator of rows of cells; each is written once in the shape the fast paths
    // read and once with a namespace prefix and extra white space, which only the general path reads.
    const rand = seeded(7);
    const values = [
      ...['0', '42', '007', '-3', '-0', '0.8', '0.1', '-0.125', '.5', '1.', '-', '.', '45203.75', '123456789012.345'],
      ...['1.0000000000000002', '12345678901234567890', '1E+3', '4.5e-7', ' 12 ', '', 'abc'],
    ];
    const texts = ['Xã Đắk Ruồng', 'a &amp; b', '😀', '_x000D_', 'x'.repeat(300), ' '];
    let canonical = '';
    let spelled = '';
    for (let r = 1; r <= 300; r++) {
      let cells = '';
      let cells2 = '';
      const count = rand(6);
      for (let k = 0; k < count; k++) {
        const col = 1 + rand(30);
        const letters = col <= 26 ? String.fromCharCode(64 + col) : `A${String.fromCharCode(64 + col - 26)}`;
        const ref = rand(5) === 0 ? '' : ` r="${letters}${r}"`;
        const s = rand(3) === 0 ? ` s="${rand(3)}"` : '';
        const kind = rand(7);
        let t = '';
        let v: string | undefined;
        if (kind === 0) [t, v] = [' t="s"', String(rand(5))];
        else if (kind === 1) [t, v] = [' t="str"', texts[rand(texts.length)]];
        else if (kind === 2) [t, v] = [' t="b"', String(rand(2))];
        else if (kind === 3) [t, v] = [' t="e"', '#N/A'];
        else if (kind === 4) [t, v] = [' t="d"', '2023-10-04'];
        else if (kind === 5) v = undefined;
        else v = values[rand(values.length)];
        cells += v === undefined ? `<c${ref}${s}${t}/>` : `<c${ref}${s}${t}><v>${v}</v></c>`;
        cells2 += v === undefined ? `<x:c${ref}${s}${t} />` : `<x:c${ref}\n${s}${t}><x:v>${v}</x:v></x:c>`;
      }
      // Row tags as Excel writes them (the fast path), now and then without r, hidden or empty.
      const attrs: string[] = [];
      if (rand(6) !== 0) attrs.push(`r="${r}"`);
      if (rand(2) === 0) attrs.push('spans="1:15"');
      if (rand(3) === 0) attrs.push(`hidden="${['1', 'true', '0', 'false'][rand(4)]}"`);
      if (rand(2) === 0) attrs.push('x14ac:dyDescent="0.25"');
      const open = attrs.map((a) => ` ${a}`).join('');
      const open2 = attrs.map((a) => `\n  ${a}`).join('');
      if (count === 0 && rand(2) === 0) {
        canonical += `<row${open}/>`;
        spelled += `<x:row${open2} />`;
      } else {
        canonical += `<row${open}>${cells}</row>`;
        spelled += `<x:row${open2} >${cells2}</x:row>`;
      }
    }
    const a = scanRows(`<worksheet xmlns="${NS}"><sheetData>${canonical}</sheetData></worksheet>`, 4096);
    const b = scanRows(`<x:worksheet xmlns:x="${NS}"><x:sheetData>${spelled}</x:sheetData></x:worksheet>`, 4096);
    expect(a.length).toBeGreaterThan(150);
    expect(a).toEqual(b);
    expect(scanRows(`<worksheet xmlns="${NS}"><sheetData>${canonical}</sheetData></worksheet>`, 5)).toEqual(a);
  });

  it('reads shared strings fed 1 to 7 bytes at a time', () => {
    const sst = `${XML}<sst xmlns="${NS}" count="4" uniqueCount="4"><si><t>Nguyễn Văn An 😀</t></si><si><r><t xml:space="preserve">Tên gọi\r\n</t></r><r><rPr><i/></rPr><t>(Ông/Bà) &amp; &#7899;</t></r><rPh sb="0" eb="1"><t>PHIÊN ÂM</t></rPh></si><si><t/></si><si><t>dòng 1_x000D_&#10;dòng 2</t></si></sst>`;
    const want = ['Nguyễn Văn An 😀', 'Tên gọi\n(Ông/Bà) & ớ', '', 'dòng 1\r\ndòng 2'];
    for (const size of [undefined, 1, 2, 3, 4, 5, 6, 7]) {
      const scanner = new SharedStringsScanner(32_767);
      feed(scanner, sst, size);
      const { strings } = scanner;
      expect(Array.from({ length: strings.length }, (_, i) => strings.get(i)), `${size}-byte chunks`).toEqual(want);
    }
  });

  it('rejects malformed XML, whole or in chunks', () => {
    const bad = [
      '',
      '   ',
      'hello <worksheet/>',
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>',
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet',
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><worksheet',
      '<worksheet><sheetData><row><c r="A1"><v>1</v></row></sheetData></worksheet>',
      '<worksheet><sheetData><row><c r="A1"><v>1</v></c></row></sheetData></worksheet><extra/>',
      '<worksheet><sheetData><row><c r="A1"><v>1</v></c></row></sheetData></worksheet>text',
      '<worksheet><sheetData><row><c r="A1><v>1</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row><c r=A1><v>1</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row><c r="A1" <v>1</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row><c t="inlineStr"><is><t>a &nbsp; b</t></is></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row><c t="str"><v>a & b</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row><c t="str"><v>&#0;</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData></x:sheetData></worksheet>',
      '<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet><!-- unterminated',
      '<worksheet><!x></worksheet>',
      '<worksheet></ worksheet>',
    ];
    for (const xml of bad) {
      for (const size of [undefined, 3]) {
        expect(() => scanRows(xml, size), `${JSON.stringify(xml)} in ${size ?? 'one'} chunk(s)`).toThrow(XmlError);
      }
    }
    // White space where XML allows it is fine.
    expect(scanRows('<worksheet ><sheetData\n/></worksheet\t>\n')).toEqual([]);
  });

  it('caps long texts at maxCellChars', () => {
    const long = 'Đ'.repeat(50);
    const xml = `<worksheet><sheetData><row><c t="str"><v>${long}</v></c><c t="inlineStr"><is><t>${'&amp;'.repeat(50)}</t></is></c><c><v>${'9'.repeat(40)}x</v></c></row></sheetData></worksheet>`;
    const rows = scanRows(xml, 7, { ...ctx, maxCellChars: 4 });
    expect(rows[0].cells).toEqual([
      { col: 1, t: 's', v: 'ĐĐĐĐ' },
      { col: 2, t: 's', v: '&&&&' },
      { col: 3, t: 's', v: '9999' },
    ]);
  });
});

/** How many inflated chunks of a zip part end inside a multi-byte UTF-8 character. */
function countSplitCharacters(file: string, part: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('end', () => reject(new Error(`no ${part}`)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== part) return zip.readEntry();
        zip.openReadStream(entry, (err2, stream) => {
          if (err2) return reject(err2);
          let splits = 0;
          stream.on('data', (chunk: Buffer) => {
            let lead = chunk.length - 1;
            while (lead >= 0 && (chunk[lead] & 0xc0) === 0x80) lead--;
            const trailing = chunk.length - 1 - lead;
            const needed = chunk[lead] >= 0xf0 ? 3 : chunk[lead] >= 0xe0 ? 2 : chunk[lead] >= 0xc0 ? 1 : 0;
            if (trailing < needed) splits++;
          });
          stream.on('end', () => {
            zip.close();
            resolve(splits);
          });
        });
      });
      zip.readEntry();
    });
  });
}

describe('differential test against exceljs', () => {
  const ROWS = 100_000;
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
  const middle = ['Thị', 'Văn', 'Hữu', 'Đức', 'Ngọc', 'Thanh', 'Minh', 'Quốc', 'Xuân', 'Thuỳ', 'Mỹ', 'Kiều'];
  const given = ['Hằng', 'Dũng', 'Hường', 'Tuấn', 'Nguyệt', 'Khuê', 'Quỳnh', 'Đạt', 'Hiếu', 'Thuỷ', 'Ánh', 'Yến', 'Lộc', 'Trọng', 'Ẩn', 'Ưng'];
  const units = [
    'Trường THCS Đắk Ruồng',
    'UBND xã Quảng Phú, huyện Quảng Trạch',
    'Sở Giáo dục và Đào tạo tỉnh Quảng Bình',
    'Công ty Cổ phần Xi măng Sông Gianh',
    'Bệnh viện Hữu nghị Việt Nam – Cu Ba Đồng Hới',
    'Hội Liên hiệp Phụ nữ thị xã Ba Đồn',
  ];
  const titles = ['Hiệu trưởng', 'Phó Chủ tịch UBND', 'Giáo viên', 'Kế toán trưởng', 'Bác sĩ', 'Trưởng phòng Tổ chức – Hành chính', 'Nhân viên'];
  const verbs = ['Hoàn thành xuất sắc nhiệm vụ', 'Có thành tích xuất sắc', 'Đạt danh hiệu Chiến sĩ thi đua cơ sở', 'Được tặng Bằng khen của Chủ tịch UBND tỉnh', 'Góp phần tích cực'];
  const fields = ['trong phong trào thi đua yêu nước', 'trong công tác phòng, chống dịch', 'trong xây dựng nông thôn mới', 'về giáo dục đạo đức, lối sống', 'trong cải cách hành chính'];

  function rowValues(i: number): (string | number | Date)[] {
    const name = `${family[i % family.length]} ${middle[(i >> 2) % middle.length]} ${given[(i * 7) % given.length]}`;
    const born = utc(1960 + (i % 40), 1 + (i % 12), 1 + (i % 28));
    const achievement = `${verbs[i % verbs.length]} ${fields[(i >> 3) % fields.length]} năm ${2000 + (i % 24)} (hồ sơ số ${i}/QĐ-UBND ngày ${1 + (i % 28)}/${1 + (i % 12)})`;
    return [i, name, i % 3 === 0 ? 'Nữ' : 'Nam', born, titles[i % titles.length], units[(i * 5) % units.length], achievement, Math.round(i * 37.3) / 100];
  }

  function toComparable(v: ExcelJS.CellValue): { t: string; v: unknown } {
    if (typeof v === 'string') return { t: 's', v };
    if (typeof v === 'number') return { t: 'n', v };
    if (typeof v === 'boolean') return { t: 'b', v };
    if (v instanceof Date) return { t: 'd', v: v.getTime() };
    return { t: '?', v: JSON.stringify(v) };
  }

  it(
    `reads ${ROWS} rows of Vietnamese text exactly as exceljs's whole-file reader does`,
    async () => {
      const file = tmp('big.xlsx');
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
      const ws = writer.addWorksheet('Danh sách đề nghị');
      ws.getColumn(4).numFmt = 'dd/mm/yyyy';
      ws.addRow(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Chức vụ', 'Đơn vị công tác', 'Thành tích', 'Điểm']).commit();
      for (let i = 1; i <= ROWS; i++) ws.addRow(rowValues(i)).commit();
      ws.commit();
      await writer.commit();
      // The case exceljs's streaming reader gets wrong must actually occur in this file.
      expect(await countSplitCharacters(file, 'xl/sharedStrings.xml')).toBeGreaterThan(10);

      const expected = new Map<string, { t: string; v: unknown }>();
      {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        wb.worksheets[0].eachRow((row, r) => {
          row.eachCell((cell, c) => expected.set(`${r}:${c}`, toComparable(cell.value)));
        });
      }
      expect(expected.size).toBe((ROWS + 1) * 8);

      const src = await openXlsx(file);
      expect(src.sheets).toEqual([{ name: 'Danh sách đề nghị', hidden: false }]);
      const mismatches: string[] = [];
      let cells = 0;
      let replacementChars = 0;
      let rowCount = 0;
      for await (const row of src.rows(src.sheets[0])) {
        rowCount++;
        for (const cell of row.cells) {
          cells++;
          const key = `${row.row}:${cell.col}`;
          const got = { t: cell.t, v: cell.v instanceof Date ? cell.v.getTime() : cell.v };
          if (typeof cell.v === 'string' && cell.v.includes('\uFFFD')) replacementChars++;
          const want = expected.get(key);
          if (!want || want.t !== got.t || want.v !== got.v) {
            if (mismatches.length < 10) mismatches.push(`${key}: got ${JSON.stringify(got)}, exceljs ${JSON.stringify(want)}`);
          }
        }
      }
      await src.close();
      expect(mismatches).toEqual([]);
      expect(replacementChars).toBe(0);
      expect(rowCount).toBe(ROWS + 1);
      expect(cells).toBe(expected.size);
      expect(expected.get('2:4')).toEqual({ t: 'd', v: rowValues(1)[3].valueOf() });
    },
    60_000,
  );
});

describe('merged ranges', () => {
  it('lists a sheet\'s merged ranges, which Excel writes after every row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    for (let r = 1; r <= 2000; r++) ws.addRow([r, `Nguyễn Văn ${r}`, r % 3 === 0 ? 'Trường TH Đắk Ruồng' : null]);
    ws.mergeCells('A1:K1');
    ws.mergeCells('C3:C5');
    ws.mergeCells('B1999:C2000');
    const file = tmp('merges.xlsx');
    await wb.xlsx.writeFile(file);
    const src = await openXlsx(file);
    const merges = await src.merges!(src.sheets[0]);
    expect(merges.sort((a, b) => a.r1 - b.r1)).toEqual([
      { r1: 1, c1: 1, r2: 1, c2: 11 },
      { r1: 3, c1: 3, r2: 5, c2: 3 },
      { r1: 1999, c1: 2, r2: 2000, c2: 3 },
    ]);
    // The pass over merges leaves the rows to be read afterwards.
    let rows = 0;
    for await (const _ of src.rows(src.sheets[0])) rows++;
    expect(rows).toBe(2000);
    await src.close();
  });
});

describe('merged ranges across the inflated chunks', () => {
  // 30,000 ranges are about a megabyte of <mergeCell/> tags: several of the reader's 256 KiB
  // chunks, with tags cut in two where they meet; a Vietnamese text before them puts multi-byte
  // characters in the bytes searched.
  const ranges = Array.from({ length: 30_000 }, (_, i) => ({ r1: 10 + 2 * i, c1: 1 + (i % 40), r2: 11 + 2 * i, c2: 1 + (i % 40) }));
  const tags = ranges.map((m) => `<mergeCell ref="${columnLetter(m.c1)}${m.r1}:${columnLetter(m.c2)}${m.r2}"/>`).join('');
  const xml = `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Đắk Ruồng ${'ễ'.repeat(200_000)}</t></is></c></row></sheetData><mergeCells count="${ranges.length}">${tags}</mergeCells></worksheet>`;
  const byRow = (a: MergeRange, b: MergeRange) => a.r1 - b.r1;

  it('finds every range in a UTF-8 part', async () => {
    const file = tmp('many-merges.xlsx');
    fs.writeFileSync(file, singleSheetZip(xml));
    const src = await openXlsx(file);
    expect((await src.merges!(src.sheets[0])).sort(byRow)).toEqual(ranges);
    await src.close();
  });

  it('finds every range in a UTF-16 part', async () => {
    const file = tmp('many-merges-utf16.xlsx');
    fs.writeFileSync(file, singleSheetZip(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le')])));
    const src = await openXlsx(file);
    expect((await src.merges!(src.sheets[0])).sort(byRow)).toEqual(ranges);
    await src.close();
  });

  it('finds every range however the bytes are cut into chunks', () => {
    // The reader inflates the pass's part 2 MiB at a time, more than these parts: cut them here,
    // at random places (in tags, in the word searched for, in multi-byte characters) and sizes;
    // the cuts of a few bytes on a part of 400 ranges.
    const next = seeded(11);
    const few = ranges.slice(0, 400);
    const small = xml.replace('ễ'.repeat(200_000), 'ễ'.repeat(300)).replace(tags, tags.slice(0, tags.indexOf(`<mergeCell ref="${columnLetter(ranges[400].c1)}${ranges[400].r1}:`)));
    const encodings = (text: string) => [Buffer.from(text, 'utf8'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('UTF-8', 'UTF-16'), 'utf16le')])];
    const cases: [Buffer, number, MergeRange[]][] = [
      ...encodings(small).flatMap((b) => [2, 5, 12, 40].map((most): [Buffer, number, MergeRange[]] => [b, most, few])),
      ...encodings(xml).flatMap((b) => [700, 70_000].map((most): [Buffer, number, MergeRange[]] => [b, most, ranges])),
    ];
    for (const [bytes, most, expected] of cases) {
      const finder = new MergeFinder();
      for (let at = 0; at < bytes.length; ) {
        const end = Math.min(bytes.length, at + 1 + next(most));
        finder.push(bytes.subarray(at, end));
        at = end;
      }
      expect(finder.ranges.sort(byRow)).toEqual(expected);
    }
  });
});

describe('merged ranges found ahead', () => {
  async function twoSheets(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of [['Tập thể', 3000], ['Cá nhân', 4000]] as const) {
      const ws = wb.addWorksheet(name);
      for (let r = 1; r <= rows; r++) ws.addRow([r, `Nguyễn Văn ${r}`, `Trường TH số ${r % 7}`]);
      ws.mergeCells('A1:C1');
      ws.mergeCells(`C${rows - 3}:C${rows}`);
    }
    await wb.xlsx.writeFile(file);
  }

  it('gives each sheet the ranges a pass of its own gives, the rows read beside', async () => {
    const file = tmp('two-sheets-merged.xlsx');
    await twoSheets(file);
    const alone = await openXlsx(file);
    const ahead = await openXlsx(file, {}, { mergesAhead: true });
    for (const sheet of ahead.sheets) {
      const expected = await alone.merges!(sheet);
      expect(expected).toHaveLength(2);
      // Rows of this sheet are read while the next sheet's pass may be running.
      let rows = 0;
      for await (const _ of ahead.rows(sheet)) rows++;
      expect(rows).toBe(sheet.name === 'Tập thể' ? 3000 : 4000);
      expect(await ahead.merges!(sheet)).toEqual(expected);
    }
    await Promise.all([alone.close(), ahead.close()]);
    expect(isOpen(file)).toBe(false);
  });

  it('lets go of the file when closed while the passes run, and says nothing of them', async () => {
    const file = tmp('two-sheets-merged.xlsx');
    await twoSheets(file);
    // exceljs's write stream may close its descriptor a moment after writeFile resolves.
    await vi.waitFor(() => expect(isOpen(file)).toBe(false));
    const src = await openXlsx(file, {}, { mergesAhead: true });
    await src.close();
    expect(isOpen(file)).toBe(false);
    // A pass asked for after close fails as reading after close does.
    expect(await errorCode(() => src.merges!(src.sheets[1]))).toBe('not-found');
  });

  it('answers nothing after close, even of a pass that had ended before it', async () => {
    const file = tmp('two-sheets-merged.xlsx');
    await twoSheets(file);
    const src = await openXlsx(file, {}, { mergesAhead: true });
    await src.merges!(src.sheets[1]);
    await src.close();
    expect(await errorCode(() => src.merges!(src.sheets[1]))).toBe('not-found');
  });
});

describe('reference workbooks from Quảng Bình', () => {
  it('reads MauTDKT_20231004.xlsx', async () => {
    const src = await openXlsx(path.join(REFERENCE, 'MauTDKT_20231004.xlsx'));
    expect(src.sheets).toEqual([
      { name: 'file nhận', hidden: false },
      { name: 'HTKT', hidden: true },
      { name: 'PLDT', hidden: true },
      { name: 'LVHD', hidden: true },
      { name: 'phan loai kt', hidden: true },
      { name: 'Hướng dẫn', hidden: false },
    ]);
    const rows = await readAll(src, 'file nhận');
    await src.close();
    expect(cellAt(rows, 1, 1)).toEqual({ col: 1, t: 's', v: 'STT' });
    // A rich-text header whose first run ends in a line break.
    expect(cellAt(rows, 1, 2)).toEqual({ col: 2, t: 's', v: 'Tên gọi\n(Ông/Bà/Chức danh)' });
    // Row 2 is an empty input row whose hidden lookup columns R..U hold VLOOKUP formulas yielding #N/A.
    expect(rows.find((r) => r.row === 2)?.cells).toEqual(
      [18, 19, 20, 21].map((col) => ({ col, t: 'e', v: '#N/A', formula: true })),
    );
    // …and so does every other row down to 553: all but the header hold nothing but those errors.
    expect(rows).toHaveLength(553);
    expect(rows.slice(1).every((r) => r.cells.every((c) => c.t === 'e' && c.col >= 18))).toBe(true);
  });

  it('reads CANHAN.xlsx', async () => {
    const rows = await readFile(path.join(REFERENCE, 'CANHAN.xlsx'), 'DANHSACH');
    expect(cellAt(rows, 3, 1)).toEqual({ col: 1, t: 's', v: 'STT' });
    expect(cellAt(rows, 3, 2)).toEqual({ col: 2, t: 's', v: 'Họ và tên' });
    expect(cellAt(rows, 3, 3)).toEqual({ col: 3, t: 's', v: 'Giới tính' });
    expect(cellAt(rows, 1, 1)).toEqual({ col: 1, t: 's', v: 'DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG' });
  });

  it('reads every sheet of every reference workbook without replacement characters', async () => {
    for (const name of fs.readdirSync(REFERENCE).filter((f) => f.endsWith('.xlsx'))) {
      const src = await openXlsx(path.join(REFERENCE, name));
      for (const sheet of src.sheets) {
        for await (const row of src.rows(sheet)) {
          for (const cell of row.cells) if (typeof cell.v === 'string') expect(cell.v).not.toContain('\uFFFD');
        }
      }
      await src.close();
    }
  });
});
