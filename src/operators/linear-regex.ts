/**
 * The engine behind `pattern` rules. A backtracking engine (JavaScript's RegExp) can take
 * exponential time on a near-miss — `^(a|a)*$` on 46 characters runs for days — and no list of
 * forbidden shapes catches them all. RE2 (here re2js, its pure-JavaScript port) matches in time
 * linear in the text whatever the pattern, by giving up what needs backtracking: back-references
 * and look-around. Pack authors write the JavaScript syntax the README documents; it is checked as
 * such, translated to RE2's where the two spell or mean a thing differently (`\s`, `.`, `\uXXXX`),
 * and what RE2 cannot do is refused when the pack loads, with a reason.
 */
import { lazyRequire } from '../lazy.js';

/** re2js is loaded only when a pattern is compiled: a check without a `pattern` rule never loads it. */
const re2js = lazyRequire<typeof import('re2js')>('re2js');

/** A pattern that cannot be matched in linear time, or is not a pattern at all: the reason says which. */
/** Why a pattern is refused: `message` in English, `vi` in Vietnamese. */
export class PatternError extends Error {
  constructor(
    message: string,
    readonly vi: string,
  ) {
    super(message);
  }
}

export interface LinearPattern {
  /** Whether the pattern occurs in the text (like RegExp#test). */
  test(text: string): boolean;
}

/**
 * The size of a compiled pattern, in RE2 instructions, past which it is refused. A pattern's work
 * per character is bounded by its size; repeat counts make a short pattern large (`(\d{999}|x)`),
 * and a real one (a tax code, a decision number) needs a few hundred at most.
 */
const MAX_PROGRAM = 20_000;

// JavaScript's \s: WhiteSpace and LineTerminator (RE2's \s is ASCII only, and Excel text often holds
// a no-break space). \S as explicit ranges, so that it can stand inside a class too.
const SPACE = '\\t-\\r\\p{Zs}\\x{2028}\\x{2029}\\x{FEFF}';
const NOT_SPACE = '\\x{0}-\\x{8}\\x{E}-\\x{1F}\\x{21}-\\x{9F}\\x{A1}-\\x{167F}\\x{1681}-\\x{1FFF}\\x{200B}-\\x{2027}\\x{202A}-\\x{202E}\\x{2030}-\\x{205E}\\x{2060}-\\x{2FFF}\\x{3001}-\\x{FEFE}\\x{FF00}-\\x{10FFFF}';
// JavaScript's `.` leaves out every line terminator; RE2's only \n.
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

const HEX = /^[0-9a-fA-F]{4}$/;

/**
 * RE2 syntax for a pattern in JavaScript's (with the `u` flag). Throws PatternError for what has no
 * linear-time match: a back-reference or a look-around.
 */
