/** The shapes that flow from the evaluator to the formatters. */
import type { RawCell } from '../read/types.js';
import type { Parsed, Value } from '../normalize/values.js';
import type { Award, Purpose } from '../rules/schema.js';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'vi' | 'en';

export interface Place {
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export interface Finding extends Place {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The cell's text as the officer typed it. */
  value?: string;
  source: string;
  /** For findings about a file or a group (a quota): the unit or group they concern. */
  group?: string;
  /** Other places the finding concerns (the first listing of a duplicate, the files a cap counts). */
  related?: Place[];
  /**
   * For a finding on a nominee's row: the name in its name column, as typed, and the unit that
   * puts it forward. Who the finding is about, which inserting a row above does not change (a
   * suppression matches on it, never on the row number).
   */
  nominee?: string;
  unit?: string;
}

/** A finding accepted by a reviewed suppression (hoso-suppressions.json), with the reason written there. */
export interface SuppressedFinding extends Finding {
  reason: string;
}

/** A cell of a nominee row as the rules see it. */
export interface CellView {
  key: string;
  year?: number;
  col: number;
  /** Column letter, as Excel shows it. */
  column: string;
  raw: RawCell;
  /** The cell's text, cleaned (NFC, single spaces). */
  text: string;
  /** The value parsed as the column's type; absent for an error cell. */
  parsed?: Parsed;
  /** The legacy encoding the text was converted from (TCVN3 pasted from a .VnTime document). */
  legacy?: RawCell['legacy'];
}

export interface YearSlot {
  year: number;
  col: number;
  column: string;
  cell?: CellView;
}

/**
 * One nominee row, with its columns by key. A row view and its cells are lent for the call that
 * is given them: the engine refills the same cell views for the next row, so a rule keeps what it
 * needs of them (a text, a place), never the views themselves.
 */
export interface RowView {
  file: string;
  sheet: string;
  row: number;
  /** The row is hidden in Excel. */
  hidden: boolean;
  /** The sheet is hidden in Excel. */
  sheetHidden: boolean;
  /** The submitting unit this row belongs to (the file's unit, or the don_vi_de_nghi cell). */
  unit: string;
  /** Whether the sheet has this column (for a year column: any year of it; for the kind: also inferred). */
  has(key: string): boolean;
  /** Where a (non-year) column stands in the sheet, whether or not this row fills it. */
  slot(key: string): { col: number; column: string } | undefined;
  /** The non-empty cell of a (non-year) column. */
  cell(key: string): CellView | undefined;
  /** The parsed value of a column, when present and valid (the kind may come from the sheet's title). */
  value(key: string): Value | undefined;
  /** The year columns of a key present in the sheet, in year order (shared between callers: read it, do not change it). */
  years(key: string): readonly YearSlot[];
  /** Every non-empty cell of the row under a declared column. */
  cells(): CellView[];
  /** Findings already reported on this row, by rule tags (for rules that depend on others). */
  failedTags(): Set<string>;
  /** The award the row proposes first (its first award cell that names one), if one is named. */
  award(): Award | undefined;
  /**
   * Every award the row's award columns name (AWARD_COLUMNS: the award proposed, and a title
   * column of its own where the list has one), in column order; the same award may come twice.
   */
  awards(): readonly ProposedAward[];
  /**
   * What the row is put forward in: an award list (a title or form under the Law) or an exemplar
   * list. The config says it for every row; else a row proposing a title of emulation (LĐTT,
   * CSTĐ, TTLĐTT…) is an award row, and any other row is what its list's title says (an
   * exemplar row when the title says neither).
   */
  readonly purpose: Purpose;
  /** The year the row proposes an award for: its "Năm khen thưởng" cell, else "NĂM 2025" in its list's title, else the dossier's date, when shown. */
  readonly awardYear: number | undefined;
}

/** An award a row proposes, and the column whose cell names it. */
export interface ProposedAward {
  award: Award;
  key: string;
}

export interface FileView {
  file: string;
  /** The submitting unit named in the title block, or the file's name. */
  unit: string;
  /** The title block's heading: the unit, and the parent body above it when there is one. */
  heading: string[];
  title: string[];
  /** The dossier's date, from its place-and-date line (title block or footer). */
  date?: Date;
  /** Column keys present in any sheet of the file. */
  columns: Set<string>;
  /** What the list is, when the config or its title says it (see RowView.purpose). */
  purpose?: Purpose;
  /** Where the purpose was told: the config, or the title line that says it. */
  purposeFrom?: { config: true } | { title: string };
  /** The year the list is for ("NĂM 2025" in its title), when its title says it. */
  year?: number;
}
