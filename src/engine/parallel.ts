/**
 * Checking many files on every core: a pool of worker threads, each with its own rule set, takes
 * files from a queue. Rows stay in the worker; what comes back per file is its findings and, for
 * the rules over every file (duplicates across units, caps over all inputs), a small snapshot of
 * each row, which the main thread feeds to those rules in the files' order, so that the outcome is
 * the same as checking in one thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../read/types.js';
import type { CheckOptions, Evaluator, NomineeRecord } from './check.js';
import type { RowSnapshot } from './snapshot.js';
import type { Finding } from './types.js';

export type WorkerSetup = Omit<CheckOptions, 'ruleSet' | 'onProgress' | 'jobs' | 'jobsAuto'> & { packFiles: string[] };

export interface FileRequest {
  index: number;
  file: string;
}

export interface FileReply {
  index: number;
  sheets?: { checked: string[]; skipped: string[] };
  findings: Finding[];
  rows: number;
  snapshots: RowSnapshot[];
  nominees?: NomineeRecord[];
  inputError?: { code: string; message: string };
  /** An internal error's stack: the main thread throws it. */
  bug?: string;
}

const WORKER = new URL('./worker.js', import.meta.url);

/** Whether worker threads can run here: the compiled worker exists (not when running from TypeScript sources). */
export function canUseWorkers(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

export class WorkerBug extends Error {}

/** Checks the files in `jobs` worker threads; replies come back indexed like `files`. */
export async function checkInWorkers(files: string[], opts: CheckOptions & { packFiles: string[] }, jobs: number): Promise<FileReply[]> {
  const setup: WorkerSetup = {
    packFiles: opts.packFiles,
    profiles: opts.profiles,
    profileMap: opts.profileMap,
    severity: opts.severity,
    lang: opts.lang,
    limits: opts.limits,
    collectNominees: opts.collectNominees,
  };
  const replies: FileReply[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new Worker(WORKER, { workerData: setup }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= files.length) return resolve();
              const index = next++;
              worker.postMessage({ index, file: files[index] } satisfies FileRequest);
            };
            worker.on('message', (reply: FileReply) => {
              if (reply.bug) return reject(new WorkerBug(reply.bug));
              replies[reply.index] = reply;
              opts.onProgress?.(++done, files.length);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (next < files.length || code !== 0 ? reject(new WorkerBug(`a worker stopped (exit ${code})`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return replies;
}

/**
 * Checks one file with an evaluator that leaves the rules over every file to the caller
 * (`new Evaluator(opts, true)`), and hands back everything the file gave: its findings, rows,
 * sheets, the snapshots for those rules and the nominees kept. Internal errors come back as `bug`.
 */
export async function checkFileReply(evaluator: Evaluator, file: string, index: number): Promise<FileReply> {
  const rowsBefore = evaluator.rows;
  let reply: FileReply;
  try {
    const sheets = await evaluator.checkFile(file);
    reply = { index, sheets, findings: evaluator.takeFindings(), rows: evaluator.rows - rowsBefore, snapshots: evaluator.snapshots };
  } catch (e) {
    const base = { index, findings: evaluator.takeFindings(), rows: evaluator.rows - rowsBefore, snapshots: evaluator.snapshots };
    reply = e instanceof InputError ? { ...base, inputError: { code: e.code, message: e.message } } : { ...base, bug: (e as Error)?.stack ?? String(e) };
  }
  reply.nominees = evaluator.nominees;
  evaluator.snapshots = [];
  evaluator.nominees = [];
  return reply;
}

export function replyError(file: string, reply: FileReply): InputError | undefined {
  return reply.inputError && new InputError(file, reply.inputError.code, reply.inputError.message);
}
