/**
 * setImmediate for the browser build (yauzl defers its events with it). A message on a channel
 * runs as soon as the queue is free, where a nested setTimeout(0) waits at least 4 ms: a zip
 * read through hundreds of deferred steps would spend seconds waiting.
 */
type Task = { fn: (...args: unknown[]) => void; args: unknown[] };

const tasks = new Map<number, Task>();
let next = 1;
const channel = new MessageChannel();
channel.port1.onmessage = (e: MessageEvent<number>) => {
  const task = tasks.get(e.data);
  if (!task) return;
  tasks.delete(e.data);
  task.fn(...task.args);
};

export function setImmediate(fn: (...args: unknown[]) => void, ...args: unknown[]): number {
  const id = next++;
  tasks.set(id, { fn, args });
  channel.port2.postMessage(id);
  return id;
}

export function clearImmediate(id: number): void {
  tasks.delete(id);
}
