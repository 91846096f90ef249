/** Opens each dossier file with the reader its format needs, or says why it cannot be read. */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { InputError, inputErrorOf, type ReadLimits, type WorkbookSource } from './types.js';
import { openXlsx, type OpenOptions } from './xlsx.js';
import { OLE_SIGNATURE, oleError } from './ole.js';
import { OTHER_SPREADSHEET } from './inputs.js';
import { bufferOf, nameOf, rangeOf, type Openable } from './bytes.js';

const DOSSIER = /\.(xlsx|xlsm|csv|tsv|txt)$/i;

/** A path, or bytes with a name: the name's extension chooses the reader, as a path's does. */
export async function openSource(given: Openable, limits?: Partial<ReadLimits>, options?: OpenOptions): Promise<WorkbookSource> {
  const file = nameOf(given);
  // The CSV reader is loaded for the first CSV file.
  if (/\.(csv|tsv|txt)$/i.test(file)) return (await import('./csv.js')).openCsv(given, limits);
  if (/\.(xlsx|xlsm)$/i.test(file)) return openXlsx(given, limits, options);
  // Another extension: say what it is rather than trying to read it.
  // Of bytes given, only the head is read unless it is an OLE file's, whose directory says what it is.
  const head = typeof given === 'string' ? await readHead(file) : await rangeOf(given.data, 0, 8);
  if (head.equals(OLE_SIGNATURE)) throw await oleError(file, typeof given === 'string' ? undefined : await bufferOf(given.data));
  const ext = path.extname(file);
  if (/\.(ods|ots|fods)$/i.test(file)) throw new InputError(file, 'ods', 'OpenDocument spreadsheet');
  if (OTHER_SPREADSHEET.test(file)) throw new InputError(file, 'spreadsheet', ext);
  if (!DOSSIER.test(file)) throw new InputError(file, 'unsupported', `unsupported file type ${ext || '(none)'}`);
  throw new InputError(file, 'unsupported', 'unsupported file type');
}

/** The file's first 8 bytes (fewer if it is shorter). */
async function readHead(file: string): Promise<Buffer> {
  try {
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(8);
      const { bytesRead } = await fh.read(buf, 0, 8, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw inputErrorOf(file, 'unreadable', e);
  }
}
