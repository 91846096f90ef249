/**
 * Citations that name their document: "004 §III.3.a" is shown as "004 §III.3.a — Kế hoạch … Kon
 * Rẫy …" wherever a person reads it, from the packs' `documents:` table, checked at load time;
 * the citation as written stays the data (JSON's and SARIF's `source`).
 */
import { describe, expect, it, vi } from 'vitest';
import { cite, citedCodes, citedDocuments, documentLines } from '../../src/rules/citation.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { bundledPacks as bundled, packFile, refusedPack as refused } from '../support/packs.js';
import { sarif } from '../../src/format/sarif.js';
import { stylish } from '../../src/format/stylish.js';
import { joined } from '../../src/format/types.js';
import { buildReport } from '../../src/report/model.js';
import { hoso, type Report } from '../support/cli.js';
import { cellFinding, ctx, groupFinding, resultOf } from '../format/sample.js';

vi.setConfig({ testTimeout: 60_000 });

const ruleSet = loadRuleSet(bundled);
const { documents } = ruleSet;
const KON_RAY_VI = 'Kế hoạch xây dựng tiêu chuẩn và nhân rộng điển hình tiên tiến giai đoạn 2023–2025 của UBND huyện Kon Rẫy';
const KON_RAY_EN = "Kon Rẫy district People's Committee, plan for the standards and replication of advanced exemplars 2023–2025";

describe('cite', () => {
  it('puts the document\'s title after the code and section, in the language asked', () => {
    expect(cite('004 §III.3.a', documents, 'vi')).toBe(`004 §III.3.a — ${KON_RAY_VI}`);
    expect(cite('004 §III.3.a', documents, 'en')).toBe(`004 §III.3.a — ${KON_RAY_EN}`);
    expect(cite('004 §III.3.a «Mô hình trong lĩnh vực giáo dục…»', documents, 'vi')).toBe(`004 §III.3.a «Mô hình trong lĩnh vực giáo dục…» — ${KON_RAY_VI}`);
  });

  it('names each document of a citation of several, and leaves free text and unknown codes as written', () => {
    expect(cite('002 §III.2.1.c; 004 §III.3.a', documents, 'vi')).toMatch(/^002 §III\.2\.1\.c — Kế hoạch tuyên truyền .* Bình Định; 004 §III\.3\.a — Kế hoạch xây dựng /);
    for (const free of ['Luật Thi đua, khen thưởng 06/2022/QH15', 'TCVN 6909:2001 (Unicode là bộ mã chuẩn); TCVN 5712:1993 (bảng mã TCVN3)', 'hoso', '009 §1'])
      expect(cite(free, documents, 'vi')).toBe(free);
    expect(citedCodes('002 §III.2.1, §IV.1.đ; 004 §III.3; TCVN 6909:2001')).toEqual(['002', '004']);
  });

  it('lists the documents cited once each, in code order, as a legend', () => {
    const docs = citedDocuments(['004 §III.3.a', '002 §IV.1.đ', '004 §IV.3', 'hoso'], documents);
    expect(docs.map((d) => d.id)).toEqual(['002', '004']);
    expect(documentLines(docs, 'vi')).toEqual([`  002  Kế hoạch tuyên truyền gương điển hình tiên tiến giai đoạn 2022–2025 của UBND tỉnh Bình Định`, `  004  ${KON_RAY_VI}`]);
  });
});

describe('the bundled packs', () => {
  it('declare every document their citations name by code, each with a title in both languages', () => {
    const sources = [...ruleSet.rules.map((r) => r.rule.source), ...[...ruleSet.profiles.values()].map((p) => p.source), ...ruleSet.packs.map((p) => p.source ?? '')];
    const codes = new Set(sources.flatMap(citedCodes));
    expect([...codes].sort()).toEqual(['000', '002', '003', '004']);
    for (const code of codes) {
      const title = documents.get(code)!.title as { vi: string; en: string };
      expect(title.vi, code).toBeTruthy();
      expect(title.en, code).toBeTruthy();
      expect(title.en).not.toBe(title.vi);
    }
  });
});

