/** The report's own words, in both languages, and the columns of its long tables. */
import type { Lang } from '../engine/types.js';

export const KINDS = ['tap-the', 'ca-nhan', 'ho-gia-dinh'] as const;

const TEXT = {
  summary: { vi: 'Tổng hợp', en: 'Summary' },
  list: { vi: 'Danh sách', en: 'Nominees' },
  findings: { vi: 'Kết quả kiểm tra', en: 'Findings' },
  title: { vi: 'Báo cáo tổng hợp hồ sơ đề nghị', en: 'Nomination dossiers: batch report' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  file: { vi: 'Tệp', en: 'File' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  row: { vi: 'Dòng', en: 'Row' },
  cell: { vi: 'Ô', en: 'Cell' },
  stt: { vi: 'STT', en: 'No.' },
  name: { vi: 'Tên', en: 'Name' },
  kind: { vi: 'Loại', en: 'Kind' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  movement: { vi: 'Phong trào', en: 'Movement' },
  award: { vi: 'Hình thức khen thưởng', en: 'Award' },
  status: { vi: 'Kết quả', en: 'Status' },
  messages: { vi: 'Nội dung', en: 'Messages' },
  severity: { vi: 'Mức', en: 'Severity' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  message: { vi: 'Nội dung', en: 'Message' },
  value: { vi: 'Giá trị', en: 'Value' },
  source: { vi: 'Căn cứ', en: 'Source' },
  nominees: { vi: 'Số điển hình', en: 'Nominees' },
  errors: { vi: 'Lỗi', en: 'Errors' },
  warnings: { vi: 'Cảnh báo', en: 'Warnings' },
  total: { vi: 'Tổng cộng', en: 'Total' },
  ok: { vi: 'Đạt', en: 'OK' },
  hasErrors: { vi: 'Có lỗi', en: 'Has errors' },
  hasWarnings: { vi: 'Cảnh báo', en: 'Warning' },
  notInForce: { vi: '—', en: '—' },
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  info: { vi: 'thông tin', en: 'info' },
  filter: { vi: 'Lọc', en: 'Filter' },
  allSeverities: { vi: 'Mọi mức', en: 'All severities' },
  allStatuses: { vi: 'Mọi kết quả', en: 'All statuses' },
  allUnits: { vi: 'Mọi đơn vị', en: 'All units' },
  previous: { vi: '‹ Trang trước', en: '‹ Previous' },
  next: { vi: 'Trang sau ›', en: 'Next ›' },
  shown: { vi: 'dòng khớp', en: 'rows match' },
  byField: { vi: 'Số điển hình theo lĩnh vực', en: 'Nominees per field' },
  byUnit: { vi: 'Số điển hình theo đơn vị', en: 'Nominees per unit' },
  passFail: { vi: 'Đạt / có lỗi theo đơn vị', en: 'Pass / fail per unit' },
  failed: { vi: 'Có lỗi', en: 'With errors' },
  files: { vi: 'Số tệp', en: 'Files' },
  fileCount: { vi: 'tệp', en: 'files' },
  quota: { vi: 'Định mức', en: 'Quota' },
  noUnit: { vi: '(không rõ đơn vị)', en: '(unit not given)' },
} as const;

export type TextKey = keyof typeof TEXT;
/** The columns of the consolidated list and of the findings, in both forms of the report. */
export const LIST_HEADERS: TextKey[] = ['stt', 'unit', 'name', 'kind', 'field', 'movement', 'award', 'file', 'sheet', 'row', 'status', 'messages'];
export const FINDING_HEADERS: TextKey[] = ['file', 'sheet', 'cell', 'severity', 'rule', 'message', 'value', 'source'];
export const say = (key: TextKey, lang: Lang): string => TEXT[key][lang];

export type Status = 'ok' | 'error' | 'warning';
export const statusText = (s: Status, lang: Lang): string => say(s === 'ok' ? 'ok' : s === 'error' ? 'hasErrors' : 'hasWarnings', lang);
