import type { Schemas, Scalar } from '../rules/schema.js';
import type { CellView, RowView } from '../engine/types.js';
import { compareValues, COMPARISON_OPS, OP_TEXT, type ComparisonOp } from './compare.js';
import { defineOperator, type Describer, type MessageArg, type OperatorContext } from './types.js';
import { fill, joined, textOf, type Said } from '../said.js';

/** A cell meets a comparison (`op`, `value`) or is one of `in`. */
export interface Test {
  column: string;
  op: ComparisonOp;
  value?: Scalar;
  in?: Scalar[];
}
/** A share of the collective: part / whole × 100 compared with `value` (a percentage), never rounded up. */
interface Share {
  part: string;
  whole: string;
  op: ComparisonOp;
  value: number;
}
type Alternative = Test | Share;

interface Options {
  any: Alternative[];
  label: string | { vi: string; en?: string };
}

export type Outcome =
  | { kind: 'pass' }
  | { kind: 'absent'; columns: MessageArg }
  | { kind: 'empty'; at: { col: number; column: string } | undefined; what: string }
  | { kind: 'fail'; cell: CellView; shown: MessageArg }
  /** A cell that does not read as its type: the type rule says so. */
  | { kind: 'unread' };

const both = (f: (lang: 'vi' | 'en') => string): { vi: string; en: string } => ({ vi: f('vi'), en: f('en') });
const say = (m: MessageArg, lang: 'vi' | 'en') => (typeof m === 'object' ? m[lang] : String(m));
/** A name or a cell's text quoted as each language quotes it. */
const quote = (text: string, lang: 'vi' | 'en') => (lang === 'vi' ? `«${text}»` : `"${text}"`);

/** One alternative in words: "«Xếp loại» là «HTXSNV»", "«Số LĐTT» / «Số thành viên» từ 70%". */
function alternativeSaid(a: Alternative, d: Describer): Said {
  if ('part' in a) return fill('{p} / {w} {op} {v}%', '{p} / {w} {op} {v}%', { p: d.column(a.part), w: d.column(a.whole), op: OP_TEXT[a.op], v: a.value });
  const expected = a.in ? joined(a.in.map((v) => d.value(a.column, v)), 'or') : d.value(a.column, a.value!);
  return fill('{c} {op} {e}', '{c} {op} {e}', { c: d.column(a.column), op: a.in ? { vi: 'là', en: 'is' } : OP_TEXT[a.op], e: expected });
}

/**
 * A criterion a list shows in its evidence columns, met when any of its alternatives is (the Law
 * often says "or": HTXSNV, or an initiative, or a research work). A year column is read at the
 * list's award year ("NĂM 2025" in its title; else the latest year the sheet has). A sheet with
 * no column for any alternative cannot show the criterion: one note for the sheet (the rule's
 * `missing` severity), never a finding per row. An empty cell does not show it.
 */
export const evidence = defineOperator<Options>({
  kind: 'row',
  options: ({ z, ColumnKey, Scalar, LocalText }: Schemas) => {
    const Op = z.enum(COMPARISON_OPS);
    const Test = z
      .strictObject({ column: ColumnKey, op: Op.default('='), value: Scalar.optional(), in: z.array(Scalar).min(1).optional() })
      .refine((t) => (t.value === undefined) !== (t.in === undefined), 'give exactly one of "value" and "in"');
    const Share = z.strictObject({ part: ColumnKey, whole: ColumnKey, op: Op, value: z.number() });
    return z.strictObject({ any: z.array(z.union([Share, Test])).min(1), label: LocalText }) as unknown as import('zod').ZodType<Options>;
  },
  columns: (o) => o.any.flatMap((a) => ('part' in a ? [a.part, a.whole] : [a.column])),
  describe: (o, d) =>
    fill(
      'Tiêu chuẩn «{l}» được chứng minh khi {a}; ô để trống là chưa chứng minh được; danh sách không có cột nào trong số đó thì được ghi chú một lần cho cả trang.',
      'The criterion "{l}" is shown when {a}; an empty cell does not show it; a list with none of these columns gets one note for the sheet.',
      { l: textOf(o.label), a: joined(o.any.map((a) => alternativeSaid(a, d)), 'or') },
    ),
  messages: {
    fail: { vi: 'Chưa đạt «{{criterion}}»: {{shown}}.', en: '"{{criterion}}" is not met: {{shown}}.' },
    empty: { vi: '«{{what}}» để trống: chưa chứng minh được «{{criterion}}».', en: '"{{what}}" is empty: "{{criterion}}" is not shown.' },
    missing: {
      vi: 'Danh sách không có cột {{columns}}: không kiểm tra được «{{criterion}}».',
      en: 'The list has no column {{columns}}: "{{criterion}}" cannot be checked.',
    },
  },
  check(row, o, ctx) {
    const outcomes = o.any.map((a) => judge(row, a, ctx));
    if (outcomes.some((x) => x.kind === 'pass' || x.kind === 'unread')) return;
    const criterion = typeof o.label === 'string' ? o.label : { vi: o.label.vi, en: o.label.en ?? o.label.vi };
    const failed = outcomes.filter((x): x is Extract<Outcome, { kind: 'fail' }> => x.kind === 'fail');
    if (failed.length) {
      const shown = both((lang) => failed.map((f) => say(f.shown, lang)).join(lang === 'vi' ? '; ' : '; '));
      ctx.report({ row, cell: failed[0].cell, data: { criterion, shown } });
      return;
    }
    const empty = outcomes.find((x): x is Extract<Outcome, { kind: 'empty' }> => x.kind === 'empty');
    if (empty) {
      ctx.report({ row, cell: empty.at, messageId: 'empty', data: { criterion, what: empty.what } });
      return;
    }
    const columns = both((lang) => outcomes.map((x) => (x.kind === 'absent' ? say(x.columns, lang) : '')).join(lang === 'vi' ? ' hay ' : ' or '));
    ctx.report({ messageId: 'missing', severity: ctx.missing, place: { file: row.file, sheet: row.sheet }, group: row.unit, data: { criterion, columns } });
  },
});

