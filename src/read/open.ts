/** Opens each dossier file with the reader its format needs, or says why it cannot be read. */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { InputError, inputErrorOf, type ReadLimits, type WorkbookSource } from './types.js';
import { openXlsx, type OpenOptions } from './xlsx.js';
import { OLE_SIGNATURE, oleError } from './ole.js';
import { OTHER_SPREADSHEET } from './inputs.js';

const DOSSIER = /\.(xlsx|xlsm|csv|tsv|txt)$/i;

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
    throw inputErrorOf(file, 'unreadable', e);
  }
  if (head.equals(OLE_SIGNATURE)) throw await oleError(file);
  const ext = path.extname(file);
  if (/\.(ods|ots|fods)$/i.test(file)) throw new InputError(file, 'ods', 'OpenDocument spreadsheet');
  if (OTHER_SPREADSHEET.test(file)) throw new InputError(file, 'spreadsheet', ext);
  if (!DOSSIER.test(file)) throw new InputError(file, 'unsupported', `unsupported file type ${ext || '(none)'}`);
  throw new InputError(file, 'unsupported', 'unsupported file type');
}
