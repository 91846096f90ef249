import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { growCsv } from '../support/big-csv.js';
import { checkPaths, type NomineeRecord } from '../../src/engine/check.js';
import type { FileReply } from '../../src/engine/parallel.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));

describe('the nominees a batch report lists', () => {
  it('records every nominee of a folder with its place, unit, kind and field, only when asked', async () => {
    const result = await checkPaths(['fixtures/vi-du'], { ruleSet, profiles: [], lang: 'vi', collectNominees: true });
    expect(result.nominees).toHaveLength(result.rows);
    expect(result.rows).toBe(29);
    const units = new Set(result.nominees!.map((n) => n.unit));
    // The consolidated CSV names two submitting units of its own.
    expect(units.size).toBeGreaterThanOrEqual(5);
    for (const n of result.nominees!) {
      expect(n.name).not.toBe('');
      expect(['tap-the', 'ca-nhan', 'ho-gia-dinh']).toContain(n.kind);
      expect(n.row).toBeGreaterThan(1);
    }
    const plain = await checkPaths(['fixtures/vi-du'], { ruleSet, profiles: [], lang: 'vi' });
    expect(plain.nominees).toBeUndefined();
  });

  it('hands each nominee to a function in file and row order instead of keeping them, also when files come back as replies', async () => {
    // A large file first: with a cache it is checked in its turn, streaming, after the small ones were checked ahead.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-nominees-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.cpSync('fixtures/vi-du', dir, { recursive: true });
    fs.renameSync(path.join(dir, 'xa-dak-pne-tong-hop.csv'), path.join(dir, 'a-lon.csv'));
    growCsv(path.join(dir, 'a-lon.csv'));
    const kept = (await checkPaths([dir], { ruleSet, profiles: [], lang: 'vi', collectNominees: true })).nominees!;
    expect(kept.length).toBeGreaterThan(15_000);
    expect(path.basename(kept[0].file)).toBe('a-lon.csv');
    const handed: NomineeRecord[] = [];
    const streamed = await checkPaths([dir], { ruleSet, profiles: [], lang: 'vi', collectNominees: (n) => handed.push(n) });
    expect(streamed.nominees).toBeUndefined();
    expect(handed).toEqual(kept);
    // With a cache, each file is checked ahead of its turn and its nominees come back with its reply.
    const replies = new Map<string, FileReply>();
    const cache = { prepare: async () => {}, get: (f: string) => replies.get(f), set: (f: string, r: FileReply) => void replies.set(f, r), forget: () => {} };
    for (const round of ['cold', 'warm']) {
      const fromReplies: NomineeRecord[] = [];
      const result = await checkPaths([dir], { ruleSet, profiles: [], lang: 'vi', cache, collectNominees: (n) => fromReplies.push(n) });
      expect(fromReplies, round).toEqual(kept);
      expect(result.findings, round).toEqual(streamed.findings);
    }
    // The large file is never cached: it is checked again, in its turn.
    expect([...replies.keys()].map((f) => path.basename(f)).sort()).toEqual(['cong-ty-nong-san.xlsx', 'phong-gd-dt.xlsx', 'xa-dak-to-lung.xlsx']);
  });
});
