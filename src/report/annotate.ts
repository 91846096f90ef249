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
import { describeInputError } from '../cli/i18n.js';
import type { CheckResult } from '../engine/check.js';
import type { Finding, Lang } from '../engine/types.js';
import { tokenCap } from '../read/sheet-scanner.js';
import { DEFAULT_LIMITS, InputError, isInternalError, technical, type ReadLimits } from '../read/types.js';
import { VERSION } from '../version.js';
import { nodeDeflater } from '../write/zip-node.js';
import { PackageWriter, type Sink } from '../write/zip.js';
import { writeAnnotatedCopy } from './annotate/copy.js';
import { writeCsvCopy } from './annotate/csv.js';
import { openPackage } from './annotate/package-node.js';
import { planCopies, type CopyPlace } from './placement.js';

export { FINDINGS_SHEET } from './annotate/findings-sheet.js';

/** Writes a file as it is produced: the bytes `produce` hands to its sink (see cli/output.ts's writeAtomicStream). */
export type StreamWriter = (target: string, produce: (sink: Sink) => Promise<void>) => Promise<void>;

/** Writes one file's annotated copy into the zip writer. */
export async function annotateFile(file: string, findings: readonly Finding[], lang: Lang, pkg: PackageWriter, limits: Partial<ReadLimits> = {}): Promise<void> {
  const generator = `hoso-lint ${VERSION}`;
  if (/\.csv$/i.test(file)) return writeCsvCopy(file, findings, pkg, { lang, generator, limits });
  const source = await openPackage(file, limits);
  try {
    await writeAnnotatedCopy(source, findings, pkg, { file, lang, generator, maxToken: tokenCap(limits.maxCellChars ?? DEFAULT_LIMITS.maxCellChars) });
  } finally {
    await source.close();
  }
}

/** Writes the annotated copies; returns the files written and those that could not be. */
export async function annotateAll(
  result: CheckResult,
  place: CopyPlace,
  lang: Lang,
  write: StreamWriter,
  limits: Partial<ReadLimits> = {},
): Promise<{ written: string[]; failed: { file: string; reason: string; debug?: string }[] }> {
  const written: string[] = [];
  const failed: { file: string; reason: string; debug?: string }[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  // Only the files read: a file only named by a finding (a .pdf found in a folder, a second path
  // to a file checked under its first) has no workbook to copy.
  const read = new Set(result.sheets.map((s) => s.file));
  const targets = planCopies(place, [...read]);
  for (const file of read) {
    try {
      const target = targets.get(file)!;
      mkdirSync(path.dirname(target), { recursive: true });
      await write(target, async (sink) => {
        const pkg = new PackageWriter(sink, nodeDeflater);
        await annotateFile(file, byFile.get(file) ?? [], lang, pkg, limits);
        pkg.end();
      });
      written.push(target);
    } catch (e) {
      failed.push(reasonOf(file, e, lang));
    }
  }
  return { written, failed };
}

/** Why a copy could not be made, for a person: what is wrong with the input, or (an exception of code) a hint at --debug. */
function reasonOf(file: string, e: unknown, lang: Lang): { file: string; reason: string; debug?: string } {
  if (e instanceof InputError) {
    const line = describeInputError(e, lang);
    return { file, reason: line.startsWith(`${e.file}: `) ? line.slice(e.file.length + 2) : line, debug: e.debug };
  }
  if (isInternalError(e)) return { file, reason: ANNOTATE_FAILED[lang], debug: technical(e) };
  return { file, reason: (e as Error).message.split('\n')[0] };
}

const ANNOTATE_FAILED = {
  vi: 'không tạo được bản có đánh dấu của tệp này (chạy lại với --debug để xem chi tiết kỹ thuật)',
  en: 'could not make the annotated copy of this file (run again with --debug for the technical details)',
};
