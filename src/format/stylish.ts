import { Chalk } from 'chalk';
import type { Finding, Lang } from '../engine/types.js';
import { SEVERITY_WORDS } from '../engine/messages.js';
import type { Formatter } from './types.js';
import { summaryLines } from './summary.js';
import { printable } from '../printable.js';
import { citedDocuments, documentLines } from '../rules/citation.js';

/** The heading of the documents the findings cite. */
const SOURCES = { vi: 'Căn cứ', en: 'Sources' };

/** For the terminal: findings grouped by file and sheet, with the cell, the value and the rule id. */
export const stylish: Formatter = function* (result, ctx) {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  let current = '';
  for (const f of result.findings) {
    const head = printable(`${f.file}${f.sheet ? ` › ${f.sheet}` : ''}`);
    if (head !== current) {
      yield `${current ? '\n' : ''}${c.underline(head)}\n`;
      current = head;
    }
    yield line(f, c, ctx.lang) + '\n';
  }
  if (current) yield '\n';
  // The documents the findings cite, by the code each finding's rule gives (`hoso explain <rule>` gives the section).
  const cited = citedDocuments(result.findings.map((f) => f.source), ctx.ruleSet.documents);
  if (cited.length) yield c.dim([`${SOURCES[ctx.lang]}:`, ...documentLines(cited, ctx.lang)].join('\n')) + '\n\n';
  for (const l of summaryLines(result, ctx, c)) yield l + '\n';
};

function line(f: Finding, c: InstanceType<typeof Chalk>, lang: Lang): string {
  const where = f.row !== undefined ? `${f.column ?? ''}${f.row}` : f.group ? `[${f.group}]` : '';
  const word = SEVERITY_WORDS[f.severity][lang];
  const sev = f.severity === 'error' ? c.red(word) : f.severity === 'warning' ? c.yellow(word) : c.blue(word);
  return `  ${printable(where).padEnd(8)} ${sev}  ${printable(f.message)}  ${c.dim(printable(f.ruleId))}`;
}
