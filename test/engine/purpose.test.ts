/**
 * Exemplar lists and award lists are judged by their own rules: the seeds' exemplar criteria
 * (kon-ray's "HTXSNV every year") select advanced exemplars and do not apply to a nominee
 * proposed for a title of the Law; the Law's rules (vn-law-2022) do not apply to an exemplar list.
 */
import { describe, expect, it } from 'vitest';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { Evaluator } from '../../src/engine/check.js';
import { Inspector } from '../../src/engine/inspect.js';
import { listPurpose, yearOfTitle } from '../../src/engine/purpose.js';
import type { ConfigPurpose } from '../../src/engine/purpose.js';
import type { ExampleRow } from '../../src/rules/schema.js';
import { sourceOf } from '../support/examples.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));

const EXEMPLAR_TITLE = ['UBND XÃ ĐẮK RUỒNG', 'DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN NĂM 2025'];
const AWARD_TITLE = ['UBND XÃ ĐẮK RUỒNG', 'DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2025'];

/** One civil servant rated HTTNV in 2025: an LĐTT under the Law, no advanced exemplar. */
const person = (hinh_thuc: string): ExampleRow => ({
  stt: 1,
  ten: 'Nguyễn Văn An',
  loai: 'Cá nhân',
  linh_vuc: 'Giáo dục',
  don_vi: 'Trường TH Đắk Ruồng',
  thanh_tich: 'Dạy tốt, 2 năm liền có học sinh giỏi cấp huyện, chủ nhiệm lớp đạt tiên tiến',
  xep_loai_2023: 'HTXSNV',
  xep_loai_2024: 'HTXSNV',
  xep_loai_2025: 'HTTNV',
  hinh_thuc,
});

async function check(files: { name: string; title: string[]; rows: ExampleRow[] }[], purpose?: ConfigPurpose) {
  const evaluator = new Evaluator({ ruleSet, profiles: [], lang: 'vi', purpose });
  for (const f of files) await evaluator.checkSource(f.name, sourceOf(ruleSet, f.rows, f.title));
  evaluator.end();
  return evaluator.findings.filter((f) => f.row !== undefined).map((f) => `${f.file} ${f.ruleId} ${f.column}${f.row}`);
}

