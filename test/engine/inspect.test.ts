/** The inspection keeps a bounded report however many rows a sheet has: runs, then counts. */
import { describe, expect, it } from 'vitest';
import { Inspector, MAX_RUNS } from '../../src/engine/inspect.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import type { RawRow, WorkbookSource } from '../../src/read/types.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));

/** A one-sheet source: the header in row 1, then `body(i)` for rows 2…n+1. */
function source(n: number, body: (i: number) => RawRow['cells']): WorkbookSource {
  return {
    sheets: [{ name: 'DS', hidden: false }],
    async *rows() {
      yield { row: 1, cells: [{ col: 1, t: 's', v: 'STT' }, { col: 2, t: 's', v: 'Họ và tên' }, { col: 3, t: 's', v: 'Đơn vị công tác' }, { col: 4, t: 's', v: 'Chức vụ' }] };
      for (let i = 0; i < n; i++) yield { row: i + 2, cells: body(i) };
    },
    close: async () => {},
  };
}

describe('Inspector', () => {
  it('gives a long list of like nominees as one run', async () => {
    const n = 200_000;
    const f = await new Inspector(ruleSet).inspectSource('ds.xlsx', source(n, (i) => [{ col: 1, t: 'n', v: i + 1 }, { col: 2, t: 's', v: `Người ${i}` }, { col: 3, t: 's', v: 'Trường X' }]));
    const sheet = f.sheets[0];
    expect(sheet.rows).toEqual([
      { first: 1, last: 1, count: 1, class: 'header' },
      { first: 2, last: n + 1, count: n, class: 'nominee', named: true },
    ]);
    expect(sheet).toMatchObject({ nominees: n, extent: { first: 2, last: n + 1 } });
    expect(sheet.more).toBeUndefined();
  });

  it('lists at most MAX_RUNS runs and counts the rest by class when every row differs from the last', async () => {
    const n = 3 * MAX_RUNS;
    // Named and unnamed nominees by turns: no two rows in a row share a reason.
    const f = await new Inspector(ruleSet).inspectSource('ds.xlsx', source(n, (i) => (i % 2 ? [{ col: 3, t: 's', v: 'Trường X' }, { col: 4, t: 's', v: 'Giáo viên' }] : [{ col: 2, t: 's', v: `Người ${i}` }, { col: 3, t: 's', v: 'Trường X' }])));
    const sheet = f.sheets[0];
    expect(sheet.rows).toHaveLength(MAX_RUNS);
    expect(sheet.rows[2]).toMatchObject({ class: 'nominee', named: false, typed: 2 });
    const listed = sheet.rows.reduce((k, r) => k + r.count, 0);
    expect(listed + (sheet.more?.nominee ?? 0)).toBe(n + 1);
    expect(sheet.nominees).toBe(n);
    expect(sheet.extent).toEqual({ first: 2, last: n + 1 });
  });
});
