/**
 * The page's Web Worker: the library API (the same engine, readers and formats as the command
 * line) run on the files the page hands it, off the page's thread, so the page stays responsive
 * and shows progress while a large dossier is read.
 */
import { Chalk } from 'chalk';
import { check, explain, listProfiles } from '../api.js';
import { summaryLines } from '../format/summary.js';
import type { Baked } from '../cli/web-page.js';
import { lazyRequire } from '../lazy.js';
import type { Checked, NamedBytes, Reply, Request } from './protocol.js';

// zod tries `new Function` to see whether it may compile its checks; the page's policy forbids
// eval, so the try is a policy violation the browser reports. Told so, zod never tries.
lazyRequire<typeof import('zod')>('zod')().config({ jitless: true });

const scope = self as unknown as { postMessage(reply: Reply, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<Request>) => void) | null };
/** Made bytes go to the page moved, not copied: a copy of a large workbook is megabytes. */
const say = (reply: Reply) => {
  const made = reply.kind === 'outputs' ? [...reply.copies, ...reply.reports] : [];
  scope.postMessage(reply, [...new Set(made.map((m) => m.data.buffer))]);
};

/** The packs and config a request runs with: those the page was baked with. */
const packs = (baked: Baked) => ({ rules: baked.rules, defaultRules: baked.defaultRules, config: baked.config });

/** The batch reports' names, as the README's `hoso report -o` example names them. */
const REPORT_NAMES = { xlsx: 'bao-cao.xlsx', html: 'bao-cao.html' };

/** Made bytes as the page gets them: the writers make each file in memory of its own, never shared. */
const own = (made: { name: string; data: Uint8Array }): NamedBytes => ({ name: made.name, data: made.data as Uint8Array<ArrayBuffer> });

/** Progress is told at most this often: each message costs the page a repaint. */
const PROGRESS_MS = 100;

async function answer(req: Request): Promise<Reply> {
  if (req.kind === 'explain') return { kind: 'explained', id: req.id, text: await explain(req.ruleId, { ...packs(req.baked), lang: req.lang }) };
  if (req.kind === 'profiles') return { kind: 'profiles', id: req.id, profiles: await listProfiles({ ...packs(req.baked), lang: req.lang }) };
  let told = 0;
  const asked = {
    ...packs(req.baked),
    files: req.files,
    profiles: req.profiles,
    lang: req.lang,
    onProgress: (done: number, total: number) => {
      const now = Date.now();
      if (done === total || now - told >= PROGRESS_MS) {
        told = now;
        say({ kind: 'progress', id: req.id, done, total });
      }
    },
  };
  if (req.kind === 'outputs') {
    const { copies = [], copyFailures = [], reports = {} } = await check({ ...asked, annotate: true, reports: ['xlsx', 'html'] });
    const named = (['xlsx', 'html'] as const).flatMap((f) => (reports[f] ? [{ name: REPORT_NAMES[f], data: reports[f] }] : []));
    return { kind: 'outputs', id: req.id, copies: copies.map(own), failures: copyFailures, reports: named.map(own) };
  }
  const response = await check(asked);
  const result: Checked = { ...response, summary: summaryOf(response, req.lang) };
  return { kind: 'checked', id: req.id, result };
}

/**
 * The lines the stylish report gives above its verdict, made by the same function from what the
 * response holds: the counts, the files and rows read, the config named.
 */
function summaryOf(response: Awaited<ReturnType<typeof check>>, lang: 'vi' | 'en'): string[] {
  const { summary, findings } = response.report;
  const report = {
    findings,
    files: summary.files,
    rows: summary.rows,
    ignored: summary.ignored,
    inputErrors: response.unreadable.map((u) => ({ file: u.file, code: 'unreadable' })),
    sheets: [],
  } as unknown as Parameters<typeof summaryLines>[0];
  const config = typeof summary.config === 'string' ? summary.config : undefined;
  return summaryLines(report, { lang, config }, new Chalk({ level: 0 })).slice(0, -1);
}

scope.onmessage = (e) => {
  const req = e.data;
  answer(req).then(say, (err: unknown) => say({ kind: 'failed', id: req.id, message: err instanceof Error ? err.message : String(err) }));
};
