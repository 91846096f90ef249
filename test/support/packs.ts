/** Loading a rule pack beside the bundled ones, as `--rules` does, for the tests of the loader. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { bundledRulesDir, expandPackPaths, loadRuleSet, PackError } from '../../src/rules/load.js';

export const bundledPacks = expandPackPaths([bundledRulesDir()]);

const dir = mkdtempSync(path.join(os.tmpdir(), 'hoso-packs-'));

/** The text written to a pack file of its own in a temporary folder; its path. */
export function packFile(text: string, name = `p${Math.random().toString(36).slice(2)}.yaml`): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** The PackError the loader throws for the pack `text` loaded after the bundled ones. */
export function refusedPack(text: string): PackError {
  try {
    loadRuleSet([...bundledPacks, packFile(text)]);
  } catch (e) {
    expect(e).toBeInstanceOf(PackError);
    return e as PackError;
  }
  throw new Error('the pack loaded');
}
