import type { Formatter } from './types.js';
import { countBySeverity } from './place.js';
import { stringifyAround } from './json-pieces.js';

/** The stable JSON report of contract.md: a summary and the findings in order. */
export const json: Formatter = (result, ctx) => {
  const { errors, warnings } = countBySeverity(result.findings);
  // `config`: the hoso.config.yaml that may have turned rules off or changed severities, or null;
  // `ignored`: the files and folders its `ignores:` or --ignore-pattern passed over (added last: scripts rely on the rest).
  const summary = { files: result.files, rows: result.rows, errors, warnings, unreadable: result.inputErrors.length, config: ctx.config ?? null, ignored: result.ignored ?? 0 };
  return stringifyAround((findings) => ({ summary, findings }), result.findings);
};
