/**
 * The annotated copies of a check's files, whoever writes them: `hoso check --annotate` to files
 * (annotate.ts), a page to bytes (report/bytes.ts). Which files get one, what each is made of,
 * and why one could not be made, said as the CLI says it.
 */
import { describeInputError } from '../../cli/i18n.js';
import type { CheckResult } from '../../engine/check.js';
import type { Finding, Lang } from '../../engine/types.js';
import { tokenCap } from '../../read/sheet-scanner.js';
import { DEFAULT_LIMITS, InputError, isInternalError, technical, type ReadLimits } from '../../read/types.js';
import { PackageWriter, type Deflater, type Sink } from '../../write/zip.js';
import { writeAnnotatedCopy } from './copy.js';
import { writeCsvCopy } from './csv.js';
import { openPackage } from './package-zip.js';
import { TEXT_INPUT } from '../copy-names.js';

/** The input copied: a file, or (`data` given) the bytes of one, `file` naming it. */
export interface CopyInput {
  file: string;
  data?: Uint8Array;
}

export interface CopyMaking {
  lang: Lang;
  /** "hoso-lint 0.1.0", for the mark (write/mark.ts). */
  generator: string;
  deflater: Deflater;
  limits?: Partial<ReadLimits>;
}

/** Writes the input's annotated copy, a whole zip, to the sink. A CSV input gets a workbook: a CSV file cannot hold fills, notes or links. */
export async function writeCopy(sink: Sink, input: CopyInput, findings: readonly Finding[], opts: CopyMaking): Promise<void> {
  const { file, data } = input;
  const { lang, generator, limits = {} } = opts;
  const pkg = new PackageWriter(sink, opts.deflater);
  if (TEXT_INPUT.test(file)) await writeCsvCopy(file, findings, pkg, { lang, generator, limits, data });
  else {
    const source = await openPackage(file, limits, data);
    try {
      await writeAnnotatedCopy(source, findings, pkg, { file, lang, generator, maxToken: tokenCap(limits.maxCellChars ?? DEFAULT_LIMITS.maxCellChars) });
    } finally {
      await source.close();
    }
  }
  pkg.end();
}

/**
 * The files of a check that get a copy, in the order they were read, each with its findings.
 * Only the files read: a file only named by a finding (a .pdf found in a folder, a second path
 * to a file checked under its first) has no workbook to copy.
 */
export function filesToCopy(result: CheckResult): { files: string[]; findingsOf: (file: string) => Finding[] } {
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return { files: [...new Set(result.sheets.map((s) => s.file))], findingsOf: (file) => byFile.get(file) ?? [] };
}

/** A copy that could not be made: the file, why (for a person), and the technical details for --debug. */
export interface CopyFailure {
  file: string;
  reason: string;
  debug?: string;
}

/** Makes each file's copy with `make`, one after another; the files whose copy failed, each with why. */
export async function makeCopies(files: string[], lang: Lang, make: (file: string) => Promise<void>): Promise<CopyFailure[]> {
  const failed: CopyFailure[] = [];
  for (const file of files) {
    try {
      await make(file);
    } catch (e) {
      failed.push(reasonOf(file, e, lang));
    }
  }
  return failed;
}

/** Why a copy could not be made, for a person: what is wrong with the input, or (an exception of code) a hint at --debug. */
function reasonOf(file: string, e: unknown, lang: Lang): CopyFailure {
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
