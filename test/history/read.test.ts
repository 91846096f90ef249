/**
 * Reading decision lists into the ledger: the award and the year from a column or the title
 * block, the decision from its columns or the line the list is attached by, đột xuất and chuyên
 * đề from a column or the title, and every row or sheet that cannot be used named with its reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { readHistory, readHistoryFile } from '../../src/history/read.js';
import { Ledger, mergeParts } from '../../src/history/ledger.js';
import { fold } from '../../src/normalize/text.js';
import { InputError } from '../../src/read/types.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-history-read-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A decision list as Excel saves a CSV: a title block, then the header and the rows. */
function csv(name: string, lines: string[][]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, '\ufeff' + lines.map((l) => l.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n');
  return file;
}

const TOP = [['ỦY BAN NHÂN DÂN XÃ ĐẮK RUỒNG', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['', '', '', 'Độc lập - Tự do - Hạnh phúc']];

async function entries(file: string) {
  const part = await readHistoryFile(file, { ruleSet, lang: 'en' });
  const ledger = new Ledger(mergeParts([part]));
  const all = Array.from({ length: ledger.size }, (_, i) => ledger.entry(i));
  return { part, all, ledger };
}

describe('reading a decision list', () => {
  it('takes the award and the year from the title block, the decision from the line the list is attached by', async () => {
    const file = csv('2022.csv', [
      ...TOP,
      ['DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2022'],
      ['(Kèm theo Quyết định số 215/QĐ-UBND ngày 20 tháng 12 năm 2022 của Chủ tịch UBND xã Đắk Ruồng)'],
      ['STT', 'Họ và tên', 'Năm sinh', 'Đơn vị công tác'],
      ['1', 'Lê Văn Cường', '1978', 'Trường THCS Đắk Ruồng'],
    ]);
    const { all, part } = await entries(file);
    expect(all.map((e) => [e.name, e.birth, e.unit, e.year, e.award, e.decision, e.decisionDate, e.row, e.column, e.kind])).toEqual([
      ['Lê Văn Cường', 1978, 'Trường THCS Đắk Ruồng', 2022, 'cstdcs', '215/QĐ-UBND', '20/12/2022', 6, 'B', undefined],
    ]);
    expect(part.notes).toEqual([]);
  });

  it('takes them from the row where it has its own columns, and the kind of commendation from its column', async () => {
    const file = csv('2024-dot-xuat.csv', [
      ...TOP,
      ['DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2023'],
      ['STT', 'Họ và tên', 'Đơn vị công tác', 'Danh hiệu thi đua', 'Năm khen thưởng', 'Loại hình khen thưởng', 'Số quyết định', 'Ngày quyết định'],
      ['1', 'Đinh Văn Tài', 'Trường THCS Đắk Ruồng', 'Lao động tiên tiến', '2024', 'Đột xuất', '88/QĐ-UBND', '02/09/2024'],
      ['2', 'Hoàng Thị Lan', 'Trạm Y tế', '1647933380', '2024', 'Công trạng', '90/QĐ-UBND', ''],
    ]);
    const { all } = await entries(file);
    expect(all.map((e) => [e.name, e.year, e.award, e.kind, e.decision, e.decisionDate])).toEqual([
      // The row's year (2024) before the title's (2023).
      ['Đinh Văn Tài', 2024, 'ldtt', 'dot-xuat', '88/QĐ-UBND', '02/09/2024'],
      // A system's award code read through the vocabulary; a number without a date keeps none.
      ['Hoàng Thị Lan', 2024, 'cstdcs', 'cong-trang', '90/QĐ-UBND', undefined],
    ]);
  });

  it('takes the unit from the group headings of a list grouped by unit, and the list\'s own where it has neither', async () => {
    const file = csv('by-unit.csv', [
      ...TOP,
      ['DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2023'],
      ['STT', 'Họ và tên', 'Chức vụ'],
      ['I', 'CÁ NHÂN'],
      ['1', 'Lê Văn Cường', 'Hiệu trưởng'],
      ['II', 'Trường THCS Đắk Ruồng'],
      ['1', 'Phạm Thị Hạnh', 'Giáo viên'],
      ['III. Trạm Y tế xã Đắk Ruồng'],
      ['1', 'Trần Thị Mai', 'Y sĩ'],
    ]);
    const { all } = await entries(file);
    expect(all.map((e) => [e.name, e.unit, e.listUnit])).toEqual([
      ['Lê Văn Cường', 'ỦY BAN NHÂN DÂN XÃ ĐẮK RUỒNG', true],
      ['Phạm Thị Hạnh', 'Trường THCS Đắk Ruồng', false],
      ['Trần Thị Mai', 'Trạm Y tế xã Đắk Ruồng', false],
    ]);
  });

  it('takes "đột xuất" from the title when the list has no column for it', async () => {
    const file = csv('dot-xuat-title.csv', [...TOP, ['DANH SÁCH CÁ NHÂN ĐƯỢC KHEN THƯỞNG ĐỘT XUẤT, CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2024'], ['STT', 'Họ và tên', 'Đơn vị công tác'], ['1', 'Đinh Văn Tài', 'Trường THCS Đắk Ruồng']]);
    expect((await entries(file)).all.map((e) => [e.award, e.year, e.kind])).toEqual([['cstdcs', 2024, 'dot-xuat']]);
  });

  it('names each row it cannot use, with its reason, once per sheet and reason, and keeps the others', async () => {
    const file = csv('unusable.csv', [
      ...TOP,
      ['DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2023'],
      ['STT', 'Họ và tên', 'Đơn vị công tác', 'Danh hiệu thi đua'],
      ['1', 'Lê Văn Cường', 'Trường THCS Đắk Ruồng', 'CSTĐCS'],
      ['2', 'Phạm Thị Hạnh', 'Trường THCS Đắk Ruồng', 'Lao động tiên tiếng'],
      ['3', 'Nguyễn Văn Hùng', 'Trường THCS Đắk Ruồng', ''],
      ['4', 'Trần Thị Mai', 'Trạm Y tế', 'Chiến sĩ tiên phong'],
      ['5', '', 'Trạm Y tế', 'LĐTT'],
    ]);
    const { all, part } = await entries(file);
    expect(all.map((e) => e.name)).toEqual(['Lê Văn Cường']);
    expect(part.notes.map((n) => [n.ruleId, n.severity, n.sheet, n.message])).toEqual([
      ['hoso/lich-su-dong-bo-qua', 'info', 'unusable', 'Rows 6, 8 of the decision list cannot be used as evidence: the award written on the row is not in the awards\' list.'],
      ['hoso/lich-su-dong-bo-qua', 'info', 'unusable', 'Row 7 of the decision list cannot be used as evidence: the award is unknown: its cell is empty and the title names no single award.'],
      ['hoso/lich-su-dong-bo-qua', 'info', 'unusable', 'Row 9 of the decision list cannot be used as evidence: no name.'],
    ]);
  });

  it('leaves a row out when the title names two awards and no column says which, or no year is given', async () => {
    const two = csv('two.csv', [...TOP, ['DANH SÁCH CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ VÀ LAO ĐỘNG TIÊN TIẾN NĂM 2023'], ['STT', 'Họ và tên', 'Đơn vị công tác'], ['1', 'Lê Văn Cường', 'Trường THCS Đắk Ruồng']]);
    expect((await entries(two)).part.notes.map((n) => n.message)).toEqual(['Row 5 of the decision list cannot be used as evidence: the award is unknown: the list has no award column and its title names no single award.']);
    const undated = csv('undated.csv', [...TOP, ['DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ'], ['STT', 'Họ và tên', 'Đơn vị công tác'], ['1', 'Lê Văn Cường', 'Trường THCS Đắk Ruồng']]);
    expect((await entries(undated)).part.notes.map((n) => n.message)).toEqual(['Row 5 of the decision list cannot be used as evidence: the year is unknown: the list has no year column and its title has no "NĂM …".']);
  });

  it('refuses a file with no list in it as an input error, and reads the other files of the folder', async () => {
    const dir = path.join(tmp, 'folder');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a-ghi-chu.csv'), 'Quyết định khen thưởng năm 2023\r\nxem bản giấy\r\n');
    fs.copyFileSync(csv('b.csv', [...TOP, ['DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2023'], ['STT', 'Họ và tên', 'Đơn vị công tác'], ['1', 'Lê Văn Cường', 'Trường THCS Đắk Ruồng']]), path.join(dir, 'b.csv'));
    fs.writeFileSync(path.join(dir, 'quyet-dinh.pdf'), '%PDF-1.4');
    const history = await readHistory([dir], { ruleSet, lang: 'en' });
    expect(history.errors.map((e) => [path.basename(e.file), e.code])).toEqual([['a-ghi-chu.csv', 'history-no-header']]);
    expect(history.errors[0]).toBeInstanceOf(InputError);
    expect(history.notes.map((n) => [n.ruleId, path.basename(n.file)])).toEqual([['hoso/tep-bo-qua', 'quyet-dinh.pdf']]);
    const ledger = new Ledger(history.data);
    expect(ledger.named(fold('Lê Văn Cường')).length).toBe(1);
  });
});
