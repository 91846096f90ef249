/**
 * The size a part may inflate to: any size up to the floor, past it no more than maxRatio times
 * its stored size (real text and sheet XML inflate 3–25 times, a zip bomb a thousand), never past
 * the cap; a --max-part-size given is a plain cap in their place.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { limitsOf } from '../../src/cli/limits.js';
import { DEFAULT_LIMITS, InputError, partLimit, type ReadLimits } from '../../src/read/types.js';
import { openXlsx } from '../../src/read/xlsx.js';
import { SHEET_HEAD, WORKBOOK_PARTS } from '../../scripts/fixture-kit/bad.js';
import { writeZip } from '../../scripts/fixture-kit/zip.js';

const MiB = 1024 ** 2;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-limits-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('partLimit', () => {
  it('is the floor for a part stored small, the ratio past it, the cap past that', () => {
    expect(partLimit(DEFAULT_LIMITS, 1 * MiB)).toBe(256 * MiB);
    expect(partLimit(DEFAULT_LIMITS, 10 * MiB)).toBe(1000 * MiB);
    expect(partLimit(DEFAULT_LIMITS, 100 * MiB)).toBe(2048 * MiB);
    // The shared strings of 1,048,576 unique 200-character summaries: 315 MB stored in 51 MB.
    expect(partLimit(DEFAULT_LIMITS, 51_387_141)).toBeGreaterThan(314_816_665);
  });

  it('is the size given to --max-part-size, whatever the ratio', () => {
    const given: ReadLimits = { ...DEFAULT_LIMITS, ...limitsOf({ maxPartSize: 16 * MiB }) };
    expect(partLimit(given, 1024)).toBe(16 * MiB);
    expect(partLimit(given, 100 * MiB)).toBe(16 * MiB);
    const raised: ReadLimits = { ...DEFAULT_LIMITS, ...limitsOf({ maxPartSize: 8 * 1024 * MiB }) };
    expect(partLimit(raised, 1024)).toBe(8 * 1024 * MiB);
    // The other limits are left as they are.
    expect(limitsOf({ maxRows: 5 })).toEqual({ maxRows: 5 });
  });
});

/** A one-sheet workbook whose sheet holds rows of this cell text after its header. */
function workbook(name: string, texts: string[]): string {
  const rows = texts.map((t, i) => `<row r="${i + 2}"><c r="B${i + 2}" t="inlineStr"><is><t>${t}</t></is></c></row>`).join('');
  const sheet = { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`${SHEET_HEAD}${rows}</sheetData></worksheet>`) };
  const file = path.join(dir, name);
  fs.writeFileSync(file, writeZip([...WORKBOOK_PARTS, sheet]));
  return file;
}

async function rowsOf(file: string, limits: Partial<ReadLimits>): Promise<number> {
  const src = await openXlsx(file, limits);
  try {
    let n = 0;
    for await (const _ of src.rows(src.sheets[0])) n++;
    return n;
  } finally {
    await src.close();
  }
}

async function refusal(file: string, limits: Partial<ReadLimits>): Promise<InputError> {
  try {
    await rowsOf(file, limits);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('read without a refusal');
}

describe('a part past the floor', () => {
  // Text as varied as a summary's: a hash's digits per row.
  const hash = (i: number) => createHash('sha256').update(String(i)).digest('base64');
  const varied = workbook('varied.xlsx', Array.from({ length: 30_000 }, (_, i) => hash(i) + hash(-i)));
  // The same size of sheet, of one repeated text: a bomb's ratio.
  const repeated = workbook('repeated.xlsx', Array.from({ length: 30_000 }, () => 'a'.repeat(80)));
  // Floor 1 MiB, at most 10 times the stored size, cap 8 MiB: the defaults scaled down.
  const scaled: Partial<ReadLimits> = { ratioFloorBytes: 1 * MiB, maxRatio: 10, maxPartBytes: 8 * MiB };

  it('is read when it inflates as real text does', async () => {
    expect(fs.statSync(varied).size * 10).toBeGreaterThan(2 * MiB);
    expect(await rowsOf(varied, scaled)).toBe(30_001);
  });

  it('is refused when it inflates as a bomb does, naming the ratio', async () => {
    const err = await refusal(repeated, scaled);
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/xl\/worksheets\/sheet1\.xml.* inflates to more than \d+ bytes, 10 times its stored size/);
    // Under the floor the ratio does not count.
    expect(await rowsOf(repeated, { ...scaled, ratioFloorBytes: 8 * MiB })).toBe(30_001);
  });

  it('is refused past the cap however it inflates', async () => {
    const err = await refusal(varied, { ...scaled, maxPartBytes: 2 * MiB });
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/inflates to more than 2097152 bytes$/);
  });
});
