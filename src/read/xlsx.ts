/**
 * Streaming .xlsx reader: lists the zip's central directory with yauzl, holds only the shared
 * strings and number formats in memory, and streams each worksheet's XML through a purpose-built
 * scanner (sheet-scanner.ts), a chunk of rows at a time, at the consumer's pace. The small parts
 * (workbook, relationships, styles) go through saxes.
 */
import { isAscii } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { OLE_SIGNATURE, oleError } from './ole.js';
import { SharedStrings, SharedStringsScanner, SheetScanner, XmlError, type NumberKind } from './sheet-scanner.js';
import {
  DEFAULT_LIMITS,
  columnIndex,
  InputError,
  rowsOfBatches,
  type MergeRange,
  type RawRow,
  type ReadLimits,
  type SheetInfo,
  type WorkbookSource,
} from './types.js';

export { serialToDate } from './sheet-scanner.js';

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
      throw await oleError(file);
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

/**
 * Inflated in 256 KiB chunks with up to 1 MiB kept ahead of the reader, so that zlib works on
 * the thread pool while the scanner works on the previous chunk. (yauzl's own inflate stream
 * hands out 16 KiB chunks; on an 80 MB sheet the round trips cost more than the inflating.)
 */
const INFLATE_CHUNK = 256 * 1024;
const INFLATE_AHEAD = 1024 * 1024;

/** The part's inflated bytes: the raw stream from yauzl, and the stream to read (the same one if stored). */
async function openPartStreams(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable[]> {
  if (entry.isEncrypted()) throw new Error('the entry is encrypted');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new Error(`unsupported compression method: ${entry.compressionMethod}`);
  }
  const raw = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, { decodeFileData: false }, (err, stream) => (err ? reject(err) : resolve(stream)));
  });
  if (entry.compressionMethod === 0) return [raw];
  const inflate = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK, highWaterMark: INFLATE_AHEAD } as zlib.ZlibOptions);
  // Errors of either stream reach the reader through the inflate stream.
  pipeline(raw, inflate, () => {});
  return [raw, inflate];
}

/**
 * The part's text, decoded by one streaming TextDecoder so that a multi-byte character split
 * across two inflated chunks is still decoded whole (all-ASCII chunks that follow a chunk ending
 * in ASCII, where nothing can be split, skip it).
 */
async function* partText(ctx: Ctx, name: string, entry: yauzl.Entry): AsyncGenerator<string> {
  if (ctx.closed) throw closedError(ctx);
  // The zip's directory gives the size up front: a bomb that admits it is refused at once; one
  // that lies is stopped by the count of bytes actually inflated, below.
  if (entry.uncompressedSize > ctx.limits.maxPartBytes) throw tooLarge(ctx, name);
  const streams = await openPartStreams(ctx.zip, entry);
  if (ctx.closed) {
    for (const s of streams) s.destroy();
    throw closedError(ctx);
  }
  for (const s of streams) ctx.active.add(s);
  let decoder: TextDecoder | undefined;
  let utf8 = false;
  /** Whether the decoder holds no part of a character: true after a chunk that ends in an ASCII byte. */
  let settled = false;
  let bytes = 0;
  try {
    for await (const chunk of streams[streams.length - 1] as AsyncIterable<Buffer>) {
      if (chunk.length === 0) continue;
      bytes += chunk.length;
      if (bytes > ctx.limits.maxPartBytes) throw tooLarge(ctx, name);
      let text: string;
      if (decoder === undefined) {
        // The first chunk always goes through the decoder, which drops a byte-order mark.
        const encoding = encodingOf(chunk);
        utf8 = encoding === 'utf-8';
        decoder = new TextDecoder(encoding);
        text = decoder.decode(chunk, { stream: true });
      } else if (utf8 && settled && isAscii(chunk)) {
        // Worksheet XML is mostly ASCII, which decodes as Latin-1 does, several times faster
        // than TextDecoder; no character can be split when the decoder holds nothing.
        text = chunk.toString('latin1');
      } else {
        text = decoder.decode(chunk, { stream: true });
      }
      settled = chunk[chunk.length - 1] < 0x80;
      if (text) yield text;
    }
    // As yauzl checks when it inflates: the central directory's size must match.
    if (bytes !== entry.uncompressedSize) {
      throw new Error(`${name}: ${bytes} bytes inflated, the zip's directory says ${entry.uncompressedSize}`);
    }
    const tail = decoder?.decode();
    if (tail) yield tail;
  } catch (err) {
    // close() destroys the stream under a reader that is still iterating.
    throw ctx.closed ? closedError(ctx) : err;
  } finally {
    for (const s of streams) {
      ctx.active.delete(s);
      s.destroy();
    }
  }
}

