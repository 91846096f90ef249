/** Runs a rule's examples: each becomes an in-memory workbook checked by the real engine. */
import type { RawCell, RawRow, WorkbookSource } from '../../src/read/types.js';
import type { RuleSet } from '../../src/rules/load.js';
import { exampleFiles, type Example, type ExampleRow } from '../../src/rules/schema.js';
import { Evaluator } from '../../src/engine/check.js';
import type { Finding } from '../../src/engine/types.js';

/** The header a key stands for: the column's canonical header, with the year for `key_YYYY`. */
export function headerFor(ruleSet: RuleSet, key: string): string {
  const direct = ruleSet.columns.get(key);
  if (direct && !direct.year) return direct.header;
  const m = /^(.*)_(\d{4})$/.exec(key);
  const yearly = m && ruleSet.columns.get(m[1]);
  if (yearly && yearly.year) return yearly.header.replace('YYYY', m[2]);
  throw new Error(`example key "${key}" is no column`);
}

function cellOf(v: string | number | boolean, col: number): RawCell {
  if (typeof v === 'number') return { t: 'n', v, col };
  if (typeof v === 'boolean') return { t: 'b', v, col };
  if (/^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?)$/.test(v)) return { t: 'e', v, col, formula: true };
  return { t: 's', v, col };
}

export function sourceOf(ruleSet: RuleSet, rows: ExampleRow[]): WorkbookSource {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const header: RawRow = { row: 1, cells: keys.map((k, i) => ({ t: 's', v: headerFor(ruleSet, k), col: i + 1 })) };
  const body: RawRow[] = rows.map((r, n) => ({
    row: n + 2,
    cells: keys.flatMap((k, i) => (r[k] === null || r[k] === undefined ? [] : [cellOf(r[k]!, i + 1)])),
  }));
  const sheet = { name: 'Danh sách', hidden: false };
  return {
    sheets: [sheet],
    async *rows() {
      yield header;
      yield* body;
    },
    close: async () => {},
  };
}

/** The findings of one example, with every profile on (so profile rules are exercised). */
export async function runExample(ruleSet: RuleSet, example: Example): Promise<Finding[]> {
  const evaluator = new Evaluator({ ruleSet, profiles: [...ruleSet.profiles.keys()], lang: 'vi' });
  const files = exampleFiles(example);
  for (let i = 0; i < files.length; i++) await evaluator.checkSource(`example-${i + 1}.xlsx`, sourceOf(ruleSet, files[i]));
  evaluator.end();
  return evaluator.findings;
}
