/**
 * Commander's usage errors in the user's language, on one line: commander writes nothing (see
 * main.ts), and its error is told again here by its code. The parts (the argument given, the
 * flag, commander's own "did you mean" candidates) are taken from its English message, whose
 * shapes are those of commander 14 (lib/command.js); an error of another shape keeps commander's text.
 */
import type { CommanderError } from 'commander';
import type { Lang } from '../engine/types.js';
import { didYouMean } from '../nearest.js';

const TEXT: Record<string, { vi: string; en: string }> = {
  unknownCommand: { vi: 'không có lệnh «{0}»', en: 'unknown command "{0}"' },
  unknownOption: { vi: 'không có tùy chọn «{0}»', en: 'unknown option "{0}"' },
  missingArgument: { vi: 'thiếu đối số «{0}»', en: 'missing argument "{0}"' },
  optionMissingArgument: { vi: 'tùy chọn «{0}» cần một giá trị', en: 'option "{0}" needs a value' },
  invalidChoice: { vi: 'tùy chọn «{0}» không nhận «{1}»: chỉ nhận {2}', en: 'option "{0}" does not take "{1}": it takes {2}' },
  invalidArgument: { vi: 'tùy chọn «{0}» không nhận «{1}»', en: 'option "{0}" does not take "{1}"' },
  excessArguments: { vi: 'lệnh «{0}» nhận {1} đối số, không phải {2}', en: '"{0}" takes {1} argument(s), not {2}' },
};

/** Commander's error messages, by code: each group is a {n} of the text. */
const SHAPES: [code: string, shape: RegExp, text: keyof typeof TEXT][] = [
  ['commander.unknownCommand', /^error: unknown command '(.*)'$/s, 'unknownCommand'],
  ['commander.unknownOption', /^error: unknown option '(.*)'$/s, 'unknownOption'],
  ['commander.missingArgument', /^error: missing required argument '(.*)'$/s, 'missingArgument'],
  ['commander.optionMissingArgument', /^error: option '(.*)' argument missing$/s, 'optionMissingArgument'],
  ['commander.invalidArgument', /^error: option '(.*?)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, 'invalidChoice'],
  ['commander.invalidArgument', /^error: option '(.*?)' argument '(.*)' is invalid\./s, 'invalidArgument'],
  ['commander.excessArguments', /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s, 'excessArguments'],
];

/** Commander's suggestion, on a line of its own after the message. */
const SUGGESTION = /\n\(Did you mean (?:one of )?(.*)\?\)$/s;

/**
 * The line to print for a commander error, without "hoso: "; undefined when commander has already
 * said all there is (help, version, or the help it prints when no command is given).
 */
export function usageLine(e: CommanderError, lang: Lang): string | undefined {
  if (e.exitCode === 0 || e.code === 'commander.help') return undefined;
  const suggested = SUGGESTION.exec(e.message);
  const message = suggested ? e.message.slice(0, suggested.index) : e.message;
  const candidates = suggested ? suggested[1].split(', ') : [];
  for (const [code, shape, key] of SHAPES) {
    const m = code === e.code ? shape.exec(message) : null;
    if (!m) continue;
    const parts = m.slice(1).map((p) => p ?? 'hoso');
    return TEXT[key][lang].replace(/\{(\d)\}/g, (_, i: string) => parts[Number(i)]) + didYouMean(candidates, lang);
  }
  return message.replace(/^error: /, '');
}
