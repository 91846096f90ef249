/** What the command line says to people, in Vietnamese by default and English with --lang en. */
import type { Lang } from '../engine/types.js';
import type { InputError } from '../read/types.js';

const INPUT: Record<string, { vi: string; en: string }> = {
  'not-found': { vi: 'không tìm thấy tệp hoặc thư mục', en: 'no such file or folder' },
  unreadable: { vi: 'không đọc được tệp', en: 'cannot read the file' },
  empty: { vi: 'tệp rỗng (0 byte)', en: 'the file is empty (0 bytes)' },
  ole: {
    vi: 'tệp Excel cũ (.xls) hoặc tệp .xlsx có đặt mật khẩu: hãy gỡ mật khẩu hoặc mở bằng Excel và «Lưu thành» .xlsx',
    en: 'a legacy Excel file (.xls) or a password-protected .xlsx: remove the password, or open it in Excel and "Save As" .xlsx',
  },
  encrypted: {
    vi: 'tệp .xlsx có đặt mật khẩu: hãy mở bằng Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại',
    en: 'a password-protected .xlsx: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it) and save it again',
  },
  xls: { vi: 'tệp Excel 97-2003 (.xls): hãy mở bằng Excel và «Lưu thành» .xlsx (Sổ làm việc Excel)', en: 'an Excel 97-2003 file (.xls): open it in Excel and "Save As" .xlsx (Excel Workbook)' },
  ods: { vi: 'tệp OpenDocument (.ods): hãy «Lưu thành» .xlsx', en: 'an OpenDocument spreadsheet (.ods): "Save As" .xlsx' },
  spreadsheet: {
    vi: 'bảng tính dạng {detail} mà hoso không đọc được: hãy mở rồi «Lưu thành» .xlsx (Sổ làm việc Excel)',
    en: 'a {detail} spreadsheet, which hoso does not read: open it and "Save As" .xlsx (Excel Workbook)',
  },
  fifo: { vi: 'không phải tệp mà là một ống dẫn (FIFO): không mở', en: 'not a file but a pipe (FIFO): not opened' },
  device: { vi: 'không phải tệp mà là một thiết bị: không mở', en: 'not a file but a device: not opened' },
  socket: { vi: 'không phải tệp mà là một socket: không mở', en: 'not a file but a socket: not opened' },
  'nothing-to-check': { vi: 'không có tệp nào để kiểm tra', en: 'no file to check' },
  unsupported: { vi: 'định dạng không hỗ trợ (chỉ nhận .xlsx và .csv)', en: 'unsupported format (only .xlsx and .csv are read)' },
  'not-a-workbook': { vi: 'không phải tệp Excel .xlsx hợp lệ', en: 'not a valid .xlsx workbook' },
  truncated: { vi: 'tệp .xlsx bị hỏng hoặc không đầy đủ (tải lại hoặc lưu lại từ Excel)', en: 'the .xlsx file is damaged or incomplete (download or save it again)' },
  'no-sheets': { vi: 'sổ tính không có trang tính nào', en: 'the workbook has no sheet' },
  'duplicate-part': {
    vi: 'tệp .xlsx ghi một thành phần hai lần, nên Excel và hoso có thể đọc hai bản khác nhau: hãy mở bằng Excel, «Lưu thành» tệp mới rồi kiểm tra tệp đó, hoặc xin gửi lại tệp',
    en: 'the .xlsx holds one of its parts twice, so Excel and hoso could read different copies: open it in Excel, "Save As" a new file and check that one, or ask for the file again',
  },
  'bad-xml': { vi: 'nội dung trang tính bị hỏng', en: 'a sheet’s content is damaged' },
  'token-too-long': {
    vi: 'nội dung tệp có một thẻ, chú thích hoặc đoạn XML dài bất thường: tệp bị hỏng hoặc được làm ra để treo chương trình đọc (--max-cell-length nâng giới hạn)',
    en: 'the file holds an abnormally long XML tag, comment or section: it is damaged, or made to hang a reader (--max-cell-length raises the limit)',
  },
  'no-header': {
    vi: 'không trang tính nào có dòng tiêu đề cột của danh sách đề nghị (cần ít nhất cột «Họ và tên / Tên tập thể» và một cột khác như «Đơn vị», «Đối tượng»)',
    en: 'no sheet has the header row of a nomination list (at least "Họ và tên / Tên tập thể" and one more known column such as "Đơn vị" or "Đối tượng")',
  },
  'history-no-header': {
    vi: 'danh sách quyết định (--history) không có trang tính nào có dòng tiêu đề cột (cần ít nhất cột «Họ và tên» và một cột khác như «Đơn vị công tác», «Danh hiệu»)',
    en: 'a decision list (--history) with no sheet that has a header row (at least "Họ và tên" and one more known column such as "Đơn vị công tác" or "Danh hiệu")',
  },
  'bad-csv': { vi: 'tệp CSV sai cấu trúc', en: 'malformed CSV' },
  'too-large': {
    vi: 'một phần của tệp khi giải nén vượt giới hạn kích thước (--max-part-size; có thể là tệp «bom nén»)',
    en: 'a part of the file inflates beyond the size limit (--max-part-size; possibly a zip bomb)',
  },
  'too-many-rows': { vi: 'trang tính vượt giới hạn số dòng (--max-rows)', en: 'a sheet exceeds the row limit (--max-rows)' },
  'cell-too-long': { vi: 'có ô dài quá giới hạn số ký tự (--max-cell-length), ở', en: 'a cell is longer than the limit (--max-cell-length), in' },
  'unclosed-quote': {
    vi: 'tệp CSV có dấu ngoặc kép mở mà không đóng, từ dòng',
    en: 'the CSV has a quote that never closes, from record',
  },
};

