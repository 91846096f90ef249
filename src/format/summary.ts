/**
 * The end of the stylish report: what was checked and found, then one last line that says the
 * verdict and why the exit code is what it is ("✖ 3 lỗi — mã thoát 1", "⚠ 12 cảnh báo vượt
 * --max-warnings 10 — mã thoát 1", "✖ 1 tệp không đọc được — mã thoát 2"). A ✔ is said only when
 * nothing was found and every input was read; a run that read nothing (a missing path, an empty
 * folder) ends with its one ✖ line and no count of nothing above it.
 */
import type { Chalk } from 'chalk';
import type { Lang } from '../engine/types.js';
import { printable } from '../printable.js';
import { fill, joined, quoted, type Said } from '../said.js';
import { suppressedLine } from './suppressed.js';
import type { Report } from './types.js';
import { verdictOf } from './verdict.js';

/** Counted words: Vietnamese has no plural; English has one and many. */
const NOUNS = {
  problem: { vi: 'vấn đề', en: ['problem', 'problems'] },
  error: { vi: 'lỗi', en: ['error', 'errors'] },
  warning: { vi: 'cảnh báo', en: ['warning', 'warnings'] },
  note: { vi: 'thông tin', en: ['note', 'notes'] },
  file: { vi: 'tệp', en: ['file', 'files'] },
  row: { vi: 'dòng đề nghị', en: ['nominee row', 'nominee rows'] },
  unreadable: { vi: 'tệp không đọc được', en: ['unreadable file', 'unreadable files'] },
  ignored: { vi: 'tệp/thư mục bỏ qua theo cấu hình', en: ['file/folder ignored by the configuration', 'files/folders ignored by the configuration'] },
  sheetChecked: { vi: 'trang được kiểm tra', en: ['sheet checked', 'sheets checked'] },
} as const;

/** "3 lỗi" / "3 errors", "1 error"; `shown` is the number as written (grouped, say). */
export function counted(n: number, noun: keyof typeof NOUNS, shown: string = String(n)): Said {
  const { vi, en } = NOUNS[noun];
  return { vi: `${shown} ${vi}`, en: `${shown} ${en[n === 1 ? 0 : 1]}` };
}

const EXIT = (code: number): Said => fill(' — mã thoát {c}', ' — exit code {c}', { c: code });

export function summaryLines(result: Report, opts: { lang: Lang; maxWarnings?: number; config?: string }, c: InstanceType<typeof Chalk>): string[] {
  const { lang, maxWarnings } = opts;
  const v = verdictOf(result, maxWarnings);
  const scope = joined([counted(result.files, 'file'), counted(result.rows, 'row'), ...(v.infos ? [counted(v.infos, 'note')] : [])]);
  const lines: string[] = [];
  const clean = v.code === 0 && v.errors + v.warnings + v.infos === 0;
  // What was counted, unless nothing was read and nothing found (a missing path: its ✖ line says all).
  if (!clean && (result.files > 0 || result.findings.length > 0)) {
    const found = fill('{p} ({e}, {w}) — {s}', '{p} ({e}, {w}) — {s}', { p: counted(v.errors + v.warnings, 'problem'), e: counted(v.errors, 'error'), w: counted(v.warnings, 'warning'), s: scope });
    lines.push(c.bold(found[lang]));
  }
  // Passed over in silence, like ESLint, but counted: a pattern too wide shows here.
  if (result.ignored) lines.push(c.dim(counted(result.ignored, 'ignored')[lang]));
  // Reviewed exceptions are left out of the list and the verdict, but never out of sight.
  const suppressed = suppressedLine(result, lang);
  if (suppressed) lines.push(c.dim(printable(suppressed)));
  // A config found in a parent folder may have turned rules off: the verdict says which one holds.
  if (opts.config) lines.push(c.dim(`${lang === 'vi' ? 'Cấu hình' : 'Config'}: ${printable(opts.config)}`));
  lines.push(verdictLine(result, v, scope, lang, maxWarnings, c));
  return lines;
}

function verdictLine(result: Report, v: ReturnType<typeof verdictOf>, scope: Said, lang: Lang, maxWarnings: number | undefined, c: InstanceType<typeof Chalk>): string {
  const exit = EXIT(v.code)[lang];
  if (v.code === 2) {
    const empty = result.inputErrors.filter((e) => e.code === 'nothing-to-check');
    const unreadable = result.inputErrors.length - empty.length;
    const why = [
      ...(unreadable ? [counted(unreadable, 'unreadable')] : []),
      ...empty.map((e) => fill('không có tệp nào để kiểm tra trong {p}', 'no file to check in {p}', { p: quoted(printable(e.file)) })),
    ];
    return c.red.bold(`✖ ${joined(why, ';')[lang]}${exit}`);
  }
  const over = fill('{w} vượt --max-warnings {m}', '{w} over --max-warnings {m}', { w: counted(v.warnings, 'warning'), m: maxWarnings ?? 0 });
  if (v.code === 1) {
    const why = [...(v.errors ? [counted(v.errors, 'error')] : []), ...(v.overWarnings ? [over] : [])];
    return (v.errors ? c.red.bold : c.yellow.bold)(`${v.errors ? '✖' : '⚠'} ${joined(why, ';')[lang]}${exit}`);
  }
  if (v.warnings) {
    const within = maxWarnings !== undefined ? fill(' (trong giới hạn --max-warnings {m})', ' (within --max-warnings {m})', { m: maxWarnings }) : '';
    return c.yellow.bold(`⚠ ${fill('{w}{m}, không có lỗi', '{w}{m}, no errors', { w: counted(v.warnings, 'warning'), m: within })[lang]}${exit}`);
  }
  if (v.infos) return c.blue(`ℹ ${fill('Không có lỗi hay cảnh báo ({n})', 'No errors or warnings ({n})', { n: counted(v.infos, 'note') })[lang]}${exit}`);
  return c.green(`✔ ${fill('Không có vấn đề nào ({s})', 'No problems ({s})', { s: scope })[lang]}${exit}`);
}
