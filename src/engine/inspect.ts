/**
 * How hoso read a dossier, without judging it: for each sheet, whether it was read and why not;
 * the header and what each column was taken for; what each row under it was taken for. This is
 * the reading `check` does (the same sheet choice, TableReader and title block), with no rule
 * evaluated: what an officer looks at when a finding seems wrong, and a pack author when a
 * header was missed.
 *
 * A sheet's rows come as runs: consecutive rows taken for the same thing for the same reason are
 * one entry, so a million nominee rows are one line, and nothing is kept per row.
 */
import type { RuleSet } from '../rules/load.js';
import { HeaderMatcher, TableReader, readTableBatches, rowBatches, kindFromText, type LayoutVocabulary, type NomineeRow, type OtherRow, type RowClass, type TableLayout } from '../read/table.js';
import { columnIndex, columnLetter, InputError, type ReadLimits, type WorkbookSource } from '../read/types.js';
import { openSource } from '../read/open.js';
import { ignoreMatcher, type IgnoreRules } from '../read/ignores.js';
import { expandInputs } from '../read/inputs.js';
import { noteFindings } from './input-notes.js';
import { shortText, unmatchedHeaders } from './unread-columns.js';
import { dateOfLines, KEYS, unitFromTitle, vocabulary } from './check.js';
import { listPurpose, type ConfigPurpose } from './purpose.js';
import { AWARD_COLUMNS, type CompiledAwards } from '../rules/awards.js';
import type { Purpose } from '../rules/schema.js';
import { chooseSheet, noTableReason, sheetKindHint } from './sheet-choice.js';
import type { SkipReason } from './notices.js';
import type { Finding, Lang } from './types.js';

/** What a row was taken for: above the table, its header, a row under it. */
export type LineClass = 'title' | 'header' | RowClass | 'nominee';

export interface RowRun {
  /** The Excel rows the run spans (rows without any cell may stand between). */
  first: number;
  last: number;
  /** How many non-empty rows it holds. */
  count: number;
  class: LineClass;
  /** The first row's text, as far as it tells what the row is (a heading, a total's words). */
  text?: string;
  /** A group heading: the kind of nominee it names, when it names one. */
  kind?: string;
  /** A nominee: whether it has a name, and when not, how many typed cells made it one. */
  named?: boolean;
  typed?: number;
  /** A nominee under a total line or the footer (it is checked all the same). */
  below?: { class: 'total' | 'footer'; row: number };
}

export interface ColumnRead {
  column: string;
  header: string;
  key: string;
  year?: number;
}

export interface SheetInspection {
  name: string;
  hidden: boolean;
  checked: boolean;
  /** Why it was not checked. */
  skipped?: SkipReason;
  /** Named like a code list: read only when its header has the name and two more known columns. */
  codeListName?: boolean;
  headerRows?: [number, number];
  columns: ColumnRead[];
  /** Header cells that matched no column of the packs in force (check names them as not checked). */
  unmapped: { column: string; header: string }[];
  /** Header cells a pack or the config says not to read (ignore-columns). */
  ignored?: { column: string; header: string }[];
  /** The first and last non-empty row under the header. */
  extent?: { first: number; last: number };
  rows: RowRun[];
  /** Rows past the last run listed, when a sheet has too many runs to list: counted by class. */
  more?: Partial<Record<LineClass, number>>;
  nominees: number;
  /** Text read from a legacy encoding: the whole sheet, and the columns with decoded nominee cells. */
  legacy: { sheet?: string; columns: { column: string; encoding: string; cells: number }[] };
}

export interface FileInspection {
  file: string;
  /** The submitting unit from the title block, and the lines it was read from. */
  unit?: { name: string; heading: string[] };
  /** The date of the place-and-date line (YYYY-MM-DD), and where it stood. */
  date?: { value: string; from: 'title' | 'footer' };
  /**
   * What the list is, as check judges it (see engine/purpose.ts): said by the config or a title
   * line, with the rows proposing a title of the Law (award rows, unless the config says
   * otherwise) and the others counted.
   */
  purpose?: { value?: Purpose; from: 'config' | 'title' | 'rows'; title?: string; titleRows: number; otherRows: number };
  sheets: SheetInspection[];
}

export interface InspectResult {
  files: FileInspection[];
  inputErrors: InputError[];
  /** Files met in the folders and not read (a .pdf, a lock file, hoso's own output…), each with its reason, as `check` names them. */
  passedOver: Finding[];
  /** Files and folders the configuration's ignores left out. */
  ignored: number;
}

/** How many runs a sheet lists before it only counts: bounds the report of a hostile file. */
export const MAX_RUNS = 1000;
const short = shortText;

