/**
 * Writing reports: never over an input file, and atomically (a temporary file beside the target,
 * renamed into place), so an interrupted run leaves either the old file or the new one.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { expandInputs } from '../read/inputs.js';
import { OutputError } from '../errors.js';

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

/** Writes a file whole or not at all: a report (in pieces), an annotated copy, the cache. */
export function writeAtomic(target: string, data: string | Buffer | Iterable<string>): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      if (typeof data === 'string') writeSync(fd, data);
      else if (Buffer.isBuffer(data)) writeSync(fd, data);
      else for (const text of batches(data)) writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}
