/**
 * The input workbook read from a file, or from its bytes (a page's file), through the reader's
 * own zip plumbing and limits (read/xlsx.ts): a damaged zip, a part past the limits, two entries
 * for one part are refused with the reasons a check gives.
 */
import type yauzl from 'yauzl';
import { openZipParts } from '../../read/xlsx.js';
import type { ReadLimits } from '../../read/types.js';
import type { PackageEntry, PackageSource } from './package.js';

export async function openPackage(file: string, limits: Partial<ReadLimits> = {}, data?: Uint8Array): Promise<PackageSource> {
  const zip = await openZipParts(data ? { name: file, data } : file, limits);
  const of = new Map<PackageEntry, yauzl.Entry>();
  const entries = zip.entries.map((e) => {
    const entry: PackageEntry = {
      name: e.fileNameRaw.toString('utf8'),
      crc32: e.crc32,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      compressionMethod: e.compressionMethod,
    };
    of.set(entry, e);
    return entry;
  });
  return {
    entries,
    stored: (entry) => zip.stored(of.get(entry)!),
    text: (entry) => zip.text(of.get(entry)!),
    close: () => zip.close(),
  };
}
