import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it, vi } from 'vitest';
import { pathToUri, sarif } from '../../src/format/sarif.js';
import { joined } from '../../src/format/types.js';
import { hoso, ROOT, type Report } from '../support/cli.js';
import { cellFinding, ctx, groupFinding, infoFinding, resultOf, ruleSet } from './sample.js';

vi.setConfig({ testTimeout: 60_000 });

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/data/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Log = any;

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('-f sarif', () => {
  it('is valid SARIF 2.1.0 for the example folder and says what -f json says, at the same cells', async () => {
    const [s, j] = await Promise.all([hoso(['check', 'fixtures/vi-du', '-f', 'sarif']), hoso(['check', 'fixtures/vi-du', '-f', 'json'])]);
    expect(s.code).toBe(1);
    const log: Log = JSON.parse(s.stdout);
    expectValid(log);
    const report: Report = JSON.parse(j.stdout);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'hoso', version });
    expect(run.results).toHaveLength(report.findings.length);
    report.findings.forEach((f, i) => {
      const r = run.results[i];
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.ruleId);
      expect(r).toMatchObject({ ruleId: f.ruleId, level: f.severity === 'info' ? 'note' : f.severity, message: { text: f.message } });
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe(f.file.split('/').map(encodeURIComponent).join('/'));
      if (f.row !== undefined) {
        expect(r.locations[0].physicalLocation.region).toEqual({ startLine: f.row, startColumn: f.column!.charCodeAt(0) - 64 });
        expect(r.locations[0].logicalLocations).toEqual([{ name: `${f.sheet}!${f.column}${f.row}`, kind: 'element' }]);
      }
    });
  });

  it('describes every rule in force: title, doc, source citation, tags and the level of its severity', () => {
    const log: Log = JSON.parse(joined(sarif(resultOf([cellFinding]), ctx)));
    expectValid(log);
    const rules = log.runs[0].tool.driver.rules;
    const antt = rules.find((r: { id: string }) => r.id === 'giao-duc/an-toan-antt');
    const compiled = ruleSet.rules.find((r) => r.rule.id === 'giao-duc/an-toan-antt')!.rule;
    expect(antt.shortDescription.text).toBe(typeof compiled.title === 'string' ? compiled.title : compiled.title.vi);
    expect(antt.help.text).toContain(compiled.source);
    expect(antt.properties.source).toBe(compiled.source);
    expect(antt.defaultConfiguration.level).toBe('error');
    const levels = new Set(rules.map((r: { defaultConfiguration: { level: string } }) => r.defaultConfiguration.level));
    expect([...levels].every((l) => ['error', 'warning', 'note'].includes(l as string))).toBe(true);
    // Profile rules are listed only when their profile is on; a rule turned off is not listed.
    const profileRule = ruleSet.rules.find((r) => r.rule.profile)!;
    expect(rules.some((r: { id: string }) => r.id === profileRule.rule.id)).toBe(false);
    const withProfile: Log = JSON.parse(joined(sarif(resultOf([]), { ...ctx, profiles: [profileRule.rule.profile!], severity: { 'giao-duc/an-toan-antt': 'off' } })));
    expect(withProfile.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain(profileRule.rule.id);
    expect(withProfile.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).not.toContain('giao-duc/an-toan-antt');
  });

  it('gives a finding without a row its file and the group as a logical location, and a note for info', () => {
    const log: Log = JSON.parse(joined(sarif(resultOf([groupFinding, infoFinding]), ctx)));
    expectValid(log);
    const [group, info] = log.runs[0].results;
    expect(group.locations[0]).toEqual({ physicalLocation: { artifactLocation: { uri: 'ho-so/xa-b.xlsx' } }, logicalLocations: [{ name: 'UBND XÃ B', kind: 'resource' }] });
    expect(group.level).toBe('warning');
    expect(info.level).toBe('note');
  });

  it('gives the findings reviewed suppressions accept after the others, each with an external suppression and its reason: still valid SARIF', () => {
    const accepted = { ...resultOf([cellFinding]), suppressed: { file: 'hoso-suppressions.json', findings: [{ ...groupFinding, reason: 'Sở chấp nhận' }, { ...infoFinding, reason: '' }] } };
    const log: Log = JSON.parse(joined(sarif(accepted, ctx)));
    expectValid(log);
    const results = log.runs[0].results;
    expect(results.map((r: { ruleId: string; suppressions?: unknown }) => [r.ruleId, r.suppressions])).toEqual([
      [cellFinding.ruleId, undefined],
      [groupFinding.ruleId, [{ kind: 'external', justification: 'Sở chấp nhận' }]],
      [infoFinding.ruleId, [{ kind: 'external' }]],
    ]);
    // Otherwise the same result as when it is not accepted.
    const plain: Log = JSON.parse(joined(sarif(resultOf([groupFinding]), ctx)));
    const { suppressions: _, ...rest } = results[1];
    expect(rest).toEqual(plain.runs[0].results[0]);
  });

  it('keeps partial fingerprints stable across runs and distinct between cells', () => {
    const fp = (f: typeof cellFinding) => JSON.parse(joined(sarif(resultOf([f]), ctx))).runs[0].results[0].partialFingerprints['hosoFinding/v1'];
    expect(fp(cellFinding)).toBe(fp({ ...cellFinding, message: 'lời khác' }));
    expect(fp(cellFinding)).not.toBe(fp({ ...cellFinding, row: 13 }));
    expect(fp(cellFinding)).not.toBe(fp({ ...cellFinding, column: 'I' }));
    expect(fp(cellFinding)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('writes paths as URI references: forward slashes, percent-encoded, a drive letter as file:', () => {
    expect(pathToUri('ho-so/xã đắk #1.xlsx')).toBe('ho-so/x%C3%A3%20%C4%91%E1%BA%AFk%20%231.xlsx');
    expect(pathToUri('ho-so\\a b.csv')).toBe('ho-so/a%20b.csv');
    expect(pathToUri('C:\\Ho so\\x.xlsx')).toBe('file:///C:/Ho%20so/x.xlsx');
    expect(pathToUri('/tmp/x.xlsx')).toBe('/tmp/x.xlsx');
    const log: Log = JSON.parse(joined(sarif(resultOf([{ ...cellFinding, file: 'C:\\Hồ sơ\\x [1].xlsx' }]), ctx)));
    expectValid(log);
  });
});
