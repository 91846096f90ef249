/**
 * "n years in a row": a title held in each of the n years before the award year (Law 06/2022
 * Art. 22(1)(a): CSTĐ cấp tỉnh needs CSTĐCS "03 lần liên tục"). Each year is shown by the list
 * itself when it has a column for it (a year column naming the title held, or a rating), else by
 * the office's past decisions (`--history`, the ledger): columns win, and every finding says
 * which source showed each year, naming the file and row of each decision found.
 */
import type { Schemas, Scalar } from '../rules/schema.js';
import type { CellView, RowView } from '../engine/types.js';
import { compareValues } from './compare.js';
import { evidence, judge } from './evidence.js';
import { defineOperator, type MessageArg, type OperatorContext } from './types.js';
import { fill, joined, textOf, type Said } from '../said.js';
import { fold } from '../normalize/text.js';
import { decisionsOf, type Person, type YearMatch } from '../history/match.js';
import type { LedgerEntry } from '../history/ledger.js';
import { DECISION, PERSON } from '../history/keys.js';

interface Options {
  years: number;
  /** The titles whose decisions show a year (award ids). */
  awards: string[];
  /** A year column naming the title held that year ("Danh hiệu đã đạt 2024"). */
  titles?: string;
  /** A year column whose value also shows a year ("Xếp loại 2024": HTXSNV). */
  rating?: { column: string; in: Scalar[] };
  /** A column stating the count ("Số lần liên tục đạt CSTĐCS"): where the sheet has it, the count it states is judged, alone. */
  stated?: string;
  /**
   * What does not count (Decree 152/2025 Art. 4(3), (4)): decisions of these kinds of commendation
   * (`loai_khen_thuong` ids), and the years up to the last one the discipline column names. A rule
   * with `set-aside` speaks only of a streak met until these are set aside.
   */
  'set-aside'?: { kinds: string[]; discipline?: string };
  label: string | { vi: string; en?: string };
}

/** How a year of the window was shown, or not. */
type Shown =
  | { by: 'column'; cell: CellView; what: string }
  | { by: 'decision'; entry: LedgerEntry }
  | { by: 'namesakes'; entries: LedgerEntry[] }
  | { by: 'none'; cell?: CellView; what?: string; others: LedgerEntry[]; elsewhere: LedgerEntry[]; looked: boolean }
  /** No column says, and no ledger was given. */
  | { by: 'unknown' };

const both = (f: (lang: 'vi' | 'en') => string): { vi: string; en: string } => ({ vi: f('vi'), en: f('en') });
const q = (text: string | number, lang: 'vi' | 'en') => (lang === 'vi' ? `«${text}»` : `"${text}"`);

/** "quyet-dinh/2023.xlsx › Danh sách!B9". */
const placeOf = (e: LedgerEntry) => `${e.file} › ${e.sheet}!${e.column}${e.row}`;

/** A decision as a finding names it: its number and date when the list gives them, and where it stands. */
function decisionSaid(e: LedgerEntry, lang: 'vi' | 'en'): string {
  const no = e.decision ? (lang === 'vi' ? `QĐ số ${e.decision}` : `decision ${e.decision}`) : lang === 'vi' ? 'quyết định' : 'the decision';
  const date = e.decisionDate ? (lang === 'vi' ? ` ngày ${e.decisionDate}` : ` of ${e.decisionDate}`) : '';
  return `${no}${date} (${placeOf(e)})`;
}

const say = (m: MessageArg, lang: 'vi' | 'en') => (typeof m === 'object' ? m[lang] : String(m));

/** The person a nominee row is about, as the ledger is searched. */
function personOf(row: RowView, ctx: OperatorContext): Person | undefined {
  const name = row.cell(PERSON.name)?.text;
  if (!name || !ctx.ledger) return undefined;
  const birth = row.value(PERSON.birth);
  return {
    name,
    nameKey: fold(name),
    unitKey: ctx.ledger.unitKey(row.cell(PERSON.unit)?.text || row.unit),
    submitterKey: ctx.ledger.unitKey(row.unit),
    birth: typeof birth === 'number' ? birth : birth instanceof Date ? birth.getUTCFullYear() : undefined,
  };
}

