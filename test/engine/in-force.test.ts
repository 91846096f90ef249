/**
 * A decree's clause is judged by the dossier's date: Decree 98/2023's vote rule (in force
 * 1 January 2024 – 30 June 2025) on a list dated before 1 July 2025 and not after; a list with no
 * date gets one note that the clause was not applied, never a guess.
 */
import { describe, expect, it } from 'vitest';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { Evaluator } from '../../src/engine/check.js';
import type { ExampleRow } from '../../src/rules/schema.js';
import { sourceOf } from '../support/examples.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
const RULE = 'vn-law-2022/cstd-tinh/phieu-bau';
const row = (ten: string, ty_le_phieu: string | null): ExampleRow => ({ stt: 1, ten, loai: 'Cá nhân', don_vi: 'Sở Nội vụ', hinh_thuc: 'CSTĐ cấp tỉnh', ty_le_phieu });

async function vote(rows: ExampleRow[], footer: string[]) {
  const evaluator = new Evaluator({ ruleSet, profiles: [], lang: 'en' });
  await evaluator.checkSource('a.xlsx', sourceOf(ruleSet, rows, ['UBND TỈNH KON TUM'], footer));
  evaluator.end();
  return evaluator.findings.filter((f) => f.ruleId === RULE).map((f) => `${f.severity} ${f.row === undefined ? f.group : `${f.column}${f.row}`}: ${f.message}`);
}

describe('a rule in force between dates', () => {
  const rows = [row('Lê Văn Cường', '85%'), { ...row('Trần Thị Bình', '95%'), stt: 2 }];

  it('applies to a dossier dated inside its dates, the date standing after the rows', async () => {
    expect(await vote(rows, ['Kon Tum, ngày 30 tháng 6 năm 2025'])).toEqual([
      'error F3: "Provincial CSTĐ: at least 90% of all council members in favour" is not met: "Tỷ lệ phiếu đồng ý" is "85%", needs at least 90.',
    ]);
  });

  it('gives nothing on a dossier dated after them, not even a note of a missing column', async () => {
    expect(await vote(rows, ['Kon Tum, ngày 01 tháng 7 năm 2025'])).toEqual([]);
    expect(await vote([row('Lê Văn Cường', null)].map(({ ty_le_phieu: _, ...r }) => r), ['Kon Tum, ngày 15 tháng 12 năm 2025'])).toEqual([]);
  });

  it('says once, on a dossier with no date, that it was not applied', async () => {
    expect(await vote(rows, [])).toEqual([
      'info UBND TỈNH KON TUM: The dossier shows no date: whether "Provincial CSTĐ: at least 90% of the council in favour" (in force from 2024-01-01 to 2025-06-30) applies cannot be told, so it is not checked.',
    ]);
  });
});
