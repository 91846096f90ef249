/**
 * `--cache`: files whose content has not changed since the last run are not read again, as with
 * ESLint's `--cache-strategy content`. An entry is a file's whole outcome (findings, rows, sheets,
 * and the row snapshots the rules over every file need, so those still see every file), keyed by
 * the file's content hash and the profiles in force for it. The cache as a whole is keyed by the
 * rule packs' contents, the options that change findings, hoso's version and the entries' form:
 * change any and it is dropped. It is written atomically; a damaged cache is ignored, never
 * trusted.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileReply } from './parallel.js';

interface Stored {
  key: string;
  files: Record<string, { hash: string; reply: FileReply }>;
}

/** Dates survive JSON as {"$date": iso}. */
function replacer(this: Record<string, unknown>, k: string, v: unknown): unknown {
  const raw = this[k];
  return raw instanceof Date ? { $date: raw.toISOString() } : v;
}
function reviver(_k: string, v: unknown): unknown {
  return v && typeof v === 'object' && '$date' in v && Object.keys(v).length === 1 ? new Date((v as { $date: string }).$date) : v;
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

  /** `key`: what the findings depend on besides the files (see cacheKey). `profilesOf`: a file's profiles, part of its entry's key. */
  constructor(
    readonly location: string,
    private readonly key: string,
    private readonly profilesOf: (file: string) => Set<string>,
  ) {
    let stored: Stored = { key, files: {} };
    try {
      const parsed = JSON.parse(readFileSync(location, 'utf8'), reviver) as Stored;
      if (parsed && parsed.key === key && parsed.files && typeof parsed.files === 'object') stored = parsed;
    } catch {
      // No cache yet, or one that cannot be read: start afresh.
    }
    this.stored = stored;
  }

  /** Hashes the files' contents, so that get() can answer. */
  async prepare(files: string[]): Promise<void> {
    for (const f of files) {
      const h = await hashFile(f);
      if (h) this.hashes.set(f, `${h}:${[...this.profilesOf(f)].sort().join(',')}`);
    }
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

/** The entries' form: a cache written in another (by a build of the same version) is dropped. */
const FORMAT = 'snapshots-flat/sheet-order';

/** What findings depend on besides the files: the packs' contents and the options. */
export function cacheKey(version: string, packFiles: string[], options: unknown): string {
  const h = createHash('sha256').update(FORMAT).update(version).update(JSON.stringify(options));
  for (const f of packFiles) h.update(f).update(readFileSync(f));
  return h.digest('hex');
}