describe('a pack\'s documents are checked at load time', () => {
  it('refuses a citation by a code no pack declares, at its key, in both languages', () => {
    const e = refused('pack: dia-phuong\ntitle: Thử\nrules:\n  - id: dia-phuong/a\n    title: A\n    check: required\n    with: { column: ten }\n    source: "005 §1"\n    examples: { valid: [{ ten: A }], invalid: [{ ten: B }] }\n');
    expect([e.line, e.keyPath]).toEqual([8, 'rules[0].source']);
    expect(e.said.vi).toBe('không có văn bản mã «005» trong «documents:» của các bộ quy tắc (có: 000, 002, 003, 004): hãy khai báo { id: "005", title: … }');
    expect(e.said.en).toBe('no document "005" in the packs\' documents: (known: 000, 002, 003, 004); declare it as { id: "005", title: … }');
  });

  it('refuses a document declared twice, and takes a new one a pack declares', () => {
    const e = refused('pack: dia-phuong\ntitle: Thử\ndocuments:\n  - { id: "004", title: Khác }\n');
    expect([e.keyPath, e.said.en]).toEqual(['documents[0].id', 'document "004" is declared in pack "chung" already']);
    const f = packFile('pack: dia-phuong\ntitle: Thử\ndocuments:\n  - { id: "005", title: { vi: Quyết định 5, en: Decision 5 } }\nrules:\n  - id: dia-phuong/a\n    title: A\n    check: required\n    with: { column: ten }\n    source: "005 §1"\n    examples: { valid: [{ ten: A }], invalid: [{ ten: B }] }\n');
    const set = loadRuleSet([...bundled, f]);
    expect(cite('005 §1', set.documents, 'en')).toBe('005 §1 — Decision 5');
  });
});

describe('where a citation is shown', () => {
  it('the stylish report ends its findings with the documents they cite, once each, in the language asked', () => {
    const vi = joined(stylish(resultOf([cellFinding, groupFinding, cellFinding]), ctx));
    expect(vi).toContain(`\nCăn cứ:\n  002  Kế hoạch tuyên truyền gương điển hình tiên tiến giai đoạn 2022–2025 của UBND tỉnh Bình Định\n  004  ${KON_RAY_VI}\n\n`);
    expect(joined(stylish(resultOf([cellFinding]), { ...ctx, lang: 'en' }))).toContain(`\nSources:\n  004  ${KON_RAY_EN}\n\n`);
    // No finding, or findings citing no declared document: no legend.
    expect(joined(stylish(resultOf([]), ctx))).not.toContain('Căn cứ');
    expect(joined(stylish(resultOf([{ ...cellFinding, source: 'hoso' }]), ctx))).not.toContain('Căn cứ');
  });

  it('SARIF\'s help names the document; properties.source keeps the citation as written', () => {
    for (const lang of ['vi', 'en'] as const) {
      const log = JSON.parse(joined(sarif(resultOf([cellFinding]), { ...ctx, lang })));
      const antt = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'giao-duc/an-toan-antt');
      const source = ruleSet.rules.find((r) => r.rule.id === 'giao-duc/an-toan-antt')!.rule.source;
      expect(antt.help.text).toContain(`${lang === 'vi' ? 'Căn cứ' : 'Source'}: ${source} — ${lang === 'vi' ? KON_RAY_VI : KON_RAY_EN}`);
      expect(antt.properties.source).toBe(source);
      expect(log.runs[0].results[0].properties.source).toBe('004 §III.3.a');
    }
  });

  it('the report\'s "Căn cứ" column names the document; the findings themselves are not changed', () => {
    const result = resultOf([cellFinding, groupFinding]);
    const m = buildReport(result, { ruleSet, profiles: [], lang: 'vi' });
    expect(m.findings.map((f) => f.source)).toEqual([`004 §III.3.a — ${KON_RAY_VI}`, '002 §IV.1.đ — Kế hoạch tuyên truyền gương điển hình tiên tiến giai đoạn 2022–2025 của UBND tỉnh Bình Định']);
    expect(result.findings.map((f) => f.source)).toEqual(['004 §III.3.a', '002 §IV.1.đ']);
    expect(buildReport(result, { ruleSet, profiles: [], lang: 'en' }).findings[0].source).toBe(`004 §III.3.a — ${KON_RAY_EN}`);
  });

  it('the JSON report\'s source is the citation as the rule writes it', async () => {
    const run = await hoso(['check', 'fixtures/fields/giao-duc-khong-dat.xlsx', '-f', 'json']);
    const report: Report = JSON.parse(run.stdout);
    expect(report.findings.find((f) => f.ruleId === 'giao-duc/an-toan-antt')?.source).toBe('004 §III.3.a «Mô hình trong lĩnh vực giáo dục…»');
    expect(run.stdout).not.toContain(KON_RAY_VI);
  });
});
