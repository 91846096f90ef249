/**
 * The `history` case of `npm run bench`: a province's five years of recognition decisions
 * (~500,000 rows: 5 years × 20 communes × 5,000 people, the same people year after year, as .xlsx
 * lists with the award in the title block and the decision in the line the list is attached by),
 * and a 2025 list of 1,000 nominees for CSTĐ cấp tỉnh whose streaks the decisions show. What is
 * measured (in bench.ts, each in a child process of its own):
 *
 *   table    the decision lists read as dossiers with no rule in force: the floor of reading them;
 *   check    `hoso check <one year's decisions>` for each year: checking them as that year's dossiers,
 *            every bundled rule in force (all years together, each person is a duplicate five times over);
 *   history  `hoso check <2025 list> --history <decisions>`: the ledger read and the list checked against it;
 *   cached   the same with --cache, the cache left by a run before the rounds (not timed);
 *   ledger   the decisions read into the ledger alone: its records, and its bytes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPaths } from '../src/engine/check.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../src/rules/load.js';
import { readHistory } from '../src/history/read.js';
import { Ledger } from '../src/history/ledger.js';
import { main as cli } from '../src/cli/main.js';

export const HISTORY_YEARS = [2020, 2021, 2022, 2023, 2024];
export const HISTORY_COMMUNES = 20;
export const HISTORY_PEOPLE = 5000;
const NOMINEES = 1000;

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const TEN = ['Văn An', 'Thị Hằng', 'Đức Thắng', 'Thị Ngọc Ánh', 'Quốc Việt', 'Minh Tuấn', 'Thị Thu Hà'];

const person = (commune: number, i: number) => ({
  name: `${HO[i % HO.length]} ${TEN[(i + commune) % TEN.length]} ${commune}-${i}`,
  birth: 1960 + (i % 40),
  unit: `Trường Tiểu học số ${i % 40} xã ${commune}`,
});
/** Who holds CSTĐCS in a year: a third of the people, the same third three years running. */
const holds = (i: number, year: number) => i % 3 === 0 && !(i % 9 === 0 && year === 2023);

export const decisionsDir = (target: string) => path.join(target, 'quyet-dinh');
export const nomineeList = (target: string) => path.join(target, 'de-nghi-2025.csv');

/** Writes the decision lists and the 2025 list into `target` (a folder), with exceljs's streaming writer. */
export async function generateHistory(target: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const tmp = `${target}.part`;
  fs.mkdirSync(path.join(tmp, 'quyet-dinh'), { recursive: true });
  for (const year of HISTORY_YEARS) {
    for (let c = 1; c <= HISTORY_COMMUNES; c++) {
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(tmp, 'quyet-dinh', `${year}-xa-${c}.xlsx`), useSharedStrings: true, useStyles: false });
      const ws = writer.addWorksheet('Danh sách');
      const add = (values: (string | number | null)[]) => ws.addRow(values).commit();
      add([`ỦY BAN NHÂN DÂN XÃ SỐ ${c}`, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
      add([null, null, null, null, 'Độc lập - Tự do - Hạnh phúc']);
      add([`DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA NĂM ${year}`]);
      add([`(Kèm theo Quyết định số ${100 + c}/QĐ-UBND ngày 20 tháng 12 năm ${year} của Chủ tịch UBND xã số ${c})`]);
      add(['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Đơn vị công tác', 'Danh hiệu thi đua']);
      for (let i = 0; i < HISTORY_PEOPLE; i++) {
        const p = person(c, i);
        add([i + 1, p.name, p.birth, 'Giáo viên', p.unit, holds(i, year) ? 'Chiến sĩ thi đua cơ sở' : 'Lao động tiên tiến']);
      }
      add([`Tổng cộng: ${HISTORY_PEOPLE} cá nhân`]);
      ws.commit();
      await writer.commit();
    }
  }
  const lines = [
    'UBND TỈNH KON TUM',
    'DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH NĂM 2025',
    'STT,Họ và tên,Năm sinh,Đối tượng,Lĩnh vực,Đơn vị công tác,Số sáng kiến cấp tỉnh,Tóm tắt thành tích,Hình thức đề nghị',
  ];
  for (let n = 0; n < NOMINEES; n++) {
    const c = 1 + (n % HISTORY_COMMUNES);
    const p = person(c, 3 * n);
    lines.push(`${n + 1},${p.name},${p.birth},Cá nhân,Giáo dục,${p.unit},1,Ba năm liền đạt Chiến sĩ thi đua cơ sở và có sáng kiến cấp tỉnh,Chiến sĩ thi đua cấp tỉnh`);
  }
  lines.push('', '"Kon Tum, ngày 15 tháng 12 năm 2025"');
  fs.writeFileSync(path.join(tmp, 'de-nghi-2025.csv'), '\ufeff' + lines.join('\r\n') + '\r\n');
  fs.renameSync(tmp, target);
}

/** One stage of the case, in the child process: the rows it went through and the bytes it kept. */
export async function historyChild(kind: string, target: string): Promise<{ rows: number; bytes: number }> {
  const out = path.join(os.tmpdir(), `hoso-bench-history-${process.pid}.json`);
  const decisions = decisionsDir(target);
  try {
    if (kind === 'history-table') {
      const ruleSet = { ...loadRuleSet(expandPackPaths([bundledRulesDir()])), rules: [] };
      return { rows: (await checkPaths([decisions], { ruleSet, profiles: [], lang: 'vi' })).rows, bytes: 0 };
    }
    if (kind === 'history-ledger') {
      const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
      const history = await readHistory([decisions], { ruleSet, lang: 'vi' });
      const ledger = new Ledger(history.data);
      // The records and the texts (two bytes a character, as V8 holds a string with any non-Latin-1 letter).
      const bytes = history.data.data.byteLength + history.data.strings.reduce((n, s) => n + 2 * s.length, 0);
      return { rows: ledger.size, bytes };
    }
    const rowsOf = () => (JSON.parse(fs.readFileSync(out, 'utf8')) as { summary: { rows: number } }).summary.rows;
    if (kind === 'history-check') {
      // Each year's lists checked as that year's dossiers were: checked together, the five years
      // would be one person listed five times, and the duplicates' report alone passes 500 MB.
      let rows = 0;
      for (const year of HISTORY_YEARS) {
        await cli(['node', 'hoso', 'check', path.join(decisions, `${year}-*.xlsx`), '-f', 'json', '-o', out]);
        rows += rowsOf();
      }
      process.exitCode = 0;
      return { rows, bytes: 0 };
    }
    // The cache beside the lists (a hidden file, passed over): the run before a measured round leaves it.
    const cache = path.join(target, '.hoso-cache');
    await cli(['node', 'hoso', 'check', nomineeList(target), '--history', decisions, ...(kind === 'history-cached' ? ['--cache', '--cache-location', cache] : []), '-f', 'json', '-o', out]);
    process.exitCode = 0;
    return { rows: rowsOf(), bytes: 0 };
  } finally {
    fs.rmSync(out, { force: true });
  }
}
