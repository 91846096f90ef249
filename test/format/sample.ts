/** A check result made by hand, so each formatter's output can be asserted to the character. */
import type { CheckResult } from '../../src/engine/check.js';
import type { Finding } from '../../src/engine/types.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import type { FormatContext } from '../../src/format/types.js';

export const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
export const ctx: FormatContext = { lang: 'vi', color: false, ruleSet };

export const cellFinding: Finding = {
  ruleId: 'giao-duc/an-toan-antt',
  severity: 'error',
  message: '«Đạt tiêu chuẩn an toàn về ANTT» phải là «Có» (đang là «Không»).',
  file: 'ho-so/xã đắk rơ wa.xlsx',
  sheet: 'Danh sách',
  row: 12,
  column: 'H',
  value: 'Không',
  source: '004 §III.3.a',
};

export const groupFinding: Finding = {
  ruleId: 'binh-dinh/xa/so-luong',
  severity: 'warning',
  message: 'Đơn vị đề nghị 7 cá nhân, vượt 5.',
  file: 'ho-so/xa-b.xlsx',
  group: 'UBND XÃ B',
  source: '002 §IV.1.đ',
};

export const infoFinding: Finding = {
  ruleId: 'chung/ma-tcvn3',
  severity: 'info',
  message: 'Ô gõ bằng TCVN3, đã đọc thành Unicode.',
  file: 'ho-so/xa-b.xlsx',
  sheet: 'Danh sách',
  row: 9,
  column: 'B',
  value: 'Hä vµ tªn',
  source: '000 §1',
};

export function resultOf(findings: Finding[], files = [...new Set(findings.map((f) => f.file))]): CheckResult {
  return { findings, files: files.length, rows: 10, inputErrors: [], sheets: files.map((file) => ({ file, checked: ['Danh sách'], skipped: [] })) };
}
