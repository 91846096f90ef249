/**
 * Writing reports: never over an input file, and atomically (a temporary file beside the target,
 * renamed into place), so an interrupted run leaves either the old file or the new one.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class OutputError extends Error {}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export function assertNotInput(target: string, inputs: string[]): void {
  const t = real(target);
  for (const i of inputs) if (real(i) === t) throw new OutputError(target);
}

export function writeAtomic(target: string, data: string | Buffer): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      if (typeof data === 'string') writeSync(fd, data);
      else writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
