/**
 * The files a run checks, found under the paths given. A verdict covers everything given, so every
 * file met is checked, refused with a reason (exit 2), or named in a note (an info finding); only
 * hidden files and folders (dot-names), hoso's own config and what an ignore pattern matches (counted)
 * are passed over in silence. Each file is checked once,
 * under the first path that reached it, however many paths, links or hard links lead to it.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { globMatches } from './globs.js';
import type { Ignored } from './ignores.js';
import { hosoOutput } from './output-mark.js';
import type { OutputKind } from '../write/mark.js';
import { InputError, inputErrorOf } from './types.js';

/** hoso's own settings, found beside the dossiers they are for: passed over in silence, like hidden files. */
export const CONFIG_NAME = 'hoso.config.yaml';
/** The reviewed exceptions (see cli/suppressions.ts), kept beside the config: passed over likewise. */
export const SUPPRESSIONS_NAME = 'hoso-suppressions.json';

/** Checked when found in a folder. */
const WALKED = /\.(xlsx|xlsm|csv)$/i;
/**
 * Read when named (Excel's "Unicode Text" export is a .txt), but in a folder as likely a note or a
 * code list (the .tsv code lists beside an existing system's templates) as a list of nominees:
 * named in the report, with how to have it checked.
 */
const TEXT = /\.(txt|tsv)$/i;

/**
 * Temporary files a pattern may match beside the dossiers (`*.tmp`, as Excel saves through;
 * LibreOffice's `.~lock.name#`): taken as a folder takes them — noted, or passed over as hidden —
 * never opened, so a workbook open in an office suite does not fail the run.
 */
const TEMP = /\.tmp$|^\.~lock\..*#$/i;

/**
 * Spreadsheets and their templates that hoso cannot read. Found in a folder, each is refused as
 * when it is named (openSource says what it is and what to do): it may be the very list the
 * officer meant to send.
 */
export const OTHER_SPREADSHEET = /\.(xls|xlt|xlsb|xltx|xltm|ods|ots|fods|numbers|et|ett|gsheet)$/i;

/** Workbooks hoso may have written (see output-mark.ts): hoso writes no other kind. */
const OUTPUT = /\.xlsx$/i;

/**
 * A file or folder met and not checked, named so that the report says so: not a dossier (a .pdf,
 * a .docx), a text file, Excel's lock file, a workbook hoso wrote (`output`: an annotated copy, a
 * report, a template), a broken link, or a file or folder already reached by another path
 * (`first`), a link back to a folder being walked among them.
 */
export interface InputNote {
  path: string;
  kind: 'not-dossier' | 'text' | 'lock-file' | 'hoso-output' | 'broken-link' | 'same-file' | 'same-folder' | 'loop';
  first?: string;
  output?: OutputKind;
}

export interface Inputs {
  /** The files to check, each once, in a stable order: the paths as given, folders walked in name order. */
  files: string[];
  errors: InputError[];
  notes: InputNote[];
  /** Every path checked or noted, once, in the order met: the order of the report. */
  order: string[];
  /** Files and folders passed over by an ignore pattern: not named, only counted. */
  ignored: number;
}

/** What a path that is neither a file nor a folder is: never opened, since opening a pipe blocks. */
function special(p: string, st: BigIntStats): InputError {
  if (st.isFIFO()) return new InputError(p, 'fifo', 'a named pipe (FIFO)');
  if (st.isSocket()) return new InputError(p, 'socket', 'a socket');
  return new InputError(p, 'device', st.isBlockDevice() ? 'a block device' : 'a character device');
}

/**
 * A file's or folder's identity: device and inode (which links and hard links share), read as
 * big integers since a 64-bit file id loses digits as a number. A file system without inode
 * numbers (0) falls back to the real path.
 */
