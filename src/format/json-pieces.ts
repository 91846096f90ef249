/**
 * `JSON.stringify(make(items), null, 2)` in pieces: the text around the array is made once, and
 * each item is stringified as its turn comes, so that a report's findings are never one string.
 * The array must come last in the text of `make(items)` (the findings of a report, the results of
 * a SARIF run); the pieces joined are the same text, byte for byte. Escaped for a terminal or a
 * CI log (safeJson): a report on stdout is read there as often as it is parsed.
 */
import { safeJson } from '../printable.js';

export function* stringifyAround<T>(make: (items: unknown[]) => unknown, items: readonly T[], map: (item: T) => unknown = (x) => x): Generator<string> {
  if (items.length === 0) {
    yield safeJson(make([])) + '\n';
    return;
  }
  const shell = safeJson(make([MARK]));
  const at = shell.lastIndexOf(QUOTED_MARK);
  const lineStart = shell.lastIndexOf('\n', at) + 1;
  // The items' own lines are indented as deep as the array's first line is.
  const indent = shell.slice(lineStart, at);
  yield shell.slice(0, lineStart);
  for (let i = 0; i < items.length; i++) {
    const text = safeJson(map(items[i]));
    yield indent + text.replaceAll('\n', '\n' + indent) + (i < items.length - 1 ? ',\n' : '\n');
  }
  // After the mark: its line's end, then the array's closing bracket and the rest.
  yield shell.slice(at + QUOTED_MARK.length + 1) + '\n';
}

const MARK = '\u0000hoso-items\u0000';
const QUOTED_MARK = JSON.stringify(MARK);
