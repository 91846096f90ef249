/**
 * The globals Node.js code expects, for the browser build (esbuild's `inject`: a free `Buffer`
 * or `process` in any bundled module is this one). `process.env` is empty: no HOSO_* variable
 * means anything in the page, and the pack cache is off (see scripts/build-web.ts's define).
 */
export { Buffer } from './buffer-class.js';
// @ts-expect-error: the `process` package ships no types; its browser build is the object Node code expects.
export { default as process } from 'process/browser.js';
export { setImmediate, clearImmediate } from './immediate.js';
