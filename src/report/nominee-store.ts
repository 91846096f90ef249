/**
 * The nominees of a batch report as the engine hands them over, compactly: where each stands and
 * what the summary counts (place, row, unit, kind, field) in typed arrays, 20 bytes a nominee, the
 * few distinct places, units, kinds and fields once each; the texts of each (name, movement,
 * award) as a JSON line, kept one by one up to MEMORY_CHARS and past that handed to a spill in
 * chunks of lines, read back in order when the list is written. Nothing here needs Node: the
 * spill a page uses keeps the chunks in memory, a chunk one string for some 30,000 nominees
 * rather than a string each; the CLI's spills them to a temporary file (nominees.ts), so that
 * its memory does not grow with the texts.
 */
import { grown, Interned } from '../arrays.js';
import type { NomineeRecord } from '../engine/check.js';

/** Texts held one by one before they go to the spill: a few MB, what some 30,000 nominees take. */
const MEMORY_CHARS = 1 << 20;
/** Characters gathered into one chunk of the spill. */
export const CHUNK = 1 << 20;

/** A file and a sheet in one key; a unit likewise with its file. */
export const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;
const splitPair = (key: string): [string, string] => {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
};

/** A nominee's place as one number: its sheet's number (see Nominees.places) and its row. */
export const placeNumber = (place: number, row: number): number => place * 2 ** 32 + row;

/** The texts of a nominee that are not counted: name, movement, award. */
export type NomineeTexts = [name: string, movement: string | null, award: string | null];

/** Where the texts go past MEMORY_CHARS: chunks of JSON lines, each line ended by "\n". */
export interface TextSpill {
  write(chunk: string): void;
  /** The text written, in order, in pieces that need not end where a line does. */
  read(): Iterable<string>;
  /** Lets go of the texts. */
  close(): void;
}

/** The chunks kept as they are, in memory. */
export function memorySpill(): TextSpill {
  let chunks: string[] = [];
  return {
    write: (chunk) => void chunks.push(chunk),
    read: () => chunks,
    close: () => void (chunks = []),
  };
}

/** The nominees of a report; their texts spill to what `spillTo` makes, in memory unless told. */
export class Nominees {
  count = 0;
  /** Files and sheets ("file\0sheet"), units ("file\0unit"), kind and field ids, numbered. */
  readonly places = new Interned();
  readonly units = new Interned();
  readonly kinds = new Interned();
  readonly fields = new Interned();
  /** Per nominee: its place's number, row, unit's number, kind's and field's (-1: none). */
  place = new Int32Array(1024);
  row = new Int32Array(1024);
  unit = new Int32Array(1024);
  kind = new Int32Array(1024);
  field = new Int32Array(1024);
  /** The longest unit, name, movement, award, file, sheet and row number seen. */
  readonly longest = { unit: 0, name: 0, movement: 0, award: 0, file: 0, sheet: 0, row: 0 };

  private lines: string[] = [];
  private chars = 0;
  private spill: TextSpill | undefined;

  /** `spillTo` makes the spill when the texts first outgrow MEMORY_CHARS. */
  constructor(private readonly spillTo: () => TextSpill = memorySpill) {}

  /** Takes one nominee: the engine's collectNominees. */
  readonly add = (n: NomineeRecord): void => {
    const i = this.count++;
    if (i === this.place.length) this.grow();
    this.place[i] = this.places.of(pairKey(n.file, n.sheet));
    this.row[i] = n.row;
    this.unit[i] = this.units.of(pairKey(n.file, n.unit));
    this.kind[i] = n.kind === undefined ? -1 : this.kinds.of(n.kind);
    this.field[i] = n.field === undefined ? -1 : this.fields.of(n.field);
    const l = this.longest;
    l.unit = Math.max(l.unit, n.unit.length);
    l.name = Math.max(l.name, n.name.length);
    l.movement = Math.max(l.movement, n.movement?.length ?? 0);
    l.award = Math.max(l.award, n.award?.length ?? 0);
    l.file = Math.max(l.file, n.file.length);
    l.sheet = Math.max(l.sheet, n.sheet.length);
    l.row = Math.max(l.row, String(n.row).length);
    const line = JSON.stringify([n.name, n.movement ?? null, n.award ?? null] satisfies NomineeTexts);
    this.lines.push(line);
    this.chars += line.length + 1;
    if (this.spill ? this.chars >= CHUNK : this.chars >= MEMORY_CHARS) this.flush();
  };

  private grow(): void {
    const n = this.place.length * 2;
    this.place = grown(this.place, n);
    this.row = grown(this.row, n);
    this.unit = grown(this.unit, n);
    this.kind = grown(this.kind, n);
    this.field = grown(this.field, n);
  }

  /** Hands the texts held to the spill, making it the first time. */
  private flush(): void {
    this.spill ??= this.spillTo();
    this.spill.write(this.lines.join('\n') + '\n');
    this.lines = [];
    this.chars = 0;
  }

  /** Whether the texts went to the spill. */
  get spilled(): boolean {
    return this.spill !== undefined;
  }

  /** Every nominee's texts, in the order they came: from the spill, then those held. */
  *texts(): Generator<NomineeTexts> {
    if (this.spill) {
      let rest = '';
      for (const piece of this.spill.read()) {
        const lines = (rest + piece).split('\n');
        rest = lines.pop()!;
        for (const line of lines) yield JSON.parse(line) as NomineeTexts;
      }
    }
    for (const line of this.lines) yield JSON.parse(line) as NomineeTexts;
  }

  /** A place's file and sheet. */
  placeOf(i: number): [file: string, sheet: string] {
    return splitPair(this.places.values[i]);
  }

  /** A unit's file and name (as the dossier gives it, maybe empty). */
  unitOf(i: number): [file: string, unit: string] {
    return splitPair(this.units.values[i]);
  }

  /** Lets go of the spill (the CLI's: removes its file); the store's texts are gone with it. */
  close(): void {
    if (!this.spill) return;
    this.spill.close();
    this.spill = undefined;
    this.lines = [];
  }
}
