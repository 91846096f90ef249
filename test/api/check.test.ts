/**
 * The library's check beyond the fixtures: paths in Node, packs and a config given as texts, the
 * shapes bytes come in, a dropped folder's walk, the options the CLI has, and what it rejects.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, HosoError, type DossierInput } from '../../src/api.js';
import { bundledPacks } from '../../src/rules/bundled.js';
import { bundledRulesDir } from '../../src/rules/load.js';
import { markPackage } from '../../src/report/annotate/mark-package.js';
import { FIXTURES, hoso, ROOT } from '../support/cli.js';
import { apiOutcome, cliOutcome, filesUnder } from '../support/api.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-api-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const VI_DU = filesUnder(path.join(FIXTURES, 'vi-du')).sort();
const viDu = (): DossierInput[] => VI_DU.map((name) => ({ name, data: fs.readFileSync(path.join(FIXTURES, 'vi-du', name)) }));

/** A pack of a province's own, beside the bundled ones: one rule that every nominee row fails. */
const OWN_PACK = `pack: tinh-x
title: { vi: Tỉnh X, en: Province X }
source: "KH 1"
rules:
  - id: tinh-x/ghi-chu
    title: { vi: Ghi chú, en: Notes }
    severity: warning
    check: required
    with: { column: ghi_chu }
    source: "KH 1"
    examples: { valid: [{ stt: 1, ten: A, loai: Cá nhân, ghi_chu: x }], invalid: [{ stt: 1, ten: A, loai: Cá nhân, ghi_chu: null }] }
`;

describe.concurrent('paths, in Node', () => {
  it('are walked and named as the CLI walks and names them, a missing one refused alike', async () => {
    const args = ['fixtures/vi-du', 'fixtures/bad/ho-so.pdf', 'fixtures/khong-co.xlsx', 'fixtures/csv/*.csv'];
    const [cli, api] = await Promise.all([cliOutcome(args, ROOT), check({ files: args })]);
    expect(apiOutcome(api)).toEqual(cli);
    expect(api.exitCode).toBe(2);
    // The missing path is refused as it is walked, the PDF as it is opened.
    expect(api.unreadable.map((u) => u.file)).toEqual(['fixtures/khong-co.xlsx', 'fixtures/bad/ho-so.pdf']);
    expect(api.verdict).toBe('✖ 2 tệp không đọc được — mã thoát 2');
  });
});

describe.concurrent('rule packs given as texts', () => {
  it('give the findings the same packs give as files, and the CLI gives with --rules', async () => {
    const file = path.join(tmp, 'tinh-x.yaml');
    fs.writeFileSync(file, OWN_PACK);
    const [asText, asFile, cli] = await Promise.all([
      check({ files: viDu(), rules: [{ name: file, text: OWN_PACK }] }),
      check({ files: viDu(), rules: [file] }),
      cliOutcome([...VI_DU, '--rules', file], path.join(FIXTURES, 'vi-du')),
    ]);
    expect(asText.report).toEqual(asFile.report);
    expect(apiOutcome(asText)).toEqual(cli);
    // What must not change: the pack's rule is in force, besides the bundled ones.
    expect(asText.report.findings.some((f) => f.ruleId === 'tinh-x/ghi-chu')).toBe(true);
    expect(asText.report.findings.some((f) => f.ruleId.startsWith('chung/'))).toBe(true);
  });

  it('the bundled packs as texts are the bundled folder: without the defaults, given back, they give the same report', async () => {
    const [texts, folder, none] = await Promise.all([
      check({ files: viDu(), defaultRules: false, rules: bundledPacks() }),
      check({ files: viDu(), defaultRules: false, rules: [bundledRulesDir()] }),
      check({ files: viDu(), defaultRules: false, rules: bundledPacks().filter((p) => p.name === 'rules/chung.yaml') }),
    ]);
    expect(texts.report).toEqual(folder.report);
    expect(bundledPacks().map((p) => p.name)).toContain('rules/chung.yaml');
    // Without them, only the one pack given is in force.
    expect(new Set(none.report.findings.map((f) => f.ruleId.split('/')[0]))).toEqual(new Set(['chung']));
    expect(new Set(texts.report.findings.map((f) => f.ruleId.split('/')[0])).size).toBeGreaterThan(2);
  });

  it('a bad pack text is refused with its name, line, column and key, as the CLI refuses the file, in either language', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'bad', 'quy-tac', 'khoa-la.yaml'), 'utf8');
    for (const lang of ['vi', 'en'] as const) {
      const [refused, cli] = await Promise.all([
        check({ files: viDu(), rules: [{ name: 'bad/quy-tac/khoa-la.yaml', text }], lang }).then(
          () => undefined,
          (e: unknown) => e,
        ),
        hoso(['check', 'vi-du', '--rules', 'bad/quy-tac/khoa-la.yaml', '--lang', lang], { cwd: FIXTURES }),
      ]);
      expect(refused).toBeInstanceOf(HosoError);
      const e = refused as HosoError;
      expect([e.file, e.line, e.column, e.key]).toEqual(['bad/quy-tac/khoa-la.yaml', 11, 12, 'rules[0].mucdo']);
      expect(cli.code).toBe(2);
      expect(`hoso: ${e.message}\n`).toBe(cli.stderr);
      expect(e.message).toContain(lang === 'vi' ? 'không có khóa «mucdo»' : 'unknown key "mucdo"');
    }
  });
});

