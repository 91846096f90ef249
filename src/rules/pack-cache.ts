/**
 * Parsed rule packs kept between runs: parsing and validating the YAML of the bundled packs is
 * most of a small check's start-up, and loading yaml and zod to do it is as much again. An entry
 * holds a pack and its rules' options as validated, keyed by the pack's content and the code that
 * validates it (the pack schema and every operator's module), so an edited pack or a changed
 * schema is parsed afresh; it lives in the user's own cache folder (never a shared temporary one,
 * where another user could plant rules), and any failure to read or write it only means parsing
 * as usual.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pack } from './schema.js';

// 3: packs are bounded in size, depth and list length (yaml-bounds.ts); an older entry may hold one past them.
const SCHEMA = 'hoso-pack-cache-3';

/** A cache entry: the pack as its schema gives it, and each rule's options as its operator's schema gives them. */
export interface CachedPack {
  pack: Pack;
  options: unknown[];
}

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
/** The code that validates a pack is part of the key: a changed schema or operator never trusts an older parse. */
function versionOfSchema(): string {
  if (schemaVersion === undefined) {
    try {
      // .js when compiled, .ts when run from the sources (tests).
      const ext = path.extname(fileURLToPath(import.meta.url));
      const hash = createHash('sha256').update(readFileSync(new URL(`schema${ext}`, import.meta.url)));
      const operators = new URL('../operators/', import.meta.url);
      for (const name of readdirSync(operators).filter((f) => f.endsWith(ext)).sort()) hash.update(name).update(readFileSync(new URL(name, operators)));
      schemaVersion = hash.digest('hex');
    } catch {
      schemaVersion = '';
    }
  }
  return schemaVersion;
}

export function readCachedPack(_file: string, source: string): CachedPack | undefined {
  const entry = entryOf(source);
  if (!entry) return undefined;
  try {
    const cached = JSON.parse(readFileSync(entry, 'utf8')) as CachedPack;
    return Array.isArray(cached?.options) && cached.options.length === cached.pack?.rules?.length ? cached : undefined;
  } catch {
    return undefined;
  }
}

export function writeCachedPack(_file: string, source: string, pack: CachedPack): void {
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
