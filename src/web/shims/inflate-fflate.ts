/**
 * Raw inflate in JavaScript, by fflate (already a dependency, for the zips hoso writes): whole, as
 * zlib.inflateRawSync, and as a stream where the browser has no native one. Errors are Node's: the
 * same message and code for the same fault, so an unreadable file gives the page the reason line
 * the command line gives.
 */
import { Buffer } from 'buffer';
import { Transform, type TransformCallback } from 'readable-stream';
import { Inflate } from 'fflate';

/** fflate's error codes → zlib's message and code for the same fault (zlib says more kinds; these are its nearest). */
const ZLIB_ERRORS: Record<number, [string, string, number]> = {
  0: ['unexpected end of file', 'Z_BUF_ERROR', -5],
  1: ['invalid block type', 'Z_DATA_ERROR', -3],
  2: ['invalid literal/length code', 'Z_DATA_ERROR', -3],
  3: ['invalid distance code', 'Z_DATA_ERROR', -3],
};

export function zlibError(e: unknown): Error {
  const known = ZLIB_ERRORS[(e as { code?: number })?.code ?? -1];
  if (!known) return e instanceof Error ? e : new Error(String(e));
  return Object.assign(new Error(known[0]), { code: known[1], errno: known[2] });
}

export const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Input is inflated this much at a time: a 20 MB part pushed whole would come out as one chunk of hundreds. */
const SLICE = 64 * 1024;

/** As zlib.inflateRawSync, with `maxOutputLength` refused as Node refuses it (a RangeError, ERR_BUFFER_TOO_LARGE). */
export function inflateRawSync(input: Uint8Array, options: { maxOutputLength?: number } = {}): Buffer {
  const max = options.maxOutputLength ?? Infinity;
  const parts: Uint8Array[] = [];
  let length = 0;
  const inflate = new Inflate((chunk) => {
    length += chunk.length;
    if (length > max) throw Object.assign(new RangeError(`Cannot create a Buffer larger than ${max} bytes`), { code: 'ERR_BUFFER_TOO_LARGE' });
    parts.push(chunk);
  });
  try {
    for (let at = 0; at < input.length; at += SLICE) inflate.push(input.subarray(at, Math.min(at + SLICE, input.length)), false);
    inflate.push(new Uint8Array(0), true);
  } catch (e) {
    throw (e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? e : zlibError(e);
  }
  return parts.length === 1 ? asBuffer(parts[0]) : Buffer.concat(parts.map(asBuffer), length);
}

/**
 * As zlib.createInflateRaw: output in chunks of at most `chunkSize`, and a large input chunk
 * inflated a slice at a time, waiting while the reader is `highWaterMark` behind, so memory stays
 * what Node's stream holds.
 */
export class FflateInflateRaw extends Transform {
  private readonly inflate: Inflate;
  private readonly chunkSize: number;
  private full = false;
  private pending?: () => void;

  constructor(options: { chunkSize?: number; highWaterMark?: number } = {}) {
    super({ highWaterMark: options.highWaterMark ?? 16 * 1024 });
    this.chunkSize = options.chunkSize ?? 16 * 1024;
    this.inflate = new Inflate((data) => {
      for (let at = 0; at < data.length; at += this.chunkSize) this.full = !this.push(asBuffer(data.subarray(at, Math.min(at + this.chunkSize, data.length))));
    });
  }

  override _transform(chunk: Uint8Array, _encoding: string, done: TransformCallback): void {
    let at = 0;
    const step = () => {
      this.full = false;
      try {
        while (at < chunk.length) {
          const end = Math.min(at + SLICE, chunk.length);
          this.inflate.push(chunk.subarray(at, end), false);
          at = end;
          if (this.full && at < chunk.length) {
            this.pending = step;
            return;
          }
        }
      } catch (e) {
        done(zlibError(e));
        return;
      }
      done();
    };
    step();
  }

  override _flush(done: TransformCallback): void {
    try {
      this.inflate.push(new Uint8Array(0), true);
      done();
    } catch (e) {
      done(zlibError(e));
    }
  }

  override _read(size: number): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) pending();
    else super._read(size);
  }
}

