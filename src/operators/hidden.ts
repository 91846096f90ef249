import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';
import { fill } from '../said.js';

/**
 * Hidden rows and sheets are checked like visible ones (an officer hides a row to print, not to
 * withdraw a nominee), and the report says so, so that nobody is surprised by a finding on a row
 * they do not see: once per hidden sheet, and at each hidden nominee row.
 */
export const hidden = defineOperator({
  kind: 'row',
  options: ({ z }: Schemas) =>
    z.strictObject({}),
  columns: () => [],
  describe: () =>
    fill(
      'Dòng và trang tính bị ẩn vẫn được kiểm tra như khi hiện; mỗi dòng đề nghị bị ẩn và mỗi trang bị ẩn được ghi một thông tin.',
      'Hidden rows and sheets are checked like visible ones; each hidden nominee row and each hidden sheet gets a note.',
    ),
  messages: {
    fail: {
      vi: 'Dòng {{row}} đang ẩn trong Excel; dòng ẩn vẫn được kiểm tra như dòng hiện.',
      en: 'Row {{row}} is hidden in Excel; hidden rows are checked like visible ones.',
    },
    sheet: {
      vi: 'Trang tính «{{sheet}}» đang ẩn trong Excel; trang ẩn vẫn được kiểm tra như trang hiện.',
      en: 'Sheet "{{sheet}}" is hidden in Excel; hidden sheets are checked like visible ones.',
    },
  },
  check(row, _o, ctx) {
    if (row.sheetHidden) ctx.report({ messageId: 'sheet', place: { file: row.file, sheet: row.sheet }, group: row.unit, data: { sheet: row.sheet } });
    if (row.hidden) ctx.report({ row, cell: row.slot('ten') ?? { col: 1, column: 'A' }, data: { row: row.row } });
  },
});
