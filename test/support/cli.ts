/** Running the built `hoso` executable the way a user does, from the repository root. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'hoso.js');
export const FIXTURES = path.join(ROOT, 'fixtures');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The locale of the machine running the tests does not choose the language: each test asks with --lang or env. */
const NO_LOCALE = { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };

/** Runs `node bin/hoso.js …args`; resolves with the exit code and both streams, whatever the code. */
export function hoso(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...NO_LOCALE, NO_COLOR: '1', ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A finding of the JSON report, as far as the tests look at it. */
export interface ReportFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  sheet?: string;
  row?: number;
  column?: string;
  group?: string;
  value?: string;
  source: string;
}

export interface Report {
  summary: { files: number; rows: number; errors: number; warnings: number };
  findings: ReportFinding[];
}

/** A fresh temporary folder holding a copy of fixtures/vi-du as `vi-du`, for runs that write beside it. */
export function viDuWorkspace(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(path.join(FIXTURES, 'vi-du'), path.join(dir, 'vi-du'), { recursive: true });
  return dir;
}
