/**
 * A raw-inflate stream over the browser's own inflater (DecompressionStream 'deflate-raw'),
 * several times faster than inflating in JavaScript: the sheets of a large workbook are most of
 * what a check inflates. It gives what Node's zlib stream gives. Where the two could differ — a
 * fault in the data, which the browser names in words of its own, or bytes after the end of the
 * deflate stream, which zlib leaves and the browser refuses — the part's stored bytes (held
 * already: the page reads each file whole) are inflated again by fflate, whose outcome and errors
 * are Node's (inflate-fflate.ts): the rest of its output, or its error.
 */
import { Transform, type TransformCallback } from 'readable-stream';
import { asBuffer, inflateRawSync } from './inflate-fflate.js';

let native: boolean | undefined;

/** Whether this browser inflates raw deflate itself (Chromium 103, Firefox 113, Safari 16.4 on). */
export function nativeInflate(): boolean {
  if (native === undefined) {
    try {
      new DecompressionStream('deflate-raw' as CompressionFormat);
      native = true;
    } catch {
      native = false;
    }
  }
  return native;
}

export class NativeInflateRaw extends Transform {
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  /** The input so far, for fflate to inflate again should the browser refuse it. */
  private readonly input: Uint8Array[] = [];
  private given = 0;
  private failed = false;
  /** The output reading waits on while the reader of this stream is behind. */
  private wake?: () => void;
  private readonly pumping: Promise<void>;

  constructor(options: { highWaterMark?: number } = {}) {
    super({ highWaterMark: options.highWaterMark ?? 16 * 1024 });
    const inflater = new DecompressionStream('deflate-raw' as CompressionFormat);
    this.writer = inflater.writable.getWriter();
    this.reader = inflater.readable.getReader();
    this.pumping = this.pump();
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await this.reader.read();
        if (done) return;
        this.given += value.length;
        if (!this.push(asBuffer(value))) await new Promise<void>((wake) => (this.wake = wake));
      }
    } catch {
      this.failed = true;
    }
  }

  override _transform(chunk: Uint8Array, _encoding: string, done: TransformCallback): void {
    this.input.push(chunk);
    // A write the inflater refuses is said at the end, by fflate (see _flush).
    // Chunks are views of a file read whole: never shared memory.
    this.writer.write(chunk as Uint8Array<ArrayBuffer>).then(
      () => done(),
      () => done(),
    );
  }

  override _flush(done: TransformCallback): void {
    this.writer.close().catch(() => {});
    void this.pumping.then(() => {
      if (!this.failed) return done();
      try {
        const whole = inflateRawSync(concat(this.input));
        if (whole.length > this.given) this.push(whole.subarray(this.given));
        done();
      } catch (e) {
        done(e as Error);
      }
    });
  }

  override _read(size: number): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
    super._read(size);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.reader.cancel().catch(() => {});
    this.writer.abort().catch(() => {});
    done(error);
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
