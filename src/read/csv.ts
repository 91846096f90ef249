/**
 * CSV dossiers, as spreadsheets and hand-made exports write them: UTF-8 with or without a BOM,
 * UTF-16LE with a BOM (Excel's "Unicode Text"), or, when the bytes are not UTF-8, the Vietnamese
 * Windows code page 1258 (Excel's "CSV" on a Vietnamese Windows, which writes tones as combining
 * marks); separated by commas, semicolons (where the decimal mark is a comma) or tabs. Every cell
 * arrives as text in NFC; text in VNI or mojibake (UTF-8 once read as Windows-1252) is converted
 * and the cell marked. The row number is the record's number, the first line being 1.
 *
 * A quote that never closes is an error naming the record where it opens (reading on would swallow
 * the rest of the file into one cell); a cell longer than maxCellChars or more than maxRows
 * records stop the reading with the limit's name.
 *
 * The records are split by CsvRecords below, a state machine over the decoded text a chunk at a
 * time, chosen by measurement over csv-parse (streamed, tuned or called per chunk: 4-6× slower)
 * and papaparse (a little slower, in more memory, with no guard on a field's size, and a stray
 * quote after a closing one swallows the rest of the file). It splits records as csv-parse did
 * with the options used before, except that CR, LF and CRLF may be mixed in one file, and that
 * the cell limit counts a cell's characters rather than its record's bytes.
 */
import type { Readable } from 'node:stream';
import { lazyRequire } from '../lazy.js';
import { bufferOf, chunkStream, nameOf, type Openable } from './bytes.js';
import { fromVni, repairMojibake } from '../normalize/legacy.js';
import { cleanText } from '../normalize/text.js';
import { DEFAULT_LIMITS, InputError, inputErrorOf, isInternalError, ownString, PlainText, rowsOfBatches, type RawCell, type RawRow, type ReadLimits, type WorkbookSource } from './types.js';

/** iconv-lite, for Windows-1258 only (Node's TextDecoder reads the UTF encodings). */
const iconvLite = lazyRequire<typeof import('iconv-lite')>('iconv-lite');

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

/**
 * Text of Latin letters (below U+0300) and Vietnamese precomposed letters (U+1EA0–U+1EF9) only:
 * no combining mark, so already NFC, and normalize() (a third of a cell's cost) can be skipped.
 */
const NFC_AS_IS = /^[\u0000-\u02ff\u1ea0-\u1ef9]*$/;

/** The text in NFC. */
export function nfc(text: string): string {
  return NFC_AS_IS.test(text) ? text : text.normalize('NFC');
}

/** A cell's text in NFC, with legacy encodings converted and marked. */
function cellOf(text: string, col: number): RawCell {
  const v = ownString(nfc(text));
  const repaired = repairMojibake(v);
  if (repaired !== undefined) return { t: 's', v: repaired, col, legacy: 'mojibake' };
  const vni = fromVni(v);
  if (vni !== undefined) return { t: 's', v: vni, col, legacy: 'vni' };
  return { t: 's', v, col };
}

/** A character beyond Latin-1; one from U+0080 on (see RawValue's plain). */
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
const BEYOND_ASCII = /[^\u0000-\u007f]/;

/** The cell, marked plain when it is (see RawValue): shown as stored, and not a legacy encoding. */
function plainIfSo(cell: RawCell): RawCell {
  if (cell.t !== 's' || cell.legacy) return cell;
  const v = cell.v;
  return v.length > 0 && cleanText(v) === v && (BEYOND_LATIN1.test(v) || !BEYOND_ASCII.test(v)) ? new PlainText(cell.col, v) : cell;
}

/** Distinct values remembered per column. */
const MEMO_SIZE = 512;
/** Values not found in a column's full memory, past which it is no longer looked up. */
const MEMO_GIVE_UP = 2048;

/**
 * The cells of each column's repeated values (the kind, the field, ratings, yes/no, the award),
 * made once: a value typed down a thousand rows is normalised, converted and judged plain once,
 * and is one cell, one string, on every row, which the table and the rules find in their own
 * memories by identity instead of hashing a fresh string each time. Cells are never changed once
 * read, so rows may share them. A column of distinct values (names, summaries) fills its memory
 * and is then no longer looked up.
 */
export class ColumnCells {
  private readonly memo: (Map<string, RawCell> | null | undefined)[] = [];
  private readonly misses: number[] = [];

