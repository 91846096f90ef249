/** Words several operators' descriptions share (`describe`, for `hoso explain`). */
import type { Said } from '../said.js';

/** Where a rule over many rows looks: within each file, or over every file checked together. */
export const SCOPE: Record<'file' | 'all', Said> = {
  file: { vi: 'trong từng tệp', en: 'within each file' },
  all: { vi: 'trên mọi tệp kiểm tra cùng nhau', en: 'over every file checked together' },
};
