/**
 * Each column remembers how its distinct stored values parse (enumerations, ratings and yes/no
 * repeat down a column). A column of distinct values (a count per row) fills that memory and
 * then only misses, so it stops being consulted for that column: values are parsed as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/engine/check.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));

describe('parsing a column of distinct values', () => {
  it('parses every value alike before and after the memory of values fills and is given up', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-memo-'));
    try {
      // 12,000 individuals, each with a different count of initiatives; three are not numbers:
      // one before the memory fills (4,096 values), one while it is full, one after it is given up.
      const bad = new Set([100, 6_000, 11_500]);
      const lines = ['STT,Họ và tên,Đối tượng,Đơn vị công tác,Số sáng kiến'];
      for (let i = 1; i <= 12_000; i++) lines.push(`${i},Nguyễn Văn ${i},Cá nhân,Trường TH số ${i % 9},${bad.has(i) ? `${i} sáng kiến` : i}`);
      const file = path.join(dir, 'dem.csv');
      fs.writeFileSync(file, lines.join('\n'));
      const result = await checkPaths([file], { ruleSet, profiles: [], lang: 'en' });
      expect(result.rows).toBe(12_000);
      const invalid = result.findings.filter((f) => f.ruleId === 'chung/gia-tri-hop-le');
      // Row numbers are the file's lines: the header is line 1.
      expect(invalid.map((f) => [f.row, f.column, f.value])).toEqual([...bad].map((i) => [i + 1, 'E', `${i} sáng kiến`]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
