import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';
import { fill } from '../said.js';

/** A formula that ended in an error (#REF!, #N/A, #VALUE!) in a nominee's row: the value is lost. */
export const errorCell = defineOperator({
  kind: 'row',
  options: ({ z }: Schemas) =>
    z.strictObject({}),
  columns: () => [],
  describe: () =>
    fill(
      'Không ô nào của dòng đề nghị được là lỗi công thức (#REF!, #N/A, #VALUE!…): giá trị cần kiểm tra đã mất.',
      'No cell of a nominee row may be a formula error (#REF!, #N/A, #VALUE!…): the value to check is lost.',
    ),
  messages: {
    fail: { vi: 'Ô «{{column}}» có lỗi công thức {{value}}: giá trị không đọc được.', en: 'Cell "{{column}}" holds the formula error {{value}}: its value cannot be read.' },
  },
  check(row, _o, ctx) {
    for (const cell of row.cells()) {
      if (cell.raw.t !== 'e') continue;
      const column = cell.year === undefined ? ctx.label(cell.key) : `${ctx.label(cell.key)} ${cell.year}`;
      ctx.report({ row, cell, data: { column, value: cell.text } });
    }
  },
});
