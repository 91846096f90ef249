/**
 * `hoso inspect` as text for the terminal (stylish) or as JSON: how each file was read. Every
 * text taken from a dossier goes through `printable` (stylish) or `safeJson` (JSON).
 */
import { Chalk } from 'chalk';
import type { Lang } from '../engine/types.js';
import type { FileInspection, InspectResult, LineClass, RowRun, SheetInspection } from '../engine/inspect.js';
import { SKIP_REASONS } from '../engine/notices.js';
import { printable, safeJson } from '../printable.js';
import { joined } from '../said.js';
import { counted } from './summary.js';

type Text = { vi: string; en: string };

const CLASS: Record<LineClass, Text> = {
  title: { vi: 'tiêu đề (trên dòng tiêu đề cột)', en: 'title (above the header)' },
  header: { vi: 'dòng tiêu đề cột', en: 'header' },
  numbering: { vi: 'dòng đánh số cột', en: 'numbering row (column numbers)' },
  group: { vi: 'dòng nhóm', en: 'group heading' },
  total: { vi: 'dòng tổng / cộng', en: 'total or subtotal line' },
  footer: { vi: 'phần cuối (địa danh, ngày tháng, ký tên)', en: 'footer (place and date, signatures)' },
  placeholder: { vi: 'dòng giữ chỗ của mẫu, không phải người được đề nghị', en: 'template placeholder, no nominee' },
  empty: { vi: 'dòng kẻ sẵn còn trống', en: 'empty prepared row' },
  note: { vi: 'ghi chú: không có tên và chỉ một ô, không được kiểm tra', en: 'note: no name and one cell only, not checked' },
  nominee: { vi: 'dòng đề nghị', en: 'nominee' },
};

const TEXT = {
  vi: {
    checked: 'được kiểm tra',
    skipped: 'bỏ qua',
    sheet: 'Trang',
    hidden: 'ẩn',
    codeListName: 'tên giống danh mục mã: cần cột tên và ít nhất hai cột khác',
    headerRows: 'Dòng tiêu đề cột',
    columns: 'Cột đã nhận',
    unmapped: 'Ô tiêu đề không khớp cột nào',
    ignored: 'Cột bỏ qua theo ignore-columns',
    extent: 'Phạm vi dưới dòng tiêu đề',
    rows: 'Các dòng',
    row: 'dòng',
    unit: 'Đơn vị (khối tiêu đề)',
    noUnit: 'không thấy trong khối tiêu đề; dùng tên tệp',
    date: 'Ngày',
    dateFrom: { title: 'khối tiêu đề', footer: 'dòng địa danh, ngày tháng cuối danh sách' },
    noDate: 'không thấy',
    purpose: 'Loại danh sách',
    purposes: { award: 'danh sách đề nghị khen thưởng (danh hiệu, hình thức theo Luật Thi đua, khen thưởng)', exemplar: 'danh sách điển hình tiên tiến' },
    purposeFrom: { config: 'theo hoso.config.yaml', title: 'theo tiêu đề' },
    purposeRows: 'tiêu đề không nói rõ: xét từng dòng theo hình thức đề nghị',
    titleRows: (a: number, e: number) => `${a} dòng đề nghị danh hiệu thi đua theo Luật (xét theo Luật), ${e} dòng khác`,
    legacy: 'Bảng mã cũ',
    wholeSheet: 'cả trang đọc theo',
    cells: 'ô',
    named: 'có tên',
    typed: (n: number) => `không có tên nhưng có ${n} ô dữ liệu`,
    below: { total: 'nằm dưới dòng tổng ở dòng', footer: 'nằm dưới phần ký tên ở dòng' },
    kind: 'chỉ loại',
    more: 'các dòng còn lại, chỉ đếm',
    passedOver: 'Không đọc',
  },
  en: {
    checked: 'checked',
    skipped: 'skipped',
    sheet: 'Sheet',
    hidden: 'hidden',
    codeListName: 'named like a code list: needs the name column and at least two more',
    headerRows: 'Header rows',
    columns: 'Columns read',
    unmapped: 'Header cells matching no column',
    ignored: 'Columns passed over by ignore-columns',
    extent: 'Extent under the header',
    rows: 'Rows',
    row: 'row',
    unit: 'Unit (title block)',
    noUnit: 'not found in the title block; the file name is used',
    date: 'Date',
    dateFrom: { title: 'title block', footer: 'place-and-date line after the list' },
    noDate: 'not found',
    purpose: 'Kind of list',
    purposes: { award: 'award list (titles and forms under the Law on Emulation and Commendation)', exemplar: 'exemplar list' },
    purposeFrom: { config: 'from hoso.config.yaml', title: 'from the title' },
    purposeRows: 'the title does not say: each row by its award',
    titleRows: (a: number, e: number) => `${a} rows proposing a title of the Law (judged by the Law), ${e} other rows`,
    legacy: 'Legacy encoding',
    wholeSheet: 'whole sheet read as',
    cells: 'cells',
    named: 'has a name',
    typed: (n: number) => `no name but ${n} typed cells`,
    below: { total: 'below the total line at row', footer: 'below the footer at row' },
    kind: 'naming kind',
    more: 'rows past these, counted only',
    passedOver: 'Not read',
  },
};