function identity(p: string, st: BigIntStats): string {
  if (st.ino !== 0n) return `${st.dev}:${st.ino}`;
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * The inputs met so far, as a run takes them: the files to check, the reasons, the notes and the
 * report's order; shared by the walk of paths (below) and of bytes given with names (given.ts).
 */
export class InputList {
  readonly files: string[] = [];
  readonly errors: InputError[] = [];
  readonly notes: InputNote[] = [];
  readonly order = new Set<string>();
  /** The first path (or name) of each file and folder taken, by its identity. */
  readonly fileFirst = new Map<string, string>();
  readonly folderFirst = new Map<string, string>();
  /** Files checked, refused or already checked, met so far: a folder that adds none had nothing to check. */
  met = 0;
  ignored = 0;

  note(n: InputNote): void {
    this.notes.push(n);
    this.order.add(n.path);
  }

  refuse(e: InputError): void {
    this.errors.push(e);
    this.met++;
  }

  /**
   * A file met: taken to be checked, or noted. `how`: named by the user, matched by a pattern, or
   * found in a folder; `id`: its identity (see identity()); `output`: what hoso wrote it as, asked
   * only of a workbook met otherwise than by name. Returns whether it is to be checked.
   */
  file(p: string, name: string, how: 'named' | 'matched' | 'found', id: string, output: () => OutputKind | undefined): boolean {
    const first = this.fileFirst.get(id);
    const asFound = how === 'found' || (how === 'matched' && TEMP.test(name));
    let kind: OutputKind | undefined;
    if (asFound && name.startsWith('.')) return false;
    if (first !== undefined) {
      this.met++;
      this.note({ path: p, kind: 'same-file', first });
    } else if (how !== 'named' && name.startsWith('~$')) this.note({ path: p, kind: 'lock-file' });
    else if (asFound && !WALKED.test(name) && !OTHER_SPREADSHEET.test(name)) this.note({ path: p, kind: TEXT.test(name) ? 'text' : 'not-dossier' });
    else if (how !== 'named' && OUTPUT.test(name) && (kind = output())) this.note({ path: p, kind: 'hoso-output', output: kind });
    else {
      this.fileFirst.set(id, p);
      this.files.push(p);
      this.order.add(p);
      this.met++;
      return true;
    }
    return false;
  }

  result(): Inputs {
    return { files: this.files, errors: this.errors, notes: this.notes, order: [...this.order], ignored: this.ignored };
  }
}

/**
 * Files, folders and glob patterns the shell did not expand. A file named is always tried,
 * whatever its extension (openSource gives an unsupported format its own reason), even one hoso
 * wrote (the user asked for it), and so is a file a pattern matches, except lock and temporary
 * files (taken as a folder takes them) and a workbook hoso wrote, noted as a folder notes it. A folder is walked recursively in name order. Missing paths, pipes and devices are
 * reported, not thrown, and never opened; a folder or pattern with nothing to check is reported too.
 */
export function expandInputs(paths: string[], isIgnored?: Ignored): Inputs {
  const list = new InputList();
  for (const p of paths) walkPath(list, p, isIgnored);
  return list.result();
}

/** A path given: a file, a folder walked, or a pattern's matches, into the list. */
export function walkPath(list: InputList, p: string, isIgnored?: Ignored): void {
  /**
   * `how`: named on the command line, matched by a pattern, or found in a folder. `ancestors`: the
   * identities of the folders being walked. Returns whether `p` was a folder walked now.
   */
  const visit = (p: string, how: 'named' | 'matched' | 'found', ancestors: string[]): boolean => {
    let st: BigIntStats;
    try {
      st = statSync(p, { bigint: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (how === 'found' && isLink(p)) list.note({ path: p, kind: 'broken-link' });
      else if (code === 'ENOENT' || code === 'ENOTDIR') list.refuse(new InputError(p, 'not-found', 'no such file or folder'));
      else list.refuse(inputErrorOf(p, 'unreadable', e));
      return false;
    }
    // Passed over in silence, and counted as met: a folder holding only ignored files is not an error.
    if (isIgnored?.(p, st.isDirectory())) {
      list.ignored++;
      list.met++;
      return false;
    }
    const id = identity(p, st);
    if (st.isDirectory()) {
      const first = list.folderFirst.get(id);
      const above = how === 'found' ? linkAbove(p) : undefined;
      if (above !== undefined || (first !== undefined && ancestors.includes(id))) {
        list.note({ path: p, kind: 'loop', first: first ?? above });
        return false;
      }
      if (first !== undefined) {
        list.note({ path: p, kind: 'same-folder', first });
        return false;
      }
      list.folderFirst.set(id, p);
      let names: string[];
      try {
        names = readdirSync(p).sort();
      } catch (e) {
        list.refuse(inputErrorOf(p, 'unreadable', e));
        return true;
      }
      const inside = [...ancestors, id];
      for (const name of names) if (walkedName(name)) visit(path.join(p, name), 'found', inside);
      return true;
    }
    if (!st.isFile()) {
      list.refuse(special(p, st));
      return false;
    }
    list.file(p, path.basename(p), how, id, () => outputOf(p, `${id}:${st.size}:${st.mtimeNs}`));
    return false;
  };

  const before = list.met;
  const matches = globMatches(p);
  let walked = false;
  if (matches) for (const m of matches) visit(m, 'matched', []);
  else walked = visit(p, 'named', []);
  // A folder or pattern that adds nothing to check would pass with nothing looked at.
  if ((matches || walked) && list.met === before) list.errors.push(new InputError(p, 'nothing-to-check', 'no file to check'));
}

/** Whether a name met in a folder is looked at: hidden files and hoso's own settings are passed over in silence. */
export function walkedName(name: string): boolean {
  return !name.startsWith('.') && name !== CONFIG_NAME && name !== SUPPRESSIONS_NAME;
}

/**
 * What hoso wrote a file as, read once per run for a file unchanged (`version`: its identity, size
 * and time): a run walks its inputs twice, once to guard them from its outputs and once to check them.
 * Forgotten when the check ends (forgetOutputs), so that a process checking again and again (the
 * library) neither grows it nor trusts an answer about a file rewritten within the time's grain.
 */
const outputs = new Map<string, OutputKind | undefined>();
function outputOf(p: string, version: string): OutputKind | undefined {
  if (!outputs.has(version)) outputs.set(version, hosoOutput(p));
  return outputs.get(version);
}

export function forgetOutputs(): void {
  outputs.clear();
}

/**
 * A symbolic link to the folder holding it or to one above (`self -> .`, `up -> ..`): walking it
 * would walk the same folders again, without end. Its target's real path when it is such a link.
 */
function linkAbove(p: string): string | undefined {
  if (!isLink(p)) return undefined;
  try {
    const target = realpathSync(p);
    const holder = realpathSync(path.dirname(p));
    return holder === target || holder.startsWith(target.endsWith(path.sep) ? target : target + path.sep) ? target : undefined;
  } catch {
    return undefined;
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
