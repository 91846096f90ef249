/**
 * `hoso explain` in prose and `hoso rules list` in the user's language: every operator tells its
 * rule in words (a new operator cannot be added without a description), every bundled rule
 * explains without raw JSON, in Vietnamese by default and in English with --lang en.
 */
import { describe, expect, it, vi } from 'vitest';
import { operators } from '../../src/operators/index.js';
import { schemas } from '../../src/rules/schema.js';
import { explainRule, listRules } from '../../src/cli/explain.js';
import { describer } from '../../src/cli/describe.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { hoso } from '../support/cli.js';
import { bundledPacks } from '../support/packs.js';

vi.setConfig({ testTimeout: 60_000 });

const ruleSet = loadRuleSet(bundledPacks);
const d = describer(ruleSet, { from: 2023, to: 2025 });
/** What a description must never show: a template left unfilled, raw JSON, a value lost. */
const RAW = /\{[a-z]\w*\}|\{"|undefined|\[object|NaN/;

/** Options for each operator, and what its description says of them in each language. */
const SAMPLES: Record<string, { with: Record<string, unknown>; vi: string; en: string }> = {
  required: { with: { column: 'don_vi' }, vi: 'Ô «Đơn vị» của mỗi dòng đề nghị phải được ghi', en: 'The cell "Đơn vị" of every nominee row must be filled in' },
  'one-of': { with: { column: 'loai', values: ['tap-the', 'ca-nhan'] }, vi: '«Đối tượng» phải là một trong: «Tập thể» hoặc «Cá nhân».', en: '"Đối tượng" must be one of: "Collective" or "Individual".' },
  compare: { with: { column: 'ty_le_neu_guong', op: '>', value: 70 }, vi: '«Tỷ lệ cán bộ, đảng viên nêu gương» phải lớn hơn 70;', en: '"Tỷ lệ cán bộ, đảng viên nêu gương" must be greater than 70;' },
  'every-year': { with: { column: 'gia_dinh_van_hoa', value: true }, vi: 'Mỗi năm của giai đoạn 2023–2025 mà trang tính có cột, «Gia đình văn hóa» phải là «Có»', en: 'For every year of the period 2023–2025 the sheet has a column for, "Gia đình văn hóa" must be equal to "Yes"' },
  trend: { with: { column: 'doanh_thu', direction: 'rises' }, vi: '«Doanh thu» phải tăng qua từng năm của giai đoạn 2023–2025', en: '"Doanh thu" must rise from each year of the period 2023–2025' },
  'text-quality': { with: { column: 'thanh_tich', placeholders: ['x', 'như trên'] }, vi: 'dài ít nhất 20 ký tự, không chỉ là «x» hoặc «như trên».', en: 'at least 20 characters long, not only "x" or "như trên".' },
  'valid-value': { with: { except: ['linh_vuc'] }, vi: 'Mỗi ô có ghi của mọi cột có kiểu (trừ «Lĩnh vực»)', en: 'Every filled cell of every typed column (except "Lĩnh vực")' },
  'error-cell': { with: {}, vi: 'lỗi công thức (#REF!, #N/A, #VALUE!…)', en: 'formula error (#REF!, #N/A, #VALUE!…)' },
  renamed: { with: { column: 'phong_trao', names: [{ old: 'Cũ', new: 'Mới' }] }, vi: '«Phong trào thi đua» không được dùng tên cũ; tên cũ và tên mới: «Cũ» → «Mới».', en: '"Phong trào thi đua" must not use an old name; old and new names: "Cũ" → "Mới".' },
  'consistent-with': { with: { column: 'hinh_thuc', match: ['tỉnh'], tags: ['tieu-chi'] }, vi: 'Khi «Hình thức đề nghị» đề nghị một hình thức có chữ «tỉnh», dòng đó phải đạt mọi tiêu chí mang nhãn «tieu-chi».', en: 'Where "Hình thức đề nghị" proposes a form naming "tỉnh", the row must pass every criterion tagged "tieu-chi".' },
  unique: { with: { columns: ['ten', 'don_vi'], scope: 'file' }, vi: 'các dòng trùng «Họ và tên / Tên tập thể» và «Đơn vị» trong từng tệp', en: 'rows alike in "Họ và tên / Tên tập thể" and "Đơn vị" within each file' },
  reference: { with: { column: 'don_vi', target: 'ten', where: { loai: 'tap-the' } }, vi: '«Đơn vị» phải là tên một dòng đề nghị khác (ở cột «Họ và tên / Tên tập thể») có «Đối tượng» là «Tập thể», trên mọi tệp', en: '"Đơn vị" must name another nominee row (in its column "Họ và tên / Tên tập thể") where "Đối tượng" is "Collective", over every file' },
  count: { with: { by: 'unit', min: 1, max: 3, label: { vi: 'cá nhân', en: 'individuals' }, 'max-for': [{ names: ['A'], max: 4 }] }, vi: 'Số cá nhân của mỗi đơn vị đề nghị, trong từng tệp, phải từ 1 đến 3; riêng «A»: không quá 4.', en: 'The number of individuals for each submitting unit, within each file, must be from 1 to 3; except "A": at most 4.' },
  submitter: { with: { after: '2025-07-01', match: ['huyện'] }, vi: 'Hồ sơ đề ngày sau 01/07/2025 không được có đơn vị đề nghị (ở khối tiêu đề) mang tên «huyện».', en: 'A dossier dated after 01/07/2025 must not have a submitting unit (in its title block) naming "huyện".' },
  'legacy-encoding': { with: {}, vi: 'TCVN3 với phông .VnTime', en: 'TCVN3 under a .VnTime font' },
  pattern: { with: { column: 'ten', regex: '^\\d{10}$', flags: 'i', label: { vi: 'mã số thuế', en: 'tax code' } }, vi: '«Họ và tên / Tên tập thể» phải đúng dạng mã số thuế (mẫu /^\\d{10}$/, không phân biệt hoa thường)', en: '"Họ và tên / Tên tập thể" must be a valid tax code (pattern /^\\d{10}$/, case-insensitive)' },
  hidden: { with: {}, vi: 'Dòng và trang tính bị ẩn vẫn được kiểm tra', en: 'Hidden rows and sheets are checked like visible ones' },
  'award-fits-kind': { with: {}, vi: 'phải là hình thức tặng được cho đối tượng ở cột «Đối tượng»', en: 'must be one that may be given to the kind of nominee in "Đối tượng"' },
  'award-known': { with: {}, vi: 'phải có trong danh mục danh hiệu, hình thức khen thưởng', en: "must be in the awards' list" },
  evidence: {
    with: { any: [{ column: 'xep_loai', in: ['httnv', 'htxsnv'] }, { part: 'so_ldtt', whole: 'tong_so_ca_nhan', op: '>=', value: 70 }], label: 'LĐTT' },
    vi: 'Tiêu chuẩn «LĐTT» được chứng minh khi «Xếp loại» là',
    en: 'The criterion "LĐTT" is shown when "Xếp loại" is',
  },
  streak: {
    with: { years: 3, awards: ['cstdcs'], titles: 'danh_hieu_da_dat', stated: 'so_lan_cstdcs_lien_tuc', 'set-aside': { kinds: ['dot-xuat'], discipline: 'nam_ky_luat' }, label: 'CSTĐ tỉnh' },
    vi: 'đủ 3 năm liên tục ngay trước năm đề nghị (năm ghi ở cột «Năm khen thưởng», ở tiêu đề «NĂM 2025», nếu không thì năm của ngày lập danh sách), mỗi năm có danh hiệu «Chiến sĩ thi đua cơ sở». Mỗi năm được chứng minh bằng cột «Danh hiệu đã đạt» của danh sách khi ô có ghi; nếu không thì bằng các quyết định đã ban hành (--history)',
    en: '3 years in a row just before the award year (the column "Năm khen thưởng", the title\'s "NĂM 2025", else the year of the list\'s date), each with the title "Grassroots Emulation Fighter". Each year is shown by the list\'s column "Danh hiệu đã đạt" where the cell is filled; else by the past decisions (--history)',
  },
};

describe('every operator tells its rule in words', () => {
  it('has a sample here for every operator kind, so that a new operator needs a description to pass', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(operators).sort());
    for (const [name, op] of Object.entries(operators)) expect(typeof op.describe, name).toBe('function');
  });

  for (const [name, sample] of Object.entries(SAMPLES)) {
    it(`${name}: its options in Vietnamese and in English`, () => {
      const options = operators[name].options(schemas()).parse(sample.with);
      const said = operators[name].describe(options, d);
      expect(said.vi).toContain(sample.vi);
      expect(said.en).toContain(sample.en);
      expect(said.vi).not.toBe(said.en);
      expect(`${said.vi} ${said.en}`).not.toMatch(RAW);
    });
  }
});