/** Reasons said in full: the error's own message (in English) would only repeat them. */
const NO_DETAIL = new Set(['not-found', 'empty', 'ole', 'encrypted', 'xls', 'ods', 'fifo', 'device', 'socket', 'nothing-to-check']);

/** In place of the text of an exception of hoso's own code, which is shown with --debug only. */
const DEBUG_HINT = { vi: 'chạy lại với --debug để xem chi tiết kỹ thuật', en: 'run again with --debug for the technical details' };

/**
 * The one line of an input that cannot be checked (printed through `printable`, as every line on
 * stderr is). An internal error's technical detail (`e.debug`) is left for --debug (see main.ts).
 */
export function describeInputError(e: InputError, lang: Lang): string {
  const template = INPUT[e.code]?.[lang];
  if (e.debug !== undefined) return `${e.file}: ${template ?? INPUT.unreadable[lang]} (${DEBUG_HINT[lang]})`;
  if (template?.includes('{detail}')) return `${e.file}: ${template.replace('{detail}', e.message)}`;
  const reason = template ?? e.message;
  const inline = ['unclosed-quote', 'cell-too-long'].includes(e.code);
  const detail = template && e.message && !NO_DETAIL.has(e.code) ? (inline ? ` ${e.message}` : ` (${e.message})`) : '';
  return `${e.file}: ${reason}${detail}`;
}

export const CLI_TEXT = {
  packValid: { vi: 'Bộ quy tắc hợp lệ', en: 'The rule pack is valid' },
  rules: { vi: 'quy tắc', en: 'rules' },
  rule: { vi: 'quy tắc', en: 'rule' },
  overwriteInput: { vi: 'không ghi đè lên tệp đầu vào', en: 'refusing to overwrite an input file' },
  internal: { vi: 'lỗi nội bộ của hoso (chạy lại với --debug để xem chi tiết)', en: 'internal error in hoso (run again with --debug for details)' },
};

const CACHE = {
  unreadable: { vi: 'không đọc được bộ nhớ đệm «{file}» ({detail}): các tệp được kiểm tra lại', en: 'cannot read the cache "{file}" ({detail}): the files are checked afresh' },
  notAFile: { vi: '«{file}» không phải tệp thường: không dùng làm bộ nhớ đệm, không ghi', en: '"{file}" is not a regular file: not used as the cache, not written' },
  setAside: {
    vi: 'bộ nhớ đệm «{file}» bị hỏng ({detail}): đã để sang «{aside}», các tệp được kiểm tra lại',
    en: 'the cache "{file}" is damaged ({detail}): moved aside to "{aside}"; the files are checked afresh',
  },
  notSetAside: {
    vi: 'bộ nhớ đệm «{file}» bị hỏng ({detail}) và không để sang bên được ({aside}): các tệp được kiểm tra lại',
    en: 'the cache "{file}" is damaged ({detail}) and could not be moved aside ({aside}): the files are checked afresh',
  },
  unwritable: {
    vi: 'không ghi được bộ nhớ đệm «{file}» ({detail}): báo cáo vẫn đầy đủ; lần sau các tệp được kiểm tra lại',
    en: 'cannot write the cache "{file}" ({detail}): the report is whole; the next run checks the files afresh',
  },
};

/** A warning about the cache: it never stops a run. */
export function cacheText(key: keyof typeof CACHE, lang: Lang, file: string, detail = '', aside = ''): string {
  return CACHE[key][lang].replace('{file}', file).replace('{detail}', detail).replace('{aside}', aside);
}

export function t(key: keyof typeof CLI_TEXT, lang: Lang): string {
  return CLI_TEXT[key][lang];
}

/** The language the environment asks for: English when LC_ALL, else LC_MESSAGES, else LANG names it (en, en_US.UTF-8); Vietnamese otherwise. */
export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang {
  // The first one set decides, as for every program that reads the locale (POSIX order).
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en(?![a-z])/i.test(locale) ? 'en' : 'vi';
}

/**
 * The language of the command line's own texts, known before commander parses (its help and its
 * errors are written while it parses): the last `--lang vi|en` (or `--lang=…`), else the locale's.
 */
export function langOf(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  let asked: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang') asked = argv[i + 1];
    else if (a.startsWith('--lang=')) asked = a.slice('--lang='.length);
  });
  return asked === 'en' || asked === 'vi' ? asked : localeLang(env);
}
