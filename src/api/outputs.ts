/**
 * What the library makes beside a check's report, as bytes: the annotated copies `--annotate`
 * writes and the batch report `hoso report -o` writes, by the CLI's own writers (report/bytes.ts).
 */
import type { CheckResult } from '../engine/check.js';
import type { Lang } from '../engine/types.js';
import type { Given } from '../read/given.js';
import { bufferOf } from '../read/bytes.js';
import type { ReadLimits } from '../read/types.js';
import { annotateCopies, type CopyFailure, type NamedBytes } from '../report/bytes.js';
import { GENERATOR } from '../version.js';

/**
 * The annotated copy of each file the check read, named as `--annotate` names it when the files
 * are given by these names (a walked file's top folder is the folder dropped), and the files
 * whose copy could not be made, with the CLI's reasons. Files given as bytes only (check refuses
 * paths with `annotate`).
 */
export async function copiesOf(result: CheckResult, given: Given[], lang: Lang, limits?: Partial<ReadLimits>): Promise<{ copies: NamedBytes[]; failed: CopyFailure[] }> {
  const inputs: NamedBytes[] = [];
  const folders = new Set<string>();
  const read = new Set(result.sheets.map((s) => s.file));
  for (const g of given) {
    if (typeof g === 'string') continue;
    if (read.has(g.name)) inputs.push({ name: g.name, data: await bufferOf(g.data) });
    if (g.walked && g.name.includes('/')) folders.add(g.name.slice(0, g.name.indexOf('/')));
  }
  return annotateCopies(result, inputs, { lang, generator: GENERATOR, limits, folders: [...folders] });
}

/** The batch report's name, as the README's example writes it. */
export const REPORT_NAME = { xlsx: 'bao-cao.xlsx', html: 'bao-cao.html' } as const;
