/**
 * `hoso check --print-config`: what a check would run with — the config file in force (a
 * hoso.config.yaml in any folder above may hold one), the packs loaded, the profiles and the
 * severity overrides — printed without checking anything.
 */
import type { Lang, Severity } from '../engine/types.js';
import type { ProfileMap } from '../engine/profiles.js';
import { printable, safeJson } from '../printable.js';
import { pathLabel } from './config.js';

export interface SettingsInForce {
  config?: string;
  packFiles: string[];
  profiles: string[];
  profileMap?: ProfileMap;
  severity: Record<string, Severity | 'off'>;
  /** The past decisions (--history and the config's history:), and the units renamed since. */
  history?: { paths: string[]; units: Record<string, string> };
}

const TEXT = {
  vi: { config: 'Cấu hình', none: '(không có)', packs: 'Bộ quy tắc', files: 'tệp', profiles: 'Hồ sơ định mức', profilesFor: 'Hồ sơ định mức theo thư mục hoặc mẫu', severity: 'Mức độ đổi trong cấu hình', history: 'Quyết định các năm trước (--history)', units: 'Đơn vị đổi tên (history.units)' },
  en: { config: 'Config', none: '(none)', packs: 'Rule packs', files: 'files', profiles: 'Profiles', profilesFor: 'Profiles by folder or glob', severity: 'Severity overrides', history: 'Past decisions (--history)', units: 'Units renamed (history.units)' },
};

export function printConfig(s: SettingsInForce, lang: Lang, format: 'text' | 'json'): string {
  const packs = s.packFiles.map((f) => pathLabel(f));
  const profilesFor = s.profileMap?.map ?? {};
  const history = s.history ?? { paths: [], units: {} };
  // Said only when there is some: a config without history prints as it always did.
  const hasHistory = history.paths.length > 0 || Object.keys(history.units).length > 0;
  if (format === 'json') return safeJson({ config: s.config ?? null, packs, profiles: s.profiles, profilesFor, severity: s.severity, ...(hasHistory ? { history } : {}) }) + '\n';
  const t = TEXT[lang];
  const list = (entries: [string, string][]) => entries.map(([k, v]) => `  ${printable(k)}: ${printable(v)}\n`).join('');
  const mapped = Object.entries(profilesFor).map(([k, v]): [string, string] => [k, v.join(', ')]);
  const overrides = Object.entries(s.severity);
  return [
    `${t.config}: ${s.config ? printable(s.config) : t.none}\n`,
    `${t.packs} (${packs.length} ${t.files}):\n${packs.map((p) => `  ${printable(p)}\n`).join('')}`,
    `${t.profiles}: ${s.profiles.length ? printable(s.profiles.join(', ')) : t.none}\n`,
    mapped.length ? `${t.profilesFor}:\n${list(mapped)}` : '',
    `${t.severity}:${overrides.length ? `\n${list(overrides)}` : ` ${t.none}\n`}`,
    hasHistory ? `${t.history}:${history.paths.length ? `\n${history.paths.map((p) => `  ${printable(p)}\n`).join('')}` : ` ${t.none}\n`}` : '',
    Object.keys(history.units).length ? `${t.units}:\n${list(Object.entries(history.units))}` : '',
  ].join('');
}
