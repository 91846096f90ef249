/**
 * An operator is the code behind a rule's `check:`: a small function with a zod schema for its
 * options and default messages. Row operators see one nominee row at a time; group operators
 * accumulate over rows (counts, keys) and report when a file or the whole run ends.
 */
import type { z } from 'zod';
import type { CellView, FileView, Place, RowView } from '../engine/types.js';
import type { Who } from '../engine/nominee.js';
import type { Condition, Period, Scalar, Schemas } from '../rules/schema.js';
import type { Said } from '../said.js';
import type { CompiledAwards } from '../rules/awards.js';
import type { Ledger } from '../history/ledger.js';

export type Messages = Record<string, { vi: string; en: string }>;

/** A placeholder's value: plain, or in both languages. */
export type MessageArg = string | number | { vi: string; en: string };

export interface ReportInput {
  messageId?: string;
  /** The cell the finding points at; a row finding without a cell points at the row. */
  cell?: CellView | { col: number; column: string; text?: string };
  row?: RowView;
  /** For file- and group-level findings. */
  place?: Place;
  group?: string;
  data?: Record<string, MessageArg>;
  related?: Place[];
  /** Who a finding at a `place` with a row is about (a finding given `row` takes it from the row). */
  who?: Who;
  /** Overrides the rule's severity (e.g. a missing column is a warning for a criterion). */
  severity?: 'error' | 'warning' | 'info';
}

export type Report = (r: ReportInput) => void;

export interface OperatorContext {
  report: Report;
  /** The rule's period, when it has one. */
  period?: Period;
  test(cond: Condition, row: RowView): boolean;
  /** The display label of a column, for messages. */
  label(key: string): string;
  /** How an expected value reads in a message: an enumeration value by its label, yes/no as words. */
  expected(key: string, v: string | number | boolean): MessageArg;
  /** The awards' vocabulary of the packs loaded. */
  awards: CompiledAwards;
  /** The severity of a note that the sheet has no column to show the rule's criterion. */
  missing: 'error' | 'warning' | 'info';
  /** The office's past decisions (`--history`), when given. */
  ledger?: Ledger;
}

/**
 * What an operator's `describe` is given to tell its rule in words (`hoso explain`): the rule
 * set's columns and values as a person reads them.
 */
export interface Describer {
  /** A column by its label, quoted: «Xếp loại» / "Xếp loại". */
  column(key: string): Said;
  /** An expected value of a column: an enumeration value by its label, yes/no as «Có»/«Không». */
  value(key: string, v: Scalar): Said;
  /** A condition on a row in words ("«Đối tượng» là «Tập thể»"). */
  condition(c: Condition): Said;
  /** An award by its name in the vocabulary, quoted: «Chiến sĩ thi đua cơ sở». */
  award(id: string): Said;
  /** The rule's period, " 2023–2025", or nothing. */
  period: string;
}

/** What every operator has, whatever its kind. */
interface OperatorBase<O> {
  /** The options' schema, made when a pack's rules are validated (never for a pack read from the cache). */
  options(s: Schemas): z.ZodType<O>;
  /** Column keys the options refer to: checked at load time. */
  columns(o: O): string[];
  /** Award ids the options refer to: checked at load time against the awards' vocabulary. */
  awardIds?(o: O): string[];
  /**
   * The years a year column is read for, by its key, when not the award year alone (a streak reads
   * the years before it): what `hoso init --award` spells the column out over.
   */
  yearsRead?(o: O, awardYear: number): Record<string, number[]>;
  messages: Messages;
  /** What the rule checks, in words, with its options: for `hoso explain` (every operator must say it). */
  describe(o: O, d: Describer): Said;
}

export interface RowOperator<O> extends OperatorBase<O> {
  kind: 'row';
  /**
   * Columns without which the row cannot be judged: when the sheet lacks them, one finding for the
   * sheet instead of one per row (`error` for `required`, a warning for criteria).
   */
  needs?(o: O): { keys: string[]; severity: 'error' | 'warning' } | undefined;
  /** Runs after every other row rule (it reads their outcome through `row.failedTags()`). */
  late?: boolean;
  check(row: RowView, o: O, ctx: OperatorContext): void;
}

export interface Accumulator {
  /** Every nominee row; `inScope` tells whether the rule's `when` holds for it. */
  row(row: RowView, inScope: boolean): void;
  endFile?(file: FileView): void;
  end?(): void;
}

export interface GroupOperator<O> extends OperatorBase<O> {
  kind: 'group';
  /**
   * Whether the rule needs the rows of every file checked together (a cap over every input, a
   * duplicate across units). Such rules run where all files meet; the others run beside the file.
   */
  global?(o: O): boolean;
  create(o: O, ctx: OperatorContext): Accumulator;
}

export type Operator<O = any> = RowOperator<O> | GroupOperator<O>;

export function defineOperator<O>(op: Operator<O>): Operator<O> {
  return op;
}
