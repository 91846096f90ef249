/**
 * The CSV reader down to the cell: quoting as Excel writes it and as hand-made files get it
 * wrong, line ends, record numbers, encodings, batches against rows, and the errors that stop
 * a file (with the record they name), including a hostile unclosed quote.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse as parseSync } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ColumnCells, CsvRecords, CsvSyntaxError, nfc, openCsv } from '../../src/read/csv.js';
import { InputError, type RawRow, type ReadLimits } from '../../src/read/types.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-csv-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function write(content: string | Buffer, ext = 'csv'): string {
  const file = path.join(dir, `t${++fileNo}.${ext}`);
  fs.writeFileSync(file, content);
  return file;
}

/** Every row, by rows() and by batches(), which must agree. */
async function readBoth(file: string, limits: Partial<ReadLimits> = {}): Promise<{ rows: RawRow[]; batches: RawRow[][] }> {
  const src = await openCsv(file, limits);
  const rows: RawRow[] = [];
  for await (const row of src.rows(src.sheets[0])) rows.push(row);
  const batches: RawRow[][] = [];
  for await (const batch of src.batches!(src.sheets[0])) batches.push(batch);
  expect(batches.flat()).toEqual(rows);
  expect(batches.every((b) => b.length > 0)).toBe(true);
  return { rows, batches };
}

/** Rows as `record|col:text|…`, for short expectations. */
async function read(content: string | Buffer, limits: Partial<ReadLimits> = {}, ext = 'csv'): Promise<string[]> {
  const { rows } = await readBoth(write(content, ext), limits);
  return rows.map((r) => [r.row, ...r.cells.map((c) => `${c.col}:${String(c.v)}`)].join('|'));
}

async function failure(content: string | Buffer, limits: Partial<ReadLimits> = {}): Promise<InputError> {
  const src = await openCsv(write(content), limits);
  try {
    for await (const batch of src.batches!(src.sheets[0])) void batch;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    // rows() stops on the same error.
    await expect(async () => {
      for await (const row of src.rows(src.sheets[0])) void row;
    }).rejects.toMatchObject({ code: (e as InputError).code, message: (e as InputError).message });
    return e as InputError;
  }
  throw new Error('read without an error');
}

describe('CSV quoting and line ends', () => {
  it('quoted delimiters and doubled quotes', async () => {
    expect(await read('a,"b,c",d\r\n"say ""hi""",""""\r\n')).toEqual(['1|1:a|2:b,c|3:d', '2|1:say "hi"|2:"']);
  });

  it('a line break inside quotes stays in the cell, and the record after it is the next record', async () => {
    expect(await read('"Họ và\r\ntên","Tóm tắt\nthành tích"\r\nAn,B\r\n')).toEqual(['1|1:Họ và\r\ntên|2:Tóm tắt\nthành tích', '2|1:An|2:B']);
  });

  it('blank lines keep the numbering; rows with no cell are left out', async () => {
    expect(await read('a\r\n\r\n,,\r\n  ,\t\r\nb\r\n')).toEqual(['1|1:a', '5|1:b']);
  });

  it('CR, LF and CRLF each end a record, mixed in one file; the last line needs no line end', async () => {
    expect(await read('a\rb\nc\r\nd\n\re')).toEqual(['1|1:a', '2|1:b', '3|1:c', '4|1:d', '6|1:e']);
  });

  it('ragged rows and a trailing delimiter', async () => {
    expect(await read('a,b,\r\n,,c\r\nd\r\n,\r\n')).toEqual(['1|1:a|2:b', '2|3:c', '3|1:d']);
  });

  it('stray quotes are text, as Excel reads them', async () => {
    expect(await read('ab"c,"x"y,z\r\n5" pipe,"q" \r\n')).toEqual(['1|1:ab"c|2:"x"y|3:z', '2|1:5" pipe|2:"q" ']);
  });

  it('gives the same records whatever the chunks the text arrives in', () => {
    const text = 'a,"b,""c""\r\nd"\r\n\r\n"e"\rf,,"g"\n"h""",i\r\nj"k",l';
    const whole = new CsvRecords(44, 1000);
    const expected = [...whole.push(text), ...whole.finish()];
    expect(expected).toEqual([['a', 'b,"c"\r\nd'], [''], ['e'], ['f', '', 'g'], ['h"', 'i'], ['j"k"', 'l']]);
    for (let k = 0; k <= text.length; k++) {
      for (const m of [k, Math.min(text.length, k + 1), Math.min(text.length, k + 2)]) {
        const p = new CsvRecords(44, 1000);
        const got = [...p.push(text.slice(0, k)), ...p.push(text.slice(k, m)), ...p.push(text.slice(m)), ...p.finish()];
        expect(got, `split at ${k}, ${m}`).toEqual(expected);
      }
    }
  });
});

