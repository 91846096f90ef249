/**
 * Sentences in both languages, made together: a pack's mistake (rules/reasons.ts), a rule told
 * in words (operators' `describe`). A template is written once per language and its `{name}`s are
 * filled with each part in that language.
 */
import type { Lang } from './engine/types.js';
import { didYouMean, quote } from './nearest.js';

/** A sentence in both languages. */
export interface Said {
  vi: string;
  en: string;
}

type Part = string | number | Said;

const inLang = (p: Part, lang: Lang): string => (typeof p === 'object' ? p[lang] : String(p));

/** The two templates with each `{name}` filled by `parts[name]` in the template's language. */
export function fill(vi: string, en: string, parts: Record<string, Part> = {}): Said {
  const one = (template: string, lang: Lang) => template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in parts ? inLang(parts[k], lang) : whole));
  return { vi: one(vi, 'vi'), en: one(en, 'en') };
}

/** A name or value in each language's quotes: «x» / "x". */
export const quoted = (text: string | number): Said => ({ vi: quote(String(text), 'vi'), en: quote(String(text), 'en') });

/** A pack's text in both languages: one text serves both; a mapping without `en` says `vi` in English too. */
export const textOf = (t: string | { vi: string; en?: string }): Said => (typeof t === 'string' ? { vi: t, en: t } : { vi: t.vi, en: t.en ?? t.vi });

/** Parts joined: "a, b" (or "a; b", or "a hoặc b" / "a or b", "a và b" / "a and b" between the last two). */
export function joined(parts: Part[], last: 'or' | 'and' | ',' | ';' = ','): Said {
  const join = (lang: Lang) => {
    const texts = parts.map((p) => inLang(p, lang));
    if (last === ',' || last === ';' || texts.length < 2) return texts.join(`${last} `);
    const word = last === 'or' ? (lang === 'vi' ? 'hoặc' : 'or') : lang === 'vi' ? 'và' : 'and';
    return `${texts.slice(0, -1).join(', ')} ${word} ${texts[texts.length - 1]}`;
  };
  return { vi: join('vi'), en: join('en') };
}

/** The nearest names, as ". Có phải ý bạn là «a»?" / " (did you mean "a"?)"; nothing without any. */
export const meant = (near: string[]): Said => ({ vi: didYouMean(near, 'vi'), en: didYouMean(near, 'en') });
