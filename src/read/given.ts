/**
 * The inputs of a check given as bytes with names (the library API, the offline page), beside
 * paths: each is taken as the command line takes the same file. One given by name is tried
 * whatever it is, as a file named on the command line; those found by walking a folder the user
 * dropped (`walked`) are taken as `hoso check <folder>` takes them — hidden files and hoso's own
 * settings passed over in silence, ignore patterns counted, lock files, files that are no
 * dossier and hoso's own outputs noted — in the order that walk meets them.
 */
import { hosoOutputOf } from './output-mark.js';
import { InputList, walkedName, walkPath, type Inputs } from './inputs.js';
import type { Ignored } from './ignores.js';
import type { FileData, NamedBytes } from './bytes.js';
import type { OutputKind } from '../write/mark.js';
import { InputError } from './types.js';

/** A dossier given as bytes; `walked`: found in a folder given, rather than given by name. */
export interface DossierBytes extends NamedBytes {
  walked?: boolean;
}

/** An input of a check: a path (file, folder or pattern), or bytes with a name. */
export type Given = string | DossierBytes;

export interface GivenInputs extends Inputs {
  /** The bytes of each file to check that was given as bytes, by its name. */
  data: Map<string, FileData>;
}

/** Whether what hoso wrote a workbook as is worth reading: the walk asks it of .xlsx files only. */
const MAYBE_OUTPUT = /\.xlsx$/i;

export async function expandGiven(given: Given[], isIgnored?: Ignored): Promise<GivenInputs> {
  const list = new InputList();
  const data = new Map<string, FileData>();
  const tree = given.filter((g): g is DossierBytes => typeof g !== 'string' && g.walked === true).map((g) => ({ g, parts: g.name.split('/') }));
  // A folder walk meets names in order at each level, a folder's contents before the next name.
  tree.sort((a, b) => compareParts(a.parts, b.parts));
  // The walk is synchronous: what hoso wrote each workbook as is read first (of a Blob, a few slices).
  const marks = new Map<DossierBytes, OutputKind | undefined>();
  for (const { g } of tree) if (MAYBE_OUTPUT.test(g.name)) marks.set(g, await hosoOutputOf(g.data));
  const take = (g: DossierBytes, how: 'named' | 'found') => {
    const base = g.name.slice(g.name.lastIndexOf('/') + 1);
    if (list.file(g.name, base, how, `bytes:${g.name}`, () => marks.get(g))) data.set(g.name, g.data);
  };
  let walked = false;
  for (const g of given) {
    if (typeof g === 'string') walkPath(list, g, isIgnored);
    else if (!g.walked) {
      if (ignored(list, g.name, false, isIgnored)) continue;
      take(g, 'named');
    } else if (!walked) {
      walked = true;
      const before = list.met;
      const passed = new Set<string>();
      for (const { g: found, parts } of tree) {
        if (!parts.every(walkedName)) continue;
        // A folder ignored is not entered, and counted once, as the walk counts it.
        const folder = parts.slice(0, -1).findIndex((_, i) => {
          const dir = parts.slice(0, i + 1).join('/');
          return passed.has(dir) || ignored(list, dir, true, isIgnored, passed);
        });
        if (folder >= 0 || ignored(list, found.name, false, isIgnored)) continue;
        take(found, 'found');
      }
      // A dropped folder with nothing to check passes with nothing looked at: said as the walk says it.
      if (list.met === before) list.errors.push(new InputError(rootOf(tree.map((t) => t.parts)), 'nothing-to-check', 'no file to check'));
    }
  }
  return { ...list.result(), data };
}

/** Whether the path is ignored; counted as the walk counts it (once for a folder, kept in `passed`). */
function ignored(list: InputList, p: string, isDir: boolean, isIgnored: Ignored | undefined, passed?: Set<string>): boolean {
  if (!isIgnored?.(p, isDir)) return false;
  passed?.add(p);
  list.ignored++;
  list.met++;
  return true;
}

/** Names compared folder by folder, each level in the order readdir's names are sorted in. */
function compareParts(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

/** The folder every name is under, or '.' when they share none. */
function rootOf(parts: string[][]): string {
  const first = parts[0]?.[0];
  return first !== undefined && parts.every((p) => p.length > 1 && p[0] === first) ? first : '.';
}
