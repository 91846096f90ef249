/**
 * `--history <file or folder>` (repeatable) and the config's `history:` for `check` and `report`:
 * the office's past decision lists, read into the ledger the rules of streaks read (src/history/).
 * Their notes join the report's findings; a history file that cannot be read is an input error
 * like a dossier's (one line on stderr, exit 2), and the dossiers are still checked.
 */
import type { CheckResult } from '../engine/check.js';
import type { ResultCache } from '../engine/cache.js';
import type { Lang, Severity } from '../engine/types.js';
import type { IgnoreRules } from '../read/ignores.js';
import type { ReadLimits } from '../read/types.js';
import type { RuleSet } from '../rules/load.js';
import type { History } from '../history/read.js';
import { pathLabel } from './config.js';

/** The history in force: the config's paths (relative to it, shown as the user knows them) and --history's. */
export function historyPaths(config: { history?: { paths: string[] } } | undefined, given: string[] | undefined): string[] {
  return [...new Set([...(config?.history?.paths ?? []).map((p) => pathLabel(p)), ...(given ?? [])])];
}

export interface HistorySettings {
  ruleSet: RuleSet;
  lang: Lang;
  severity: Record<string, Severity | 'off'>;
  ignores: IgnoreRules[];
  units: Record<string, string>;
}

/** Reads the history, through the cache when one is open; nothing when no history is given. */
export async function readHistoryPaths(paths: string[], s: HistorySettings, limits: Partial<ReadLimits>, cache?: ResultCache): Promise<History | undefined> {
  if (paths.length === 0) return undefined;
  const { readHistory } = await import('../history/read.js');
  const history = await readHistory(paths, {
    ...s,
    limits,
    cache: cache && { part: (file) => cache.historyPart(file), keep: (file, part) => cache.keepHistory(file, part) },
  });
  // A changed decision list changes what the dossiers' rules find: their cached outcomes are keyed by it.
  if (cache) cache.salt = cache.historySalt(s.units);
  return history;
}

/** The history's notes among the findings (after the dossiers', as findings about other files are), its unreadable files among the inputs'. */
export function withHistory<R extends Pick<CheckResult, 'findings' | 'inputErrors'>>(result: R, history: History | undefined): R {
  if (!history) return result;
  for (const f of history.notes) result.findings.push(f);
  result.inputErrors.push(...history.errors);
  return result;
}
