import type { Award, Schemas } from '../rules/schema.js';
import type { CellView } from '../engine/types.js';
import { AWARD_COLUMNS } from '../rules/awards.js';
import { namedText } from '../normalize/values.js';
import { defineOperator, type MessageArg, type OperatorContext } from './types.js';
import { fill } from '../said.js';

/** The kinds of nominee an award may go to, as words of a message ("cá nhân, tập thể"). */
function kindsText(ids: string[], ctx: OperatorContext): { vi: string; en: string } {
  const words = ids.map((id) => ctx.expected('loai', id));
  const say = (lang: 'vi' | 'en') => words.map((w) => (typeof w === 'object' ? w[lang] : w)).join(lang === 'vi' ? ' hoặc ' : ' or ');
  return { vi: say('vi'), en: say('en') };
}

/**
 * The award proposed fits the kind of nominee (Law 06/2022/QH15 Art. 5(2)(b): "thống nhất giữa
 * hình thức, đối tượng khen thưởng"): an individual's title for an individual, a collective's for
 * a collective, a household's for a household, as the awards' vocabulary says. Shown by the award
 * and kind columns alone, so it holds on every award list, evidence or not.
 */
export const awardFitsKind = defineOperator({
  kind: 'row',
  options: ({ z }: Schemas) => z.strictObject({}),
  columns: () => ['hinh_thuc', 'loai'],
  describe: (_o, d) =>
    fill(
      'Hình thức khen thưởng ở cột {a} (và danh hiệu ở cột mã danh hiệu thi đua, nếu danh sách có) phải là hình thức tặng được cho đối tượng ở cột {k} (cá nhân, tập thể hay hộ gia đình), theo danh mục danh hiệu, hình thức khen thưởng.',
      'The award in {a} (and the title in a title-code column, where the list has one) must be one that may be given to the kind of nominee in {k} (individual, collective or household), as the awards\' list says.',
      { a: d.column('hinh_thuc'), k: d.column('loai') },
    ),
  messages: {
    fail: {
      vi: '«{{award}}» chỉ tặng cho {{kinds}}, không tặng cho {{kind}}.',
      en: '"{{award}}" is given to {{kinds}} only, not to {{kind}}.',
    },
  },
  check(row, _o, ctx) {
    const kind = row.value('loai');
    if (typeof kind !== 'string') return;
    const awards = row.awards();
    for (let i = 0; i < awards.length; i++) {
      const { award, key } = awards[i];
      // The same award in the award column and in a title column is one proposal: said once.
      if (award.kinds.includes(kind) || awards.findIndex((p) => p.award === award) < i) continue;
      const cell = row.cell(key)!;
      ctx.report({ row, cell, data: { award: awardShown(cell, award), kinds: kindsText(award.kinds, ctx), kind: ctx.expected('loai', kind) } });
    }
  },
});

/**
 * An award cell as a message shows it: as the column's code list reads it ("Lao động tiên tiến
 * (1647933042)"), else a code of the vocabulary with its award's name beside it, else as typed.
 */
function awardShown(cell: CellView, award: Award): string {
  const named = namedText(cell.text, cell.parsed);
  if (named !== cell.text || !award.codes.includes(cell.text.trim())) return named;
  return `${typeof award.label === 'string' ? award.label : award.label.vi} (${cell.text.trim()})`;
}

/**
 * An award cell that names no award of the vocabulary (a typo, a name of the old law): the Law's
 * rules cannot judge it. A warning naming the nearest awards.
 */
export const awardKnown = defineOperator({
  kind: 'row',
  options: ({ z }: Schemas) => z.strictObject({}),
  columns: () => ['hinh_thuc'],
  describe: (_o, d) =>
    fill(
      'Hình thức khen thưởng ở cột {a} (và danh hiệu ở cột mã danh hiệu thi đua, nếu danh sách có) phải có trong danh mục danh hiệu, hình thức khen thưởng (tên, tên viết tắt hoặc mã); không có thì cảnh báo và gợi ý tên gần nhất.',
      'The award in {a} (and the title in a title-code column, where the list has one) must be in the awards\' list (by name, abbreviation or code); otherwise a warning names the nearest.',
      { a: d.column('hinh_thuc') },
    ),
  messages: {
    fail: {
      vi: '«{{value}}» không có trong danh mục danh hiệu, hình thức khen thưởng: không kiểm tra được tiêu chuẩn.{{suggestion}}',
      en: '"{{value}}" is no title or form of the awards\' list: its criteria cannot be checked.{{suggestion}}',
    },
  },
  check(row, _o, ctx) {
    const named = row.awards();
    for (const key of AWARD_COLUMNS) {
      const cell = row.cell(key);
      if (!cell || named.some((p) => p.key === key)) continue;
      ctx.report({ row, cell, data: { value: namedText(cell.text, cell.parsed), suggestion: suggestionFor(cell.text, ctx) } });
    }
  },
});

/** "Did you mean" for an unknown award text, worked out once per text: a list repeats its awards. */
const suggestions = new WeakMap<object, Map<string, MessageArg>>();
function suggestionFor(text: string, ctx: OperatorContext): MessageArg {
  let memo = suggestions.get(ctx.awards);
  if (!memo) suggestions.set(ctx.awards, (memo = new Map()));
  let said = memo.get(text);
  if (said === undefined) {
    const shown = ctx.awards.nearest(text);
    said = shown.length ? { vi: ` Có phải ý bạn là ${shown.map((n) => `«${n}»`).join(', ')}?`, en: ` Did you mean ${shown.map((n) => `"${n}"`).join(', ')}?` } : '';
    memo.set(text, said);
  }
  return said;
}
