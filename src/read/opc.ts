/**
 * A workbook's package (OPC: a zip of parts tied by relationships) must name each thing once.
 * When it names one twice — two zip entries for one part, two relationships with one Id, two
 * sheets of one name — every reader picks a copy, and not the same one: hoso would check one
 * while exceljs (the annotated copy) or Excel shows the other, and the verdict would not cover
 * what the officer sees. Such a workbook is refused ('duplicate-part'), never read by a guess.
 */
import zlib from 'node:zlib';
import { InputError } from './types.js';
import { shown } from '../printable.js';
import { partKey } from './part-name.js';

export { partKey };

/**
 * The key two zip entries are compared by: partKey after percent-decoding, so that "sheet%31.xml"
 * and "xl%2Fworksheets%2Fsheet1.xml" are the same part as "sheet1.xml" (a reader that decodes
 * would take one for the other). Coarser than partKey: two names partKey confuses — which would
 * leave one of them unreachable — are always caught.
 */
export function entryKey(name: string): string {
  if (!name.includes('%')) return partKey(name);
  try {
    return partKey(decodeURIComponent(name));
  } catch {
    // A stray "%" ("100%.png") is a character, not an escape.
    return partKey(name);
  }
}

const UNICODE_PATH = 0x7075;

/**
 * Refuses a zip entry that names itself twice: an Info-ZIP Unicode Path field (0x7075, version 1,
 * for these name bytes) giving another name than the entry's own. yauzl and JSZip (exceljs) take
 * the field's name, Excel its own; hoso reads the own name. Written by zip tools for names beyond
 * ASCII, and then the same name: a workbook's part names are ASCII.
 */
export function checkUnicodePath(file: string, rawName: Buffer, name: string, extraFields: readonly { id: number; data: Buffer }[]): void {
  for (const field of extraFields) {
    if (field.id !== UNICODE_PATH || field.data.length < 5 || field.data[0] !== 1) continue;
    if (field.data.readUInt32LE(1) !== zlib.crc32(rawName)) continue;
    const other = field.data.toString('utf8', 5);
    if (other !== name) throw new InputError(file, 'duplicate-part', `zip entry ${shown(name)} also names itself ${shown(other)}`);
  }
}

/** Names by key, refusing a second name under a key already taken. */
export class Once {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly file: string,
    /** What the second name says, for the message. */
    private readonly say: (first: string, second: string) => string,
  ) {}

  add(key: string, name: string): void {
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, name);
    else throw new InputError(this.file, 'duplicate-part', this.say(first, name));
  }
}
