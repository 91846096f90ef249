/**
 * A file given as bytes with a name reads as the file does: the same sheets, rows and merged
 * ranges, the same errors, named by the name given; a large workbook too, whose parts are then
 * inflated as they are read rather than whole. What sniffs a file (OLE, hoso's own mark) answers
 * alike from bytes and from a Blob.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, type RawRow, type WorkbookSource } from '../../src/read/types.js';
import { openXlsx, openZipParts } from '../../src/read/xlsx.js';
import { openCsv } from '../../src/read/csv.js';
import { openSource } from '../../src/read/open.js';
import { oleKind } from '../../src/read/ole.js';
import { hosoOutput, hosoOutputOf } from '../../src/read/output-mark.js';
import { markPackage } from '../../src/report/annotate/mark-package.js';
import { FIXTURES } from '../support/cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-bytes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every sheet's rows and merged ranges, the source closed after. */
async function contents(src: WorkbookSource): Promise<{ sheet: string; rows: RawRow[]; merges: unknown }[]> {
  try {
    const out = [];
    for (const sheet of src.sheets) {
      const rows: RawRow[] = [];
      for await (const row of src.rows(sheet)) rows.push(row);
      out.push({ sheet: sheet.name, rows, merges: await src.merges?.(sheet) });
    }
    return out;
  } finally {
    await src.close();
  }
}

async function failure(action: () => Promise<unknown>): Promise<InputError> {
  try {
    await action();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('it read');
}

/** Over the 4 MiB a file is read whole up to: from a path, read through a handle, part by part. */
let large: string;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = 'DANH SÁCH';
  // Text that hardly compresses (digests, the same on every run): the file grows past 4 MiB.
  const text = (i: number) => [1, 2, 3].map((k) => createHash('sha512').update(`${i}:${k}`).digest('base64')).join('');
  for (let i = 1; i <= 30_000; i++) ws.addRow([i, `Nguyễn Văn ${i}`, text(i)]);
  large = path.join(dir, 'lon.xlsx');
  await wb.xlsx.writeFile(large);
}, 60_000);

describe('an .xlsx given as bytes', () => {
  it('reads as its file: every fixture workbook, and one over 4 MiB', async () => {
    expect(fs.statSync(large).size).toBeGreaterThan(4 * 1024 * 1024);
    const files = [...['vi-du', 'tham-chieu', 'layout'].flatMap((d) => fs.readdirSync(path.join(FIXTURES, d)).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIXTURES, d, f))), large];
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const fromFile = await contents(await openXlsx(file));
      expect(await contents(await openXlsx({ name: 'x.xlsx', data: bytes })), file).toEqual(fromFile);
      if (file === large) {
        expect(await contents(await openXlsx({ name: 'x.xlsx', data: new Blob([bytes]) }))).toEqual(fromFile);
        expect(fromFile[0].rows).toHaveLength(30_001);
        expect(fromFile[0].merges).toEqual([{ r1: 1, c1: 1, r2: 1, c2: 3 }]);
      }
    }
  }, 60_000);

  it('is refused as its file is, named by the name given', async () => {
    for (const name of ['cat-cut.xlsx', 'khong-phai-xlsx.xlsx', 'rong.xlsx', 'mat-khau.xlsx', 'phan-trung-ten.xlsx', 'zip-khong-workbook.xlsx']) {
      const file = path.join(FIXTURES, 'bad', name);
      const [fromFile, fromBytes] = [await failure(() => openXlsx(file)), await failure(() => openXlsx({ name: 'ten.xlsx', data: fs.readFileSync(file) }))];
      expect([fromBytes.code, fromBytes.message], name).toEqual([fromFile.code, fromFile.message]);
      expect(fromBytes.file).toBe('ten.xlsx');
    }
  });

  it('opens part by part for a copy (openZipParts) as its file does', async () => {
    const file = path.join(FIXTURES, 'vi-du', 'phong-gd-dt.xlsx');
    const stored = async (given: Parameters<typeof openZipParts>[0]) => {
      const zip = await openZipParts(given);
      try {
        const parts: [string, number][] = [];
        for (const entry of zip.entries) {
          let bytes = 0;
          for await (const chunk of zip.stored(entry)) bytes += chunk.length;
          parts.push([entry.fileName, bytes]);
        }
        return parts;
      } finally {
        await zip.close();
      }
    };
    const fromFile = await stored(file);
    expect(fromFile.length).toBeGreaterThan(3);
    expect(await stored({ name: 'x.xlsx', data: fs.readFileSync(file) })).toEqual(fromFile);
  });
});

describe('a CSV given as bytes', () => {
  it('reads as its file, whatever its encoding, its sheet named after the name given', async () => {
    for (const file of ['csv/cham-phay.csv', 'csv/unicode-text.txt', 'bad/csv/cp1258.csv', 'bad/csv/mojibake.csv', 'vi-du/xa-dak-pne-tong-hop.csv']) {
      const bytes = fs.readFileSync(path.join(FIXTURES, file));
      const fromFile = await contents(await openCsv(path.join(FIXTURES, file)));
      const fromBytes = await contents(await openCsv({ name: `thu-muc/${path.basename(file)}`, data: new Blob([bytes]) }));
      expect(fromBytes, file).toEqual(fromFile);
    }
    const unclosed = path.join(FIXTURES, 'bad', 'csv', 'ngoac-kep-mo.csv');
    const [a, b] = [await failure(async () => contents(await openCsv(unclosed))), await failure(async () => contents(await openCsv({ name: 'a.csv', data: fs.readFileSync(unclosed) })))];
    expect([b.file, b.code, b.message]).toEqual(['a.csv', a.code, a.message]);
  });
});

describe('sniffing bytes', () => {
  it('tells an OLE file’s kind from its bytes as from its file', async () => {
    for (const name of ['mat-khau.xlsx', 'excel-97.xls', 'excel-97-doi-ten.xlsx']) {
      const file = path.join(FIXTURES, 'bad', name);
      expect(await oleKind(fs.readFileSync(file)), name).toBe(await oleKind(file));
      const refused = await failure(() => openSource({ name, data: new Blob([fs.readFileSync(file)]) }));
      expect(refused.code).toBe(await oleKind(file));
    }
  });

  it('finds hoso’s mark in bytes and in a Blob as in the file, and no mark where there is none', async () => {
    const dossier = fs.readFileSync(path.join(FIXTURES, 'vi-du', 'phong-gd-dt.xlsx'));
    const marked = Buffer.from(markPackage(dossier, 'report', 'hoso-lint 9.9.9'));
    for (const [name, bytes] of [['marked', marked], ['plain', dossier], ['cut', marked.subarray(0, marked.length - 10)], ['empty', Buffer.alloc(0)], ['text', Buffer.from('STT,Họ và tên\n')]] as const) {
      const file = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(file, bytes);
      const expected = name === 'marked' ? 'report' : undefined;
      expect(hosoOutput(file), name).toBe(expected);
      expect(await hosoOutputOf(bytes), name).toBe(expected);
      expect(await hosoOutputOf(new Blob([bytes])), name).toBe(expected);
    }
  });
});
