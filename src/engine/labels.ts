/**
 * How a column and an expected value read in words: in a finding's message (check.ts, which keeps
 * each once per run) and in `explain`'s description of a rule (operators' `describe`).
 */
import type { RuleSet } from '../rules/load.js';
import type { Scalar } from '../rules/schema.js';
import type { MessageArg } from '../operators/types.js';
import { cleanText, fold } from '../normalize/text.js';
import { localize } from './messages.js';

/** A column's label: its header without the year placeholder or a trailing unit ("Doanh thu (triệu đồng)"). */
export function columnLabel(ruleSet: RuleSet, key: string): string {
  const c = ruleSet.columns.get(key);
  return c ? cleanText(c.header.replace(/\s*YYYY\s*/, ' ').replace(/\s*\([^)]*\)\s*$/, '')) : key;
}

/** An expected value as a message says it: yes/no as «Có»/«Không», an enumeration value by its label, anything else as it is. */
export function expectedWords(ruleSet: RuleSet, key: string, v: Scalar): MessageArg {
  const col = ruleSet.columns.get(key);
  if (typeof v === 'boolean' || col?.type === 'yesno') {
    const yes = typeof v === 'boolean' ? v : ['yes', 'co', 'true'].includes(fold(String(v)));
    return yes ? { vi: '«Có»', en: '"Yes"' } : { vi: '«Không»', en: '"No"' };
  }
  if (col?.type === 'enum' && typeof v === 'string') {
    const label = ruleSet.enums.get(col.enum!)?.label(v);
    if (label) return { vi: `«${localize(label, 'vi')}»`, en: `"${localize(label, 'en')}"` };
  }
  return String(v);
}
