/** The library's check beside the built CLI's, in the one shape both are compared in. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { CheckResponse, JsonReport } from '../../src/api.js';
import { hoso } from './cli.js';

/** What a check gives a caller: the JSON report, the exit code and the reasons of the files it could not read. */
export interface Outcome {
  report: JsonReport;
  code: number | null;
  reasons: string[];
}

/** `hoso check …args -f json` in `cwd`: its report, code and stderr lines without their "hoso: ". */
export async function cliOutcome(args: string[], cwd: string): Promise<Outcome> {
  const run = await hoso(['check', ...args, '-f', 'json'], { cwd });
  const reasons = run.stderr.split('\n').filter((l) => l !== '');
  for (const r of reasons) if (!r.startsWith('hoso: ')) throw new Error(`not a reason: ${r}`);
  return { report: JSON.parse(run.stdout) as JsonReport, code: run.code, reasons: reasons.map((r) => r.slice('hoso: '.length)) };
}

export function apiOutcome(response: CheckResponse): Outcome {
  expect(response.unreadable.length).toBe(response.report.summary.unreadable);
  return { report: response.report, code: response.exitCode, reasons: response.unreadable.map((u) => u.reason) };
}

/** Every file under `dir`, as paths relative to it with `/` between folders, in no particular order. */
export function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
}
