/**
 * Reports are made in pieces and written as they are made (a 200,000-finding SARIF report had
 * held 2 GB whole): the pieces must join to exactly the text the whole report would be, and a
 * report on stdout must come whole before what the run says on stderr, and stop quietly when
 * its reader does.
 */
import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { stringifyAround, stringifyAroundEach } from '../../src/format/json-pieces.js';
import { formatters } from '../../src/format/index.js';
import { joined } from '../../src/format/types.js';
import { batches } from '../../src/cli/output.js';
import { BIN, ROOT } from '../support/cli.js';
import { cellFinding, ctx, groupFinding, infoFinding, resultOf } from './sample.js';

vi.setConfig({ testTimeout: 60_000 });

/** The text standing for list k in the shell (json-pieces.ts): a report's text may hold it too. */
const mark = (k: number) => `\u0000hoso-items-${k}\u0000`;
const json = fc.jsonValue({ maxDepth: 3 });

describe('stringifyAround', () => {
  it('gives the text JSON.stringify gives, wherever the array sits last', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 6 }), json, fc.string(), fc.constantFrom(0, 1, 2), (items, head, text, depth) => {
        // The text before the array may hold anything, the mark included.
        const make = (list: unknown[]) =>
          depth === 0 ? { head, text: text + mark(0), list } : depth === 1 ? { head, runs: [{ text, list }] } : [head, { a: { b: [text, list] } }];
        expect(joined(stringifyAround(make, items))).toBe(JSON.stringify(make(items), null, 2) + '\n');
      }),
      { numRuns: 500 },
    );
  });

  it('several arrays (the findings, then those suppressed): the same text, whichever are empty, marks in the text before them', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 4 }), fc.array(json, { maxLength: 4 }), json, fc.string(), (first, second, head, text) => {
        const make = (a: unknown[], b: unknown[]) => ({ head, text: text + mark(0) + mark(1), summary: { n: 2 }, first: a, second: b });
        expect(joined(stringifyAroundEach(make, [{ items: first }, { items: second, map: (x) => ({ x }) }]))).toBe(
          JSON.stringify(make(first, second.map((x) => ({ x }))), null, 2) + '\n',
        );
      }),
      { numRuns: 300 },
    );
  });

  it('stringifies each item as it comes, through map', () => {
    const pieces = [...stringifyAround((list) => ({ list }), [1, 2, 3], (n) => ({ n, s: 'a\nb' }))];
    expect(pieces).toHaveLength(5);
    expect(pieces.join('')).toBe(JSON.stringify({ list: [1, 2, 3].map((n) => ({ n, s: 'a\nb' })) }, null, 2) + '\n');
  });
});

describe('formatters give a report in pieces', () => {
  // Ten files of twenty findings: a suite of JUnit is a file's, and SARIF's rules come first.
  const findings = Array.from({ length: 200 }, (_, i) => ({ ...[cellFinding, groupFinding, infoFinding][i % 3], file: `ho-so/${Math.floor(i / 20)}.xlsx`, row: 10 + i }));
  for (const [name, load] of Object.entries(formatters)) {
    it(`${name}: at least a piece a finding or a file, never the whole report as one`, async () => {
      const pieces = [...(await load())(resultOf(findings), ctx)];
      expect(pieces.length).toBeGreaterThanOrEqual(name === 'junit' ? 10 : findings.length);
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(pieces.join('').length / 2);
    });
  }
});

describe('batches', () => {
  it('gathers pieces into batches of about 64 Ki characters, in order, none lost', () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => `${i}:${'x'.repeat(i % 97)}\n`);
    const out = [...batches(pieces)];
    expect(out.join('')).toBe(pieces.join(''));
    expect(out.length).toBeGreaterThan(1);
    for (const b of out.slice(0, -1)) expect(b.length).toBeGreaterThanOrEqual(1 << 16);
    expect([...batches(['', ''])]).toEqual([]);
  });
});

/** Runs the CLI with stdout and stderr on one pipe, as `2>&1 | …` does. */
function together(args: string[]): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} 2>&1`], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, text }));
  });
}

describe('a report on stdout', () => {
  it('comes whole before the lines the run writes on stderr', async () => {
    const { code, text } = await together(['check', 'fixtures', '-f', 'junit']);
    expect(code).toBe(2);
    const end = text.indexOf('</testsuites>\n');
    expect(end).toBeGreaterThan(200_000);
    expect(text.indexOf('hoso: ')).toBe(end + '</testsuites>\n'.length);
  });

  it('stops quietly, with the check’s exit code, when its reader goes', async () => {
    const child = spawn(process.execPath, [BIN, 'check', 'fixtures', '-f', 'sarif'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|node:events|\n\s+at /);
    expect(stderr).toMatch(/^hoso: /);
    expect(code).toBe(2);
  });
});
