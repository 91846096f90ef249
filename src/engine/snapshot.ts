/**
 * What a rule over every file needs of a row, small enough to cross from a worker thread to the
 * main one and to keep in the cache: the place, the unit, and for each column those rules read,
 * the cell's text, position and parsed value. The main thread turns each row back into a RowView
 * for the rules' accumulators.
 *
 * Rows are kept by the batch as one flat array of primitives, not an object per row and per cell:
 * a worker's structured clone, and the main thread's, then copy strings and numbers only (a
 * million rows as objects took ~4.6 s of CPU to clone across, and ~1 KB each once across).
 */
import { columnLetter } from '../read/types.js';
import type { Value } from '../normalize/values.js';
import type { CellView, ProposedAward, RowView, YearSlot } from './types.js';
import type { Award, Purpose } from '../rules/schema.js';

type Slot = string | number | boolean | Date | null;

/**
 * A batch of rows of one file. Per row, `HEAD + 3 × keys.length` slots: the sheet's and the unit's
 * index in `names` and the row number, the row's purpose (1: an award row, 0: an exemplar row)
 * and its awards as an index in `names` (−1: none) of "key=id" pairs joined by spaces
 * ("hinh_thuc=bk-tinh danh_hieu=cstdcs"); then per key the cell's text (null: no cell), a number
 * `c`, and the value (null: none, or the same as the text). With a cell, `c` is col × 4, plus 2
 * when the value is the text, plus 1 when the sheet has the key; without, −1 when the sheet has
 * the key and −2 when not (a value then comes from elsewhere: the kind from the sheet's title).
 */
export interface RowSnapshots {
  file: string;
  keys: string[];
  /** Rows in the batch. */
  n: number;
  names: string[];
  data: Slot[];
}

export function emptySnapshots(keys: string[]): RowSnapshots {
  return { file: '', keys, n: 0, names: [], data: [] };
}

/** Takes rows' snapshots into a batch (see RowSnapshots). */
export class SnapshotWriter {
  private batch: RowSnapshots;
  private ids = new Map<string, number>();

  constructor(private readonly keys: string[]) {
    this.batch = emptySnapshots(keys);
  }

  get rows(): number {
    return this.batch.n;
  }

  add(row: RowView): void {
    const b = this.batch;
    if (b.n === 0) b.file = row.file;
    const data = b.data;
    const awards = row.awards();
    data.push(this.id(row.sheet), row.row, this.id(row.unit), row.purpose === 'award' ? 1 : 0, awards.length ? this.id(awards.map((p) => `${p.key}=${p.award.id}`).join(' ')) : -1);
    for (const k of this.keys) {
      const c = row.cell(k);
      if (c) {
        const value = c.parsed?.ok ? c.parsed.value : undefined;
        const same = value === c.text;
        data.push(c.text, c.col * 4 + (same ? 2 : 0) + (row.has(k) ? 1 : 0), same || value === undefined ? null : value);
      } else data.push(null, row.has(k) ? -1 : -2, row.value(k) ?? null);
    }
    b.n++;
  }

  /** The batch so far, handed over; the writer starts a new one. */
  take(): RowSnapshots {
    const out = this.batch;
    this.batch = emptySnapshots(this.keys);
    this.ids = new Map();
    return out;
  }

  private id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.batch.names.push(name) - 1;
      this.ids.set(name, id);
    }
    return id;
  }
}

/** Calls `fn` with a RowView of each row of the batch, in order (a new view per row). */
export function forEachSnapshotRow(s: RowSnapshots, fn: (row: RowView) => void, awards?: Map<string, Award>): void {
  const keyAt = new Map(s.keys.map((k, i) => [k, SNAPSHOT_HEAD + 3 * i]));
  const stride = SNAPSHOT_HEAD + 3 * s.keys.length;
  for (let i = 0, at = 0; i < s.n; i++, at += stride) fn(new SnapshotRow(s, at, keyAt, awards));
}

/** The slots of a row's snapshot before its keys' (see RowSnapshots). */
export const SNAPSHOT_HEAD = 5;

const NONE = new Set<string>();

class SnapshotRow implements RowView {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly unit: string;
  readonly hidden = false;
  readonly sheetHidden = false;
  readonly purpose: Purpose;
  /** Rules over every file do not read the award year. */
  readonly awardYear = undefined;

  constructor(
    private readonly s: RowSnapshots,
    private readonly at: number,
    private readonly keyAt: Map<string, number>,
    private readonly byId: Map<string, Award> | undefined,
  ) {
    const d = s.data;
    this.file = s.file;
    this.sheet = s.names[d[at] as number];
    this.row = d[at + 1] as number;
    this.unit = s.names[d[at + 2] as number];
    this.purpose = d[at + 3] === 1 ? 'award' : 'exemplar';
  }

  private proposed: readonly ProposedAward[] | undefined;

  award(): Award | undefined {
    return this.awards()[0]?.award;
  }

  awards(): readonly ProposedAward[] {
    if (!this.proposed) {
      const id = this.s.data[this.at + 4] as number;
      const pairs = id < 0 ? [] : this.s.names[id].split(' ');
      this.proposed = pairs.flatMap((pair) => {
        const [key, award] = pair.split('=');
        const known = this.byId?.get(award);
        return known ? [{ award: known, key }] : [];
      });
    }
    return this.proposed;
  }

  /** Where the key's three slots start, or −1. */
  private slots(key: string): number {
    const k = this.keyAt.get(key);
    return k === undefined ? -1 : this.at + k;
  }

  has(key: string): boolean {
    const i = this.slots(key);
    if (i < 0) return false;
    const c = this.s.data[i + 1] as number;
    return c >= 0 ? (c & 1) === 1 : c === -1;
  }

  slot(key: string): { col: number; column: string } | undefined {
    const i = this.slots(key);
    const c = i < 0 ? -1 : (this.s.data[i + 1] as number);
    if (c < 0) return undefined;
    const col = c >> 2;
    return { col, column: columnLetter(col) };
  }

  cell(key: string): CellView | undefined {
    const i = this.slots(key);
    const c = i < 0 ? -1 : (this.s.data[i + 1] as number);
    if (c < 0) return undefined;
    const text = this.s.data[i] as string;
    const col = c >> 2;
    const value = this.value(key);
    return {
      key,
      col,
      column: columnLetter(col),
      raw: { t: 's', v: text, col },
      text,
      parsed: value === undefined ? { ok: false, expected: 'text' } : { ok: true, value },
    };
  }

  value(key: string): Value | undefined {
    const i = this.slots(key);
    if (i < 0) return undefined;
    const d = this.s.data;
    const c = d[i + 1] as number;
    if (c >= 0 && (c & 2) === 2) return d[i] as string;
    return (d[i + 2] as Value | null) ?? undefined;
  }

  years(): YearSlot[] {
    return [];
  }

  cells(): CellView[] {
    return [];
  }

  failedTags(): Set<string> {
    return NONE;
  }
}
