/** `--cache` and `--cache-location` as the command line knows them, without the cache itself (cache.ts). */
export const DEFAULT_CACHE = '.hoso-cache';

export interface CacheOptions {
  cache?: boolean;
  cacheLocation?: string;
}
