import { z } from 'zod';
import { ColumnKey } from '../rules/schema.js';
import { fold, foldCodes } from '../normalize/text.js';
import type { Place } from '../engine/types.js';
import { defineOperator } from './types.js';
import { describePlaces } from './places.js';
import { grown } from '../arrays.js';

/**
 * No nominee listed twice: the same name, kind and unit (compared without regard to case,
 * diacritics form or spacing) in one file, or across every file checked together. Each listing
 * of a duplicate gets a finding that names the others. Only the keys are kept, never the rows.
 *
 * A name pasted into thousands of rows must not cost thousands of findings each naming thousands
 * of places: each key keeps its first MAX_LISTINGS places and a count, each of those listings gets
 * a finding naming at most MAX_RELATED others, and the message gives the full count.
 */
const MAX_RELATED = 20;
const MAX_LISTINGS = 100;

export const unique = defineOperator({
  kind: 'group',
  options: z.strictObject({ columns: z.array(ColumnKey).min(1), scope: z.enum(['file', 'all']).default('all') }),
  columns: (o) => o.columns,
  global: (o) => o.scope === 'all',
  messages: {
    fail: { vi: '«{{name}}» được đề nghị {{count}} lần; các chỗ khác: {{others}}.', en: '"{{name}}" is nominated {{count}} times; elsewhere: {{others}}.' },
  },
  create(o, ctx) {
    let seen = new KeyTable();
    const flush = () => {
      for (const { name, places, count } of seen.duplicates()) {
        const head = places.slice(0, MAX_RELATED + 1);
        for (const p of places) {
          const others = head.filter((q) => q !== p).slice(0, MAX_RELATED);
          ctx.report({ place: p, data: { name, count, others: describePlaces(others, 5, count - 1) }, related: others, cell: { col: 0, column: p.column!, text: name } });
        }
      }
      seen = new KeyTable();
    };
    const key = new KeyHasher(o.columns.length);
    return {
      row(row, inScope) {
        if (!inScope) return;
        key.reset();
        for (let i = 0; i < o.columns.length; i++) {
          const v = row.value(o.columns[i]);
          const length = key.addPart(i, v);
          // No name, no nominee to compare.
          if (i === 0 && length === 0) return;
        }
        const nameCell = row.cell(o.columns[0]);
        key.finish();
        seen.add(key.lookup, key.check, nameCell?.text ?? String(row.value(o.columns[0])), row.file, row.sheet, row.row, nameCell?.column);
      },
      endFile: o.scope === 'file' ? flush : undefined,
      end: o.scope === 'all' ? flush : undefined,
    };
  },
});

/**
 * Keys as their hashes (see KeyHasher) in an open-addressing table of typed arrays: no string or
 * object per key. A key is known by 84 bits of two independent hashes (a false match among a
 * million keys: about one chance in 10^13).
 */
export class KeySet {
  /** Open addressing: slot → entry + 1 (0: free), at most half full. */
  private slots = new Int32Array(2048);
  private hashOf = new Float64Array(1024);
  private check = new Int32Array(1024);
  /** Entries so far: entry i is the i-th key first added. */
  protected size = 0;

  /** Adds a key: gives its entry when it was there already, or -1 when it is new (its entry is then size - 1). */
  insert(hash: number, check: number): number {
    const mask = this.slots.length - 1;
    let s = (hash >>> 0) & mask;
    for (let e = this.slots[s]; e !== 0; e = this.slots[(s = (s + 1) & mask)]) {
      if (this.hashOf[e - 1] === hash && this.check[e - 1] === check) return e - 1;
    }
    if (this.size === this.check.length) {
      const n = this.size * 2;
      this.hashOf = grown(this.hashOf, n);
      this.check = grown(this.check, n);
      this.grow(n);
    }
    const i = this.size++;
    this.hashOf[i] = hash;
    this.check[i] = check;
    this.slots[s] = i + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return -1;
  }

  has(hash: number, check: number): boolean {
    const mask = this.slots.length - 1;
    let s = (hash >>> 0) & mask;
    for (let e = this.slots[s]; e !== 0; e = this.slots[(s = (s + 1) & mask)]) {
      if (this.hashOf[e - 1] === hash && this.check[e - 1] === check) return true;
    }
    return false;
  }

  /** Makes room for n entries in what a subclass keeps per entry. */
  protected grow(n: number): void {}

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.size; i++) {
      let s = (this.hashOf[i] >>> 0) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = i + 1;
    }
    this.slots = slots;
  }
}

/**
 * The keys seen so far, held compactly: a million nominees cost a hash and a place in typed
 * arrays each, not a string and objects; the first listing's name as UTF-8 in one buffer. Only
 * keys met twice keep their places as objects.
 */
