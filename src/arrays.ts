/** Typed arrays that grow: the tables the reader and the rules keep per string or per key. */

type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

/** A longer copy of a typed array, of the same type: its elements, then zeros up to `length`. */
export function grown<A extends Typed>(a: A, length: number): A {
  if (length < a.length) throw new RangeError(`cannot grow an array of ${a.length} to ${length}`);
  const b = new (a.constructor as new (n: number) => A)(length);
  b.set(a);
  return b;
}
