/**
 * What the engine itself says about what it read: a sheet passed over, a file with no nominee, a
 * row it could not take for one, a nominee below the total line. These are findings like a rule's
 * (every format shows them, a config can change their severity), so that a verdict always says
 * what it did not cover: nothing given to hoso is passed over in silence.
 */
import type { Finding, Lang, Severity } from './types.js';
import { localize, render } from './messages.js';
import type { MessageArg } from '../operators/types.js';
import { setWho } from './nominee.js';

type Text = { vi: string; en: string };

interface Notice {
  severity: Severity;
  title: Text;
  message: Text;
}

/** Where the engine's findings come from, in place of a rule's citation. */
const NOTICE_SOURCE = 'hoso';

export const NOTICES = {
  'hoso/trang-bo-qua': {
    severity: 'info',
    title: { vi: 'Trang tính không được kiểm tra', en: 'Sheet not checked' },
    message: { vi: 'Trang tính không được kiểm tra: {{reason}}.', en: 'The sheet was not checked: {{reason}}.' },
  },
  'hoso/cot-khong-kiem-tra': {
    severity: 'info',
    title: { vi: 'Cột không được kiểm tra', en: 'Column not checked' },
    message: {
      vi: 'Cột {{columns}} không được kiểm tra: không bộ quy tắc nào đọc cột có tiêu đề như vậy.',
      en: 'Not checked: {{columns}}; no rule pack reads a column with such a header.',
    },
  },
  'hoso/khong-co-dong-de-nghi': {
    severity: 'error',
    title: { vi: 'Không có dòng đề nghị nào', en: 'No nominee row' },
    message: {
      vi: 'Không tìm thấy dòng đề nghị nào dưới dòng tiêu đề ({{sheets}}): một mẫu còn trống không phải là hồ sơ.',
      en: 'No nominee row was found under the header ({{sheets}}): an empty template is not a dossier.',
    },
  },
  'hoso/trang-khong-co-dong-de-nghi': {
    severity: 'info',
    title: { vi: 'Trang tính không có dòng đề nghị', en: 'Sheet without nominee rows' },
    message: { vi: 'Trang tính có dòng tiêu đề nhưng không có dòng đề nghị nào.', en: 'The sheet has a header but no nominee row.' },
  },
  'hoso/duoi-dong-tong': {
    severity: 'warning',
    title: { vi: 'Dòng đề nghị dưới dòng tổng', en: 'Nominee row below the total line' },
    message: {
      vi: 'Dòng đề nghị nằm dưới dòng tổng «{{text}}» (dòng {{row}}) mà không có dòng nhóm nào ở giữa: dòng này vẫn được kiểm tra, nhưng hãy xem lại dòng tổng có tính cả nó không.',
      en: 'This nominee row stands below the total line "{{text}}" (row {{row}}) with no group heading between: it is checked all the same, but see whether the total counts it.',
    },
  },
  'hoso/duoi-chan-trang': {
    severity: 'warning',
    title: { vi: 'Dòng đề nghị dưới phần ký tên', en: 'Nominee row below the footer' },
    message: {
      vi: 'Dòng đề nghị nằm dưới phần cuối danh sách «{{text}}» (dòng {{row}}): dòng này vẫn được kiểm tra, nhưng hãy đưa nó lên trong danh sách.',
      en: 'This nominee row stands below the end of the list "{{text}}" (row {{row}}): it is checked all the same, but move it up into the list.',
    },
  },
  'hoso/dong-khong-ro': {
    severity: 'info',
    title: { vi: 'Dòng không rõ là dòng đề nghị', en: 'Row not taken for a nominee' },
    message: {
      vi: 'Dòng có dữ liệu nhưng không có tên và chỉ một ô («{{text}}»): không được kiểm tra như một dòng đề nghị.',
      en: 'The row holds data but no name and only one cell ("{{text}}"): it was not checked as a nominee row.',
    },
  },
  // The past decisions (--history): what of them could not be used, named with its reason, as
  // notes of the history file (never errors of the dossiers).
  'hoso/lich-su-trang-bo-qua': {
    severity: 'info',
    title: { vi: 'Trang tính của danh sách quyết định không được đọc', en: 'Sheet of a decision list not read' },
    message: { vi: 'Trang tính của danh sách quyết định không được đọc: {{reason}}.', en: 'This sheet of a decision list was not read: {{reason}}.' },
  },
  'hoso/lich-su-dong-bo-qua': {
    severity: 'info',
    title: { vi: 'Dòng của danh sách quyết định không dùng được', en: 'Rows of a decision list not used' },
    message: {
      vi: '{{rows}} của danh sách quyết định không dùng được làm căn cứ: {{reason}}.',
      en: '{{rows}} of the decision list cannot be used as evidence: {{reason}}.',
    },
  },
} satisfies Record<string, Notice>;

export type NoticeId = keyof typeof NOTICES;

/** Why a sheet was passed over, said in the notice's {{reason}}. */
export const SKIP_REASONS = {
  example: { vi: 'trang hướng dẫn có dòng ví dụ', en: 'an instructions sheet with example rows' },
  'code-list': {
    vi: 'tên trang tính giống một danh mục mã và dòng tiêu đề không có cột tên cùng ít nhất hai cột khác của danh sách',
    en: 'its name is that of a code list, and no header has the name column with at least two more of the list’s columns',
  },
  'no-header': {
    vi: 'không tìm thấy dòng tiêu đề có cột tên (Họ và tên / Tên tập thể) và ít nhất một cột khác của danh sách',
    en: 'no header row with the name column (Họ và tên / Tên tập thể) and at least one more of the list’s columns was found',
  },
  empty: { vi: 'trang tính trống', en: 'the sheet is empty' },
} satisfies Record<string, Text>;

export type SkipReason = keyof typeof SKIP_REASONS;

type Place = Pick<Finding, 'file' | 'sheet' | 'row' | 'column' | 'group' | 'value' | 'nominee' | 'unit'>;

/** A notice as a finding, at a place; its severity from the config when it names it, else its own. */
export function notice(id: NoticeId, place: Place, data: Record<string, MessageArg>, lang: Lang, severity: Severity = NOTICES[id].severity as Severity): Finding {
  return engineFinding(id, severity, NOTICES[id].message, place, data, lang);
}

/** One of hoso's own findings (a notice here, a file met in a folder: see input-notes.ts), its message made from its template. */
export function engineFinding(ruleId: string, severity: Severity, template: Text, place: Place, data: Record<string, MessageArg>, lang: Lang): Finding {
  const f: Finding = { ruleId, severity, message: render(localize(template, lang), data, lang), file: place.file, source: NOTICE_SOURCE };
  if (place.sheet !== undefined) f.sheet = place.sheet;
  if (place.row !== undefined) {
    f.row = place.row;
    if (place.column) f.column = place.column;
    if (place.value !== undefined) f.value = place.value;
    setWho(f, place);
  } else if (place.group !== undefined) f.group = place.group;
  return f;
}
