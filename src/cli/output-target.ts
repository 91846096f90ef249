/**
 * Where a report written to a path goes: a descriptor of the process's own, a pipe or a device
 * written through, or the regular file to replace, found by following symbolic links.
 */
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Paths that name one of the process's own descriptors (`-o /dev/stdout`). They are written to the
 * descriptor itself: opening them again fails when it is a socket (as a parent process's pipes
 * often are: ENXIO), and follows the link to a file when it is one.
 */
const DESCRIPTOR = /^\/(?:dev\/(stdin|stdout|stderr)|dev\/fd\/(\d+)|proc\/(?:self|thread-self)\/fd\/(\d+))$/;
const STANDARD = { stdin: 0, stdout: 1, stderr: 2 } as const;

export function ownDescriptor(target: string): number | undefined {
  const m = DESCRIPTOR.exec(path.resolve(target));
  if (!m) return undefined;
  return m[1] ? STANDARD[m[1] as keyof typeof STANDARD] : Number(m[2] ?? m[3]);
}

/** Symbolic links followed at most, as the system does (Linux's MAXSYMLINKS). */
const MAX_LINKS = 40;

/**
 * Where a write to `target` goes: 'through' a pipe, a terminal or a device, which are opened and
 * written, never replaced; or the path of the file to replace, found by following symbolic
 * links, even one whose target does not exist yet (the link is kept, its target written).
 */
export function destination(target: string): 'through' | string {
  const kind = statSync(target, { throwIfNoEntry: false });
  if (kind && (kind.isFIFO() || kind.isCharacterDevice())) return 'through';
  if (kind && !kind.isFile()) throw new UsageError(`«${target}» không phải tệp: không ghi vào đó`, `"${target}" is not a file: not written to`);
  let p = target;
  for (let links = 0; links <= MAX_LINKS; links++) {
    // The folder's real path first, so that a link's `..` is taken from where it really is.
    let dir: string;
    try {
      dir = realpathSync(path.dirname(p));
    } catch {
      return p;
    }
    p = path.join(dir, path.basename(p));
    if (!lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink()) return p;
    p = path.resolve(dir, readlinkSync(p));
  }
  throw new UsageError(`«${target}»: quá nhiều liên kết tượng trưng nối nhau`, `"${target}": too many symbolic links in a row`);
}
