/**
 * OLE compound files ([MS-CFB]) met where a workbook is expected: an Excel 97-2003 workbook
 * (.xls, a "Workbook" or "Book" stream) and a password-protected .xlsx (Office encrypts the
 * OOXML package into "EncryptionInfo" and "EncryptedPackage" streams of a compound file). Both
 * start with the same signature; only the names in the directory tell them apart, so the
 * directory sectors are read (following the FAT chain from the header), and nothing else.
 */
import { InputError } from './types.js';

/** Reads up to `len` bytes at `pos` (fewer at the end of the file). */
type ReadAt = (pos: number, len: number) => Promise<Buffer>;

export const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export type OleKind = 'encrypted' | 'xls' | 'ole';

const END_OF_CHAIN = 0xfffffffe;
/** More directory sectors than any workbook has: a loop in a damaged FAT stops here. */
const MAX_DIR_SECTORS = 4096;

/** What an OLE compound file holds: 'encrypted' (OOXML with a password), 'xls', or 'ole' when the directory cannot tell. */
export async function oleKind(file: string | Buffer): Promise<OleKind> {
  if (typeof file !== 'string') return oleKindOf(async (pos, len) => file.subarray(pos, pos + len));
  // node:fs is loaded for a file only: bytes given (a page's file) are read from memory.
  const fh = await (await import('node:fs/promises')).open(file, 'r');
  try {
    return await oleKindOf(async (pos, len) => {
      const buf = Buffer.alloc(len);
      const { bytesRead } = await fh.read(buf, 0, len, pos);
      return buf.subarray(0, bytesRead);
    });
  } finally {
    await fh.close().catch(() => {});
  }
}

/** The kind, from the header and the directory sectors alone. */
async function oleKindOf(read: ReadAt): Promise<OleKind> {
  try {
    const header = await read(0, 512);
    if (header.length < 512) return 'ole';
    const sectorSize = 1 << header.readUInt16LE(30);
    if (sectorSize !== 512 && sectorSize !== 4096) return 'ole';
    const sectorPos = (n: number) => (n + 1) * sectorSize;
    // The FAT's sectors: the first 109 are listed in the header (DIFAT), which every workbook
    // short of hundreds of megabytes fits in.
    const fatSectors: number[] = [];
    const numFat = Math.min(header.readUInt32LE(44), 109);
    for (let i = 0; i < numFat; i++) fatSectors.push(header.readUInt32LE(76 + i * 4));
    const entriesPerSector = sectorSize / 4;
    const fatCache = new Map<number, Buffer>();
    const nextSector = async (n: number): Promise<number> => {
      const fatIndex = Math.floor(n / entriesPerSector);
      if (fatIndex >= fatSectors.length) return END_OF_CHAIN;
      let fat = fatCache.get(fatIndex);
      if (!fat) {
        fat = await read(sectorPos(fatSectors[fatIndex]), sectorSize);
        fatCache.set(fatIndex, fat);
      }
      const at = (n % entriesPerSector) * 4;
      return at + 4 <= fat.length ? fat.readUInt32LE(at) : END_OF_CHAIN;
    };
    const names = new Set<string>();
    let sector = header.readUInt32LE(48);
    for (let seen = 0; sector < 0xfffffffa && seen < MAX_DIR_SECTORS; seen++) {
      const dir = await read(sectorPos(sector), sectorSize);
      for (let off = 0; off + 128 <= dir.length; off += 128) {
        const nameLen = dir.readUInt16LE(off + 64);
        if (nameLen < 2 || nameLen > 64) continue;
        names.add(dir.toString('utf16le', off, off + nameLen - 2).toLowerCase());
      }
      sector = await nextSector(sector);
    }
    if (names.has('encryptioninfo') || names.has('encryptedpackage')) return 'encrypted';
    if (names.has('workbook') || names.has('book')) return 'xls';
    return 'ole';
  } catch {
    return 'ole';
  }
}

const DETAIL: Record<OleKind, string> = {
  encrypted: 'a password-protected workbook (EncryptedPackage in an OLE compound file)',
  xls: 'an Excel 97-2003 workbook (a Workbook stream in an OLE compound file)',
  ole: 'an OLE compound file: a legacy .xls or a password-protected workbook',
};

/** The InputError for an OLE compound file, its code saying which kind it is; `bytes` when the file was given as bytes. */
export async function oleError(file: string, bytes?: Buffer): Promise<InputError> {
  const kind = await oleKind(bytes ?? file);
  return new InputError(file, kind, DETAIL[kind]);
}
