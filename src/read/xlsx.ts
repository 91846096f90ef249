/**
 * Streaming .xlsx reader: lists the zip's central directory with yauzl, reads the parts through
 * one file handle with positioned reads (so that several can be read at once) or, for a small
 * file, from its bytes read at once, holds only the shared strings and number formats in memory,
 * and streams each worksheet's XML through a purpose-built scanner (sheet-scanner.ts), a chunk of
 * rows at a time, at the consumer's pace. The small parts (workbook, relationships, styles) go
 * through saxes.
 */
import { isAscii } from 'node:buffer';
import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { OLE_SIGNATURE, oleError } from './ole.js';
import { bufferOf, chunkStream, nameOf, type Openable } from './bytes.js';
import { checkUnicodePath, entryKey, Once, partKey } from './opc.js';
import { shown } from '../printable.js';
import { encodingOf, SharedStrings, SharedStringsReader, SharedStringsScanner, SheetScanner, tokenCap, type NumberKind } from './sheet-scanner.js';
import { TokenGuard, TokenTooLong, XmlError } from './xml-token.js';
import {
  DEFAULT_LIMITS,
  columnIndex,
  InputError,
  inputErrorOf,
  partLimit,
  rowsOfBatches,
  type MergeRange,
  type RawRow,
  type ReadLimits,
  type SheetInfo,
  type WorkbookSource,
} from './types.js';

export { serialToDate } from './sheet-scanner.js';

export interface OpenOptions {
  /**
   * Find every sheet's merged ranges ahead, beside the reading of the shared strings: the engine
   * asks for them before each sheet's rows, and their pass (inflating the whole sheet) then
   * costs no waiting.
   */
  mergesAhead?: boolean;
  /**
   * Stream every part, however small the file (see SMALL_FILE and isSmall): the way a large file
   * is read, which the tests hold to the same rows and errors as the default on small ones.
   */
  streamAll?: boolean;
}

/** Opens a workbook: a path, or bytes with a name (read from memory whatever their size, large parts still streamed through the inflater). */
export async function openXlsx(given: Openable, limits: Partial<ReadLimits> = {}, options: OpenOptions = {}): Promise<WorkbookSource> {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  const file = nameOf(given);
  const { handle, size, bytes } = await sniff(given, options.streamAll ? 0 : SMALL_FILE);
  const ctx: Ctx = { file, handle, size, bytes, limits: lim, entries: new Map(), active: new Set(), closed: false, streamAll: options.streamAll === true };
  try {
    ctx.entries = await listEntries(ctx);
    const book = await readBook(ctx, options);
    return makeSource(ctx, book);
  } catch (err) {
    await closeZip(ctx);
    throw asInputError(file, err);
  }
}

// ---------------------------------------------------------------------------------------------
// File and zip plumbing

interface Ctx {
  file: string;
  /** The one handle on a large file, every part is read through, with positioned reads. */
  handle?: FileHandle;
  /** The file's size in bytes, as opened. */
  size: number;
  /** A small file's every byte, read at once, or the bytes the file was given as: its parts are then read from memory (see SMALL_FILE). */
  bytes?: Buffer;
  limits: ReadLimits;
  /** Zip entries by normalised part name (see partKey). */
  entries: Map<string, yauzl.Entry>;
  /** Streams currently open, destroyed by close(). */
  active: Set<Readable>;
  closed: boolean;
  /** Small parts are streamed too (OpenOptions.streamAll). */
  streamAll: boolean;
}

/**
 * A file this small is read whole when it is opened. Every read of a part, and of the zip's
 * directory, is otherwise a round trip through the thread pool and the event loop: a few each for
 * every one of a workbook's half-dozen parts, which is most of the time a small file takes.
 */
const SMALL_FILE = 4 * 1024 * 1024;

/**
 * Opens the file, telling empty files, OLE compound files and non-zips apart before yauzl sees
 * them. A small file is read whole, by three system calls, and let go at once: it is never held
 * open while it is checked. A larger one gives the handle every part is then read through.
 */
