/**
 * The input workbook as the annotated copy sees it: a zip's entries in the order they are stored,
 * each to be copied in its stored form (compressed bytes as they are) or read as text, from a file
 * or from the bytes a page was given (package-zip.ts). Nothing here needs Node.
 */

export interface PackageEntry {
  /** The entry's name as the zip stores it. */
  name: string;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** The zip's compression method: 0 stored, 8 deflated. */
  compressionMethod: number;
}

export interface PackageSource {
  /** The parts, in the zip's order (folders' entries left out). */
  readonly entries: readonly PackageEntry[];
  /** The part's stored bytes, as the zip holds them (never inflated). */
  stored(entry: PackageEntry): AsyncIterable<Uint8Array>;
  /**
   * The part's text, inflated and decoded a chunk at a time, within the reader's limits (a part
   * that inflates past them, or lies about its size, is refused).
   */
  text(entry: PackageEntry): AsyncIterable<string>;
  close(): Promise<void>;
}

/** How OPC compares part names: ASCII case aside, no leading slash (see read/opc.ts). */
export { partKey } from '../../read/part-name.js';

/** A relationship's target as a part name: relative to the source part's folder, or absolute. */
export function resolveTarget(baseDir: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const joined = t.startsWith('/') ? t.slice(1) : `${baseDir}/${t}`;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** A part's target as a relationship of a part in `fromDir` gives it: `../comments1.xml`. */
export function relativeTarget(fromDir: string, part: string): string {
  const from = fromDir ? fromDir.split('/') : [];
  const to = part.split('/');
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  return [...from.slice(same).map(() => '..'), ...to.slice(same)].join('/');
}

/** The folder of a part: "xl/worksheets" for "xl/worksheets/sheet1.xml". */
export const dirOf = (part: string): string => part.slice(0, Math.max(0, part.lastIndexOf('/')));

/** The relationships part of a part: "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsOf(part: string): string {
  const dir = dirOf(part);
  return `${dir ? `${dir}/` : ''}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}
