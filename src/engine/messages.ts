/** Filling a message template's {{placeholders}} in the chosen language. */
import type { LocalText } from '../rules/schema.js';
import type { MessageArg } from '../operators/types.js';
import type { Lang, Severity } from './types.js';

export function localize(t: LocalText | { vi: string; en?: string } | undefined, lang: Lang): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  return (lang === 'en' ? t.en : undefined) ?? t.vi;
}

export function render(template: string, data: Record<string, MessageArg>, lang: Lang): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => {
    const v = data[name];
    if (v === undefined) return whole;
    return typeof v === 'object' ? (lang === 'en' ? v.en : v.vi) : String(v);
  });
}

/** Messages of the engine itself, about a sheet rather than a rule's own check. */
export const ENGINE_MESSAGES = {
  'column-missing-error': {
    vi: 'Trang tính không có cột bắt buộc «{{column}}».',
    en: 'The sheet has no column "{{column}}", which is required.',
  },
  'column-missing': {
    vi: 'Trang tính không có cột «{{column}}»: không kiểm tra được tiêu chí «{{rule}}».',
    en: 'The sheet has no column "{{column}}": the criterion "{{rule}}" cannot be checked.',
  },
  undated: {
    vi: 'Hồ sơ không ghi ngày: chưa biết quy định «{{rule}}» (áp dụng từ {{from}} đến {{to}}) có áp dụng không, nên chưa kiểm tra.',
    en: 'The dossier shows no date: whether "{{rule}}" (in force from {{from}} to {{to}}) applies cannot be told, so it is not checked.',
  },
};

/** A severity as a person reads it, in the reports, the rule list and explain. */
export const SEVERITY_WORDS: Record<Severity, { vi: string; en: string }> = {
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  info: { vi: 'thông tin', en: 'info' },
};
