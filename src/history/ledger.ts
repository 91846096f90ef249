/**
 * The ledger of past decisions: every usable row of last years' recognition lists (the lists
 * attached to a "Quyết định công nhận danh hiệu…"), kept compact — one record of FIELDS integers
 * per row in one Int32Array, every text interned once in a string table — so that a province's
 * five years of decisions (~500,000 rows) take some 26 MB of records and the distinct texts,
 * not an object per row. A record is found by the nominee's folded name (src/normalize/text.ts);
 * its unit is compared folded, through the units the config maps (the 2025 reorganisation
 * renamed and merged communes and their units).
 *
 * A ledger is made of parts, one per history file, as the reader (read.ts) and the cache keep
 * them: each with its own string table. The ledger's data (strings and records) crosses to the
 * worker threads as it is; each builds its own index.
 */
import { fold } from '../normalize/text.js';
import { grown, Interned } from '../arrays.js';

/** The fields of a record, in order. A text field holds a string id, -1 when absent; a number 0 when unknown. */
export const F = {
  /** The name as typed. */
  name: 0,
  /** The name folded: what a nominee is looked up by. */
  nameKey: 1,
  /** The unit as typed (its unit column, else the list's unit). */
  unit: 2,
  /** The unit folded, before the config's units map. */
  unitKey: 3,
  /** The year of birth, 0 when the list does not give it. */
  birth: 4,
  /** The year the award was for. */
  year: 5,
  /** The award's id in the awards' vocabulary. */
  award: 6,
  /** The kind of commendation (an id of `loai_khen_thuong`: dot-xuat, chuyen-de…), -1 when not said. */
  kind: 7,
  file: 8,
  sheet: 9,
  row: 10,
  /** The column letter of the name cell. */
  column: 11,
  /** The decision's number ("125/QĐ-UBND"), -1 when not given. */
  decision: 12,
  /** The decision's date as yyyymmdd, 0 when not given. */
  decisionDate: 13,
  /** 1 when the unit is the list's own (its title block), the list having no unit column. */
  listUnit: 14,
} as const;
export const FIELDS = 15;

/** One history file's records, with its own string table: what the reader makes and the cache keeps. */
export interface LedgerPart {
  strings: string[];
  /** FIELDS numbers per record (see F); text fields index `strings`. */
  data: Int32Array;
}

/** A ledger as it crosses to a worker thread: the records of every part, on one string table. */
export interface LedgerData {
  strings: string[];
  data: Int32Array;
  /** The config's units map: a unit's former name → its name now, both as written. */
  units: [string, string][];
}

/** Which fields hold a string id (merging re-numbers them). */
const IS_TEXT = new Uint8Array(FIELDS);
for (const f of [F.name, F.nameKey, F.unit, F.unitKey, F.award, F.kind, F.file, F.sheet, F.column, F.decision]) IS_TEXT[f] = 1;

/** Builds a part record by record, interning its texts: the reader's side. */
export class PartWriter {
  private readonly strings = new Interned();
  /** Records in a typed array grown by doubling: four bytes a field, not an array element's eight or more. */
  private data = new Int32Array(FIELDS * 1024);
  private length = 0;
  add(r: RecordFields & { decisionDate?: Date }): void {
    const s = this.strings;
    const d = r.decisionDate;
    if (this.length + FIELDS > this.data.length) this.data = grown(this.data, this.data.length * 2);
    const out = this.data;
    const at = this.length;
    out[at + F.name] = s.of(r.name);
    out[at + F.nameKey] = s.of(fold(r.name));
    out[at + F.unit] = s.of(r.unit);
    out[at + F.unitKey] = s.of(fold(r.unit));
    out[at + F.birth] = r.birth ?? 0;
    out[at + F.year] = r.year;
    out[at + F.award] = s.of(r.award);
    out[at + F.kind] = r.kind === undefined ? -1 : s.of(r.kind);
    out[at + F.file] = s.of(r.file);
    out[at + F.sheet] = s.of(r.sheet);
    out[at + F.row] = r.row;
    out[at + F.column] = s.of(r.column);
    out[at + F.decision] = r.decision === undefined ? -1 : s.of(r.decision);
    out[at + F.decisionDate] = d ? d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate() : 0;
    out[at + F.listUnit] = r.listUnit ? 1 : 0;
    this.length += FIELDS;
  }
  get size(): number {
    return this.length / FIELDS;
  }
  part(): LedgerPart {
    return { strings: this.strings.values, data: this.data.slice(0, this.length) };
  }
}

/** The parts of a run's history files as one ledger's data, texts interned once across them. */
export function mergeParts(parts: LedgerPart[], units: Record<string, string> = {}): LedgerData {
  const strings = new Interned();
  const n = parts.reduce((sum, p) => sum + p.data.length, 0);
  const data = new Int32Array(n);
  let at = 0;
  for (const p of parts) {
    const ids = p.strings.map((s) => strings.of(s));
    for (let r = 0; r < p.data.length; r += FIELDS) {
      for (let f = 0; f < FIELDS; f++) {
        const v = p.data[r + f];
        data[at + f] = IS_TEXT[f] === 1 && v >= 0 ? ids[v] : v;
      }
      at += FIELDS;
    }
  }
  return { strings: strings.values, data, units: Object.entries(units) };
}

