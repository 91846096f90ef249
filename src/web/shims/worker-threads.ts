/**
 * node:worker_threads in the browser build: the page runs the whole check in its one Web Worker,
 * so the engine's own threads (engine/parallel.ts) are never started: `jobs` is never above 1.
 */
import { unavailable } from './unavailable.js';

export const isMainThread = true;
export const parentPort = null;
export const workerData = undefined;
export const Worker = unavailable('node:worker_threads', 'Worker');
export default { isMainThread, parentPort, workerData, Worker };
