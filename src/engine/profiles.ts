/**
 * Which quota profiles are in force for a file: those given for the whole run (--profile, the
 * config's `profiles`), and those the config maps to the file's folder or a glob matching it
 * (`profiles-for: { "xa/**": [binh-dinh/xa] }`), so that one run over a province's folder holds
 * each commune, agency and enterprise to its own quota.
 */
import path from 'node:path';
import { lazyRequire } from '../lazy.js';

/** Loaded for the first glob of a profile map: most runs have none. */
const picomatch = lazyRequire<typeof import('picomatch')>('picomatch');

/** Globs (relative to `base`, the config file's folder) → profile ids. Plain data: it crosses to worker threads. */
export interface ProfileMap {
  base: string;
  map: Record<string, string[]>;
}

export type ProfilesOf = (file: string) => Set<string>;

export function profileResolver(global: string[], profileMap: ProfileMap | undefined): ProfilesOf {
  if (!profileMap || Object.keys(profileMap.map).length === 0) {
    const all = new Set(global);
    return () => all;
  }
  const matchers = Object.entries(profileMap.map).map(([pattern, profiles]) => {
    // A folder named without a wildcard stands for everything under it.
    const glob = /[*?[\]{}!]/.test(pattern) ? pattern : `${pattern.replace(/\/+$/, '')}/**`;
    return { test: picomatch()(glob, { dot: false, nocase: true }), profiles };
  });
  const cache = new Map<string, Set<string>>();
  return (file) => {
    let set = cache.get(file);
    if (!set) {
      const rel = path.relative(profileMap.base, path.resolve(file)).split(path.sep).join('/');
      set = new Set(global);
      for (const m of matchers) if (m.test(rel)) for (const p of m.profiles) set.add(p);
      cache.set(file, set);
    }
    return set;
  };
}

/** Every profile the run may use, to check the ids and to load their rules. */
export function allProfiles(global: string[], profileMap: ProfileMap | undefined): string[] {
  return [...new Set([...global, ...Object.values(profileMap?.map ?? {}).flat()])];
}
