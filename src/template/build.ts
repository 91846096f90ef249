/**
 * The blank dossier `hoso init` writes: the title block a real dossier has, every column the rules
 * in force read (year columns for the period under a merged group header), a note on each header
 * saying what goes there, and drop-down lists for the enumerations. A dossier filled in on it
 * reads back with no configuration, because it is laid out the way the reader expects.
 */
import ExcelJS from 'exceljs';
import { escapeWorkbookText } from '../report/ooxml.js';
import { activeRules } from '../engine/check.js';
import { localize } from '../engine/messages.js';
import type { Lang, Severity } from '../engine/types.js';
import type { Period } from '../rules/schema.js';
import type { CompiledColumn, RuleSet } from '../rules/load.js';
import { columnLetter } from '../read/types.js';
import { GENERATOR } from '../version.js';
import { markPackage } from '../report/annotate/mark-package.js';
import type { Award } from '../rules/schema.js';
import { awardListTitle, evidenceColumns, kindsOf, needLines, type Need } from './awards.js';

export interface TemplateOptions {
  profiles: string[];
  severity?: Record<string, Severity | 'off'>;
  lang: Lang;
  /** Rows given drop-down lists and formats, below the header. */
  rows?: number;
  /**
   * The awards a template for the Law's titles and forms is for (`init --award`): its columns are
   * who the nominee is and the evidence these awards' rules read, its title an award list's.
   */
  awards?: Award[];
  /** The award year of such a template: its title's "NĂM 2025", the year of its rating columns. */
  year?: number;
}

/** The sheet the checker skips by name, so the lists never read as nominees. */
export const LISTS_SHEET = 'Danh mục';
export const DATA_SHEET = 'Danh sách';
const HEADER_ROW = 6;
const FIRST_DATA_ROW = HEADER_ROW + 2;
const DEFAULT_PERIOD: Period = { from: 2023, to: 2025 };
/** Columns every dossier has, whatever the rules read. */
const CORE = ['stt', 'ten', 'loai', 'linh_vuc', 'don_vi', 'chuc_vu', 'nam_sinh', 'gioi_tinh', 'thanh_tich', 'hinh_thuc', 'ghi_chu'];
const YES_NO = ['Có', 'Không'];

/** What to type, shown by example: the value reads the same whichever way the officer writes it. */
const EXAMPLE: Partial<Record<string, string>> = {
  integer: '12',
  number: '70,5',
  percent: '70%',
  date: '15/08/2025',
  'year-or-date': '1980 | 15/08/1980',
  yesno: 'Có | Không',
};

/** Column keys a rule's options or conditions name, found by walking them. */
function referencedKeys(value: unknown, keys: Set<string>, out: Set<string>): void {
  if (typeof value === 'string') {
    if (keys.has(value)) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) referencedKeys(v, keys, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (keys.has(k)) out.add(k);
      referencedKeys(v, keys, out);
    }
  }
}