async function sniff(given: Openable, wholeUpTo: number): Promise<{ handle?: FileHandle; size: number; bytes?: Buffer }> {
  const file = nameOf(given);
  let handle: FileHandle | undefined;
  try {
    // Bytes given are read as a small file is, whatever their size (there is no file to read them from).
    if (typeof given !== 'string') {
      const bytes = await givenBytes(file, given.data);
      await checkHead(file, bytes, bytes.length, bytes);
      return { size: bytes.length, bytes };
    }
    // node:fs is loaded for a file only: a browser bundle, which is given bytes, has none.
    const fs = await import('node:fs');
    const bytes = wholeUpTo > 0 ? readSmall(fs, file, wholeUpTo) : undefined;
    if (bytes) {
      await checkHead(file, bytes, bytes.length, bytes);
      return { size: bytes.length, bytes };
    }
    handle = await fs.promises.open(file, 'r');
    const stat = await handle.stat();
    checkStat(file, stat);
    const head = Buffer.alloc(8);
    await checkHead(file, head, (await handle.read(head, 0, 8, 0)).bytesRead);
    return { handle, size: stat.size };
  } catch (err) {
    await handle?.close().catch(() => {});
    throw asInputError(file, err);
  }
}

function checkStat(file: string, stat: Stats): void {
  if (stat.isDirectory()) throw new InputError(file, 'not-a-workbook', 'is a directory');
  if (stat.size === 0) throw new InputError(file, 'empty', 'the file is empty (0 bytes)');
}

/** The bytes a file was given as, refused as an empty file is. */
async function givenBytes(file: string, data: Parameters<typeof bufferOf>[0]): Promise<Buffer> {
  const bytes = await bufferOf(data);
  if (bytes.length === 0) throw new InputError(file, 'empty', 'the file is empty (0 bytes)');
  return bytes;
}

/** `whole`: every byte of the file, when it is held (a small file, or bytes given): what an OLE file is is read from them. */
async function checkHead(file: string, head: Buffer, bytesRead: number, whole?: Buffer): Promise<void> {
  if (bytesRead >= 8 && head.subarray(0, 8).equals(OLE_SIGNATURE)) {
    throw await oleError(file, whole);
  }
  if (bytesRead < 4 || head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new InputError(file, 'not-a-workbook', 'not a zip archive');
  }
}

/** The file's bytes when it is no larger than upTo (fewer if it shrank as it was read), else undefined. */
function readSmall({ closeSync, fstatSync, openSync, readSync }: typeof import('node:fs'), file: string, upTo: number): Buffer | undefined {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    checkStat(file, stat);
    if (stat.size > upTo) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return at < bytes.length ? bytes.subarray(0, at) : bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * The zip's entries, read from its central directory by yauzl (through the handle, which yauzl
 * leaves open: the parts are read by entryBytes; or from a small file's bytes).
 */
function listEntries(ctx: Ctx): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    // decodeStrings: false so that yauzl does not reject entry names with a leading slash;
    // names are decoded below.
    const options = { lazyEntries: true, autoClose: false, decodeStrings: false };
    const opened = (err: Error | null, zip: yauzl.ZipFile) => {
      if (err) return reject(err);
      const entries = new Map<string, yauzl.Entry>();
      const done = (err2?: Error) => {
        zip.removeAllListeners('entry');
        zip.removeAllListeners('end');
        zip.removeAllListeners('error');
        // Not zip.close(): its reader would close the fd, which is the handle's to close.
        if (err2) reject(err2);
        else resolve(entries);
      };
      // A part in two entries is refused: which copy each reader takes is anyone's guess (opc.ts).
      const names = new Once(ctx.file, (first, second) =>
        first === second ? `two zip entries named ${shown(first)}` : `zip entries ${shown(first)} and ${shown(second)} name one part`,
      );
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileNameRaw.toString('utf8');
        const isPart = !name.endsWith('/');
        try {
          // A folder's entry too: under its other name, JSZip may take it for a part.
          checkUnicodePath(ctx.file, entry.fileNameRaw, name, entry.extraFields);
          if (isPart) names.add(entryKey(name), name);
        } catch (dup) {
          return done(dup as Error);
        }
        if (isPart) entries.set(partKey(name), entry);
        zip.readEntry();
      });
      zip.once('end', () => done());
      zip.once('error', done);
      zip.readEntry();
    };
    if (ctx.bytes) yauzl.fromBuffer(ctx.bytes, options, opened);
    else yauzl.fromFd(ctx.handle!.fd, options, opened);
  });
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
 * Inflated in 120 KiB chunks with up to 1 MiB kept ahead of the reader, so that zlib works on
 * the thread pool while the scanner works on the previous chunk. (yauzl's own inflate stream
 * hands out 16 KiB chunks; on an 80 MB sheet the round trips cost more than the inflating.) A
 * chunk of ASCII becomes a string of as many bytes, and under V8's 128 KiB a string is made in
 * the young generation, which a scavenge frees; 256 KiB strings went to the large-object space,
 * which only a full collection frees (a 1M-row sheet: read −10%, check −4–8%).
 */
