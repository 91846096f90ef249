/**
 * Streaming .xlsx reader: lists the zip's central directory with yauzl, holds only the shared
 * strings and number formats in memory, and streams each worksheet's XML through saxes, one row
 * at a time, at the consumer's pace.
 */
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import {
  DEFAULT_LIMITS,
  InputError,
  columnIndex,
  type RawCell,
  type RawRow,
  type ReadLimits,
  type SheetInfo,
  type WorkbookSource,
} from './types.js';

export async function openXlsx(file: string, limits: Partial<ReadLimits> = {}): Promise<WorkbookSource> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  await sniff(file);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (err) {
    throw asInputError(file, err);
  }
  // An fd-close failure is reported as an 'error' event; without a listener it would crash the process.
  zip.on('error', () => {});
  const ctx: Ctx = { file, zip, limits: lim, entries: new Map(), active: new Set(), closed: false };
  try {
    ctx.entries = await listEntries(zip);
    const book = await readBook(ctx);
    return makeSource(ctx, book);
  } catch (err) {
    zip.close();
    throw asInputError(file, err);
  }
}

// ---------------------------------------------------------------------------------------------
// File and zip plumbing

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

interface Ctx {
  file: string;
  zip: yauzl.ZipFile;
  limits: ReadLimits;
  /** Zip entries by normalised part name (see partKey). */
  entries: Map<string, yauzl.Entry>;
  /** Streams currently open, destroyed by close(). */
  active: Set<Readable>;
  closed: boolean;
}

/** Tells empty files, OLE compound files and non-zips apart before yauzl sees them. */
async function sniff(file: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new InputError(file, 'not-a-workbook', 'is a directory');
    if (stat.size === 0) throw new InputError(file, 'empty', 'the file is empty (0 bytes)');
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead === 8 && head.equals(OLE_SIGNATURE)) {
      throw new InputError(file, 'ole', 'OLE compound file: a legacy .xls or a password-protected workbook');
    }
    if (bytesRead < 4 || head[0] !== 0x50 || head[1] !== 0x4b) {
      throw new InputError(file, 'not-a-workbook', 'not a zip archive');
    }
  } catch (err) {
    throw asInputError(file, err);
  } finally {
    await handle?.close().catch(() => {});
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings: false so that yauzl does not reject entry names with a leading slash;
    // names are decoded in listEntries.
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    );
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => {
      const name = entry.fileNameRaw.toString('utf8');
      if (!name.endsWith('/')) entries.set(partKey(name), entry);
      zip.readEntry();
    };
    const onEnd = () => {
      cleanup();
      resolve(entries);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    zip.on('entry', onEntry);
    zip.once('end', onEnd);
    zip.once('error', onError);
    zip.readEntry();
  });
}

/** Part names are matched case-insensitively, ignoring a leading slash and backslashes. */
function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

function findEntry(ctx: Ctx, name: string): yauzl.Entry | undefined {
  const entry = ctx.entries.get(partKey(name));
  if (entry || !name.includes('%')) return entry;
  try {
    return ctx.entries.get(partKey(decodeURI(name)));
  } catch {
    return undefined;
  }
}

function openReadStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)));
  });
}

/**
 * The part's text, decoded by one streaming TextDecoder so that a multi-byte character split
 * across two inflated chunks is still decoded whole.
 */
async function* partText(ctx: Ctx, name: string, entry: yauzl.Entry): AsyncGenerator<string> {
  if (ctx.closed) throw closedError(ctx);
  const stream = await openReadStream(ctx.zip, entry);
  if (ctx.closed) {
    stream.destroy();
    throw closedError(ctx);
  }
  ctx.active.add(stream);
  let decoder: TextDecoder | undefined;
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > ctx.limits.maxPartBytes) {
        throw new InputError(ctx.file, 'too-large', `${name} is larger than ${ctx.limits.maxPartBytes} bytes`);
      }
      decoder ??= new TextDecoder(encodingOf(chunk));
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const tail = decoder?.decode();
    if (tail) yield tail;
  } catch (err) {
    // close() destroys the stream under a reader that is still iterating.
    throw ctx.closed ? closedError(ctx) : err;
  } finally {
    ctx.active.delete(stream);
    stream.destroy();
  }
}

