/** The line that says what a command wrote (`report`, `init`, `check --suppress`): a run that writes a file says where. */
import type { Lang } from '../engine/types.js';
import { printable } from '../printable.js';
import { ownDescriptor } from './output-target.js';

const WROTE = {
  report: { vi: 'Đã ghi báo cáo', en: 'Wrote the report' },
  template: { vi: 'Đã ghi mẫu hồ sơ', en: 'Wrote the template' },
  page: { vi: 'Đã ghi trang kiểm tra', en: 'Wrote the page' },
  suppressions: { vi: 'Đã ghi các vấn đề được chấp nhận', en: 'Wrote the suppressions' },
};

/** "Đã ghi báo cáo: bao-cao.xlsx", and what more there is to say of it. */
export function wroteLine(what: keyof typeof WROTE, target: string, lang: Lang, detail = ''): string {
  return `${WROTE[what][lang]}: ${printable(target)}${detail}`;
}

/** On stdout, unless the target is stdout itself (`-o /dev/stdout`), whose bytes the line would spoil. */
export function sayWrote(what: keyof typeof WROTE, target: string, lang: Lang): void {
  if (ownDescriptor(target) === 1) return;
  process.stdout.write(`${wroteLine(what, target, lang)}\n`);
}
