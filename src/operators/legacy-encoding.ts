import type { Schemas } from '../rules/schema.js';
import { defineOperator } from './types.js';
import { fill } from '../said.js';

/**
 * Text typed in a legacy Vietnamese encoding (TCVN3 under a .VnTime font, VNI under a VNI-Times
 * font) or mangled into mojibake by a wrong code page: it is checked as the
 * Unicode it stands for, and the cell is reported so that the dossier can be retyped in Unicode
 * before it goes to systems that would read it as "Hä vµ tªn".
 */
export const legacyEncoding = defineOperator({
  kind: 'row',
  options: ({ z }: Schemas) =>
    z.strictObject({}),
  columns: () => [],
  describe: () =>
    fill(
      'Ô gõ bằng bảng mã cũ (TCVN3 với phông .VnTime, VNI với phông VNI-Times) hoặc bị lỗi mã (mojibake) được đọc thành chữ Unicode để kiểm tra, và được báo để gõ lại bằng Unicode.',
      'A cell typed in a legacy encoding (TCVN3 under a .VnTime font, VNI under a VNI-Times font) or turned into mojibake is read as the Unicode it stands for, and reported so that it is retyped in Unicode.',
    ),
  messages: {
    fail: {
      vi: 'Ô «{{column}}» gõ bằng mã TCVN3 (phông .VnTime): đã đọc thành «{{value}}»; nên gõ lại bằng Unicode.',
      en: 'Cell "{{column}}" is typed in TCVN3 (a .VnTime font): read as "{{value}}"; retype it in Unicode.',
    },
    vni: {
      vi: 'Ô «{{column}}» gõ bằng mã VNI (phông VNI-Times): đã đọc thành «{{value}}»; nên gõ lại bằng Unicode.',
      en: 'Cell "{{column}}" is typed in VNI (a VNI-Times font): read as "{{value}}"; retype it in Unicode.',
    },
    mojibake: {
      vi: 'Ô «{{column}}» bị lỗi phông (chữ UTF-8 bị đọc nhầm là Windows-1252 rồi lưu lại): đã sửa thành «{{value}}»; nên kiểm tra và lưu lại bằng UTF-8.',
      en: 'Cell "{{column}}" is mojibake (UTF-8 read as Windows-1252 and saved again): repaired as "{{value}}"; check it and save the file as UTF-8.',
    },
  },
  check(row, _o, ctx) {
    for (const cell of row.cells()) {
      if (!cell.legacy) continue;
      const column = cell.year === undefined ? ctx.label(cell.key) : `${ctx.label(cell.key)} ${cell.year}`;
      ctx.report({ row, cell, messageId: cell.legacy === 'tcvn3' ? undefined : cell.legacy, data: { column, value: cell.text } });
    }
  },
});
