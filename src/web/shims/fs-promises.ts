/** node:fs/promises in the browser build: every function throws (see unavailable.ts). */
import { promises } from './fs.js';

export const { open, readFile, writeFile, stat, readdir, mkdir, rm } = promises;
export default promises;