function toRe2(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[++i] ?? '';
      if (/[1-9]/.test(n) || (n === 'k' && source[i + 1] === '<')) {
        throw new PatternError(`a back-reference ("\\${n}") cannot be matched in linear time: hoso does not support it`, `tham chiếu ngược («\\${n}») không so được trong thời gian tuyến tính: hoso không hỗ trợ`);
      }
      if (n === 's') out += inClass ? SPACE : `[${SPACE}]`;
      else if (n === 'S') out += inClass ? NOT_SPACE : `[${NOT_SPACE}]`;
      else if (n === 'u' && source[i + 1] === '{') {
        const end = source.indexOf('}', i);
        out += `\\x${source.slice(i + 1, end + 1)}`;
        i = end;
      } else if (n === 'u' && HEX.test(source.slice(i + 1, i + 5))) {
        let code = parseInt(source.slice(i + 1, i + 5), 16);
        i += 4;
        // A surrogate pair written as two escapes is one character.
        if (code >= 0xd800 && code < 0xdc00 && source.startsWith('\\u', i + 1) && HEX.test(source.slice(i + 3, i + 7))) {
          const low = parseInt(source.slice(i + 3, i + 7), 16);
          if (low >= 0xdc00 && low < 0xe000) {
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
            i += 6;
          }
        }
        out += `\\x{${code.toString(16)}}`;
      } else if (n === 'p' || n === 'P') {
        // JavaScript names a script `\p{Script=Latin}`, RE2 `\p{Latin}`.
        const m = /^\{(?:Script|sc)=([A-Za-z_]+)\}/.exec(source.slice(i + 1));
        if (m) {
          out += `\\${n}{${m[1]}}`;
          i += m[0].length;
        } else out += `\\${n}`;
      } else out += `\\${n}`;
    } else if (inClass) {
      if (c === ']') inClass = false;
      // `[` is a plain character in a JavaScript class; RE2 would read `[:alpha:]` as a POSIX class.
      out += c === '[' ? '\\[' : c;
    } else if (c === '[') {
      // JavaScript's `[]` matches nothing and `[^]` anything; RE2 reads a `]` there as a character.
      const negated = source[i + 1] === '^';
      if (source[i + (negated ? 2 : 1)] === ']') {
        out += negated ? '[\\x{0}-\\x{10FFFF}]' : '[^\\x{0}-\\x{10FFFF}]';
        i += negated ? 2 : 1;
      } else {
        inClass = true;
        out += negated ? '[^' : '[';
        i += negated ? 1 : 0;
      }
    } else if (c === '(' && /^\?<?[=!]/.test(source.slice(i + 1, i + 4))) {
      const piece = source.slice(i, i + (source[i + 2] === '<' ? 4 : 3));
      throw new PatternError(`a look-${source[i + 2] === '<' ? 'behind' : 'ahead'} ("${piece}") cannot be matched in linear time: hoso does not support it`, `phép nhìn ${source[i + 2] === '<' ? 'lùi' : 'trước'} («${piece}») không so được trong thời gian tuyến tính: hoso không hỗ trợ`);
    } else if (c === '.') out += DOT;
    else out += c;
  }
  return out;
}

/**
 * Compiles a pattern (flags: `i` or none; Unicode always) for linear-time matching. Throws
 * PatternError with a reason for a person when it is not a valid pattern or cannot be matched so.
 */
export function compileLinear(source: string, flags: string): LinearPattern {
  try {
    // The documented syntax is JavaScript's: what it refuses is refused, whatever RE2 would make of it.
    new RegExp(source, `${flags}u`);
  } catch (e) {
    const why = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw new PatternError(`not a valid pattern: ${why}`, `mẫu không hợp lệ: ${why}`);
  }
  const translated = toRe2(source);
  const { RE2JS, RE2JSSyntaxException } = re2js();
  let re;
  try {
    re = RE2JS.compile(translated, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    if (e instanceof RE2JSSyntaxException) throw unsupported(e.error, e.input);
    throw new PatternError('hoso cannot match this pattern', 'hoso không so được mẫu này');
  }
  if (re.programSize() > MAX_PROGRAM)
    throw new PatternError(
      `the pattern is too large to match quickly (${re.programSize()} steps, at most ${MAX_PROGRAM}): use smaller repeat counts`,
      `mẫu quá lớn để so nhanh (${re.programSize()} bước, tối đa ${MAX_PROGRAM}): hãy dùng số lần lặp nhỏ hơn`,
    );
  return { test: (text) => re.test(text) };
}

/** RE2's syntax error, for a pattern JavaScript accepts: what it does not support, and the piece of the pattern. */
function unsupported(error: string, input: string | null): PatternError {
  const shortened = input && (input.length > 40 ? input.slice(0, 40) + '…' : input);
  const [piece, pieceVi] = shortened ? [` ("${shortened}")`, ` («${shortened}»)`] : ['', ''];
  if (/repeat count/.test(error)) return new PatternError(`a repeat count over 1000, counting nested repeats${piece}: hoso does not support it`, `số lần lặp quá 1000, tính cả các lần lặp lồng nhau${pieceVi}: hoso không hỗ trợ`);
  return new PatternError(`hoso's pattern engine does not support this${piece}: ${error}`, `bộ so mẫu của hoso không hỗ trợ điều này${pieceVi}: ${error}`);
}
