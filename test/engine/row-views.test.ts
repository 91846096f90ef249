/**
 * The engine lends each row to the rules through cell views it refills for the next row (see
 * RowView). A rule must see, on every row, that row's cells and nothing of the row before: a
 * column filled above and empty here is empty here, in cell(), value(), cells() and years().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/engine/check.js';
import type { RowView } from '../../src/engine/types.js';
import type { RowOperator } from '../../src/operators/types.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet, type CompiledRule } from '../../src/rules/load.js';

/** What a rule saw of one row, copied while it was lent. */
interface Seen {
  row: number;
  name?: string;
  count?: unknown;
  cells: string[];
  years: (string | undefined)[];
}

function probe(seen: Seen[]): RowOperator<Record<string, never>> {
  return {
    kind: 'row',
    options: ({ z }) => z.strictObject({}),
    columns: () => [],
    messages: { fail: { vi: '', en: '' } },
    check(row: RowView) {
      seen.push({
        row: row.row,
        name: row.cell('ten')?.text,
        count: row.value('so_sang_kien'),
        cells: row.cells().map((c) => `${c.column}=${c.text}`),
        years: row.years('xep_loai').map((s) => s.cell?.text),
      });
    },
  };
}

describe('rows lent to the rules', () => {
  it('shows each row its own cells, whatever the row before it held', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-views-'));
    try {
      const lines = [
        'STT,Họ và tên,Đối tượng,Đơn vị công tác,Số sáng kiến,Xếp loại 2023,Xếp loại 2024',
        '1,Nguyễn Văn An,Cá nhân,Trường TH số 1,3,Tốt,Xuất sắc',
        '2,Trần Thị Bình,Cá nhân,,,,Tốt',
        '3,Lê Văn Cường,Cá nhân,Trường TH số 2,,Xuất sắc,',
        '4,,Cá nhân,Trường TH số 3,5,,',
      ];
      const file = path.join(dir, 'ds.csv');
      fs.writeFileSync(file, lines.join('\n'));
      const base = loadRuleSet(expandPackPaths([bundledRulesDir()]));
      const seen: Seen[] = [];
      const rule: CompiledRule = {
        rule: { id: 'thu/xem', title: { vi: 'xem', en: 'look' }, severity: 'info', operator: 'xem', tags: [], source: 'test' } as unknown as CompiledRule['rule'],
        operator: probe(seen),
        options: {},
        pack: 'thu',
        file: 'thu.yaml',
      };
      await checkPaths([file], { ruleSet: { ...base, rules: [rule] }, profiles: [], lang: 'en' });
      expect(seen).toEqual([
        { row: 2, name: 'Nguyễn Văn An', count: 3, cells: ['A=1', 'B=Nguyễn Văn An', 'C=Cá nhân', 'D=Trường TH số 1', 'E=3', 'F=Tốt', 'G=Xuất sắc'], years: ['Tốt', 'Xuất sắc'] },
        { row: 3, name: 'Trần Thị Bình', count: undefined, cells: ['A=2', 'B=Trần Thị Bình', 'C=Cá nhân', 'G=Tốt'], years: [undefined, 'Tốt'] },
        { row: 4, name: 'Lê Văn Cường', count: undefined, cells: ['A=3', 'B=Lê Văn Cường', 'C=Cá nhân', 'D=Trường TH số 2', 'F=Xuất sắc'], years: ['Xuất sắc', undefined] },
        { row: 5, name: undefined, count: 5, cells: ['A=4', 'C=Cá nhân', 'D=Trường TH số 3', 'E=5'], years: [undefined, undefined] },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
