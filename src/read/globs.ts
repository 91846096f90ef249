/**
 * Glob patterns on the command line ("ho-so/**\/xa-*.xlsx"), for shells and CI steps that pass
 * them through unexpanded. A path that exists is taken as it is, even with glob characters in its
 * name; a pattern is expanded only when no such path exists.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { lazyRequire } from '../lazy.js';

/** Loaded for the first pattern: most runs name files and folders. */
const tinyglobby = lazyRequire<typeof import('tinyglobby')>('tinyglobby');

const GLOB = /[*?[\]{}]/;

/** The files a pattern matches, sorted; undefined when `p` is a path (it exists, or holds no glob character). */
export function globMatches(p: string): string[] | undefined {
  if (existsSync(p) || !GLOB.test(p)) return undefined;
  // An absolute pattern gives absolute paths, as the shell would, not paths relative to the current folder.
  return tinyglobby().globSync(p, { onlyFiles: true, dot: false, expandDirectories: false, absolute: path.isAbsolute(p) }).sort();
}
