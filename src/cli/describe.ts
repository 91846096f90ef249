/**
 * A rule's columns, values and conditions in words, for `hoso explain`: the Describer an
 * operator's `describe` is given, made from the rule set's column labels and enumeration labels.
 */
import type { RuleSet } from '../rules/load.js';
import type { Condition, Period, Scalar } from '../rules/schema.js';
import type { Describer } from '../operators/types.js';
import { columnLabel, expectedWords } from '../engine/labels.js';
import { AWARD_KEY } from '../rules/load.js';
import { fill, joined, quoted, textOf, type Said } from '../said.js';

export function describer(ruleSet: RuleSet, period?: Period): Describer {
  const column = (key: string): Said => quoted(columnLabel(ruleSet, key));
  const value = (key: string, v: Scalar): Said => {
    const words = expectedWords(ruleSet, key, v);
    // Text the message shows as it is reads as a value here only in quotes; a number stands alone.
    return typeof words === 'object' ? words : typeof v === 'number' ? { vi: String(v), en: String(v) } : quoted(String(words));
  };
  const condition = (c: Condition): Said => joined(Object.entries(c).map(([key, expected]) => part(key, expected)), 'and');
  const part = (key: string, expected: Condition[string]): Said => {
    if (key === 'all') return joined((expected as Condition[]).map(condition), 'and');
    if (key === 'any') return fill('({x})', '({x})', { x: joined((expected as Condition[]).map(condition), 'or') });
    if (key === 'not') return fill('không phải ({x})', 'not ({x})', { x: condition(expected as Condition) });
    if (key === 'filled') return joined([expected].flat().map((k) => fill('{c} có ghi', '{c} is filled in', { c: column(String(k)) })), 'and');
    if (key === 'empty') return joined([expected].flat().map((k) => fill('{c} để trống', '{c} is empty', { c: column(String(k)) })), 'and');
    if (key === 'typed')
      return joined(
        Object.entries(expected as Record<string, Scalar | Scalar[]>).map(([k, texts]) => fill('{c} được gõ đúng là {t}', '{c} is typed as {t}', { c: column(k), t: joined([texts].flat().map((t) => quoted(String(t))), 'or') })),
        'and',
      );
    // The award may stand in the award column or in a title column of its own (AWARD_COLUMNS).
    if (key === AWARD_KEY) return fill('{c} (hoặc cột mã danh hiệu thi đua) đề nghị {v}', '{c} (or a title-code column) proposes {v}', { c: column('hinh_thuc'), v: joined([expected].flat().map((id) => award(String(id))), 'or') });
    return fill('{c} là {v}', '{c} is {v}', { c: column(key), v: joined([expected as Scalar | Scalar[]].flat().map((v) => value(key, v)), 'or') });
  };
  /** An award by its name in the vocabulary: «Tập thể lao động tiên tiến». */
  const award = (id: string): Said => {
    const a = ruleSet.awards.byId.get(id);
    const label = a ? textOf(a.label) : { vi: id, en: id };
    return { vi: `«${label.vi}»`, en: `"${label.en}"` };
  };
  return { column, value, condition, award, period: period ? ` ${period.from}–${period.to}` : '' };
}
