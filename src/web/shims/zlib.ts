/**
 * node:zlib in the browser build: what the readers use — raw inflate, whole or as a stream, CRC-32
 * — and raw deflate. The stream is the browser's own inflater (DecompressionStream) where it has
 * one, fflate's otherwise; whole parts and every error are fflate's (inflate-fflate.ts).
 */
import { Buffer } from 'buffer';
import type { Transform } from 'readable-stream';
import { deflateSync } from 'fflate';
import { FflateInflateRaw, asBuffer, inflateRawSync } from './inflate-fflate.js';
import { NativeInflateRaw, nativeInflate } from './inflate-native.js';

export { inflateRawSync };

export const constants = { Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_OK: 0, Z_STREAM_END: 1, Z_DATA_ERROR: -3, Z_BUF_ERROR: -5 };

export function deflateRawSync(input: Uint8Array, options: { level?: number } = {}): Buffer {
  return asBuffer(deflateSync(input, { level: (options.level ?? 6) as 6 }));
}

export function createInflateRaw(options?: { chunkSize?: number; highWaterMark?: number }): Transform {
  return nativeInflate() ? new NativeInflateRaw(options) : new FflateInflateRaw(options);
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** As zlib.crc32 (Node 20.15): the CRC-32 of a zip, continued from `value`. */
export function crc32(data: Uint8Array | string, value = 0): number {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  let c = ~value;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export default { constants, inflateRawSync, deflateRawSync, createInflateRaw, crc32 };
