/** node:fs in the browser build: no file system, every function throws (see unavailable.ts). */
import { unavailable, unavailableAll } from './unavailable.js';

const m = 'node:fs';
export const closeSync = unavailable(m, 'closeSync');
export const createReadStream = unavailable(m, 'createReadStream');
export const createWriteStream = unavailable(m, 'createWriteStream');
export const existsSync = unavailable(m, 'existsSync');
export const fstatSync = unavailable(m, 'fstatSync');
export const fsyncSync = unavailable(m, 'fsyncSync');
export const lstatSync = unavailable(m, 'lstatSync');
export const mkdirSync = unavailable(m, 'mkdirSync');
export const mkdtempSync = unavailable(m, 'mkdtempSync');
export const openSync = unavailable(m, 'openSync');
export const readdirSync = unavailable(m, 'readdirSync');
export const readFileSync = unavailable(m, 'readFileSync');
export const readlinkSync = unavailable(m, 'readlinkSync');
export const readSync = unavailable(m, 'readSync');
export const realpathSync = unavailable(m, 'realpathSync');
export const renameSync = unavailable(m, 'renameSync');
export const rmSync = unavailable(m, 'rmSync');
export const statSync = unavailable(m, 'statSync');
export const writeFileSync = unavailable(m, 'writeFileSync');
export const writeSync = unavailable(m, 'writeSync');
/** What yauzl and other CommonJS code reach through `require('fs')`. */
const callbacks = unavailableAll(m, ['open', 'close', 'read', 'fstat', 'stat', 'readFile', 'writeFile'] as const);
export const { open, close, read, fstat, stat, readFile, writeFile } = callbacks;
export const promises = unavailableAll('node:fs/promises', ['open', 'readFile', 'writeFile', 'stat', 'readdir', 'mkdir', 'rm'] as const);

export default {
  closeSync, createReadStream, createWriteStream, existsSync, fstatSync, fsyncSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync,
  readFileSync, readlinkSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync, ...callbacks, promises,
};
