/**
 * The offline page, assembled: the prebuilt pieces of dist/web/ (scripts/build-web.ts makes them;
 * esbuild is not needed here) and the settings a province bakes into it — its packs' texts, the
 * profiles chosen, the language — in one HTML file with nothing to fetch. Its Content-Security-
 * Policy forbids every request: scripts and style only by their hashes, the worker only from the
 * blob the page makes of the engine's text, downloads by blob: URLs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../engine/types.js';
import { packageRoot } from '../package-root.js';
import { VERSION } from '../version.js';

/** What the page is baked with: read by its script from the page itself (src/web/page/baked.ts). */
export interface Baked {
  lang: Lang;
  /** Profiles chosen when the page opens (`--profile` and the config's `profiles`). */
  profiles: string[];
  /** Whether the bundled packs, which the engine carries, are loaded (`--no-default-rules`, the config's `default-rules`). */
  defaultRules: boolean;
  /** Packs after the bundled ones (the config's `rules` and `--rules`), as texts. */
  rules: { name: string; text: string }[];
  /** The config's settings that judge a dossier (severity, purpose), as a config's text. */
  config?: { name: string; text: string };
}

export interface PagePieces {
  engine: string;
  page: string;
  css: string;
  template: string;
}

export function webDir(): string {
  return path.join(packageRoot(), 'dist', 'web');
}

export function readPieces(dir = webDir()): PagePieces {
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  return { engine: read('engine.js'), page: read('page.js'), css: read('page.css'), template: read('template.html') };
}

/**
 * Data inside a <script> element: JSON with every `<` escaped, so that no `</script>` or `<!--`
 * in a pack's text or the engine's can end or confuse the element.
 */
function scriptData(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy: nothing from anywhere, the page's one script and style by hash, its worker from a blob. */
export function pagePolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    'worker-src blob:',
    "connect-src 'none'",
    'img-src data:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function assemblePage(pieces: PagePieces, baked: Baked): string {
  // The page's script runs inline: it must not hold what would end its element early.
  if (/<\/script|<!--/i.test(pieces.page)) throw new Error('page.js holds "</script" or "<!--"');
  const values: Record<string, string> = {
    lang: baked.lang,
    version: VERSION,
    csp: pagePolicy(pieces.page, pieces.css),
    style: pieces.css,
    baked: scriptData(baked),
    engine: scriptData(pieces.engine),
    script: pieces.page,
  };
  // One pass, so that no piece's text is taken for another's place.
  return pieces.template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
