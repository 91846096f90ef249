/**
 * The help of the command line in Vietnamese. main.ts declares each command and option with its
 * English text, as commander expects; this table gives the Vietnamese one, keyed by the command's
 * path ("rules validate") and the option's long flag ("check --format", or "--rules" for every
 * command that has it), so a new option needs one line here and nothing in main.ts changes shape.
 * Commander's own words (headings, "[options]", its help and version options) are replaced too.
 * A test asserts every command, argument and option has its Vietnamese text.
 */
import { Help, type Command } from 'commander';
import type { Lang } from '../engine/types.js';
import { FORMAT_NAMES } from '../format/names.js';
import { DEFAULT_LIMITS } from '../read/types.js';
import { DEFAULT_CACHE } from './cache-options.js';
import { mib } from './limits.js';

const PATHS = 'tệp .xlsx/.csv hoặc thư mục';

/** Commands, by their path under `hoso` ('' is hoso itself). */
const COMMANDS: Record<string, string> = {
  '': 'Kiểm tra hồ sơ đề nghị điển hình tiên tiến theo bộ quy tắc',
  check: 'kiểm tra hồ sơ và in các vấn đề tìm thấy',
  report: 'báo cáo tổng hợp nhiều hồ sơ: một sổ tính .xlsx hoặc một trang .html, theo phần mở rộng của tệp -o',
  inspect: 'cho xem mỗi tệp được đọc thế nào: trang tính, dòng tiêu đề, các cột, và mỗi dòng được hiểu là gì (không áp dụng quy tắc nào)',
  init: 'ghi một mẫu hồ sơ trống theo các bộ quy tắc đang áp dụng',
  web: 'ghi trang kiểm tra ngoại tuyến: một tệp HTML kiểm tra hồ sơ ngay trên trình duyệt, kèm các bộ quy tắc và hồ sơ định mức đang áp dụng',
  rules: 'bộ quy tắc',
  'rules list': 'liệt kê các quy tắc đang áp dụng',
  'rules validate': 'kiểm tra bộ quy tắc có hợp lệ không (cùng các bộ có sẵn mà nó mở rộng)',
  explain: 'giải thích một quy tắc: ý nghĩa, trích dẫn văn bản gốc và ví dụ',
};

/** Arguments, by command path and argument name. */
const ARGUMENTS: Record<string, string> = {
  'check paths': PATHS,
  'report paths': PATHS,
  'inspect paths': PATHS,
  'rules validate files': 'tệp hoặc thư mục bộ quy tắc',
  'explain id': 'mã của một quy tắc, hồ sơ định mức hoặc lĩnh vực',
};

