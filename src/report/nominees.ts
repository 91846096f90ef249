/**
 * The nominees of a `hoso report` run (see nominee-store.ts), their texts past a few MB written
 * to a temporary file in the OS temp folder, so that memory does not grow with them. The file is
 * removed when the store is closed, and at exit (an interrupted run exits through process.exit,
 * see exitOnInterrupt, so it goes then too).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHUNK, Nominees, type TextSpill } from './nominee-store.js';

/** The chunks written to a new temporary file, readable by this user alone: it holds names from the dossiers. */
export function fileSpill(): TextSpill {
  const file = path.join(os.tmpdir(), `hoso-report-${process.pid}-${randomUUID()}.ndjson`);
  const fd = openSync(file, 'wx', 0o600);
  const remove = () => rmSync(file, { force: true });
  process.once('exit', remove);
  return {
    write(chunk) {
      const bytes = Buffer.from(chunk);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    },
    *read() {
      const input = openSync(file, 'r');
      try {
        const decoder = new TextDecoder();
        const buf = Buffer.alloc(CHUNK);
        for (let n; (n = readSync(input, buf, 0, CHUNK, null)) > 0; ) yield decoder.decode(buf.subarray(0, n), { stream: true });
      } finally {
        closeSync(input);
      }
    },
    close() {
      closeSync(fd);
      remove();
      process.removeListener('exit', remove);
    },
  };
}

/** The nominees of a CLI run: their texts spill to a temporary file. */
export class NomineeStore extends Nominees {
  constructor() {
    super(fileSpill);
  }
}