export class KeyTable extends KeySet {
  private fileOf = new Int32Array(1024);
  private sheetOf = new Int32Array(1024);
  private rowOf = new Int32Array(1024);
  private colOf: (string | undefined)[] = [];
  /** Entry i's name is names[nameAt[i], nameAt[i + 1]). */
  private nameAt = new Float64Array(1025);
  private names = Buffer.allocUnsafe(64 * 1024);
  private readonly files: string[] = [];
  private readonly fileIds = new Map<string, number>();
  private readonly sheets: string[] = [];
  private readonly sheetIds = new Map<string, number>();
  private lastFile: string | undefined;
  private lastFileId = -1;
  private lastSheet: string | undefined;
  private lastSheetId = -1;
  /** Keys met more than once, by entry, in the order of their first listing. */
  private readonly repeated = new Map<number, { name: string; places: Place[]; count: number }>();

  /** A key's listing: its hashes (see KeyHasher), the name as typed and where it stands. */
  add(hash: number, check: number, name: string, file: string, sheet: string | undefined, row: number | undefined, column: string | undefined): void {
    const at = this.insert(hash, check);
    if (at < 0) {
      this.append(this.size - 1, name, file, sheet, row, column);
      return;
    }
    // Only a key met twice has its places made as objects.
    let dup = this.repeated.get(at);
    if (!dup) this.repeated.set(at, (dup = { name: this.nameOf(at), places: [this.placeOf(at)], count: 1 }));
    if (++dup.count <= MAX_LISTINGS) dup.places.push(placeOf(file, sheet, row, column));
  }

  protected override grow(n: number): void {
    this.fileOf = grown(this.fileOf, n);
    this.sheetOf = grown(this.sheetOf, n);
    this.rowOf = grown(this.rowOf, n);
    this.nameAt = grown(this.nameAt, n + 1);
  }

  duplicates(): { name: string; places: Place[]; count: number }[] {
    return [...this.repeated.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
  }

  private append(i: number, name: string, file: string, sheet: string | undefined, row: number | undefined, column: string | undefined): void {
    let end = this.nameAt[i];
    if (end + name.length * 3 > this.names.length) {
      const names = Buffer.allocUnsafe(Math.max(this.names.length * 2, end + name.length * 3));
      this.names.copy(names, 0, 0, end);
      this.names = names;
    }
    end = writeUtf8(name, this.names, end);
    this.nameAt[i + 1] = end;
    // Rows come file by file and sheet by sheet: the last ids are asked for again and again.
    if (file !== this.lastFile) this.lastFileId = intern((this.lastFile = file), this.files, this.fileIds);
    this.fileOf[i] = this.lastFileId;
    if (sheet !== this.lastSheet) this.lastSheetId = sheet === undefined ? -1 : intern(sheet, this.sheets, this.sheetIds);
    this.lastSheet = sheet;
    this.sheetOf[i] = this.lastSheetId;
    this.rowOf[i] = row ?? -1;
    this.colOf[i] = column;
  }

  private nameOf(i: number): string {
    return this.names.toString('utf8', this.nameAt[i], this.nameAt[i + 1]);
  }

  private placeOf(i: number): Place {
    return placeOf(this.files[this.fileOf[i]], this.sheetOf[i] >= 0 ? this.sheets[this.sheetOf[i]] : undefined, this.rowOf[i] >= 0 ? this.rowOf[i] : undefined, this.colOf[i]);
  }
}

/**
 * Writes a text as UTF-8 at `at` (room for three bytes a code unit is made beforehand) and gives
 * where it ends; an unpaired surrogate is written as U+FFFD, as Buffer.write does. A loop here,
 * not Buffer.write: a name is a few dozen characters, and a call into the runtime costs more.
 */
export function writeUtf8(s: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c < 0xe000) {
        const d = c < 0xdc00 && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d < 0xe000) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          out[at++] = 0xf0 | (cp >> 18);
          out[at++] = 0x80 | ((cp >> 12) & 0x3f);
          out[at++] = 0x80 | ((cp >> 6) & 0x3f);
          out[at++] = 0x80 | (cp & 0x3f);
          i++;
          continue;
        }
        c = 0xfffd;
      }
      out[at++] = 0xe0 | (c >> 12);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    }
  }
  return at;
}

function placeOf(file: string, sheet: string | undefined, row: number | undefined, column: string | undefined): Place {
  const p: Place = { file };
  if (sheet !== undefined) p.sheet = sheet;
  if (row !== undefined) p.row = row;
  p.column = column;
  return p;
}

function intern(s: string, list: string[], ids: Map<string, number>): number {
  let id = ids.get(s);
  if (id === undefined) {
    ids.set(s, (id = list.length));
    list.push(s);
  }
  return id;
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

  /** The key's hashes as [lookup, check]. */
  result(): [number, number] {
    this.finish();
    return [this.lookup, this.check];
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
