/** node:buffer in the browser build: the `buffer` package, and isAscii, which it lacks. */
import { Buffer } from './buffer-class.js';

export { Buffer };
export { SlowBuffer, kMaxLength, INSPECT_MAX_BYTES } from 'buffer';

/** As Node's buffer.isAscii: every byte below 0x80. */
export function isAscii(bytes: ArrayBufferView | ArrayBuffer): boolean {
  const b = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}
export default { Buffer, isAscii };
