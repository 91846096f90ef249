/**
 * The browser build (`npm run build`, after tsc): the same engine, readers and formats as the
 * command line, bundled by esbuild for the offline page (`hoso web`), with Node's built-ins
 * replaced by shims (src/web/shims/) and polyfill packages. Writes dist/web/:
 *
 *   engine.js      the Web Worker: the library API and everything under it
 *   page.js        the page's own script (the UI)
 *   page.css       its style
 *   template.html  the page, with places for the above, the packs and the policy
 *   hoso.html      the page assembled with the bundled packs, as `hoso web` assembles it
 *
 * esbuild is a devDependency: the installed package ships these prebuilt, and `hoso web` only
 * assembles them (src/cli/web-page.ts).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { assemblePage, readPieces, webDir } from '../src/cli/web-page.js';
import { VERSION } from '../src/version.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = path.join(ROOT, 'src', 'web');
const OUT = webDir();
const require = createRequire(path.join(ROOT, 'package.json'));

/** Node's built-ins the bundled code imports, by name (with or without `node:`): a shim of ours or a polyfill package's file. */
const SHIMS: Record<string, string> = {
  fs: path.join(SRC, 'shims', 'fs.ts'),
  'fs/promises': path.join(SRC, 'shims', 'fs-promises.ts'),
  os: path.join(SRC, 'shims', 'os.ts'),
  crypto: path.join(SRC, 'shims', 'crypto.ts'),
  worker_threads: path.join(SRC, 'shims', 'worker-threads.ts'),
  url: path.join(SRC, 'shims', 'url.ts'),
  module: path.join(SRC, 'shims', 'module.ts'),
  zlib: path.join(SRC, 'shims', 'zlib.ts'),
  util: path.join(SRC, 'shims', 'util.ts'),
  'node:buffer': path.join(SRC, 'shims', 'buffer.ts'),
  // Bare `buffer` is also the polyfill package's own name: CommonJS code asking for it gets the package.
  buffer: require.resolve('buffer/index.js'),
  path: require.resolve('path-browserify/index.js'),
  stream: require.resolve('readable-stream/lib/ours/browser.js'),
  events: require.resolve('events/events.js'),
  string_decoder: require.resolve('string_decoder/lib/string_decoder.js'),
};

const BUILTIN = new RegExp(`^(node:)?(${Object.keys(SHIMS).map((k) => k.replace(/^node:/, '').replace('/', '\\/')).join('|')})$`);

const nodeBuiltins: esbuild.Plugin = {
  name: 'node-builtins',
  setup(build) {
    build.onResolve({ filter: BUILTIN }, (args) => {
      const shim = SHIMS[args.path] ?? SHIMS[args.path.replace(/^node:/, '')];
      return { path: shim };
    });
    // iconv-lite is loaded for Windows-1258 alone (read/csv.ts): its double-byte code pages (Chinese,
    // Japanese, Korean; 450 KB of tables) are left out of the page.
    build.onResolve({ filter: /^\.\/dbcs-data$/ }, (args) => (args.importer.includes(`${path.sep}iconv-lite${path.sep}`) ? { path: 'dbcs-data', namespace: 'hoso' } : undefined));
    build.onLoad({ filter: /^dbcs-data$/, namespace: 'hoso' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    // The bundled packs are read from rules/ on Node (src/rules/bundled.ts); the page carries their texts.
    build.onResolve({ filter: /\/bundled\.js$/ }, (args) => (path.resolve(args.resolveDir, args.path) === path.join(ROOT, 'src', 'rules', 'bundled.js') ? { path: 'bundled', namespace: 'hoso' } : undefined));
    build.onLoad({ filter: /^bundled$/, namespace: 'hoso' }, () => {
      const dir = path.join(ROOT, 'rules');
      const packs = fs.readdirSync(dir).sort().filter((f) => /\.ya?ml$/i.test(f)).map((f) => ({ name: `rules/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
      return { contents: `const packs = ${JSON.stringify(packs)};\nexport function bundledPacks() { return packs; }`, loader: 'js', watchFiles: packs.map((p) => path.join(ROOT, p.name)) };
    });
    // hoso's version is read from package.json at start-up on Node; the page is given it.
    build.onResolve({ filter: /\/version\.js$/ }, (args) => (args.importer.startsWith(path.join(ROOT, 'src')) ? { path: 'version', namespace: 'hoso' } : undefined));
    build.onLoad({ filter: /^version$/, namespace: 'hoso' }, () => ({ contents: `export const VERSION = ${JSON.stringify(VERSION)}; export const GENERATOR = ${JSON.stringify(`hoso-lint ${VERSION}`)};`, loader: 'js' }));
  },
};

const common: esbuild.BuildOptions = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // Current Chromium/Edge and Firefox (the issue's browsers), a few years back.
  target: ['chrome109', 'edge109', 'firefox115'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
  absWorkingDir: ROOT,
  // Uncompiled TypeScript sources, as the tests run them: `.js` in an import names the `.ts` beside it.
  resolveExtensions: ['.ts', '.js', '.json'],
};

async function bundle(entry: string, options: esbuild.BuildOptions = {}): Promise<string> {
  const result = await esbuild.build({ ...common, entryPoints: [entry], ...options, metafile: Boolean(process.env.HOSO_WEB_META) });
  if (result.metafile) fs.writeFileSync(path.join(OUT, `${path.basename(entry, '.ts')}.meta.json`), JSON.stringify(result.metafile));
  return result.outputFiles![0].text;
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const engine = await bundle(path.join(SRC, 'worker.ts'), {
    plugins: [nodeBuiltins],
    inject: [path.join(SRC, 'shims', 'globals.ts')],
    define: {
      // No pack cache in the page (it lives in a home folder), and no file URL to find the package by.
      'process.env.HOSO_NO_CACHE': '"1"',
      'import.meta.url': '"file:///hoso-lint/engine.js"',
      global: 'globalThis',
    },
  });
  const page = await bundle(path.join(SRC, 'page', 'main.ts'));
  const css = (await esbuild.build({ ...common, entryPoints: [path.join(SRC, 'page.css')], loader: { '.css': 'css' } })).outputFiles![0].text;
  fs.writeFileSync(path.join(OUT, 'engine.js'), engine);
  fs.writeFileSync(path.join(OUT, 'page.js'), page);
  fs.writeFileSync(path.join(OUT, 'page.css'), css);
  fs.copyFileSync(path.join(SRC, 'template.html'), path.join(OUT, 'template.html'));
  // The page the npm package ships: the bundled packs, no profile chosen, Vietnamese.
  fs.writeFileSync(path.join(OUT, 'hoso.html'), assemblePage(readPieces(OUT), { lang: 'vi', profiles: [], defaultRules: true, rules: [] }));
}

main().catch((e: unknown) => {
  process.stderr.write(`build-web: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
