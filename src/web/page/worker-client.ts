/**
 * The page's side of its Web Worker. The worker is made from the engine's text, which the page
 * holds in a data element: a blob: URL is the one source the page's policy lets a worker come from,
 * and it works from a file opened straight from disk, where a worker script beside it would not.
 */
import type { Reply, Request } from '../protocol.js';

type Pending = { kind: Request['kind']; resolve(reply: Reply): void; progress?(done: number, total: number): void };

/** Request without its id, for each kind (the client numbers them). */
type Ask = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class EngineWorker {
  private worker!: Worker;
  private readonly url: string;
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  constructor(engineText: string) {
    this.url = URL.createObjectURL(new Blob([engineText], { type: 'text/javascript' }));
    this.start();
  }

  private start(): void {
    this.worker = new Worker(this.url);
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

  /** Every request unanswered fails with `message`; the worker is started afresh. */
  private restart(message: string): void {
    this.worker.terminate();
    for (const [id, p] of this.pending) p.resolve({ kind: 'failed', id, message });
    this.pending.clear();
    this.start();
  }

  ask(request: Ask, progress?: (done: number, total: number) => void): Promise<Reply> {
    // A check asked while another runs (or the copies of an older one are made) replaces it: the worker
    // is stopped rather than left to finish reading files no longer wanted (a large dossier takes seconds).
    if (request.kind === 'check' && [...this.pending.values()].some((p) => p.kind === 'check' || p.kind === 'outputs')) this.restart('cancelled');
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, { kind: request.kind, resolve, progress });
      this.worker.postMessage({ ...request, id } as Request);
    });
  }
}
