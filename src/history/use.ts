/**
 * The past decisions in force for a check — `--history` and the config's `history:` on the
 * command line, `history` in the library's request — read into the ledger the rules of streaks
 * read (see read.ts), the same way for both. Their notes join the report's findings; a history
 * file that cannot be read is an input error like a dossier's (one line on stderr, exit 2), and
 * the dossiers are still checked.
 */
import type { CheckResult } from '../engine/check.js';
import type { ResultCache } from '../engine/cache.js';
import type { Lang, Severity } from '../engine/types.js';
import type { Given } from '../read/given.js';
import type { IgnoreRules } from '../read/ignores.js';
import type { ReadLimits } from '../read/types.js';
import type { RuleSet } from '../rules/load.js';
import type { History } from './read.js';

/** The settings in force (api/settings.ts) the history is read with. */
export interface HistorySettings {
  ruleSet: RuleSet;
  lang: Lang;
  severity: Record<string, Severity | 'off'>;
  ignores: IgnoreRules[];
  ignoreColumns: string[];
  history: { paths: Given[]; units: Record<string, string> };
}

/** Reads the history, through the cache when one is open; nothing when no history is given. */
export async function readHistoryInForce(s: HistorySettings, limits: Partial<ReadLimits> | undefined, cache?: ResultCache): Promise<History | undefined> {
  const { paths, units } = s.history;
  if (paths.length === 0) return undefined;
  const { readHistory } = await import('./read.js');
  const { ruleSet, lang, severity, ignores, ignoreColumns } = s;
  const history = await readHistory(paths, {
    ruleSet,
    lang,
    severity,
    ignores,
    ignoreColumns,
    units,
    limits,
    cache: cache && { part: (file) => cache.historyPart(file), keep: (file, part) => cache.keepHistory(file, part) },
  });
  // A changed decision list changes what the dossiers' rules find: their cached outcomes are keyed by it.
  if (cache) cache.salt = cache.historySalt(units);
  return history;
}

/** The history's notes among the findings (after the dossiers', as findings about other files are), its unreadable files among the inputs'. */
export function withHistory<R extends Pick<CheckResult, 'findings' | 'inputErrors'>>(result: R, history: History | undefined): R {
  if (!history) return result;
  for (const f of history.notes) result.findings.push(f);
  result.inputErrors.push(...history.errors);
  return result;
}