function closedError(ctx: Ctx): InputError {
  return new InputError(ctx.file, 'not-found', 'the workbook has been closed');
}

/** XML parts are UTF-8 in practice, but the XML spec lets them be UTF-16 with a byte-order mark. */
function encodingOf(chunk: Buffer): string {
  if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
  if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

// ---------------------------------------------------------------------------------------------
// XML driving

type Attrs = Record<string, string>;

interface XmlHandler<T> {
  open(name: string, attrs: Attrs): void;
  close(name: string): void;
  text(text: string): void;
  /** Items completed so far; taken (and emptied) after each chunk. */
  out?: T[];
}

/** Feeds a part through saxes, yielding whatever the handler completed after each chunk. */
async function* parsePart<T>(ctx: Ctx, name: string, entry: yauzl.Entry, handler: XmlHandler<T>): AsyncGenerator<T> {
  const parser = new SaxesParser({ fileName: name });
  parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes as Attrs));
  parser.on('closetag', (tag) => handler.close(localName(tag.name)));
  parser.on('text', (t) => handler.text(t));
  parser.on('cdata', (t) => handler.text(t));
  const write = (text: string | null) => {
    try {
      if (text === null) parser.close();
      else parser.write(text);
    } catch (err) {
      throw new InputError(ctx.file, 'bad-xml', (err as Error).message);
    }
  };
  for await (const text of partText(ctx, name, entry)) {
    write(text);
    if (handler.out?.length) {
      const batch = handler.out;
      handler.out = [];
      yield* batch;
    }
  }
  write(null);
  if (handler.out?.length) yield* handler.out;
}

async function parseWhole(ctx: Ctx, name: string, entry: yauzl.Entry, handler: XmlHandler<never>): Promise<void> {
  for await (const _ of parsePart(ctx, name, entry, handler));
}

/** Element names are matched without their prefix: some writers use `<x:row>` with a prefixed namespace. */
function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** A prefixed attribute such as `r:id`, whatever the prefix. */
function prefixedAttr(attrs: Attrs, local: string): string | undefined {
  for (const key in attrs) if (localName(key) === local && key !== local) return attrs[key];
  return attrs[local];
}

function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

/** Text accumulated from several events, capped so that a huge cell cannot exhaust memory. */
class TextBuf {
  private parts: string[] = [];
  private length = 0;
  constructor(private readonly cap: number) {}
  add(s: string): void {
    if (this.length > this.cap) return;
    this.parts.push(s);
    this.length += s.length;
  }
  value(): string {
    return this.parts.length === 1 ? this.parts[0] : this.parts.join('');
  }
}

/**
 * The text of an `<si>` or `<is>`: a plain `<t>`, or rich-text runs `<r><t>` whose texts are
 * concatenated. `<rPh>` holds phonetic guide text that is not part of the value.
 */
class RichText {
  private buf: TextBuf;
  private inT = false;
  private rPhDepth = 0;
  constructor(cap: number) {
    this.buf = new TextBuf(cap);
  }
  open(name: string): void {
    if (name === 'rPh') this.rPhDepth++;
    else if (name === 't' && this.rPhDepth === 0) this.inT = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.rPhDepth--;
    else if (name === 't') this.inT = false;
  }
  text(s: string): void {
    if (this.inT) this.buf.add(s);
  }
  value(maxChars: number): string {
    return clip(unescapeXstring(this.buf.value()), maxChars);
  }
}

/** Raw text to keep for a cell of maxChars: each `_xHHHH_` escape is 7 raw characters for 1 decoded. */
function rawCap(maxChars: number): number {
  return maxChars * 7 + 7;
}

