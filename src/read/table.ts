/**
 * Finds the dossier table inside a sheet and turns the rows under it into located nominee rows.
 *
 * Real sheets carry a title block (the unit's name, the national motto, a title merged across
 * the table), a header of one to three rows (a merged group "Xếp loại" over "2023 | 2024"), a row
 * of column numbers "(1) (2) …", group rows ("I. TẬP THỂ") and a footer (a total line, the
 * place and date, the signatures). Only the declared columns are known here — never a rule.
 *
 * Merged ranges are listed at the end of a worksheet's XML, after every row, so a streaming
 * reader cannot use them to read the header; a merged group header is recognised by its shape
 * instead: its text stands in the first cell, and the cells under it carry the sub-headers.
 */
import type { MergeRange, RawCell, RawRow, SheetInfo } from './types.js';
import { displayText } from '../normalize/values.js';
import { cleanText, fold, foldWithoutParentheses, PhraseList } from '../normalize/text.js';
import { decodeTcvn3, isLatin1Text, looksLikeTcvn3 } from '../normalize/legacy.js';
import { LegacyText } from './legacy-text.js';

/** A column as a rule pack declares it; `header` and `aliases` may contain YYYY (a year column). */
export interface ColumnSpec {
  key: string;
  header: string;
  aliases: string[];
  /** A year column's merged group headers over year sub-headers, besides its names without YYYY. */
  groupAliases?: string[];
  /** Headers of one column holding this column's value and others' (`also`). */
  combined?: { headers: string[]; also: string[] }[];
}

export interface LayoutVocabulary {
  /** Phrases that open a total or subtotal line ("Tổng cộng", "Cộng"). */
  total: PhraseList;
  /** Phrases that open the footer: the signatures, "Nơi nhận" (the place and date is told by its shape). */
  footer: PhraseList;
  /** A template's placeholder names ("Tên cá nhân"): a row whose name is one of them is no nominee. */
  placeholders: PhraseList;
  /** Every kind's phrases together: a heading that is one of them alone ("CÁ NHÂN") heads that kind's rows. */
  kindNames: PhraseList;
  /** Per kind of nominee, phrases in a sheet name, title, file name or group row that name it. */
  kindPhrases: Record<string, string[]>;
  /** Phrases of the title block that are not the submitting unit's name. */
  notUnit: PhraseList;
}

export interface LocatedColumn {
  key: string;
  year?: number;
  col: number;
  /** The header as written in the sheet, cleaned. */
  header: string;
  /**
   * Set when a combined header ("Họ và tên, chức vụ, đơn vị công tác") stands for this key too:
   * the key its column is read as first, listed just before. The same cell is then both.
   */
  combinedWith?: string;
}

export interface TableLayout {
  /** Excel row numbers of the header's first and last row. */
  headerRows: [number, number];
  columns: LocatedColumn[];
  /**
   * Header cells that matched no declared column; `ignored` when a pack or the config names the
   * header as one not to read (layout.ignore-columns).
   */
  unmatched: { col: number; header: string; ignored?: true }[];
  /** The title block's texts, row by row and left to right, with where they stand. */
  title: TitleLine[];
}

export interface TitleLine {
  row: number;
  col: number;
  text: string;
}

export interface NomineeRow {
  row: number;
  /** Its non-empty cells in column order (merged-down cells filled in). */
  cells: RawCell[];
  /** What each of them shows (displayText), made once here for the table and the rules. */
  texts: string[];
  hidden: boolean;
  /** The kind of nominee a group row above or the sheet's title names, when the sheet says. */
  kindHint?: string;
  /** The total line or the footer this row stands below, when it does (it is checked all the same). */
  below?: { class: 'total' | 'footer'; row: number; text: string };
}

/** What a row under the header that is no nominee was taken for. */
export type RowClass = 'numbering' | 'group' | 'total' | 'footer' | 'placeholder' | 'empty' | 'note';

export interface OtherRow {
  row: number;
  /** The column of its first cell. */
  col: number;
  class: RowClass;
  /** Its text, as far as it tells what the row is (the heading, the total's words). */
  text: string;
  hidden: boolean;
}

/** How many rows from the top the header is looked for in. */
const HEADER_SEARCH_ROWS = 40;
const YEAR = /\b(?:nam )?((?:19|20)\d{2})\b/;
/** A folded sub-header that is a year alone: "2024", "Năm 2024". */
const YEAR_ONLY = /^(?:nam )?(?:19|20)\d{2}$/;

