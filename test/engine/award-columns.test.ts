/**
 * A list may name its awards in two columns, as the commendation system's CANHAN and TAPTHE
 * templates do: "Mã hình thức khen thưởng" (the form) and "Mã danh hiệu thi đua (nếu có)" (a
 * title, by its HTKT code). The Law's rules judge both: "award fits nominee" on each, each title's
 * criteria by its own `when: { award }`. And a header no column matches is named once per sheet,
 * unless a pack or the config says not to read it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledRulesDir, expandPackPaths, loadRuleSet, type RuleSet } from '../../src/rules/load.js';
import { Evaluator } from '../../src/engine/check.js';
import { Inspector } from '../../src/engine/inspect.js';
import type { Finding } from '../../src/engine/types.js';
import { grid, gridSource, type GridCell } from '../support/table.js';
import { CANHAN_HEADER } from '../../scripts/fixture-kit/reference.js';

const bundled = loadRuleSet(expandPackPaths([bundledRulesDir()]));

const LDTT = '1647933042';
const CSTDCS = '1647933380';
const TTLDTT = '1647933198';
const BK_TINH = '1650360491';

/** The CANHAN template's sheet: a title merged over row 1, the header on row 3, codes in I–K. */
const HEADER: GridCell[] = CANHAN_HEADER;
const person = (stt: number, ten: string, form: string | undefined, title: string | undefined): GridCell[] => [
  stt,
  ten,
  'NAM',
  '02/03/1985',
  'Giáo viên',
  'Tổ Toán',
  'Trường THCS Đắk Ruồng',
  'Thôn 1, xã Đắk Ruồng',
  '1660638976',
  form,
  title,
];

async function check(rows: GridCell[][], ruleSet: RuleSet = bundled, ignoreColumns?: string[]): Promise<Finding[]> {
  const evaluator = new Evaluator({ ruleSet, profiles: [], lang: 'en', ignoreColumns });
  await evaluator.checkSource('CANHAN.xlsx', gridSource(grid([['DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG'], [], HEADER, ...rows]), 'DANHSACH'));
  evaluator.end();
  return evaluator.findings;
}

const law = (findings: Finding[]) => findings.filter((f) => f.ruleId.startsWith('vn-law-2022/')).map((f) => `${f.ruleId} ${f.severity} ${f.column ?? '-'}${f.row ?? ''}`);

describe('the title column beside the award column', () => {
  it('judges the title of "Mã danh hiệu thi đua (nếu có)" by its code: a collective title for an individual is an error on that cell', async () => {
    const findings = await check([person(1, 'Nguyễn Văn An', undefined, LDTT), person(2, 'Trần Văn Bình', undefined, TTLDTT)]);
    expect(law(findings).filter((f) => f.includes('dung-doi-tuong'))).toEqual(['vn-law-2022/dung-doi-tuong error K5']);
    // The code is shown with the name it stands for; the cell keeps the code.
    const fit = findings.find((f) => f.ruleId === 'vn-law-2022/dung-doi-tuong')!;
    expect(fit.message).toBe('"Tập thể lao động tiên tiến (1647933198)" is given to "Collective" only, not to "Individual".');
    expect(fit.value).toBe(TTLDTT);
  });

  it("applies a title's criteria when the form column names another award (a Bằng khen with a CSTĐCS)", async () => {
    const findings = await check([person(1, 'Nguyễn Văn An', BK_TINH, CSTDCS)]);
    // No evidence column: one note per criterion of CSTĐCS, and the Bằng khen's ground (d) (its two
    // years of CSTĐCS, shown by no column and no past decision), none of an error; the form fits an individual.
    expect(law(findings).sort()).toEqual([
      'vn-law-2022/bk-tinh/can-cu-d-ca-nhan info -',
      'vn-law-2022/cstdcs/dat-ldtt info -',
      'vn-law-2022/cstdcs/phieu-bau info -',
      'vn-law-2022/cstdcs/xuat-sac-hoac-sang-kien info -',
    ]);
    // Without the title, a form alone under a title naming neither kind of list is no award row:
    // nothing of the Law, its ground (d) neither.
    expect(law(await check([person(1, 'Nguyễn Văn An', BK_TINH, undefined)]))).toEqual([]);
  });

  it('says once that an award named in both columns does not fit, on the award column', async () => {
    const findings = await check([person(1, 'Tổ Toán', TTLDTT, TTLDTT)]);
    expect(law(findings).filter((f) => f.includes('dung-doi-tuong'))).toEqual(['vn-law-2022/dung-doi-tuong error J4']);
  });

  it('warns of a code in the title column that names no award, on that cell', async () => {
    const findings = await check([person(1, 'Nguyễn Văn An', LDTT, '1234567890')]);
    expect(law(findings).filter((f) => f.includes('danh-muc'))).toEqual(['vn-law-2022/danh-muc warning K4']);
    expect(law(await check([person(1, 'Nguyễn Văn An', LDTT, CSTDCS)])).filter((f) => f.includes('danh-muc'))).toEqual([]);
  });

  it('counts a title in the title column toward an award row in inspect', async () => {
    const inspector = new Inspector(bundled);
    const source = gridSource(grid([['DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG'], [], HEADER, person(1, 'Nguyễn Văn An', undefined, CSTDCS), person(2, 'Trần Văn Bình', BK_TINH, undefined)]), 'DANHSACH');
    const read = await inspector.inspectSource('CANHAN.xlsx', source);
    expect(read.purpose).toMatchObject({ titleRows: 1, otherRows: 1 });
    expect(read.sheets[0].columns.map((c) => `${c.column}:${c.key}`)).toEqual(expect.arrayContaining(['J:hinh_thuc', 'K:danh_hieu']));
  });
});

