/**
 * node:module in the browser build. src/lazy.ts loads some CommonJS packages on first use with
 * createRequire; in the bundle each is a static import of its own, found in this table. A package
 * that is not here is not in the bundle: nothing on the page's path needs it (tinyglobby expands
 * glob patterns given on a command line), and asking for it says so.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const table: Record<string, () => unknown> = {
  'iconv-lite': () => require('iconv-lite'),
  picomatch: () => require('picomatch'),
  re2js: () => require('re2js'),
  yaml: () => require('yaml'),
  zod: () => require('zod'),
};

export function createRequire(_from: string | URL): (name: string) => unknown {
  return (name) => {
    const load = table[name];
    if (!load) throw new Error(`${name} is not in the browser page's bundle (src/web/shims/module.ts)`);
    return load();
  };
}
export default { createRequire };
