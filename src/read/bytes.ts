/**
 * A dossier given as bytes with a name, rather than as a path: what the library API and the
 * offline page hand the readers. The readers take either (`Openable`), read bytes from memory
 * where they would read the file, and name the file by `name` in every finding and reason.
 * Nothing here touches the file system: the browser bundle has none.
 */
import { Readable } from 'node:stream';

/** The bytes of a file: in memory, or a Blob (a browser's File), read when the file is opened. */
export type FileData = Uint8Array | ArrayBuffer | Blob;

export interface NamedBytes {
  /** What findings and reasons call the file: its name, or its relative path in a dropped folder. */
  name: string;
  data: FileData;
}

/** What a reader opens: a path, or bytes with a name. */
export type Openable = string | NamedBytes;

export function nameOf(file: Openable): string {
  return typeof file === 'string' ? file : file.name;
}

function isBlob(data: FileData): data is Blob {
  return typeof Blob !== 'undefined' && data instanceof Blob;
}

/** The data's size in bytes, without reading a Blob. */
export function sizeOfData(data: FileData): number {
  return isBlob(data) ? data.size : data.byteLength;
}

/** The data as a Buffer over the same memory (no copy); a Blob is read whole, now. */
export async function bufferOf(data: FileData): Promise<Buffer> {
  if (Buffer.isBuffer(data)) return data;
  if (isBlob(data)) return Buffer.from(await data.arrayBuffer());
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Bytes [start, end) of the data, clipped to its size: of a Blob only that slice is read, so that
 * sniffing a file (is it hoso's own output?) never reads all of it.
 */
export async function rangeOf(data: FileData, start: number, end: number): Promise<Buffer> {
  if (isBlob(data)) return Buffer.from(await data.slice(start, end).arrayBuffer());
  return (await bufferOf(data)).subarray(start, end);
}

/**
 * Bytes [start, end) as a stream of `size`-byte chunks, handed out as the reader asks: a part
 * pushed whole into an inflater would be inflated whole, past any backpressure.
 */
export function chunkStream(bytes: Buffer, start: number, end: number, size: number): Readable {
  let at = start;
  return new Readable({
    highWaterMark: size,
    read() {
      if (at >= end) {
        this.push(null);
        return;
      }
      const next = Math.min(end, at + size);
      this.push(bytes.subarray(at, next));
      at = next;
    },
  });
}
