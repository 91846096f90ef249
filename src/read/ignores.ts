/**
 * Ignore patterns (`--ignore-pattern`, the config's `ignores:`): files and folders a run passes
 * over, as ESLint's ignores do — a province keeps its templates (`mau/`) and what it has sent
 * (`da-gui/`) beside the dossiers. A pattern is a glob relative to its base folder (the current
 * folder for the command line, the config file's folder for the config); one without a slash
 * matches a name at any depth (`*.bak`, `mau`), one ending in a slash matches folders only, and a
 * folder matched stands for everything under it.
 */
import path from 'node:path';
import { lazyRequire } from '../lazy.js';

/** Loaded for the first pattern: most runs have none. */
const picomatch = lazyRequire<typeof import('picomatch')>('picomatch');

/** Patterns and the folder they are relative to. Plain data: it crosses to worker threads. */
export interface IgnoreRules {
  base: string;
  patterns: string[];
}

/** Whether a path is ignored; `isDir` says whether it is a folder (for patterns ending in a slash). */
export type Ignored = (p: string, isDir: boolean) => boolean;

export function ignoreMatcher(rules: IgnoreRules[] | undefined): Ignored | undefined {
  const compiled = (rules ?? []).flatMap(({ base, patterns }) =>
    patterns.map((pattern) => {
      const dirOnly = pattern.endsWith('/');
      let glob = pattern.replace(/\/+$/, '').replace(/^\.\//, '');
      if (!glob.includes('/')) glob = `**/${glob}`;
      return { base, dirOnly, test: picomatch()(glob, { dot: true }) };
    }),
  );
  if (compiled.length === 0) return undefined;
  return (p, isDir) =>
    compiled.some(({ base, dirOnly, test }) => {
      const parts = path.relative(base, path.resolve(p)).split(path.sep);
      // The path itself, then each folder above it (up to the base): `mau/` covers `mau/x.xlsx` named directly.
      for (let n = parts.length; n > 0; n--) {
        const folder = n < parts.length || isDir;
        if ((folder || !dirOnly) && test(parts.slice(0, n).join('/'))) return true;
      }
      return false;
    });
}