/** The years up to which a nominee's achievements do not count: the last year the discipline cell names. */
function disciplineUntil(row: RowView, column: string | undefined): { until: number; cell: CellView } | undefined {
  const cell = column ? row.cell(column) : undefined;
  const years = cell ? [...cell.text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0])) : [];
  return years.length ? { until: Math.max(...years), cell: cell! } : undefined;
}

/** The `n` years before the award year, oldest first: those a streak is shown in. */
const yearsBefore = (awardYear: number, n: number): number[] => Array.from({ length: n }, (_, i) => awardYear - n + i);

export const streak = defineOperator<Options>({
  kind: 'row',
  options: ({ z, ColumnKey, Scalar, LocalText }: Schemas) =>
    z.strictObject({
      years: z.number().int().min(2).max(10),
      awards: z.array(z.string().min(1)).min(1),
      titles: ColumnKey.optional(),
      rating: z.strictObject({ column: ColumnKey, in: z.array(Scalar).min(1) }).optional(),
      stated: ColumnKey.optional(),
      'set-aside': z.strictObject({ kinds: z.array(z.string().min(1)).default([]), discipline: ColumnKey.optional() }).optional(),
      label: LocalText,
    }) as unknown as import('zod').ZodType<Options>,
  columns: (o) => [o.titles, o.rating?.column, o.stated, o['set-aside']?.discipline].filter((k): k is string => k !== undefined),
  awardIds: (o) => o.awards,
  yearsRead: (o, awardYear) => {
    const window = yearsBefore(awardYear, o.years);
    return Object.fromEntries([o.titles, o.rating?.column].filter((k): k is string => k !== undefined).map((k) => [k, window]));
  },
  describe: (o, d) => {
    const sources: Said[] = [];
    if (o.titles) sources.push(fill('cột {c} của danh sách', 'the list\'s column {c}', { c: d.column(o.titles) }));
    if (o.rating) sources.push(fill('{c} là {v}', '{c} is {v}', { c: d.column(o.rating.column), v: joined(o.rating.in.map((v) => d.value(o.rating!.column, v)), 'or') }));
    const aside = o['set-aside'];
    const base = fill(
      'Tiêu chuẩn «{l}»: đủ {n} năm liên tục ngay trước năm đề nghị (năm ghi ở cột «Năm khen thưởng», ở tiêu đề «NĂM 2025», nếu không thì năm của ngày lập danh sách), mỗi năm có danh hiệu {a}. Mỗi năm được chứng minh bằng {s}nếu không thì bằng các quyết định đã ban hành (--history), tìm theo họ tên và đơn vị (qua history.units của cấu hình), và năm sinh khi cả hai bên có; người trùng tên không phân biệt được thì cảnh báo, nêu đủ từng người; không có cột nào và không có --history thì được ghi chú một lần cho cả trang.{st}',
      'The criterion "{l}": {n} years in a row just before the award year (the column "Năm khen thưởng", the title\'s "NĂM 2025", else the year of the list\'s date), each with the title {a}. Each year is shown by {s}else by the past decisions (--history), found by name and unit (through the config\'s history.units) and by year of birth where both give it; namesakes nothing tells apart are a warning naming each; with no such column and no --history, one note for the sheet.{st}',
      {
        l: textOf(o.label),
        n: o.years,
        a: joined(o.awards.map((a) => d.award(a)), 'or'),
        s: sources.length ? fill('{x} khi ô có ghi; ', '{x} where the cell is filled; ', { x: joined(sources, 'or') }) : '',
        st: o.stated ? fill(' Danh sách có cột {c} thì được xét theo số ghi ở cột đó (từ {n} trở lên); ô để trống là chưa chứng minh được.', ' A list with the column {c} is judged by the count it states (at least {n}); an empty cell does not show it.', { c: d.column(o.stated), n: o.years }) : '',
      },
    );
    if (!aside) return base;
    return fill('{b} Không tính: {k}{d}; quy tắc chỉ báo khi chuỗi năm chỉ đủ nhờ những gì không được tính.', '{b} Not counted: {k}{d}; the rule speaks only of a streak met thanks to what does not count.', {
      b: base,
      k: joined(aside.kinds.map((k) => d.value('loai_khen_thuong', k)), 'and'),
      d: aside.discipline ? fill(', các năm đến hết năm ghi ở cột {c}', ', the years up to the last one in {c}', { c: d.column(aside.discipline) }) : '',
    });
  },
  messages: {
    // A stated count is judged as the evidence check judges a column, and said in its words.
    count: evidence.messages.fail,
    empty: evidence.messages.empty,
    missing: {
      vi: 'Danh sách không có cột {{columns}}, và không có quyết định các năm trước (--history): không kiểm tra được «{{criterion}}».',
      en: 'The list has no column {{columns}}, and no past decisions were given (--history): "{{criterion}}" cannot be checked.',
    },
    fail: { vi: 'Chưa đạt «{{criterion}}» ({{window}}): {{missing}}.{{found}}', en: '"{{criterion}}" is not met ({{window}}): {{missing}}.{{found}}' },
    aside: { vi: 'Chưa đạt «{{criterion}}» ({{window}}): {{aside}}.', en: '"{{criterion}}" is not met ({{window}}): {{aside}}.' },
    namesakes: {
      vi: 'Không phân biệt được người trùng tên khi xét «{{criterion}}»: năm {{year}}, các quyết định có {{count}} người «{{name}}» ({{unit}}): {{places}}. Hãy ghi năm sinh ở cả danh sách đề nghị và danh sách quyết định để phân biệt.',
      en: 'Namesakes cannot be told apart for "{{criterion}}": in {{year}} the decisions name {{count}} people "{{name}}" ({{unit}}): {{places}}. Give the year of birth in both the list and the decisions to tell them apart.',
    },
    'no-year': {
      vi: 'Không biết năm đề nghị (không có cột «Năm khen thưởng», tiêu đề không ghi «NĂM …», danh sách không ghi ngày): không xét được «{{criterion}}».',
      en: 'The award year is unknown (no column "Năm khen thưởng", no "NĂM …" in the title, no date on the list): "{{criterion}}" cannot be checked.',
    },
  },
  check(row, o, ctx) {
    const criterion = textOf(o.label);
    const aside = o['set-aside'];
    // Columns win: a list stating the count is judged by it, as the evidence check judges a count.
    if (o.stated && row.has(o.stated)) {
      if (aside) return;
      const outcome = judge(row, { column: o.stated, op: '>=', value: o.years }, ctx);
      if (outcome.kind === 'fail') ctx.report({ row, cell: outcome.cell, messageId: 'count', data: { criterion, shown: outcome.shown } });
      else if (outcome.kind === 'empty') ctx.report({ row, cell: outcome.at, messageId: 'empty', data: { criterion, what: outcome.what } });
      return;
    }
    // A nominee without a name is nobody to look for (the name's own rule says it is missing).
    if (ctx.ledger && !row.cell(PERSON.name)) return;
    const awardYear = row.awardYear;
    if (awardYear === undefined) {
      if (!aside) ctx.report({ messageId: 'no-year', severity: ctx.missing, place: { file: row.file, sheet: row.sheet }, group: row.unit, data: { criterion } });
      return;
    }
    const window = yearsBefore(awardYear, o.years);
    const shown = showYears(row, o, ctx, window);
    const unknown = window.filter((_, i) => shown[i].by === 'unknown');
    if (unknown.length) {
      // Without past decisions, a year no column shows cannot be judged: one note for the sheet.
      if (!aside) ctx.report({ messageId: 'missing', severity: ctx.missing, place: { file: row.file, sheet: row.sheet }, group: row.unit, data: { criterion, columns: columnsFor(o, unknown, ctx) } });
      return;
    }
    const award = row.cell('hinh_thuc');
    const windowText = window.join(', ');
    const missing = window.filter((_, i) => shown[i].by === 'none');
    const namesakes = shown.filter((s): s is Extract<Shown, { by: 'namesakes' }> => s.by === 'namesakes');
    if (aside) {
      // The Law's rule says what is missing; this one, only what the decree does not count.
      if (missing.length || namesakes.length) return;
      const discipline = disciplineUntil(row, aside.discipline);
      const kinds = new Set(aside.kinds);
      const parts: MessageArg[] = [];
      if (discipline) {
        const years = window.filter((y) => y <= discipline.until);
        if (years.length)
          parts.push(both((lang) => (lang === 'vi' ? `năm ${years.join(', ')} không được tính vì trước khi chấp hành xong kỷ luật (${q(ctx.label(aside.discipline!), lang)}: ${q(discipline.cell.text, lang)})` : `${years.length > 1 ? `the years ${years.join(', ')} do` : `the year ${years[0]} does`} not count, being before the discipline was served (${q(ctx.label(aside.discipline!), lang)}: ${q(discipline.cell.text, lang)})`)));
      }
      window.forEach((year, i) => {
        const s = shown[i];
        if (discipline && year <= discipline.until) return;
        if (s.by === 'decision' && s.entry.kind !== undefined && kinds.has(s.entry.kind)) {
          const kind = ctx.expected(DECISION.kind, s.entry.kind);
          parts.push(both((lang) => (lang === 'vi' ? `năm ${year} chỉ có ${decisionSaid(s.entry, lang)}, là ${say(kind, lang)}, không được tính` : `${year} has only ${decisionSaid(s.entry, lang)}, of the kind ${say(kind, lang)}, which does not count`)));
        }
      });
      if (parts.length === 0) return;
      const cell = discipline && window.some((y) => y <= discipline.until) ? discipline.cell : award;
      ctx.report({ row, cell, messageId: 'aside', data: { criterion, window: windowText, aside: both((lang) => parts.map((p) => say(p, lang)).join('; ')) } });
      return;
    }
    if (missing.length) {
      const firstMissing = shown.find((s): s is Extract<Shown, { by: 'none' }> => s.by === 'none')!;
      const missingSaid = both((lang) => window.flatMap((year, i) => (shown[i].by === 'none' ? [missingText(year, shown[i] as Extract<Shown, { by: 'none' }>, row, o, ctx, lang)] : [])).join('; '));
      const found = window.flatMap((year, i) => (shown[i].by === 'column' || shown[i].by === 'decision' ? [[year, shown[i]] as const] : []));
      const source = (s: Shown, lang: 'vi' | 'en') =>
        s.by === 'column' ? `${lang === 'vi' ? 'theo cột' : 'by the column'} ${q(s.what, lang)} (${s.cell.column}${row.row})` : s.by === 'decision' ? `${lang === 'vi' ? 'theo' : 'by'} ${decisionSaid(s.entry, lang)}` : '';
      const foundSaid = both((lang) => (found.length ? ` ${lang === 'vi' ? 'Đã có' : 'Shown'}: ${found.map(([year, s]) => `${year} ${source(s, lang)}`).join('; ')}.` : ''));
      ctx.report({ row, cell: firstMissing.cell ?? award, data: { criterion, window: windowText, missing: missingSaid, found: foundSaid } });
    }
    for (const s of namesakes) {
      const first = s.entries[0];
      ctx.report({
        row,
        cell: award,
        messageId: 'namesakes',
        severity: 'warning',
        data: {
          criterion,
          year: first.year,
          count: s.entries.length,
          name: first.name,
          unit: first.unit,
          places: both((lang) => s.entries.map((e) => `${placeOf(e)}${e.birth ? (lang === 'vi' ? ` (sinh ${e.birth})` : ` (born ${e.birth})`) : ''}`).join(lang === 'vi' ? ' và ' : ' and ')),
        },
      });
    }
  },
});

