/**
 * `--cache` and `--cache-location` for `hoso check`. The cache only saves time: it never breaks a
 * run. One that cannot be read or is damaged is set aside (renamed `….damaged`) with a warning
 * and built again; it is written after the report, and failing to write it is a warning.
 */
import { readFileSync, renameSync, statSync } from 'node:fs';
import { ResultCache, cacheKey, parseStored, type CacheEntries, type HistoryEntries } from '../engine/cache.js';
import { profileResolver, type ProfileMap } from '../engine/profiles.js';
import type { Lang, Severity } from '../engine/types.js';
import { writeAtomic, type InputGuard } from './output.js';
import { DEFAULT_CACHE, type CacheOptions } from './cache-options.js';
import { cacheText } from './i18n.js';

/** A cache opened for a run, and whether it may be written at its end. */
export interface OpenCache {
  cache: ResultCache;
  save: boolean;
}

const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

export function openCache(
  opts: CacheOptions,
  inputs: InputGuard,
  version: string,
  settings: { packFiles: string[]; profiles: string[]; profileMap?: ProfileMap; severity: Record<string, Severity | 'off'>; lang: Lang; purpose?: string; ignoreColumns?: string[]; limits?: unknown },
  warn: (line: string) => void,
): OpenCache | undefined {
  if (!opts.cache) return undefined;
  const location = opts.cacheLocation ?? DEFAULT_CACHE;
  inputs.assertNot(location);
  const { packFiles, ...options } = settings;
  const key = cacheKey(version, packFiles, options);
  const { files, history, save } = readCache(location, key, inputs, settings.lang, warn);
  return { cache: new ResultCache(location, key, profileResolver(settings.profiles, settings.profileMap), files, history), save };
}

/** The entries of the cache at `location`; anything but a cache hoso wrote is set aside, said, and started afresh. */
function readCache(location: string, key: string, inputs: InputGuard, lang: Lang, warn: (line: string) => void): { files?: CacheEntries; history?: HistoryEntries; save: boolean } {
  let stat;
  try {
    stat = statSync(location);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { save: true };
    warn(cacheText('unreadable', lang, location, reason(e)));
    return { save: true };
  }
  // A pipe would block the run and a device is no place for a cache: neither is read nor written.
  if (!stat.isFile() && !stat.isDirectory()) {
    warn(cacheText('notAFile', lang, location));
    return { save: false };
  }
  let problem: string;
  if (stat.isDirectory()) problem = lang === 'en' ? 'a folder' : 'một thư mục';
  else {
    try {
      const read = parseStored(readFileSync(location, 'utf8'), key);
      if ('files' in read) return { files: read.files, history: read.history, save: true };
      problem = read.damaged;
    } catch (e) {
      problem = reason(e);
    }
  }
  const aside = `${location}.damaged`;
  try {
    if (inputs.covers(aside)) throw new Error(aside);
    renameSync(location, aside);
    warn(cacheText('setAside', lang, location, problem, aside));
  } catch (e) {
    warn(cacheText('notSetAside', lang, location, problem, reason(e)));
  }
  return { save: true };
}

/** Writes the cache when it changed; a failure is a warning: the report has already been written. */
export function saveCache(open: OpenCache | undefined, lang: Lang, warn: (line: string) => void): void {
  const text = open?.save ? open.cache.serialize() : undefined;
  if (!open || !text) return;
  try {
    writeAtomic(open.cache.location, text);
  } catch (e) {
    warn(cacheText('unwritable', lang, open.cache.location, reason(e)));
  }
}
