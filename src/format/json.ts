import type { Formatter } from './types.js';

/** The stable JSON report of contract.md: a summary and the findings in order. */
export const json: Formatter = (result) => {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  return (
    JSON.stringify(
      {
        summary: { files: result.files, rows: result.rows, errors, warnings, unreadable: result.inputErrors.length },
        findings: result.findings,
      },
      null,
      2,
    ) + '\n'
  );
};
