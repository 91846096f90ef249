/**
 * The `buffer` package's Buffer with the coders Node's Buffer has under `toString` and `write`,
 * which the sheet scanner calls directly for speed (src/read/sheet-scanner.ts, RawBuffer): each
 * gives what Node's gives, code unit for code unit.
 */
import { Buffer } from 'buffer';

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();
/** String.fromCharCode takes its arguments on the stack: this many at a time. */
const SPREAD = 8192;

function fromCodes(codes: Uint8Array | Uint16Array): string {
  if (codes.length <= SPREAD) return String.fromCharCode.apply(null, codes as unknown as number[]);
  let s = '';
  for (let at = 0; at < codes.length; at += SPREAD) s += String.fromCharCode.apply(null, codes.subarray(at, at + SPREAD) as unknown as number[]);
  return s;
}

interface Coders {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
  ucs2Slice(start: number, end: number): string;
  utf8Write(text: string, offset: number): number;
  ucs2Write(text: string, offset: number): number;
}

const proto = Buffer.prototype as unknown as Uint8Array & Coders;
// The browser's "latin1" decoder is windows-1252, which differs from Latin-1 in 0x80–0x9F alone.
const windows1252 = new TextDecoder('latin1');
proto.latin1Slice = function (this: Uint8Array, start, end) {
  const bytes = this.subarray(start, end);
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80 && bytes[i] < 0xa0) return fromCodes(bytes);
  return windows1252.decode(bytes);
};
proto.utf8Slice = function (this: Uint8Array, start, end) {
  return utf8.decode(this.subarray(start, end));
};
proto.ucs2Slice = function (this: Uint8Array, start, end) {
  const n = (end - start) >> 1;
  const at = this.byteOffset + start;
  if (at % 2 === 0) return fromCodes(new Uint16Array(this.buffer, at, n));
  const units = new Uint16Array(n);
  for (let k = 0; k < n; k++) units[k] = this[start + 2 * k] | (this[start + 2 * k + 1] << 8);
  return fromCodes(units);
};
proto.utf8Write = function (this: Uint8Array, text, offset) {
  return encoder.encodeInto(text, this.subarray(offset)).written ?? 0;
};
proto.ucs2Write = function (this: Uint8Array, text, offset) {
  const n = Math.min(text.length, (this.length - offset) >> 1);
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    this[offset + 2 * k] = c & 0xff;
    this[offset + 2 * k + 1] = c >> 8;
  }
  return 2 * n;
};

// toString and indexOf are what the readers call on every chunk of a sheet: the package's own build
// strings a character at a time and turns a string needle into a new buffer on every call. These
// take the same arguments and give the same answers, by the coders above and the native indexOf.
const slowToString = proto.toString as (this: Uint8Array, encoding?: string, start?: number, end?: number) => string;
proto.toString = function (this: Uint8Array & Coders, encoding?: string, start?: number, end?: number): string {
  const from = start === undefined || start < 0 ? 0 : start | 0;
  const to = end === undefined || end > this.length ? this.length : end | 0;
  if (to <= from) return '';
  const e = encoding === undefined ? 'utf8' : encoding.toLowerCase();
  if (e === 'utf8' || e === 'utf-8') return this.utf8Slice(from, to);
  if (e === 'latin1' || e === 'binary') return this.latin1Slice(from, to);
  if (e === 'ucs2' || e === 'ucs-2' || e === 'utf16le' || e === 'utf-16le') return this.ucs2Slice(from, to - ((to - from) & 1));
  return slowToString.call(this, encoding, start, end);
} as typeof proto.toString;

const nativeIndexOf = Uint8Array.prototype.indexOf;
const slowIndexOf = proto.indexOf as (this: Uint8Array, value: unknown, byteOffset?: unknown, encoding?: unknown) => number;
const ONE_BYTE = new Set([undefined, 'utf8', 'utf-8', 'latin1', 'binary', 'ascii']);

/** Where `needle` (bytes, or a string of ASCII characters, compared by char code) first stands at or after `from`. */
function search(hay: Uint8Array, needle: Uint8Array | string, from: number): number {
  const n = needle.length;
  const at = (k: number) => (typeof needle === 'string' ? needle.charCodeAt(k) : needle[k]);
  const first = at(0);
  for (let i = nativeIndexOf.call(hay, first, from); i >= 0 && i <= hay.length - n; i = nativeIndexOf.call(hay, first, i + 1)) {
    let k = 1;
    while (k < n && hay[i + k] === at(k)) k++;
    if (k === n) return i;
  }
  return -1;
}

proto.indexOf = function (this: Uint8Array, value: unknown, byteOffset?: unknown, encoding?: unknown): number {
  const plain = (byteOffset === undefined || typeof byteOffset === 'number') && ONE_BYTE.has(encoding as string | undefined);
  const ascii = typeof value === 'string' && value.length > 0 && /^[\x00-\x7f]*$/.test(value);
  const bytes = value instanceof Uint8Array && value.length > 0;
  if (!plain || !(typeof value === 'number' || ascii || bytes)) return slowIndexOf.call(this, value, byteOffset, encoding);
  let from = (byteOffset as number | undefined) ?? 0;
  if (from < 0) from = Math.max(this.length + from, 0);
  if (typeof value === 'number') return nativeIndexOf.call(this, value & 0xff, from);
  return search(this, value as Uint8Array | string, from);
} as typeof proto.indexOf;

export { Buffer };
