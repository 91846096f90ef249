/** `hoso.config.yaml`: packs, profiles and severity overrides for a folder of dossiers. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { schemas, type Config } from '../rules/schema.js';
import { parseYamlFile, type TextFile } from '../rules/load.js';
import { CONFIG_NAME } from '../read/inputs.js';

/** The nearest hoso.config.yaml from `dir` upward, if any. */
export function findConfig(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const candidate = path.join(d, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * How a config file (or a pack) is named to the user: relative to the current folder when inside it,
 * otherwise in full — a config found in a parent folder (a home or a shared temporary folder) is
 * exactly the one the user should see the whole path of.
 */
export function pathLabel(file: string, cwd = process.cwd()): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/**
 * A config file, or a config given as text (the library's): its mistakes name its name. Pack paths,
 * profile globs and history paths are relative to the config file, not to where hoso runs; a text
 * is in no folder, so they are relative to where the files checked are named from (the current
 * folder, to which the names of files given as bytes are relative too).
 */
export function loadConfig(file: string | TextFile): Config & { base: string } {
  const { data } = typeof file === 'string' ? parseYamlFile(file, schemas().Config) : parseYamlFile(file.name, schemas().Config, file.text);
  // '' is the current folder to path.relative and path.resolve, without asking for it (a browser has none).
  const base = typeof file === 'string' ? path.dirname(path.resolve(file)) : '';
  const history = data.history && { ...data.history, paths: data.history.paths.map((p) => path.resolve(base, p)) };
  return { ...data, base, rules: data.rules.map((r) => path.resolve(base, r)), history };
}
