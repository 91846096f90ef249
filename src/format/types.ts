import type { CheckResult } from '../engine/check.js';
import type { Lang } from '../engine/types.js';
import type { RuleSet } from '../rules/load.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  ruleSet: RuleSet;
}

/** A formatter is a pure function from results to text. */
export type Formatter = (result: CheckResult, ctx: FormatContext) => string;
