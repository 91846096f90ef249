/**
 * `-j, --jobs`: how many files are checked at once. Never more worker threads than the cores:
 * each holds a heap of its own, and `-j 100000` on 2,000 files ran out of memory (14 GB, exit
 * 134) while `-j 300` on 10,000 files took 125 s against 5 s by default. A larger number is
 * lowered to the cores, with a note.
 */
import { availableParallelism } from 'node:os';
import type { Lang } from '../engine/types.js';
import { UsageError } from '../errors.js';

export const JOBS_HELP = 'files checked at once in worker threads (default: one per 4 MiB of input, up to one fewer than the cores; at most the cores)';

export function parseJobs(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs cần một số nguyên dương, không phải «${v}»`, `--jobs takes a positive whole number, not "${v}"`);
  return n;
}

/** The jobs in force, and the note to print when the number asked for was lowered. */
export function jobsInForce(asked: number | undefined, lang: Lang, cores = availableParallelism()): { jobs: number; auto: boolean; note?: string } {
  if (asked === undefined) return { jobs: cores, auto: true };
  if (asked <= cores) return { jobs: asked, auto: false };
  const note =
    lang === 'en'
      ? `--jobs ${asked} is more than the ${cores} cores available: checking ${cores} files at once`
      : `--jobs ${asked} nhiều hơn ${cores} lõi CPU của máy: kiểm tra ${cores} tệp cùng lúc`;
  return { jobs: cores, auto: false, note };
}