function tooLarge(ctx: Ctx, name: string): InputError {
  return new InputError(ctx.file, 'too-large', `${name} inflates to more than ${ctx.limits.maxPartBytes} bytes`);
}

/** A cell longer than --max-cell-length: refused, since keeping only its start would lose data unsaid. */
function tooLong(ctx: Ctx, where: string): InputError {
  return new InputError(ctx.file, 'cell-too-long', `${where} (> ${ctx.limits.maxCellChars})`);
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

// ---------------------------------------------------------------------------------------------
// Workbook metadata: workbook.xml, its relationships, shared strings, styles

interface Book {
  sheets: SheetInfo[];
  parts: Map<SheetInfo, string>;
  date1904: boolean;
  sst: SharedStrings;
  /** Per cellXfs index: how a number under that style is shown. */
  xfKinds: (NumberKind | undefined)[];
}

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

async function readSharedStrings(ctx: Ctx, partPath: string): Promise<SharedStrings> {
  const entry = findEntry(ctx, partPath);
  if (!entry) return new SharedStrings();
  const scanner = new SharedStringsScanner(ctx.limits.maxCellChars);
  for await (const text of partText(ctx, partPath, entry)) scanned(ctx, partPath, () => scanner.push(text));
  scanned(ctx, partPath, () => scanner.finish());
  if (scanner.clipped) throw tooLong(ctx, `${partPath} ×${scanner.clipped}`);
  return scanner.strings;
}

/** Runs a scanner step, reporting malformed XML as the InputError 'bad-xml'. */
function scanned(ctx: Ctx, partPath: string, step: () => void): void {
  try {
    step();
  } catch (err) {
    if (err instanceof XmlError) throw new InputError(ctx.file, 'bad-xml', `${partPath}: ${err.message}`);
    throw err;
  }
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
    rows: (sheet) => rowsOfBatches({ [Symbol.asyncIterator]: () => new SheetBatches(ctx, book, sheet) }),
    batches: (sheet) => ({ [Symbol.asyncIterator]: () => new SheetBatches(ctx, book, sheet) }),
    merges: (sheet) => readMerges(ctx, book, sheet).catch((err) => Promise.reject(asInputError(ctx.file, err))),
    close: () => closeZip(ctx),
  };
}

function sheetPart(ctx: Ctx, book: Book, sheet: SheetInfo): { partPath: string; entry: yauzl.Entry } {
  const partPath = book.parts.get(sheet) ?? [...book.parts].find(([s]) => s.name === sheet.name)?.[1];
  if (partPath === undefined) throw new InputError(ctx.file, 'no-sheets', `no sheet named "${sheet.name}"`);
  const entry = findEntry(ctx, partPath);
  if (!entry) throw new InputError(ctx.file, 'not-a-workbook', `${partPath} is missing`);
  return { partPath, entry };
}

