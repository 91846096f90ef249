/** Sheets written as grids, for the table reader and the engine. */
import type { MergeRange, RawCell, RawRow, WorkbookSource } from '../../src/read/types.js';
import { HeaderMatcher, readTable, type NomineeRow, type TableEvent, type TableLayout, type TableOptions } from '../../src/read/table.js';
import type { RuleSet } from '../../src/rules/load.js';
import { vocabulary } from '../../src/engine/check.js';

export type GridCell = string | number | undefined;

/** Rows from a grid: each inner array is a row from column A; undefined or '' leaves a cell empty. */
export function grid(rows: GridCell[][], first = 1): RawRow[] {
  return rows.map((cells, i) => ({
    row: first + i,
    cells: cells.flatMap((v, c): RawCell[] => (v === undefined || v === '' ? [] : typeof v === 'number' ? [{ t: 'n', v, col: c + 1 }] : [{ t: 's', v, col: c + 1 }])),
  }));
}

/** What the table reader needs of a rule set, as the engine makes it. */
export function tableOptions(ruleSet: RuleSet, merges: MergeRange[] = []): TableOptions {
  return {
    matcher: new HeaderMatcher([...ruleSet.columns.values()]),
    vocab: vocabulary(ruleSet),
    keys: { name: 'ten', stt: 'stt' },
    merges,
  };
}

/** The layout and the nominee rows the table reader finds in rows. */
export async function readRows(rows: RawRow[], opts: TableOptions, hint?: string): Promise<{ layout?: TableLayout; rows: NomineeRow[] }> {
  async function* src() {
    yield* rows;
  }
  const events: TableEvent[] = [];
  for await (const e of readTable(src(), opts, hint)) events.push(e);
  const layout = events.find((e) => e.type === 'layout');
  return {
    layout: layout?.type === 'layout' ? layout.layout : undefined,
    rows: events.flatMap((e) => (e.type === 'row' ? [e.row] : [])),
  };
}

/** A workbook of one sheet holding the rows, for Evaluator.checkSource. */
export function gridSource(rows: RawRow[], sheet = 'Danh sách'): WorkbookSource {
  return {
    sheets: [{ name: sheet, hidden: false }],
    async *rows() {
      yield* rows;
    },
    close: async () => {},
  };
}
