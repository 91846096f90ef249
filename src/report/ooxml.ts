/**
 * The last step before a workbook is written: its text escaped as Excel escapes it. exceljs reads
 * `_xHHHH_` escapes into the characters they stand for (a control character, U+FFFE, a lone
 * surrogate, or «_x0041_» from `_x005F_x0041_`) but writes text as it is given, and a dossier's
 * cells, a CSV's above all, may hold any character: unescaped, one such cell makes the whole
 * workbook one Excel refuses, or shows «A» where the officer typed «_x0041_».
 */
import ExcelJS from 'exceljs';
import { ooxmlText } from '../format/xml-text.js';

type Note = Exclude<ExcelJS.Cell['note'], string | undefined>;
const texts = <T extends { text: string }>(runs: T[]): T[] => runs.map((r) => ({ ...r, text: ooxmlText(r.text) }));

function escapeCell(cell: ExcelJS.Cell): void {
  const v = cell.value;
  if (typeof v === 'string') cell.value = ooxmlText(v);
  else if (v && typeof v === 'object') {
    if ('richText' in v) cell.value = { ...v, richText: texts(v.richText) };
    else if ('hyperlink' in v && typeof v.text === 'string') cell.value = { ...v, text: ooxmlText(v.text) };
  }
  const note = cell.note;
  if (typeof note === 'string') cell.note = ooxmlText(note);
  else if (note?.texts) cell.note = { ...note, texts: texts(note.texts) } as Note;
}

/** Escapes every cell's text and note in place (once: the workbook is to be written, not used). */
export function escapeWorkbookText(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        // A merged cell other than the range's first answers with the first's value: escaping it
        // would escape the first's text twice.
        if (cell.isMerged && cell.master !== cell) return;
        escapeCell(cell);
      }),
    );
}
