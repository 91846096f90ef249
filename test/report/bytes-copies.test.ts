/**
 * The annotated copies made from bytes (report/bytes.ts), as a page makes them: for every
 * workbook of fixtures/fidelity and fixtures/vi-du (and the example CSV), the copy equals the one
 * `hoso check --annotate` writes, part for part once inflated, under the same name — checked as a
 * folder (findings across files, names planned together) and, for the fidelity workbooks, each
 * alone as test/report/fidelity.test.ts checks it, so that each copy made from bytes is one the
 * fidelity suite holds to its checks; the parts it keeps are the input's stored bytes; fflate's
 * deflater and Node's give the same parts; and a damaged input is refused with the reason a copy
 * made from its file gets.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readZip, type ReadPart } from '../../scripts/fixture-kit/zip.js';
import { describeInputError } from '../../src/cli/i18n.js';
import { checkPaths, type CheckResult } from '../../src/engine/check.js';
import { writeCopy } from '../../src/report/annotate/copies.js';
import { annotateBytes, annotateCopies } from '../../src/report/bytes.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';
import { InputError } from '../../src/read/types.js';
import { GENERATOR } from '../../src/version.js';
import { nodeDeflater } from '../../src/write/zip-node.js';
import { gathered, portableDeflater } from '../../src/write/zip.js';
import { hoso, type Report } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 300_000 });

const FOLDERS = ['fixtures/fidelity', 'fixtures/vi-du'];
const packFiles = expandPackPaths([bundledRulesDir()]);
const ruleSet = loadRuleSet(packFiles);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Run {
  folder: string;
  /** The check of the folder in this process, as the page's worker would make it. */
  result: CheckResult;
  /** The CLI's JSON report and its copies, by name relative to the annotate folder. */
  report: Report;
  cliCopies: Map<string, Buffer>;
  inputs: { name: string; data: Uint8Array }[];
  /** The inputs' digests before the copies were made from them. */
  before: string[];
  copies: { name: string; data: Uint8Array }[];
  failed: { file: string; reason: string }[];
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-bytes-copies-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const runs = new Map<string, Run>();

beforeAll(async () => {
  for (const folder of FOLDERS) {
    const out = path.join(tmp, path.basename(folder));
    const cli = await hoso(['check', folder, '-f', 'json', '--annotate', out]);
    const cliCopies = new Map((fs.readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[]).map((f) => [f.split(path.sep).join('/'), fs.readFileSync(path.join(out, f))]));
    const result = await checkPaths([folder], { ruleSet, packFiles, profiles: [], lang: 'vi', purpose: 'auto' });
    const inputs = [...new Set(result.sheets.map((s) => s.file))].map((name) => ({ name, data: new Uint8Array(fs.readFileSync(name)) }));
    const before = inputs.map((i) => sha(i.data));
    // fflate's deflater, as in a page.
    const made = await annotateCopies(result, inputs, { lang: 'vi', generator: GENERATOR, deflater: portableDeflater, folders: [folder] });
    runs.set(folder, { folder, result, report: JSON.parse(cli.stdout) as Report, cliCopies, inputs, before, ...made });
  }
});

/** The parts of a zip as name → inflated text or bytes, in the zip's order. */
const partsOf = (zip: Uint8Array) => readZip(Buffer.from(zip)).map((p) => [p.name, p.data.toString('latin1')] as const);

describe.each(FOLDERS)('the copies of %s made from bytes', (folder) => {
  const run = () => runs.get(folder)!;

  it('come from the same check as the CLI’s: the same findings', () => {
    expect(JSON.parse(JSON.stringify(run().result.findings))).toEqual(run().report.findings);
    expect(run().report.findings.length).toBeGreaterThan(0);
  });

  it('are one for each file read, under the names --annotate gives them, none failed', () => {
    expect(run().failed).toEqual([]);
    expect(run().copies.map((c) => c.name).sort()).toEqual([...run().cliCopies.keys()].sort());
    expect(run().copies.length).toBe(run().inputs.length);
  });

  it('equal the CLI’s copies part for part, in the same order, once inflated', () => {
    for (const copy of run().copies) {
      const cli = run().cliCopies.get(copy.name)!;
      expect(partsOf(copy.data), copy.name).toEqual(partsOf(cli));
    }
  });

  it('store every part they keep as the input stores it, never inflated and deflated again', () => {
    const copyOf = new Map(run().copies.map((c) => [c.name, c.data]));
    const names = [...copyOf.keys()];
    for (const input of run().inputs.filter((i) => i.name.endsWith('.xlsx'))) {
      const name = names.find((n) => path.basename(n) === path.basename(input.name))!;
      const original = new Map(readZip(Buffer.from(input.data)).map((p) => [p.name, p]));
      const kept = readZip(Buffer.from(copyOf.get(name)!)).filter((p) => original.get(p.name)?.data.equals(p.data));
      // Every fixture's copy keeps some: its theme, its core properties, its shared strings at least.
      expect(kept.length, name).toBeGreaterThanOrEqual(3);
      const stored = (p: ReadPart) => [p.name, p.method, sha(p.stored)];
      expect(kept.map(stored), name).toEqual(kept.map((p) => stored(original.get(p.name)!)));
    }
  });

  it('leave the inputs’ bytes as they were, and open in exceljs', async () => {
    expect(run().inputs.map((i) => sha(i.data))).toEqual(run().before);
    for (const copy of run().copies) await new ExcelJS.Workbook().xlsx.load(Buffer.from(copy.data) as unknown as ExcelJS.Buffer);
  });
});

