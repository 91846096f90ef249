/**
 * A minimal zip reader and writer for the broken fixtures: they need what no zip library will
 * write on purpose (a part that lies about its size, an archive cut short), and parts edited in
 * place in workbooks the fixture kit wrote.
 */
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer;
}

/** A part as readZip finds it: also its bytes as the zip stores them (compressed), to compare copies byte for byte. */
export interface ReadPart extends ZipPart {
  stored: Buffer;
  method: number;
}

/** The parts of a zip (stored or deflated), in central-directory order. */
export function readZip(buf: Buffer): ReadPart[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const parts: ReadPart[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    parts.push({ name, data: method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw), stored: Buffer.from(raw), method });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

export interface RawEntry {
  name: string;
  /** The deflated bytes. */
  deflated: Buffer;
  crc: number;
  /** The size the headers state (a bomb may lie). */
  size: number;
  /** Extra fields, as written after the name in both headers. */
  extra?: Buffer;
  /** The general-purpose flags (default 0x0800: the name is UTF-8). */
  flags?: number;
  /** The MS-DOS date stamped on the entry (default 0, no date). */
  dosDate?: number;
}

/** 1980-01-01 00:00 as an MS-DOS date, the stamp Excel puts on every part it saves. */
export const EXCEL_DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of deflated entries whose headers say what the caller says. */
export function writeRawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const extra = e.extra ?? Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(e.dosDate ?? 0, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(Math.min(e.size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(e.dosDate ?? 0, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(Math.min(e.size, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, e.deflated);
    centrals.push(central, name, extra);
    offset += 30 + name.length + extra.length + e.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A well-formed zip of the parts, each stamped with dosDate if given. */
export function writeZip(parts: ZipPart[], dosDate?: number): Buffer {
  return writeRawZip(parts.map((p) => ({ name: p.name, deflated: zlib.deflateRawSync(p.data), crc: zlib.crc32(p.data), size: p.data.length, dosDate })));
}

/** Rewrites the parts of a zip whose names match, through edit. */
export function editZip(buf: Buffer, edit: (name: string, text: string) => string | undefined | null): Buffer {
  const out: ZipPart[] = [];
  for (const p of readZip(buf)) {
    const text = edit(p.name, p.data.toString('utf8'));
    if (text === null) continue; // dropped
    out.push(text === undefined ? p : { name: p.name, data: Buffer.from(text, 'utf8') });
  }
  return writeZip(out);
}
