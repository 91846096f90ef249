/**
 * CSV dossiers, as spreadsheets and hand-made exports write them: UTF-8 with or without a BOM,
 * UTF-16LE with a BOM (Excel's "Unicode Text"), or, when the bytes are not UTF-8, the Vietnamese
 * Windows code page 1258 (Excel's "CSV" on a Vietnamese Windows, which writes tones as combining
 * marks); separated by commas, semicolons (where the decimal mark is a comma) or tabs. Every cell
 * arrives as text in NFC; text in VNI or mojibake (UTF-8 once read as Windows-1252) is converted
 * and the cell marked. The row number is the record's number, the first line being 1.
 *
 * A quote that never closes is an error naming the line where it opens (reading on would swallow
 * the rest of the file into one cell); a cell longer than maxCellChars or more than maxRows
 * records stop the reading with the limit's name.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { decodeVni, looksLikeVni, repairMojibake } from '../normalize/legacy.js';
import { DEFAULT_LIMITS, InputError, type RawCell, type RawRow, type ReadLimits, type WorkbookSource } from './types.js';

const SNIFF_BYTES = 64 * 1024;

type Encoding = 'utf-8' | 'utf-16le' | 'windows-1258';

function sniffEncoding(head: Buffer): { encoding: Encoding; bom: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  return { encoding: isUtf8(head) ? 'utf-8' : 'windows-1258', bom: 0 };
}

/** Whether the bytes are UTF-8, allowing a character cut by the end of the sample. */
function isUtf8(head: Buffer): boolean {
  let end = head.length;
  if (head.length === SNIFF_BYTES) {
    // Back up over continuation bytes to the lead byte of a possibly cut character.
    let i = end - 1;
    while (i > end - 4 && i >= 0 && (head[i] & 0xc0) === 0x80) i--;
    if (i >= 0 && head[i] >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** A cell's text in NFC, with legacy encodings converted and marked. */
function cellOf(text: string, col: number): RawCell {
  const v = text.normalize('NFC');
  const repaired = repairMojibake(v);
  if (repaired !== undefined) return { t: 's', v: repaired, col, legacy: 'mojibake' };
  if (looksLikeVni(v)) return { t: 's', v: decodeVni(v), col, legacy: 'vni' };
  return { t: 's', v, col };
}

/** The separator that splits the first lines most consistently into more than one field. */
export function sniffDelimiter(sample: string): string {
  const lines = sample.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 30);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t']) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const rowsWith = counts.filter((n) => n > 0).length;
    const mode = Math.max(0, ...counts);
    const score = rowsWith * 1000 + mode;
    if (rowsWith > 0 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

export async function openCsv(file: string, limits: Partial<ReadLimits> = {}): Promise<WorkbookSource> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  let head: Buffer;
  try {
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'not-found' : 'unreadable', String((e as Error).message));
  }
  if (head.length === 0) throw new InputError(file, 'empty', 'the file is empty');
  const { encoding, bom } = sniffEncoding(head);
  const delimiter = sniffDelimiter(iconv.decode(head.subarray(bom), encoding));
  const sheetName = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const sheet = { name: sheetName, hidden: false };

  async function* rows(): AsyncGenerator<RawRow> {
    const input = createReadStream(file, { start: bom });
    let text: Readable = input;
    if (encoding === 'utf-16le') input.setEncoding('utf16le');
    else if (encoding === 'utf-8') input.setEncoding('utf8');
    else text = input.pipe(iconv.decodeStream(encoding)) as unknown as Readable;
    const parser = text.pipe(
      parse({
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        // A field longer than a cell may be (a quote that never closes, a hostile file) stops here.
        max_record_size: lim.maxCellChars + 1,
      }),
    );
    let record = 0;
    try {
      for await (const fields of parser as AsyncIterable<string[]>) {
        record++;
        if (record > lim.maxRows) throw new InputError(file, 'too-many-rows', `${lim.maxRows}`);
        const cells: RawCell[] = [];
        for (let i = 0; i < fields.length; i++) {
          if (fields[i].trim() !== '') cells.push(cellOf(fields[i], i + 1));
        }
        if (cells.length) yield { row: record, cells };
      }
    } catch (e) {
      throw csvError(file, e, lim);
    } finally {
      input.destroy();
    }
  }
  return { sheets: [sheet], rows: () => rows(), close: async () => {} };
}

function csvError(file: string, e: unknown, lim: ReadLimits): InputError {
  if (e instanceof InputError) return e;
  if (e instanceof CsvError) {
    // Records are numbered as findings number them: without a quoted line break, the line.
    const records = (e as CsvError & { records?: number }).records ?? 0;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') return new InputError(file, 'unclosed-quote', `${records + 1}`);
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      return new InputError(file, 'cell-too-long', `dòng/record ${records + 1} (> ${lim.maxCellChars})`);
    }
  }
  return new InputError(file, 'bad-csv', (e as Error).message.split('\n')[0]);
}