/** A header cell's column: its key, and the year of a year column. */
export interface HeaderMatch {
  key: string;
  year?: number;
  /** A combined header's other keys, which its column stands for when the sheet has no column of theirs. */
  also?: string[];
}

/** A yearly name's folded pattern: the reader takes "năm 2024" whole, so "năm YYYY" is stored as "yyyy". */
function yearPattern(folded: string): string {
  return folded.replace(/(^| )nam yyyy\b/, '$1yyyy');
}

/** How much longer than a group's key a text under it can be: " năm 2024", and a "năm" the group ends in. */
const GROUP_SLACK = 13;

/** How many texts a HeaderMatcher remembers the answer for before it forgets them all. */
const MATCH_MEMO = 4096;

export class HeaderMatcher {
  private readonly plain = new Map<string, HeaderMatch>();
  private readonly yearly = new Map<string, string>();
  /**
   * Year columns by the text of a merged group over year sub-headers: each yearly name with YYYY
   * taken out ("Doanh thu (triệu đồng)", "GĐVH"), and the groups a pack declares ("Xếp loại hoàn
   * thành nhiệm vụ"). Tried only on a text that ends in a year: the group's, then its sub-header's.
   */
  private readonly groups = new Map<string, string>();
  /**
   * Answers already given: the header is looked for among the first rows, and each of their
   * texts is tried alone, over the row below and under the row above; headers repeat across
   * the files of a run. `null`: no column.
   */
  private readonly memo = new Map<string, HeaderMatch | null>();
  /** The longest key either map holds: a longer folded text matches nothing (see matchFolded). */
  private longest = 0;
  /** Headers named as not to read, folded whole (see ignores). */
  private readonly ignored: Set<string>;

  /** `ignored`: header texts of columns not to read (layout.ignore-columns), whole. */
  constructor(columns: ColumnSpec[], ignored: string[] = []) {
    this.ignored = new Set(ignored.map(fold));
    // The first column to declare a text takes it: a later pack's alias never steals a header.
    const add = <T>(target: Map<string, T>, f: string, value: T, slack = 0) => {
      if (!f || target.has(f)) return;
      target.set(f, value);
      this.longest = Math.max(this.longest, f.length + slack);
    };
    const folds = (name: string) => [fold(name), foldWithoutParentheses(name)];
    for (const c of columns) {
      const key = { key: c.key };
      for (const name of [c.header, ...c.aliases]) {
        if (!/YYYY/.test(name)) {
          for (const f of folds(name)) add(this.plain, f, key);
          continue;
        }
        for (const f of folds(name)) {
          const pattern = yearPattern(f);
          add(this.yearly, pattern, c.key);
          add(this.groups, pattern.replace(/(^| )yyyy( |$)/, ' ').trim(), c.key, GROUP_SLACK);
        }
      }
      for (const group of c.groupAliases ?? []) for (const f of folds(group)) add(this.groups, f, c.key, GROUP_SLACK);
      for (const { headers, also } of c.combined ?? []) {
        const match = { key: c.key, also };
        for (const header of headers) for (const f of folds(header)) add(this.plain, f, match);
      }
    }
  }

  /**
   * Whether a header is one not to read. Compared whole, before any column's names: a template's
   * lookup "Mã danh hiệu thi đua" is passed over while a typed "Mã danh hiệu thi đua (nếu có)",
   * which a column's name matches with its parentheses left out, is still read.
   */
  ignores(text: string): boolean {
    return this.ignored.size > 0 && this.ignored.has(fold(text));
  }

  match(text: string): HeaderMatch | undefined {
    let answer = this.memo.get(text);
    if (answer === undefined) {
      // Without parentheses only when there are some: otherwise the same key again.
      answer = this.matchFolded(fold(text)) ?? (text.includes('(') ? this.matchFolded(foldWithoutParentheses(text)) : undefined) ?? null;
      if (this.memo.size >= MATCH_MEMO) this.memo.clear();
      this.memo.set(text, answer);
    }
    return answer ?? undefined;
  }

