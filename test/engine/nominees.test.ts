import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/engine/check.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));

describe('the nominees a batch report lists', () => {
  it('records every nominee of a folder with its place, unit, kind and field, only when asked', async () => {
    const result = await checkPaths(['fixtures/vi-du'], { ruleSet, profiles: [], lang: 'vi', collectNominees: true });
    expect(result.nominees).toHaveLength(result.rows);
    expect(result.rows).toBe(29);
    const units = new Set(result.nominees!.map((n) => n.unit));
    // The consolidated CSV names two submitting units of its own.
    expect(units.size).toBeGreaterThanOrEqual(5);
    for (const n of result.nominees!) {
      expect(n.name).not.toBe('');
      expect(['tap-the', 'ca-nhan', 'ho-gia-dinh']).toContain(n.kind);
      expect(n.row).toBeGreaterThan(1);
    }
    const plain = await checkPaths(['fixtures/vi-du'], { ruleSet, profiles: [], lang: 'vi' });
    expect(plain.nominees).toBeUndefined();
  });
});
