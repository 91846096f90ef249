/**
 * `hoso check --annotate <dir>`: for each workbook checked, a copy in which the officer sees the
 * findings where they are — offending cells filled, a note with the message and rule id — and a
 * sheet "Kết quả kiểm tra" listing every finding with a link to its cell. The copy is made at the
 * package level (annotate/copy.ts): every part the annotation need not change is the input's,
 * byte for byte, and memory does not grow with the rows. The input is only read; a CSV input gets
 * an .xlsx copy, since a CSV file cannot hold fills, notes or links.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CheckResult } from '../engine/check.js';
import type { Lang } from '../engine/types.js';
import type { ReadLimits } from '../read/types.js';
import { GENERATOR } from '../version.js';
import { nodeDeflater } from '../write/zip-node.js';
import type { Sink } from '../write/zip.js';
import { filesToCopy, makeCopies, writeCopy, type CopyFailure } from './annotate/copies.js';
import { planCopies, type CopyPlace } from './placement.js';

export { FINDINGS_SHEET } from './annotate/findings-sheet.js';

/** Writes a file as it is produced: the bytes `produce` hands to its sink (see cli/output.ts's writeAtomicStream). */
export type StreamWriter = (target: string, produce: (sink: Sink) => Promise<void>) => Promise<void>;

/** Writes the annotated copies; returns the files written and those that could not be. */
export async function annotateAll(
  result: CheckResult,
  place: CopyPlace,
  lang: Lang,
  write: StreamWriter,
  limits: Partial<ReadLimits> = {},
): Promise<{ written: string[]; failed: CopyFailure[] }> {
  const written: string[] = [];
  const { files, findingsOf } = filesToCopy(result);
  const targets = planCopies(place, files);
  const failed = await makeCopies(files, lang, async (file) => {
    const target = targets.get(file)!;
    mkdirSync(path.dirname(target), { recursive: true });
    await write(target, (sink) => writeCopy(sink, { file }, findingsOf(file), { lang, generator: GENERATOR, deflater: nodeDeflater, limits }));
    written.push(target);
  });
  return { written, failed };
}
