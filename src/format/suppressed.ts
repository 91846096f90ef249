/** What the reports that leave accepted findings out say of them: how many, and which file accepts them. */
import type { Lang } from '../engine/types.js';
import type { Report } from './types.js';

const TEXT = {
  vi: (n: number, file: string) => `${n} vấn đề đã được chấp nhận (${file})`,
  en: (n: number, file: string) => `${n} suppressed problem${n === 1 ? '' : 's'} (${file})`,
};

/** "3 vấn đề đã được chấp nhận (hoso-suppressions.json)"; undefined when none is. */
export function suppressedLine(result: Report, lang: Lang): string | undefined {
  const s = result.suppressed;
  return s?.findings.length ? TEXT[lang](s.findings.length, s.file) : undefined;
}
