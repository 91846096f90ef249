import { Chalk } from 'chalk';
import type { Finding } from '../engine/types.js';
import type { Formatter } from './types.js';
import { countBySeverity } from './place.js';
import { printable } from '../printable.js';
import { citedDocuments, documentLines } from '../rules/citation.js';

const TEXT = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin', errors: 'lỗi', warnings: 'cảnh báo', problems: 'vấn đề', files: 'tệp', rows: 'dòng đề nghị', clean: 'Không có vấn đề nào', unreadable: 'tệp không đọc được', notes: 'thông tin', config: 'Cấu hình', sources: 'Căn cứ', ignored: 'tệp/thư mục bỏ qua theo cấu hình' },
  en: { error: 'error', warning: 'warning', info: 'info', errors: 'errors', warnings: 'warnings', problems: 'problems', files: 'files', rows: 'nominee rows', clean: 'No problems', unreadable: 'unreadable files', notes: 'notes', config: 'Config', sources: 'Sources', ignored: 'files/folders ignored by the configuration' },
};

/** For the terminal: findings grouped by file and sheet, with the cell, the value and the rule id. */
export const stylish: Formatter = function* (result, ctx) {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const t = TEXT[ctx.lang];
  let current = '';
  for (const f of result.findings) {
    const head = printable(`${f.file}${f.sheet ? ` › ${f.sheet}` : ''}`);
    if (head !== current) {
      yield `${current ? '\n' : ''}${c.underline(head)}\n`;
      current = head;
    }
    yield line(f, c, t) + '\n';
  }
  const { errors, warnings, infos } = countBySeverity(result.findings);
  const scope = `${result.files} ${t.files}, ${result.rows} ${t.rows}${infos ? `, ${infos} ${t.notes}` : ''}`;
  if (current) yield '\n';
  // The documents the findings cite, by the code each finding's rule gives (`hoso explain <rule>` gives the section).
  const cited = citedDocuments(result.findings.map((f) => f.source), ctx.ruleSet.documents);
  if (cited.length) yield c.dim([`${t.sources}:`, ...documentLines(cited, ctx.lang)].join('\n')) + '\n\n';
  // A ✔ says everything given was read: never while a file could not be.
  if (errors + warnings === 0 && result.inputErrors.length === 0) yield c.green(`✔ ${t.clean} (${scope})`) + '\n';
  else {
    const summary = `✖ ${errors + warnings} ${t.problems} (${errors} ${t.errors}, ${warnings} ${t.warnings}) — ${scope}`;
    yield (errors ? c.red.bold(summary) : c.yellow.bold(summary)) + '\n';
  }
  if (result.inputErrors.length) yield c.red(`✖ ${result.inputErrors.length} ${t.unreadable}`) + '\n';
  // Passed over in silence, like ESLint, but counted: a pattern too wide shows here.
  if (result.ignored) yield c.dim(`${result.ignored} ${t.ignored}`) + '\n';
  // A config found in a parent folder may have turned rules off: the verdict says which one holds.
  if (ctx.config) yield c.dim(`${t.config}: ${printable(ctx.config)}`) + '\n';
};

function line(f: Finding, c: InstanceType<typeof Chalk>, t: (typeof TEXT)['vi']): string {
  const where = f.row !== undefined ? `${f.column ?? ''}${f.row}` : f.group ? `[${f.group}]` : '';
  const sev = f.severity === 'error' ? c.red(t.error) : f.severity === 'warning' ? c.yellow(t.warning) : c.blue(t.info);
  return `  ${printable(where).padEnd(8)} ${sev}  ${printable(f.message)}  ${c.dim(printable(f.ruleId))}`;
}
