/**
 * Files and folders met and not checked (see read/inputs.ts), said as info findings about the
 * file: the report covers everything it was given, and names what it did not look into.
 */
import path from 'node:path';
import type { InputNote } from '../read/inputs.js';
import { engineFinding } from './notices.js';
import type { Finding, Lang, Severity } from './types.js';
import type { OutputKind } from '../write/mark.js';

const NOTES: Record<InputNote['kind'], { ruleId: string; vi: string; en: string }> = {
  'not-dossier': {
    ruleId: 'hoso/tep-bo-qua',
    vi: 'Không phải danh sách đề nghị ({{ext}}): không kiểm tra.',
    en: 'Not a nomination list ({{ext}}): not checked.',
  },
  text: {
    ruleId: 'hoso/tep-bo-qua',
    vi: 'Tệp văn bản ({{ext}}) trong thư mục: không kiểm tra; nếu đó là danh sách đề nghị (lưu từ Excel dạng «Văn bản Unicode» chẳng hạn), hãy nêu tên tệp để kiểm tra.',
    en: 'A text file ({{ext}}) in a folder: not checked; if it is a list of nominees (saved from Excel as "Unicode Text", say), name the file to have it checked.',
  },
  'lock-file': {
    ruleId: 'hoso/tep-khoa',
    vi: 'Tệp khóa của Excel (~$): sổ tính đang được mở trong Excel; tệp khóa không được kiểm tra.',
    en: "Excel's lock file (~$): the workbook is open in Excel; the lock file is not checked.",
  },
  'hoso-output': {
    ruleId: 'hoso/tep-cua-hoso',
    vi: 'Tệp do hoso tạo ra ({{output}}), không phải hồ sơ: bỏ qua; nêu tên tệp nếu muốn kiểm tra nó.',
    en: 'A file hoso wrote ({{output}}), not a dossier: passed over; name the file to have it checked.',
  },
  'broken-link': {
    ruleId: 'hoso/lien-ket-hong',
    vi: 'Liên kết tượng trưng hỏng (không trỏ tới tệp nào): không kiểm tra.',
    en: 'A broken symbolic link (it points at nothing): not checked.',
  },
  'same-file': {
    ruleId: 'hoso/cung-mot-tep',
    vi: 'Cùng một tệp với «{{first}}»: chỉ kiểm tra một lần.',
    en: 'The same file as "{{first}}": checked once.',
  },
  'same-folder': {
    ruleId: 'hoso/cung-mot-tep',
    vi: 'Cùng một thư mục với «{{first}}»: chỉ kiểm tra một lần.',
    en: 'The same folder as "{{first}}": checked once.',
  },
  loop: {
    ruleId: 'hoso/vong-lien-ket',
    vi: 'Liên kết vòng về thư mục «{{first}}» đang duyệt: không duyệt lại.',
    en: 'A link back to the folder "{{first}}" being walked: not walked again.',
  },
};

const NO_EXTENSION = { vi: 'không có phần mở rộng', en: 'no extension' };
const OUTPUTS: Record<OutputKind, { vi: string; en: string }> = {
  'annotated-copy': { vi: 'bản có đánh dấu', en: 'an annotated copy' },
  report: { vi: 'báo cáo', en: 'a report' },
  template: { vi: 'mẫu hồ sơ', en: 'a template' },
};

/** The info findings of the notes; `severityOf` applies the config's overrides (a rule id or prefix, or 'off'). */
export function noteFindings(notes: InputNote[], lang: Lang, severityOf: (ruleId: string, base: Severity) => Severity | 'off'): Finding[] {
  const out: Finding[] = [];
  for (const n of notes) {
    const { ruleId, ...text } = NOTES[n.kind];
    const severity = severityOf(ruleId, 'info');
    if (severity === 'off') continue;
    const ext = path.extname(n.path);
    out.push(engineFinding(ruleId, severity, text, { file: n.path }, { ext: ext || NO_EXTENSION, first: n.first ?? '', output: n.output ? OUTPUTS[n.output] : '' }, lang));
  }
  return out;
}
