/**
 * The platform rule of the bytes path (report/bytes.ts: the annotated copies and the batch report
 * a page makes): no module it imports, however deeply, imports node:fs, node:os, node:crypto or
 * node:worker_threads, which a browser bundle has only as stubs that throw. Read from the built
 * modules (dist/), where TypeScript has dropped the imports of types alone; only static imports
 * count: a module loaded by import() is loaded when its branch runs (Node's zlib deflater, the
 * file readers' node:fs), which the bytes path never takes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const FORBIDDEN = /^(node:)?(fs|fs\/promises|os|crypto|worker_threads)$/;
const DIST = path.join(ROOT, 'dist', 'src');

/** The static imports and re-exports of a built module: `import … from '…'`, `import '…'`, `export … from '…'`. */
const STATIC = /^[ \t]*(?:import|export)\s+(?:[\w*${}\s,]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Every module the entry imports, transitively, each with the module that first imported it; packages and builtins as named. */
function importGraph(entry: string): Map<string, string> {
  const seen = new Map<string, string>([[entry, '(entry)']]);
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(STATIC)) {
      const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec;
      if (seen.has(target)) continue;
      seen.set(target, path.relative(DIST, file));
      if (spec.startsWith('.')) queue.push(target);
    }
  }
  return seen;
}

const forbiddenIn = (graph: Map<string, string>) => [...graph].filter(([m]) => FORBIDDEN.test(m)).map(([m, by]) => `${m} ← ${by}`);

describe('the bytes path', () => {
  const graph = importGraph(path.join(DIST, 'report', 'bytes.js'));
  const modules = [...graph.keys()].filter((m) => m.startsWith(DIST)).map((m) => path.relative(DIST, m));

  it('imports none of node:fs, node:os, node:crypto, node:worker_threads, at any depth', () => {
    expect(forbiddenIn(graph)).toEqual([]);
  });

  it('is walked through the modules it needs: the zip readers and writer, the copy, the report', () => {
    for (const m of ['read/xlsx.js', 'read/csv.js', 'read/ole.js', 'write/zip.js', 'report/annotate/copy.js', 'report/annotate/csv.js', 'report/model.js', 'report/html.js', 'report/xlsx.js', 'report/nominee-store.js']) {
      expect(modules).toContain(m);
    }
    // Node's own pieces stay on the CLI's side: the spilling store, the zlib deflater, the version read from package.json.
    for (const m of ['report/nominees.js', 'write/zip-node.js', 'version.js', 'report/placement.js']) expect(modules).not.toContain(m);
  });

  it('would be caught importing one: the CLI’s copies and report do', () => {
    expect(forbiddenIn(importGraph(path.join(DIST, 'report', 'annotate.js')))).toContain('node:fs ← report/annotate.js');
    expect(forbiddenIn(importGraph(path.join(DIST, 'report', 'index.js')))).toEqual(expect.arrayContaining(['node:os ← report/nominees.js', 'node:crypto ← report/nominees.js']));
  });
});