const num = (n: number, lang: Lang) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');

/** What a run of rows was taken for, and why, in words. */
function runReason(run: RowRun, lang: Lang): string {
  const t = TEXT[lang];
  let s = CLASS[run.class][lang];
  if (run.class === 'nominee') {
    s += `, ${run.named ? t.named : t.typed(run.typed ?? 0)}`;
    if (run.below) s += `, ${t.below[run.below.class]} ${num(run.below.row, lang)}`;
  } else if (run.class === 'group' && run.kind) s += `, ${t.kind} «${run.kind}»`;
  return s;
}

export function skipReason(sheet: SheetInspection, lang: Lang): string | undefined {
  return sheet.skipped && SKIP_REASONS[sheet.skipped][lang];
}

function rows(run: RowRun, lang: Lang): string {
  return run.first === run.last ? num(run.first, lang) : `${num(run.first, lang)}–${num(run.last, lang)}`;
}

/** The report as the JSON format gives it: the inspection, with each reason in words. */
export function inspectJson(result: InspectResult, lang: Lang, describe: (e: InspectResult['inputErrors'][number]) => string): string {
  const files = result.files.map((f) => ({
    ...f,
    sheets: f.sheets.map((s) => ({
      ...s,
      ...(s.skipped ? { skipReason: skipReason(s, lang) } : {}),
      rows: s.rows.map((r) => ({ ...r, reason: runReason(r, lang) })),
    })),
  }));
  const passedOver = result.passedOver.map((f) => ({ file: f.file, ruleId: f.ruleId, reason: f.message }));
  return `${safeJson({ files, unreadable: result.inputErrors.map((e) => ({ file: e.file, code: e.code, reason: describe(e) })), passedOver, summary: summary(result) })}\n`;
}

function summary(result: InspectResult) {
  const sheets = result.files.flatMap((f) => f.sheets);
  return {
    files: result.files.length,
    sheets: sheets.length,
    checked: sheets.filter((s) => s.checked).length,
    rows: sheets.reduce((n, s) => n + s.nominees, 0),
    unreadable: result.inputErrors.length,
    passedOver: result.passedOver.length,
    ignored: result.ignored,
  };
}

/** For the terminal: per file, its unit and date, then each sheet with its header, columns and rows. */
export function* inspectStylish(result: InspectResult, lang: Lang, color: boolean): Generator<string> {
  const c = new Chalk({ level: color ? 1 : 0 });
  for (const [i, f] of result.files.entries()) {
    if (i > 0) yield '\n';
    yield* file(f, lang, c);
  }
  const t = TEXT[lang];
  // What was met and not read, each with its reason: the account covers everything it was given.
  if (result.passedOver.length) {
    yield `\n${t.passedOver}:\n`;
    for (const f of result.passedOver) yield `  ${c.underline(printable(f.file))}: ${c.dim(printable(f.message))}\n`;
  }
  const s = summary(result);
  const line = joined([counted(s.files, 'file'), counted(s.checked, 'sheetChecked'), counted(s.rows, 'row', num(s.rows, lang))]);
  yield `\n${line[lang]}\n`;
  if (s.ignored) yield c.dim(counted(s.ignored, 'ignored')[lang]) + '\n';
  if (s.unreadable) yield c.red(`✖ ${counted(s.unreadable, 'unreadable')[lang]}`) + '\n';
}

