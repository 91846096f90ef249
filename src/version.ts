/** hoso's version, as package.json says: shown by --version, written into SARIF, part of the cache's key. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './package-root.js';

export const VERSION: string = (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;

/** The name and version written into what hoso writes: the mark of its workbooks (write/mark.ts). */
export const GENERATOR = `hoso-lint ${VERSION}`;
