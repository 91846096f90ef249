import type { Schemas } from '../rules/schema.js';
import { KeyHasher, KeySet } from './keys.js';
import type { Place } from '../engine/types.js';
import { defineOperator } from './types.js';
import { describePlaces } from './places.js';
import { grown } from '../arrays.js';
import { fill, joined } from '../said.js';
import { SCOPE } from './words.js';

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
  options: ({ z, ColumnKey }: Schemas) =>
    z.strictObject({ columns: z.array(ColumnKey).min(1), scope: z.enum(['file', 'all']).default('all') }),
  columns: (o) => o.columns,
  describe: (o, d) =>
    fill('Không ai được đề nghị hai lần: các dòng trùng {k} {s} đều được báo, mỗi dòng nêu các chỗ còn lại.', 'Nobody is put forward twice: rows alike in {k} {s} are each reported, naming the others.', {
      k: joined(o.columns.map(d.column), 'and'),
      s: SCOPE[o.scope],
    }),
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
          // Each listing is of the same nominee: the name its first listing gives (the unit is part of the key, not kept).
          ctx.report({ place: p, data: { name, count, others: describePlaces(others, 5, count - 1) }, related: others, cell: { col: 0, column: p.column!, text: name }, who: { nominee: name } });
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
