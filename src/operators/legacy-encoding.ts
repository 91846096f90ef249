import { z } from 'zod';
import { defineOperator } from './types.js';

/**
 * Text typed in a legacy Vietnamese encoding (TCVN3 under a .VnTime font): it is checked as the
 * Unicode it stands for, and the cell is reported so that the dossier can be retyped in Unicode
 * before it goes to systems that would read it as "Hä vµ tªn".
 */
export const legacyEncoding = defineOperator({
  kind: 'row',
  options: z.strictObject({}),
  columns: () => [],
  messages: {
    fail: {
      vi: 'Ô «{{column}}» gõ bằng mã TCVN3 (phông .VnTime): đã đọc thành «{{value}}»; nên gõ lại bằng Unicode.',
      en: 'Cell "{{column}}" is typed in TCVN3 (a .VnTime font): read as "{{value}}"; retype it in Unicode.',
    },
  },
  check(row, _o, ctx) {
    for (const cell of row.cells()) {
      if (!cell.legacy) continue;
      const column = cell.year === undefined ? ctx.label(cell.key) : `${ctx.label(cell.key)} ${cell.year}`;
      ctx.report({ row, cell, data: { column, value: cell.text } });
    }
  },
});
