/**
 * The report's model in memory: how findings attach to nominees (file + sheet + row) and to units
 * (a quota's group), what counts in a unit and in the total, and a nominee whose unit is not given.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/engine/check.js';
import type { Finding } from '../../src/engine/types.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { buildReport } from '../../src/report/model.js';
import { summaryTotal } from '../../src/report/tables.js';
import { esc, scriptJson } from '../../src/report/html.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
const finding = (f: Partial<Finding>): Finding => ({ ruleId: 'x/y', severity: 'error', message: 'm', file: 'a.xlsx', source: 's', ...f });

const result: CheckResult = {
  files: 2,
  rows: 4,
  inputErrors: [],
  sheets: [],
  nominees: [
    { file: 'a.xlsx', sheet: 'DS', row: 5, unit: 'Xã A', name: 'Thôn 1', kind: 'tap-the', field: 'khu-dan-cu' },
    { file: 'a.xlsx', sheet: 'DS', row: 6, unit: 'Xã A', name: 'Ông B', kind: 'ca-nhan', field: 'giao-duc' },
    { file: 'a.xlsx', sheet: 'Khác', row: 5, unit: 'Xã A', name: 'Bà C', kind: 'ca-nhan', field: 'giao-duc' },
    { file: 'b.csv', sheet: 'b', row: 3, unit: '', name: 'Hộ D', kind: 'ho-gia-dinh' },
  ],
  findings: [
    finding({ sheet: 'DS', row: 6, column: 'C', message: 'lỗi ở Ông B' }),
    finding({ sheet: 'DS', row: 6, column: 'D', severity: 'warning', message: 'cảnh báo ở Ông B' }),
    finding({ sheet: 'Khác', row: 5, column: 'C', severity: 'warning', message: 'cảnh báo ở Bà C' }),
    finding({ ruleId: 'binh-dinh/xa/tap-the', group: 'Xã A', message: 'Xã A: có 1 tập thể, cần ít nhất 3.' }),
    finding({ file: 'b.csv', message: 'về cả tệp' }),
  ],
};

describe('the report model', () => {
  const m = buildReport(result, { ruleSet, profiles: ['binh-dinh/xa'], lang: 'vi' });

  it('joins findings to nominees by file, sheet and row', () => {
    const list = [...m.list()];
    expect(list.map((r) => [r.name, r.status, r.messages])).toEqual([
      ['Thôn 1', 'ok', []],
      ['Ông B', 'error', ['lỗi ở Ông B', 'cảnh báo ở Ông B']],
      ['Bà C', 'warning', ['cảnh báo ở Bà C']],
      ['Hộ D', 'ok', []],
    ]);
    expect(list.map((r) => r.stt)).toEqual([1, 2, 3, 4]);
    expect(list[0]).toMatchObject({ kindLabel: 'Tập thể', fieldLabel: 'Khu dân cư, thôn, làng văn hóa' });
  });

  it('sums a unit with its quotas, and names a unit that is not given', () => {
    expect(m.fields.map((f) => f.id)).toEqual(['giao-duc', 'khu-dan-cu']);
    const [a, d] = m.units;
    expect(a).toMatchObject({ unit: 'Xã A', file: 'a.xlsx', nominees: 3, byKind: { 'tap-the': 1, 'ca-nhan': 2 }, byField: { 'giao-duc': 2, 'khu-dan-cu': 1 }, errors: 2, warnings: 2, failed: 1 });
    const col = m.quotas.findIndex((q) => q.ruleId === 'binh-dinh/xa/tap-the');
    expect(m.quotas[col].label).toBe('tập thể ≥ 3');
    expect(a.quotas[col]).toEqual({ met: false, text: 'Xã A: có 1 tập thể, cần ít nhất 3.' });
    expect(d.unit).toBe('(không rõ đơn vị)');
    expect(d.quotas[col]).toEqual({ met: true, text: 'Đạt' });
    // The total counts every finding, also the one about a whole file.
    expect(m.total).toMatchObject({ nominees: 4, errors: 3, warnings: 2, failed: 1 });
    expect(summaryTotal(m).slice(0, 3)).toEqual(['Tổng cộng', '2 tệp', 4]);
  });

  it('escapes every character that could open markup', () => {
    expect(esc(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(esc(undefined)).toBe('');
  });

  it('writes data for a script block that no text can close or turn into markup, and that reads back whole', () => {
    const hostile = ['</script><script>alert(1)</script>', '<!-- x', 'a & b > c', 'dòng\u2028đoạn\u2029', 'ok'];
    const json = scriptJson(hostile);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(hostile);
  });
});
