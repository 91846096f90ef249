/**
 * Fuzzing: valid workbooks and CSV files mutated at random (bytes flipped, cut, spliced; cells
 * and rows changed; zip parts dropped, duplicated or emptied) are checked in this process by the
 * engine, which must end with findings or InputErrors and nothing else escaping, in bounded time.
 * `npm test` runs a few dozen cases; HOSO_FUZZ_RUNS=2000 runs more.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/engine/check.js';
import { InputError } from '../../src/read/types.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet, type RuleSet } from '../../src/rules/load.js';
import { editZip, readZip, writeZip } from '../../scripts/fixture-kit/zip.js';
import { FIXTURES } from '../support/cli.js';

const RUNS = Number(process.env.HOSO_FUZZ_RUNS ?? 40);
/** Each case must end well within this: a hang is a failure, not a slow test. */
const CASE_TIMEOUT = 10_000;

let tmp: string;
let ruleSet: RuleSet;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-fuzz-'));
  ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const XLSX = fs.readFileSync(path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx'));
const CSV = fs.readFileSync(path.join(FIXTURES, 'csv', 'dau-phay-bom.csv'));

/** Byte-level damage: flips, cuts, splices and repeats. */
const byteMutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 512 }), times: fc.integer({ min: 1, max: 50 }) }),
);
type ByteMutation = typeof byteMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateBytes(buf: Buffer, muts: ByteMutation[]): Buffer {
  let b = Buffer.from(buf);
  for (const m of muts) {
    if (b.length === 0) break;
    const at = m.at % b.length;
    if (m.kind === 'flip') b[at] = m.value;
    else if (m.kind === 'cut') b = b.subarray(0, at);
    else if (m.kind === 'splice') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    else b = Buffer.concat([b.subarray(0, at), ...Array(m.times).fill(b.subarray(at, at + m.length)), b.subarray(at)]);
  }
  return b;
}

/** Structure-level damage to a workbook: parts dropped, emptied, or their XML text damaged. */
const partMutation = fc.record({
  part: fc.nat(),
  kind: fc.constantFrom('drop', 'empty', 'cut', 'garble', 'cell'),
  at: fc.nat(),
  text: fc.string({ maxLength: 40 }),
});
type PartMutation = typeof partMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateParts(buf: Buffer, muts: PartMutation[]): Buffer {
  let zip = buf;
  for (const m of muts) {
    const names = readZip(zip).map((p) => p.name);
    const target = names[m.part % names.length];
    zip = editZip(zip, (name, text) => {
      if (name !== target) return undefined;
      const at = m.at % Math.max(1, text.length);
      if (m.kind === 'drop') return null;
      if (m.kind === 'empty') return '';
      if (m.kind === 'cut') return text.slice(0, at);
      if (m.kind === 'garble') return text.slice(0, at) + m.text + text.slice(at);
      // A cell's text replaced (escaped, so the XML stays well-formed).
      const esc = m.text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      let n = 0;
      return text.replace(/<t(?: [^>]*)?>[^<]*<\/t>/g, (t) => (n++ === m.at % 50 ? `<t>${esc}</t>` : t));
    });
  }
  return zip;
}

/** Checks one file in this process: only findings or InputErrors may come out. */
async function checkOne(name: string, data: Buffer): Promise<void> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${name} took more than ${CASE_TIMEOUT} ms`)), CASE_TIMEOUT);
  });
  try {
    const result = await Promise.race([checkPaths([file], { ruleSet, profiles: [], lang: 'vi', limits: { maxRows: 50_000 } }), timeout]);
    for (const e of result.inputErrors) {
      expect(e).toBeInstanceOf(InputError);
      expect(e.code).toMatch(/^[a-z-]+$/);
      expect(e.message.length).toBeGreaterThan(0);
    }
    const exit = result.inputErrors.length ? 2 : result.findings.some((f) => f.severity === 'error') ? 1 : 0;
    expect([0, 1, 2]).toContain(exit);
  } finally {
    clearTimeout(timer);
    fs.rmSync(file, { force: true });
  }
}

describe('fuzzing: mutated inputs end with findings or a reason, never a crash or a hang', () => {
  it(`.xlsx with damaged bytes (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 4 }), (muts) => checkOne('bytes.xlsx', mutateBytes(XLSX, muts))),
      { numRuns: RUNS, seed: process.env.HOSO_FUZZ_SEED ? Number(process.env.HOSO_FUZZ_SEED) : undefined },
    );
  }, 120_000 + RUNS * 1000);

  it(`.xlsx with damaged parts and cells (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(partMutation, { minLength: 1, maxLength: 3 }), (muts) => checkOne('parts.xlsx', mutateParts(XLSX, muts))),
      { numRuns: RUNS },
    );
  }, 120_000 + RUNS * 1000);

  it(`.csv with damaged bytes (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 4 }), (muts) => checkOne('bytes.csv', mutateBytes(CSV, muts))),
      { numRuns: RUNS },
    );
  }, 120_000 + RUNS * 1000);

  it('the zip writer used to damage workbooks round-trips an intact one', () => {
    const parts = readZip(XLSX);
    expect(readZip(writeZip(parts)).map((p) => p.data.length)).toEqual(parts.map((p) => p.data.length));
  });
});
