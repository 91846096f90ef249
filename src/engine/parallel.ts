/**
 * Checking many files on every core: a pool of worker threads, each with its own rule set, takes
 * files from a queue. Rows stay in the worker; what comes back per file is its findings and, for
 * the rules over every file (duplicates across units, caps over all inputs), a small snapshot of
 * each row, which the main thread feeds to those rules in the files' order, so that the outcome is
 * the same as checking in one thread.
 *
 * A large file's snapshots do not wait for its end: they come in batches as its rows stream, and
 * a worker sends a batch only while it holds a credit. The main thread gives the credit back as
 * soon as it feeds the batch (the file is next in order) or can keep it (see InOrder), so what a
 * worker running ahead of the files' order can pile up is bounded.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../read/types.js';
import type { CheckOptions, Evaluator, NomineeRecord, SheetsRead } from './check.js';
import type { RowSnapshots } from './snapshot.js';
import type { Finding } from './types.js';

export type WorkerSetup = Omit<CheckOptions, 'ruleSet' | 'onProgress' | 'jobs' | 'jobsAuto'> & { packFiles: string[] };

export interface FileRequest {
  index: number;
  file: string;
  /** Send the snapshots in batches as the rows stream (a large file), not with the reply. */
  stream?: boolean;
}

/** Main thread to worker: one more batch of snapshots may be sent. */
export interface Credit {
  credit: true;
}

/** Worker to main thread: snapshots of the rows of file `index` checked so far. */
export interface SnapshotBatch {
  index: number;
  batch: RowSnapshots;
}

/** Snapshots a worker sends in one message, and batches it may have sent and not had back. */
export const SNAPSHOT_BATCH = 4096;
export const CREDITS = 2;

export interface FileReply {
  index: number;
  sheets?: SheetsRead;
  findings: Finding[];
  rows: number;
  snapshots: RowSnapshots;
  nominees?: NomineeRecord[];
  inputError?: { code: string; message: string; debug?: string };
  /** An internal error's stack: the main thread throws it. */
  bug?: string;
}

const WORKER = new URL('./worker.js', import.meta.url);

