/**
 * Whether a sheet is read as a list, and how sure its header must be: what `check` and `inspect`
 * both decide before reading a sheet, and why a sheet without a table was passed over.
 */
import path from 'node:path';
import type { RuleSet } from '../rules/load.js';
import { kindFromText, type LayoutVocabulary } from '../read/table.js';
import { fold } from '../normalize/text.js';
import type { SkipReason } from './notices.js';

export type SheetChoice =
  /** An instructions sheet with example rows: never read. */
  | { read: false; reason: 'example' }
  /** Read; a sheet named like a code list needs the name and two more known columns in its header. */
  | { read: true; codeList: boolean; minScore: number };

/** Whether a sheet's name opens with one of the phrases, whole words ("Mã 02 - Hộ gia đình" opens with "Mã"). */
function named(names: string[], sheet: string): boolean {
  return names.some((p) => ` ${fold(sheet)} `.startsWith(` ${fold(p)} `));
}

export function chooseSheet(sheetName: string, layout: RuleSet['layout']): SheetChoice {
  if (named(layout.exampleSheets, sheetName)) return { read: false, reason: 'example' };
  const codeList = named(layout.ignoreSheets, sheetName);
  return { read: true, codeList, minScore: codeList ? 3 : 2 };
}

/** Why a sheet that was read showed no table: it was empty, named like a code list, or had no header. */
export function noTableReason(choice: SheetChoice & { read: true }, sawRows: boolean): SkipReason {
  return !sawRows ? 'empty' : choice.codeList ? 'code-list' : 'no-header';
}

/** The kind of nominee a sheet's name or else the file's name says (a sheet "CA NHAN", a file "tap-the.xlsx"). */
export function sheetKindHint(sheetName: string, file: string, vocab: LayoutVocabulary): string | undefined {
  return kindFromText(sheetName, vocab) ?? kindFromText(path.basename(file).replace(/\.[^.]*$/, '').replace(/[_-]+/g, ' '), vocab);
}
