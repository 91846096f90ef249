import type { CheckResult } from '../engine/check.js';
import type { Lang, Severity, SuppressedFinding } from '../engine/types.js';
import type { RuleSet } from '../rules/load.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  ruleSet: RuleSet;
  /** The profiles in force and the config's severity overrides: which rules a report lists as checked. */
  profiles?: string[];
  severity?: Record<string, Severity | 'off'>;
  /** The hoso.config.yaml in force, as the user should see it (pathLabel); absent when none. */
  config?: string;
  /** --max-warnings, which the verdict (and the stylish summary saying it) depends on. */
  maxWarnings?: number;
}

/** A run's outcome as the reports show it: the check's, with the findings reviewed suppressions accept set apart. */
export interface Report extends CheckResult {
  /**
   * The findings hoso-suppressions.json accepts (they are not among `findings`, and count toward
   * no exit code), with the file that accepts them as the user should see it; absent when no
   * suppressions file is in force.
   */
  suppressed?: { file: string; findings: SuppressedFinding[] };
}

/**
 * A formatter is a pure function from results to the report's text, given in pieces, in order: a
 * consolidated list with a hundred thousand findings has a report of hundreds of megabytes, which
 * is written as it is made rather than held whole (see writeAtomic).
 */
export type Formatter = (result: Report, ctx: FormatContext) => Iterable<string>;

/** A report's pieces as one text. */
export function joined(pieces: Iterable<string>): string {
  return Array.isArray(pieces) ? pieces.join('') : [...pieces].join('');
}