describe('hoso explain of every bundled rule', () => {
  it('is prose in both languages: what, on whom, how much it weighs, the document, the examples; no raw JSON', () => {
    for (const { rule } of ruleSet.rules) {
      for (const lang of ['vi', 'en'] as const) {
        const text = explainRule(ruleSet, rule.id, lang)!;
        expect(text, rule.id).not.toMatch(RAW);
        const words = lang === 'vi' ? ['Kiểm tra: ', 'Áp dụng cho: ', 'Mức: ', 'Căn cứ: ', 'Ví dụ đạt:', 'Ví dụ không đạt:'] : ['Checks: ', 'Applies to: ', 'Severity: ', 'Source: ', 'Passing examples:', 'Failing examples:'];
        for (const w of words) expect(text, `${rule.id} ${lang}`).toContain(w);
        for (const part of rule.source.split(';')) expect(text, rule.id).toContain(part.trim());
      }
    }
  });

  it('reads as an officer would: the Vietnamese and English text of giao-duc/an-toan-antt', () => {
    const KON_RAY = 'Kế hoạch xây dựng tiêu chuẩn và nhân rộng điển hình tiên tiến giai đoạn 2023–2025 của UBND huyện Kon Rẫy';
    expect(explainRule(ruleSet, 'giao-duc/an-toan-antt', 'vi')!.split('\n').slice(0, 8)).toEqual([
      'giao-duc/an-toan-antt — Trường học đạt tiêu chuẩn an toàn về ANTT',
      '',
      'Kiểm tra: «Đạt tiêu chuẩn an toàn về ANTT» phải là «Có»; ô để trống là chưa chứng minh được tiêu chí; trang tính không có cột này thì cảnh báo một lần cho cả trang.',
      'Áp dụng cho: dòng đề nghị có «Đối tượng» là «Tập thể» và «Lĩnh vực» là «Giáo dục và đào tạo»',
      'Mức: lỗi — hồ sơ có lỗi thì mã thoát là 1',
      'Giai đoạn: 2023–2025',
      `Căn cứ: 004 §III.3.a «Mô hình trong lĩnh vực giáo dục…» — ${KON_RAY}`,
      '',
    ]);
    const en = explainRule(ruleSet, 'giao-duc/an-toan-antt', 'en')!;
    expect(en).toContain('\nApplies to: nominee rows where "Đối tượng" is "Collective" and "Lĩnh vực" is "Education and training"\n');
    expect(en).toContain('\nSeverity: error — a dossier with an error exits 1\n');
    // The examples show the cells under their headers, an empty cell in words.
    expect(explainRule(ruleSet, 'chung/ten', 'vi')).toContain('  - STT: 1 · Họ và tên / Tên tập thể: (trống) · Đối tượng: Cá nhân');
  });

  it('names the profile that turns a rule on, and a profile lists its rules in words', () => {
    expect(explainRule(ruleSet, 'kon-ray/xa/toi-thieu', 'vi')).toContain('; chỉ khi bật --profile kon-ray/xa (Xã, thị trấn (Kon Rẫy))\n');
    const profile = explainRule(ruleSet, 'kon-ray/xa', 'en')!;
    expect(profile).toContain('\nTurned on by: --profile kon-ray/xa\n');
    expect(profile).toMatch(/\n {2}kon-ray\/xa\/toi-thieu — .*: The number of .* must be at least 2\.\n/);
  });
});