  cell(text: string, col: number): RawCell {
    let memo = this.memo[col];
    if (memo === null) return cellOf(text, col);
    if (memo === undefined) this.memo[col] = memo = new Map();
    let cell = memo.get(text);
    if (cell !== undefined) return cell;
    if (memo.size >= MEMO_SIZE) {
      if ((this.misses[col] = (this.misses[col] || 0) + 1) >= MEMO_GIVE_UP) this.memo[col] = null;
      return cellOf(text, col);
    }
    cell = plainIfSo(cellOf(text, col));
    // The key is the field's own copy: a slice would keep the whole chunk it was cut from alive.
    memo.set(ownString(text), cell);
    return cell;
  }
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

/**
 * Bytes read from the file at a time: each chunk's completed records make one batch. Larger
 * chunks were no faster (within the noise) and cost ~30 MB more at 256 KB.
 */
const CHUNK_BYTES = 64 * 1024;

/** Excel's own column limit: a record with more fields is no sheet, but a hostile file. */
const MAX_FIELDS = 16_384;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where CsvRecords is within a record, between two chunks. */
const enum At {
  /** At the first character of a field. */
  Start,
  /** Inside a field that did not open with a quote (a quote in it is text). */
  Plain,
  /** Inside a quoted field. */
  Quoted,
  /** Just after a quote inside a quoted field: closing it, or the first of two. */
  Quote,
  /** Just after a CR that ended a record: a LF here belongs to it. */
  Cr,
}

/** Why CsvRecords stopped, with the number of the record it was in. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: 'unclosed-quote' | 'cell-too-long' | 'too-many-fields' | 'too-many-rows',
    readonly record: number,
  ) {
    super(`${code} at record ${record}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 records from text given a chunk at a time, with Excel's leniency and csv-parse's
 * relax_quotes: a field opening with a quote runs to the quote before a delimiter or line end,
 * `""` inside it being one quote and line breaks kept; a quote elsewhere is text, and so is a
 * quoted field's closing quote when text follows it (`"a"b` reads as `"a"b`). CR, LF and CRLF
 * all end a record; an empty line is a record of one empty field (so numbering follows the
 * lines); a last line ending the file without a line break is a record, an empty one is not.
 */
export class CsvRecords {
  /** Records completed so far. */
  records = 0;
  private at = At.Start;
  private fields: string[] = [];
  /** The text of the field in progress, carried from earlier chunks. */
  private field = '';

  constructor(
    private readonly delimiter: number,
    private readonly maxFieldChars: number,
    private readonly maxRecords = Infinity,
  ) {}

  /** The records the chunk completes, in order; the rest is kept for the next chunk. */
  push(s: string): string[][] {
    const out: string[][] = [];
    const n = s.length;
    const d = this.delimiter;
    let i = 0;
    while (i < n) {
      switch (this.at) {
        case At.Start:
          if (s.charCodeAt(i) === QUOTE) {
            this.at = At.Quoted;
            i++;
            break;
          }
          this.at = At.Plain;
        // falls through
        case At.Plain: {
          let j = i;
          let c = 0;
          for (; j < n; j++) {
            c = s.charCodeAt(j);
            if (c === d || c === LF || c === CR) break;
          }
          if (j === n) {
            this.take(s.slice(i));
            return out;
          }
          i = this.end(this.field === '' ? this.fit(s.slice(i, j)) : this.take(s.slice(i, j)), s, j, c, out);
          break;
        }
        case At.Quoted: {
          const j = s.indexOf('"', i);
          if (j < 0) {
            this.take(s.slice(i));
            return out;
          }
          if (j > i) this.take(s.slice(i, j));
          this.at = At.Quote;
          i = j + 1;
          break;
        }
        case At.Quote: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            this.take('"');
            this.at = At.Quoted;
            i++;
          } else if (c === d || c === LF || c === CR) i = this.end(this.take(''), s, i, c, out);
          else {
            // Text after the closing quote: the quotes were text (relax_quotes).
            this.field = `"${this.field}"`;
            this.at = At.Plain;
          }
          break;
        }
        case At.Cr:
          if (s.charCodeAt(i) === LF) i++;
          this.at = At.Start;
          break;
      }
    }
    return out;
  }

  /** The last record, if the file ends inside one. */
  finish(): string[][] {
    const out: string[][] = [];
    switch (this.at) {
      case At.Quoted:
        throw new CsvSyntaxError('unclosed-quote', this.records + 1);
      case At.Start:
        // After a delimiter, an empty last field; after a line end, nothing.
        if (this.fields.length > 0) this.close('', out);
        break;
      case At.Plain:
      case At.Quote:
        this.close(this.take(''), out);
        break;
      case At.Cr:
        break;
    }
    this.at = At.Cr;
    return out;
  }

  /** Adds text to the field in progress and returns it, within the cell limit. */
  private take(text: string): string {
    return (this.field = this.fit(this.field + text));
  }

  private fit(text: string): string {
    if (text.length > this.maxFieldChars) throw new CsvSyntaxError('cell-too-long', this.records + 1);
    return text;
  }

  /** Ends the field at s[j] (delimiter c, or a line end) and returns where the next begins. */
  private end(value: string, s: string, j: number, c: number, out: string[][]): number {
    this.field = '';
    if (c === this.delimiter) {
      this.fields.push(value);
      if (this.fields.length >= MAX_FIELDS) throw new CsvSyntaxError('too-many-fields', this.records + 1);
      this.at = At.Start;
      return j + 1;
    }
    this.close(value, out);
    if (c === LF) {
      this.at = At.Start;
      return j + 1;
    }
    if (j + 1 === s.length) {
      this.at = At.Cr;
      return j + 1;
    }
    this.at = At.Start;
    return s.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
  }

  private close(value: string, out: string[][]): void {
    const fields = this.fields;
    fields.push(value);
    this.fields = [];
    if (++this.records > this.maxRecords) throw new CsvSyntaxError('too-many-rows', this.records);
    out.push(fields);
  }
}