describe('CSV encodings and separators', () => {
  const text = 'STT;Họ và tên;Ghi chú\r\n1;Nguyễn Văn An;"a; b"\r\n';
  const expected = ['1|1:STT|2:Họ và tên|3:Ghi chú', '2|1:1|2:Nguyễn Văn An|3:a; b'];

  it('UTF-8 with and without a BOM, semicolons', async () => {
    expect(await read(`\ufeff${text}`)).toEqual(expected);
    expect(await read(text)).toEqual(expected);
  });

  it('UTF-16LE with a BOM, tabs (Excel\'s "Unicode Text")', async () => {
    const tabs = text.replaceAll(';', '\t').replace('"a\t b"', '"a; b"');
    expect(await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabs, 'utf16le')]), {}, 'txt')).toEqual(expected);
  });

  it('Windows-1258, tones as combining marks, read as NFC', async () => {
    // "Nguyễn Văn" in code page 1258: ê (0xEA) followed by the combining tilde (0xDE).
    const bytes = Buffer.concat([Buffer.from('STT,'), Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x20, 0x56, 0xe3, 0x6e]), Buffer.from('\r\n')]);
    expect(await read(bytes)).toEqual(['1|1:STT|2:Nguyễn Văn']);
  });

  it('NFC: the letters left as they are (below U+0300, and Vietnamese U+1EA0–U+1EF9) are NFC in any pair', () => {
    const chars: string[] = [];
    for (let c = 0; c < 0x300; c++) chars.push(String.fromCharCode(c));
    for (let c = 0x1ea0; c <= 0x1ef9; c++) chars.push(String.fromCharCode(c));
    const changed = chars.flatMap((a) => chars.filter((b) => (a + b).normalize('NFC') !== a + b).map((b) => a + b));
    expect(changed).toEqual([]);
    expect(nfc('Nguye\u0302\u0303n Va\u0306n')).toBe('Nguyễn Văn');
    expect(nfc('\u212b')).toBe('\u00c5');
  });

  it('a file of many chunks comes in many batches, the same rows as rows()', async () => {
    const lines = ['STT,Họ và tên,Tóm tắt'];
    for (let i = 1; i <= 20_000; i++) lines.push(`${i},Nguyễn Văn ${i},"Hoàn thành, ""xuất sắc""\r\nnăm ${i}"`);
    const { rows, batches } = await readBoth(write(`\ufeff${lines.join('\r\n')}\r\n`));
    expect(batches.length).toBeGreaterThan(2);
    expect(rows.length).toBe(20_001);
    expect(rows[20_000]).toEqual({
      row: 20_001,
      cells: [
        { t: 's', v: '20000', col: 1 },
        { t: 's', v: 'Nguyễn Văn 20000', col: 2 },
        { t: 's', v: 'Hoàn thành, "xuất sắc"\r\nnăm 20000', col: 3 },
      ],
    });
  });
});

describe('CSV cells of repeated values', () => {
  it('gives a value repeated down a column as one cell, judged plain once, and never another column’s', () => {
    const columns = new ColumnCells();
    const a1 = columns.cell('Tập thể', 3);
    const a2 = columns.cell('Tập thể', 3);
    const b = columns.cell('Tập thể', 4);
    expect(a2).toBe(a1);
    expect(b).not.toBe(a1);
    expect([a1, b]).toEqual([
      { t: 's', v: 'Tập thể', col: 3 },
      { t: 's', v: 'Tập thể', col: 4 },
    ]);
    const plain = (text: string) => {
      const c = columns.cell(text, 9);
      return c.t === 's' && c.plain === true;
    };
    // Plain: beyond Latin-1, or all ASCII, and shown as stored.
    expect([plain('Tập thể'), plain('HTXSNV'), plain('Café'), plain('Hai  dấu cách'), plain(' Đầu cách'), plain('Cá nhân')]).toEqual([true, true, false, false, false, false]);
    // Legacy text is converted, marked and never plain.
    const vni = columns.cell('Hoaøn thaønh xuaát saéc nhieäm vuï', 10);
    expect(vni).toEqual({ t: 's', v: 'Hoàn thành xuất sắc nhiệm vụ', col: 10, legacy: 'vni' });
    expect(columns.cell('Hoaøn thaønh xuaát saéc nhieäm vuï', 10)).toBe(vni);
    expect((vni as { plain?: boolean }).plain).toBeUndefined();
  });

  it('reads a column of distinct values the same before and after its memory fills and is given up', () => {
    const columns = new ColumnCells();
    for (let i = 0; i < 5000; i++) {
      const text = `Nguyễn Văn ${i}`;
      expect(columns.cell(text, 2)).toEqual({ t: 's', v: text, col: 2 });
    }
    // Another column keeps its own memory.
    expect(columns.cell('Có', 7)).toBe(columns.cell('Có', 7));
  });
});

