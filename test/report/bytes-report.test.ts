/**
 * The batch report made as bytes (report/bytes.ts), as a page makes it: over the example district
 * the page (.html) is byte for byte what `hoso report -o x.html` writes, the workbook (.xlsx) part
 * for part what `-o x.xlsx` writes; and 100,000 nominees kept in memory, with no temporary file,
 * give the same report as when the CLI's store spills them to one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readZip } from '../../scripts/fixture-kit/zip.js';
import { checkPaths, type CheckResult, type NomineeRecord } from '../../src/engine/check.js';
import type { Finding, Lang } from '../../src/engine/types.js';
import { Nominees, reportBytes } from '../../src/report/bytes.js';
import { buildReport } from '../../src/report/model.js';
import { reportHtml } from '../../src/report/html.js';
import { NomineeStore } from '../../src/report/nominees.js';
import { LIST_HEADERS } from '../../src/report/texts.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { GENERATOR } from '../../src/version.js';
import { nodeDeflater } from '../../src/write/zip-node.js';
import { portableDeflater } from '../../src/write/zip.js';
import { hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const packFiles = expandPackPaths([bundledRulesDir()]);
const ruleSet = loadRuleSet(packFiles);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-bytes-report-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const partsOf = (zip: Uint8Array) => readZip(Buffer.from(zip)).map((p) => [p.name, p.data.toString('latin1')] as const);

describe.each(['vi', 'en'] as Lang[])('the report of fixtures/vi-du made as bytes, --lang %s', (lang) => {
  let cli: { html: Buffer; xlsx: Buffer };
  let result: CheckResult;
  const nominees = new Nominees();
  const opts = () => ({ ruleSet, profiles: [], lang, nominees, generator: GENERATOR });

  beforeAll(async () => {
    const out = (ext: string) => path.join(tmp, `${lang}.${ext}`);
    for (const ext of ['html', 'xlsx']) expect((await hoso(['report', 'fixtures/vi-du', '-o', out(ext), '--lang', lang])).code).toBe(1);
    cli = { html: fs.readFileSync(out('html')), xlsx: fs.readFileSync(out('xlsx')) };
    result = await checkPaths(['fixtures/vi-du'], { ruleSet, packFiles, profiles: [], lang, purpose: 'auto', collectNominees: nominees.add });
  });

  it('is the page `hoso report -o x.html` writes, byte for byte', async () => {
    const page = await reportBytes(result, 'html', opts());
    expect(nominees.count).toBe(29);
    expect(Buffer.from(page).toString('utf8')).toBe(cli.html.toString('utf8'));
    expect(Buffer.from(page).equals(cli.html)).toBe(true);
  });

  it('is the workbook `hoso report -o x.xlsx` writes: the same parts with fflate’s deflater, the same bytes with Node’s', async () => {
    const portable = await reportBytes(result, 'xlsx', { ...opts(), deflater: portableDeflater });
    expect(partsOf(portable)).toEqual(partsOf(cli.xlsx));
    expect(Buffer.from(portable).equals(cli.xlsx)).toBe(false);
    expect(Buffer.from(await reportBytes(result, 'xlsx', { ...opts(), deflater: nodeDeflater })).equals(cli.xlsx)).toBe(true);
  });
});

describe('100,000 nominees kept in memory', () => {
  const N = 100_000;
  const nominee = (i: number): NomineeRecord => ({
    file: `don-vi-${i % 3}.xlsx`,
    sheet: 'DS',
    row: Math.floor(i / 3) + 2,
    unit: `Trường số ${i % 3}`,
    // Names past the JSON's escapes and a page's markup: a line break, a closing script tag, a line separator.
    name: `Nguyễn Văn ${i}${i % 1000 === 0 ? '\n</script>\u2028' : ''}`,
    kind: i % 5 ? 'ca-nhan' : 'tap-the',
    movement: i % 7 ? `Sáng kiến số ${i}` : undefined,
  });
  const findings: Finding[] = [10, 500, 33_333].map((row) => ({ ruleId: 'chung/x', severity: 'error', message: `lỗi ${row}`, file: 'don-vi-1.xlsx', sheet: 'DS', row, column: 'B', source: 's' }));
  const result: CheckResult = { files: 3, rows: N, inputErrors: [], sheets: [], findings };
  let spillDir: string;
  let before: string | undefined;

  beforeAll(() => {
    spillDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-memory-'));
    before = process.env.TMPDIR;
    process.env.TMPDIR = spillDir;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    fs.rmSync(spillDir, { recursive: true, force: true });
  });

  it('are read back in order, in chunks of text, with no temporary file', () => {
    const store = new Nominees();
    for (let i = 0; i < N; i++) store.add(nominee(i));
    expect(store.spilled).toBe(true);
    expect(fs.readdirSync(spillDir)).toEqual([]);
    let i = 0;
    for (const [name, movement] of store.texts()) {
      const n = nominee(i++);
      if (name !== n.name || movement !== (n.movement ?? null)) expect([name, movement]).toEqual([n.name, n.movement ?? null]);
    }
    expect(i).toBe(N);
  });

  it('give the page the CLI makes of them when its store spills them to a file', async () => {
    const [memory, file] = [new Nominees(), new NomineeStore()];
    for (let i = 0; i < N; i++) {
      memory.add(nominee(i));
      file.add(nominee(i));
    }
    try {
      expect(fs.readdirSync(spillDir)).toHaveLength(1);
      const opts = { ruleSet, profiles: [], lang: 'vi' as const };
      const page = Buffer.from(await reportBytes(result, 'html', { ...opts, nominees: memory, generator: GENERATOR })).toString('utf8');
      expect(page).toBe([...reportHtml(buildReport(result, { ...opts, nominees: file }))].join(''));
      const list = JSON.parse(/<script type="application\/json" id="list-data">(.*?)<\/script>/s.exec(page)![1]) as { rows: unknown[][] };
      expect(list.rows).toHaveLength(N);
      const status = LIST_HEADERS.indexOf('status');
      expect(list.rows.filter((r) => r[status] === 2)).toHaveLength(3);
    } finally {
      file.close();
    }
    expect(fs.readdirSync(spillDir)).toEqual([]);
  });
});