/**
 * A unit's folded name through the config's map: the whole name, or a part of it as whole words
 * ("xa dak pne" in "tram y te xa dak pne"), the longest former name first, followed while it
 * leads on (a commune renamed, then merged). The config refuses a name mapped to itself or a loop.
 */
export function unitMapper(units: [string, string][]): (folded: string) => string {
  const map = units.map(([from, to]) => [canonicalUnit(fold(from)), canonicalUnit(fold(to))] as const).filter(([from]) => from !== '').sort((a, b) => b[0].length - a[0].length);
  const memo = new Map<string, string>();
  return (folded) => {
    let out: string | undefined = memo.get(folded);
    if (out === undefined) {
      let mapped = canonicalUnit(folded);
      // As many steps as there are names: a chain can be no longer, and the config has no loops.
      for (let step = 0; step <= map.length; step++) {
        const padded: string = ` ${mapped} `;
        const hit = map.find(([from]) => padded.includes(` ${from} `));
        if (!hit) break;
        mapped = padded.replace(` ${hit[0]} `, ` ${hit[1]} `).trim();
      }
      memo.set(folded, (out = mapped));
    }
    return out;
  };
}

/** What a record says, as the reader gives it and a rule reads it. */
export interface RecordFields {
  name: string;
  unit: string;
  birth?: number;
  year: number;
  award: string;
  kind?: string;
  file: string;
  sheet: string;
  row: number;
  column: string;
  decision?: string;
  /** The unit is the list's own (the body that issued it), the list having no unit column. */
  listUnit?: boolean;
}

/**
 * A folded unit with the abbreviations of the administrative bodies written one way: a list's title
 * block says "ỦY BAN NHÂN DÂN XÃ ĐẮK RUỒNG" where a dossier says "UBND xã Đắk Ruồng".
 */
const ABBREVIATIONS: [string, string][] = [
  ['uy ban nhan dan', 'ubnd'],
  ['hoi dong nhan dan', 'hdnd'],
];
export function canonicalUnit(folded: string): string {
  let out = folded;
  for (const [long, short] of ABBREVIATIONS) if (out.includes(long)) out = ` ${out} `.split(` ${long} `).join(` ${short} `).trim();
  return out;
}

/** A record as a rule reads it. */
export interface LedgerEntry extends RecordFields {
  index: number;
  /** The unit folded and mapped, as it is compared. */
  unitKey: string;
  /** dd/mm/yyyy. */
  decisionDate?: string;
}

const NONE: readonly number[] = Object.freeze([]);

export class Ledger {
  private readonly strings: string[];
  private readonly data: Int32Array;
  /** Records by their folded name's string id. */
  private readonly byName = new Map<number, number[]>();
  /** A folded name's string id. */
  private readonly nameIds = new Map<string, number>();
  readonly mapUnit: (folded: string) => string;

  constructor(d: LedgerData) {
    this.strings = d.strings;
    this.data = d.data;
    this.mapUnit = unitMapper(d.units);
    for (let i = 0, r = 0; r < d.data.length; i++, r += FIELDS) {
      const key = d.data[r + F.nameKey];
      let list = this.byName.get(key);
      if (!list) {
        this.byName.set(key, (list = []));
        this.nameIds.set(d.strings[key], key);
      }
      list.push(i);
    }
  }

  get size(): number {
    return this.data.length / FIELDS;
  }

  /** The records of a folded name (the record indexes, in the files' and rows' order). */
  named(nameKey: string): readonly number[] {
    const id = this.nameIds.get(nameKey);
    return id === undefined ? NONE : this.byName.get(id)!;
  }

  /** A unit as it is compared: folded, through the config's map. */
  unitKey(unit: string): string {
    return this.mapUnit(fold(unit));
  }

  entry(i: number): LedgerEntry {
    const r = i * FIELDS;
    const d = this.data;
    const s = (f: number) => (d[r + f] >= 0 ? this.strings[d[r + f]] : undefined);
    const date = d[r + F.decisionDate];
    return {
      index: i,
      name: s(F.name)!,
      unit: s(F.unit)!,
      unitKey: this.mapUnit(s(F.unitKey)!),
      birth: d[r + F.birth] || undefined,
      year: d[r + F.year],
      award: s(F.award)!,
      kind: s(F.kind),
      file: s(F.file)!,
      sheet: s(F.sheet)!,
      row: d[r + F.row],
      column: s(F.column)!,
      decision: s(F.decision),
      decisionDate: date ? `${String(date % 100).padStart(2, '0')}/${String(Math.floor(date / 100) % 100).padStart(2, '0')}/${Math.floor(date / 10000)}` : undefined,
      listUnit: d[r + F.listUnit] === 1,
    };
  }
}
