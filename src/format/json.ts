import type { Formatter } from './types.js';
import { countBySeverity } from './place.js';
import { stringifyAround } from './json-pieces.js';

/** The stable JSON report of contract.md: a summary and the findings in order. */
export const json: Formatter = (result) => {
  const { errors, warnings } = countBySeverity(result.findings);
  const summary = { files: result.files, rows: result.rows, errors, warnings, unreadable: result.inputErrors.length };
  return stringifyAround((findings) => ({ summary, findings }), result.findings);
};
