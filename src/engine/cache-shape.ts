/**
 * What a cache must hold before any of it is trusted. A cache that parses but has another shape
 * (edited by hand, written by another tool, damaged on disk) made every later run end in
 * "internal error" until it was deleted by hand: each entry is checked here, down to the slots
 * of its row snapshots, so that a damaged cache is set aside whole and never half-used.
 */
import { SNAPSHOT_HEAD } from './snapshot.js';
import { F, FIELDS } from '../history/ledger.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => Number.isInteger(v);
const optional = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || ok(v);
const strings = (v: unknown) => Array.isArray(v) && v.every(isStr);

const SEVERITIES = new Set(['error', 'warning', 'info']);

function place(v: unknown): boolean {
  return isObj(v) && isStr(v.file) && optional(v.sheet, isStr) && optional(v.row, isInt) && optional(v.column, isStr);
}

function finding(v: unknown): boolean {
  return (
    place(v) &&
    isStr((v as Obj).ruleId) &&
    SEVERITIES.has((v as Obj).severity as string) &&
    isStr((v as Obj).message) &&
    isStr((v as Obj).source) &&
    optional((v as Obj).value, isStr) &&
    optional((v as Obj).group, isStr) &&
    optional((v as Obj).nominee, isStr) &&
    optional((v as Obj).unit, isStr) &&
    optional((v as Obj).related, (r) => Array.isArray(r) && r.every(place))
  );
}

const slotValue = (v: unknown) => v === null || v instanceof Date || ['string', 'number', 'boolean'].includes(typeof v);

/** Row snapshots as forEachSnapshotRow reads them (see snapshot.ts for the slots' layout). */
function snapshots(v: unknown): boolean {
  if (!isObj(v) || !isStr(v.file) || !strings(v.keys) || !isInt(v.n) || (v.n as number) < 0 || !strings(v.names) || !Array.isArray(v.data)) return false;
  const { n, names, data } = v as { n: number; names: string[]; data: unknown[] };
  const keys = (v.keys as string[]).length;
  const stride = SNAPSHOT_HEAD + 3 * keys;
  if (data.length !== n * stride) return false;
  const name = (x: unknown) => isInt(x) && x >= 0 && x < names.length;
  for (let at = 0; at < data.length; at += stride) {
    if (!name(data[at]) || !isInt(data[at + 1]) || !name(data[at + 2]) || (data[at + 3] !== 0 && data[at + 3] !== 1) || !(data[at + 4] === -1 || name(data[at + 4]))) return false;
    for (let k = at + SNAPSHOT_HEAD; k < at + stride; k += 3) {
      const c = data[k + 1];
      if (!isInt(c) || (c >= 0 ? !isStr(data[k]) : (c !== -1 && c !== -2) || data[k] !== null) || !slotValue(data[k + 2])) return false;
    }
  }
  return true;
}

function sheetsRead(v: unknown): boolean {
  return isObj(v) && strings(v.checked) && strings(v.skipped) && strings(v.order);
}

function nominee(v: unknown): boolean {
  return isObj(v) && isStr(v.file) && isStr(v.sheet) && isInt(v.row) && isStr(v.unit) && isStr(v.name) && ['kind', 'field', 'movement', 'award'].every((k) => optional(v[k], isStr));
}

/** A file's stored outcome (a FileReply without `bug`, which is never cached). */
function reply(v: unknown): boolean {
  return (
    isObj(v) &&
    isInt(v.index) &&
    Array.isArray(v.findings) &&
    v.findings.every(finding) &&
    isInt(v.rows) &&
    snapshots(v.snapshots) &&
    optional(v.sheets, sheetsRead) &&
    optional(v.nominees, (x) => Array.isArray(x) && x.every(nominee)) &&
    optional(v.inputError, (e) => isObj(e) && isStr(e.code) && isStr(e.message)) &&
    v.bug === undefined
  );
}

/** The first entry of `files` that is not a file's outcome, by its file; undefined when all are. */
export function badEntry(files: Obj): string | undefined {
  for (const [file, entry] of Object.entries(files)) if (!isObj(entry) || !isStr(entry.hash) || !reply(entry.reply)) return file;
  return undefined;
}

/** A history file's records (see history/ledger.ts): FIELDS numbers each, text fields indexing its strings. */
function historyPart(v: unknown): boolean {
  if (!isObj(v) || !strings(v.strings) || !(v.data instanceof Int32Array) || !Array.isArray(v.notes) || !v.notes.every(finding)) return false;
  const data = v.data;
  const n = (v.strings as string[]).length;
  if (data.length % FIELDS !== 0) return false;
  for (let at = 0; at < data.length; at += FIELDS) {
    for (const f of REQUIRED_TEXT) if (data[at + f] < 0 || data[at + f] >= n) return false;
    for (const f of OPTIONAL_TEXT) if (data[at + f] < -1 || data[at + f] >= n) return false;
  }
  return true;
}

/** The text fields of a record: those every record has, and those it may leave out (-1). */
const REQUIRED_TEXT = [F.name, F.nameKey, F.unit, F.unitKey, F.award, F.file, F.sheet, F.column];
const OPTIONAL_TEXT = [F.kind, F.decision];

/** The first history entry that is not a part as the reader makes it, by its file; undefined when all are. */
export function badHistoryEntry(files: Obj): string | undefined {
  for (const [file, entry] of Object.entries(files)) if (!isObj(entry) || !isStr(entry.hash) || !historyPart(entry.part)) return file;
  return undefined;
}

export { isObj };
