/**
 * What a reader hands to the rest of the pipeline: cells located the way an officer sees them
 * in Excel (sheet name, 1-based row number, 1-based column index -> letter), with the value as
 * the file stores it. Readers know nothing of rule packs.
 */

/** A cell's stored value. Formula cells carry their cached result and `formula: true`. */
export type RawValue =
  /**
   * `plain` when the reader knows the text needs nothing done to it: it is shown as stored
   * (cleanText leaves it as it is) and cannot be a legacy encoding (it has a character beyond
   * Latin-1, or none beyond ASCII). Worked out once per shared string; absent, nothing is known.
   */
  | { t: 's'; v: string; plain?: boolean }
  /** `percent` when the cell's number format shows it as a percentage (0.7 shown as 70%). */
  | { t: 'n'; v: number; percent?: boolean }
  | { t: 'b'; v: boolean }
  /** A date cell (a serial number under a date format), already converted, in UTC. */
  | { t: 'd'; v: Date }
  /** An error cell: '#N/A', '#REF!', … */
  | { t: 'e'; v: string };

export type RawCell = RawValue & {
  /** 1-based column index (A = 1). */
  col: number;
  formula?: boolean;
  /**
   * Text converted from a legacy Vietnamese encoding (TCVN3, .VnTime fonts; VNI, VNI-Times
   * fonts) or repaired from mojibake (UTF-8 read as Windows-1252 and saved again); `v` is the Unicode.
   */
  legacy?: LegacyEncoding;
};

export type LegacyEncoding = 'tcvn3' | 'vni' | 'mojibake';

/**
 * A text cell known to be plain. `plain` is on the prototype: one flag for every such cell, and
 * the cell compares (toEqual, JSON) as the object literal of any other text cell; a copy made by
 * spreading it is no longer known plain, which is only slower.
 */
export class PlainText {
  readonly t = 's';
  declare readonly plain: true;
  constructor(
    readonly col: number,
    readonly v: string,
  ) {}
}
Object.defineProperty(PlainText.prototype, 'plain', { value: true });

export interface RawRow {
  /** The row number Excel shows (1-based). For CSV: the record number, the first line being 1. */
  row: number;
  /** Non-empty cells only, in column order. */
  cells: RawCell[];
  hidden?: boolean;
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

/** A merged range of cells, 1-based and inclusive, as the sheet's <mergeCell ref="B10:B12"/> says. */
export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A workbook opened for streaming: sheets can be read one at a time, each row as it arrives. */
export interface WorkbookSource {
  sheets: SheetInfo[];
  rows(sheet: SheetInfo): AsyncIterable<RawRow>;
  /**
   * The same rows in arrays, as the reader completes them (a chunk of the file at a time): what
   * the engine reads, so that a million rows cost thousands of awaits, not a million.
   */
  batches?(sheet: SheetInfo): AsyncIterable<RawRow[]>;
  /**
   * The sheet's merged ranges. A worksheet lists them after all its rows, so a streaming reader
   * finds them in a pass of its own, before the rows are read.
   */
  merges?(sheet: SheetInfo): Promise<MergeRange[]>;
  close(): Promise<void>;
}

/** A problem that stops a file from being read: reported as one line, exit 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    /** A stable code, e.g. 'not-a-workbook', 'encrypted', 'truncated'. */
    readonly code: string,
    message: string,
    /** The technical detail of an exception of hoso's own code, shown only with --debug (see inputErrorOf). */
    readonly debug?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** What an InputError says in place of a text that is only for --debug. */
const DEBUG_ONLY = 'hoso could not read it: run again with --debug for the technical details';

/**
 * An exception met while reading a file, as an InputError. One that hoso's own code threw on a
 * shape it did not expect (a TypeError, a RangeError from a buffer, a stack overflow) says nothing
 * to a person — "Cannot read properties of undefined (reading 'col')" — so its text is kept for
 * --debug and the reason is the code's alone; an error the input caused (zlib's, the XML
 * parser's, the file system's) names what is wrong and is kept.
 */
export function inputErrorOf(file: string, code: string, err: unknown): InputError {
  if (isInternalError(err)) return new InputError(file, code, DEBUG_ONLY, technical(err));
  return new InputError(file, code, (err as Error).message);
}

/** An exception thrown by code on a state it did not expect, whose text is for --debug only. */
export function isInternalError(err: unknown): boolean {
  return err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || err instanceof SyntaxError || !(err instanceof Error);
}

/** An exception's stack (or text), for --debug. */
export function technical(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

export interface ReadLimits {
  /** Largest uncompressed size of one part of the zip, in bytes, whatever its stored size. */
  maxPartBytes: number;
  /**
   * Past this many bytes uncompressed, a part may inflate to at most maxRatio times its stored
   * size (partLimit). Real parts inflate 3–25 times (text, Excel's sheet XML); a zip bomb a
   * thousand.
   */
  ratioFloorBytes: number;
  maxRatio: number;
  /** Longest cell text kept, in characters (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Most rows read from one sheet. */
  maxRows: number;
}

/**
 * Above any dossier Excel can save: 1,048,576 rows with a unique summary each make a sheet of
 * about 800 MB of XML and shared strings of 320 MB, inflated 3–25 times their stored size. A
 * zip bomb inflates a thousand times, and is refused at the floor (256 MB) within seconds; one
 * that keeps under the ratio must be a hundredth of what it inflates to, and is still refused
 * at 2 GiB, in bounded memory (the shared strings, the one part held, are kept one byte a
 * character). The CLI's --max-part-size (a plain cap in place of the floor, ratio and cap),
 * --max-rows and --max-cell-length change them.
 */
export const DEFAULT_LIMITS: ReadLimits = {
  maxPartBytes: 2 * 1024 ** 3,
  ratioFloorBytes: 256 * 1024 ** 2,
  maxRatio: 100,
  maxCellChars: 32_767,
  maxRows: 2_000_000,
};

/** The most a part stored in storedBytes (which lie within the file) may inflate to. */
export function partLimit(limits: ReadLimits, storedBytes: number): number {
  return Math.min(limits.maxPartBytes, Math.max(limits.ratioFloorBytes, limits.maxRatio * storedBytes));
}

/** The rows of a source's batches, one by one. */
export async function* rowsOfBatches(batches: AsyncIterable<RawRow[]>): AsyncGenerator<RawRow> {
  for await (const batch of batches) yield* batch;
}

/**
 * A text of its own. A slice of a decoded chunk keeps the whole chunk alive (V8 shares the
 * characters): a cell kept past its chunk — in a finding, a key — would hold 256 KiB of the
 * sheet's text. Cells read out of the part's text are copied so; shared strings are already.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}
