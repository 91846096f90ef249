/** Typed arrays that grow, and strings numbered: the tables the reader, the rules and the reports keep per string or per key. */

type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

/** A longer copy of a typed array, of the same type: its elements, then zeros up to `length`. */
export function grown<A extends Typed>(a: A, length: number): A {
  if (length < a.length) throw new RangeError(`cannot grow an array of ${a.length} to ${length}`);
  const b = new (a.constructor as new (n: number) => A)(length);
  b.set(a);
  return b;
}

/** Strings numbered in the order first seen. */
export class Interned {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  of(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(key);
      this.index.set(key, i);
    }
    return i;
  }

  /** The number of a key seen before, or -1. */
  find(key: string): number {
    return this.index.get(key) ?? -1;
  }
}
