/**
 * The header cells of a sheet that no column of the packs matches: the rules read nothing under
 * them, and the officer should know it (a "Mã danh hiệu thi đua" column nothing checks looks
 * checked). `check` names them once per sheet; `inspect` lists them. A header a pack or the
 * config names in `ignore-columns` is passed over on purpose, and named by neither as unread.
 */
import { cleanText } from '../normalize/text.js';
import { columnLetter } from '../read/types.js';
import type { TableLayout } from '../read/table.js';
import type { MessageArg } from '../operators/types.js';

/** How much of a text taken from a sheet a report keeps. */
const TEXT_CHARS = 120;

/** A text from a sheet, cleaned and cut to a length a report can show. */
export function shortText(s: string): string {
  const t = cleanText(s);
  return t.length > TEXT_CHARS ? `${t.slice(0, TEXT_CHARS - 1)}…` : t;
}

export interface HeaderCell {
  column: string;
  header: string;
}

/** The header cells no column matched, as `column` and shortened `header`: those read as unread, and those ignored on purpose. */
export function unmatchedHeaders(layout: TableLayout): { unread: HeaderCell[]; ignored: HeaderCell[] } {
  const unread: HeaderCell[] = [];
  const ignored: HeaderCell[] = [];
  for (const u of layout.unmatched) (u.ignored ? ignored : unread).push({ column: columnLetter(u.col), header: shortText(u.header) });
  return { unread, ignored };
}

/** The notice's {{columns}}: «Địa chỉ / Nơi ở» (H), «…» (K), quoted as each language quotes. */
export function unreadColumnsText(cells: HeaderCell[]): MessageArg {
  const say = (open: string, close: string) => cells.map((c) => `${open}${c.header}${close} (${c.column})`).join(', ');
  return { vi: say('«', '»'), en: say('"', '"') };
}