/** How a row shows one alternative: met, failed at a cell, empty, absent from the sheet, or unreadable. */
export function judge(row: RowView, a: Alternative, ctx: OperatorContext): Outcome {
  if ('part' in a) {
    if (!row.has(a.part) || !row.has(a.whole)) return { kind: 'absent', columns: both((lang) => `${quote(ctx.label(a.part), lang)} ${lang === 'vi' ? 'và' : 'and'} ${quote(ctx.label(a.whole), lang)}`) };
    const part = row.cell(a.part);
    const whole = row.cell(a.whole);
    if (!part || !whole) return { kind: 'empty', at: part ? row.slot(a.whole) : row.slot(a.part), what: ctx.label(part ? a.whole : a.part) };
    const p = row.value(a.part);
    const w = row.value(a.whole);
    if (typeof p !== 'number' || typeof w !== 'number' || w <= 0) return { kind: 'unread' };
    const share = (p / w) * 100;
    if (compareValues(share, a.op, a.value)) return { kind: 'pass' };
    const pct = Math.floor(share * 10) / 10;
    const shown = both((lang) => `${ctx.label(a.part)} ${p}/${w} (${String(pct).replace('.', lang === 'vi' ? ',' : '.')}%), ${lang === 'vi' ? 'cần' : 'needs'} ${OP_TEXT[a.op][lang]} ${a.value}%`);
    return { kind: 'fail', cell: part, shown };
  }
  const yearly = row.years(a.column);
  let cell: CellView | undefined;
  let at: { col: number; column: string } | undefined;
  let what = ctx.label(a.column);
  if (yearly.length) {
    const year = row.awardYear ?? yearly[yearly.length - 1].year;
    const slot = yearly.find((s) => s.year === year);
    if (!slot) return { kind: 'absent', columns: both((lang) => quote(`${ctx.label(a.column)} ${year}`, lang)) };
    cell = slot.cell;
    at = slot;
    what = `${what} ${year}`;
  } else {
    if (!row.has(a.column)) return { kind: 'absent', columns: both((lang) => quote(ctx.label(a.column), lang)) };
    cell = row.cell(a.column);
    at = row.slot(a.column);
  }
  if (!cell) return { kind: 'empty', at, what };
  if (!cell.parsed?.ok) return { kind: 'unread' };
  const value = cell.parsed.value;
  const ok = a.in ? a.in.some((v) => compareValues(value, '=', v)) : compareValues(value, a.op, a.value!);
  if (ok) return { kind: 'pass' };
  const expected = a.in ? a.in.map((v) => ctx.expected(a.column, v)) : [ctx.expected(a.column, a.value!)];
  const shown = both(
    (lang) => `${quote(what, lang)} ${lang === 'vi' ? 'là' : 'is'} ${quote(cell!.text, lang)}, ${lang === 'vi' ? 'cần' : 'needs'} ${a.in ? '' : OP_TEXT[a.op][lang] + ' '}${expected.map((e) => say(e, lang)).join(lang === 'vi' ? ' hoặc ' : ' or ')}`,
  );
  return { kind: 'fail', cell, shown };
}