  private matchFolded(f: string): HeaderMatch | undefined {
    // A year column's key has "yyyy" where the text has "2024" or "nam 2024": at most 4 shorter.
    if (f.length > this.longest + 4) return undefined;
    const plain = this.plain.get(f);
    if (plain) return plain;
    const m = YEAR.exec(f);
    if (m) {
      const before = f.slice(0, m.index);
      const after = f.slice(m.index + m[0].length);
      const year = Number(m[1]);
      const yearKey = this.yearly.get((before + 'yyyy' + after).replace(/\s+/g, ' ').trim());
      if (yearKey) return { key: yearKey, year };
      // A group over year sub-headers, joined with one of them ("Xếp loại hoàn thành nhiệm vụ"
      // and "Năm 2024"), or the same written as one header per year.
      const groupKey = after === '' ? this.groups.get(before.replace(/(^| )nam $/, ' ').trim()) : undefined;
      if (groupKey) return { key: groupKey, year };
    }
    return undefined;
  }
}

/**
 * Whether a row reads as the years under merged groups: two cells or more that are a year alone
 * ("2024", "Năm 2024"), and no more other cells than those. A nominee's row with a year of birth
 * is not: the three-row header is looked for only over such a row.
 */
function isYearRow(row: RowTexts): boolean {
  let years = 0;
  // "Năm 2024" is 8 characters: a longer text (a name, a summary) is not folded to be ruled out.
  for (const t of row.texts) if (t.length <= 16 && YEAR_ONLY.test(fold(t))) years++;
  return years >= 2 && years * 2 >= row.texts.length;
}

/** What a cell shows to the header search, the title and the footer: nothing for a formula error. */
function cellText(c: RawCell): string {
  return c.t === 'e' ? '' : displayText(c);
}

function textCells(row: RawRow): Map<number, string> {
  const m = new Map<number, string>();
  for (const c of row.cells) {
    const t = cellText(c);
    if (t) m.set(c.col, t);
  }
  return m;
}

interface Candidate {
  score: number;
  hasName: boolean;
  columns: LocatedColumn[];
  unmatched: TableLayout['unmatched'];
}

/** A header candidate laid out: its columns in order, and the texts to try for each, in order. */
interface HeaderColumns {
  cols: number[];
  tries: string[][];
}

function locate({ cols, tries }: HeaderColumns, matcher: HeaderMatcher, nameKey: string): Candidate {
  const columns: LocatedColumn[] = [];
  const unmatched: TableLayout['unmatched'] = [];
  const seen = new Set<string>();
  // A combined header ("Họ và tên, chức vụ, đơn vị công tác") waits until every other column has
  // its key: it stands only for the keys the sheet has no column of their own for.
  let combined: { col: number; text: string; keys: string[] }[] | undefined;
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i];
    const texts = tries[i];
    let found: LocatedColumn | undefined;
    let waits = false;
    let ignored = false;
    for (const text of texts) {
      if (matcher.ignores(text)) {
        ignored = true;
        break;
      }
      const m = matcher.match(text);
      if (!m) continue;
      if (m.also) {
        (combined ??= []).push({ col, text, keys: [m.key, ...m.also] });
        waits = true;
        break;
      }
      if (!seen.has(m.key + '|' + (m.year ?? ''))) {
        found = { key: m.key, year: m.year, col, header: text };
        break;
      }
    }
    if (found) {
      seen.add(found.key + '|' + (found.year ?? ''));
      columns.push(found);
    } else if (ignored) unmatched.push({ col, header: texts[0], ignored: true });
    else if (!waits) unmatched.push({ col, header: texts[0] });
  }
  let score = columns.length;
  if (combined) {
    for (const { col, text, keys } of combined) {
      const free = keys.filter((k) => !seen.has(k + '|'));
      for (const k of free) seen.add(k + '|');
      if (free.length) score++;
      else unmatched.push({ col, header: text });
      columns.push(...free.map((key, n): LocatedColumn => (n ? { key, col, header: text, combinedWith: free[0] } : { key, col, header: text })));
    }
    // Back in column order; a combined column's keys stay in their order (the sort is stable).
    columns.sort((a, b) => a.col - b.col);
    unmatched.sort((a, b) => a.col - b.col);
  }
  // Scored by the header cells matched: a combined one counts once, whatever it stands for.
  return { score, hasName: seen.has(nameKey + '|'), columns, unmatched };
}

/** A row's texts as textCells gives them, in column order. */
interface RowTexts {
  cols: number[];
  texts: string[];
}

/**
 * The header search lays out every one of the first rows, and every pair of them, as a
 * candidate: arrays in column order, where Maps, Sets and sorts made most of what a small file
 * allocated. Cells come in column order; a row whose cells do not is read through textCells.
 */
