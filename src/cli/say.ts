/** What the command line says on stderr, made printable: no text from an input or an argument acts on a terminal or a CI log. */
import { printable } from '../printable.js';

/**
 * One line on stderr, for a person: every `hoso:` line is written here, printable (a file or sheet
 * name, an argument, an error's text may hold an escape sequence or a line break that would start
 * a CI workflow command of its own).
 */
export function warn(line: string): void {
  process.stderr.write(`hoso: ${printable(line)}\n`);
}

/** An internal error's stack for --debug: its message (which may quote an input) printable, then hoso's own frames. */
export function debugTrace(e: unknown): string {
  if (!(e instanceof Error)) return printable(String(e));
  const stack = e.stack ?? '';
  const frames = stack.indexOf('\n    at ');
  return `${printable(`${e.name}: ${e.message}`)}${frames < 0 ? '' : stack.slice(frames)}`;
}

/** --debug's technical detail (an internal error's stack), each line printable. */
export function debugLines(detail: string): void {
  process.stderr.write(`${detail.split('\n').map(printable).join('\n')}\n`);
}