/** Excel escapes characters XML cannot carry as `_xHHHH_` (a literal `_x` is written `_x005F_x`). */
function unescapeXstring(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

// ---------------------------------------------------------------------------------------------
// Workbook metadata: workbook.xml, its relationships, shared strings, styles

interface Book {
  sheets: SheetInfo[];
  parts: Map<SheetInfo, string>;
  date1904: boolean;
  sst: string[];
  /** Per cellXfs index: how a number under that style is shown. */
  xfKinds: (NumberKind | undefined)[];
}

type NumberKind = 'date' | 'percent';

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_SHARED_STRINGS = '/sharedStrings';
const REL_STYLES = '/styles';

interface Rel {
  target: string;
  type: string;
}

async function readBook(ctx: Ctx): Promise<Book> {
  const workbookPath = await findWorkbookPath(ctx);
  const workbookEntry = findEntry(ctx, workbookPath);
  if (!workbookEntry) throw new InputError(ctx.file, 'not-a-workbook', 'no xl/workbook.xml in the archive');
  if (!workbookPath.toLowerCase().endsWith('.xml')) {
    throw new InputError(ctx.file, 'not-a-workbook', `unsupported workbook part ${workbookPath} (.xlsb?)`);
  }

  const listed: { name: string; hidden: boolean; rid: string | undefined }[] = [];
  let date1904 = false;
  let root: string | undefined;
  await parseWhole(ctx, workbookPath, workbookEntry, {
    open(name, attrs) {
      root ??= name;
      if (name === 'sheet') {
        const state = attrs.state;
        listed.push({ name: attrs.name ?? '', hidden: state === 'hidden' || state === 'veryHidden', rid: prefixedAttr(attrs, 'id') });
      } else if (name === 'workbookPr') {
        date1904 = isTrue(attrs.date1904);
      }
    },
    close() {},
    text() {},
  });
  if (root !== 'workbook') throw new InputError(ctx.file, 'not-a-workbook', `${workbookPath} is not a workbook`);
  if (listed.length === 0) throw new InputError(ctx.file, 'no-sheets', 'the workbook lists no sheet');

  const dir = path.posix.dirname(workbookPath);
  const rels = await readRels(ctx, `${dir}/_rels/${path.posix.basename(workbookPath)}.rels`, dir);
  const sheets: SheetInfo[] = [];
  const parts = new Map<SheetInfo, string>();
  for (const s of listed) {
    const target = s.rid === undefined ? undefined : rels.get(s.rid)?.target;
    if (target === undefined || !findEntry(ctx, target)) {
      throw new InputError(ctx.file, 'not-a-workbook', `the part of sheet "${s.name}" is missing`);
    }
    const info: SheetInfo = { name: s.name, hidden: s.hidden };
    sheets.push(info);
    parts.set(info, target);
  }

  const relOf = (type: string, fallback: string) =>
    [...rels.values()].find((r) => r.type.endsWith(type))?.target ?? `${dir}/${fallback}`;
  const sst = await readSharedStrings(ctx, relOf(REL_SHARED_STRINGS, 'sharedStrings.xml'));
  const xfKinds = await readStyles(ctx, relOf(REL_STYLES, 'styles.xml'));
  return { sheets, parts, date1904, sst, xfKinds };
}

async function findWorkbookPath(ctx: Ctx): Promise<string> {
  const rels = await readRels(ctx, '_rels/.rels', '');
  for (const rel of rels.values()) {
    if (rel.type.endsWith(REL_OFFICE_DOCUMENT) && findEntry(ctx, rel.target)) return rel.target;
  }
  return 'xl/workbook.xml';
}

/** Relationships by Id, targets resolved to part names. An absent .rels part is an empty map. */
async function readRels(ctx: Ctx, relsPath: string, baseDir: string): Promise<Map<string, Rel>> {
  const rels = new Map<string, Rel>();
  const entry = findEntry(ctx, relsPath);
  if (!entry) return rels;
  await parseWhole(ctx, relsPath, entry, {
    open(name, attrs) {
      if (name !== 'Relationship' || attrs.TargetMode === 'External' || !attrs.Id || !attrs.Target) return;
      rels.set(attrs.Id, { target: resolveTarget(baseDir, attrs.Target), type: attrs.Type ?? '' });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** Targets are relative to the source part's folder (`worksheets/sheet1.xml`) or absolute (`/xl/worksheets/sheet1.xml`). */
function resolveTarget(baseDir: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const joined = t.startsWith('/') ? t : path.posix.join('/', baseDir, t);
  return path.posix.normalize(joined).slice(1);
}

async function readSharedStrings(ctx: Ctx, partPath: string): Promise<string[]> {
  const sst: string[] = [];
  const entry = findEntry(ctx, partPath);
  if (!entry) return sst;
  const max = ctx.limits.maxCellChars;
  let si: RichText | undefined;
  await parseWhole(ctx, partPath, entry, {
    open(name) {
      if (name === 'si') si = new RichText(rawCap(max));
      else si?.open(name);
    },
    close(name) {
      if (name === 'si' && si) {
        sst.push(si.value(max));
        si = undefined;
      } else si?.close(name);
    },
    text(t) {
      si?.text(t);
    },
  });
  return sst;
}

async function readStyles(ctx: Ctx, partPath: string): Promise<(NumberKind | undefined)[]> {
  const entry = findEntry(ctx, partPath);
  if (!entry) return [];
  const formats = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let section: 'numFmts' | 'cellXfs' | undefined;
  await parseWhole(ctx, partPath, entry, {
    open(name, attrs) {
      if (name === 'numFmts' || name === 'cellXfs') section = name;
      // numFmt also appears inside <dxfs> (conditional formats); only <numFmts> defines ids.
      else if (name === 'numFmt' && section === 'numFmts') formats.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'xf' && section === 'cellXfs') xfFormatIds.push(Number(attrs.numFmtId ?? 0));
    },
    close(name) {
      if (name === section) section = undefined;
    },
    text() {},
  });
  return xfFormatIds.map((id) => numberKind(id, formats.get(id)));
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

function numberKind(id: number, code: string | undefined): NumberKind | undefined {
  if (code === undefined) {
    if (BUILTIN_DATE_FORMATS.has(id)) return 'date';
    if (BUILTIN_PERCENT_FORMATS.has(id)) return 'percent';
    return undefined;
  }
  return formatCodeKind(code);
}

/** Classifies a custom number format code, looking only at its unquoted, unescaped tokens. */
export function formatCodeKind(code: string): NumberKind | undefined {
  const tokens = code
    .replace(/"[^"]*"/g, '') // literal text
    .replace(/\\./g, '') // escaped characters
    .replace(/[_*]./g, '') // `_x` pads the width of x, `*x` repeats x: x is not a code
    .replace(/\[(h+|m+|s+)\]/gi, 'h') // elapsed time [h]:mm is still a time
    .replace(/\[[^\]]*\]/g, ''); // colours, conditions, locale and calendar tags
  if (/^\s*general\s*$/i.test(tokens)) return undefined;
  if (/[dmyhs]/i.test(tokens)) return 'date';
  if (tokens.includes('%')) return 'percent';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Worksheets

function makeSource(ctx: Ctx, book: Book): WorkbookSource {
  return {
    sheets: book.sheets,
    rows: (sheet) => sheetRows(ctx, book, sheet),
    close: () => closeZip(ctx),
  };
}

async function closeZip(ctx: Ctx): Promise<void> {
  if (ctx.closed) return;
  ctx.closed = true;
  for (const stream of ctx.active) stream.destroy();
  ctx.active.clear();
  // yauzl closes the fd once the zipfile and every read stream have let go of it.
  const closed = new Promise<void>((resolve) => {
    ctx.zip.once('close', resolve);
    ctx.zip.once('error', resolve);
  });
  ctx.zip.close();
  await closed;
}

async function* sheetRows(ctx: Ctx, book: Book, sheet: SheetInfo): AsyncGenerator<RawRow> {
  try {
    const partPath = book.parts.get(sheet) ?? [...book.parts].find(([s]) => s.name === sheet.name)?.[1];
    if (partPath === undefined) throw new InputError(ctx.file, 'no-sheets', `no sheet named "${sheet.name}"`);
    const entry = findEntry(ctx, partPath);
    if (!entry) throw new InputError(ctx.file, 'not-a-workbook', `${partPath} is missing`);
    let count = 0;
    for await (const row of parsePart(ctx, partPath, entry, new SheetHandler(book, ctx.limits.maxCellChars))) {
      if (++count > ctx.limits.maxRows) {
        throw new InputError(ctx.file, 'too-many-rows', `sheet "${sheet.name}" has more than ${ctx.limits.maxRows} rows`);
      }
      yield row;
    }
  } catch (err) {
    throw asInputError(ctx.file, err);
  }
}

interface CellState {
  col: number;
  type: string;
  style: number;
  formula: boolean;
  v: TextBuf | undefined;
  inline: RichText | undefined;
}

interface RowState {
  row: number;
  hidden: boolean;
  cells: RawCell[];
  lastCol: number;
  ordered: boolean;
}

class SheetHandler implements XmlHandler<RawRow> {
  out: RawRow[] = [];
  private inSheetData = false;
  private prevRow = 0;
  private row: RowState | undefined;
  private cell: CellState | undefined;
  private inV = false;
  private inIs = false;

  constructor(
    private readonly book: Book,
    private readonly max: number,
  ) {}

  open(name: string, attrs: Attrs): void {
    if (!this.inSheetData) {
      if (name === 'sheetData') this.inSheetData = true;
      return;
    }
    const cell = this.cell;
    if (cell) {
      if (this.inIs) cell.inline!.open(name);
      else if (name === 'v') {
        this.inV = true;
        cell.v ??= new TextBuf(rawCap(this.max));
      } else if (name === 'f') cell.formula = true;
      else if (name === 'is') {
        this.inIs = true;
        cell.inline = new RichText(rawCap(this.max));
      }
    } else if (name === 'c' && this.row) {
      const row = this.row;
      const letters = /^[A-Za-z]+/.exec(attrs.r ?? '')?.[0];
      const col = letters ? columnIndex(letters.toUpperCase()) : row.lastCol + 1;
      if (col <= row.lastCol) row.ordered = false;
      row.lastCol = col;
      this.cell = { col, type: attrs.t ?? 'n', style: Number(attrs.s ?? 0), formula: false, v: undefined, inline: undefined };
    } else if (name === 'row') {
      const r = Number.parseInt(attrs.r ?? '', 10);
      const row = Number.isFinite(r) && r > 0 ? r : this.prevRow + 1;
      this.prevRow = row;
      this.row = { row, hidden: isTrue(attrs.hidden), cells: [], lastCol: 0, ordered: true };
    }
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    if (this.inIs) {
      if (name === 'is') this.inIs = false;
      else this.cell!.inline!.close(name);
    } else if (name === 'v') this.inV = false;
    else if (name === 'c' && this.cell) {
      const value = this.cellValue(this.cell);
      if (value) this.row?.cells.push(value);
      this.cell = undefined;
    } else if (name === 'row' && this.row) {
      const row = this.row;
      this.row = undefined;
      if (row.cells.length === 0) return;
      if (!row.ordered) row.cells.sort((a, b) => a.col - b.col);
      this.out.push(row.hidden ? { row: row.row, cells: row.cells, hidden: true } : { row: row.row, cells: row.cells });
    } else if (name === 'sheetData') this.inSheetData = false;
  }

  text(text: string): void {
    if (!this.cell) return;
    if (this.inIs) this.cell.inline!.text(text);
    else if (this.inV) this.cell.v!.add(text);
  }

  /** The cell's value, or undefined for an empty cell (including a formula with no cached result). */
  private cellValue(cell: CellState): RawCell | undefined {
    const raw = cell.v?.value() ?? '';
    const base = cell.formula ? { col: cell.col, formula: true } : { col: cell.col };
    const text = (s: string | undefined): RawCell | undefined => (s ? { ...base, t: 's', v: s } : undefined);
    switch (cell.type) {
      case 's':
        return raw === '' ? undefined : text(this.book.sst[Number(raw)]);
      case 'inlineStr':
        return text(cell.inline ? cell.inline.value(this.max) : clip(unescapeXstring(raw), this.max));
      case 'str':
        return text(clip(unescapeXstring(raw), this.max));
      case 'b':
        return raw === '' ? undefined : { ...base, t: 'b', v: isTrue(raw.trim().toLowerCase()) };
      case 'e':
        return raw === '' ? undefined : { ...base, t: 'e', v: raw };
      case 'd': {
        if (raw === '') return undefined;
        const date = parseIsoDate(raw.trim());
        return date ? { ...base, t: 'd', v: date } : text(clip(raw, this.max));
      }
      default: {
        if (raw.trim() === '') return undefined;
        const n = Number(raw);
        if (!Number.isFinite(n)) return text(clip(raw, this.max));
        const kind = this.book.xfKinds[cell.style];
        if (kind === 'date') {
          const date = serialToDate(n, this.book.date1904);
          if (date) return { ...base, t: 'd', v: date };
        }
        return kind === 'percent' ? { ...base, t: 'n', v: n, percent: true } : { ...base, t: 'n', v: n };
      }
    }
  }
}

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 in the 1900 system, counting Excel's fake 29 Feb 1900) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from 1899-12-30 to 1904-01-01, serial 0 in the 1904 system. */
const DATE1904_OFFSET = 1_462;
/** 9999-12-31, the last date Excel shows. */
const MAX_SERIAL = 2_958_465;

export function serialToDate(serial: number, date1904: boolean): Date | undefined {
  if (!(serial >= 0) || serial >= MAX_SERIAL + 1) return undefined;
  // Excel's 1900 system counts 29 Feb 1900 (serial 60), which did not exist: serials from 61
  // on are days since 1899-12-30, earlier ones days since 1899-12-31 (serial 1 = 1 Jan 1900).
  const days = date1904 ? serial + DATE1904_OFFSET : serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** `t="d"` cells hold ISO 8601 text; without a zone it is read as UTC like every other date here. */
function parseIsoDate(s: string): Date | undefined {
  const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(s) || !s.includes('T');
  const ms = Date.parse(zoned ? s : `${s}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

// ---------------------------------------------------------------------------------------------
// Errors

const FS_CODES: Record<string, [code: string, detail: string]> = {
  ENOENT: ['not-found', 'no such file'],
  ENOTDIR: ['not-found', 'no such file'],
  EACCES: ['not-found', 'permission denied'],
  EPERM: ['not-found', 'permission denied'],
  EISDIR: ['not-a-workbook', 'is a directory'],
};

/** Anything that is not already an InputError is a damaged zip: yauzl and zlib errors, I/O errors mid-read. */
function asInputError(file: string, err: unknown): InputError {
  if (err instanceof InputError) return err;
  const e = err as NodeJS.ErrnoException;
  const fsCode = e?.code ? FS_CODES[e.code] : undefined;
  if (fsCode) return new InputError(file, fsCode[0], fsCode[1]);
  const message = e instanceof Error ? e.message : String(err);
  if (/encrypted|unsupported compression/i.test(message)) return new InputError(file, 'not-a-workbook', message);
  return new InputError(file, 'truncated', message);
}