function rowTexts(row: RawRow): RowTexts {
  const cols: number[] = [];
  const texts: string[] = [];
  for (const c of row.cells) {
    const t = cellText(c);
    if (!t) continue;
    if (cols.length > 0 && c.col <= cols[cols.length - 1]) {
      const sorted = [...textCells(row)].sort((a, b) => a[0] - b[0]);
      return { cols: sorted.map(([col]) => col), texts: sorted.map(([, text]) => text) };
    }
    cols.push(c.col);
    texts.push(t);
  }
  return { cols, texts };
}

/** A row's texts as the texts to try for each of its columns: each alone. */
function singleRowHeaders(row: RowTexts): HeaderColumns {
  return { cols: row.cols, tries: row.texts.map((t) => [t]) };
}

/**
 * Header texts per column for a row over the header rows below it: a text above is tried joined
 * with each text under it, then those alone, then itself; a group cell's text is carried over the
 * sub-headers under it (a merged group header stands in its first cell only).
 */
function stackHeaders(top: RowTexts, below: HeaderColumns): HeaderColumns {
  const cols: number[] = [];
  const tries: string[][] = [];
  let group: string | undefined;
  let prev = 0;
  for (let i = 0, j = 0; i < top.cols.length || j < below.cols.length; ) {
    const col = Math.min(i < top.cols.length ? top.cols[i] : Infinity, j < below.cols.length ? below.cols[j] : Infinity);
    const t = top.cols[i] === col ? top.texts[i++] : undefined;
    const b = below.cols[j] === col ? below.tries[j++] : undefined;
    if (col !== prev + 1) group = undefined; // a gap: a merged group never spans an empty column
    prev = col;
    if (t !== undefined) group = b !== undefined ? t : undefined;
    cols.push(col);
    // One text under (two rows) is by far the most common: its tries are made without spreads.
    if (t !== undefined && b !== undefined) tries.push(b.length === 1 ? [`${t} ${b[0]}`, b[0], t] : [...b.map((x) => `${t} ${x}`), ...b, t]);
    else if (t !== undefined) tries.push([t]);
    else if (group) tries.push(b!.length === 1 ? [`${group} ${b![0]}`, b![0]] : [...b!.map((x) => `${group} ${x}`), ...b!]);
    else tries.push(b!);
  }
  return { cols, tries };
}

const NUMBERING = /^\(?[0-9]{1,2}\)?$|^\([a-z]\)$/i;

/** A row of column numbers, "(1) (2) (3)" or "1 2 3": its cells and what each shows (body() has made them). */
function isNumberingRow(cells: RawCell[], texts: string[]): boolean {
  let shown = 0;
  for (let i = 0; i < cells.length; i++) {
    if (texts[i] === '' || cells[i].t === 'e') continue;
    if (!NUMBERING.test(texts[i].replace(/\s/g, ''))) return false;
    shown++;
  }
  return shown >= 3;
}

export function containsPhrase(haystack: string, phrase: string): boolean {
  const h = ` ${fold(haystack)} `;
  const p = fold(phrase);
  return p.length > 0 && h.includes(` ${p} `);
}

/** The kind a text names, when it names exactly one ("DANH SÁCH TẬP THỂ …", "II. CÁ NHÂN", "CANHAN"). */
export function kindFromText(text: string, vocab: LayoutVocabulary): string | undefined {
  const kinds = Object.entries(vocab.kindPhrases).filter(([, phrases]) => phrases.some((p) => containsPhrase(text, p)));
  return kinds.length === 1 ? kinds[0][0] : undefined;
}

/**
 * Whether a row's first text opens with one of the phrases (a total line, the signatures). A
 * phrase of one word ("Cộng") must stand alone or before a number ("Cộng: 6"), so that "Công an xã
 * …" — "cong an" once folded — stays a nominee.
 */
export function isFooterText(text: string, phrases: PhraseList): boolean {
  const i = phrases.find(text);
  if (i < 0) return false;
  const f = fold(text);
  const p = fold(phrases.phrases[i]);
  return f === p || p.includes(' ') || /^\d/.test(f.slice(p.length + 1));
}

export function isDateLine(text: string): boolean {
  return DATE_LINE.test(fold(text));
}

/**
 * The footer's place-and-date line ("Đắk Ruồng, ngày 15 tháng 8 năm 2025"), not a decision's
 * reference that carries a date too ("QĐ 12, ngày 15 tháng 8 năm 2025", "Số 05/TTr, ngày …").
 */