const INFLATE_CHUNK = 120 * 1024;
const INFLATE_AHEAD = 1024 * 1024;
/** Stored bytes are read 256 KiB at a time: each read is a round trip through the event loop. */
const READ_BYTES = 256 * 1024;

const SMALLEST_CHUNK = 16 * 1024;

/** How the part is inflated: in chunks of chunkSize, up to ahead bytes kept before the reader. */
interface Pace {
  chunkSize: number;
  ahead: number;
}

const ROWS_PACE: Pace = { chunkSize: INFLATE_CHUNK, ahead: INFLATE_AHEAD };

/** The part's inflated bytes: its stored bytes, and the stream to read (the same one if stored). */
async function openPartStreams(ctx: Ctx, entry: yauzl.Entry, pace: Pace): Promise<Readable[]> {
  checkMethod(entry);
  const raw = await entryBytes(ctx, entry);
  if (entry.compressionMethod === 0) return [raw];
  // A small part gets a buffer its size: zlib allocates a whole chunk before it inflates a byte.
  // (A directory that understates the size only makes the chunks smaller.)
  const chunkSize = Math.min(pace.chunkSize, Math.max(SMALLEST_CHUNK, entry.uncompressedSize + 1));
  const inflate = zlib.createInflateRaw({ chunkSize, highWaterMark: pace.ahead } as zlib.ZlibOptions);
  // Errors of either stream reach the reader through the inflate stream.
  pipeline(raw, inflate, () => {});
  return [raw, inflate];
}

const LOCAL_HEADER = 0x04034b50;

/**
 * Where the entry's stored bytes lie: after its local header, as yauzl finds them. They are read
 * with positioned reads, so that any number of parts can be read at once through the one handle.
 */
async function entryRange(ctx: Ctx, entry: yauzl.Entry): Promise<{ start: number; end: number }> {
  const at = entry.relativeOffsetOfLocalHeader;
  const header = ctx.bytes ? ctx.bytes.subarray(at, at + 30) : Buffer.alloc(30);
  const bytesRead = ctx.bytes ? header.length : (await ctx.handle!.read(header, 0, 30, at)).bytesRead;
  if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) {
    throw new Error(`invalid local file header signature: 0x${header.readUInt32LE(0).toString(16)}`);
  }
  const start = entry.relativeOffsetOfLocalHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const end = start + entry.compressedSize;
  // As yauzl checks: data said to run past the end of the file is a damaged (or cut) file.
  if (end > ctx.size) throw new Error('file data overflows file bounds');
  return { start, end };
}

async function entryBytes(ctx: Ctx, entry: yauzl.Entry): Promise<Readable> {
  const { start, end } = await entryRange(ctx, entry);
  // From memory in the chunks a file is read in: a part pushed whole would be inflated whole.
  return ctx.bytes ? chunkStream(ctx.bytes, start, end, READ_BYTES) : new PositionedReads(ctx.handle!, start, end);
}

/**
 * A part this small (as the zip's directory gives both its sizes) is read in one read and inflated
 * in one call: a stream's round trips through the thread pool and the event loop cost more than
 * the inflating, and a folder of small workbooks is mostly such parts.
 */
const SMALL_STORED = 256 * 1024;
const SMALL_INFLATED = 4 * 1024 * 1024;

function isSmall(ctx: Ctx, entry: yauzl.Entry): boolean {
  return !ctx.streamAll && entry.compressedSize <= SMALL_STORED && entry.uncompressedSize <= SMALL_INFLATED;
}

/** A small part's inflated bytes; never more than its directory says (a zip that lies is damaged). */
async function smallPart(ctx: Ctx, name: string, entry: yauzl.Entry): Promise<Buffer> {
  checkMethod(entry);
  const { start, end } = await entryRange(ctx, entry);
  if (ctx.bytes) return inflatePart(name, entry, ctx.bytes.subarray(start, end));
  const stored = Buffer.allocUnsafe(end - start);
  for (let at = 0; at < stored.length; ) {
    const { bytesRead } = await ctx.handle!.read(stored, at, stored.length - at, start + at);
    if (bytesRead === 0) throw new Error('unexpected end of file');
    at += bytesRead;
  }
  return inflatePart(name, entry, stored);
}

