/** The ids `explain` knows, among which a near miss is looked for (nearest.ts). */
import type { RuleSet } from '../rules/load.js';

/** Every id `explain` knows: rules, quota profiles, fields. */
export function explainIds(ruleSet: RuleSet): string[] {
  return [...ruleSet.rules.map((r) => r.rule.id), ...ruleSet.profiles.keys(), ...(ruleSet.enums.get('linh_vuc')?.values.map((v) => v.id) ?? []), ...ruleSet.awards.byId.keys()];
}