export function isPlaceAndDate(text: string): boolean {
  if (!/th[aáÁ]ng|TH[AÁ]NG/.test(text)) return false;
  const f = fold(text);
  return DATE_LINE.test(f) && !/^(qd|quyet dinh|so|theo|can cu|kem theo|tt|ttr|to trinh|cv|cong van)\b/.test(f);
}

/** An STT: "1", "01", "1.", "1.2" (numbered under a group). */
const STT_NUMBER = /^\d{1,6}(?:\.\d{1,3})*\.?$/;
/** A group's number in the STT column: "I", "II", "A", "b)". */
const ENUMERATOR = /^(?:[IVXLC]{1,6}|[A-ZĐa-zđ])[.)]?$/u;
/** Longer than this, a text is no kind's name alone ("Hộ gia đình:"), and is not folded to see. */
const KIND_HEADING_LENGTH = 40;
/** A heading numbered as groups are: "I. TẬP THỂ", "II - CÁ NHÂN", "A) Hộ gia đình". */
const ENUMERATED = /^(?:[IVXLC]{1,6}|[A-ZĐa-zđ])\s*[.)/:–-]\s*\S/u;

/** "Đắk Ruồng, ngày 15 tháng 7 năm 2024", folded. */
const DATE_LINE = /(^|\s)ngay\s+(\d{1,2}|\.+)?\s*thang\s+(\d{1,2}|\.+)?\s*nam\s+\d{4}/;

/**
 * Cells merged down over several rows ("Đơn vị công tác" written once for three teachers): the
 * officer sees the value on every row, so each row under the first gets a copy of the top cell.
 * Only the range's first column is filled; merges across columns (group rows, the footer) are
 * left alone. Rows are given in order, one at a time.
 */
class MergedDownFill {
  private readonly starting = new Map<number, MergeRange[]>();
  private active: { range: MergeRange; cell: RawCell }[] = [];

  constructor(merges: MergeRange[]) {
    for (const m of merges) this.starting.set(m.r1, [...(this.starting.get(m.r1) ?? []), m]);
  }

  fill(row: RawRow): RawRow {
    if (this.starting.size === 0) return row;
    this.active = this.active.filter((a) => a.range.r2 >= row.row);
    let cells = row.cells;
    const fills = this.active.filter((a) => a.range.r1 < row.row && !cells.some((c) => c.col === a.range.c1));
    if (fills.length) cells = [...cells, ...fills.map((a) => ({ ...a.cell }))].sort((a, b) => a.col - b.col);
    for (const range of this.starting.get(row.row) ?? []) {
      const top = row.cells.find((c) => c.col === range.c1);
      if (top) this.active.push({ range, cell: top });
    }
    return cells === row.cells ? row : { ...row, cells };
  }
}

/**
 * The header search's view of a row in TCVN3: only the cells that plainly are TCVN3 decoded, or
 * (`all`) every Latin-1 text, as a sheet typed in TCVN3 has its header. The body is read by
 * LegacyText, which decides by row, column and sheet.
 */
function decodeForHeader(row: RawRow, all: boolean): RawRow {
  let cells: RawCell[] | undefined;
  for (let i = 0; i < row.cells.length; i++) {
    const c = row.cells[i];
    if (c.t !== 's' || c.legacy || c.plain) continue;
    if (!(all ? isLatin1Text(c.v) : looksLikeTcvn3(c.v))) continue;
    const v = decodeTcvn3(c.v);
    if (v === c.v) continue;
    cells ??= row.cells.slice();
    cells[i] = { ...c, v, legacy: 'tcvn3' };
  }
  return cells ? { ...row, cells } : row;
}

type HeaderFound = { index: number; rows: 1 | 2 | 3; cand: Candidate };