/** The columns that would show the years no source showed: "«Danh hiệu đã đạt 2022»", with the stated count's. */
function columnsFor(o: Options, years: number[], ctx: OperatorContext): MessageArg {
  const names = [...(o.stated ? [ctx.label(o.stated)] : []), ...(o.titles ? years.map((y) => `${ctx.label(o.titles!)} ${y}`) : [])];
  return both((lang) => names.map((n) => q(n, lang)).join(lang === 'vi' ? ' hay ' : ' or '));
}

/** How each year of the window is shown: by a filled cell of the list, else by the ledger. */
function showYears(row: RowView, o: Options, ctx: OperatorContext, window: number[]): Shown[] {
  const wanted = new Set(o.awards);
  const titles = o.titles ? row.years(o.titles) : [];
  const ratings = o.rating ? row.years(o.rating.column) : [];
  const who = personOf(row, ctx);
  const ledger = who && ctx.ledger ? decisionsOf(ctx.ledger, who, window, wanted) : undefined;
  return window.map((year): Shown => {
    const title = titles.find((s) => s.year === year)?.cell;
    const rating = ratings.find((s) => s.year === year)?.cell;
    const label = (key: string) => `${ctx.label(key)} ${year}`;
    const rated = rating?.parsed?.ok ? rating.parsed.value : undefined;
    if (rated !== undefined && o.rating!.in.some((v) => compareValues(rated, '=', v))) return { by: 'column', cell: rating!, what: label(o.rating!.column) };
    // A filled cell naming the title held that year wins over the decisions.
    if (title) return heldTitle(title, ctx, wanted) ? { by: 'column', cell: title, what: label(o.titles!) } : { by: 'none', cell: title, what: label(o.titles!), others: [], elsewhere: [], looked: false };
    const match: YearMatch | undefined = ledger?.get(year);
    if (match?.kind === 'found') return { by: 'decision', entry: match.entry };
    if (match?.kind === 'namesakes') return { by: 'namesakes', entries: match.entries };
    // A rating short of the mark leaves the title itself to the decisions; without them, unknown.
    if (match) return { by: 'none', cell: rating, what: rating && label(o.rating!.column), others: match.others, elsewhere: match.elsewhere, looked: true };
    return { by: 'unknown' };
  });
}

