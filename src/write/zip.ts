/**
 * The zip writer under every workbook hoso writes (annotated copies, reports, templates): fflate's
 * streaming `Zip`, which runs in Node and in a browser page alike. Parts are written one after
 * another straight to a sink, so a part of any size costs only the chunk in hand. How a part is
 * compressed is the caller's choice (see zip-node.ts: Node's own zlib is several times faster
 * than deflate in JavaScript); a part copied from another zip keeps its compressed bytes as they
 * are.
 */
import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';

/** The bytes fflate's handlers take. */
export type Bytes = Parameters<AsyncFlateStreamHandler>[1];

/** Receives the zip's bytes in order; written synchronously, so nothing piles up in memory. */
export type Sink = (chunk: Uint8Array) => void;

/** A part being written: fflate's file streams and ours share this shape. */
export interface PartFile extends ZipInputFile {
  push(chunk: Uint8Array, final?: boolean): void;
}

/** Makes the stream that compresses one part. */
export type Deflater = (name: string) => PartFile;

/**
 * Excel's own zips date every part 1 January 1980: so do ours, so that the same input and
 * findings give the same bytes (a copy can be compared, a test can expect a digest).
 */
export const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** fflate's deflate, for where Node's zlib is not (a browser page). */
export const portableDeflater: Deflater = (name) => {
  const file = new ZipDeflate(name, { level: 1 });
  file.mtime = ZIP_TIME;
  return file;
};

/**
 * The deflater for a workbook made in memory: Node's zlib when this runs on Node (zip-node.ts),
 * else fflate's. zip-node.ts is loaded only on Node, so that a page's bundle never needs zlib to
 * write.
 */
export async function platformDeflater(): Promise<Deflater> {
  return globalThis.process?.versions?.node ? (await import('./zip-node.js')).nodeDeflater : portableDeflater;
}

/** The bytes `produce` hands its sink, joined into one array once it is done. */
export async function gathered(produce: (sink: Sink) => void | Promise<void>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  await produce((chunk) => {
    chunks.push(chunk);
    length += chunk.length;
  });
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * A part copied from another zip as it is stored there: its compressed bytes, CRC and size are
 * the original's, so the part is byte for byte what the input held without being inflated.
 */
export class StoredPart implements PartFile {
  ondata!: AsyncFlateStreamHandler;
  mtime = ZIP_TIME;
  constructor(
    readonly filename: string,
    readonly crc: number,
    readonly size: number,
    readonly compression: number,
  ) {}
  push(chunk: Uint8Array, final = false): void {
    this.ondata(null, chunk as Bytes, final);
  }
}

/** Writes text to a part in pieces of about this many characters: fewer, larger pushes deflate faster. */
const BATCH = 1 << 18;
const encoder = new TextEncoder();

/** A part written piece by piece, its text gathered into batches before it is encoded. */
export class PartWriter {
  private pending: string[] = [];
  private length = 0;
  constructor(private readonly file: PartFile) {}

  write(text: string): void {
    this.pending.push(text);
    this.length += text.length;
    if (this.length >= BATCH) this.flush(false);
  }

  bytes(chunk: Uint8Array): void {
    this.flush(false);
    this.file.push(chunk, false);
  }

  end(): void {
    this.flush(true);
  }

  private flush(final: boolean): void {
    if (!this.length && !final) return;
    const chunk = encoder.encode(this.pending.join(''));
    this.pending = [];
    this.length = 0;
    this.file.push(chunk, final);
  }
}

/**
 * A zip written part after part to a sink. Only one part may be open at a time: a second part
 * added before the first has ended would be held in memory until it did.
 */
export class PackageWriter {
  private readonly zip: Zip;
  private failure: Error | undefined;
  private open: string | undefined;

  constructor(
    sink: Sink,
    private readonly deflater: Deflater = portableDeflater,
  ) {
    this.zip = new Zip((err, chunk) => {
      if (err) this.failure ??= err;
      else if (chunk.length) sink(chunk);
    });
  }

  /** A whole part at once: an XML text or bytes. */
  part(name: string, data: string | Uint8Array): void {
    const w = this.stream(name);
    if (typeof data === 'string') w.write(data);
    else w.bytes(data);
    w.end();
  }

  /** A part whose text `make` writes in pieces; it ends when make returns. */
  piecewise(name: string, make: (write: (text: string) => void) => void): void {
    const w = this.stream(name);
    make((text) => w.write(text));
    w.end();
  }

  /** A part written in pieces; end it before the next part is begun. */
  stream(name: string): PartWriter {
    return new PartWriter(this.begin(this.deflater(name)));
  }

  /** A part copied in its stored form (StoredPart): push its compressed bytes, the last with final. */
  stored(file: StoredPart): StoredPart {
    return this.begin(file);
  }

  /** Ends the zip (its central directory) once every part has ended. */
  end(): void {
    this.zip.end();
    this.check();
  }

  private begin<T extends PartFile>(file: T): T {
    this.check();
    if (this.open) throw new Error(`zip part ${this.open} was not ended before ${file.filename}`);
    this.open = file.filename;
    const push = file.push.bind(file);
    file.push = (chunk, final = false) => {
      push(chunk, final);
      if (final) this.open = undefined;
      this.check();
    };
    this.zip.add(file);
    return file;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
