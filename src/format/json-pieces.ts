/**
 * `JSON.stringify(make(items), null, 2)` in pieces: the text around the array is made once, and
 * each item is stringified as its turn comes, so that a report's findings are never one string.
 * The array must come last in the text of `make(items)` (the findings of a report, the results of
 * a SARIF run); the pieces joined are the same text, byte for byte. Escaped for a terminal or a
 * CI log (safeJson): a report on stdout is read there as often as it is parsed.
 */
import { safeJson } from '../printable.js';

export function stringifyAround<T>(make: (items: unknown[]) => unknown, items: readonly T[], map?: (item: T, index: number) => unknown): Generator<string> {
  return stringifyAroundEach((list) => make(list), [{ items, map }]);
}

/** A list stringifyAroundEach writes an item at a time, each item made by `map` (the item itself without it). */
export interface PiecedList<T> {
  items: readonly T[];
  map?: (item: T, index: number) => unknown;
}

/**
 * stringifyAround for several arrays (a report's findings, then those suppressed): `make` is
 * given one array per list, and the arrays must come in the lists' order and after everything
 * else of the text but one another (nothing but their closing brackets and keys between them).
 */
export function* stringifyAroundEach(make: (...lists: unknown[][]) => unknown, lists: PiecedList<any>[]): Generator<string> {
  const shell = safeJson(make(...lists.map((l, k) => (l.items.length ? [mark(k)] : []))));
  // Each mark found backwards from the end: the text before the first array may hold anything, a mark's text included.
  const at: number[] = [];
  for (let k = lists.length - 1, end = shell.length; k >= 0; k--) if (lists[k].items.length) end = at[k] = shell.lastIndexOf(quoted(k), end);
  let from = 0;
  for (const [k, { items, map = (x: unknown) => x }] of lists.entries()) {
    if (items.length === 0) continue;
    const lineStart = shell.lastIndexOf('\n', at[k]) + 1;
    // The items' own lines are indented as deep as the array's first line is.
    const indent = shell.slice(lineStart, at[k]);
    yield shell.slice(from, lineStart);
    for (let i = 0; i < items.length; i++) {
      const text = safeJson(map(items[i], i));
      yield indent + text.replaceAll('\n', '\n' + indent) + (i < items.length - 1 ? ',\n' : '\n');
    }
    // After the mark: its line's end; the array's closing bracket and what follows come next.
    from = at[k] + quoted(k).length + 1;
  }
  yield shell.slice(from) + '\n';
}

/** A string no report holds (JSON writes its NULs escaped), standing for list k's items in the shell. */
const mark = (k: number) => `\u0000hoso-items-${k}\u0000`;
/** The mark as it stands in the shell (safeJson escapes NUL as JSON.stringify does). */
const quoted = (k: number) => JSON.stringify(mark(k));
