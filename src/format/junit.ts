import type { Finding } from '../engine/types.js';
import type { Formatter } from './types.js';
import { cellRef, countBySeverity, filesOf } from './place.js';
import { printable } from '../printable.js';
import { escapeXml } from './xml-text.js';

/**
 * Text in the report: XML-escaped, and its control, bidi and line-break characters written as
 * codes (printable), since a JUnit report is shown in CI logs and pages as much as it is parsed.
 */
const text = (s: string, inAttribute = false) => escapeXml(printable(s), inAttribute);

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${text(String(v), true)}"`)
    .join('');

function failure(f: Finding): string {
  const where = cellRef(f);
  return `      <failure${attrs({ message: `${f.ruleId}: ${f.message}`, type: f.ruleId })}>${text(`${where ? `${where} — ` : ''}${f.source}`)}</failure>`;
}

function note(f: Finding): string {
  const where = cellRef(f);
  return `${f.severity} ${where ? `${where} ` : ''}${f.ruleId}: ${f.message} (${f.source})`;
}

/**
 * JUnit XML for CI test reports: a test suite per file with one test case named after the file.
 * The case fails with one `<failure>` per error-level finding; warnings and notices are lines of
 * its `<system-out>`, so they show without failing the build; a file that could not be read is an
 * `<error>`. `failures` counts failing test cases, as JUnit does; the findings are counted in the
 * suite's properties `errors-found` and `warnings-found`. Findings hoso-suppressions.json accepts
 * are left out, counted in the property `suppressed-found` of their file's suite.
 */
export const junit: Formatter = function* (result) {
  const unreadable = new Map(result.inputErrors.map((e) => [e.file, e]));
  const files = filesOf(result);
  const suites = [...files, ...[...unreadable.keys()].filter((f) => !files.includes(f))];
  // The findings by file, in one pass: the header counts the failing suites before any is written.
  const byFile = new Map<string, Finding[]>(suites.map((f) => [f, []]));
  for (const f of result.findings) byFile.get(f.file)!.push(f);
  // Accepted findings fail nothing and are not listed: each suite counts its own.
  const suppressed = new Map<string, number>();
  for (const f of result.suppressed?.findings ?? []) suppressed.set(f.file, (suppressed.get(f.file) ?? 0) + 1);
  let failing = 0;
  for (const findings of byFile.values()) if (findings.some((f) => f.severity === 'error')) failing++;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites${attrs({ name: 'hoso', tests: suites.length, failures: failing, errors: result.inputErrors.length })}>\n`;
  for (const file of suites) {
    const findings = byFile.get(file)!;
    const errors = findings.filter((f) => f.severity === 'error');
    const notes = findings.filter((f) => f.severity !== 'error');
    const error = unreadable.get(file);
    const counts = countBySeverity(findings);
    yield `  <testsuite${attrs({ name: file, tests: 1, failures: errors.length > 0 ? 1 : 0, errors: error ? 1 : 0, skipped: 0 })}>\n`;
    const accepted = suppressed.get(file) ? `<property name="suppressed-found" value="${suppressed.get(file)}"/>` : '';
    yield `    <properties><property name="errors-found" value="${counts.errors}"/><property name="warnings-found" value="${counts.warnings}"/>${accepted}</properties>\n`;
    yield `    <testcase${attrs({ name: file, classname: file })}>\n`;
    if (error) yield `      <error${attrs({ message: error.message, type: error.code })}/>\n`;
    for (const f of errors) yield failure(f) + '\n';
    // A line of the output per note: a line break in one is written as a code.
    for (let i = 0; i < notes.length; i++) yield `${i === 0 ? '      <system-out>' : ''}${text(note(notes[i]))}${i === notes.length - 1 ? '</system-out>\n' : '\n'}`;
    yield '    </testcase>\n  </testsuite>\n';
  }
  yield '</testsuites>\n';
};