const MERGE_REF = /<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?["']/g;
/** More merged ranges than any real dossier has: past it the rest are not kept. */
const MAX_MERGES = 100_000;
/** What a chunk boundary may cut of a <mergeCell …/> tag. */
const MERGE_TAIL = 512;

/**
 * The sheet's merged ranges. Excel writes <mergeCells> after every row, so they are found in a
 * pass of their own over the part's text: inflating and searching it costs a fraction of
 * scanning its cells, and no XML is built.
 */
async function readMerges(ctx: Ctx, book: Book, sheet: SheetInfo): Promise<MergeRange[]> {
  const { partPath, entry } = sheetPart(ctx, book, sheet);
  const refs = new Set<string>();
  const out: MergeRange[] = [];
  let tail = '';
  for await (const text of partText(ctx, partPath, entry)) {
    const window = tail + text;
    tail = window.slice(-MERGE_TAIL);
    if (!window.includes('mergeCell')) continue;
    for (const m of window.matchAll(MERGE_REF)) {
      if (refs.has(m[0]) || out.length >= MAX_MERGES) continue;
      refs.add(m[0]);
      const r1 = Number(m[2]);
      const c1 = columnIndex(m[1]);
      out.push({ r1, c1, r2: m[4] ? Number(m[4]) : r1, c2: m[3] ? columnIndex(m[3]) : c1 });
    }
    // Only the tail can still hold a tag cut in two; what was matched before it is remembered by ref.
  }
  return out;
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

/**
 * A sheet's rows a chunk at a time: what one scan of the part's text completed. The engine takes
 * them so, to pay the cost of an await per chunk rather than per row; rows() hands them out one
 * by one (see rowsOfBatches).
 */
class SheetBatches implements AsyncIterator<RawRow[]> {
  private rows: RawRow[] = [];
  private next_ = 0;
  private count = 0;
  private done = false;
  private texts: AsyncGenerator<string> | undefined;
  private scanner: SheetScanner | undefined;
  private partPath = '';

  constructor(
    private readonly ctx: Ctx,
    private readonly book: Book,
    private readonly sheet: SheetInfo,
  ) {}

  async next(): Promise<IteratorResult<RawRow[]>> {
    try {
      if (!(await this.fill())) return { value: undefined, done: true };
      // Up to --max-rows; the next call, with rows left, is refused.
      const max = this.ctx.limits.maxRows;
      if (this.count >= max) throw this.tooMany(max);
      const end = Math.min(this.rows.length, this.next_ + (max - this.count));
      const batch = this.next_ === 0 && end === this.rows.length ? this.rows : this.rows.slice(this.next_, end);
      this.count += batch.length;
      this.next_ = end;
      return { value: batch, done: false };
    } catch (err) {
      return this.fail(err);
    }
  }

  async return(): Promise<IteratorResult<RawRow[]>> {
    await this.stop();
    return { value: undefined, done: true };
  }

  /** Scans chunks until a row is buffered (true) or the part has ended with none left (false). */
  private async fill(): Promise<boolean> {
    this.texts ??= this.open();
    while (this.next_ >= this.rows.length) {
      if (this.done) return false;
      const scanner = this.scanner!;
      const text = await this.texts.next();
      if (text.done) {
        scanned(this.ctx, this.partPath, () => scanner.finish());
        this.done = true;
      } else scanned(this.ctx, this.partPath, () => scanner.push(text.value));
      if (scanner.clipped) throw tooLong(this.ctx, `«${this.sheet.name}»`);
      this.rows = scanner.take();
      this.next_ = 0;
    }
    return true;
  }

  private open(): AsyncGenerator<string> {
    const { ctx, book, sheet } = this;
    const { partPath, entry } = sheetPart(ctx, book, sheet);
    this.partPath = partPath;
    this.scanner = new SheetScanner({
      sst: book.sst,
      xfKinds: book.xfKinds,
      date1904: book.date1904,
      maxCellChars: ctx.limits.maxCellChars,
    });
    return partText(ctx, partPath, entry);
  }

  private tooMany(max: number): InputError {
    return new InputError(this.ctx.file, 'too-many-rows', `sheet "${this.sheet.name}" has more than ${max} rows`);
  }

  /** Ends the iteration with err, as an InputError, after letting go of the part's stream. */
  private async fail(err: unknown): Promise<never> {
    await this.stop();
    throw asInputError(this.ctx.file, err);
  }

  private async stop(): Promise<void> {
    this.done = true;
    this.rows = [];
    this.next_ = 0;
    const texts = this.texts;
    this.texts = undefined;
    await texts?.return(undefined);
  }
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