function findHeader(head: RawRow[], matcher: HeaderMatcher, nameKey: string, minScore: number): HeaderFound | undefined {
  let best: HeaderFound | undefined;
  const rows = head.map(rowTexts);
  const singles = rows.map(singleRowHeaders);
  const follows = (k: number) => k < head.length && head[k].row === head[k - 1].row + 1;
  const pair = (k: number) => locate(stackHeaders(rows[k], singles[k + 1]), matcher, nameKey);
  for (let i = 0; i < head.length; i++) {
    const top = rows[i];
    if (top.cols.length < 2) continue;
    const consider = (rowsUsed: 1 | 2 | 3, cand: Candidate) => {
      if (!cand.hasName || cand.score < minScore) return;
      if (!best || cand.score > best.cand.score) best = { index: i, rows: rowsUsed, cand };
    };
    consider(1, locate(singles[i], matcher, nameKey));
    if (!follows(i + 1)) continue;
    const two = pair(i);
    consider(2, two);
    // Three rows ("Kết quả đánh giá" over "Xếp loại" over "2023 | 2024"), only when the third holds
    // years and the three read more than either pair: a title row above a two-row header adds nothing.
    if (follows(i + 2) && isYearRow(rows[i + 2])) {
      const three = locate(stackHeaders(top, stackHeaders(rows[i + 1], singles[i + 2])), matcher, nameKey);
      if (three.score > two.score && three.score > pair(i + 1).score) consider(3, three);
    }
  }
  return best;
}

export interface TableOptions {
  matcher: HeaderMatcher;
  vocab: LayoutVocabulary;
  /** The sheet's merged ranges: a cell merged down over several nominees counts for each of them. */
  merges?: MergeRange[];
  /** The keys of the name and STT columns, which tell nominees from the other rows. */
  keys: { name: string; stt: string };
  /** How many known columns the header must have, the name's among them (2; more for a sheet named like a code list). */
  minScore?: number;
}

export type TableEvent =
  | { type: 'layout'; layout: TableLayout }
  | { type: 'row'; row: NomineeRow }
  /** A row under the header that is no nominee, with what it was taken for. */
  | { type: 'other'; row: OtherRow }
  /** The footer's lines (the total, the place and date, the signatures), when the sheet has one. */
  | { type: 'footer'; lines: string[] };

/** How many rows of a footer are read for its place-and-date line. */
const FOOTER_ROWS = 30;

/** What a TableReader finds, told as it finds it. */
export interface TableSink {
  layout(layout: TableLayout): void;
  row(row: NomineeRow): void;
  /** Told of every non-empty row under the header that is no nominee. */
  other?(row: OtherRow): void;
  footer(lines: string[]): void;
}

/**
 * Reads a sheet's rows, given one at a time and synchronously (the engine feeds it a chunk of
 * rows per await): tells the layout once the header is found (nothing at all when the sheet has
 * no recognisable header), then each row under it — a nominee, or what else it is — to the end
 * of the sheet, then the footer's lines. Rows before the header are held (at most
 * HEADER_SEARCH_ROWS); rows after it are not kept.
 */
export class TableReader {
  private state: 'head' | 'body' | 'done' = 'head';
  private readonly head: RawRow[] = [];
  private readonly legacy = new LegacyText();
  private merged: MergedDownFill | undefined;
  private kindHint: string | undefined;
  private footerLines: string[] = [];
  private footerRows = 0;

  constructor(
    private readonly opts: TableOptions,
    private readonly sink: TableSink,
    private readonly initialKindHint?: string,
  ) {}

  /** Whether the sheet gave a row with a cell: asked when no table was found, when every row it gave is still held. */
  get sawRows(): boolean {
    return this.head.some((r) => r.cells.length > 0);
  }

  /** What the sheet as a whole was read as ('tcvn3', 'vni'), known once the header is found. */
  get sheetLegacy(): 'tcvn3' | 'vni' | undefined {
    return this.legacy.sheetReading;
  }

  /** Takes the next row; false once the sheet has nothing more to say (it has no header). */
  push(row: RawRow): boolean {
    switch (this.state) {
      case 'head':
        this.head.push(row);
        if (this.head.length >= HEADER_SEARCH_ROWS) this.findTable();
        break;
      case 'body':
        this.body(this.merged!.fill(this.legacy.decode(row, true)));
        break;
    }
    return this.state !== 'done';
  }

  /** The sheet has ended. */
  end(): void {
    if (this.state === 'head') this.findTable();
    if (this.state === 'body' && this.footerLines.length) this.sink.footer(this.footerLines);
    this.footerLines = [];
    this.state = 'done';
  }

