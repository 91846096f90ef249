/**
 * What the page and its Web Worker say to each other. The worker runs the library API (src/api.ts)
 * on what the page hands it; every request carries an id its answer repeats.
 */
import type { CheckResponse, DossierInput } from '../api.js';
import type { Baked } from '../cli/web-page.js';

export type Lang = 'vi' | 'en';

/** A file chosen or dropped: its name (or relative path in a folder) and its bytes, as a File. */
export type GivenFile = DossierInput & { data: Blob };

export type Request =
  | { kind: 'check'; id: number; baked: Baked; files: GivenFile[]; profiles: string[]; lang: Lang }
  | { kind: 'explain'; id: number; baked: Baked; ruleId: string; lang: Lang }
  | { kind: 'profiles'; id: number; baked: Baked; lang: Lang };

export type { Finding } from '../api.js';

/** What `check` answers (src/api.ts), and the lines the stylish report gives above its verdict. */
export type Checked = CheckResponse & { summary: string[] };

export type Reply =
  | { kind: 'progress'; id: number; done: number; total: number }
  | { kind: 'checked'; id: number; result: Checked }
  | { kind: 'explained'; id: number; text: string | undefined }
  | { kind: 'profiles'; id: number; profiles: { id: string; title: string }[] }
  | { kind: 'failed'; id: number; message: string };