/** The period most of the rules in force look at (2023–2025 for the bundled packs). */
function periodOf(periods: (Period | undefined)[]): Period {
  const counts = new Map<string, number>();
  for (const p of periods) if (p) counts.set(JSON.stringify(p), (counts.get(JSON.stringify(p)) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? JSON.parse(best[0]) : DEFAULT_PERIOD;
}

export interface TemplateColumn {
  column: CompiledColumn;
  year?: number;
  /** The list its cells are chosen from, when it has one. */
  list?: TemplateList;
  /** An evidence column of an award template: the rules that read it, cited in its note. */
  needs?: Need[];
}

export interface TemplateList {
  name: string;
  values: string[];
  /** A value not in the list is refused (else only warned of). */
  strict: boolean;
  /** Narrower lists by the row's kind of nominee (the kind's label): the awards a kind may be given. */
  byKind?: { kind: string; values: string[] }[];
}

/** An enumeration's values as an officer reads them: labels, ids only where a value has none. */
function enumLabels(ruleSet: RuleSet, name: string, only?: string[]): string[] {
  const values = (ruleSet.enums.get(name)?.values ?? []).filter((v) => v.id !== 'khong-xac-dinh' && (!only || only.includes(v.id)));
  return values.map((v) => localize(v.label, 'vi') || v.id);
}

/** The columns of the template, in the packs' declaration order, a year column spelled out per year. */
export function templateColumns(ruleSet: RuleSet, opts: TemplateOptions): TemplateColumn[] {
  const active = activeRules(ruleSet, opts.profiles, opts.severity);
  const keys = new Set(ruleSet.columns.keys());
  const needed = new Set(CORE.filter((k) => keys.has(k)));
  const awards = opts.awards?.length ? opts.awards : undefined;
  const year = opts.year ?? new Date().getFullYear();
  // An award template reads the evidence of its awards, in their award year; a blank dossier
  // every column the rules in force read, over their period.
  const evidence = awards && evidenceColumns(ruleSet, awards, { profiles: opts.profiles, severity: opts.severity, year });
  if (evidence) for (const k of evidence.keys()) needed.add(k);
  else for (const { compiled } of active) referencedKeys([compiled.rule.with, compiled.rule.when ?? {}], keys, needed);
  const period = awards ? { from: year, to: year } : periodOf(active.map((a) => a.compiled.period));
  const kinds = awards && kindsOf(ruleSet, awards);
  const movements = [
    ...new Set(
      active
        .filter((a) => a.compiled.rule.check === 'renamed' && (a.compiled.rule.with as { column?: string }).column === 'phong_trao')
        .flatMap((a) => ((a.compiled.rule.with as { names?: { new: string }[] }).names ?? []).map((n) => n.new)),
    ),
  ];
  const out: TemplateColumn[] = [];
  for (const column of ruleSet.columns.values()) {
    if (!needed.has(column.key)) continue;
    let list: TemplateColumn['list'];
    if (column.type === 'yesno') list = { name: 'Có / Không', values: YES_NO, strict: true };
    else if (column.type === 'enum' && column.enum) {
      // An award template offers only the kinds its awards go to.
      const only = column.key === 'loai' ? kinds : undefined;
      list = { name: localize(column.header, 'vi').replace(/\s*YYYY\s*/, ' ').trim(), values: enumLabels(ruleSet, column.enum, only), strict: true };
    } else if (column.key === 'phong_trao' && movements.length) list = { name: 'Phong trào', values: movements, strict: false };
    else if (column.key === 'hinh_thuc' && awards) list = awardList(ruleSet, awards, kinds!);
    const needs = evidence?.get(column.key);
    if (!column.year) out.push({ column, list, needs });
    // An award template's year column is spelled out over the years its rules read (a streak's are before the award year), each noted with the rules that read it.
    else if (needs) for (const y of [...new Set(needs.flatMap((n) => n.years))].sort((a, b) => a - b)) out.push({ column, year: y, list, needs: needs.filter((n) => n.years.includes(y)) });
    else for (let y = period.from; y <= period.to; y++) out.push({ column, year: y, list, needs });
  }
  // An award template reads as its lists do: who the nominee is, the evidence, then the summary,
  // the award and the notes.
  if (awards) out.sort((a, b) => Number(LAST.includes(a.column.key)) - Number(LAST.includes(b.column.key)));
  return out;
}

/** The columns an award template ends with (the sort is stable: their order is the packs'). */
const LAST = ['thanh_tich', 'hinh_thuc', 'ghi_chu'];

/**
 * The awards chosen as the award column's list: all of them, and per kind of nominee those it may
 * be given, so that a row of an individual is offered an individual's titles only. Another award
 * may still be typed (a warning, not a refusal).
 */
function awardList(ruleSet: RuleSet, awards: Award[], kinds: string[]): TemplateList {
  const name = (a: Award) => localize(a.label, 'vi');
  const byKind = kinds.length > 1 ? kinds.map((k) => ({ kind: enumLabels(ruleSet, 'loai', [k])[0], values: awards.filter((a) => a.kinds.includes(k)).map(name) })) : undefined;
  return { name: 'Hình thức đề nghị', values: awards.map(name), strict: false, byKind };
}

function note(c: TemplateColumn, lang: Lang): string {
  const lines = [c.year ? c.column.header.replace('YYYY', String(c.year)) : c.column.header];
  if (c.column.doc) lines.push(localize(c.column.doc, lang));
  if (c.needs) lines.push(...needLines(c.needs, lang));
  const example = EXAMPLE[c.column.type];
  if (example && !c.list) lines.push(`${lang === 'vi' ? 'Ví dụ' : 'For example'}: ${example}`);
  if (c.list) lines.push(`${lang === 'vi' ? 'Chọn một trong' : 'One of'}: ${c.list.values.join('; ')}${c.list.strict ? '' : lang === 'vi' ? ' (hoặc ghi tên khác)' : ' (or another name)'}`);
  return lines.join('\n');
}

function width(c: TemplateColumn): number {
  if (c.column.key === 'thanh_tich') return 50;
  if (c.column.key === 'stt') return 6;
  if (c.year) return 11;
  if (c.column.type === 'text') return 28;
  return Math.min(24, Math.max(12, Math.ceil(c.column.header.length * 0.6)));
}

const NUM_FMT: Partial<Record<string, string>> = { percent: '0%', date: 'dd/mm/yyyy', integer: '0' };

/** Builds the template workbook (not yet written anywhere). */
export function buildTemplate(ruleSet: RuleSet, opts: TemplateOptions): ExcelJS.Workbook {
  const rows = opts.rows ?? 500;
  const columns = templateColumns(ruleSet, opts);
  const last = columns.length;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hoso init';
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW + 1 }] });
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });

  // The title block: the unit on the left, the national motto on the right, the title across.
  const bold = { bold: true, name: 'Times New Roman', size: 12 };
  const center = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;
  const split = Math.max(3, Math.floor(last / 3));
  const put = (row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font> = bold) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = font;
    cell.alignment = center;
  };
  put(1, 1, split, 'TÊN ĐƠN VỊ');
  put(1, split + 1, Math.max(split + 1, last), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  put(2, split + 1, Math.max(split + 1, last), 'Độc lập - Tự do - Hạnh phúc');
  if (opts.awards?.length) {
    // The place and date, which decides the decree in force (Decree 98/2023 or 152/2025).
    put(3, split + 1, Math.max(split + 1, last), '…………, ngày … tháng … năm ……', { ...bold, bold: false, italic: true });
    put(4, 1, last, awardListTitle(opts.awards, opts.year ?? new Date().getFullYear()), { ...bold, size: 14 });
  } else put(4, 1, last, 'DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN NĂM …', { ...bold, size: 14 });

  // The header: a year column's group ("Xếp loại") merged over its years; the others over both rows.
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  const listRanges = new Map<string, string>();
  columns.forEach((c, i) => {
    const col = i + 1;
    const top = ws.getCell(HEADER_ROW, col);
    const sub = ws.getCell(HEADER_ROW + 1, col);
    if (c.year) {
      const first = columns.findIndex((o) => o.column === c.column) + 1;
      if (first === col) {
        const span = columns.filter((o) => o.column === c.column).length;
        if (span > 1) ws.mergeCells(HEADER_ROW, col, HEADER_ROW, col + span - 1);
        top.value = c.column.header.replace(/\s*YYYY\s*/, ' ').trim();
      }
      sub.value = String(c.year);
      sub.note = note(c, opts.lang);
    } else {
      ws.mergeCells(HEADER_ROW, col, HEADER_ROW + 1, col);
      top.value = c.column.header;
      top.note = note(c, opts.lang);
    }
    for (const cell of [top, sub]) {
      cell.font = bold;
      cell.alignment = center;
      cell.border = border;
    }
    ws.getColumn(col).width = width(c);

    const from = `${columnLetter(col)}${FIRST_DATA_ROW}`;
    const to = `${columnLetter(col)}${FIRST_DATA_ROW + rows - 1}`;
    const fmt = NUM_FMT[c.column.type];
    if (fmt) for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + rows; r++) ws.getCell(r, col).numFmt = fmt;
    if (c.list) {
      const rangeOf = (name: string, values: string[]) => {
        let range = listRanges.get(name);
        if (!range) {
          // Each list is a column of the hidden sheet, its name on top, referenced by the drop-down.
          const listCol = listRanges.size + 1;
          lists.getCell(1, listCol).value = name;
          values.forEach((v, j) => (lists.getCell(j + 2, listCol).value = v));
          const letter = columnLetter(listCol);
          range = `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`;
          listRanges.set(name, range);
        }
        return range;
      };
      let formula = rangeOf(c.list.name, c.list.values);
      const kindCol = columns.findIndex((o) => o.column.key === 'loai') + 1;
      if (c.list.byKind && kindCol > 0) {
        // The row's kind picks the list (IF over the kind's cell, relative to each row); a row
        // whose kind is not yet chosen is offered them all.
        const kindCell = `$${columnLetter(kindCol)}${FIRST_DATA_ROW}`;
        for (const { kind, values } of [...c.list.byKind].reverse()) {
          if (values.length) formula = `IF(${kindCell}="${kind}",${rangeOf(`${c.list.name}: ${kind}`, values)},${formula})`;
        }
      }
      // A range, not a validation per cell: exceljs writes the key as the rule's sqref.
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${from}:${to}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        // A movement not in the list may still be right: warn, do not refuse.
        errorStyle: c.list.strict ? 'stop' : 'warning',
        errorTitle: 'hoso',
        error: opts.lang === 'vi' ? 'Chọn một giá trị trong danh sách.' : 'Choose a value from the list.',
      });
    }
  });
  return wb;
}

/**
 * The template as the bytes of an .xlsx file, marked as hoso's template (write/mark.ts): a check
 * of the folder it was written into passes over it, until an officer fills it in and saves it.
 */
export async function templateBytes(ruleSet: RuleSet, opts: TemplateOptions): Promise<Buffer> {
  const wb = buildTemplate(ruleSet, opts);
  // A pack's titles and hints are text like any other: a literal `_x0041_` must show as typed.
  escapeWorkbookText(wb);
  return Buffer.from(markPackage(new Uint8Array(await wb.xlsx.writeBuffer()), 'template', GENERATOR));
}