/** Opens a CSV file: a path, or bytes with a name. */
export async function openCsv(given: Openable, limits: Partial<ReadLimits> = {}): Promise<WorkbookSource> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  const file = nameOf(given);
  const bytes = typeof given === 'string' ? undefined : await bufferOf(given.data);
  const head = bytes ? bytes.subarray(0, SNIFF_BYTES) : await readHead(file);
  if (head.length === 0) throw new InputError(file, 'empty', 'the file is empty');
  const { encoding, bom } = sniffEncoding(head);
  const delimiter = sniffDelimiter(encoding === 'windows-1258' ? iconvLite().decode(head.subarray(bom), encoding) : new TextDecoder(encoding).decode(head.subarray(bom)));
  const sheetName = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const sheet = { name: sheetName, hidden: false };

  /** The rows with a cell, one array per chunk of the file. */
  async function* batches(): AsyncGenerator<RawRow[]> {
    // node:fs is loaded for a file only: bytes given (a page's file) have no file system to read.
    const input: Readable = bytes ? chunkStream(bytes, bom, bytes.length, CHUNK_BYTES) : (await import('node:fs')).createReadStream(file, { start: bom, highWaterMark: CHUNK_BYTES });
    // TextDecoder, a third faster than the stream's own decoding; the BOM is behind `start`.
    const text: AsyncIterable<string> =
      encoding === 'windows-1258' ? (input.pipe(iconvLite().decodeStream(encoding)) as AsyncIterable<string>) : decode(input, new TextDecoder(encoding, { ignoreBOM: true }));
    const parser = new CsvRecords(delimiter.charCodeAt(0), lim.maxCellChars, lim.maxRows);
    const cells = new ColumnCells();
    // The records just completed end at the parser's count.
    const rowsIn = (records: string[][]) => rowsOf(records, parser.records - records.length + 1, cells);
    try {
      for await (const chunk of text) {
        const batch = rowsIn(parser.push(chunk));
        if (batch.length) yield batch;
      }
      const last = rowsIn(parser.finish());
      if (last.length) yield last;
    } catch (e) {
      throw csvError(file, e, lim);
    } finally {
      input.destroy();
    }
  }

  return { sheets: [sheet], rows: () => rowsOfBatches(batches()), batches: () => batches(), close: async () => {} };
}

/** The file's first SNIFF_BYTES. */
async function readHead(file: string): Promise<Buffer> {
  try {
    const fh = await (await import('node:fs/promises')).open(file, 'r');
    try {
      const buf = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw inputErrorOf(file, code === 'ENOENT' ? 'not-found' : 'unreadable', e);
  }
}

async function* decode(bytes: AsyncIterable<Buffer>, decoder: TextDecoder): AsyncGenerator<string> {
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The records that have a non-blank cell, numbered from `first`. */
function rowsOf(records: string[][], first: number, columns: ColumnCells): RawRow[] {
  const out: RawRow[] = [];
  for (let r = 0; r < records.length; r++) {
    const fields = records[r];
    const cells: RawCell[] = [];
    for (let i = 0; i < fields.length; i++) {
      if (fields[i].trim() !== '') cells.push(columns.cell(fields[i], i + 1));
    }
    if (cells.length) out.push({ row: first + r, cells });
  }
  return out;
}

function csvError(file: string, e: unknown, lim: ReadLimits): InputError {
  if (e instanceof InputError) return e;
  if (e instanceof CsvSyntaxError) {
    if (e.code === 'unclosed-quote') return new InputError(file, 'unclosed-quote', `${e.record}`);
    if (e.code === 'cell-too-long') return new InputError(file, 'cell-too-long', `dòng/record ${e.record} (> ${lim.maxCellChars})`);
    if (e.code === 'too-many-rows') return new InputError(file, 'too-many-rows', `${lim.maxRows}`);
    return new InputError(file, 'bad-csv', `record ${e.record} has more than ${MAX_FIELDS} fields`);
  }
  // The input's own error is said in its first line; an internal one is kept for --debug.
  return isInternalError(e) ? inputErrorOf(file, 'bad-csv', e) : new InputError(file, 'bad-csv', (e as Error).message.split('\n')[0]);
}
