/**
 * Where `--annotate` puts each file's copy. A copy keeps the file's place relative to the common
 * folder of the run's inputs — the folders named and the folders of the files — so that a
 * district's `xa-a/danh-sach.xlsx` and `xa-b/danh-sach.xlsx` stay apart, and nothing above that
 * folder (an absolute path, `..`) is mirrored under the annotate folder. Every name is planned
 * before any copy is written: two inputs that would map to one copy get distinct names, so that
 * no copy of the run overwrites another.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

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

/** Inputs whose copy cannot hold their fills and notes in their own format get an .xlsx copy. */
const TEXT_INPUT = /\.(csv|txt|tsv)$/i;

/**
 * Two names one file system may take for one: Windows and macOS compare names without case and
 * in one Unicode form, so "A.xlsx" and "a.xlsx", or "Hồ" composed and decomposed, would land on
 * one file there.
 */
const nameKey = (rel: string): string => rel.split(path.sep).join('/').normalize('NFC').toUpperCase();

/** The deepest folder holding every one of the folders (absolute paths); undefined when on different drives. */
function commonFolder(folders: string[]): string | undefined {
  const [first, ...rest] = folders.map((f) => f.split(path.sep));
  let depth = first.length;
  for (const parts of rest) {
    let i = 0;
    while (i < depth && i < parts.length && parts[i] === first[i]) i++;
    depth = i;
  }
  // On Windows two drives share nothing ("C:" and "D:" differ in the first part).
  if (depth === 0) return undefined;
  const joined = first.slice(0, depth).join(path.sep);
  return depth === 1 ? joined + path.sep : joined;
}

/** A folder or a file; undefined for a glob pattern (its matches are among the files) or a path that is not there. */
function kindOf(p: string): 'folder' | 'file' | undefined {
  try {
    return statSync(p).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * The copy of each file, by file, in the files' order. A copy keeps its input's name where it
 * can; the names are then made distinct, deterministically:
 * - an input whose copy keeps its own name ("a.xlsx") has it before one whose copy is renamed
 *   (the copy of "a.csv" is an .xlsx): the latter becomes "a (csv).xlsx";
 * - otherwise the first in the run's order keeps the name and the next become "a (2).xlsx",
 *   "a (3).xlsx" (two names equal but for case or Unicode form, or a name that is also a folder
 *   of another copy).
 */
export function planCopies(place: CopyPlace, files: string[]): Map<string, string> {
  const placeAs = place.placeAs ?? ((f: string) => f);
  const at = new Map(files.map((f) => [f, path.resolve(placeAs(f))]));
  // A file named counts whether or not it could be read: where a copy goes does not hang on another file.
  const named = place.given.flatMap((g) => {
    const kind = kindOf(g);
    return kind === 'folder' ? [path.resolve(g)] : kind === 'file' ? [path.dirname(path.resolve(placeAs(g)))] : [];
  });
  const folders = [...named, ...[...at.values()].map((a) => path.dirname(a))];
  const common = folders.length ? commonFolder(folders) : undefined;
  /** The copy's path under the annotate folder, before names are made distinct. */
  const wanted = new Map<string, { rel: string; renamed: string | undefined }>();
  for (const [file, abs] of at) {
    // With no common folder (inputs on two drives), the drive's letter stands for the drive.
    const rel = common === undefined ? abs.replace(/^([A-Za-z]):[\\/]*/, '$1' + path.sep) : path.relative(common, abs);
    const ext = path.extname(rel);
    const renamed = TEXT_INPUT.test(ext) ? ext.slice(1).toLowerCase() : undefined;
    wanted.set(file, { rel: renamed ? rel.slice(0, -ext.length) + '.xlsx' : rel, renamed });
  }
  // A copy may not take a name that is a folder of another copy.
  const taken = new Set<string>();
  for (const { rel } of wanted.values()) for (let d = path.dirname(rel); d !== '.' && d !== path.dirname(d); d = path.dirname(d)) taken.add(nameKey(d));
  const chosen = new Map<string, string>();
  const choose = (file: string, rel: string, renamed: string | undefined) => {
    const ext = path.extname(rel);
    const stem = rel.slice(0, rel.length - ext.length);
    const candidates = function* () {
      yield rel;
      if (renamed) yield `${stem} (${renamed})${ext}`;
      for (let n = 2; ; n++) yield `${stem} (${n})${ext}`;
    };
    for (const name of candidates()) {
      if (taken.has(nameKey(name))) continue;
      taken.add(nameKey(name));
      chosen.set(file, name);
      return;
    }
  };
  for (const [file, w] of wanted) if (!w.renamed) choose(file, w.rel, undefined);
  for (const [file, w] of wanted) if (w.renamed) choose(file, w.rel, w.renamed);
  return new Map(files.map((f) => [f, path.join(place.dir, chosen.get(f)!)]));
}
