import type { Formatter } from './types.js';

/** Each report format, loaded when it is asked for: a run writes one or two of the six. */
export const formatters: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  csv: async () => (await import('./csv.js')).csv,
};

/** A report to write: a format and its file, or stdout when `file` is absent. */
export interface OutputPlan {
  format: string;
  file?: string;
}

/**
 * Pairs `-f` and `-o` in the order given (`-f json -o a.json -f sarif -o b.sarif`); a format left
 * without a file goes to stdout, and only one may. No `-f` means stylish. Returns the reason as
 * text when the pairing cannot be made.
 */
export function planOutputs(formats: string[] = [], files: string[] = []): OutputPlan[] | { problem: { vi: string; en: string } } {
  const chosen = formats.length ? formats : ['stylish'];
  if (files.length > chosen.length)
    return { problem: { vi: `có ${files.length} tệp -o mà chỉ ${chosen.length} định dạng -f`, en: `${files.length} output files (-o) for ${chosen.length} formats (-f)` } };
  if (chosen.length - files.length > 1)
    return { problem: { vi: `chỉ một định dạng được in ra màn hình: hãy cho mỗi -f khác một -o`, en: 'only one format can go to stdout: give every other -f an -o' } };
  if (new Set(files).size < files.length) return { problem: { vi: 'hai báo cáo không thể ghi cùng một tệp', en: 'two reports cannot be written to the same file' } };
  return chosen.map((format, i) => ({ format, ...(i < files.length ? { file: files[i] } : {}) }));
}
