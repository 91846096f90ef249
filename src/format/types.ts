import type { CheckResult } from '../engine/check.js';
import type { Lang, Severity } from '../engine/types.js';
import type { RuleSet } from '../rules/load.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  ruleSet: RuleSet;
  /** The profiles in force and the config's severity overrides: which rules a report lists as checked. */
  profiles?: string[];
  severity?: Record<string, Severity | 'off'>;
}

/** A formatter is a pure function from results to text. */
export type Formatter = (result: CheckResult, ctx: FormatContext) => string;
