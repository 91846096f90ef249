/** `--cache` and `--cache-location` for `hoso check`. */
import { ResultCache, cacheKey } from '../engine/cache.js';
import { profileResolver, type ProfileMap } from '../engine/profiles.js';
import type { Severity } from '../engine/types.js';
import { writeAtomic, type InputGuard } from './output.js';
import { DEFAULT_CACHE, type CacheOptions } from './cache-options.js';

export function openCache(
  opts: CacheOptions,
  inputs: InputGuard,
  version: string,
  settings: { packFiles: string[]; profiles: string[]; profileMap?: ProfileMap; severity: Record<string, Severity | 'off'>; lang: string; limits?: unknown },
): ResultCache | undefined {
  if (!opts.cache) return undefined;
  const location = opts.cacheLocation ?? DEFAULT_CACHE;
  inputs.assertNot(location);
  const { packFiles, ...options } = settings;
  return new ResultCache(location, cacheKey(version, packFiles, options), profileResolver(settings.profiles, settings.profileMap));
}

export function saveCache(cache: ResultCache | undefined): void {
  const text = cache?.serialize();
  if (cache && text) writeAtomic(cache.location, text);
}