function purposeText(p: NonNullable<FileInspection['purpose']>, lang: Lang): string {
  const t = TEXT[lang];
  const rows = t.titleRows(p.titleRows, p.otherRows);
  if (p.from === 'rows' || !p.value) return `${t.purposeRows}; ${rows}`;
  const from = p.from === 'title' ? `${t.purposeFrom.title} «${printable(p.title ?? '')}»` : t.purposeFrom.config;
  // The config's word is final; a title's yields to a row proposing a title of the Law.
  return p.from === 'config' ? `${t.purposes[p.value]} (${from})` : `${t.purposes[p.value]} (${from}); ${rows}`;
}

function* file(f: FileInspection, lang: Lang, c: InstanceType<typeof Chalk>): Generator<string> {
  const t = TEXT[lang];
  yield `${c.underline(printable(f.file))}\n`;
  if (f.sheets.some((s) => s.checked)) {
    yield `  ${t.unit}: ${f.unit ? `«${printable(f.unit.name)}»` : c.dim(t.noUnit)}\n`;
    yield `  ${t.date}: ${f.date ? `${f.date.value} (${t.dateFrom[f.date.from]})` : c.dim(t.noDate)}\n`;
    if (f.purpose) yield `  ${t.purpose}: ${purposeText(f.purpose, lang)}\n`;
  }
  for (const s of f.sheets) yield* sheet(s, lang, c);
}

function* sheet(s: SheetInspection, lang: Lang, c: InstanceType<typeof Chalk>): Generator<string> {
  const t = TEXT[lang];
  const name = `${t.sheet} «${printable(s.name)}»${s.hidden ? ` (${t.hidden})` : ''}`;
  if (!s.checked) {
    yield `  ${name}: ${c.yellow(t.skipped)} — ${printable(`${skipReason(s, lang)}`)}\n`;
    return;
  }
  yield `  ${name}: ${c.green(t.checked)}${s.codeListName ? ` (${t.codeListName})` : ''}\n`;
  const [h1, h2] = s.headerRows!;
  yield `    ${t.headerRows}: ${h1 === h2 ? h1 : `${h1}–${h2}`}\n`;
  yield `    ${t.columns}:\n`;
  const width = Math.min(40, Math.max(...s.columns.map((col) => printable(col.header).length)));
  for (const col of s.columns) yield `      ${col.column.padEnd(3)} «${printable(col.header)}»${' '.repeat(Math.max(0, width - printable(col.header).length))} → ${col.key}${col.year !== undefined ? ` (${col.year})` : ''}\n`;
  const cells = (list: { column: string; header: string }[]) => list.map((u) => `${u.column} «${printable(u.header)}»`).join(', ');
  if (s.unmapped.length) yield `    ${t.unmapped}: ${cells(s.unmapped)}\n`;
  if (s.ignored?.length) yield `    ${t.ignored}: ${cells(s.ignored)}\n`;
  if (s.extent) yield `    ${t.extent}: ${t.row} ${num(s.extent.first, lang)}–${num(s.extent.last, lang)}\n`;
  if (s.legacy.sheet || s.legacy.columns.length) {
    const parts = [...(s.legacy.sheet ? [`${t.wholeSheet} ${s.legacy.sheet.toUpperCase()}`] : []), ...s.legacy.columns.map((l) => `${l.column}: ${num(l.cells, lang)} ${t.cells} ${l.encoding.toUpperCase()}`)];
    yield `    ${t.legacy}: ${parts.join('; ')}\n`;
  }
  yield `    ${t.rows}:\n`;
  const at = s.rows.map((r) => rows(r, lang));
  const w = Math.max(...at.map((a) => a.length));
  for (const [i, r] of s.rows.entries()) {
    const count = r.count > 1 && r.class !== 'header' ? ` (${num(r.count, lang)})` : '';
    const text = r.text && r.class !== 'header' ? `: «${printable(r.text)}»` : '';
    const reason = printable(runReason(r, lang));
    yield `      ${at[i].padEnd(w)}  ${r.class === 'nominee' ? reason : c.dim(reason)}${count}${text}\n`;
  }
  if (s.more) yield `      … ${t.more}: ${Object.entries(s.more).map(([k, n]) => `${CLASS[k as LineClass][lang]} ${num(n!, lang)}`).join(', ')}\n`;
}
