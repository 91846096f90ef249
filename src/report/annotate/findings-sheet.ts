/**
 * The sheet the copy adds: every finding of the file in a row — severity, sheet, cell (a link to
 * it), rule, message, the cell's value, the rule's source — under a bold header kept in view.
 */
import type { Lang } from '../../engine/types.js';
import type { SheetLayout, SheetXml } from '../../write/sheet-xml.js';
import { sheetRef } from '../../write/workbook.js';
import { refOf, type Placed } from './marks.js';

export const FINDINGS_SHEET = 'Kết quả kiểm tra';
/** The sheet's name wanted, before it is made one no sheet of the workbook has (sheetNameFor). */
export const FINDINGS_NAME: Record<Lang, string> = { vi: FINDINGS_SHEET, en: 'Findings' };

const HEAD = {
  vi: ['Mức', 'Trang tính', 'Ô', 'Quy tắc', 'Nội dung', 'Giá trị', 'Nguồn'],
  en: ['Severity', 'Sheet', 'Cell', 'Rule', 'Message', 'Value', 'Source'],
};

export const FINDINGS_LAYOUT: SheetLayout = { widths: [10, 18, 8, 30, 70, 20, 24], frozenRows: 1 };

/** Writes the sheet's rows; `names` are the workbook's sheet names, which the links go to. */
export function findingsRows(sheet: SheetXml, placed: readonly Placed[], names: readonly string[], lang: Lang, styles: { bold: number; link: number }): void {
  sheet.row(HEAD[lang], styles.bold);
  for (const { finding: f, sheet: at, cell } of placed) {
    const ref = cell ? refOf(cell) : f.row !== undefined ? `${f.column ?? ''}${f.row}` : '';
    // An internal link: "#'Sheet'!H12" takes the officer to the cell.
    const where = at !== undefined && cell ? { v: ref, link: `${sheetRef(names[at])}!${ref}`, s: styles.link } : ref;
    sheet.row([f.severity, f.sheet ?? f.group ?? '', where, f.ruleId, f.message, f.value ?? '', f.source]);
  }
}
