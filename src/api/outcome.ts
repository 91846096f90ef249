/** What the command line and the library both do to a check's outcome before it is reported. */
import type { Finding } from '../engine/types.js';
import type { Report } from '../format/types.js';
import { UsageError } from '../errors.js';

/** --quiet: only the errors are reported (those suppressed too), and only they count toward the verdict. */
export function keepErrorsOnly(report: Report): void {
  const errors = <F extends Finding>(findings: F[]) => findings.filter((f) => f.severity === 'error');
  report.findings = errors(report.findings);
  if (report.suppressed) report.suppressed.findings = errors(report.suppressed.findings);
}

/** A check given nothing to check: a mistake in how it was asked for, not a clean verdict. */
export function nothingGiven(): UsageError {
  return new UsageError('thiếu tệp hoặc thư mục cần kiểm tra', 'no file or folder to check was given');
}
