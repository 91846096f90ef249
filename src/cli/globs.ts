/**
 * Glob patterns on the command line ("ho-so/**\/xa-*.xlsx"), for shells and CI steps that pass
 * them through unexpanded. A path that exists is taken as it is, even with glob characters in its
 * name; a pattern that matches nothing is kept, so that it is reported as not found.
 */
import { existsSync } from 'node:fs';
import { lazyRequire } from '../lazy.js';

/** Loaded for the first pattern: most runs name files and folders. */
const tinyglobby = lazyRequire<typeof import('tinyglobby')>('tinyglobby');

const GLOB = /[*?[\]{}]/;

export function expandGlobs(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (existsSync(p) || !GLOB.test(p)) return [p];
    const found = tinyglobby().globSync(p, { onlyFiles: true, dot: false, expandDirectories: false }).sort();
    return found.length ? found : [p];
  });
}
