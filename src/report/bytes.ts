/**
 * What `hoso check --annotate` and `hoso report -o` write, made as bytes in memory for a caller
 * that has no files: a browser page, its Web Worker, the library API. The same code makes them as
 * for the CLI — the annotated copy at the package level from the input's bytes, the report from
 * the same model — so that a copy or report made here equals, part for part, the one the CLI
 * writes for the same input. Nothing this module imports touches node:fs, node:os, node:crypto
 * or node:worker_threads (test/report/bytes-platform.test.ts holds it to that).
 */
import type { CheckResult } from '../engine/check.js';
import type { Finding, Lang } from '../engine/types.js';
import type { ReadLimits } from '../read/types.js';
import { gathered, platformDeflater, type Deflater } from '../write/zip.js';
import { filesToCopy, makeCopies, writeCopy, type CopyFailure } from './annotate/copies.js';
import { copyNames } from './copy-names.js';
import { reportHtml } from './html.js';
import { buildReport, type ReportOptions } from './model.js';
import { reportWorkbook } from './xlsx.js';

export { copyNames } from './copy-names.js';
export { Nominees } from './nominee-store.js';
export type { CopyFailure } from './annotate/copies.js';

/** A file as bytes, with the name it goes by (a file's name, or its relative path in a dropped folder). */
export interface NamedBytes {
  name: string;
  data: Uint8Array;
}

export interface BytesOptions {
  lang: Lang;
  /** "hoso-lint 0.1.0": the mark's generator (write/mark.ts). The caller says it: reading package.json takes a file system. */
  generator: string;
  /** How the parts are compressed: by default Node's zlib on Node, fflate's deflate elsewhere (platformDeflater). */
  deflater?: Deflater;
  limits?: Partial<ReadLimits>;
}

/** The annotated copy of one workbook or CSV file, as `--annotate` writes it; its findings are those the check gave it. */
export async function annotateBytes(input: NamedBytes, findings: readonly Finding[], opts: BytesOptions): Promise<Uint8Array> {
  const deflater = opts.deflater ?? (await platformDeflater());
  return gathered((sink) => writeCopy(sink, { file: input.name, data: input.data }, findings, { ...opts, deflater }));
}

/**
 * The annotated copies of a check's files, each named as `--annotate` names it (copyNames: the
 * inputs' names are their paths; `folders`, the folders dropped among them), and the files whose
 * copy could not be made, each with the reason the CLI gives. Every file the check read must be
 * among the inputs.
 */
export async function annotateCopies(
  result: CheckResult,
  inputs: readonly NamedBytes[],
  opts: BytesOptions & { folders?: string[] },
): Promise<{ copies: NamedBytes[]; failed: CopyFailure[] }> {
  const { files, findingsOf } = filesToCopy(result);
  const data = new Map(inputs.map((i) => [i.name, i.data]));
  const missing = files.filter((f) => !data.has(f));
  if (missing.length) throw new Error(`annotateCopies: no bytes for ${missing.join(', ')}`);
  const names = copyNames(files, opts.folders);
  const deflater = opts.deflater ?? (await platformDeflater());
  const copies: NamedBytes[] = [];
  const failed = await makeCopies(files, opts.lang, async (file) => {
    copies.push({ name: names.get(file)!, data: await annotateBytes({ name: file, data: data.get(file)! }, findingsOf(file), { ...opts, deflater }) });
  });
  return { copies, failed };
}

/**
 * The batch report `hoso report -o x.xlsx|x.html` writes, over a check's result. Its nominees are
 * `opts.nominees` (a Nominees the check handed them to: collectNominees: nominees.add), else the
 * result's.
 */
export async function reportBytes(result: CheckResult, format: 'xlsx' | 'html', opts: ReportOptions & Omit<BytesOptions, 'limits'>): Promise<Uint8Array> {
  const model = buildReport(result, opts);
  if (format === 'html') return gathered((sink) => encodeTo(sink, reportHtml(model)));
  const deflater = opts.deflater ?? (await platformDeflater());
  return gathered(reportWorkbook(model, { generator: opts.generator, deflater }));
}

/** Text in pieces as UTF-8, a batch of pieces at a time. */
function encodeTo(sink: (chunk: Uint8Array) => void, pieces: Iterable<string>): void {
  const encoder = new TextEncoder();
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= 1 << 16) {
      sink(encoder.encode(batch.join('')));
      batch = [];
      length = 0;
    }
  }
  if (batch.length) sink(encoder.encode(batch.join('')));
}
