/**
 * What the page and its Web Worker say to each other. The worker runs the library API (src/api.ts)
 * on what the page hands it; every request carries an id its answer repeats.
 */
import type { Baked } from '../cli/web-page.js';

export type Lang = 'vi' | 'en';

/** A file chosen or dropped: its name (or relative path in a folder) and its bytes, as a File. */
export interface GivenFile {
  name: string;
  data: Blob;
  walked?: boolean;
}

export type Request =
  | { kind: 'check'; id: number; baked: Baked; files: GivenFile[]; profiles: string[]; lang: Lang }
  | { kind: 'explain'; id: number; baked: Baked; ruleId: string; lang: Lang }
  | { kind: 'profiles'; id: number; baked: Baked; lang: Lang };

export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  source?: string;
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
  nominee?: string;
  unit?: string;
  group?: string;
}

export interface JsonReport {
  summary: Record<string, unknown> & { files: number; rows: number; errors: number; warnings: number; unreadable: number };
  findings: Finding[];
  suppressed: Finding[];
}

export interface Checked {
  report: JsonReport;
  exitCode: 0 | 1 | 2;
  unreadable: { file: string; reason: string }[];
  verdict: string;
  /** The stylish report's lines above the verdict: what was checked and found. */
  summary: string[];
}

export type Reply =
  | { kind: 'progress'; id: number; done: number; total: number }
  | { kind: 'checked'; id: number; result: Checked }
  | { kind: 'explained'; id: number; text: string | undefined }
  | { kind: 'profiles'; id: number; profiles: { id: string; title: string }[] }
  | { kind: 'failed'; id: number; message: string };
