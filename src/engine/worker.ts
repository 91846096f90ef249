/**
 * A worker thread: loads the same rule packs as the main thread and checks the files it is sent,
 * one at a time, answering with each file's findings and the row snapshots that the rules over
 * every file need.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleSet } from '../rules/load.js';
import { Evaluator, type CheckOptions } from './check.js';
import { checkFileReply, type FileRequest, type WorkerSetup } from './parallel.js';

const setup = workerData as WorkerSetup;
const ruleSet = loadRuleSet(setup.packFiles);
const opts: CheckOptions = { ...setup, ruleSet };
const evaluator = new Evaluator(opts, true);

parentPort!.on('message', async (req: FileRequest) => {
  parentPort!.postMessage(await checkFileReply(evaluator, req.file, req.index));
});