function inflatePart(name: string, entry: yauzl.Entry, stored: Buffer): Buffer {
  let bytes: Buffer;
  if (entry.compressionMethod === 0) bytes = stored;
  else {
    try {
      // One byte over what the directory says is enough to know that it lies.
      bytes = zlib.inflateRawSync(stored, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw err;
      bytes = Buffer.alloc(entry.uncompressedSize + 1);
    }
  }
  if (bytes.length !== entry.uncompressedSize) {
    throw new Error(`${shown(name)}: ${bytes.length > entry.uncompressedSize ? 'more bytes' : `${bytes.length} bytes`} inflated, the zip's directory says ${entry.uncompressedSize}`);
  }
  return bytes;
}

function checkMethod(entry: yauzl.Entry): void {
  if (entry.isEncrypted()) throw new Error('the entry is encrypted');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new Error(`unsupported compression method: ${entry.compressionMethod}`);
  }
}

/** Bytes [pos, end) of a file, READ_BYTES at a time. A read still under way when destroyed is let finish and dropped. */
class PositionedReads extends Readable {
  constructor(
    private readonly handle: FileHandle,
    private pos: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: READ_BYTES });
  }

  override _read(): void {
    const len = Math.min(READ_BYTES, this.end - this.pos);
    if (len <= 0) {
      this.push(null);
      return;
    }
    const buf = Buffer.allocUnsafe(len);
    this.handle.read(buf, 0, len, this.pos).then(
      ({ bytesRead }) => {
        if (this.destroyed) return;
        if (bytesRead === 0) return void this.destroy(new Error('unexpected end of file'));
        this.pos += bytesRead;
        this.push(bytesRead < len ? buf.subarray(0, bytesRead) : buf);
      },
      (err: Error) => this.destroy(err),
    );
  }
}

/**
 * The part's inflated bytes, a chunk at a time, checked against --max-part-size as they come and
 * against the zip directory's size at the end.
 */