/** Whether worker threads can run here: the compiled worker exists (not when running from TypeScript sources). */
export function canUseWorkers(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

export class WorkerBug extends Error {}

/** What the caller does with what the workers send. */
export interface WorkerHooks {
  /** Per file: whether its snapshots stream in batches. */
  stream: boolean[];
  /** A file's outcome (its snapshots, or the rest of them when they streamed). */
  reply(reply: FileReply): void;
  /** A batch of a streaming file's snapshots; `credit()` lets its worker send another. */
  snapshots(index: number, batch: RowSnapshots, credit: () => void): void;
  /** Whether a worker that has answered must wait before it takes another file (see InOrder.room). */
  room(): Promise<void> | undefined;
}

/** Checks the files in `jobs` worker threads; what they send goes to `hooks`, indexed like `files`. */
export async function checkInWorkers(files: string[], opts: CheckOptions & { packFiles: string[] }, jobs: number, hooks: WorkerHooks): Promise<void> {
  const setup: WorkerSetup = {
    packFiles: opts.packFiles,
    profiles: opts.profiles,
    profileMap: opts.profileMap,
    severity: opts.severity,
    lang: opts.lang,
    purpose: opts.purpose,
    ignoreColumns: opts.ignoreColumns,
    limits: opts.limits,
    // Typed arrays and strings: cloned to each worker, which indexes them itself.
    history: opts.history,
    // A function stays in this thread: the workers keep their nominees for the reply.
    collectNominees: Boolean(opts.collectNominees),
  };
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new Worker(WORKER, { workerData: setup }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= files.length) return resolve();
              const index = next++;
              worker.postMessage({ index, file: files[index], stream: hooks.stream[index] } satisfies FileRequest);
            };
            const credit = () => worker.postMessage({ credit: true } satisfies Credit);
            // The hooks feed the rules over every file here: a fault of theirs fails the check
            // (an exception thrown out of a listener would end the process with a stack trace).
            worker.on('message', (message: FileReply | SnapshotBatch) => {
              try {
                if ('batch' in message) return hooks.snapshots(message.index, message.batch, credit);
                if (message.bug) return reject(new WorkerBug(message.bug));
                hooks.reply(message);
                const wait = hooks.room();
                if (wait) wait.then(send).catch(reject);
                else send();
              } catch (e) {
                reject(e);
              }
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
}

/**
 * Rows of files further on than the one being fed that the main thread holds (a few hundred
 * bytes each as snapshots): past this, workers ahead wait for their files' turn (see InOrder).
 */
export const BUFFERED_ROWS = 64 * 1024;

/**
 * Takes the files' outcomes as they come, in any order, and hands them on in the files' order:
 * `feed` gets every snapshot, `take` each file's reply once every file before it was taken. A
 * batch of the next file in order is fed at once; one of a file further on is held, and its
 * worker's credit with it once more than `limit` rows are held, until its file's turn comes. A
 * whole reply further on is held too, and while too many rows are held no worker takes another
 * file (see room): the next file in order is always being checked, so room always comes.
 */
export class InOrder {
  private next = 0;
  private held = 0;
  private readonly waiting = new Map<number, { batches: RowSnapshots[]; credits: (() => void)[]; reply?: FileReply }>();
  private rooms: (() => void)[] = [];

  constructor(
    private readonly feed: (snapshots: RowSnapshots) => void,
    private readonly take: (index: number, reply: FileReply) => void,
    private readonly limit = BUFFERED_ROWS,
  ) {}

  snapshots(index: number, batch: RowSnapshots, credit: () => void): void {
    if (index === this.next) {
      this.feed(batch);
      return credit();
    }
    const w = this.entry(index);
    w.batches.push(batch);
    this.held += batch.n;
    if (this.held <= this.limit) credit();
    else w.credits.push(credit);
  }

  reply(index: number, reply: FileReply): void {
    this.entry(index).reply = reply;
    this.held += reply.snapshots.n;
    this.drain();
  }

  /** Undefined while the rows held are within the limit; else a promise of room. */
  room(): Promise<void> | undefined {
    if (this.held <= this.limit) return undefined;
    return new Promise((resolve) => this.rooms.push(resolve));
  }

  /** Rows held for files further on. */
  get heldRows(): number {
    return this.held;
  }

  private entry(index: number) {
    let w = this.waiting.get(index);
    if (!w) this.waiting.set(index, (w = { batches: [], credits: [] }));
    return w;
  }

  private drain(): void {
    for (let w = this.waiting.get(this.next); w; w = this.waiting.get(this.next)) {
      for (const batch of w.batches) {
        this.feed(batch);
        this.held -= batch.n;
      }
      w.batches = [];
      for (const credit of w.credits.splice(0)) credit();
      // The next file is still being checked: its batches now go straight in.
      if (!w.reply) break;
      this.waiting.delete(this.next);
      this.held -= w.reply.snapshots.n;
      this.take(this.next++, w.reply);
    }
    // Room again: workers ahead may go on.
    if (this.held > this.limit) return;
    for (const other of this.waiting.values()) for (const credit of other.credits.splice(0)) credit();
    for (const resolve of this.rooms.splice(0)) resolve();
  }
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
    reply = { index, sheets, findings: evaluator.takeFindings(), rows: evaluator.rows - rowsBefore, snapshots: evaluator.snapshots.take() };
  } catch (e) {
    const base = { index, findings: evaluator.takeFindings(), rows: evaluator.rows - rowsBefore, snapshots: evaluator.snapshots.take() };
    reply = e instanceof InputError ? { ...base, inputError: { code: e.code, message: e.message, debug: e.debug } } : { ...base, bug: (e as Error)?.stack ?? String(e) };
  }
  reply.nominees = evaluator.nominees;
  evaluator.nominees = [];
  return reply;
}

export function replyError(file: string, reply: FileReply): InputError | undefined {
  return reply.inputError && new InputError(file, reply.inputError.code, reply.inputError.message, reply.inputError.debug);
}
