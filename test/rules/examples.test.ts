import { describe, expect, it } from 'vitest';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { runExample } from '../support/examples.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));

describe('every example of every bundled rule', () => {
  it('has rules from every pack that cites a seed', () => {
    expect(ruleSet.rules.length).toBeGreaterThan(40);
  });
  for (const { rule } of ruleSet.rules) {
    describe(rule.id, () => {
      rule.examples.valid.forEach((example, i) => {
        it(`passes valid example ${i + 1}`, async () => {
          const findings = (await runExample(ruleSet, example)).filter((f) => f.ruleId === rule.id);
          expect(findings.map((f) => f.message)).toEqual([]);
        });
      });
      rule.examples.invalid.forEach((example, i) => {
        it(`fails invalid example ${i + 1}`, async () => {
          const findings = (await runExample(ruleSet, example)).filter((f) => f.ruleId === rule.id && f.severity === rule.severity);
          expect(findings.length).toBeGreaterThan(0);
        });
      });
    });
  }
});