describe.concurrent('bytes', () => {
  it('as a Uint8Array, a view into a larger buffer, an ArrayBuffer or a Blob give one report', async () => {
    const name = 'phong-gd-dt.xlsx';
    const bytes = fs.readFileSync(path.join(FIXTURES, 'vi-du', name));
    // A view that does not start at its buffer's start: only its own bytes are the file.
    const padded = new Uint8Array(bytes.length + 100);
    padded.set(bytes, 37);
    const view = padded.subarray(37, 37 + bytes.length);
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    const reports = await Promise.all(
      [new Uint8Array(bytes), view, arrayBuffer, new Blob([bytes])].map(async (data) => (await check({ files: [{ name, data }] })).report),
    );
    for (const r of reports.slice(1)) expect(r).toEqual(reports[0]);
    expect(reports[0].summary.files).toBe(1);
    expect(reports[0].findings.length).toBeGreaterThan(0);
  });

  it('a CSV read from bytes as from its file, whatever its encoding', async () => {
    const names = ['bad/csv/cp1258.csv', 'bad/csv/mojibake.csv', 'csv/unicode-text.txt', 'csv/tab.tsv'];
    const [cli, api] = await Promise.all([cliOutcome(names, FIXTURES), check({ files: names.map((name) => ({ name, data: new Blob([fs.readFileSync(path.join(FIXTURES, name))]) })) })]);
    expect(apiOutcome(api)).toEqual(cli);
    expect(api.report.summary.rows).toBeGreaterThan(0);
  });

  it('an empty file, an OLE file and a text named .xlsx are refused with the CLI’s reasons', async () => {
    const names = ['bad/rong.xlsx', 'bad/mat-khau.xlsx', 'bad/excel-97.xls', 'bad/khong-phai-xlsx.xlsx', 'bad/bang-tinh.ods'];
    const [cli, api] = await Promise.all([cliOutcome([...names, '--lang', 'en'], FIXTURES), check({ files: names.map((name) => ({ name, data: fs.readFileSync(path.join(FIXTURES, name)) })), lang: 'en' })]);
    expect(apiOutcome(api)).toEqual(cli);
    expect(api.unreadable.map((u) => u.file)).toEqual(names);
    expect(api.unreadable[1].reason).toMatch(/^bad\/mat-khau\.xlsx: a password-protected \.xlsx/);
  });
});