async function* partChunks(ctx: Ctx, name: string, entry: yauzl.Entry, pace = ROWS_PACE): AsyncGenerator<Buffer> {
  if (ctx.closed) throw closedError(ctx);
  // The zip's directory gives the size up front: a bomb that admits it is refused at once; one
  // that lies is stopped by the count of bytes actually inflated, below.
  const limit = partLimit(ctx.limits, entry.compressedSize);
  if (entry.uncompressedSize > limit) throw tooLarge(ctx, name, limit);
  if (isSmall(ctx, entry)) {
    let bytes: Buffer;
    try {
      bytes = await smallPart(ctx, name, entry);
    } catch (err) {
      throw ctx.closed ? closedError(ctx) : err;
    }
    // Handed out in the chunks a stream would give, so that rows come in batches of the same size.
    for (let at = 0; at < bytes.length; at += pace.chunkSize) {
      if (ctx.closed) throw closedError(ctx);
      yield bytes.subarray(at, at + pace.chunkSize);
    }
    return;
  }
  const streams = await openPartStreams(ctx, entry, pace);
  if (ctx.closed) {
    for (const s of streams) s.destroy();
    throw closedError(ctx);
  }
  for (const s of streams) ctx.active.add(s);
  let bytes = 0;
  try {
    for await (const chunk of streams[streams.length - 1] as AsyncIterable<Buffer>) {
      if (chunk.length === 0) continue;
      bytes += chunk.length;
      if (bytes > limit) throw tooLarge(ctx, name, limit);
      yield chunk;
    }
    // As yauzl checks when it inflates: the central directory's size must match.
    if (bytes !== entry.uncompressedSize) {
      throw new Error(`${shown(name)}: ${bytes} bytes inflated, the zip's directory says ${entry.uncompressedSize}`);
    }
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

/**
 * The part's text, decoded by one streaming TextDecoder so that a multi-byte character split
 * across two inflated chunks is still decoded whole (all-ASCII chunks that follow a chunk ending
 * in ASCII, where nothing can be split, skip it).
 */
async function* partText(ctx: Ctx, name: string, entry: yauzl.Entry): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let utf8 = false;
  /** Whether the decoder holds no part of a character: true after a chunk that ends in an ASCII byte. */
  let settled = false;
  for await (const chunk of partChunks(ctx, name, entry)) {
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
  const tail = decoder?.decode();
  if (tail) yield tail;
}

function tooLarge(ctx: Ctx, name: string, limit: number): InputError {
  const ratio = limit < ctx.limits.maxPartBytes ? `, ${ctx.limits.maxRatio} times its stored size` : '';
  return new InputError(ctx.file, 'too-large', `${shown(name)} inflates to more than ${limit} bytes${ratio}`);
}

/** A cell longer than --max-cell-length: refused, since keeping only its start would lose data unsaid. */
function tooLong(ctx: Ctx, where: string): InputError {
  return new InputError(ctx.file, 'cell-too-long', `${where} (> ${ctx.limits.maxCellChars})`);
}

function closedError(ctx: Ctx): InputError {
  return new InputError(ctx.file, 'not-found', 'the workbook has been closed');
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
  const parser = new SaxesParser({ fileName: shown(name) });
  const guard = new TokenGuard(tokenCap(ctx.limits.maxCellChars));
  parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes as Attrs));
  parser.on('closetag', (tag) => handler.close(localName(tag.name)));
  parser.on('text', (t) => handler.text(t));
  parser.on('cdata', (t) => handler.text(t));
  const write = (text: string | null) => {
    try {
      if (text === null) parser.close();
      else {
        guard.push(text);
        parser.write(text);
      }
    } catch (err) {
      // What a handler refuses (a duplicate) is said as it is, not as damaged XML.
      if (err instanceof InputError) throw err;
      if (err instanceof TokenTooLong) throw xmlInputError(ctx, name, err);
      throw inputErrorOf(ctx.file, 'bad-xml', err);
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
  merges: Merges;
}

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_SHARED_STRINGS = '/sharedStrings';
const REL_STYLES = '/styles';

interface Rel {
  target: string;
  type: string;
}

async function readBook(ctx: Ctx, options: OpenOptions): Promise<Book> {
  const workbookPath = await findWorkbookPath(ctx);
  const workbookEntry = findEntry(ctx, workbookPath);
  if (!workbookEntry) throw new InputError(ctx.file, 'not-a-workbook', 'no xl/workbook.xml in the archive');
  if (!workbookPath.toLowerCase().endsWith('.xml')) {
    throw new InputError(ctx.file, 'not-a-workbook', `unsupported workbook part ${shown(workbookPath)} (.xlsb?)`);
  }

  const listed: { name: string; hidden: boolean; rid: string | undefined; id: string | undefined }[] = [];
  let date1904 = false;
  let root: string | undefined;
  await parseWhole(ctx, workbookPath, workbookEntry, {
    open(name, attrs) {
      root ??= name;
      if (name === 'sheet') {
        const state = attrs.state;
        listed.push({ name: attrs.name ?? '', hidden: state === 'hidden' || state === 'veryHidden', rid: prefixedAttr(attrs, 'id'), id: attrs.sheetId });
      } else if (name === 'workbookPr') {
        date1904 = isTrue(attrs.date1904);
      }
    },
    close() {},
    text() {},
  });
  if (root !== 'workbook') throw new InputError(ctx.file, 'not-a-workbook', `${shown(workbookPath)} is not a workbook`);
  if (listed.length === 0) throw new InputError(ctx.file, 'no-sheets', 'the workbook lists no sheet');

  const dir = path.posix.dirname(workbookPath);
  const rels = await readRels(ctx, `${dir}/_rels/${path.posix.basename(workbookPath)}.rels`, dir);
  const sheets: SheetInfo[] = [];
  const parts = new Map<SheetInfo, string>();
  // Findings name a sheet, so two of one name (Excel compares them without case) could be either;
  // exceljs keeps one sheet of a sheetId, so the annotated copy would lose the other; two sheets of
  // one part would have each nominee checked twice.
  const names = new Once(ctx.file, (a, b) => (a === b ? `two sheets named ${shown(a)}` : `sheets ${shown(a)} and ${shown(b)} have one name (without case)`));
  const ids = new Once(ctx.file, (a, b) => `sheets ${shown(a)} and ${shown(b)} have one sheetId`);
  const sheetParts = new Once(ctx.file, (a, b) => `sheets ${shown(a)} and ${shown(b)} are one part`);
  for (const s of listed) {
    const target = s.rid === undefined ? undefined : rels.get(s.rid)?.target;
    if (target === undefined || !findEntry(ctx, target)) {
      throw new InputError(ctx.file, 'not-a-workbook', `the part of sheet ${shown(s.name)} is missing`);
    }
    names.add(s.name.toLowerCase(), s.name);
    if (s.id !== undefined) ids.add(s.id, s.name);
    sheetParts.add(partKey(target), s.name);
    const info: SheetInfo = { name: s.name, hidden: s.hidden };
    sheets.push(info);
    parts.set(info, target);
  }

  const merges = new Merges(ctx, sheets, parts);
  if (options.mergesAhead) for (const sheet of sheets) merges.of(sheet);
  const sst = await readSharedStrings(ctx, onlyRel(ctx, rels, REL_SHARED_STRINGS)?.target ?? `${dir}/sharedStrings.xml`);
  const xfKinds = await readStyles(ctx, onlyRel(ctx, rels, REL_STYLES)?.target ?? `${dir}/styles.xml`);
  return { sheets, parts, date1904, sst, xfKinds, merges };
}

async function findWorkbookPath(ctx: Ctx): Promise<string> {
  const rel = onlyRel(ctx, await readRels(ctx, '_rels/.rels', ''), REL_OFFICE_DOCUMENT);
  return rel && findEntry(ctx, rel.target) ? rel.target : 'xl/workbook.xml';
}

/**
 * The relationship of a type a package has one of (its workbook, the workbook's shared strings
 * and styles). Two to different parts are refused: taking the first would be a guess.
 */
function onlyRel(ctx: Ctx, rels: Map<string, Rel>, type: string): Rel | undefined {
  let found: Rel | undefined;
  for (const rel of rels.values()) {
    if (!rel.type.endsWith(type)) continue;
    if (found && partKey(found.target) !== partKey(rel.target)) {
      throw new InputError(ctx.file, 'duplicate-part', `two ${type.slice(1)} relationships, to ${shown(found.target)} and ${shown(rel.target)}`);
    }
    found ??= rel;
  }
  return found;
}

/** Relationships by Id, targets resolved to part names. An absent .rels part is an empty map. */
async function readRels(ctx: Ctx, relsPath: string, baseDir: string): Promise<Map<string, Rel>> {
  const rels = new Map<string, Rel>();
  const entry = findEntry(ctx, relsPath);
  if (!entry) return rels;
  // Every Id, external targets' too: readers that differ on which of two to keep differ on the part.
  const ids = new Once(ctx.file, (id) => `relationship Id ${shown(id)} twice in ${shown(relsPath)}`);
  await parseWhole(ctx, relsPath, entry, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      if (attrs.Id !== undefined) ids.add(attrs.Id, attrs.Id);
      if (attrs.TargetMode === 'External' || !attrs.Id || !attrs.Target) return;
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
  const reader = new SharedStringsReader(scanner);
  for await (const chunk of partChunks(ctx, partPath, entry)) scanned(ctx, partPath, () => reader.push(chunk));
  scanned(ctx, partPath, () => reader.finish());
  if (scanner.clipped) throw tooLong(ctx, `${shown(partPath)} ×${scanner.clipped}`);
  return scanner.strings;
}

/** Runs a scanner step, reporting malformed XML as the InputError 'bad-xml'. */
function scanned(ctx: Ctx, partPath: string, step: () => void): void {
  try {
    step();
  } catch (err) {
    if (err instanceof XmlError) throw xmlInputError(ctx, partPath, err);
    throw err;
  }
}

/** Malformed XML as the InputError 'bad-xml'; a token past its cap as 'token-too-long'. */
function xmlInputError(ctx: Ctx, partPath: string, err: XmlError): InputError {
  return new InputError(ctx.file, err instanceof TokenTooLong ? 'token-too-long' : 'bad-xml', `${shown(partPath)}: ${err.message}`);
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
    merges: (sheet) => book.merges.of(sheet).catch((err) => Promise.reject(asInputError(ctx.file, err))),
    close: () => closeZip(ctx),
  };
}

function sheetPart(ctx: Ctx, parts: Map<SheetInfo, string>, sheet: SheetInfo): { partPath: string; entry: yauzl.Entry } {
  const partPath = parts.get(sheet) ?? [...parts].find(([s]) => s.name === sheet.name)?.[1];
  if (partPath === undefined) throw new InputError(ctx.file, 'no-sheets', `no sheet named ${shown(sheet.name)}`);
  const entry = findEntry(ctx, partPath);
  if (!entry) throw new InputError(ctx.file, 'not-a-workbook', `${shown(partPath)} is missing`);
  return { partPath, entry };
}

/**
 * The sheets' merged ranges. Excel writes <mergeCells> after every row, so they are found in a
 * pass of their own over each sheet's text: inflating and searching it costs a fraction of
 * scanning its cells, and no XML is built. The passes run one sheet after another in workbook
 * order, and can run ahead, beside the reading of the shared strings and the rows: inflated in
 * large chunks, each takes the main thread only for a search with Buffer.indexOf per 2 MiB.
 */
class Merges {
  private readonly found = new Map<SheetInfo, Promise<MergeRange[]>>();
  /** The last pass asked for: the next waits for it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: Ctx,
    private readonly sheets: SheetInfo[],
    private readonly parts: Map<SheetInfo, string>,
  ) {}

  /** The sheet's merged ranges; its pass starts after those of the sheets asked for before it. */
  of(sheet: SheetInfo): Promise<MergeRange[]> {
    // Once the workbook is closed nothing more is read from it, whether or not a pass run ahead
    // had ended by then: what a caller gets must not depend on how fast the disk was.
    if (this.ctx.closed) return Promise.reject(closedError(this.ctx));
    const known = this.found.get(sheet) ?? this.found.get(this.sheets.find((s) => s.name === sheet.name)!);
    if (known) return known;
    const ctx = this.ctx;
    const pass = this.queue.then(() => readMerges(ctx, sheetPart(ctx, this.parts, sheet)));
    // A pass run ahead that nobody asks for (the sheet skipped, the file closed) fails unheard.
    pass.catch(() => {});
    this.queue = pass.catch(() => {});
    this.found.set(sheet, pass);
    return pass;
  }
}

const MERGE_NEEDLE = 'mergeCell';
/**
 * Inflated 2 MiB at a time: run ahead, the pass gets the main thread only between the chunks of
 * the part being read beside it, and at this pace it ends with the shared strings (1M rows).
 */
const MERGES_PACE: Pace = { chunkSize: 2 * 1024 * 1024, ahead: 2 * 1024 * 1024 };
/**
 * Bounded everywhere, so that each '<' costs at most a tag's length, and never past the next '<':
 * with `[^>]*?` a comment of `<mergeCell ` and no '>' cost, at each one, the rest of the chunk
 * (184 s for a 6 KB file).
 */
const MERGE_REF = /<(?:[\w.-]{1,64}:)?mergeCell\s[^<>]{0,256}?\bref\s*=\s*["']([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?["']/g;
/** More merged ranges than any real dossier has: past it the rest are not kept. */
const MAX_MERGES = 100_000;
/** What a chunk boundary may cut of a <mergeCell …/> tag. */
const MERGE_TAIL = 512;

async function readMerges(ctx: Ctx, { partPath, entry }: { partPath: string; entry: yauzl.Entry }): Promise<MergeRange[]> {
  const finder = new MergeFinder();
  for await (const chunk of partChunks(ctx, partPath, entry, MERGES_PACE)) finder.push(chunk);
  return finder.ranges;
}

/** The <mergeCell ref="…"/> tags of a part given a chunk of bytes at a time, wherever the chunks cut it. */
export class MergeFinder {
  readonly ranges: MergeRange[] = [];
  private readonly refs = new Set<string>();
  /** For a part in UTF-16 (null for UTF-8, every real one, which is searched as bytes). */
  private decoder: TextDecoder | null | undefined;
  /** The end of what came before: only it can still hold a tag cut in two. */
  private tail = '';

  /** The part's first byte, while it is all there is: its first two tell UTF-16 from UTF-8. */
  private first: Buffer | undefined;

  push(bytes: Buffer): void {
    let chunk = bytes;
    if (this.decoder === undefined) {
      if (this.first) chunk = Buffer.concat([this.first, chunk]);
      if (chunk.length < 2) {
        this.first = chunk;
        return;
      }
      this.first = undefined;
      const encoding = encodingOf(chunk);
      this.decoder = encoding === 'utf-8' ? null : new TextDecoder(encoding);
    }
    if (chunk.length === 0) return;
    let text: string;
    if (this.decoder) text = this.decoder.decode(chunk, { stream: true });
    else {
      // The tags are ASCII, which Latin-1 decodes byte for character as UTF-8 does; a chunk is
      // decoded only when it, or the tail kept of what came before, holds one. The rest of the
      // sheet is searched by Buffer.indexOf, without a string made of it.
      const head = chunk.toString('latin1', 0, Math.min(chunk.length, MERGE_NEEDLE.length));
      if (!(this.tail + head).includes(MERGE_NEEDLE) && chunk.indexOf(MERGE_NEEDLE) < 0) {
        this.tail = (this.tail + chunk.toString('latin1', Math.max(0, chunk.length - MERGE_TAIL))).slice(-MERGE_TAIL);
        return;
      }
      text = chunk.toString('latin1');
    }
    const window = this.tail + text;
    this.tail = window.slice(-MERGE_TAIL);
    if (!window.includes(MERGE_NEEDLE)) return;
    for (const m of window.matchAll(MERGE_REF)) {
      // A tag in the tail is seen again with the next chunk: remembered by its text.
      if (this.refs.has(m[0]) || this.ranges.length >= MAX_MERGES) continue;
      this.refs.add(m[0]);
      const r1 = Number(m[2]);
      const c1 = columnIndex(m[1]);
      this.ranges.push({ r1, c1, r2: m[4] ? Number(m[4]) : r1, c2: m[3] ? columnIndex(m[3]) : c1 });
    }
  }
}

async function closeZip(ctx: Ctx): Promise<void> {
  if (ctx.closed) return;
  ctx.closed = true;
  for (const stream of ctx.active) stream.destroy();
  ctx.active.clear();
  // A FileHandle closes once the reads under way on it have ended.
  await ctx.handle?.close().catch(() => {});
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
      if (scanner.clipped) throw tooLong(this.ctx, shown(this.sheet.name));
      this.rows = scanner.take();
      this.next_ = 0;
    }
    return true;
  }

  private open(): AsyncGenerator<string> {
    const { ctx, book, sheet } = this;
    const { partPath, entry } = sheetPart(ctx, book.parts, sheet);
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
    return new InputError(this.ctx.file, 'too-many-rows', `sheet ${shown(this.sheet.name)} has more than ${max} rows`);
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
  return inputErrorOf(file, 'truncated', err);
}

// ---------------------------------------------------------------------------------------------
// The zip's parts, for a copy made of the workbook part by part (report/annotate)

/** A workbook's zip opened part by part: each part's stored bytes, or its text within the limits. */
export interface ZipParts {
  /** The parts in the zip's order. */
  entries: yauzl.Entry[];
  /** The part's bytes as stored (compressed), never inflated. */
  stored(entry: yauzl.Entry): AsyncIterable<Buffer>;
  /** The part's text, inflated within the limits a check reads it in; its errors are InputErrors. */
  text(entry: yauzl.Entry): AsyncIterable<string>;
  close(): Promise<void>;
}

export async function openZipParts(given: Openable, limits: Partial<ReadLimits> = {}): Promise<ZipParts> {
  const file = nameOf(given);
  const { handle, size, bytes } = await sniff(given, SMALL_FILE);
  const ctx: Ctx = { file, handle, size, bytes, limits: { ...DEFAULT_LIMITS, ...limits }, entries: new Map(), active: new Set(), closed: false, streamAll: false };
  try {
    ctx.entries = await listEntries(ctx);
  } catch (err) {
    await closeZip(ctx);
    throw asInputError(file, err);
  }
  async function* guarded<T>(read: () => AsyncIterable<T>): AsyncGenerator<T> {
    try {
      yield* read();
    } catch (err) {
      throw asInputError(file, err);
    }
  }
  return {
    entries: [...ctx.entries.values()],
    stored: (entry) =>
      guarded(async function* () {
        checkMethod(entry);
        yield* (await entryBytes(ctx, entry)) as AsyncIterable<Buffer>;
      }),
    text: (entry) => guarded(() => partText(ctx, entry.fileNameRaw.toString('utf8'), entry)),
    close: () => closeZip(ctx),
  };
}
