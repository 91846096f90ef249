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
    const key = new KeyHasher();
    return {
      row(row, inScope) {
        if (!inScope) return;
        key.reset();
        for (let i = 0; i < o.columns.length; i++) {
          const v = row.value(o.columns[i]);
          const length = v === undefined ? 0 : typeof v === 'string' ? key.addFolded(v) : key.add(String(v));
          // No name, no nominee to compare.
          if (i === 0 && length === 0) return;
        }
        const nameCell = row.cell(o.columns[0]);
        seen.add(key.result(), nameCell?.text ?? String(row.value(o.columns[0])), { file: row.file, sheet: row.sheet, row: row.row, column: nameCell?.column });
      },
      endFile: o.scope === 'file' ? flush : undefined,
      end: o.scope === 'all' ? flush : undefined,
    };
  },
});

/**
 * The keys seen so far, held compactly: a million nominees cost a hash and a place in typed
 * arrays each (an open-addressing table, no object per key), not a string and objects. A key is
 * known by 84 bits of two independent hashes (a false match among a million keys: about one
 * chance in 10^13), the first listing's name as UTF-8 in one buffer; only keys met twice keep
 * their places as objects.
 */
export class KeyTable {
  /** Open addressing: slot → entry + 1 (0: free), at most half full. */
  private slots = new Int32Array(2048);
  private hashOf = new Float64Array(1024);
  private check = new Int32Array(1024);
  private fileOf = new Int32Array(1024);
  private sheetOf = new Int32Array(1024);
  private rowOf = new Int32Array(1024);
  private colOf: (string | undefined)[] = [];
  /** Entry i's name is names[nameAt[i], nameAt[i + 1]). */
  private nameAt = new Float64Array(1025);
  private names = Buffer.allocUnsafe(64 * 1024);
  private size = 0;
  private readonly files: string[] = [];
  private readonly fileIds = new Map<string, number>();
  private readonly sheets: string[] = [];
  private readonly sheetIds = new Map<string, number>();
  /** Keys met more than once, by entry, in the order of their first listing. */
  private readonly repeated = new Map<number, { name: string; places: Place[]; count: number }>();

  add([hash, check]: [number, number], name: string, place: Place): void {
    const mask = this.slots.length - 1;
    let s = (hash >>> 0) & mask;
    let at = -1;
    for (let e = this.slots[s]; e !== 0; e = this.slots[(s = (s + 1) & mask)]) {
      if (this.hashOf[e - 1] === hash && this.check[e - 1] === check) {
        at = e - 1;
        break;
      }
    }
    if (at < 0) {
      this.slots[s] = this.append(hash, check, name, place) + 1;
      if (this.size * 2 > this.slots.length) this.rehash();
      return;
    }
    let dup = this.repeated.get(at);
    if (!dup) this.repeated.set(at, (dup = { name: this.nameOf(at), places: [this.placeOf(at)], count: 1 }));
    if (++dup.count <= MAX_LISTINGS) dup.places.push(place);
  }

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

  duplicates(): { name: string; places: Place[]; count: number }[] {
    return [...this.repeated.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
  }

  private append(hash: number, check: number, name: string, place: Place): number {
    if (this.size === this.check.length) {
      const n = this.size * 2;
      this.hashOf = grown(this.hashOf, n);
      this.check = grown(this.check, n);
      this.fileOf = grown(this.fileOf, n);
      this.sheetOf = grown(this.sheetOf, n);
      this.rowOf = grown(this.rowOf, n);
      this.nameAt = grown(this.nameAt, n + 1);
    }
    const i = this.size++;
    this.hashOf[i] = hash;
    let end = this.nameAt[i];
    if (end + name.length * 3 > this.names.length) {
      const names = Buffer.allocUnsafe(Math.max(this.names.length * 2, end + name.length * 3));
      this.names.copy(names, 0, 0, end);
      this.names = names;
    }
    end += this.names.write(name, end, 'utf8');
    this.nameAt[i + 1] = end;
    this.check[i] = check;
    this.fileOf[i] = intern(place.file, this.files, this.fileIds);
    this.sheetOf[i] = place.sheet === undefined ? -1 : intern(place.sheet, this.sheets, this.sheetIds);
    this.rowOf[i] = place.row ?? -1;
    this.colOf[i] = place.column;
    return i;
  }

  private nameOf(i: number): string {
    return this.names.toString('utf8', this.nameAt[i], this.nameAt[i + 1]);
  }

  private placeOf(i: number): Place {
    const p: Place = { file: this.files[this.fileOf[i]] };
    if (this.sheetOf[i] >= 0) p.sheet = this.sheets[this.sheetOf[i]];
    if (this.rowOf[i] >= 0) p.row = this.rowOf[i];
    p.column = this.colOf[i];
    return p;
  }
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
 * A key's two independent hashes (FNV-1a and two multiply-xorshifts), taken part by part: 52 bits
 * to look up, 32 to check. Text parts are hashed folded (case, diacritics, spacing), without
 * making the folded string.
 */
export class KeyHasher {
  private a = 0;
  private b = 0;
  private c = 0;
  private codes = new Uint16Array(256);

  reset(): void {
    this.a = 0x811c9dc5;
    this.b = 0x9e3779b9;
    this.c = 0x85ebca6b;
  }

  /** Adds fold(s); gives its length. */
  addFolded(s: string): number {
    if (s.length > this.codes.length) this.codes = new Uint16Array(s.length * 2);
    const n = foldCodes(s, this.codes);
    if (n < 0) return this.add(fold(s));
    this.mix(this.codes, n);
    return n;
  }

  /** Adds s as it is; gives its length. */
  add(s: string): number {
    if (s.length > this.codes.length) this.codes = new Uint16Array(s.length * 2);
    for (let i = 0; i < s.length; i++) this.codes[i] = s.charCodeAt(i);
    this.mix(this.codes, s.length);
    return s.length;
  }

  result(): [number, number] {
    return [(this.a >>> 0) * 0x100000 + ((this.b >>> 12) & 0xfffff), this.c | 0];
  }

  private mix(codes: Uint16Array, n: number): void {
    let { a, b, c } = this;
    for (let i = 0; i <= n; i++) {
      // Each part ends with a code no text has here (0x10000), so ["ab", "c"] and ["a", "bc"] differ.
      const ch = i < n ? codes[i] : 0x10000;
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x5bd1e995);
      b ^= b >>> 15;
      c = Math.imul(c + ch, 0xc2b2ae35);
      c ^= c >>> 13;
    }
    this.a = a;
    this.b = b;
    this.c = c;
  }
}