  private findTable(): void {
    const { matcher, keys } = this.opts;
    const head = this.head;
    // A sheet typed in TCVN3 (.VnTime fonts) may have its header in TCVN3 too: it is looked for
    // with the cells that plainly are TCVN3 decoded, and with every Latin-1 text decoded.
    const minScore = this.opts.minScore ?? 2;
    let best = findHeader(head.map((r) => decodeForHeader(r, false)), matcher, keys.name, minScore);
    let headerTcvn3 = false;
    if (head.some((r) => r.cells.some((c) => c.t === 's' && looksLikeTcvn3(c.v)))) {
      const decoded = findHeader(head.map((r) => decodeForHeader(r, true)), matcher, keys.name, minScore);
      if (decoded && (!best || decoded.cand.score > best.cand.score)) {
        best = decoded;
        headerTcvn3 = true;
      }
    }
    if (!best) {
      // Not a dossier sheet (instructions, code lists): stop reading it.
      this.state = 'done';
      return;
    }
    // The rows under the header held so far decide the sheet's and the columns' legacy text
    // before any of them is read (see LegacyText).
    const bodyStart = best.index + best.rows;
    this.legacy.begin(head.slice(bodyStart), headerTcvn3);
    for (let i = 0; i < head.length; i++) head[i] = this.legacy.decode(head[i], i >= bodyStart);
    const headerStart = head[best.index].row;
    const headerEnd = head[best.index + best.rows - 1].row;
    const title: TitleLine[] = head
      .slice(0, best.index)
      .flatMap((r) => [...textCells(r)].map(([col, text]) => ({ row: r.row, col, text: cleanText(text) })));
    const layout: TableLayout = {
      headerRows: [headerStart, headerEnd],
      columns: best.cand.columns,
      unmatched: best.cand.unmatched,
      title,
    };
    this.sink.layout(layout);
    // A combined header's other keys are not told apart from its first: a name is not also a unit.
    for (const c of layout.columns) {
      if (c.year !== undefined || c.combinedWith !== undefined) continue;
      if (c.key === keys.name) this.nameCol = c.col;
      if (c.key === keys.stt) this.sttCol = c.col;
    }
    this.kindHint = this.initialKindHint ?? kindFromText(title.map((t) => t.text).join(' '), this.opts.vocab);
    this.merged = new MergedDownFill((this.opts.merges ?? []).filter((m) => m.r2 > m.r1 && m.r1 > headerEnd));
    this.state = 'body';
    const rest = head.slice(best.index + best.rows);
    head.length = 0;
    for (const r of rest) this.body(this.merged.fill(r));
  }

  /** The columns of the name and the STT, -1 when the sheet has none. */
  private nameCol = -1;
  private sttCol = -1;
  /** Where the rows stand: in the list, under a total line, or in the footer (place, date, signatures). */
  private zone: { at: 'list' } | { at: 'total' | 'footer'; row: number; text: string } = { at: 'list' };
  private sawNominee = false;

  private other(raw: RawRow, kind: RowClass, text: string): void {
    this.sink.other?.({ row: raw.row, col: raw.cells[0].col, class: kind, text, hidden: Boolean(raw.hidden) });
  }

