/**
 * What a list is for, told from what it holds: an award list (titles and forms under the Law on
 * Emulation and Commendation: "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2025")
 * or an exemplar list ("DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN"). Each kind is judged by its own
 * rules: the seeds' exemplar criteria select advanced exemplars, and do not apply to a nominee
 * proposed for a title of the Law (an LĐTT rated HTTNV meets the Law).
 */
import { fold } from '../normalize/text.js';
import { isDateLine } from '../read/table.js';
import type { Purpose } from '../rules/schema.js';

export type ConfigPurpose = Purpose | 'auto';

export interface PurposeWords {
  awardLists: string[];
  exemplarLists: string[];
}

/**
 * The purpose the config or the title block states, and where it was told. Words of an exemplar
 * list win over an award list's: "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG ĐIỂN HÌNH TIÊN TIẾN" is an
 * exemplar list. A row proposing a title of the Law is an award row whatever the title says,
 * unless the config says otherwise (see RowView.purpose).
 */
export function listPurpose(title: string[], words: PurposeWords, config: ConfigPurpose = 'auto'): { purpose: Purpose; from: { config: true } | { title: string } } | undefined {
  if (config !== 'auto') return { purpose: config, from: { config: true } };
  const lines = title.filter((t) => !isDateLine(t));
  for (const [purpose, list] of [['exemplar', words.exemplarLists], ['award', words.awardLists]] as const) {
    const phrases = list.map((w) => ` ${fold(w)} `);
    const line = lines.find((t) => phrases.some((p) => ` ${fold(t)} `.includes(p)));
    if (line) return { purpose, from: { title: line } };
  }
  return undefined;
}

/** The year a title names ("… NĂM 2025", "NĂM HỌC 2024-2025": 2025), a place-and-date line aside. */
export function yearOfTitle(title: string[]): number | undefined {
  for (const t of title) {
    if (isDateLine(t)) continue;
    const m = /\bnam (?:hoc )?(\d{4})(?: (\d{4}))?\b/.exec(fold(t));
    if (m) return Number(m[2] ?? m[1]);
  }
  return undefined;
}
