/**
 * The verdict of a check and the exit code it gives, made in one place so that the code the
 * command line exits with and the line the stylish report ends with never disagree: 2 when an
 * input could not be read (or nothing was there to check), 1 for an error or warnings past
 * --max-warnings, 0 otherwise.
 */
import type { CheckResult } from '../engine/check.js';
import { countBySeverity } from './place.js';

export interface Verdict {
  code: 0 | 1 | 2;
  errors: number;
  warnings: number;
  infos: number;
  /** More warnings than --max-warnings allows. */
  overWarnings: boolean;
}

export function verdictOf(result: Pick<CheckResult, 'findings' | 'inputErrors'>, maxWarnings?: number): Verdict {
  const counts = countBySeverity(result.findings);
  const overWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  const code = result.inputErrors.length ? 2 : counts.errors > 0 || overWarnings ? 1 : 0;
  return { code, ...counts, overWarnings };
}