  /**
   * Decides what a row under the header is. A row with a name is a nominee unless it is plainly
   * something else (a group heading, a total, the footer, a template's placeholder); a row without
   * a name is one when it holds at least two typed cells besides its number. Nothing ends the
   * table: a nominee below a total line or the signatures is still checked (and marked so).
   */
  private body(raw: RawRow): void {
    const { vocab } = this.opts;
    const cells = raw.cells;
    if (cells.length === 0) return;
    const texts = cells.map(displayText);
    let name = '';
    let stt = '';
    let firstText: string | undefined;
    /** Typed cells (neither a formula nor an error, not empty) outside the name and STT columns. */
    let typed = 0;
    let typedTexts = 0;
    let lone = '';
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      const t = texts[i];
      if (t === '' || c.t === 'e') continue;
      if (firstText === undefined && c.t === 's') firstText = t;
      if (c.col === this.nameCol) name = t;
      else if (c.col === this.sttCol) stt = t;
      else if (!c.formula) {
        typed++;
        if (c.t === 's') typedTexts++;
        lone = t;
      }
    }
    const sttNumber = STT_NUMBER.test(stt);
    if (!this.sawNominee && isNumberingRow(cells, texts)) return this.other(raw, 'numbering', texts.join(' '));
    if (firstText !== undefined && !sttNumber) {
      if (isFooterText(firstText, vocab.total)) {
        this.zone = { at: 'total', row: raw.row, text: cleanText(firstText) };
        this.footerLine(cells, texts);
        return this.other(raw, 'total', firstText);
      }
      if (this.zone.at !== 'footer' && (isFooterText(firstText, vocab.footer) || isPlaceAndDate(firstText))) {
        this.zone = { at: 'footer', row: raw.row, text: cleanText(firstText) };
        this.footerLine(cells, texts);
        return this.other(raw, 'footer', firstText);
      }
    }
    if (this.zone.at === 'footer' && !((sttNumber && typed >= 1) || (name !== '' && typed >= 2))) {
      // The signatures: titles, "(Ký, ghi rõ họ tên)", the signers' names under them.
      this.footerLine(cells, texts);
      return this.other(raw, 'footer', firstText ?? texts.join(' '));
    }
    // A group heading ("I. TẬP THỂ", "A | Cá nhân", "CÁ NHÂN" merged across): a text and perhaps a count.
    let heading = name || (sttNumber ? '' : stt);
    let otherTexts = typedTexts;
    if (!heading && typed === 1 && typedTexts === 1) {
      heading = lone;
      otherTexts = 0;
    }
    if (heading && !sttNumber && otherTexts === 0 && (ENUMERATOR.test(stt) || ENUMERATED.test(heading) || (heading.length <= KIND_HEADING_LENGTH && vocab.kindNames.equals(heading)))) {
      this.kindHint = kindFromText(`${stt} ${name || heading}`, vocab) ?? this.kindHint;
      // Nominees under a new group heading are the list going on: the line above was a subtotal.
      this.zone = { at: 'list' };
      return this.other(raw, 'group', heading);
    }
    if (name && vocab.placeholders.equals(name)) return this.other(raw, 'placeholder', name);
    if (!name && typed < 2) {
      // A text in the STT column ("QĐ 12, ngày …" written across) is a note, not an empty row.
      const held = typed + (stt !== '' && !sttNumber ? 1 : 0);
      return this.other(raw, held === 0 ? 'empty' : 'note', firstText ?? texts.join(' '));
    }
    this.sawNominee = true;
    const row: NomineeRow = { row: raw.row, cells, texts, hidden: Boolean(raw.hidden), kindHint: this.kindHint };
    if (this.zone.at !== 'list') row.below = { class: this.zone.at, row: this.zone.row, text: this.zone.text };
    this.sink.row(row);
  }

  /** Keeps a footer row's texts (for its place-and-date line), the first FOOTER_ROWS rows of it. */
  private footerLine(cells: RawCell[], texts: string[]): void {
    if (this.footerRows++ >= FOOTER_ROWS) return;
    for (let i = 0; i < cells.length; i++) if (texts[i] !== '' && cells[i].t !== 'e') this.footerLines.push(cleanText(texts[i]));
  }
}

/** The rows of a source's sheet in arrays, from its batches when it has them. */
export function rowBatches(source: { rows(sheet: SheetInfo): AsyncIterable<RawRow>; batches?(sheet: SheetInfo): AsyncIterable<RawRow[]> }, sheet: SheetInfo): AsyncIterable<RawRow[]> {
  if (source.batches) return source.batches(sheet);
  const rows = source.rows(sheet);
  return (async function* () {
    for await (const row of rows) yield [row];
  })();
}

/**
 * Feeds a sheet's batches of rows to a TableReader until the sheet ends or the reader has read
 * what it needs, then lets go of the reader's stream.
 */
export async function readTableBatches(batches: AsyncIterable<RawRow[]>, reader: TableReader, between?: () => Promise<void> | undefined): Promise<void> {
  const it = batches[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await it.next();
      if (next.done) {
        reader.end();
        return;
      }
      const batch = next.value;
      for (let i = 0; i < batch.length; i++) if (!reader.push(batch[i])) return;
      // The caller may make the reading wait (a worker out of credit, see parallel.ts).
      const wait = between?.();
      if (wait) await wait;
    }
  } finally {
    await it.return?.();
  }
}

/**
 * The events of a sheet's table as a sequence (see TableReader), all collected before the first is
 * given: for tests and small sheets; the engine streams through TableReader itself.
 */
export async function* readTable(rows: AsyncIterable<RawRow>, opts: TableOptions, initialKindHint?: string): AsyncGenerator<TableEvent> {
  const events: TableEvent[] = [];
  const reader = new TableReader(
    opts,
    {
      layout: (layout) => events.push({ type: 'layout', layout }),
      row: (row) => events.push({ type: 'row', row }),
      other: (row) => events.push({ type: 'other', row }),
      footer: (lines) => events.push({ type: 'footer', lines }),
    },
    initialKindHint,
  );
  await readTableBatches(rowBatches({ rows: () => rows }, { name: '', hidden: false }), reader);
  yield* events;
}
