/**
 * A workbook or CSV on standard input (`hoso check -`, `--stdin`, or `/dev/stdin` named): copied
 * into a temporary file, as the readers seek (a zip's directory is at its end), checked as any
 * file, reported under the name given with --stdin-filename (or as given: `-`), and removed.
 */
import { createWriteStream, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { ownDescriptor } from './output-target.js';
import type { CheckResult } from '../engine/check.js';
import { DEFAULT_LIMITS, InputError, type ReadLimits } from '../read/types.js';

/** Paths that mean standard input: a pipe there is read, not refused as a pipe (read/inputs.ts). */
export function isStdin(p: string): boolean {
  return p === '-' || ownDescriptor(p) === 0;
}

/** The file name the readers go by: the extension says the format. */
const KNOWN = /\.(xlsx|xlsm|csv|txt|tsv)$/i;
const ZIP = Buffer.from('PK\x03\x04', 'latin1');

export interface StdinInput {
  /** The paths to check, standard input replaced by its temporary copy. */
  paths: string[];
  /** Findings and errors about the copy, named as the user knows it. */
  relabel(result: CheckResult): CheckResult;
  /** Where a file stands for its annotated copy's path: standard input at the name it was given. */
  placeAs(file: string): string;
  remove(): void;
}

/**
 * Reads standard input when a path (or --stdin) asks for it; undefined otherwise. At most one
 * standard input, and no more bytes than the largest part the limits let a reader inflate.
 */
export async function stdinInput(given: string[], opts: { stdin?: boolean; stdinFilename?: string }, limits: Partial<ReadLimits>, input: NodeJS.ReadStream = process.stdin): Promise<StdinInput | undefined> {
  const paths = opts.stdin && !given.some(isStdin) ? [...given, '-'] : given;
  const at = paths.filter(isStdin);
  if (at.length === 0) {
    if (opts.stdinFilename) throw new UsageError('--stdin-filename cần đường dẫn - hoặc --stdin', '--stdin-filename needs the path - or --stdin');
    return undefined;
  }
  if (at.length > 1) throw new UsageError('chỉ đọc được đầu vào chuẩn một lần', 'standard input can be read only once');
  if (input.isTTY) throw new UsageError('đầu vào chuẩn là bàn phím: hãy chuyển tệp vào, ví dụ hoso check - < ho-so.xlsx', 'standard input is a terminal: pipe a file in, e.g. hoso check - < ho-so.xlsx');
  const label = opts.stdinFilename ?? at[0];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hoso-stdin-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // An interrupted run (exitOnInterrupt ends it with process.exit) leaves no copy behind either.
  process.once('exit', remove);
  try {
    const max = limits.maxPartBytes ?? DEFAULT_LIMITS.maxPartBytes;
    const { head, size } = await copy(input, path.join(dir, 'in'), max);
    if (size > max) throw new UsageError(`đầu vào chuẩn lớn hơn ${max} byte (--max-part-size)`, `standard input is larger than ${max} bytes (--max-part-size)`);
    const name = opts.stdinFilename && KNOWN.test(opts.stdinFilename) ? path.basename(opts.stdinFilename) : head.subarray(0, 4).equals(ZIP) ? 'stdin.xlsx' : 'stdin.csv';
    const file = path.join(dir, name);
    renameSync(path.join(dir, 'in'), file);
    const named = (f: string) => (f === file ? label : f);
    // Without a name of a known format, at the name it was read as, in the current folder.
    const placed = opts.stdinFilename && KNOWN.test(opts.stdinFilename) ? opts.stdinFilename : name;
    return {
      paths: paths.map((p) => (isStdin(p) ? file : p)),
      relabel: (result) => ({
        ...result,
        findings: result.findings.map((f) => (f.file === file ? { ...f, file: label } : f)),
        inputErrors: result.inputErrors.map((e) => (e.file === file ? new InputError(label, e.code, e.message, e.debug) : e)),
        sheets: result.sheets.map((s) => ({ ...s, file: named(s.file) })),
        ...(result.nominees ? { nominees: result.nominees.map((n) => ({ ...n, file: named(n.file) })) } : {}),
      }),
      placeAs: (f) => (f === file ? placed : f),
      remove,
    };
  } catch (e) {
    remove();
    throw e;
  }
}

/** Copies the stream into a file, stopping once past `max` bytes; its first bytes say the format. */
function copy(input: NodeJS.ReadableStream, file: string, max: number): Promise<{ head: Buffer; size: number }> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    let head = Buffer.alloc(0);
    let size = 0;
    let ended = false;
    const done = () => {
      if (!ended) out.end(() => resolve({ head, size }));
      ended = true;
    };
    input.on('data', (chunk: Buffer) => {
      if (head.length < 4) head = Buffer.concat([head, chunk.subarray(0, 4)]);
      size += chunk.length;
      if (size > max) {
        input.removeAllListeners('data');
        input.pause();
        done();
      } else if (!out.write(chunk)) {
        input.pause();
        out.once('drain', () => input.resume());
      }
    });
    input.once('end', done);
    input.once('error', reject);
    out.once('error', reject);
  });
}
