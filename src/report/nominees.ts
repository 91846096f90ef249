/**
 * The nominees of a batch report as the engine hands them over, in memory that does not grow with
 * their texts: where each stands and what the summary counts (place, row, unit, kind, field) in
 * typed arrays, 20 bytes a nominee, the few distinct places, units, kinds and fields once each;
 * the texts of each (name, movement, award) as a JSON line, kept in memory up to MEMORY_CHARS and
 * past that written to a temporary file in the OS temp folder, read back in order when the list
 * is written. The file is removed when the store is closed, and at exit (an interrupted run exits
 * through process.exit, see exitOnInterrupt, so it goes then too).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { grown, Interned } from '../arrays.js';
import type { NomineeRecord } from '../engine/check.js';

/** Texts held in memory before they go to the temporary file: a few MB, what some 30,000 nominees take. */
const MEMORY_CHARS = 1 << 20;
/** Characters gathered into one write to the file, and bytes read back at once. */
const CHUNK = 1 << 20;

/** A file and a sheet in one key; a unit likewise with its file. */
export const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;
const splitPair = (key: string): [string, string] => {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
};

/** A nominee's place as one number: its sheet's number (see NomineeStore.places) and its row. */
export const placeNumber = (place: number, row: number): number => place * 2 ** 32 + row;

/** The texts of a nominee that are not counted: name, movement, award. */
export type NomineeTexts = [name: string, movement: string | null, award: string | null];

export class NomineeStore {
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
  private spill: { file: string; fd: number; remove: () => void } | undefined;

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

  /** Writes the texts held to the temporary file, opening it the first time. */
  private flush(): void {
    if (!this.spill) {
      const file = path.join(os.tmpdir(), `hoso-report-${process.pid}-${randomUUID()}.ndjson`);
      // Only this user may read it: it holds names from the dossiers.
      const fd = openSync(file, 'wx', 0o600);
      const remove = () => rmSync(file, { force: true });
      process.once('exit', remove);
      this.spill = { file, fd, remove };
    }
    const text = this.lines.join('\n') + '\n';
    this.lines = [];
    this.chars = 0;
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; ) at += writeSync(this.spill.fd, bytes, at);
  }

  /** Whether the texts went to a temporary file. */
  get spilled(): boolean {
    return this.spill !== undefined;
  }

  /** Every nominee's texts, in the order they came: from the temporary file, then from memory. */
  *texts(): Generator<NomineeTexts> {
    if (this.spill) {
      const fd = openSync(this.spill.file, 'r');
      try {
        const decoder = new TextDecoder();
        const buf = Buffer.alloc(CHUNK);
        let rest = '';
        for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0; ) {
          const text = rest + decoder.decode(buf.subarray(0, n), { stream: true });
          const lines = text.split('\n');
          rest = lines.pop()!;
          for (const line of lines) yield JSON.parse(line) as NomineeTexts;
        }
      } finally {
        closeSync(fd);
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

  /** Removes the temporary file; the store's texts are gone with it. */
  close(): void {
    if (!this.spill) return;
    closeSync(this.spill.fd);
    this.spill.remove();
    process.removeListener('exit', this.spill.remove);
    this.spill = undefined;
    this.lines = [];
  }
}
