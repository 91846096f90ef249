/**
 * What the page and its Web Worker say to each other. The worker runs the library API (src/api.ts)
 * on what the page hands it; every request carries an id its answer repeats.
 */
import type { CheckResponse, DossierInput } from '../api.js';
import type { Baked } from '../cli/web-page.js';

export type Lang = 'vi' | 'en';

/** A file the worker made (an annotated copy, a report): its name and bytes (in memory of its own, never shared). */
export interface NamedBytes {
  name: string;
  data: Uint8Array<ArrayBuffer>;
}

/** A file chosen or dropped: its name (or relative path in a folder) and its bytes, as a File. */
export type GivenFile = DossierInput & { data: Blob };

/** What a check is asked on: the baked packs, the files, the profiles ticked, the language. */
interface OnFiles {
  baked: Baked;
  files: GivenFile[];
  profiles: string[];
  lang: Lang;
}

export type Request =
  | ({ kind: 'check'; id: number } & OnFiles)
  /** The annotated copies and both batch reports, made in one more pass over the files. */
  | ({ kind: 'outputs'; id: number } & OnFiles)
  | { kind: 'explain'; id: number; baked: Baked; ruleId: string; lang: Lang }
  | { kind: 'profiles'; id: number; baked: Baked; lang: Lang };

export type { Finding } from '../api.js';

/** What `check` answers (src/api.ts), and the lines the stylish report gives above its verdict. */
export type Checked = CheckResponse & { summary: string[] };

export type Reply =
  | { kind: 'progress'; id: number; done: number; total: number }
  | { kind: 'checked'; id: number; result: Checked }
  | { kind: 'outputs'; id: number; copies: NamedBytes[]; failures: { file: string; reason: string }[]; reports: NamedBytes[] }
  | { kind: 'explained'; id: number; text: string | undefined }
  | { kind: 'profiles'; id: number; profiles: { id: string; title: string }[] }
  | { kind: 'failed'; id: number; message: string };
