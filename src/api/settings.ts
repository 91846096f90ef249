/**
 * The settings a check runs with — the config, the rule packs in force (bundled, the config's,
 * then those asked for), the profiles, the language, severity overrides and ignore patterns —
 * worked out in one place for the command line (a config found upward, packs as files) and the
 * library (a config and packs given as texts or paths, never looked up), so that both check alike.
 */
import type { Lang, Severity } from '../engine/types.js';
import type { CheckOptions } from '../engine/check.js';
import type { Given } from '../read/given.js';
import { expandPackPaths, loadRuleSet, type PackSource, type TextFile } from '../rules/load.js';
import { loadConfig } from '../cli/config.js';

export interface SettingsAsked<P extends PackSource, H extends Given = string> {
  /** The config in force, if any: a file or a text. */
  config?: string | TextFile;
  /** How reports name the config (the command line: its path as the user should see it). */
  configLabel?: string;
  /** false: no bundled pack (--no-default-rules); the config may also turn them off. */
  defaultRules: boolean;
  /** The bundled packs: their folder for the command line, their texts for the library. */
  bundled: () => P[];
  /** Packs after the bundled ones and the config's (--rules). */
  rules?: P[];
  profile?: string[];
  lang?: Lang;
  /** The language when neither `lang` nor the config gives one. */
  defaultLang: () => Lang;
  /** --ignore-pattern, relative to `base`. */
  ignorePattern?: string[];
  base: string;
  /** Past decision lists (--history), after the config's `history.paths`. */
  history?: H[];
  /** How a path the config names is shown in reports (the command line: as the user should see it). */
  pathLabel?: (file: string) => string;
}

/** Rule packs and settings in force: bundled packs, the config's, then those asked for. */
export function settingsOf<P extends PackSource, H extends Given = string>(asked: SettingsAsked<P, H>) {
  const config = asked.config ? loadConfig(asked.config) : undefined;
  const useDefault = asked.defaultRules && (config?.['default-rules'] ?? true);
  // The config's packs are paths (relative to it), whatever the bundled ones are.
  const files = expandPackPaths<P | string>([...(useDefault ? asked.bundled() : []), ...(config?.rules ?? []), ...(asked.rules ?? [])]);
  const ruleSet = loadRuleSet(files);
  const profiles = [...new Set([...(config?.profiles ?? []), ...(asked.profile ?? [])])];
  const lang: Lang = asked.lang ?? config?.lang ?? asked.defaultLang();
  const profileMap = config && { base: config.base, map: config['profiles-for'] };
  // The config's ignore patterns are relative to its folder, --ignore-pattern's to the current one.
  const ignores = [...(config ? [{ base: config.base, patterns: config.ignores }] : []), { base: asked.base, patterns: asked.ignorePattern ?? [] }];
  const severity = (config?.severity ?? {}) as Record<string, Severity | 'off'>;
  const history = historyOf(config?.history, asked);
  return { ignores, ruleSet, packFiles: files, profiles, profileMap, lang, severity, config: asked.configLabel, configFile: asked.config, purpose: config?.purpose ?? 'auto', ignoreColumns: config?.['ignore-columns'] ?? [], history };
}

export type Settings<P extends PackSource, H extends Given = Given> = ReturnType<typeof settingsOf<P, H>>;

/**
 * The history in force: the config's paths (relative to it, named as the user knows them), then
 * those asked for, a path given twice read once; and the units renamed since (history.units).
 */
function historyOf<H extends Given>(config: { paths: string[]; units: Record<string, string> } | undefined, asked: Pick<SettingsAsked<PackSource, H>, 'history' | 'pathLabel'>) {
  const label = asked.pathLabel ?? ((p: string) => p);
  const seen = new Set<string>();
  const paths = [...(config?.paths ?? []).map((p) => label(p)), ...(asked.history ?? [])].filter((p) => typeof p !== 'string' || (!seen.has(p) && seen.add(p)));
  return { paths, units: config?.units ?? {} };
}

/** What the engine needs of the settings, whatever runs it (threads, progress and limits are the caller's). */
export function engineOptionsOf(settings: Settings<PackSource>): Pick<CheckOptions, 'ignores' | 'ruleSet' | 'profiles' | 'profileMap' | 'lang' | 'severity' | 'purpose' | 'ignoreColumns'> {
  const { ruleSet, profiles, profileMap, lang, severity, ignores, purpose, ignoreColumns } = settings;
  return { ignores, ruleSet, profiles, profileMap, lang, severity, purpose, ignoreColumns };
}
