import type { Formatter } from './types.js';
import { countBySeverity } from './place.js';
import { stringifyAroundEach } from './json-pieces.js';

/** The stable JSON report of contract.md: a summary and the findings in order, then those reviewed suppressions accept. */
export const json: Formatter = (result, ctx) => {
  const { errors, warnings } = countBySeverity(result.findings);
  // `config`: the hoso.config.yaml that may have turned rules off or changed severities, or null.
  // `suppressed`: findings hoso-suppressions.json accepts, counted and listed apart from the problems (`suppressions`: that file, or null).
  // `ignored`: the files and folders its `ignores:` or --ignore-pattern passed over. Fields are only ever added, last: scripts rely on the rest.
  const suppressed = result.suppressed?.findings ?? [];
  const summary = {
    files: result.files,
    rows: result.rows,
    errors,
    warnings,
    unreadable: result.inputErrors.length,
    config: ctx.config ?? null,
    suppressed: suppressed.length,
    suppressions: result.suppressed?.file ?? null,
    ignored: result.ignored ?? 0,
  };
  return stringifyAroundEach((findings, accepted) => ({ summary, findings, suppressed: accepted }), [{ items: result.findings }, { items: suppressed }]);
};
