/**
 * The page's side of its Web Worker. The worker is made from the engine's text, which the page
 * holds in a data element: a blob: URL is the one source the page's policy lets a worker come from,
 * and it works from a file opened straight from disk, where a worker script beside it would not.
 */
import type { Reply, Request } from '../protocol.js';

type Pending = { resolve(reply: Reply): void; progress?(done: number, total: number): void };

/** Request without its id, for each kind (the client numbers them). */
type Ask = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class EngineWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  constructor(engineText: string) {
    const url = URL.createObjectURL(new Blob([engineText], { type: 'text/javascript' }));
    this.worker = new Worker(url);
    this.worker.onmessage = (e: MessageEvent<Reply>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      if (!p) return;
      if (reply.kind === 'progress') p.progress?.(reply.done, reply.total);
      else {
        this.pending.delete(reply.id);
        p.resolve(reply);
      }
    };
    this.worker.onerror = (e) => {
      // An error the worker could not answer with (its script failed to start): every request fails with it.
      for (const [id, p] of this.pending) p.resolve({ kind: 'failed', id, message: e.message || 'worker error' });
      this.pending.clear();
    };
  }

  ask(request: Ask, progress?: (done: number, total: number) => void): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, progress });
      this.worker.postMessage({ ...request, id } as Request);
    });
  }
}
