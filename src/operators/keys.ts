/**
 * Keys held as hashes: what the rules over many rows remember of each (a nominee's name, kind and
 * unit; a collective's name) without keeping a string or an object per row.
 */
import { fold, foldCodes } from '../normalize/text.js';
import { grown } from '../arrays.js';

/**
 * Keys as their hashes (see KeyHasher) in an open-addressing table of typed arrays: no string or
 * object per key. A key is known by 84 bits of two independent hashes (a false match among a
 * million keys: about one chance in 10^13).
 */
export class KeySet {
  /**
   * Open addressing, at most half full: slot s is slots[2s] = entry + 1 (0: free) and
   * slots[2s + 1] = the entry's check hash. A probe compares the check in the slot it reads
   * and only then the entry's lookup hash: a million keys' arrays are far larger than the
   * processor's caches, and a key is mostly new, so most probes read one place, not three.
   */
  private slots = new Int32Array(2 * 2048);
  private hashOf = new Float64Array(1024);
  private check = new Int32Array(1024);
  /** Entries so far: entry i is the i-th key first added. */
  protected size = 0;

  /** Adds a key: gives its entry when it was there already, or -1 when it is new (its entry is then size - 1). */
  insert(hash: number, check: number): number {
    const found = this.probe(hash, check);
    if (found >= 0) return found;
    if (this.size === this.check.length) {
      const n = this.size * 2;
      this.hashOf = grown(this.hashOf, n);
      this.check = grown(this.check, n);
      this.grow(n);
    }
    const i = this.size++;
    this.hashOf[i] = hash;
    this.check[i] = check;
    const s = -1 - found;
    this.slots[2 * s] = i + 1;
    this.slots[2 * s + 1] = check;
    if (this.size * 4 > this.slots.length) this.rehash();
    return -1;
  }

  has(hash: number, check: number): boolean {
    return this.probe(hash, check) >= 0;
  }

  /** The key's entry, or -1 - the free slot where it would go. */
  private probe(hash: number, check: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let s = (hash >>> 0) & mask;
    for (let e = slots[2 * s]; e !== 0; e = slots[2 * (s = (s + 1) & mask)]) {
      if (slots[2 * s + 1] === check && this.hashOf[e - 1] === hash) return e - 1;
    }
    return -1 - s;
  }

  /** Makes room for n entries in what a subclass keeps per entry. */
  protected grow(n: number): void {}

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let i = 0; i < this.size; i++) {
      let s = (this.hashOf[i] >>> 0) & mask;
      while (slots[2 * s] !== 0) s = (s + 1) & mask;
      slots[2 * s] = i + 1;
      slots[2 * s + 1] = this.check[i];
    }
    this.slots = slots;
  }
}

/**
 * A key's hashes, taken part by part: 52 bits to look a key up (`lookup`), 32 to check it
 * (`check`). Each part is hashed on its own three ways (FNV-1a and two multiply-xorshifts) and
 * the parts are chained in order, so ["ab", "c"] and ["a", "bc"] differ. Text parts are hashed
 * folded (case, diacritics, spacing), without making the folded string. The parts after the
 * first (a kind, a unit) repeat down the rows: each position keeps its last text's hashes.
 */
export class KeyHasher {
  private a = 0;
  private b = 0;
  private c = 0;
  lookup = 0;
  check = 0;
  private codes = new Uint16Array(256);
  /** The part just hashed. */
  private pa = 0;
  private pb = 0;
  private pc = 0;
  /** Per part position: the last value hashed there, its hashes and length. */
  private readonly lastValue: unknown[];
  private readonly last: Int32Array;

  constructor(parts = 0) {
    this.lastValue = new Array<unknown>(parts).fill(undefined);
    this.last = new Int32Array(parts * 4);
  }

  reset(): void {
    this.a = 0x811c9dc5;
    this.b = 0x9e3779b9;
    this.c = 0x85ebca6b;
  }

  /**
   * Adds a cell's value as the key's part at `position` (< the constructor's `parts`): a text
   * folded, another value as its text, nothing as an empty part. Gives the part's length.
   */
  addPart(position: number, v: string | number | boolean | Date | undefined): number {
    if (position > 0 && v !== undefined && v === this.lastValue[position]) {
      const at = position * 4;
      this.pa = this.last[at];
      this.pb = this.last[at + 1];
      this.pc = this.last[at + 2];
      this.chain();
      return this.last[at + 3];
    }
    const length = v === undefined ? this.add('') : typeof v === 'string' ? this.addFolded(v) : this.add(String(v));
    if (position > 0) {
      const at = position * 4;
      this.lastValue[position] = v;
      this.last[at] = this.pa;
      this.last[at + 1] = this.pb;
      this.last[at + 2] = this.pc;
      this.last[at + 3] = length;
    }
    return length;
  }

  /** Adds fold(s); gives its length. */
  addFolded(s: string): number {
    if (s.length > this.codes.length) this.codes = new Uint16Array(s.length * 2);
    const n = foldCodes(s, this.codes);
    if (n < 0) return this.add(fold(s));
    this.part(this.codes, n);
    return n;
  }

  /** Adds s as it is; gives its length. */
  add(s: string): number {
    if (s.length > this.codes.length) this.codes = new Uint16Array(s.length * 2);
    for (let i = 0; i < s.length; i++) this.codes[i] = s.charCodeAt(i);
    this.part(this.codes, s.length);
    return s.length;
  }

  /** Ends the key: `lookup` and `check` hold its hashes. */
  finish(): void {
    const a = fmix(this.a);
    const b = fmix(this.b);
    this.lookup = (a >>> 0) * 0x100000 + ((b >>> 12) & 0xfffff);
    this.check = fmix(this.c) | 0;
  }

  private part(codes: Uint16Array, n: number): void {
    let a = 0x811c9dc5;
    let b = 0x9e3779b9;
    let c = 0x85ebca6b;
    for (let i = 0; i < n; i++) {
      const ch = codes[i];
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x5bd1e995);
      b ^= b >>> 15;
      c = Math.imul(c + ch, 0xc2b2ae35);
      c ^= c >>> 13;
    }
    this.pa = a;
    this.pb = b;
    this.pc = c ^ n;
    this.chain();
  }

  /** Chains the part just hashed onto the key: each hash is rotated and multiplied, so order counts. */
  private chain(): void {
    this.a = Math.imul(((this.a << 13) | (this.a >>> 19)) ^ this.pa, 0x9e3779b1);
    this.b = Math.imul(((this.b << 11) | (this.b >>> 21)) + this.pb, 0x85ebca77);
    this.c = Math.imul(((this.c << 17) | (this.c >>> 15)) ^ this.pc, 0xc2b2ae3d);
  }
}

/** MurmurHash3's finaliser: every bit of the input reaches every bit of the output. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