/** Options, by "command-path --long-flag" first, then by the flag alone for the options commands share. */
const OPTIONS: Record<string, string> = {
  '--version': 'in số phiên bản',
  '--rules': 'tệp hoặc thư mục bộ quy tắc (lặp lại được)',
  '--no-default-rules': 'không nạp các bộ quy tắc có sẵn',
  '--profile': 'hồ sơ định mức áp dụng, ví dụ binh-dinh/xa (lặp lại được)',
  '--lang': 'ngôn ngữ của thông báo (mặc định tiếng Việt; tiếng Anh khi LANG hoặc LC_ALL là en…)',
  '--config': 'tệp hoso.config.yaml (mặc định: tệp gần nhất, từ thư mục hiện tại đi lên)',
  '--debug': 'in chi tiết kỹ thuật của lỗi nội bộ',
  '--max-part-size': `phần lớn nhất của một tệp .xlsx khi giải nén (mặc định ${mib(DEFAULT_LIMITS.ratioFloorBytes)}, hoặc tới ${mib(DEFAULT_LIMITS.maxPartBytes)} nếu không quá ${DEFAULT_LIMITS.maxRatio} lần kích thước nén)`,
  '--max-rows': `số dòng nhiều nhất đọc từ một trang tính hoặc tệp CSV (mặc định ${DEFAULT_LIMITS.maxRows})`,
  '--max-cell-length': `số ký tự nhiều nhất của một ô (mặc định ${DEFAULT_LIMITS.maxCellChars})`,
  '--history': 'danh sách kèm các quyết định khen thưởng các năm trước: tệp, thư mục hoặc mẫu (lặp lại được)',
  '--jobs': 'số tệp kiểm tra cùng lúc bằng các luồng (mặc định: một luồng cho mỗi 4 MiB đầu vào, tối đa ít hơn số lõi CPU một; không bao giờ quá số lõi)',
  'check --format': `định dạng kết quả: ${FORMAT_NAMES.join(', ')} (lặp lại được, ghép theo thứ tự với -o)`,
  'check --output-file': 'ghi báo cáo vào tệp thay vì ra màn hình (lặp lại được)',
  'check --max-warnings': 'thoát với mã 1 khi số cảnh báo nhiều hơn n',
  'check --quiet': 'chỉ báo lỗi',
  'check --annotate': 'ghi vào thư mục dir một bản sao của mỗi sổ tính, có đánh dấu các vấn đề',
  'check --cache': 'bỏ qua các tệp mà nội dung, quy tắc và hồ sơ định mức không đổi từ lần chạy trước',
  'check --cache-location': `nơi giữ bộ nhớ đệm (mặc định: ${DEFAULT_CACHE})`,
  '--color': 'tô màu báo cáo cả khi không phải màn hình',
  '--no-color': 'không bao giờ tô màu báo cáo',
  '--ignore-pattern': 'bỏ qua các tệp và thư mục khớp mẫu, tính từ thư mục hiện tại (lặp lại được)',
  'check --stdin': 'đọc một sổ tính hoặc tệp CSV từ đầu vào chuẩn (như đường dẫn -)',
  'check --stdin-filename': 'tên dùng cho kết quả của đầu vào chuẩn; phần mở rộng (.xlsx hoặc .csv) cho biết định dạng',
  'check --suppress': 'chấp nhận mọi vấn đề hiện có, ghi vào tệp chấp nhận (giữ nguyên các lý do đã ghi)',
  'check --prune-suppressions': 'xóa khỏi tệp chấp nhận những vấn đề không còn xuất hiện',
  'check --suppressions-location': 'tệp chấp nhận (mặc định: hoso-suppressions.json cạnh tệp cấu hình đang áp dụng, hoặc trong thư mục hiện tại)',
  'check --no-suppressions': 'không đọc tệp chấp nhận',
  'check --print-config': 'in tệp cấu hình, các bộ quy tắc, hồ sơ định mức và mức độ đã đổi đang áp dụng, và không kiểm tra gì',
  'report --output-file': 'tệp báo cáo cần ghi: tệp .xlsx hoặc .html',
  'inspect --format': 'định dạng kết quả',
  'init --output-file': 'nơi ghi tệp mẫu',
  'init --force': 'ghi đè nếu tệp đã có',
  'init --award': 'mẫu cho danh hiệu, hình thức khen thưởng này theo Luật: thông tin người được đề nghị và các cột chứng minh tiêu chuẩn (mã, tên, tên viết tắt hoặc mã phần mềm; lặp lại được)',
  'init --year': 'năm đề nghị của mẫu --award (mặc định: năm nay)',
  'web --output-file': 'nơi ghi trang',
};

const HEADINGS: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Đối số:',
  'Options:': 'Tùy chọn:',
  'Global Options:': 'Tùy chọn chung:',
  'Commands:': 'Lệnh:',
};

const HELP_OPTION = 'xem hướng dẫn của lệnh';

/** Commander's words inside a line: its usage placeholders and the notes it adds after a description. */
function commanderWords(s: string): string {
  return s
    .replace(/\[options\]/g, '[tùy chọn]')
    .replace(/\[command\]/g, '[lệnh]')
    .replace(/\((choices|default): /, (_, w: string) => `(${w === 'choices' ? 'chọn một trong' : 'mặc định'}: `)
    .replace(/, default: /, ', mặc định: ');
}

const VI_HELP: Partial<Help> = {
  styleTitle: (title: string) => HEADINGS[title] ?? title,
  commandUsage(cmd) {
    return commanderWords(Help.prototype.commandUsage.call(this, cmd));
  },
  subcommandTerm(cmd) {
    return commanderWords(Help.prototype.subcommandTerm.call(this, cmd));
  },
  optionDescription(option) {
    return commanderWords(Help.prototype.optionDescription.call(this, option));
  },
  argumentDescription(argument) {
    return commanderWords(Help.prototype.argumentDescription.call(this, argument));
  },
};

/** Each command's path under hoso, with the command: '' for hoso, then "check", "rules list"… */
export function commandsOf(program: Command, path = ''): [string, Command][] {
  return [[path, program], ...program.commands.flatMap((c) => commandsOf(c, path ? `${path} ${c.name()}` : c.name()))];
}

/** Puts the help of `program` and its commands in Vietnamese; English is main.ts's own text. */
export function localizeHelp(program: Command, lang: Lang): Command {
  if (lang !== 'vi') return program;
  for (const [path, cmd] of commandsOf(program)) {
    // Commander copies its settings into a command when it is made, so each one is set here.
    cmd.configureHelp(VI_HELP);
    cmd.helpOption('-h, --help', HELP_OPTION);
    if (cmd.commands.length) cmd.helpCommand('help [lệnh]', HELP_OPTION);
    if (COMMANDS[path]) cmd.description(COMMANDS[path]);
    for (const a of cmd.registeredArguments) a.description = ARGUMENTS[`${path} ${a.name()}`] ?? a.description;
    for (const o of cmd.options) if (o.long) o.description = OPTIONS[`${path} ${o.long}`] ?? OPTIONS[o.long] ?? o.description;
  }
  return program;
}
