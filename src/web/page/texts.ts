/** The page's own words, in Vietnamese (its default) and English. Findings and verdicts come from the engine, in the language asked. */
export const TEXTS = {
  title: { vi: 'hoso — Kiểm tra hồ sơ đề nghị điển hình tiên tiến', en: 'hoso — Check nomination dossiers' },
  intro: {
    vi: 'Chọn hoặc kéo thả danh sách (.xlsx, .csv) hay cả thư mục. Tệp được kiểm tra ngay trên máy này: không gửi đi đâu, không cần mạng.',
    en: 'Choose or drop lists (.xlsx, .csv) or a whole folder. Files are checked on this computer: nothing is sent anywhere, no network is needed.',
  },
  otherLang: { vi: 'English', en: 'Tiếng Việt' },
  chooseFiles: { vi: 'Chọn tệp', en: 'Choose files' },
  chooseFolder: { vi: 'Chọn thư mục', en: 'Choose a folder' },
  drop: { vi: 'hoặc kéo thả tệp, thư mục vào đây', en: 'or drop files or folders here' },
  profiles: { vi: 'Hồ sơ định mức áp dụng', en: 'Profiles in force' },
  noProfiles: { vi: 'Bộ quy tắc không có hồ sơ định mức nào.', en: 'The rule packs define no profile.' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  filesRead: { vi: 'tệp đã đọc', en: 'files read' },
  failed: { vi: 'Không kiểm tra được', en: 'The check failed' },
  unreadable: { vi: 'Tệp không đọc được', en: 'Unreadable files' },
  cell: { vi: 'Ô', en: 'Cell' },
  severity: { vi: 'Mức', en: 'Severity' },
  nominee: { vi: 'Người, tập thể được đề nghị', en: 'Nominee' },
  value: { vi: 'Giá trị', en: 'Value' },
  message: { vi: 'Nội dung', en: 'Message' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  source: { vi: 'Căn cứ', en: 'Source' },
  explain: { vi: 'Giải thích', en: 'Explain' },
  hide: { vi: 'Ẩn', en: 'Hide' },
  more: { vi: 'Xem thêm', en: 'Show more' },
  shown: { vi: 'Đang hiện {n}/{t}', en: 'Showing {n} of {t}' },
  downloadJson: { vi: 'Tải báo cáo JSON', en: 'Download JSON report' },
  downloadCopies: { vi: 'Tạo các bản có đánh dấu (.xlsx)', en: 'Make the annotated copies (.xlsx)' },
  reportXlsx: { vi: 'Tải báo cáo tổng hợp (.xlsx)', en: 'Download the batch report (.xlsx)' },
  reportHtml: { vi: 'Tải báo cáo tổng hợp (.html)', en: 'Download the batch report (.html)' },
  making: { vi: 'Đang tạo…', en: 'Making…' },
  copies: { vi: 'Bản có đánh dấu của từng tệp (bấm để tải)', en: 'Annotated copy of each file (click to download)' },
  noFindings: { vi: 'Không có phát hiện nào.', en: 'No findings.' },
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  info: { vi: 'thông tin', en: 'info' },
} as const;

export type Lang = 'vi' | 'en';
export type TextId = keyof typeof TEXTS;

export function say(id: TextId, lang: Lang, fill: Record<string, string | number> = {}): string {
  return TEXTS[id][lang].replace(/\{(\w+)\}/g, (w, k: string) => (k in fill ? String(fill[k]) : w));
}
