/**
 * Writing reports: never over an input file, and atomically (a temporary file beside the target,
 * renamed into place), so an interrupted run leaves either the old file or the new one. What is
 * not a file is not replaced: a pipe or a device (`-o /dev/stdout`, `-o /dev/null`) is written
 * through, and a symbolic link is followed, its target replaced and the link kept.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { expandInputs } from '../read/inputs.js';
import { OutputError, UsageError } from '../errors.js';
import { printable } from '../printable.js';
import { destination, ownDescriptor } from './output-target.js';

export { OutputError } from '../errors.js';

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** The file's identity (device and inode), which a hard link shares; undefined when it does not exist. */
function identity(p: string): string | undefined {
  try {
    const st = statSync(p);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * The inputs of a run, as files: those named and the dossiers found in the folders named, each by
 * real path and by identity (device and inode, which a hard link shares). Every output of the run
 * — a report, the cache, an annotated copy — is checked against it before it is written.
 */
export class InputGuard {
  private readonly paths = new Set<string>();
  private readonly ids = new Set<string>();

  constructor(inputs: string[]) {
    for (const i of [...inputs, ...expandInputs(inputs).files]) {
      this.paths.add(real(i));
      const id = identity(i);
      if (id) this.ids.add(id);
    }
  }

  /** Whether a target is an input: the same path, a symbolic link to it, or a hard link. */
  covers(target: string): boolean {
    const id = identity(target);
    return this.paths.has(real(target)) || (id !== undefined && this.ids.has(id));
  }

  assertNot(target: string): void {
    if (this.covers(target)) throw new OutputError(target);
  }
}

/** Temporary files being written, removed if the run is interrupted. */
const pending = new Set<string>();

/**
 * Ends the run on Ctrl-C (SIGINT) or SIGTERM with 130/143 and no temporary file left behind.
 * Writing is synchronous, so the handler runs before a report is written or after it has been
 * renamed into place, never halfway; without a handler the signal would kill the process
 * mid-write and leave the temporary file.
 */
export function exitOnInterrupt(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      for (const tmp of pending) rmSync(tmp, { force: true });
      process.exit(code);
    });
  }
}

/**
 * How many characters of a report's pieces are gathered into one write. Small enough that the
 * pieces die young (a 200,000-finding SARIF report peaked at 693 MB with 1 Mi-character batches,
 * 364 MB with 64 Ki), large enough that the writes are few.
 */
const WRITE_CHARS = 1 << 16;

/**
 * A text given in pieces (see Formatter), gathered into batches of about WRITE_CHARS characters:
 * a report is never held whole, nor written a finding at a time.
 */
export function* batches(pieces: Iterable<string>): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= WRITE_CHARS) {
      yield batch.join('');
      batch = [];
      size = 0;
    }
  }
  if (size > 0) yield batch.join('');
}

/**
 * Writes a report to stdout a batch at a time, each handed to the system before the next is made:
 * a report to a slow pipe is not queued whole in memory, and what the run says on stderr after it
 * comes after it. A reader that stops early (`hoso check … | head`) ends the writing quietly, as
 * it does for other command-line tools, and the exit code stays the check's.
 */
export async function writeStdout(pieces: Iterable<string>): Promise<void> {
  const out = process.stdout;
  // Each write's error comes to its callback; without a listener it would also be thrown.
  if (!out.listeners('error').includes(ignore)) out.on('error', ignore);
  for (const text of batches(pieces)) {
    const error = await new Promise<Error | null | undefined>((resolve) => out.write(text, resolve));
    if (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw error;
    }
  }
}

function ignore(): void {}

