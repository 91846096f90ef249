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
}

const TEXT = {
  vi: { config: 'Cấu hình', none: '(không có)', packs: 'Bộ quy tắc', files: 'tệp', profiles: 'Hồ sơ định mức', profilesFor: 'Hồ sơ định mức theo thư mục hoặc mẫu', severity: 'Mức độ đổi trong cấu hình' },
  en: { config: 'Config', none: '(none)', packs: 'Rule packs', files: 'files', profiles: 'Profiles', profilesFor: 'Profiles by folder or glob', severity: 'Severity overrides' },
};

export function printConfig(s: SettingsInForce, lang: Lang, format: 'text' | 'json'): string {
  const packs = s.packFiles.map((f) => pathLabel(f));
  const profilesFor = s.profileMap?.map ?? {};
  if (format === 'json') return safeJson({ config: s.config ?? null, packs, profiles: s.profiles, profilesFor, severity: s.severity }) + '\n';
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
  ].join('');
}
