import { Chalk } from 'chalk';
import type { Finding } from '../engine/types.js';
import type { Formatter } from './types.js';

const TEXT = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin', errors: 'lỗi', warnings: 'cảnh báo', problems: 'vấn đề', files: 'tệp', rows: 'dòng đề nghị', clean: 'Không có vấn đề nào', unreadable: 'tệp không đọc được' },
  en: { error: 'error', warning: 'warning', info: 'info', errors: 'errors', warnings: 'warnings', problems: 'problems', files: 'files', rows: 'nominee rows', clean: 'No problems', unreadable: 'unreadable files' },
};

/** For the terminal: findings grouped by file and sheet, with the cell, the value and the rule id. */
export const stylish: Formatter = (result, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const t = TEXT[ctx.lang];
  const out: string[] = [];
  let current = '';
  for (const f of result.findings) {
    const head = `${f.file}${f.sheet ? ` › ${f.sheet}` : ''}`;
    if (head !== current) {
      if (current) out.push('');
      out.push(c.underline(head));
      current = head;
    }
    out.push(line(f, c, t));
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const scope = `${result.files} ${t.files}, ${result.rows} ${t.rows}`;
  if (out.length) out.push('');
  if (errors + warnings === 0 && result.findings.length === 0) out.push(c.green(`✔ ${t.clean} (${scope})`));
  else {
    const summary = `✖ ${errors + warnings} ${t.problems} (${errors} ${t.errors}, ${warnings} ${t.warnings}) — ${scope}`;
    out.push(errors ? c.red.bold(summary) : c.yellow.bold(summary));
  }
  if (result.inputErrors.length) out.push(c.red(`✖ ${result.inputErrors.length} ${t.unreadable}`));
  return out.join('\n') + '\n';
};

function line(f: Finding, c: InstanceType<typeof Chalk>, t: (typeof TEXT)['vi']): string {
  const where = f.row !== undefined ? `${f.column ?? ''}${f.row}` : f.group ? `[${f.group}]` : '';
  const sev = f.severity === 'error' ? c.red(t.error) : f.severity === 'warning' ? c.yellow(t.warning) : c.blue(t.info);
  return `  ${where.padEnd(8)} ${sev}  ${f.message}  ${c.dim(f.ruleId)}`;
}