/** Writes the data to a descriptor, in batches for a report in pieces. */
function writeAll(fd: number, data: string | Buffer | Iterable<string>): void {
  if (typeof data === 'string' || Buffer.isBuffer(data)) writeBuffer(fd, Buffer.from(data));
  else for (const text of batches(data)) writeBuffer(fd, Buffer.from(text));
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A pipe may take less than it is given, and one the process shares (its stdout) may be
 * non-blocking and full for a moment (EAGAIN): the rest is written until it has all.
 */
function writeBuffer(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/** Where a write goes once its target is known: a descriptor to fill, then kept or thrown away. */
interface Opened {
  fd: number;
  /** A pipe, a terminal or a device: written as it is, a reader that stops early ends it quietly. */
  through: boolean;
  commit(): void;
  abort(): void;
}

/** Why the system refused to write a file, for a person: the codes a wrong -o or a full disk gives. */
const WRITE_REFUSED: Record<string, { vi: string; en: string }> = {
  ENOENT: { vi: 'thư mục chứa nó không tồn tại', en: 'its folder does not exist' },
  ENOTDIR: { vi: 'một phần của đường dẫn không phải thư mục', en: 'part of the path is not a folder' },
  EISDIR: { vi: 'đó là một thư mục', en: 'it is a folder' },
  EACCES: { vi: 'không có quyền ghi', en: 'permission denied' },
  EPERM: { vi: 'không có quyền ghi', en: 'permission denied' },
  EROFS: { vi: 'ổ đĩa chỉ cho đọc', en: 'the drive is read-only' },
  ENOSPC: { vi: 'ổ đĩa đã đầy', en: 'the drive is full' },
  EDQUOT: { vi: 'đã hết hạn mức ổ đĩa', en: 'the disk quota is used up' },
};

/** Opens the target to write, or says in one line why it cannot be written (exit 2, not an internal error). */
function openTarget(target: string): Opened {
  try {
    return openTargetOf(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why = WRITE_REFUSED[code];
    if (!why) throw e;
    // The system's code stays on it: a caller that says the write's failure its own way (the cache's warning) names it.
    throw Object.assign(new UsageError(`không ghi được «${printable(target)}»: ${why.vi}`, `cannot write "${printable(target)}": ${why.en}`), { code });
  }
}

/** Opens the target's temporary file beside it (or the pipe or device itself: see destination). */
function openTargetOf(target: string): Opened {
  const own = ownDescriptor(target);
  if (own !== undefined) return { fd: own, through: true, commit() {}, abort() {} };
  const file = destination(target);
  if (file === 'through') {
    const fd = openSync(target, 'w');
    return { fd, through: true, commit: () => closeSync(fd), abort: () => closeSync(fd) };
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  pending.add(tmp);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx');
  } catch (e) {
    pending.delete(tmp);
    throw e;
  }
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  return {
    fd,
    through: false,
    commit() {
      try {
        fsyncSync(fd);
        close();
        renameSync(tmp, file);
      } finally {
        pending.delete(tmp);
      }
    },
    abort() {
      close();
      rmSync(tmp, { force: true });
      pending.delete(tmp);
    },
  };
}

/** Fills an opened target and keeps it, or throws it away on failure; EPIPE on a pipe is the reader's leaving. */
function fill<T>(opened: Opened, write: () => T): T {
  try {
    const done = write();
    opened.commit();
    return done;
  } catch (e) {
    opened.abort();
    if (opened.through && (e as NodeJS.ErrnoException).code === 'EPIPE') return undefined as T;
    throw e;
  }
}

/**
 * Writes a file whole or not at all: a report (in pieces), the cache. A pipe or a device is
 * written through, and a symbolic link's target is replaced (see destination).
 */
export function writeAtomic(target: string, data: string | Buffer | Iterable<string>): void {
  const opened = openTarget(target);
  fill(opened, () => writeAll(opened.fd, data));
}

/**
 * As writeAtomic, for a file made as it is written (a workbook streamed part by part): `produce`
 * hands its bytes to `write`, which writes them at once, so no more than a chunk is held.
 */
export async function writeAtomicStream(target: string, produce: (write: (chunk: Uint8Array) => void) => Promise<void>): Promise<void> {
  const opened = openTarget(target);
  let broken = false;
  const write = (chunk: Uint8Array) => {
    if (!broken) writeBuffer(opened.fd, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  };
  try {
    await produce((chunk) => {
      try {
        write(chunk);
      } catch (e) {
        // A reader of a pipe that leaves early: the rest is made and not written, as writeStdout does.
        if (opened.through && (e as NodeJS.ErrnoException).code === 'EPIPE') broken = true;
        else throw e;
      }
    });
  } catch (e) {
    opened.abort();
    throw e;
  }
  opened.commit();
}