describe('header cells no column matches', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const unread = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'hoso/cot-khong-kiem-tra');

  it('names them once for the sheet, as an info note with their letters, however many rows there are', async () => {
    const notes = unread(await check([person(1, 'Nguyễn Văn An', undefined, LDTT), person(2, 'Trần Văn Bình', undefined, LDTT)]));
    expect(notes.map((f) => [f.severity, f.sheet, f.row, f.group])).toEqual([['info', 'DANHSACH', undefined, 'CANHAN']]);
    expect(notes[0].message).toBe('Not checked: "Tên phòng ban/ khối, tổ công tác" (F), "Địa chỉ / Nơi ở" (H); no rule pack reads a column with such a header.');
  });

  it('passes over the headers a pack lists in layout.ignore-columns, compared whole', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-ignore-columns-'));
    dirs.push(dir);
    const pack = path.join(dir, 'bo-qua.yaml');
    // The second name is K's without its parentheses: K is still read as the title column.
    fs.writeFileSync(pack, 'pack: bo-qua\ntitle: Bỏ qua cột\nlayout:\n  ignore-columns: ["địa chỉ / nơi ở", Mã danh hiệu thi đua]\n');
    const ruleSet = loadRuleSet([...expandPackPaths([bundledRulesDir()]), pack]);
    const findings = await check([person(1, 'Nguyễn Văn An', undefined, TTLDTT)], ruleSet);
    expect(unread(findings).map((f) => f.message)).toEqual(['Not checked: "Tên phòng ban/ khối, tổ công tác" (F); no rule pack reads a column with such a header.']);
    expect(law(findings).filter((f) => f.includes('dung-doi-tuong'))).toEqual(['vn-law-2022/dung-doi-tuong error K4']);
    const read = await new Inspector(ruleSet).inspectSource('CANHAN.xlsx', gridSource(grid([[], [], HEADER, person(1, 'Nguyễn Văn An', undefined, LDTT)]), 'DANHSACH'));
    expect(read.sheets[0].unmapped.map((u) => u.column)).toEqual(['F']);
    expect(read.sheets[0].ignored).toEqual([{ column: 'H', header: 'Địa chỉ / Nơi ở' }]);
  });

  it("passes over the headers the config's ignore-columns lists, and none when every header is either read or ignored", async () => {
    expect(unread(await check([person(1, 'Nguyễn Văn An', undefined, LDTT)], bundled, ['Tên phòng ban/ khối, tổ công tác', 'Địa chỉ / Nơi ở']))).toEqual([]);
  });

  it('passes over the lookup columns of the system’s newer template (the bundled quang-binh pack)', async () => {
    const header = ['STT', 'Tên gọi\n(Ông/Bà/Chức danh)', 'Tên tập thể/cá nhân/hộ gia đình', 'Chức vụ', 'Đơn vị công tác', 'Phân loại khen thưởng', 'Danh hiệu thi đua/Hình thức khen thưởng', 'Phân loại đối tượng', 'Lĩnh vực hoạt động', ...Array(8).fill(undefined), 'Mã Phân loại khen thưởng', 'Mã Danh hiệu thi đua', 'Mã phân loại loại tượng', 'Mã Lĩnh vực hoạt động'];
    const evaluator = new Evaluator({ ruleSet: bundled, profiles: [], lang: 'vi' });
    await evaluator.checkSource('MauTDKT.xlsx', gridSource(grid([header, [1, 'Ông', 'Nguyễn Văn An', 'Giáo viên', 'Trường THCS A', 'Khen thưởng cá nhân', 'Lao động tiên tiến', 'Đối tượng khác', 'Giáo dục - Đào tạo']]), 'file nhận'));
    expect(unread(evaluator.findings).map((f) => f.message)).toEqual(['Cột «Tên gọi (Ông/Bà/Chức danh)» (B) không được kiểm tra: không bộ quy tắc nào đọc cột có tiêu đề như vậy.']);
  });
});
