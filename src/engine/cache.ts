/**
 * `--cache`: files whose content has not changed since the last run are not read again, as with
 * ESLint's `--cache-strategy content`. An entry is a file's whole outcome (findings, rows, sheets,
 * and the row snapshots the rules over every file need, so those still see every file), keyed by
 * the file's content hash and the profiles in force for it. The cache as a whole is keyed by the
 * rule packs' contents, the options that change findings, hoso's version and the entries' form:
 * change any and it is dropped. It is written atomically, by the command line (cli/cache.ts),
 * which also reads it: a damaged cache is never trusted, not even in part (see parseStored).
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { badEntry, badHistoryEntry, isObj } from './cache-shape.js';
import path from 'node:path';
import type { FileReply } from './parallel.js';
import type { HistoryPart } from '../history/read.js';
import { FIELDS } from '../history/ledger.js';

interface Stored {
  key: string;
  files: CacheEntries;
  /** The history files' records (`--history`), by absolute path. */
  history?: HistoryEntries;
}

/** A cache's entries: each file's outcome, by its absolute path. */
export type CacheEntries = Record<string, { hash: string; reply: FileReply }>;
/** A history file's records and notes, by its absolute path and content hash. */
export type HistoryEntries = Record<string, { hash: string; part: HistoryPart }>;

/**
 * Dates survive JSON as {"$date": iso}; the history's records (an Int32Array of a few million
 * fields) as {"$i32": base64} of their bytes, which parses in a fraction of the time and memory an
 * array of numbers would (the cache is read back on the machine that wrote it: one byte order).
 */
function replacer(this: Record<string, unknown>, k: string, v: unknown): unknown {
  const raw = this[k];
  if (raw instanceof Int32Array) return { $i32: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
  return raw instanceof Date ? { $date: raw.toISOString() } : v;
}
function reviver(_k: string, v: unknown): unknown {
  if (!v || typeof v !== 'object' || Object.keys(v).length !== 1) return v;
  if ('$date' in v) return new Date((v as { $date: string }).$date);
  if ('$i32' in v && typeof v.$i32 === 'string') {
    const bytes = Buffer.from(v.$i32, 'base64');
    // Not whole fields: left as it is, for the shape check to refuse (see cache-shape.ts).
    if (bytes.length % 4 !== 0) return v;
    const out = new Int32Array(bytes.length / 4);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  return v;
}

function hashFile(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', () => resolve(undefined));
  });
}

export class ResultCache {
  private stored: Stored;
  private readonly hashes = new Map<string, string>();
  private changed = false;

  /**
   * `key`: what the findings depend on besides the files (see cacheKey). `profilesOf`: a file's
   * profiles, part of its entry's key. `files`: the entries read back (parseStored), none at first.
   */
  constructor(
    readonly location: string,
    private readonly key: string,
    private readonly profilesOf: (file: string) => Set<string>,
    files: CacheEntries = {},
    history: HistoryEntries = {},
  ) {
    this.stored = { key, files, history };
  }

  /**
   * What a file's findings depend on besides its content and profiles: the past decisions read
   * (see historySalt), set before prepare(). A changed decision list checks every dossier again.
   */
  salt = '';

  /** Hashes the files' contents, so that get() can answer. */
  async prepare(files: string[]): Promise<void> {
    for (const f of files) {
      const h = await hashFile(f);
      if (h) this.hashes.set(f, `${h}:${[...this.profilesOf(f)].sort().join(',')}${this.salt ? `:${this.salt}` : ''}`);
    }
  }

  /** The content hashes of the history files read this run, in order: what historySalt is made of. */
  private readonly historyHashes: string[] = [];

  /** A history file's part as a run with the same rules read it, when its content has not changed. */
  async historyPart(file: string): Promise<HistoryPart | undefined> {
    const h = await hashFile(file);
    if (!h) return undefined;
    // The path as given is part of what is read: the records name it.
    this.historyHashes.push(`${file}\u0000${h}`);
    this.hashes.set(`history\u0000${file}`, h);
    const entry = this.stored.history?.[path.resolve(file)];
    return entry && entry.hash === h ? entry.part : undefined;
  }

  keepHistory(file: string, part: HistoryPart): void {
    const hash = this.hashes.get(`history\u0000${file}`);
    if (!hash) return;
    (this.stored.history ??= {})[path.resolve(file)] = { hash, part };
    this.changed = true;
  }

  /** The salt of the history files read (and of the units map that joins them to the dossiers). */
  historySalt(units: unknown): string {
    if (this.historyHashes.length === 0) return '';
    return createHash('sha256').update(JSON.stringify([this.historyHashes, units])).digest('hex').slice(0, 32);
  }

  get(file: string): FileReply | undefined {
    const entry = this.stored.files[path.resolve(file)];
    const hash = this.hashes.get(file);
    return entry && hash && entry.hash === hash ? entry.reply : undefined;
  }

  set(file: string, reply: FileReply): void {
    const hash = this.hashes.get(file);
    if (!hash || reply.bug) return;
    this.stored.files[path.resolve(file)] = { hash, reply: { ...reply, index: 0 } };
    this.changed = true;
  }

  /** Drops a file's entry (one no longer cached, see checkPaths). */
  forget(file: string): void {
    const key = path.resolve(file);
    if (!(key in this.stored.files)) return;
    delete this.stored.files[key];
    this.changed = true;
  }

  /** The cache's text, when it changed: the caller writes it atomically. */
  serialize(): string | undefined {
    return this.changed ? JSON.stringify(this.stored, replacer) : undefined;
  }
}

/**
 * A cache's text read back: its entries when it was written for `key`, none when for another (the
 * rules or options changed: a cache is dropped then, as it always was), and what is wrong when it
 * is not a cache hoso wrote — cut short, or of another shape — for the caller to set it aside.
 */
export function parseStored(text: string, key: string): { files: CacheEntries; history?: HistoryEntries } | { damaged: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, reviver);
  } catch (e) {
    return { damaged: (e as Error).message };
  }
  if (!isObj(parsed) || typeof parsed.key !== 'string' || !isObj(parsed.files)) return { damaged: 'not a cache of hoso' };
  if (parsed.key !== key) return { files: {} };
  const bad = badEntry(parsed.files) ?? (parsed.history === undefined ? undefined : isObj(parsed.history) ? badHistoryEntry(parsed.history) : 'history');
  if (bad !== undefined) return { damaged: `the entry of ${bad}` };
  return { files: parsed.files as CacheEntries, history: parsed.history as HistoryEntries | undefined };
}

/**
 * The entries' form: a cache written in another (by a build of the same version) is dropped. Its
 * findings must carry whatever a suppression matches on (`nominee`): an older entry would not; its
 * history records, the ledger's fields.
 */
const FORMAT = `snapshots-flat/sheet-order/nominee/history-i32x${FIELDS}`;

/** What findings depend on besides the files: the packs' contents and the options. */
export function cacheKey(version: string, packFiles: string[], options: unknown): string {
  const h = createHash('sha256').update(FORMAT).update(version).update(JSON.stringify(options));
  for (const f of packFiles) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}
