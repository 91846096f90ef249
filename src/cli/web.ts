/**
 * `hoso web -o hoso.html`: the offline page, baked with the packs, profiles and language in force
 * — loaded and validated as `check` loads them, so a bad pack stops here with its file:line:key,
 * not in an officer's browser. The page is assembled from the prebuilt pieces the package ships
 * (web-page.ts); it is written atomically, never over a pack or config it was made from.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang, Severity } from '../engine/types.js';
import type { ConfigPurpose } from '../engine/purpose.js';
import { lazyRequire } from '../lazy.js';
import { bundledRulesDir, expandPackPaths, type RuleSet } from '../rules/load.js';
import { assemblePage, readPieces, webDir, type Baked } from './web-page.js';
import { InputGuard, writeAtomic } from './output.js';
import { warn } from './say.js';
import { UsageError } from '../errors.js';

const yaml = lazyRequire<typeof import('yaml')>('yaml');

/** What `hoso web` takes of the settings in force (main.ts's setup, as `check` has them). */
export interface WebSettings {
  ruleSet: RuleSet;
  /** The packs in force, the bundled ones first unless left out (--no-default-rules, the config's `default-rules`). */
  packFiles: string[];
  profiles: string[];
  lang: Lang;
  severity: Record<string, Severity | 'off'>;
  purpose: ConfigPurpose;
  /** The config in force, as the reports name it, and its file. */
  config?: string;
  configFile?: string;
  /** The config's profiles for folders and globs, and its ignore patterns first: they name paths a page never sees. */
  profileMap?: { map: Record<string, string[]> };
  ignores: { patterns: string[] }[];
  /** The past decision lists in force (the config's `history.paths`): files a page has not. */
  history?: { paths: unknown[] };
}

const NOT_IN_PAGE = {
  vi: (keys: string) => `trang không dùng ${keys} của tệp cấu hình: chúng chỉ các thư mục, tệp trên máy này`,
  en: (keys: string) => `the page does not use the config's ${keys}: they name folders and files on this computer`,
};

/** Each pack by its file name, or by its path where two share a name: what load errors and explain call it in the page. */
function packNames(files: string[]): string[] {
  const base = files.map((f) => path.basename(f));
  return files.map((f, i) => (base.indexOf(base[i]) === base.lastIndexOf(base[i]) ? base[i] : path.relative(process.cwd(), f).split(path.sep).join('/')));
}

function bakedSettings(s: WebSettings): Baked {
  // The bundled packs travel in the engine (built from the same rules/) and come first when in force;
  // the others go as their texts (a bundled pack named with --rules too).
  const bundled = expandPackPaths([bundledRulesDir()]);
  const defaultRules = bundled.length > 0 && bundled.every((f, i) => s.packFiles[i] === f);
  const own = defaultRules ? s.packFiles.slice(bundled.length) : s.packFiles;
  const names = packNames(own);
  const rules = own.map((f, i) => ({ name: names[i], text: readFileSync(f, 'utf8') }));
  const judged = { ...(Object.keys(s.severity).length ? { severity: s.severity } : {}), ...(s.purpose !== 'auto' ? { purpose: s.purpose } : {}) };
  // Named whenever one is in force, as the CLI's report names it, even when nothing of it judges a dossier.
  const config = s.config ? { name: s.config, text: yaml().stringify(judged) } : undefined;
  return { lang: s.lang, profiles: s.profiles, defaultRules, rules, ...(config ? { config } : {}) };
}

export async function writePage(s: WebSettings, target: string): Promise<void> {
  // An unknown profile is refused here, as `check` refuses it, not in the officer's browser.
  (await import('../engine/check.js')).activeRules(s.ruleSet, s.profiles, s.severity);
  if (!existsSync(path.join(webDir(), 'engine.js'))) throw new UsageError(`thiếu các phần dựng sẵn của trang trong ${webDir()} (chạy npm run build)`, `the page's prebuilt pieces are missing from ${webDir()} (run npm run build)`);
  const unused = [
    ...(Object.keys(s.profileMap?.map ?? {}).length ? ['profiles-for'] : []),
    ...(s.configFile && s.ignores[0]?.patterns.length ? ['ignores'] : []),
    ...(s.history?.paths.length ? ['history'] : []),
  ];
  if (unused.length) warn(NOT_IN_PAGE[s.lang](unused.join(', ')));
  new InputGuard([...s.packFiles, ...(s.configFile ? [s.configFile] : [])]).assertNot(target);
  writeAtomic(target, assemblePage(readPieces(), bakedSettings(s)));
}
