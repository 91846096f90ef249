/**
 * The names the annotated copies take, relative to the folder they go into: each file's path
 * relative to the common folder of the inputs, made distinct. Worked out on paths alone, with the
 * platform's path functions for the CLI's files (placement.ts) and POSIX's for a page's files,
 * named by their relative paths in a dropped folder (copyNames): both get the same names.
 */
import path from 'node:path';

/** The path functions the names are worked out with. */
export type PathOps = Pick<typeof path, 'sep' | 'dirname' | 'relative' | 'extname' | 'resolve'>;

/** Inputs whose copy cannot hold their fills and notes in their own format get an .xlsx copy. */
export const TEXT_INPUT = /\.(csv|txt|tsv)$/i;

/**
 * Two names one file system may take for one: Windows and macOS compare names without case and
 * in one Unicode form, so "A.xlsx" and "a.xlsx", or "Hồ" composed and decomposed, would land on
 * one file there.
 */
const nameKey = (rel: string, p: PathOps): string => rel.split(p.sep).join('/').normalize('NFC').toUpperCase();

/** The deepest folder holding every one of the folders (absolute paths); undefined when on different drives. */
function commonFolder(folders: string[], p: PathOps): string | undefined {
  const [first, ...rest] = folders.map((f) => f.split(p.sep));
  let depth = first.length;
  for (const parts of rest) {
    let i = 0;
    while (i < depth && i < parts.length && parts[i] === first[i]) i++;
    depth = i;
  }
  // On Windows two drives share nothing ("C:" and "D:" differ in the first part).
  if (depth === 0) return undefined;
  const joined = first.slice(0, depth).join(p.sep);
  return depth === 1 ? joined + p.sep : joined;
}

/**
 * The copy of each file relative to the folder the copies go into, by file (those keeping their
 * own name first): `at` gives each file's absolute path, `named` the folders beside the files'
 * own that bound the common one. A copy keeps its input's name where it can; the names are then made distinct, deterministically:
 * - an input whose copy keeps its own name ("a.xlsx") has it before one whose copy is renamed
 *   (the copy of "a.csv" is an .xlsx): the latter becomes "a (csv).xlsx";
 * - otherwise the first in the run's order keeps the name and the next become "a (2).xlsx",
 *   "a (3).xlsx" (two names equal but for case or Unicode form, or a name that is also a folder
 *   of another copy).
 */
export function distinctNames(at: Map<string, string>, named: string[], p: PathOps): Map<string, string> {
  const folders = [...named, ...[...at.values()].map((a) => p.dirname(a))];
  const common = folders.length ? commonFolder(folders, p) : undefined;
  /** The copy's path under the annotate folder, before names are made distinct. */
  const wanted = new Map<string, { rel: string; renamed: string | undefined }>();
  for (const [file, abs] of at) {
    // With no common folder (inputs on two drives), the drive's letter stands for the drive.
    const rel = common === undefined ? abs.replace(/^([A-Za-z]):[\\/]*/, '$1' + p.sep) : p.relative(common, abs);
    const ext = p.extname(rel);
    const renamed = TEXT_INPUT.test(ext) ? ext.slice(1).toLowerCase() : undefined;
    wanted.set(file, { rel: renamed ? rel.slice(0, -ext.length) + '.xlsx' : rel, renamed });
  }
  // A copy may not take a name that is a folder of another copy.
  const taken = new Set<string>();
  for (const { rel } of wanted.values()) for (let d = p.dirname(rel); d !== '.' && d !== p.dirname(d); d = p.dirname(d)) taken.add(nameKey(d, p));
  const chosen = new Map<string, string>();
  const choose = (file: string, rel: string, renamed: string | undefined) => {
    const ext = p.extname(rel);
    const stem = rel.slice(0, rel.length - ext.length);
    const candidates = function* () {
      yield rel;
      if (renamed) yield `${stem} (${renamed})${ext}`;
      for (let n = 2; ; n++) yield `${stem} (${n})${ext}`;
    };
    for (const name of candidates()) {
      if (taken.has(nameKey(name, p))) continue;
      taken.add(nameKey(name, p));
      chosen.set(file, name);
      return;
    }
  };
  for (const [file, w] of wanted) if (!w.renamed) choose(file, w.rel, undefined);
  for (const [file, w] of wanted) if (w.renamed) choose(file, w.rel, w.renamed);
  return chosen;
}

/**
 * The names of a page's copies, by file, in the files' order: the files named by their paths relative to one place
 * (a file's name, or "truong-a/ds.xlsx" in a dropped folder), `folders` the folders given among
 * them (a dropped folder, "truong-a"). These are the names `hoso check --annotate` gives the
 * same files, given by the same relative paths: the copy of "truong-a/ds.xlsx" alone is "ds.xlsx".
 */
export function copyNames(files: string[], folders: string[] = []): Map<string, string> {
  const p = path.posix;
  // Resolved against the root, so that no working folder (which a page has not) comes in.
  const abs = (name: string) => p.resolve('/', name);
  const chosen = distinctNames(new Map(files.map((f) => [f, abs(f)])), folders.map(abs), p);
  return new Map(files.map((f) => [f, chosen.get(f)!]));
}
