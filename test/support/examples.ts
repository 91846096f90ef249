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

/** An in-memory sheet: title lines in column A, the header, the rows, then the footer lines. */
export function sourceOf(ruleSet: RuleSet, rows: ExampleRow[], title: string[] = [], footer: string[] = []): WorkbookSource {
  // Keys beginning with "$" are properties of the row, not columns: `$hidden: true` hides it.
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !k.startsWith('$'));
  const text = (line: string, row: number): RawRow => ({ row, cells: [{ t: 's', v: line, col: 1 }] });
  const top = title.map((line, i) => text(line, i + 1));
  const headerRow = top.length + 1;
  const header: RawRow = { row: headerRow, cells: keys.map((k, i) => ({ t: 's', v: headerFor(ruleSet, k), col: i + 1 })) };
  const body: RawRow[] = rows.map((r, n) => ({
    row: headerRow + 1 + n,
    cells: keys.flatMap((k, i) => (r[k] === null || r[k] === undefined ? [] : [cellOf(r[k]!, i + 1)])),
    ...(r.$hidden === true ? { hidden: true } : {}),
  }));
  const bottom = footer.map((line, i) => text(line, headerRow + rows.length + 1 + i));
  const sheet = { name: 'Danh sách', hidden: false };
  return {
    sheets: [sheet],
    async *rows() {
      yield* top;
      yield header;
      yield* body;
      yield* bottom;
    },
    close: async () => {},
  };
}

/** The findings of one example, with every profile on (so profile rules are exercised). */
export async function runExample(ruleSet: RuleSet, example: Example): Promise<Finding[]> {
  const evaluator = new Evaluator({ ruleSet, profiles: [...ruleSet.profiles.keys()], lang: 'vi' });
  const files = exampleFiles(example);
  for (let i = 0; i < files.length; i++) {
    const { rows, title, footer } = files[i];
    await evaluator.checkSource(`example-${i + 1}.xlsx`, sourceOf(ruleSet, rows, title, footer));
  }
  evaluator.end();
  return evaluator.findings;
}
