/**
 * Where `--annotate` puts each file's copy. A copy keeps the file's place relative to the common
 * folder of the run's inputs — the folders named and the folders of the files — so that a
 * district's `xa-a/danh-sach.xlsx` and `xa-b/danh-sach.xlsx` stay apart, and nothing above that
 * folder (an absolute path, `..`) is mirrored under the annotate folder. Every name is planned
 * before any copy is written: two inputs that would map to one copy get distinct names, so that
 * no copy of the run overwrites another (copy-names.ts, which a page's copies are named by too).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { distinctNames } from './copy-names.js';

/** What the placement needs of a run. */
export interface CopyPlace {
  /** The folder the copies go into (`--annotate <dir>`). */
  dir: string;
  /** The paths the run was given: the folders and files among them bound the common folder. */
  given: string[];
  /**
   * Where a file stands for its copy's path, when not at its own path: standard input's
   * temporary file stands at the name --stdin-filename gives it.
   */
  placeAs?: (file: string) => string;
}

/** A folder or a file; undefined for a glob pattern (its matches are among the files) or a path that is not there. */
function kindOf(p: string): 'folder' | 'file' | undefined {
  try {
    return statSync(p).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/** The copy of each file, by file, in the files' order: under `place.dir`, named as distinctNames says. */
export function planCopies(place: CopyPlace, files: string[]): Map<string, string> {
  const placeAs = place.placeAs ?? ((f: string) => f);
  const at = new Map(files.map((f) => [f, path.resolve(placeAs(f))]));
  // A file named counts whether or not it could be read: where a copy goes does not hang on another file.
  const named = place.given.flatMap((g) => {
    const kind = kindOf(g);
    return kind === 'folder' ? [path.resolve(g)] : kind === 'file' ? [path.dirname(path.resolve(placeAs(g)))] : [];
  });
  const chosen = distinctNames(at, named, path);
  return new Map(files.map((f) => [f, path.join(place.dir, chosen.get(f)!)]));
}
