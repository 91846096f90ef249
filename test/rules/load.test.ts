import { describe, expect, it } from 'vitest';
import { loadRuleSet, PackError } from '../../src/rules/load.js';
import { bundledPacks } from '../../src/rules/bundled.js';
import { bundledPacks as bundled, packFile, refusedPack as loadError } from '../support/packs.js';

const pack = (name: string, text: string) => packFile(text, name);

const RULE = `
    title: Thử
    source: "004 §III.3.a"
    examples: { valid: [{ ten: A }], invalid: [{ ten: B }] }`;

describe('rule packs are checked at load time, with file, line and key', () => {
  it('loads every bundled pack', () => {
    const set = loadRuleSet(bundled);
    expect(set.packs.map((p) => p.id)).toEqual(['binh-dinh', 'chung', 'hung-yen', 'kon-ray', 'kon-tum', 'quang-binh', 'vn-law-2022']);
    expect([...set.profiles.keys()].sort()).toEqual([
      'binh-dinh/co-quan-khoi',
      'binh-dinh/doanh-nghiep',
      'binh-dinh/huyen',
      'binh-dinh/xa',
      'hung-yen/dai-hoi-tinh',
      'hung-yen/dai-hoi-toan-quoc',
      'hung-yen/phong-trao',
      'kon-ray/co-quan',
      'kon-ray/xa',
    ]);
  });

  it('names the line and column of a YAML syntax error', () => {
    const e = loadError('pack: dia-phuong\ntitle: "Thử\nrules: []\n');
    expect(e.line).toBeGreaterThanOrEqual(2);
    expect(e.message).toMatch(/^.*\.yaml:\d+:\d+: /);
  });

  it('names an unknown key with its path', () => {
    const e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    with: { column: ten }\n    severty: error${RULE}\n`);
    expect(e.keyPath).toBe('rules[0].severty');
    expect(e.line).toBe(7);
    expect(e.reason).toMatch(/unknown key "severty"/);
  });

  it('names a wrong type', () => {
    const e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    severity: loi\n    with: { column: ten }${RULE}\n`);
    expect(e.keyPath).toBe('rules[0].severity');
    expect(e.line).toBe(6);
  });

  it('rejects an unknown check and lists the known ones', () => {
    const e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: bat-buoc\n    with: { column: ten }${RULE}\n`);
    expect(e.keyPath).toBe('rules[0].check');
    expect(e.reason).toMatch(/unknown check "bat-buoc".*required/);
  });

  it("validates a check's options with the operator's own schema", () => {
    const e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: compare\n    with: { column: so_ky_luat, op: "=>", value: 0 }${RULE}\n`);
    expect(e.keyPath).toBe('rules[0].with.op');
    expect(e.line).toBe(6);
  });

  it('rejects a column that does not exist', () => {
    const e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    with: { column: ho_ten }${RULE}\n`);
    expect(e.reason).toBe('unknown column "ho_ten"');
  });

  it('rejects a condition on an enumeration value that does not exist', () => {
    const e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    when: { linh_vuc: giao-duc-dao-tao }\n    with: { column: ten }${RULE}\n`);
    expect(e.keyPath).toBe('rules[0].when.linh_vuc');
    expect(e.reason).toMatch(/"giao-duc-dao-tao" is not a value of linh_vuc/);
  });

  it('refuses a pattern the linear-time engine cannot match, naming the line, the key and what is unsupported', () => {
    const cases: [string, RegExp][] = [
      ['(a)\\1', /back-reference/],
      ['^a(?=b)', /look-ahead/],
      ['(?<!x)a', /look-behind/],
      ['^\\d{1001}$', /repeat count over 1000/],
      ['[a-', /not a valid pattern/],
    ];
    for (const [re, reason] of cases) {
      const e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: pattern\n    with: { column: ghi_chu, regex: '${re}', label: mã số }${RULE}\n`);
      expect(e.keyPath, re).toBe('rules[0].with.regex');
      expect(e.line).toBe(6);
      expect(e.file).toMatch(/\.yaml$/);
      expect(e.reason, re).toMatch(reason);
    }
  });

  it('loads patterns that once hung a run: they are matched in linear time now', () => {
    for (const re of ['^(a|a)*$', '^((a+))+$', '^(\\w|\\d)*$', '^(a|aa)*$', '^(a?){40}a{40}$', '^(a+)+$']) {
      const f = pack(`ok${Math.random().toString(36).slice(2)}.yaml`, `pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: pattern\n    with: { column: ghi_chu, regex: '${re}', label: mã số }${RULE}\n`);
      expect(loadRuleSet([...bundled, f]).rules.at(-1)!.rule.id, re).toBe('dia-phuong/a');
    }
  });

  it('refuses a condition that contains itself through an alias, at the alias, whatever the nesting', () => {
    const self = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    with: { column: ten }\n    when: &w { not: *w }${RULE}\n`);
    expect([self.line, self.col, self.keyPath]).toEqual([7, 21, 'rules[0].when.not']);
    expect(self.reason).toMatch(/alias \*w stands inside the node it names/);
    const inList = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    with: { column: ten }\n    when: &w\n      any:\n        - { ten: A }\n        - *w${RULE}\n`);
    expect([inList.line, inList.keyPath]).toEqual([10, 'rules[0].when.any[1]']);
    // An alias to a node already closed is no cycle: it loads.
    const f = pack('alias-ok.yaml', `pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    with: { column: ten }\n    when: &w { ten: A }${RULE}\n  - id: dia-phuong/b\n    check: required\n    with: { column: ten }\n    when: { not: *w }${RULE}\n`);
    expect(loadRuleSet([...bundled, f]).rules.at(-1)!.rule.when).toEqual({ not: { ten: 'A' } });
  });

  it('refuses a list over 20,000 items and nesting over 64 levels at their key, and a file over 1 MiB before parsing it', () => {
    const list = loadError(`pack: dia-phuong\ntitle: Thử\ncolumns:\n  - key: ten\n    aliases: [${Array(20_001).fill('a').join(', ')}]\nrules: []\n`);
    expect([list.line, list.keyPath, list.reason]).toEqual([5, 'columns[0].aliases', '20001 items, over the 20000 one list may hold']);
    const deep = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    with: { column: ten }\n    when: ${'{ not: '.repeat(70)}{ ten: A }${' }'.repeat(70)}${RULE}\n`);
    // The document, `rules`, the rule and `when` are four levels: the 61st `not` is the 65th.
    expect([deep.line, deep.keyPath, deep.reason]).toEqual([7, `rules[0].when${'.not'.repeat(61)}`, 'nested more than 64 levels deep']);
    // So deep that the YAML parser itself runs out of stack: said as nesting, at the line.
    const deeper = loadError(`pack: dia-phuong\ntitle: Thử\nx: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect([deeper.line, deeper.reason]).toEqual([3, 'nested too deeply']);
    // 850,000 aliases of a column: 7 MiB, refused before the parser spends a minute on it.
    const huge = loadError(`pack: dia-phuong\ntitle: Thử\ncolumns:\n  - key: ten\n    aliases: [${Array.from({ length: 850_000 }, (_, i) => `a${i}`).join(', ')}]\nrules: []\n`);
    expect([huge.line, huge.col, huge.keyPath]).toEqual([1, 1, '']);
    expect(huge.reason).toMatch(/^the file is 7\.\d MiB, over the 1 MiB a rule pack or config may hold$/);
    expect(huge.file).toMatch(/\.yaml$/);
  });

  it('rejects a rule id used twice', () => {
    const e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: chung/ten\n    check: required\n    with: { column: ten }${RULE}\n`);
    expect(e.reason).toMatch(/declared twice/);
  });

  it('rejects a rule without examples', () => {
    const e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    title: Thử\n    check: required\n    source: x\n    with: { column: ten }\n`);
    expect(e.keyPath).toBe('rules[0].examples');
  });

  it('stops an alias bomb fast', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const e = loadError(lines.join('\n') + '\n');
    expect(e.reason).toMatch(/alias/i);
  });

  it('lets a local pack extend a column with aliases, and refuses to redeclare it', () => {
    const ok = pack('ext.yaml', 'pack: dia-phuong\ntitle: Thử\ncolumns:\n  - { key: ten, aliases: [Tên người được đề nghị] }\n');
    const set = loadRuleSet([...bundled, ok]);
    expect(set.columns.get('ten')!.aliases).toContain('Tên người được đề nghị');
    const e = loadError('pack: dia-phuong\ntitle: Thử\ncolumns:\n  - { key: ten, header: Tên, type: text }\n');
    expect(e.keyPath).toBe('columns[0].header');
  });

  it('lets a pack give a text column a code list, and refuses one on another type, an unknown list or a second list', () => {
    const set = loadRuleSet(bundled);
    expect(set.columns.get('hinh_thuc')).toMatchObject({ type: 'text', codes: 'hinh_thuc' });
    expect(set.columns.get('ten')!.codes).toBeUndefined();
    expect(loadError('pack: dia-phuong\ntitle: Thử\ncolumns:\n  - { key: loai, codes: linh_vuc }\n')).toMatchObject({ keyPath: 'columns[0].codes', reason: '"codes" goes with a text column ("loai" is enum)' });
    expect(loadError('pack: dia-phuong\ntitle: Thử\ncolumns:\n  - { key: ghi_chu, codes: ma_ghi_chu }\n')).toMatchObject({ keyPath: 'columns[0].codes', reason: expect.stringMatching(/^no enumeration "ma_ghi_chu"/) });
    expect(loadError('pack: dia-phuong\ntitle: Thử\ncolumns:\n  - { key: hinh_thuc, codes: linh_vuc }\n')).toMatchObject({ keyPath: 'columns[0].codes', reason: 'column "hinh_thuc" already reads codes of "hinh_thuc"' });
    expect(loadError('pack: dia-phuong\ntitle: Thử\ncolumns:\n  - { key: ma_so, header: Mã số, type: integer, codes: linh_vuc }\n')).toMatchObject({ keyPath: 'columns[0].codes', reason: '"codes" goes with type: text' });
  });

  it('checks the columns of a condition on cells as typed', () => {
    const e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    when: { typed: { ma_loai: TAPTHE } }\n    with: { column: ten }${RULE}\n`);
    expect(e).toMatchObject({ keyPath: 'rules[0].when.typed.ma_loai', reason: 'unknown column "ma_loai"' });
    const f = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    when: { typed: TAPTHE }\n    with: { column: ten }${RULE}\n`);
    expect(f.keyPath).toBe('rules[0].when.typed');
  });

  it('lets a local pack add group headers and combined headers to a column, read by the header search', () => {
    const ok = pack('ext-groups.yaml', 'pack: dia-phuong\ntitle: Thử\ncolumns:\n  - { key: xep_loai, group-aliases: [Kết quả thi đua] }\n  - key: ten\n    combined: [{ headers: ["Họ tên, đơn vị"], also: [don_vi] }]\n');
    const set = loadRuleSet([...bundled, ok]);
    expect(set.columns.get('xep_loai')!.groupAliases).toContain('Kết quả thi đua');
    expect(set.columns.get('ten')!.combined).toContainEqual({ headers: ['Họ tên, đơn vị'], also: ['don_vi'] });
    const bundledOnly = loadRuleSet(bundled);
    expect(bundledOnly.columns.get('xep_loai')!.groupAliases).not.toContain('Kết quả thi đua');
  });

  it('names the key of a group or combined header that cannot be', () => {
    const cases: [string, string, RegExp][] = [
      ['  - { key: so_sang_kien, group-aliases: [Sáng kiến các năm] }', 'columns[0].group-aliases', /for a year column/],
      ['  - { key: xep_loai, group-aliases: [Xếp loại, Xếp loại YYYY] }', 'columns[0].group-aliases[1]', /no YYYY/],
      ['  - { key: ten, combined: [{ headers: [Tên YYYY], also: [don_vi] }] }', 'columns[0].combined[0].headers[0]', /no YYYY/],
      ['  - { key: xep_loai, combined: [{ headers: [Xếp loại và ghi chú YYYY], also: [ghi_chu] }] }', 'columns[0].combined', /no combined header/],
      ['  - { key: ten, combined: [{ headers: ["Họ tên, nơi ở"], also: [noi_o] }] }', 'columns[0].combined[0].also', /unknown column "noi_o"/],
      ['  - { key: ten, combined: [{ headers: ["Họ tên, xếp loại"], also: [xep_loai] }] }', 'columns[0].combined[0].also', /a year column/],
      ['  - { key: ten, combined: [{ headers: ["Họ tên"], also: [] }] }', 'columns[0].combined[0].also', /.+/],
    ];
    for (const [column, keyPath, reason] of cases) {
      const e = loadError(`pack: dia-phuong\ntitle: Thử\ncolumns:\n${column}\n`);
      expect(e.keyPath, column).toBe(keyPath);
      expect(e.line, column).toBe(4);
      expect(e.reason, column).toMatch(reason);
    }
  });

  it("checks an awards' vocabulary: kinds of nominee, ids used twice, and the awards a condition names", () => {
    const award = (id: string, kinds: string) => `  - { id: ${id}, label: Danh hiệu thử, kinds: [${kinds}], level: co-so, source: "Luật" }`;
    let e = loadError(`pack: dia-phuong\ntitle: Thử\nawards:\n${award('thu', 'ca-nhan, doanh-nghiep')}\n`);
    expect([e.line, e.keyPath]).toEqual([4, 'awards[0].kinds[1]']);
    expect(e.reason).toMatch(/"doanh-nghiep" is not a kind of nominee \(tap-the, ca-nhan, ho-gia-dinh\)/);
    e = loadError(`pack: dia-phuong\ntitle: Thử\nawards:\n${award('ldtt', 'ca-nhan')}\n`);
    expect(e.keyPath).toBe('awards[0].id');
    expect(e.reason).toMatch(/award "ldtt" is declared in .*vn-law-2022\.yaml/);
    e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    when: { award: lao-dong-tien-tien }\n    with: { column: ten }${RULE}\n`);
    expect([e.line, e.keyPath]).toEqual([6, 'rules[0].when.award']);
    expect(e.reason).toMatch(/"lao-dong-tien-tien" is not an award \(ldtt, /);
  });

  it('refuses a decree date range on a check over rows, and an error of a criterion only paraphrased or inferred', () => {
    let e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: count\n    in-force: { to: "2025-06-30" }\n    with: { min: 1, label: nhóm }${RULE}\n`);
    expect(e.keyPath).toBe('rules[0].in-force');
    e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    confidence: S\n    with: { column: ten }${RULE}\n`);
    expect(e.keyPath).toBe('rules[0].severity');
    expect(e.reason).toBe('a rule of confidence S is a warning or info, never an error');
    e = loadError(`pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    check: required\n    in-force: { from: "1/7/2025" }\n    with: { column: ten }${RULE}\n`);
    expect(e.keyPath).toBe('rules[0].in-force.from');
  });
});

