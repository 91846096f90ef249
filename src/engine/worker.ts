/**
 * A worker thread: loads the same rule packs as the main thread and checks the files it is sent,
 * one at a time, answering with each file's findings and the row snapshots that the rules over
 * every file need.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleSet } from '../rules/load.js';
import { InputError } from '../read/types.js';
import { Evaluator, type CheckOptions } from './check.js';
import type { FileReply, FileRequest, WorkerSetup } from './parallel.js';

const setup = workerData as WorkerSetup;
const ruleSet = loadRuleSet(setup.packFiles);
const opts: CheckOptions = { ...setup, ruleSet };
const evaluator = new Evaluator(opts, true);

parentPort!.on('message', async (req: FileRequest) => {
  let reply: FileReply;
  const rowsBefore = evaluator.rows;
  try {
    const sheets = await evaluator.checkFile(req.file);
    reply = { index: req.index, sheets, findings: evaluator.takeFindings(), rows: evaluator.rows - rowsBefore, snapshots: evaluator.snapshots };
  } catch (e) {
    const base = { index: req.index, findings: evaluator.takeFindings(), rows: evaluator.rows - rowsBefore, snapshots: evaluator.snapshots };
    reply =
      e instanceof InputError
        ? { ...base, inputError: { code: e.code, message: e.message } }
        : { ...base, bug: (e as Error)?.stack ?? String(e) };
  }
  reply.nominees = evaluator.nominees;
  evaluator.snapshots = [];
  evaluator.nominees = [];
  parentPort!.postMessage(reply);
});