describe.concurrent('a dropped folder (walked bytes)', () => {
  it('is taken as `hoso check <folder>` takes it: lock and hidden files, hoso’s own output, non-dossiers, ignores, order', async () => {
    const root = path.join(tmp, 'walk');
    const dossier = fs.readFileSync(path.join(FIXTURES, 'vi-du', 'phong-gd-dt.xlsx'));
    const tree: Record<string, Buffer> = {
      // A commune's list short of the Kon Rẫy commune quota: its profile is in force for its folder only.
      'don-vi/a/ds.xlsx': fs.readFileSync(path.join(FIXTURES, 'profiles', 'kon-ray__xa-khong-dat.xlsx')),
      'don-vi/b/ds.xlsx': fs.readFileSync(path.join(FIXTURES, 'profiles', 'kon-ray__xa-khong-dat.xlsx')),
      'don-vi/a-b/ds.csv': fs.readFileSync(path.join(FIXTURES, 'vi-du', 'xa-dak-pne-tong-hop.csv')),
      'don-vi/a/~$ds.xlsx': Buffer.from('lock'),
      'don-vi/a/.an.xlsx': Buffer.from('hidden'),
      'don-vi/a/hoso.config.yaml': Buffer.from('lang: en\n'),
      'don-vi/ghi-chu.txt': Buffer.from('ghi chú'),
      'don-vi/cong-van.pdf': Buffer.from('%PDF-1.4'),
      'don-vi/ket-qua.xlsx': Buffer.from(markPackage(dossier, 'annotated-copy', 'hoso-lint 9.9.9')),
      'don-vi/mau/mau-trong.xlsx': dossier,
      'don-vi/cu.xls': fs.readFileSync(path.join(FIXTURES, 'bad', 'excel-97.xls')),
    };
    for (const [name, bytes] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), bytes);
    }
    // Its ignores and its profiles by folder are matched against the names, as the CLI matches the paths below the config's folder.
    const config = 'ignores: [mau/]\nprofiles-for: { "don-vi/a/**": [kon-ray/xa] }\n';
    fs.writeFileSync(path.join(root, 'hoso.config.yaml'), config);
    const files = Object.entries(tree).map(([name, bytes]) => ({ name, data: new Blob([bytes]), walked: true }));
    const [cli, api] = await Promise.all([cliOutcome(['don-vi'], root), check({ files, config: { name: 'hoso.config.yaml', text: config } })]);
    expect(apiOutcome(api)).toEqual(cli);
    // What the walk did, said: three files checked, the rest noted, refused or passed over.
    // (The .xls is tried, as a spreadsheet found in a folder is, and refused.)
    expect(api.report.summary).toMatchObject({ files: 4, ignored: 1, unreadable: 1, config: 'hoso.config.yaml' });
    expect(api.unreadable.map((u) => u.file)).toEqual(['don-vi/cu.xls']);
    const profiled = new Set(api.report.findings.filter((f) => f.ruleId.startsWith('kon-ray/xa/')).map((f) => f.file));
    expect([...profiled]).toEqual(['don-vi/a/ds.xlsx']);
    const notes = api.report.findings.filter((f) => f.ruleId.startsWith('hoso/') && f.severity === 'info' && f.sheet === undefined).map((f) => f.file);
    expect(notes).toEqual(expect.arrayContaining(['don-vi/a/~$ds.xlsx', 'don-vi/ghi-chu.txt', 'don-vi/cong-van.pdf', 'don-vi/ket-qua.xlsx']));
    expect(JSON.stringify(api.report)).not.toMatch(/\.an\.xlsx|mau-trong/);
    // The walk's order: a folder's files before the names after it ("a/…" before "a-b/…").
    const order = [...new Set(api.report.findings.map((f) => f.file))];
    expect(order.indexOf('don-vi/a/ds.xlsx')).toBeLessThan(order.indexOf('don-vi/a-b/ds.csv'));
    expect(order.indexOf('don-vi/a-b/ds.csv')).toBeLessThan(order.indexOf('don-vi/b/ds.xlsx'));
  });

  it('with nothing to check in it is said as the CLI says it of an empty folder', async () => {
    const api = await check({ files: [{ name: 'don-vi/ghi-chu.pdf', data: new Uint8Array([1]), walked: true }] });
    expect(api.exitCode).toBe(2);
    expect(api.unreadable).toEqual([{ file: 'don-vi', reason: 'don-vi: không có tệp nào để kiểm tra' }]);
    expect(api.verdict).toBe('✖ không có tệp nào để kiểm tra trong «don-vi» — mã thoát 2');
  });
});