/** Whether a cell names one of the titles (by name, abbreviation or a system's code). */
function heldTitle(cell: CellView, ctx: OperatorContext, wanted: ReadonlySet<string>): boolean {
  const named = cell.parsed?.ok && typeof cell.parsed.value === 'string' ? cell.parsed.value : undefined;
  const award = ctx.awards.find(cell.text) ?? (named && named !== cell.text ? ctx.awards.find(named) : undefined);
  return award !== undefined && wanted.has(award.id);
}

/** A year no source shows: what the list's cell says, or that no decision names the nominee, with what the decisions do say. */
function missingText(year: number, s: Extract<Shown, { by: 'none' }>, row: RowView, o: Options, ctx: OperatorContext, lang: 'vi' | 'en'): string {
  const name = row.cell(PERSON.name)?.text ?? '';
  const unit = row.cell(PERSON.unit)?.text || row.unit;
  const titles = o.awards.map((id) => q(awardName(id, ctx, lang), lang)).join(lang === 'vi' ? ' hay ' : ' or ');
  const cell = s.cell && s.what ? (lang === 'vi' ? `${q(s.what, lang)} là ${q(s.cell.text, lang)}` : `${q(s.what, lang)} is ${q(s.cell.text, lang)}`) : undefined;
  const decisions = s.looked
    ? lang === 'vi'
      ? `không có quyết định năm ${year} nào công nhận ${q(name, lang)} (${unit}) là ${titles}`
      : `no decision of ${year} gives ${q(name, lang)} (${unit}) ${titles}`
    : undefined;
  const others = s.others.map((e) => (lang === 'vi' ? `năm đó có ${q(awardName(e.award, ctx, lang), lang)} theo ${decisionSaid(e, lang)}` : `that year ${decisionSaid(e, lang)} gives ${q(awardName(e.award, ctx, lang), lang)}`));
  const hints = s.elsewhere.map((e) =>
    lang === 'vi'
      ? `có ${q(e.name, lang)} của ${q(e.unit, lang)}${e.birth ? `, sinh ${e.birth}` : ''} ở ${placeOf(e)}: nếu là cùng một người, khai báo đơn vị trong history.units của hoso.config.yaml`
      : `${q(e.name, lang)} of ${q(e.unit, lang)}${e.birth ? `, born ${e.birth}` : ''} stands at ${placeOf(e)}: if that is the same person, map the unit in hoso.config.yaml's history.units`,
  );
  return [cell, decisions, ...others, ...hints].filter(Boolean).join(', ');
}

/** An award's name in the language of the message. */
function awardName(id: string, ctx: OperatorContext, lang: 'vi' | 'en'): string {
  const label = ctx.awards.byId.get(id)?.label;
  return label === undefined ? id : typeof label === 'string' ? label : lang === 'en' ? (label.en ?? label.vi) : label.vi;
}
