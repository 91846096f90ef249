/**
 * The bundled rule packs as texts, for the library: the one module of the library's path that
 * reads the rules folder. The browser bundle replaces it with one holding the texts themselves
 * (a browser has no folder to read), so no other module may read the folder on that path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundledRulesDir, type TextFile } from './load.js';

/** Each bundled pack, named `rules/<file>`, in the order the command line loads the folder in. */
export function bundledPacks(): TextFile[] {
  const dir = bundledRulesDir();
  return readdirSync(dir)
    .sort()
    .filter((f) => /\.ya?ml$/i.test(f))
    .map((f) => ({ name: `rules/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}
