/**
 * `hoso report`: the output's extension picks the form, `.xlsx` (a summary workbook) or `.html`
 * (one self-contained page). Either is made as it is written: the page as pieces of text, the
 * workbook as bytes handed to a sink.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import { GENERATOR } from '../version.js';
import { nodeDeflater } from '../write/zip-node.js';
import type { Sink } from '../write/zip.js';
import { reportHtml } from './html.js';
import type { ReportModel } from './model.js';
import { reportWorkbook } from './xlsx.js';

export { buildReport } from './model.js';
export { NomineeStore } from './nominees.js';

/** A report being made: text in pieces (writeAtomic), or bytes written to a sink (writeAtomicStream). */
export type ReportOutput = Iterable<string> | ((write: Sink) => Promise<void>);

const RENDER: Record<string, (m: ReportModel) => ReportOutput> = {
  '.xlsx': (m) => reportWorkbook(m, { generator: GENERATOR, deflater: nodeDeflater }),
  '.html': reportHtml,
  '.htm': reportHtml,
};

/** Checks the output's extension before any dossier is read: a usage mistake is exit 2 at once. */
export function reportRenderer(file: string | undefined): (m: ReportModel) => ReportOutput {
  if (!file) throw new UsageError('thiếu -o <tệp.xlsx|tệp.html>: báo cáo cần một tệp để ghi', 'missing -o <file.xlsx|file.html>: the report needs a file to write');
  const render = RENDER[path.extname(file).toLowerCase()];
  if (!render) throw new UsageError(`không biết ghi báo cáo dạng «${path.extname(file) || file}»: dùng .xlsx hoặc .html`, `cannot write a report as "${path.extname(file) || file}": use .xlsx or .html`);
  return render;
}