/** Collects one sheet's runs as the TableReader tells its rows; keeps the open run only. */
class SheetRuns {
  readonly sheet: SheetInspection;
  private open: (RowRun & { same: string }) | undefined;
  private nameCol = -1;
  private sttCol = -1;
  /** The columns naming an award (AWARD_COLUMNS). */
  private readonly awardCols: number[] = [];
  /** Nominee rows proposing a title of the Law (award rows, when no title says what the list is) and the others. */
  readonly purposes = { award: 0, exemplar: 0 };
  private readonly legacyCells = new Map<string, number>();

  constructor(
    name: string,
    hidden: boolean,
    private readonly vocab: LayoutVocabulary,
    private readonly awards: CompiledAwards,
  ) {
    // The keys in the order a reader of the JSON wants them (JSON.stringify drops the undefined).
    this.sheet = { name, hidden, checked: false, skipped: undefined, codeListName: undefined, headerRows: undefined, columns: [], unmapped: [], extent: undefined, nominees: 0, legacy: { columns: [] }, rows: [] };
  }

  layout(layout: TableLayout): void {
    const s = this.sheet;
    s.checked = true;
    s.headerRows = layout.headerRows;
    s.columns = layout.columns.map((c) => ({ column: columnLetter(c.col), header: short(c.header), key: c.key, ...(c.year !== undefined ? { year: c.year } : {}) }));
    const { unread, ignored } = unmatchedHeaders(layout);
    s.unmapped = unread;
    if (ignored.length) s.ignored = ignored;
    for (const c of layout.columns) {
      if (c.year !== undefined) continue;
      if (c.key === KEYS.name) this.nameCol = c.col;
      if (c.key === KEYS.stt) this.sttCol = c.col;
      if ((AWARD_COLUMNS as readonly string[]).includes(c.key) && c.combinedWith === undefined) this.awardCols.push(c.col);
    }
    const titleRows = new Map<number, string[]>();
    for (const t of layout.title) titleRows.set(t.row, [...(titleRows.get(t.row) ?? []), t.text]);
    for (const [row, texts] of titleRows) this.add({ first: row, last: row, count: 1, class: 'title', text: short(texts.join(' · ')) }, `t${row}`);
    const [h1, h2] = layout.headerRows;
    this.add({ first: h1, last: h2, count: h2 - h1 + 1, class: 'header' }, 'h');
  }

  nominee(row: NomineeRow): void {
    this.sheet.nominees++;
    this.extend(row.row);
    let named = false;
    let typed = 0;
    let award = false;
    for (let i = 0; i < row.cells.length; i++) {
      const c = row.cells[i];
      if (c.legacy) {
        const key = `${columnLetter(c.col)}\u0000${c.legacy}`;
        this.legacyCells.set(key, (this.legacyCells.get(key) ?? 0) + 1);
      }
      if (row.texts[i] === '' || c.t === 'e') continue;
      if (this.awardCols.includes(c.col) && this.awards.find(row.texts[i])?.title) award = true;
      if (c.col === this.nameCol) named = true;
      else if (c.col !== this.sttCol && !c.formula) typed++;
    }
    this.purposes[award ? 'award' : 'exemplar']++;
    const run: RowRun = { first: row.row, last: row.row, count: 1, class: 'nominee', named };
    if (!named) run.typed = typed;
    if (row.below) run.below = { class: row.below.class, row: row.below.row };
    this.add(run, `n${named ? '' : typed}|${row.below?.row ?? ''}`);
  }

  other(row: OtherRow): void {
    this.extend(row.row);
    const run: RowRun = { first: row.row, last: row.row, count: 1, class: row.class, text: short(row.text) };
    if (row.class === 'group') {
      const kind = kindFromText(row.text, this.vocab);
      if (kind) run.kind = kind;
    }
    // The footer's lines and empty prepared rows run together; a heading, a total or a note is
    // a line of its own, its text being what tells it.
    const same = row.class === 'footer' || row.class === 'empty' || row.class === 'numbering' ? row.class : `${row.class}|${row.row}`;
    this.add(run, same);
  }

  private extend(row: number): void {
    const e = this.sheet.extent;
    if (!e) this.sheet.extent = { first: row, last: row };
    else e.last = row;
  }

  private add(run: RowRun, same: string): void {
    const open = this.open;
    if (open && open.same === same) {
      open.last = run.last;
      open.count += run.count;
      return;
    }
    this.close();
    this.open = { ...run, same };
  }

  private close(): void {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    const { same: _, ...run } = open;
    const s = this.sheet;
    if (s.rows.length < MAX_RUNS) s.rows.push(run);
    else (s.more ??= {})[run.class] = (s.more[run.class] ?? 0) + run.count;
  }

