/**
 * Parsed rule packs kept between runs: parsing and validating the YAML of the bundled packs is
 * most of a small check's start-up. An entry is keyed by the pack's content and the schema's
 * version (the hoso version), so an edited pack is parsed afresh; it lives in the user's own cache
 * folder (never a shared temporary one, where another user could plant rules), and any failure to
 * read or write it only means parsing as usual.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pack } from './schema.js';

const SCHEMA = 'hoso-pack-cache-1';

function cacheDir(): string | undefined {
  if (process.env.HOSO_NO_CACHE) return undefined;
  const base = process.env.XDG_CACHE_HOME || (os.homedir() && path.join(os.homedir(), '.cache'));
  return base ? path.join(base, 'hoso-lint', 'packs') : undefined;
}

function entryOf(source: string): string | undefined {
  const dir = cacheDir();
  return dir && path.join(dir, createHash('sha256').update(SCHEMA).update(versionOfSchema()).update(source).digest('hex') + '.json');
}

let schemaVersion: string | undefined;
/** The pack schema's own code is part of the key: a changed schema never trusts an older parse. */
function versionOfSchema(): string {
  if (schemaVersion === undefined) {
    try {
      const here = new URL('.', import.meta.url);
      schemaVersion = createHash('sha256').update(readFileSync(new URL('schema.js', here))).digest('hex');
    } catch {
      schemaVersion = '';
    }
  }
  return schemaVersion;
}

export function readCachedPack(_file: string, source: string): Pack | undefined {
  const entry = entryOf(source);
  if (!entry) return undefined;
  try {
    return JSON.parse(readFileSync(entry, 'utf8')) as Pack;
  } catch {
    return undefined;
  }
}

export function writeCachedPack(_file: string, source: string, pack: Pack): void {
  const entry = entryOf(source);
  if (!entry) return;
  try {
    mkdirSync(path.dirname(entry), { recursive: true, mode: 0o700 });
    const tmp = `${entry}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(pack), { mode: 0o600 });
    renameSync(tmp, entry);
  } catch {
    // A cache that cannot be written is no cache: the pack was parsed anyway.
  }
}
