import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomicStream } from '../../src/cli/output.js';
import { openXlsx } from '../../src/read/xlsx.js';
import { STYLE, sheetNameFor, writeWorkbook, type NewSheet } from '../../src/write/workbook.js';
import { nodeDeflater } from '../../src/write/zip-node.js';
import { PackageWriter, portableDeflater, StoredPart, type Deflater } from '../../src/write/zip.js';
import { readZip } from '../../scripts/fixture-kit/zip.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hoso-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOSTILE = 'a\u0001b\uFFFE c _x0041_ <&> "q"';

const sheets = (rows: number): NewSheet[] => [
  {
    name: 'Tổng hợp',
    layout: { widths: [10, 30], frozenRows: 1, landscape: true },
    filter: true,
    printTitles: true,
    rows(s) {
      s.row(['STT', 'Tên'], STYLE.bold);
      for (let i = 1; i <= rows; i++) s.row([i, i === 2 ? HOSTILE : `Nguyễn Văn ${i}`]);
    },
  },
  {
    name: 'Tổng hợp',
    rows(s) {
      s.row([{ v: 'B3', link: "'Tổng hợp'!B3" }, true, undefined, 2.5]);
    },
  },
];

async function write(file: string, deflater: Deflater, rows = 3): Promise<Buffer> {
  await writeAtomicStream(file, async (sink) => {
    const pkg = new PackageWriter(sink, deflater);
    await writeWorkbook(pkg, sheets(rows), { kind: 'report', generator: 'hoso-lint test' });
    pkg.end();
  });
  return readFileSync(file);
}

describe('a workbook written part by part', () => {
  it('opens in exceljs with its values, styles, frozen header and escaped text read back as written', async () => {
    const file = path.join(dir, 'a.xlsx');
    await write(file, nodeDeflater);
    const wb = await new ExcelJS.Workbook().xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Tổng hợp (2)']);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('STT');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.getCell('A3').value).toBe(2);
    // exceljs leaves an inline string's _xHHHH_ escapes as they are (Excel and hoso's reader decode them: next test).
    expect(ws.getCell('B3').value).toBe('a_x0001_b_xFFFE_ c _x005F_x0041_ <&> "q"');
    expect(ws.getCell('B4').value).toBe('Nguyễn Văn 3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(30);
    const second = wb.worksheets[1];
    expect(second.getCell('B1').value).toBe(true);
    expect(second.getCell('C1').value).toBeNull();
    expect(second.getCell('D1').value).toBe(2.5);
    expect((second.getCell('A1').value as { formula: string }).formula).toContain("HYPERLINK(\"#'Tổng hợp'!B3\"");
  });

  it("reads back in hoso's own reader, the text as typed", async () => {
    const file = path.join(dir, 'b.xlsx');
    await write(file, nodeDeflater);
    const source = await openXlsx(file);
    try {
      const rows = [];
      for await (const r of source.rows(source.sheets[0])) rows.push(r.cells.map((c) => c.v));
      expect(rows).toEqual([['STT', 'Tên'], [1, 'Nguyễn Văn 1'], [2, HOSTILE], [3, 'Nguyễn Văn 3']]);
    } finally {
      await source.close();
    }
  });

  it('carries the mark, the filter and the print titles in its parts, and every part is a valid deflate stream', async () => {
    const parts = new Map(readZip(await write(path.join(dir, 'c.xlsx'), nodeDeflater, 1)).map((p) => [p.name, p.data.toString('utf8')]));
    expect(parts.get('docProps/custom.xml')).toContain('name="hoso-lint"><vt:lpwstr>report hoso-lint test</vt:lpwstr>');
    expect(parts.get('docProps/app.xml')).toContain('<Application>hoso-lint</Application>');
    expect(parts.get('xl/workbook.xml')).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;Tổng hợp&apos;!$A$1:$B$2</definedName>`);
    expect(parts.get('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Tổng hợp&apos;!$1:$1</definedName>`);
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('<autoFilter ref="A1:B2"/>');
    // The second sheet has no filter and no print titles.
    expect(parts.get('xl/worksheets/sheet2.xml')).not.toContain('autoFilter');
    expect(parts.get('xl/workbook.xml')).not.toContain('localSheetId="1"');
  });

  it('gives the same bytes twice, and the same parts with either deflater', async () => {
    const a = await write(path.join(dir, 'd1.xlsx'), nodeDeflater, 5000);
    const b = await write(path.join(dir, 'd2.xlsx'), nodeDeflater, 5000);
    const c = await write(path.join(dir, 'd3.xlsx'), portableDeflater, 5000);
    expect(a.equals(b)).toBe(true);
    const parts = (buf: Buffer) => readZip(buf).map((p) => [p.name, p.data.toString('hex')]);
    expect(parts(c)).toEqual(parts(a));
  });

  it('spreads a long sheet over many deflated chunks that inflate as one stream', async () => {
    const parts = readZip(await write(path.join(dir, 'e.xlsx'), nodeDeflater, 40_000));
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.data.toString('utf8');
    expect(sheet.length).toBeGreaterThan(1 << 20);
    expect(sheet.match(/<row /g)).toHaveLength(40_001);
    expect(sheet.endsWith('</worksheet>')).toBe(true);
  });

  it('copies a part in its stored form, byte for byte', async () => {
    const text = Buffer.from('<x>'.padEnd(10_000, 'y') + '</x>');
    const deflated = zlib.deflateRawSync(text, { level: 9 });
    const chunks: Uint8Array[] = [];
    const pkg = new PackageWriter((c) => chunks.push(c), nodeDeflater);
    const part = pkg.stored(new StoredPart('a/b.xml', zlib.crc32(text), text.length, 8));
    part.push(deflated.subarray(0, 10));
    part.push(deflated.subarray(10), true);
    pkg.part('c.xml', '<c/>');
    pkg.end();
    const zip = Buffer.concat(chunks);
    // The compressed bytes are in the zip as they were given, not deflated again.
    expect(zip.includes(deflated)).toBe(true);
    expect(readZip(zip).map((p) => [p.name, p.data.toString()])).toEqual([
      ['a/b.xml', text.toString()],
      ['c.xml', '<c/>'],
    ]);
  });

  it('refuses a second part while the first is open, instead of holding it in memory', () => {
    const pkg = new PackageWriter(() => {}, nodeDeflater);
    pkg.stream('a.xml').write('<a>');
    expect(() => pkg.part('b.xml', '<b/>')).toThrow(/a\.xml was not ended/);
  });
});

describe('sheet names', () => {
  it('makes a name Excel accepts and that clashes with no name taken, case and Unicode form aside', () => {
    expect(sheetNameFor('Kết quả kiểm tra', ['Danh sách'])).toBe('Kết quả kiểm tra');
    expect(sheetNameFor('Kết quả kiểm tra', ['KẾT QUẢ KIỂM TRA'])).toBe('Kết quả kiểm tra (2)');
    expect(sheetNameFor('Kết quả kiểm tra', ['Kết quả kiểm tra'.normalize('NFD'), 'Kết quả kiểm tra (2)'])).toBe('Kết quả kiểm tra (3)');
    expect(sheetNameFor("'a/b:c*?[d]'")).toBe('a_b_c__[d]'.replace('[', '_').replace(']', '_'));
    expect(sheetNameFor('x'.repeat(40), ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
    expect(sheetNameFor('')).toBe('Sheet1');
  });
});