  finish(legacy: 'tcvn3' | 'vni' | undefined): SheetInspection {
    this.close();
    if (legacy) this.sheet.legacy.sheet = legacy;
    for (const [key, cells] of this.legacyCells) {
      const [column, encoding] = key.split('\u0000');
      this.sheet.legacy.columns.push({ column, encoding, cells });
    }
    this.sheet.legacy.columns.sort((a, b) => columnIndex(a.column) - columnIndex(b.column));
    return this.sheet;
  }
}

/** Reads the files under the paths as `check` would, and tells how each was read. */
export class Inspector {
  private readonly matcher: HeaderMatcher;
  private readonly vocab: LayoutVocabulary;

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly limits?: Partial<ReadLimits>,
    private readonly purpose: ConfigPurpose = 'auto',
    ignoreColumns: string[] = [],
  ) {
    this.matcher = new HeaderMatcher([...ruleSet.columns.values()], [...ruleSet.layout.ignoreColumns, ...ignoreColumns]);
    this.vocab = vocabulary(ruleSet);
  }

  async inspectFile(file: string): Promise<FileInspection> {
    return this.inspectSource(file, await openSource(file, this.limits, { mergesAhead: true }));
  }

  async inspectSource(file: string, source: WorkbookSource): Promise<FileInspection> {
    const out: FileInspection = { file, sheets: [] };
    let footerDate: Date | undefined;
    const allRuns: SheetRuns[] = [];
    try {
      for (const info of source.sheets) {
        const runs = new SheetRuns(info.name, info.hidden, this.vocab, this.ruleSet.awards);
        allRuns.push(runs);
        const choice = chooseSheet(info.name, this.ruleSet.layout);
        if (!choice.read) {
          runs.sheet.skipped = choice.reason;
          out.sheets.push(runs.finish(undefined));
          continue;
        }
        if (choice.codeList) runs.sheet.codeListName = true;
        const merges = (await source.merges?.(info)) ?? [];
        const reader = new TableReader(
          { matcher: this.matcher, vocab: this.vocab, keys: KEYS, merges, minScore: choice.minScore },
          {
            layout: (layout) => {
              runs.layout(layout);
              // The unit and date come from the first sheet with a table, as check takes them.
              if (!out.unit && out.sheets.every((s) => !s.checked)) {
                const named = unitFromTitle(layout.title, this.vocab);
                if (named) out.unit = { name: named.unit, heading: named.heading };
                const date = dateOfLines(layout.title.map((t) => t.text));
                if (date) out.date = { value: date.toISOString().slice(0, 10), from: 'title' };
                const titles = layout.title.map((t) => t.text).filter((t) => !named?.heading.includes(t) && t !== named?.unit);
                const told = listPurpose(titles, this.ruleSet.layout, this.purpose);
                if (told) out.purpose = 'config' in told.from ? { value: told.purpose, from: 'config', titleRows: 0, otherRows: 0 } : { value: told.purpose, from: 'title', title: short(told.from.title), titleRows: 0, otherRows: 0 };
              }
            },
            row: (row) => runs.nominee(row),
            other: (row) => runs.other(row),
            footer: (lines) => {
              footerDate ??= dateOfLines(lines);
            },
          },
          sheetKindHint(info.name, file, this.vocab),
        );
        await readTableBatches(rowBatches(source, info), reader);
        if (!runs.sheet.checked) runs.sheet.skipped = noTableReason(choice, reader.sawRows);
        out.sheets.push(runs.finish(reader.sheetLegacy));
      }
    } finally {
      await source.close();
    }
    if (!out.date && footerDate) out.date = { value: footerDate.toISOString().slice(0, 10), from: 'footer' };
    if (out.sheets.some((s) => s.checked)) {
      out.purpose ??= { from: 'rows', titleRows: 0, otherRows: 0 };
      for (const r of allRuns) {
        out.purpose.titleRows += r.purposes.award;
        out.purpose.otherRows += r.purposes.exemplar;
      }
    }
    return out;
  }
}

/**
 * Inspects every file under the paths, with the same ignores as `check`; a file that cannot be
 * read is set aside with its reason, and one not read at all is named with why.
 */
export async function inspectPaths(
  paths: string[],
  ruleSet: RuleSet,
  options: { limits?: Partial<ReadLimits>; ignores?: IgnoreRules[]; lang: Lang; purpose?: ConfigPurpose; ignoreColumns?: string[] },
): Promise<InspectResult> {
  const { files, errors, notes, ignored } = expandInputs(paths, ignoreMatcher(options.ignores));
  const inspector = new Inspector(ruleSet, options.limits, options.purpose, options.ignoreColumns);
  const result: InspectResult = { files: [], inputErrors: errors, passedOver: noteFindings(notes, options.lang, (_, base) => base), ignored };
  for (const file of files) {
    try {
      result.files.push(await inspector.inspectFile(file));
    } catch (e) {
      if (e instanceof InputError) result.inputErrors.push(e);
      else throw e;
    }
  }
  return result;
}
