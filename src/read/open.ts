/** Finds the dossier files under the paths given, and opens each with the reader its format needs. */
import { readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { InputError, type ReadLimits, type WorkbookSource } from './types.js';
import { openXlsx, type OpenOptions } from './xlsx.js';
import { OLE_SIGNATURE, oleError } from './ole.js';

const DOSSIER = /\.(xlsx|xlsm|csv|tsv|txt)$/i;
const WALKED = /\.(xlsx|xlsm|csv)$/i;

/**
 * Files to check, in a stable order. A folder is walked recursively for .xlsx and .csv, skipping
 * Excel's lock files (~$name.xlsx) and hidden files and folders; a file named directly is always
 * tried (an unsupported format gets its own clear reason). Missing paths are reported, not thrown.
 */
export function expandInputs(paths: string[]): { files: string[]; errors: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      errors.push(new InputError(dir, 'unreadable', (e as Error).message));
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const p = path.join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (WALKED.test(name)) files.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      errors.push(new InputError(p, 'not-found', 'no such file or folder'));
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files: [...new Set(files)], errors };
}

export async function openSource(file: string, limits?: Partial<ReadLimits>, options?: OpenOptions): Promise<WorkbookSource> {
  // The CSV reader is loaded for the first CSV file.
  if (/\.(csv|tsv|txt)$/i.test(file)) return (await import('./csv.js')).openCsv(file, limits);
  if (/\.(xlsx|xlsm)$/i.test(file)) return openXlsx(file, limits, options);
  // Another extension: say what it is rather than trying to read it.
  let head = Buffer.alloc(0);
  try {
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(8);
      const { bytesRead } = await fh.read(buf, 0, 8, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new InputError(file, 'unreadable', (e as Error).message);
  }
  if (head.equals(OLE_SIGNATURE)) throw await oleError(file);
  if (/\.ods$/i.test(file)) throw new InputError(file, 'ods', 'OpenDocument spreadsheet');
  if (!DOSSIER.test(file)) throw new InputError(file, 'unsupported', `unsupported file type ${path.extname(file) || '(none)'}`);
  throw new InputError(file, 'unsupported', 'unsupported file type');
}
