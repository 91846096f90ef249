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
proto.latin1Slice = function (this: Uint8Array, start, end) {
  return fromCodes(this.subarray(start, end));
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

export { Buffer };
