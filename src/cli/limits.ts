/**
 * The reading limits as command-line options: each raises (or lowers) one of DEFAULT_LIMITS, so
 * that a dossier larger than the defaults can still be checked on purpose, while a zip bomb is
 * refused by default.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../read/types.js';

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A size such as 800M, 2G, 1048576. */
function size(option: string) {
  return (v: string): number => {
    const m = /^\s*(\d+)\s*([kmg]?)i?b?\s*$/i.exec(v);
    if (!m || Number(m[1]) === 0) throw new UsageError(`${option} cần một kích thước như 800M hoặc 2G, không phải «${v}»`, `${option} takes a size such as 800M or 2G, not "${v}"`);
    return Number(m[1]) * UNITS[m[2].toLowerCase()];
  };
}

function count(option: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${option} cần một số nguyên dương, không phải «${v}»`, `${option} takes a positive whole number, not "${v}"`);
    return n;
  };
}

/** A size as the help says it: 800M, 2G. */
export function mib(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3}G` : `${bytes / 1024 ** 2}M`;
}

export interface LimitOptions {
  maxPartSize?: number;
  maxRows?: number;
  maxCellLength?: number;
}

export function addLimitOptions(cmd: Command): Command {
  return cmd
    .option(
      '--max-part-size <size>',
      `largest uncompressed part of an .xlsx (default ${mib(DEFAULT_LIMITS.ratioFloorBytes)}, or up to ${mib(DEFAULT_LIMITS.maxPartBytes)} at most ${DEFAULT_LIMITS.maxRatio} times its compressed size)`,
      size('--max-part-size'),
    )
    .option('--max-rows <n>', `most rows read from one sheet or CSV (default ${DEFAULT_LIMITS.maxRows})`, count('--max-rows'))
    .option('--max-cell-length <n>', `longest cell text in characters (default ${DEFAULT_LIMITS.maxCellChars})`, count('--max-cell-length'));
}

export function limitsOf(opts: LimitOptions): Partial<ReadLimits> {
  const out: Partial<ReadLimits> = {};
  // A size given is the cap, with no ratio: the way to read a part the defaults take for a bomb.
  if (opts.maxPartSize !== undefined) out.maxPartBytes = out.ratioFloorBytes = opts.maxPartSize;
  if (opts.maxRows !== undefined) out.maxRows = opts.maxRows;
  if (opts.maxCellLength !== undefined) out.maxCellChars = opts.maxCellLength;
  return out;
}