describe('the purpose of a list', () => {
  it('judges an exemplar list and an award list checked together each by its own rules', async () => {
    const found = await check([
      { name: 'dien-hinh.xlsx', title: EXEMPLAR_TITLE, rows: [person('Bằng khen của Chủ tịch UBND tỉnh')] },
      { name: 'khen-thuong.xlsx', title: AWARD_TITLE, rows: [{ ...person('Lao động tiên tiến'), ten: 'Trần Thị Bình' }, { ...person('Lao động tiên tiến'), stt: 2, ten: 'Tổ Toán', loai: 'Tập thể' }] },
    ]);
    // The exemplar list: HTTNV in 2025 is no advanced exemplar (004 §III.3.b), so the provincial
    // award is not supported either; the Law's rules say nothing of it.
    expect(found.filter((f) => f.startsWith('dien-hinh.xlsx'))).toEqual(['dien-hinh.xlsx ca-nhan/htxsnv-hang-nam I4', 'dien-hinh.xlsx kon-tum/hinh-thuc-dung-tieu-chuan J4']);
    // The award list: an LĐTT rated HTTNV meets the Law, and no exemplar criterion is asked of
    // it; the collective proposed for an individual's title is the one error.
    expect(found.filter((f) => f.startsWith('khen-thuong.xlsx'))).toEqual(['khen-thuong.xlsx vn-law-2022/dung-doi-tuong J5']);
  });

  it('takes a row proposing a title of the Law for an award row, whatever its list says', async () => {
    const found = await check([{ name: 'dien-hinh.xlsx', title: EXEMPLAR_TITLE, rows: [person('Lao động tiên tiến')] }]);
    expect(found).toEqual([]);
  });

  it('judges a Bằng khen by the Law in an award list, by the exemplar criteria in an exemplar list or an untitled one', async () => {
    const bk = person('Bằng khen của Chủ tịch UBND tỉnh');
    expect(await check([{ name: 'a.xlsx', title: AWARD_TITLE, rows: [bk] }])).toEqual([]);
    expect(await check([{ name: 'a.xlsx', title: [], rows: [bk] }])).toEqual(['a.xlsx ca-nhan/htxsnv-hang-nam I2', 'a.xlsx kon-tum/hinh-thuc-dung-tieu-chuan J2']);
  });

  it('follows the config when it says what the lists are', async () => {
    const rows = [person('Bằng khen của Chủ tịch UBND tỉnh')];
    expect(await check([{ name: 'a.xlsx', title: EXEMPLAR_TITLE, rows }], 'award')).toEqual([]);
    // Said by the config, even a row proposing a title of the Law is judged as an exemplar.
    expect(await check([{ name: 'a.xlsx', title: AWARD_TITLE, rows: [person('Lao động tiên tiến')] }], 'exemplar')).toEqual(['a.xlsx ca-nhan/htxsnv-hang-nam I4']);
  });

  it('asks the exemplar plans\' priority to direct workers of an exemplar list only', async () => {
    const unitFindings = async (title: string[], hinh_thuc: string) => {
      const evaluator = new Evaluator({ ruleSet, profiles: [], lang: 'vi' });
      await evaluator.checkSource('a.xlsx', sourceOf(ruleSet, [person(hinh_thuc)], title));
      evaluator.end();
      return evaluator.findings.filter((f) => f.ruleId === 'chung/uu-tien-lao-dong-truc-tiep').map((f) => f.group);
    };
    // Neither list has a direct-worker column: the exemplar list is told it cannot be counted.
    expect(await unitFindings(EXEMPLAR_TITLE, 'Giấy khen')).toEqual(['UBND XÃ ĐẮK RUỒNG']);
    expect(await unitFindings(AWARD_TITLE, 'Giấy khen')).toEqual([]);
    expect(await unitFindings([], 'Lao động tiên tiến')).toEqual([]);
  });

  it('reads the words of the title, the unit aside, and exemplar words first', () => {
    const words = ruleSet.layout;
    expect(listPurpose(['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG ĐIỂN HÌNH TIÊN TIẾN'], words)?.purpose).toBe('exemplar');
    expect(listPurpose(['DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH'], words)?.purpose).toBe('award');
    // "Khen thưởng" alone is a movement's commendation list in the seeds: the title says neither.
    expect(listPurpose(['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG THEO PHONG TRÀO THI ĐUA NĂM 2025'], words)).toBeUndefined();
    expect(listPurpose(['Đắk Ruồng, ngày 15 tháng 8 năm 2025'], words)).toBeUndefined();
    expect(yearOfTitle(['Đắk Ruồng, ngày 15 tháng 8 năm 2024', 'DANH SÁCH … NĂM 2025'])).toBe(2025);
    expect(yearOfTitle(['DANH SÁCH GIÁO VIÊN ĐỀ NGHỊ CSTĐCS NĂM HỌC 2024-2025'])).toBe(2025);
    expect(yearOfTitle(['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG'])).toBeUndefined();
  });

  it('is shown by inspect: from the title, or row by row', async () => {
    const inspector = new Inspector(ruleSet);
    const byTitle = await inspector.inspectSource('a.xlsx', sourceOf(ruleSet, [person('Bằng khen của Chủ tịch UBND tỉnh'), { ...person('LĐTT'), stt: 2 }], AWARD_TITLE));
    expect(byTitle.purpose).toEqual({ value: 'award', from: 'title', title: 'DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2025', titleRows: 1, otherRows: 1 });
    const byRows = await inspector.inspectSource('b.xlsx', sourceOf(ruleSet, [person('Giấy khen'), { ...person('1647933198'), stt: 2 }]));
    expect(byRows.purpose).toEqual({ from: 'rows', titleRows: 1, otherRows: 1 });
    const byConfig = await new Inspector(ruleSet, undefined, 'exemplar').inspectSource('c.xlsx', sourceOf(ruleSet, [person('LĐTT')], AWARD_TITLE));
    expect(byConfig.purpose).toMatchObject({ value: 'exemplar', from: 'config' });
  });
});
