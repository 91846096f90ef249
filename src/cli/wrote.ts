/** The line that says what a command wrote (`report`, `init`): a run that writes a file says where. */
import type { Lang } from '../engine/types.js';
import { printable } from '../printable.js';
import { ownDescriptor } from './output-target.js';

const WROTE = {
  report: { vi: 'Đã ghi báo cáo', en: 'Wrote the report' },
  template: { vi: 'Đã ghi mẫu hồ sơ', en: 'Wrote the template' },
};

/** On stdout, unless the target is stdout itself (`-o /dev/stdout`), whose bytes the line would spoil. */
export function sayWrote(what: keyof typeof WROTE, target: string, lang: Lang): void {
  if (ownDescriptor(target) === 1) return;
  process.stdout.write(`${WROTE[what][lang]}: ${printable(target)}\n`);
}