describe('CSV errors', () => {
  it('a quote that never closes names the record where it opens', async () => {
    const e = await failure('a\r\n\r\n"x\r\ny",z\r\nb,"c\r\nd\r\ne\r\n');
    expect([e.code, e.message]).toEqual(['unclosed-quote', '4']);
  });

  it('a hostile unclosed quote stops at the cell limit, not at the end of the file', async () => {
    const e = await failure(`a\r\n"${'x,\r\n'.repeat(2_000_000)}`);
    expect([e.code, e.message]).toEqual(['cell-too-long', 'dòng/record 2 (> 32767)']);
  });

  it('the cell limit counts characters, not bytes, in every cell of a record', async () => {
    const cell = 'Nguyễn Thị Ngọc Ánh '.repeat(5); // 100 characters, 126 bytes
    expect(await read(`${cell},${cell},${cell}\r\n`, { maxCellChars: 100 })).toEqual([`1|1:${cell}|2:${cell}|3:${cell}`]);
    const e = await failure(`a\r\n${cell},"${cell}x"\r\n`, { maxCellChars: 100 });
    expect([e.code, e.message]).toEqual(['cell-too-long', 'dòng/record 2 (> 100)']);
  });

  it('more records than --max-rows, blank ones included', async () => {
    expect(await read('a\r\n\r\nb\r\n', { maxRows: 3 })).toEqual(['1|1:a', '3|1:b']);
    const e = await failure('a\r\n\r\nb\r\nc\r\n', { maxRows: 3 });
    expect(e.code).toBe('too-many-rows');
  });

  it('a record of more fields than Excel has columns', async () => {
    const e = await failure(`a\r\n${','.repeat(20_000)}\r\n`);
    expect([e.code, e.message]).toEqual(['bad-csv', 'record 2 has more than 16384 fields']);
  });

  it('CsvRecords throws with the record number', () => {
    const p = new CsvRecords(44, 10);
    p.push('a\r\nb,"c');
    expect(() => p.finish()).toThrow(new CsvSyntaxError('unclosed-quote', 2));
  });
});

describe('the record splitter against csv-parse', () => {
  // The reader's records are csv-parse's (relax_quotes, relax_column_count, empty lines kept) on
  // any text with one kind of line end, whatever the chunks it arrives in; csv-parse stays a
  // development dependency for this comparison.
  const EOLS = ['\n', '\r\n'];
  const token = fc.constantFrom('a', 'b', 'ễ', ' ', ',', '"', '""', 'EOL');
  const input = fc.tuple(fc.array(token, { maxLength: 30 }), fc.constantFrom(...EOLS), fc.nat(40), fc.nat(40)).map(([ts, eol, k, m]) => {
    const text = ts.map((t) => (t === 'EOL' ? eol : t)).join('');
    return { text, eol, cuts: [Math.min(k, m, text.length), Math.min(Math.max(k, m), text.length)] };
  });

  it('gives the same records, or the same unclosed quote', () => {
    fc.assert(
      fc.property(input, ({ text, eol, cuts: [k, m] }) => {
        let expected: string[][] | string;
        try {
          expected = parseSync(text, { delimiter: ',', record_delimiter: eol, relax_quotes: true, relax_column_count: true, skip_empty_lines: false });
        } catch (e) {
          expected = (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed-quote' : 'other';
        }
        if (expected === 'other') return;
        const p = new CsvRecords(44, 1000);
        let got: string[][] | string;
        try {
          got = [...p.push(text.slice(0, k)), ...p.push(text.slice(k, m)), ...p.push(text.slice(m)), ...p.finish()];
        } catch (e) {
          got = e instanceof CsvSyntaxError ? e.code : 'other';
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
