/**
 * Whether a workbook met in a folder is one hoso wrote (see write/mark.ts): an annotated copy, a
 * report or a template, which a later check of the folder passes over rather than take for a
 * dossier. Asked of every .xlsx a walk meets, so it reads only what it must, synchronously (or of
 * a Blob, its slices): the zip's end record, its central directory, and the two document-property
 * parts, each a few hundred bytes. Anything unexpected — not a zip, a part too large, a name held twice, damage —
 * answers "not hoso's", and the file is checked: the reader then says what is wrong with it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import zlib from 'node:zlib';
import { SaxesParser } from 'saxes';
import { partKey } from './opc.js';
import { rangeOf, sizeOfData, type FileData } from './bytes.js';
import { APP_PROPS_PART, CUSTOM_PROPS_PART, MARK_APPLICATION, MARK_PROPERTY, type OutputKind } from '../write/mark.js';

const END_RECORD = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record (22 bytes) and the longest comment a zip may end with. */
const TAIL = 22 + 0xffff;
const SHORT_TAIL = 1024;
/** A workbook's directory is some hundred bytes a part; one larger than this is no output of hoso's. */
const MAX_DIRECTORY = 4 * 1024 * 1024;
/** hoso's property parts are under a kilobyte; an annotated copy keeps the input's custom properties beside its mark. */
const MAX_PROPERTIES = 1024 * 1024;
const KINDS: readonly OutputKind[] = ['annotated-copy', 'report', 'template'];

interface Entry {
  method: number;
  stored: number;
  size: number;
  local: number;
}

/**
 * The reads the answer takes, as a generator: it yields each range it needs and is given its
 * bytes (exactly `length` of them, or an exception), so that one reading serves a file read
 * synchronously and bytes read from a Blob a slice at a time.
 */
type Reads<T> = Generator<{ length: number; position: number }, T, Buffer>;

/** What hoso wrote the file as, when it carries the mark and was last saved by hoso; undefined otherwise. */
export function hosoOutput(file: string): OutputKind | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const reads = markOf(fstatSync(fd).size);
    for (let step = reads.next(); ; ) {
      if (step.done) return step.value;
      step = reads.next(readAt(fd, step.value.length, step.value.position));
    }
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The same of a file given as bytes: of a Blob, only the ranges the answer needs are read. */
export async function hosoOutputOf(data: FileData): Promise<OutputKind | undefined> {
  try {
    const reads = markOf(sizeOfData(data));
    for (let step = reads.next(); ; ) {
      if (step.done) return step.value;
      const { length, position } = step.value;
      const bytes = await rangeOf(data, position, position + length);
      if (bytes.length < length) throw new Error('unexpected end of file');
      step = reads.next(bytes);
    }
  } catch {
    return undefined;
  }
}

function* markOf(size: number): Reads<OutputKind | undefined> {
  const parts = yield* propertyEntries(size);
  if (!parts) return undefined;
  const [app, custom] = parts;
  if (textOf(yield* inflated(app), 'Application') !== MARK_APPLICATION) return undefined;
  const kind = textOf(yield* inflated(custom), 'property', MARK_PROPERTY)?.split(' ')[0];
  return KINDS.find((k) => k === kind);
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  for (let at = 0; at < length; ) {
    const n = readSync(fd, buf, at, length - at, position + at);
    if (n === 0) throw new Error('unexpected end of file');
    at += n;
  }
  return buf;
}

/** The entries of docProps/app.xml and docProps/custom.xml, each found once; undefined when either is missing or doubled. */
function* propertyEntries(size: number): Reads<[Entry, Entry] | undefined> {
  if (size < 22) return undefined;
  // The end record is the last 22 bytes but for a comment, which workbooks seldom have: a short
  // read finds it, the longest only when there is one.
  let tail: Buffer = Buffer.alloc(0);
  let end = -1;
  for (const want of [SHORT_TAIL, TAIL]) {
    const tailLength = Math.min(size, want);
    if (tailLength <= tail.length) break;
    tail = yield { length: tailLength, position: size - tailLength };
    end = tail.length - 22;
    while (end >= 0 && tail.readUInt32LE(end) !== END_RECORD) end--;
    if (end >= 0) break;
  }
  if (end < 0) return undefined;
  const length = tail.readUInt32LE(end + 12);
  const offset = tail.readUInt32LE(end + 16);
  // A zip64 directory (offset 0xFFFFFFFF) is past 4 GiB: hoso's zip writer never writes one.
  if (length > MAX_DIRECTORY || offset + length > size) return undefined;
  const dir = yield { length, position: offset };
  const wanted = [partKey(APP_PROPS_PART), partKey(CUSTOM_PROPS_PART)];
  const found: (Entry | undefined)[] = [undefined, undefined];
  for (let p = 0; p + 46 <= dir.length && dir.readUInt32LE(p) === DIRECTORY_ENTRY; ) {
    const nameLength = dir.readUInt16LE(p + 28);
    const i = wanted.indexOf(partKey(dir.toString('utf8', p + 46, p + 46 + nameLength)));
    if (i >= 0) {
      if (found[i]) return undefined;
      found[i] = { method: dir.readUInt16LE(p + 10), stored: dir.readUInt32LE(p + 20), size: dir.readUInt32LE(p + 24), local: dir.readUInt32LE(p + 42) };
    }
    p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  const [app, custom] = found;
  return app && custom ? [app, custom] : undefined;
}

/** A small part's text; throws on anything but a small stored or deflated part. */
function* inflated(e: Entry): Reads<string> {
  if (e.size > MAX_PROPERTIES || e.stored > MAX_PROPERTIES || (e.method !== 0 && e.method !== 8)) throw new Error('not a property part');
  const header = yield { length: 30, position: e.local };
  if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error('no local header');
  const raw = yield { length: e.stored, position: e.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28) };
  return (e.method === 8 ? zlib.inflateRawSync(raw, { maxOutputLength: MAX_PROPERTIES }) : raw).toString('utf8');
}

/**
 * The text of the first element of that local name — with `named`, the first one whose name
 * attribute is that (a custom property) — or undefined.
 */
function textOf(xml: string, element: string, named?: string): string | undefined {
  const parser = new SaxesParser();
  let depth = 0;
  let text: string | undefined;
  let done = false;
  parser.on('opentag', (tag) => {
    if (done) return;
    if (depth > 0) depth++;
    else if (tag.name.replace(/^.*:/, '') === element && (named === undefined || tag.attributes.name === named)) {
      depth = 1;
      text = '';
    }
  });
  parser.on('text', (t) => {
    if (depth > 0 && !done) text += t;
  });
  parser.on('closetag', () => {
    if (depth > 0 && --depth === 0) done = true;
  });
  parser.write(xml).close();
  return text?.trim();
}
