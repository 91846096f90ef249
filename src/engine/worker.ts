/**
 * A worker thread: loads the same rule packs as the main thread and checks the files it is sent,
 * one at a time, answering with each file's findings and the row snapshots that the rules over
 * every file need — for a large file, in batches as its rows stream, while it holds credit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleSet } from '../rules/load.js';
import { Evaluator, type CheckOptions } from './check.js';
import { checkFileReply, CREDITS, type Credit, type FileRequest, type SnapshotBatch, type WorkerSetup } from './parallel.js';
import type { RowSnapshots } from './snapshot.js';

const setup = workerData as WorkerSetup;
const ruleSet = loadRuleSet(setup.packFiles);
const opts: CheckOptions = { ...setup, ruleSet };
const evaluator = new Evaluator(opts, true);

/** Batches of snapshots this worker may still send before the main thread takes some. */
let credits = CREDITS;
let wake: (() => void) | undefined;

const streamTo =
  (index: number) =>
  async (batch: RowSnapshots): Promise<void> => {
    parentPort!.postMessage({ index, batch } satisfies SnapshotBatch);
    credits--;
    while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
  };

parentPort!.on('message', async (message: FileRequest | Credit) => {
  if ('credit' in message) {
    credits++;
    const w = wake;
    wake = undefined;
    w?.();
    return;
  }
  evaluator.streamSnapshots = message.stream ? streamTo(message.index) : undefined;
  parentPort!.postMessage(await checkFileReply(evaluator, message.file, message.index));
});