describe('hoso rules list', () => {
  it('says severities and labels in Vietnamese by default, in English with --lang en, and names the documents cited', () => {
    const vi = listRules(ruleSet, [], 'vi');
    expect(vi).toContain('\n  chung/ten                                    lỗi        Có tên tập thể, cá nhân (002 §III.2.1.b)\n');
    expect(vi).toContain('[cần --profile binh-dinh/xa]');
    expect(vi).not.toMatch(/ (error|warning|info) {2}/);
    expect(vi).toMatch(/\nCăn cứ:\n {2}000 {2}Công văn 4054\/UBND-NC/);
    const en = listRules(ruleSet, ['binh-dinh/xa'], 'en');
    expect(en).toContain(`\n  ${'chung/ten'.padEnd(44)} error    The nominee is named (002 §III.2.1.b)\n`);
    expect(en).toContain('[with --profile binh-dinh/huyen]');
    expect(en).not.toContain('[with --profile binh-dinh/xa]');
    expect(en).toMatch(/\nSources:\n {2}000 {2}Kon Tum People's Committee/);
    // Every rule is listed in both, once.
    for (const { rule } of ruleSet.rules) for (const text of [vi, en]) expect(text.split(`  ${rule.id} `).length, rule.id).toBe(2);
  });

  it("groups the Law's rules by the award they judge, under its name in the user's language; rules of no award first, other packs as they were", () => {
    const vi = listRules(ruleSet, [], 'vi');
    const law = vi.slice(vi.indexOf('\nvn-law-2022 — '));
    const lines = law.split('\n').slice(2, law.split('\n').indexOf('', 2));
    // Rules about every award, not indented further, before any award's heading.
    expect(lines.slice(0, 2).map((l) => l.trim().split(' ')[0])).toEqual(['vn-law-2022/dung-doi-tuong', 'vn-law-2022/danh-muc']);
    const at = lines.indexOf('  Tập thể lao động tiên tiến (TTLĐTT):');
    expect(at).toBeGreaterThan(1);
    expect(lines.slice(at + 1, at + 4).map((l) => l.slice(0, 4) + l.trim().split(' ')[0])).toEqual([
      '    vn-law-2022/ttldtt/xep-loai',
      '    vn-law-2022/ttldtt/70-phan-tram-ldtt',
      '    vn-law-2022/ttldtt/khong-ky-luat',
    ]);
    expect(listRules(ruleSet, [], 'en')).toContain('\n  Advanced Labour Collective (TTLĐTT):\n');
    // An exemplar pack's rules are not grouped: no heading, no deeper indent.
    const chung = vi.slice(vi.indexOf('chung — '), vi.indexOf('\n\n', vi.indexOf('chung — ')));
    expect(chung.split('\n').slice(1).every((l) => /^ {2}chung\//.test(l))).toBe(true);
  });
});

describe('hoso explain, the award pack', () => {
  it('explains an award by its id: names, codes, whom it is given to, its article, and the rules that judge it', () => {
    const vi = explainRule(ruleSet, 'ttldtt', 'vi')!;
    expect(vi.split('\n')[0]).toBe('Danh hiệu, hình thức khen thưởng ttldtt — Tập thể lao động tiên tiến (TTLĐTT)');
    expect(vi).toContain('\nTặng cho: Tập thể\n');
    expect(vi).toContain('\nMã: 1647933198\n');
    expect(vi.split('\n').filter((l) => l.startsWith('  vn-law-2022/')).map((l) => l.split(' ')[2])).toEqual([
      'vn-law-2022/ttldtt/xep-loai',
      'vn-law-2022/ttldtt/70-phan-tram-ldtt',
      'vn-law-2022/ttldtt/khong-ky-luat',
    ]);
    expect(explainRule(ruleSet, 'ttldtt', 'en')).toContain('\nGiven to: Collective\n');
  });

  it("finds a rule by its id without the pack, when one rule ends so; a rule's own id still wins", () => {
    expect(explainRule(ruleSet, 'ttldtt/70-phan-tram-ldtt', 'vi')).toBe(explainRule(ruleSet, 'vn-law-2022/ttldtt/70-phan-tram-ldtt', 'vi'));
    // "xep-loai" ends three rules of the pack: none is picked.
    expect(explainRule(ruleSet, 'xep-loai', 'vi')).toBeUndefined();
  });
});

describe.concurrent('the command line', () => {
  it('explain is Vietnamese by default and English with --lang en or an English locale', async () => {
    const [byDefault, flag, locale] = await Promise.all([hoso(['explain', 'chung/don-vi']), hoso(['explain', 'chung/don-vi', '--lang', 'en']), hoso(['explain', 'chung/don-vi'], { env: { LANG: 'en_US.UTF-8' } })]);
    expect([byDefault.code, flag.code, locale.code]).toEqual([0, 0, 0]);
    expect(byDefault.stdout).toContain('\nKiểm tra: Ô «Đơn vị» của mỗi dòng đề nghị phải được ghi');
    expect(flag.stdout).toContain('\nChecks: The cell "Đơn vị" of every nominee row must be filled in');
    expect(locale.stdout).toBe(flag.stdout);
    expect(byDefault.stdout).not.toMatch(/Phép kiểm tra: \w+ \{/);
  });

  it('rules list is Vietnamese by default and English with --lang en', async () => {
    const [byDefault, flag] = await Promise.all([hoso(['rules', 'list']), hoso(['rules', 'list', '--lang', 'en'])]);
    expect(byDefault.stdout).toMatch(/ lỗi {8}/);
    expect(byDefault.stdout).toMatch(/ cảnh báo {3}/);
    expect(flag.stdout).toMatch(/ warning {2}/);
    expect(byDefault.stdout.split('\n').filter((l) => l.startsWith('  ')).length).toBeGreaterThan(ruleSet.rules.length);
  });
});
