/**
 * node:util in the browser build: what the bundled CommonJS packages ask of it (yauzl's
 * `util.inherits`), and the text codecs every browser has.
 */
export function inherits(ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }): void {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}
export function deprecate<F>(fn: F): F {
  return fn;
}
export function inspect(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
export function debuglog(): (...args: unknown[]) => void {
  return () => {};
}
export const TextDecoder = globalThis.TextDecoder;
export const TextEncoder = globalThis.TextEncoder;
export default { inherits, deprecate, inspect, debuglog, TextDecoder, TextEncoder };