describe('rule packs given as texts', () => {
  const texts = bundledPacks();
  /** A pack extending the bundled column of kinds: the loader adds to what chung.yaml declares. */
  const extending = { name: 'tinh-x.yaml', text: 'pack: tinh-x\ntitle: Tỉnh X\ncolumns:\n  - key: loai\n    infer: { ca-nhan: [cán bộ xã] }\nrules: []\n' };

  it('load as the same files do, each named by its name', () => {
    const fromTexts = loadRuleSet([...texts, extending]);
    const fromFiles = loadRuleSet([...bundled, pack('tinh-x.yaml', extending.text)]);
    expect(fromTexts.packs.map((p) => p.file)).toEqual([...texts.map((t) => t.name), 'tinh-x.yaml']);
    expect(fromTexts.rules.map((r) => [r.rule, r.options])).toEqual(fromFiles.rules.map((r) => [r.rule, r.options]));
    expect(fromTexts.columns.get('loai')!.infer).toEqual(fromFiles.columns.get('loai')!.infer);
  });

  it('load again the same, parsed once: nothing a load adds to a pack is carried into the next', () => {
    const first = loadRuleSet([...texts, extending]);
    const again = loadRuleSet([...texts, extending]);
    expect(again.columns.get('loai')!.infer).toEqual(first.columns.get('loai')!.infer);
    expect(again.columns.get('loai')!.infer!['ca-nhan'].filter((w) => w === 'cán bộ xã')).toHaveLength(1);
    expect(again.rules.map((r) => [r.rule, r.options])).toEqual(first.rules.map((r) => [r.rule, r.options]));
    // Without the extending pack, the column is as chung.yaml declares it.
    expect(loadRuleSet(texts).columns.get('loai')!.infer!['ca-nhan']).not.toContain('cán bộ xã');
  });

  it('name the text, line and key of a mistake, also when the same text was loaded before', () => {
    const bad = { name: 'tinh-y.yaml', text: 'pack: tinh-y\ntitle: Tỉnh Y\nrules:\n  - id: tinh-y/a\n    check: required\n    with: { column: khong_co }\n    title: Thử\n    source: "004"\n    examples: { valid: [{ ten: A }], invalid: [{ ten: B }] }\n' };
    for (let i = 0; i < 2; i++) {
      let e: unknown;
      try {
        loadRuleSet([...texts, bad]);
      } catch (err) {
        e = err;
      }
      expect(e).toBeInstanceOf(PackError);
      expect([(e as PackError).file, (e as PackError).line, (e as PackError).keyPath]).toEqual(['tinh-y.yaml', 6, 'rules[0].with']);
    }
  });
});
