import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/engine/check.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet, packageRoot } from '../../src/rules/load.js';

// Look-alikes of the import templates of an existing commendation system, written by the fixture
// generator (scripts/fixture-kit/reference.ts) after the originals' layouts.
const REF = path.join(packageRoot(), 'fixtures', 'tham-chieu');
const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));

describe('templates of an existing commendation system, read as they are', () => {
  it('has the look-alike templates among the fixtures', () => {
    expect(existsSync(path.join(REF, 'NHANDULIEU.xlsx'))).toBe(true);
  });

  it('reads every reference workbook, checking the lists and passing over code-list and instruction sheets', async () => {
    const result = await checkPaths([REF], { ruleSet, profiles: [], lang: 'vi' });
    expect(result.inputErrors).toEqual([]);
    const sheets = Object.fromEntries(result.sheets.map((s) => [path.basename(s.file), s]));
    expect(sheets['CANHAN.xlsx']).toMatchObject({ checked: ['DANHSACH'], skipped: ['DANHMUC'] });
    expect(sheets['TAPTHE.xlsx']).toMatchObject({ checked: ['DANHSACH'], skipped: ['DANHMUC'] });
    expect(sheets['NHANDULIEU.xlsx']).toMatchObject({ checked: ['DANHSACH'], skipped: ['DANHMUC'] });
    expect(sheets['MauTDKT_20231004.xlsx'].checked).toEqual(['file nhận']);
    expect(sheets['MauTDKT_20231004.xlsx'].skipped).toContain('Hướng dẫn');
    // Only NHANDULIEU lists nominees (rows 4–7); the 552 prepared rows of MauTDKT hold only
    // formulas with cached #N/A and are no nominees, so nothing is reported on them — but an
    // empty template is no dossier: that is an error, and each sheet passed over is named.
    expect(result.rows).toBe(4);
    const ofTemplate = result.findings.filter((f) => f.file.endsWith('MauTDKT_20231004.xlsx'));
    expect(ofTemplate.filter((f) => f.row !== undefined)).toEqual([]);
    // Its columns no pack reads are named once: the honorific (B); the lookups R–U of F–I are
    // passed over by the quang-binh pack's ignore-columns.
    expect(ofTemplate.map((f) => [f.ruleId, f.severity, f.sheet ?? null])).toEqual([
      ['hoso/khong-co-dong-de-nghi', 'error', null],
      ['hoso/cot-khong-kiem-tra', 'info', 'file nhận'],
      ...['HTKT', 'PLDT', 'LVHD', 'phan loai kt', 'Hướng dẫn'].map((sheet) => ['hoso/trang-bo-qua', 'info', sheet]),
    ]);
    expect(ofTemplate.find((f) => f.ruleId === 'hoso/cot-khong-kiem-tra')!.message).toContain('«Tên gọi (Ông/Bà/Chức danh)» (B)');
    // CANHAN's department and address are not read; its title code (K), like TAPTHE's (E), is.
    const of = (file: string) => result.findings.filter((f) => f.file.endsWith(file));
    expect(of('CANHAN.xlsx').map((f) => [f.ruleId, f.sheet ?? null])).toEqual([
      ['hoso/khong-co-dong-de-nghi', null],
      ['hoso/cot-khong-kiem-tra', 'DANHSACH'],
      ['hoso/trang-bo-qua', 'DANHMUC'],
    ]);
    expect(of('CANHAN.xlsx')[1].message).toBe('Cột «Tên phòng ban/ khối, tổ công tác» (F), «Địa chỉ / Nơi ở» (H) không được kiểm tra: không bộ quy tắc nào đọc cột có tiêu đề như vậy.');
    expect(of('TAPTHE.xlsx').map((f) => [f.ruleId, f.sheet ?? null])).toEqual([
      ['hoso/khong-co-dong-de-nghi', null],
      ['hoso/trang-bo-qua', 'DANHMUC'],
    ]);
  });

  it('takes TAPTHE / CANHAN / HOGIADINH as the kind and checks each kind by its own criteria', async () => {
    const result = await checkPaths([path.join(REF, 'NHANDULIEU.xlsx')], { ruleSet, profiles: [], lang: 'en' });
    const cells = result.findings.filter((f) => f.row !== undefined).map((f) => `${f.ruleId} ${f.column}${f.row}`);
    // Rows 4, 5 (TAPTHE) and 7 (HOGIADINH) leave Đơn vị blank as the system's instructions say
    // ("không nhập"): no «Thiếu Đơn vị» on them; the CANHAN row 6 has its unit.
    expect(cells).toEqual(['chung/linh-vuc H4', 'chung/linh-vuc H5', 'chung/linh-vuc H6', 'chung/linh-vuc H7']);
    const sheetLevel = result.findings.filter((f) => f.row === undefined).map((f) => f.ruleId);
    // No achievement-summary column at all: one error for the sheet, not one per row. The
    // individual (CANHAN) and the household (HOGIADINH) are judged on Cultural Family years the
    // sheet cannot show: one warning each.
    expect(sheetLevel.sort()).toEqual(['ca-nhan/gia-dinh-van-hoa', 'chung/thanh-tich', 'chung/uu-tien-lao-dong-truc-tiep', 'ho-gia-dinh/gia-dinh-van-hoa', 'hoso/trang-bo-qua']);
  });
});
