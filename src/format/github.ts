import type { Formatter } from './types.js';
import { cellRef } from './place.js';
import { printable } from '../printable.js';
import { suppressedLine } from './suppressed.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** The workflow-command escapes: data may not hold a line break, and `%` introduces an escape. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Properties are also split on `,` and ended by `::`, so those are escaped too. */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), one a finding, so a
 * workflow run shows each finding as an annotation on the dossier file. The texts are escaped as
 * the command's syntax needs (a line break as %0A, which the annotation shows as one), then made
 * printable: the log would act on an escape sequence, and a bidi control reorders the line.
 */
export const github: Formatter = function* (result, ctx) {
  for (const f of result.findings) {
    const props = [`file=${printable(escapeProperty(f.file.replace(/\\/g, '/')))}`];
    if (f.row !== undefined) props.push(`line=${f.row}`);
    props.push(`title=${printable(escapeProperty(f.ruleId))}`);
    const where = cellRef(f);
    yield `::${COMMAND[f.severity]} ${props.join(',')}::${printable(escapeData(`${f.message}${where ? ` (${where})` : ''}`))}\n`;
  }
  // Accepted findings make no annotation; one notice, on the run rather than a file, says how many there are.
  const suppressed = suppressedLine(result, ctx.lang);
  if (suppressed) yield `::notice::${printable(escapeData(suppressed))}\n`;
};