describe.concurrent('the options the CLI has', () => {
  it('profiles, English, --max-warnings and --quiet give what the CLI gives', async () => {
    const at = (dir: string, names: string[]) => ({ dir: path.join(FIXTURES, dir), names });
    // Lists of the Bình Định profile; lists with warnings and no error.
    const xa = at('profiles', ['binh-dinh__xa-dat.xlsx', 'binh-dinh__xa-khong-dat.xlsx']);
    const warned = at('layout', ['don-vi-hai-dong.xlsx', 'thieu-cot-tieu-chi.xlsx', 'tong-hop-don-vi-de-nghi.xlsx']);
    const runs = [
      { on: xa, args: ['--profile', 'binh-dinh/xa', '--lang', 'en'], request: { profiles: ['binh-dinh/xa'], lang: 'en' as const } },
      { on: warned, args: ['--max-warnings', '0'], request: { maxWarnings: 0 } },
      { on: warned, args: ['--quiet', '--max-warnings', '0'], request: { quiet: true, maxWarnings: 0 } },
    ];
    const outcomes = await Promise.all(
      runs.map(async ({ on, args, request }) => {
        const files = on.names.map((name) => ({ name, data: fs.readFileSync(path.join(on.dir, name)) }));
        return [await cliOutcome([...on.names, ...args], on.dir), apiOutcome(await check({ files, ...request }))];
      }),
    );
    for (const [cli, api] of outcomes) expect(api).toEqual(cli);
    // They did something: the profile's rules are in force; warnings over the limit fail, --quiet leaves none.
    expect(outcomes[0][1].report.findings.some((f) => f.ruleId.startsWith('binh-dinh/'))).toBe(true);
    expect(outcomes[0][1].report.findings[0].message).toMatch(/^[\x00-\x7f]/);
    expect([outcomes[1][1].code, outcomes[1][1].report.summary.warnings]).toEqual([1, 5]);
    expect([outcomes[2][1].code, outcomes[2][1].report.summary.warnings, outcomes[2][1].report.findings.length]).toEqual([0, 0, 0]);
  });

  it('tells the progress after each file, and ends with the stylish verdict line', async () => {
    const told: [number, number][] = [];
    const r = await check({ files: viDu(), onProgress: (done, total) => told.push([done, total]) });
    expect(told).toEqual([1, 2, 3, 4].map((n) => [n, 4]));
    expect(r.verdict).toMatch(/^✖ \d+ lỗi — mã thoát 1$/);
    expect(r.exitCode).toBe(1);
  });

  it('gives the same answer called again and at once in one process: nothing of a check stays for the next', async () => {
    const first = await check({ files: viDu() });
    const [again, alongside, other] = await Promise.all([check({ files: viDu() }), check({ files: viDu() }), check({ files: viDu(), lang: 'en', profiles: ['kon-ray/xa'] })]);
    expect(again).toEqual(first);
    expect(alongside).toEqual(first);
    expect(other.report).not.toEqual(first.report);
    expect(await check({ files: viDu() })).toEqual(first);
  });
});

describe.concurrent('what it rejects, with the CLI’s line', () => {
  it('no file, an unknown profile, a bad config text, a file without a name or bytes', async () => {
    const refused = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as HosoError);
    const none = await refused(check({ files: [] }));
    expect(none).toBeInstanceOf(HosoError);
    expect(none!.message).toBe('thiếu tệp hoặc thư mục cần kiểm tra');
    const profile = await refused(check({ files: viDu(), profiles: ['x/y'], lang: 'en' }));
    expect(profile!.message).toMatch(/^unknown profile "x\/y" \(known: binh-dinh\/co-quan-khoi, /);
    const config = await refused(check({ files: viDu(), config: { name: 'cau-hinh.yaml', text: 'profiles: [kon-ray/xa]\nseverity: { chung/ten: loud }\n' } }));
    expect([config!.file, config!.line, config!.key]).toEqual(['cau-hinh.yaml', 2, 'severity.chung/ten']);
    expect((await refused(check({ files: [{ name: '', data: new Uint8Array() }] })))!.message).toBe('mỗi tệp cần một tên («name»)');
    expect((await refused(check({ files: [{ name: 'a.xlsx', data: 'PK' as unknown as Uint8Array }], lang: 'en' })))!.message).toBe('file "a.xlsx": data must be a Uint8Array, an ArrayBuffer or a Blob');
    expect((await refused(check({ files: viDu(), maxWarnings: -1 })))!.message).toMatch(/^maxWarnings cần một số nguyên không âm/);
  });
});