describe('each fidelity workbook checked alone, as the fidelity suite checks it', () => {
  const files = fs.readdirSync('fixtures/fidelity').map((f) => path.join('fixtures/fidelity', f));

  it.each(files)('%s: its copy made from bytes is the CLI’s, part for part', async (file) => {
    const out = path.join(tmp, 'alone', path.basename(file, '.xlsx'));
    const cli = await hoso(['check', file, '-f', 'json', '--annotate', out]);
    expect(cli.stderr).toBe('');
    const result = await checkPaths([file], { ruleSet, packFiles, profiles: [], lang: 'vi', purpose: 'auto' });
    expect(JSON.parse(JSON.stringify(result.findings))).toEqual((JSON.parse(cli.stdout) as Report).findings);
    const { copies, failed } = await annotateCopies(result, [{ name: file, data: new Uint8Array(fs.readFileSync(file)) }], { lang: 'vi', generator: GENERATOR, deflater: portableDeflater });
    expect(failed).toEqual([]);
    expect(copies.map((c) => c.name)).toEqual([path.basename(file)]);
    expect(partsOf(copies[0].data)).toEqual(partsOf(fs.readFileSync(path.join(out, path.basename(file)))));
  });
});

describe('the two deflaters', () => {
  it('make copies and workbooks with the same parts, framed differently', async () => {
    const { result, inputs } = runs.get('fixtures/vi-du')!;
    for (const input of inputs) {
      const findings = result.findings.filter((f) => f.file === input.name);
      const make = (deflater: typeof portableDeflater) => annotateBytes(input, findings, { lang: 'en', generator: GENERATOR, deflater });
      const [portable, node] = [await make(portableDeflater), await make(nodeDeflater)];
      expect(partsOf(portable), input.name).toEqual(partsOf(node));
      // Else the two would be one deflater, and this test would hold of anything.
      expect(sha(portable), input.name).not.toBe(sha(node));
    }
  });

  it('is Node’s by default on Node', async () => {
    const { result, inputs } = runs.get('fixtures/vi-du')!;
    const input = inputs[0];
    const findings = result.findings.filter((f) => f.file === input.name);
    const opts = { lang: 'vi', generator: GENERATOR } as const;
    expect(sha(await annotateBytes(input, findings, opts))).toBe(sha(await annotateBytes(input, findings, { ...opts, deflater: nodeDeflater })));
  });
});

describe('a damaged input given as bytes', () => {
  const bad = [
    ...fs.readdirSync('fixtures/bad').filter((f) => /\.xlsx$/.test(f)),
    ...fs.readdirSync('fixtures/bad/csv').map((f) => `csv/${f}`),
  ].map((f) => path.join('fixtures/bad', f));

  /**
   * The copy made from the file or from its bytes: its digest (not its parts: a bomb's sheet,
   * which a copy without findings keeps as it is stored, inflates to a GiB), or the line saying
   * why there is none.
   */
  const outcome = async (file: string, bytes: boolean) => {
    const opts = { lang: 'vi', generator: GENERATOR, deflater: portableDeflater } as const;
    try {
      const data = bytes ? await annotateBytes({ name: file, data: new Uint8Array(fs.readFileSync(file)) }, [], opts) : await gathered((sink) => writeCopy(sink, { file }, [], opts));
      return sha(data);
    } catch (e) {
      expect(e, `${file}: ${(e as Error).stack}`).toBeInstanceOf(InputError);
      return describeInputError(e as InputError, 'vi');
    }
  };

  it.each(bad)('%s: is refused with the reason its file gets, or copied as from its file', async (file) => {
    const [fromFile, fromBytes] = [await outcome(file, false), await outcome(file, true)];
    expect(fromBytes).toEqual(fromFile);
  });

  it('is refused for the reasons a check gives: empty, not a zip, an Excel 97 or password-protected file, a cut zip, two entries for one part', async () => {
    const files = ['rong', 'khong-phai-xlsx', 'excel-97-doi-ten', 'mat-khau', 'cat-cut', 'phan-trung-ten'].map((f) => `fixtures/bad/${f}.xlsx`);
    const cli = await hoso(['check', ...files]);
    expect(cli.stderr.trim().split('\n')).toHaveLength(files.length);
    for (const file of files) expect(cli.stderr.split('\n'), file).toContain(`hoso: ${await outcome(file, true)}`);
  });
});
