/**
 * TEMPORARY (until src/api.ts lands): node:fs over files held in memory, so that the engine as it
 * is, which reads paths, can run in the page's worker. Deleted with glue.ts.
 */
import { Buffer } from 'buffer';
import { Readable } from 'readable-stream';

const files = new Map<string, Buffer>();

export function putFile(p: string, data: Buffer): void {
  files.set(p, data);
}
export function clearFiles(): void {
  files.clear();
}

function enoent(p: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${p}'`), { code: 'ENOENT' });
}
const isDir = (p: string) => {
  const prefix = p.endsWith('/') ? p : p + '/';
  for (const k of files.keys()) if (k.startsWith(prefix)) return true;
  return false;
};
let inode = 1;
const inodes = new Map<string, number>();
function stats(p: string, big?: boolean) {
  const data = files.get(p);
  const dir = !data && isDir(p);
  if (!data && !dir) throw enoent(p);
  if (!inodes.has(p)) inodes.set(p, inode++);
  const size = data ? data.length : 0;
  const n = (x: number) => (big ? BigInt(x) : x);
  return {
    isFile: () => !!data,
    isDirectory: () => dir,
    isFIFO: () => false,
    isSocket: () => false,
    isBlockDevice: () => false,
    isCharacterDevice: () => false,
    isSymbolicLink: () => false,
    size: n(size),
    ino: n(inodes.get(p)!),
    dev: n(1),
    mtimeNs: n(0),
    mtimeMs: n(0),
  };
}
export const statSync = (p: string, o?: { bigint?: boolean }) => stats(p, o?.bigint);
export const lstatSync = statSync;
export const existsSync = (p: string) => files.has(p) || isDir(p);
export const realpathSync = (p: string) => p;
export function readdirSync(p: string): string[] {
  const prefix = p.endsWith('/') ? p : p + '/';
  const names = new Set<string>();
  for (const k of files.keys()) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]);
  return [...names];
}
export function readFileSync(p: string, enc?: string | { encoding?: string }): Buffer | string {
  const data = files.get(p);
  if (!data) throw enoent(p);
  const e = typeof enc === 'string' ? enc : enc?.encoding;
  return e ? data.toString(e as 'utf8') : data;
}
const fds = new Map<number, string>();
let fdNext = 10;
export function openSync(p: string): number {
  if (!files.has(p)) throw enoent(p);
  fds.set(fdNext, p);
  return fdNext++;
}
export const fstatSync = (fd: number) => stats(fds.get(fd)!);
export function readSync(fd: number, buf: Uint8Array, off: number, len: number, pos: number): number {
  const data = files.get(fds.get(fd)!)!;
  const part = data.subarray(pos, pos + len);
  buf.set(part, off);
  return part.length;
}
export const closeSync = (fd: number) => void fds.delete(fd);
export function createReadStream(p: string, o: { start?: number; highWaterMark?: number } = {}) {
  const data = files.get(p);
  if (!data) throw enoent(p);
  let at = o.start ?? 0;
  const size = o.highWaterMark ?? 65536;
  return new Readable({
    read() {
      if (at >= data.length) return void this.push(null);
      this.push(data.subarray(at, at + size));
      at += size;
    },
  });
}
export const promises = {
  async open(p: string) {
    const fd = openSync(p);
    return {
      read: async (buf: Uint8Array, off: number, len: number, pos: number) => ({ bytesRead: readSync(fd, buf, off, len, pos), buffer: buf }),
      stat: async () => fstatSync(fd),
      close: async () => closeSync(fd),
    };
  },
};
export const open = promises.open;
const fail = (name: string) => () => {
  throw new Error(`${name} in memfs`);
};
export const mkdirSync = fail('mkdirSync');
export const mkdtempSync = fail('mkdtempSync');
export const renameSync = fail('renameSync');
export const rmSync = fail('rmSync');
export const writeFileSync = fail('writeFileSync');
export const writeSync = fail('writeSync');
export const fsyncSync = fail('fsyncSync');
export const readlinkSync = fail('readlinkSync');
export const createWriteStream = fail('createWriteStream');
export default { statSync, lstatSync, existsSync, realpathSync, readdirSync, readFileSync, openSync, fstatSync, readSync, closeSync, createReadStream, promises, open, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, writeSync, fsyncSync, readlinkSync, createWriteStream };
