/**
 * Reads the office's past decisions (`--history`): the lists attached to last years' "Quyết định
 * công nhận danh hiệu…", read by the readers dossiers go through (the same sheet choice, header
 * and title-block detection), into the ledger's parts. The award comes from a column or from the
 * list's title ("DANH SÁCH CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ NĂM 2023"), the
 * year likewise ("NĂM 2023"), the decision's number and date from columns or the line the list is
 * attached by ("Kèm theo Quyết định số 125/QĐ-UBND ngày 20 tháng 12 năm 2023"), and whether it
 * was an "đột xuất" or "chuyên đề" commendation from a column or the title.
 *
 * Nothing is left unread in silence: every sheet passed over and every row that cannot be used
 * is named with its reason, as notes (info findings about the history file), never as errors of
 * the dossiers; a file that cannot be read at all is an input error, as a dossier's is.
 */
import path from 'node:path';
import type { RuleSet } from '../rules/load.js';
import type { Award } from '../rules/schema.js';
import { HeaderMatcher, kindFromText, TableReader, readTableBatches, rowBatches, type LayoutVocabulary, type NomineeRow, type TableLayout, type TitleLine } from '../read/table.js';
import { columnLetter, InputError, type RawCell, type ReadLimits } from '../read/types.js';
import { openSource } from '../read/open.js';
import { expandGiven, type Given } from '../read/given.js';
import type { FileData } from '../read/bytes.js';
import { ignoreMatcher, type IgnoreRules } from '../read/ignores.js';
import { fold } from '../normalize/text.js';
import { parseCell } from '../normalize/values.js';
import { dateOfLines, KEYS, severityFor, unitFromTitle, vocabulary } from '../engine/check.js';
import { yearOfTitle } from '../engine/purpose.js';
import { chooseSheet, noTableReason, sheetKindHint } from '../engine/sheet-choice.js';
import { notice, SKIP_REASONS } from '../engine/notices.js';
import { noteFindings } from '../engine/input-notes.js';
import type { Finding, Lang, Severity } from '../engine/types.js';
import { mergeParts, PartWriter, type LedgerData, type LedgerPart } from './ledger.js';
import { DECISION, PERSON } from './keys.js';

/** A history file as read (or as the cache kept it): its records and its notes. */
export interface HistoryPart extends LedgerPart {
  notes: Finding[];
}

export interface HistoryOptions {
  ruleSet: RuleSet;
  lang: Lang;
  limits?: Partial<ReadLimits>;
  severity?: Record<string, Severity | 'off'>;
  ignores?: IgnoreRules[];
  /** The config's units map (history.units): a former name → the name now. */
  units?: Record<string, string>;
  /** Header texts of columns not to read (the config's `ignore-columns`), as in the dossiers. */
  ignoreColumns?: string[];
  /** Parts read before, by content (the cache): asked before a file is read, told after. */
  cache?: { part(file: string): Promise<HistoryPart | undefined>; keep(file: string, part: HistoryPart): void };
}

export interface History {
  data: LedgerData;
  /** The notes of every history file (and of files met in its folders and not read). */
  notes: Finding[];
  errors: InputError[];
  files: string[];
}

/** Why rows of a decision list are not in the ledger. */
const UNUSED = {
  'no-name': { vi: 'không có họ tên', en: 'no name' },
  'no-award': {
    vi: 'không biết danh hiệu: danh sách không có cột danh hiệu (hình thức khen thưởng) và tiêu đề không nêu đúng một danh hiệu',
    en: 'the award is unknown: the list has no award column and its title names no single award',
  },
  'empty-award': {
    vi: 'không biết danh hiệu: ô danh hiệu để trống và tiêu đề không nêu đúng một danh hiệu',
    en: 'the award is unknown: its cell is empty and the title names no single award',
  },
  'unknown-award': { vi: 'danh hiệu ghi ở dòng không có trong danh mục danh hiệu, hình thức khen thưởng', en: 'the award written on the row is not in the awards\' list' },
  'no-year': { vi: 'không biết năm: danh sách không có cột năm khen thưởng và tiêu đề không ghi «NĂM …»', en: 'the year is unknown: the list has no year column and its title has no "NĂM …"' },
  note: { vi: 'dòng chỉ có một ô và không có họ tên', en: 'a row of one cell and no name' },
} as const;
type Unused = keyof typeof UNUSED;

/** A sheet with a header and not one row under it. */
const EMPTY_LIST = { vi: 'có dòng tiêu đề nhưng không có dòng nào bên dưới', en: 'it has a header and no row under it' };

/** What a list's title block says of every row under it. */
interface TitleFacts {
  unit?: string;
  year?: number;
  awards: Award[];
  kind?: string;
  decision?: string;
  date?: Date;
}

/** "Quyết định số 125/QĐ-UBND", with or without diacritics, as the line a list is attached by gives it. */
const DECISION_NO = /(?:quy[eếẾ]t\s+[dđĐ][iịỊ]nh|q[dđĐ])\s+(?:s[oốỐ]\s*:?\s*)?([0-9][^\s,;)]*)/iu;

function titleFacts(title: TitleLine[], vocab: LayoutVocabulary, ruleSet: RuleSet, kinds: [string, string][]): TitleFacts {
  const named = unitFromTitle(title, vocab);
  const heading = new Set(named?.heading ?? []);
  const lines = title.map((t) => t.text).filter((t) => !heading.has(t));
  const awards = [...new Set(lines.flatMap((t) => ruleSet.awards.findAll(t)))];
  const kindsFound = new Set(kinds.filter(([name]) => lines.some((t) => ` ${fold(t)} `.includes(` ${name} `))).map(([, id]) => id));
  const facts: TitleFacts = { unit: named?.unit, year: yearOfTitle(lines), awards, kind: kindsFound.size === 1 ? [...kindsFound][0] : undefined };
  for (const line of lines) {
    const m = DECISION_NO.exec(line.normalize('NFC'));
    if (!m) continue;
    facts.decision = m[1];
    facts.date = dateOfLines([line]);
    break;
  }
  return facts;
}

/** Rows as an officer reads them: "Dòng 9–12, 15" / "Rows 9–12, 15", the first ranges only. */
function rowsText(rows: number[], lang: Lang): string {
  const ranges: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    ranges.push(i === j ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  const SHOWN = 20;
  const word = lang === 'vi' ? 'Dòng' : rows.length > 1 ? 'Rows' : 'Row';
  if (ranges.length <= SHOWN) return `${word} ${ranges.join(', ')}`;
  const rest = rows.length - ranges.slice(0, SHOWN).reduce((n, r) => n + (r.includes('–') ? Number(r.split('–')[1]) - Number(r.split('–')[0]) + 1 : 1), 0);
  return `${word} ${ranges.slice(0, SHOWN).join(', ')} ${lang === 'vi' ? `và ${rest} dòng khác` : `and ${rest} more`}`;
}

/** A group heading's number: "II. ", "2 - ", "b) ". */
const ENUMERATED_PREFIX = /^(?:[IVXLC]{1,6}|[A-ZĐa-zđ]|\d{1,3})\s*[.)/:–-]\s*/u;

/** The columns a decision's row is read from, each in a slot of its own. */
const S = { name: 0, unit: 1, birth: 2, award: 3, year: 4, number: 5, date: 6, kind: 7 } as const;
type Slot = (typeof S)[keyof typeof S];
const SLOT_OF: Record<string, Slot> = {
  [PERSON.name]: S.name,
  [PERSON.unit]: S.unit,
  [PERSON.birth]: S.birth,
  [DECISION.award]: S.award,
  [DECISION.year]: S.year,
  [DECISION.number]: S.number,
  [DECISION.date]: S.date,
  [DECISION.kind]: S.kind,
};

/** Reads one decision list (from disk, or its bytes when given): its records and its notes; an unreadable file throws InputError. */
export async function readHistoryFile(file: string, opts: HistoryOptions, shared = sharedFor(opts.ruleSet, opts.ignoreColumns), data?: FileData): Promise<HistoryPart> {
  const { ruleSet, lang } = opts;
  const { matcher, vocab, kinds } = shared;
  const writer = new PartWriter();
  /** Per slot, the index of its cell in the row being read (-1: none). */
  const at = new Int32Array(Object.keys(S).length);
  const notes: Finding[] = [];
  const say = (id: 'hoso/lich-su-trang-bo-qua' | 'hoso/lich-su-dong-bo-qua', place: { sheet: string; group: string }, data: Record<string, string | { vi: string; en: string }>) => {
    const severity = severityFor(id, 'info', opts.severity ?? {});
    if (severity !== 'off') notes.push(notice(id, { file, ...place }, data, lang, severity));
  };
  const base = path.basename(file).replace(/\.[^.]*$/, '');
  let fileFacts: TitleFacts | undefined;
  const passedOver: { sheet: string; reason: { vi: string; en: string } }[] = [];
  const unused: { sheet: string; reason: Unused; rows: number[] }[] = [];
  let tables = 0;
  const source = await openSource(data ? { name: file, data } : file, opts.limits, { mergesAhead: true });
  try {
    for (const sheet of source.sheets) {
      const choice = chooseSheet(sheet.name, ruleSet.layout);
      if (!choice.read) {
        passedOver.push({ sheet: sheet.name, reason: SKIP_REASONS[choice.reason] });
        continue;
      }
      let facts: TitleFacts | undefined;
      let columns: Map<number, Slot> | undefined;
      let rows = 0;
      /** The unit a group heading names ("II. Trường THCS Đắk Ruồng"), for the rows under it. */
      let groupUnit: string | undefined;
      const skip = (reason: Unused, row: number) => {
        const last = unused[unused.length - 1];
        if (last?.sheet === sheet.name && last.reason === reason) last.rows.push(row);
        else {
          const same = unused.find((u) => u.sheet === sheet.name && u.reason === reason);
          if (same) same.rows.push(row);
          else unused.push({ sheet: sheet.name, reason, rows: [row] });
        }
      };
      const merges = (await source.merges?.(sheet)) ?? [];
      const reader = new TableReader(
        { matcher, vocab, keys: KEYS, merges, minScore: choice.minScore },
        {
          layout: (found: TableLayout) => {
            tables++;
            facts = titleFacts(found.title, vocab, ruleSet, kinds);
            fileFacts ??= facts;
            // A combined header's other keys are not this list's own columns.
            columns = new Map(found.columns.filter((c) => c.combinedWith === undefined && c.year === undefined && c.key in SLOT_OF).map((c) => [c.col, SLOT_OF[c.key]]));
          },
          row: (n: NomineeRow) => {
            rows++;
            const why = record(n, sheet.name, columns!, facts!, fileFacts!, groupUnit);
            if (why) skip(why, n.row);
          },
          other: (o) => {
            // Totals and the footer are what a list is made of; a lone cell may be a nominee half-typed.
            if (o.class === 'note') skip('note', o.row);
            // A list grouped by unit gives the unit in its headings; a kind's heading ("II. CÁ NHÂN") gives none.
            if (o.class === 'group') {
              const heading = o.text.replace(ENUMERATED_PREFIX, '').trim();
              groupUnit = heading && !kindFromText(heading, vocab) ? heading : undefined;
            }
          },
          footer: () => {},
        },
        sheetKindHint(sheet.name, file, vocab),
      );
      await readTableBatches(rowBatches(source, sheet), reader);
      if (!facts) passedOver.push({ sheet: sheet.name, reason: SKIP_REASONS[noTableReason(choice, reader.sawRows)] });
      else if (rows === 0) passedOver.push({ sheet: sheet.name, reason: EMPTY_LIST });
    }
  } finally {
    await source.close();
  }
  if (tables === 0) throw new InputError(file, 'history-no-header', `sheets: ${source.sheets.map((s) => s.name).join(', ')}`);
  const unit = fileFacts?.unit ?? base;
  for (const p of passedOver) say('hoso/lich-su-trang-bo-qua', { sheet: p.sheet, group: unit }, { reason: p.reason });
  for (const u of unused) say('hoso/lich-su-dong-bo-qua', { sheet: u.sheet, group: unit }, { rows: { vi: rowsText(u.rows, 'vi'), en: rowsText(u.rows, 'en') }, reason: UNUSED[u.reason] });
  return { ...writer.part(), notes };

  /** Puts one row in the ledger, or says why it cannot be. */
  function record(n: NomineeRow, sheet: string, columns: Map<number, Slot>, facts: TitleFacts, first: TitleFacts, groupUnit: string | undefined): Unused | undefined {
    // Where each column this reader needs stands among the row's cells: an index per slot, no object per row.
    at.fill(-1);
    for (let i = 0; i < n.cells.length; i++) {
      const slot = columns.get(n.cells[i].col);
      if (slot !== undefined && n.texts[i] !== '' && n.cells[i].t !== 'e') at[slot] = i;
    }
    const raw = (slot: Slot) => (at[slot] < 0 ? undefined : n.cells[at[slot]]);
    const text = (slot: Slot) => (at[slot] < 0 ? undefined : n.texts[at[slot]]);
    const name = text(S.name);
    if (name === undefined) return 'no-name';
    let award: Award | undefined;
    const awardText = text(S.award);
    if (awardText !== undefined) {
      award = ruleSet.awards.find(awardText) ?? codeName(raw(S.award)!, awardText);
      if (!award) return 'unknown-award';
    } else {
      const named = facts.awards.length ? facts.awards : first.awards;
      if (named.length !== 1) return [...columns.values()].includes(S.award) ? 'empty-award' : 'no-award';
      award = named[0];
    }
    const year = (at[S.year] >= 0 ? yearOf(raw(S.year)!, text(S.year)!) : undefined) ?? facts.year ?? first.year;
    if (year === undefined) return 'no-year';
    const kindList = ruleSet.enums.get(DECISION.kind);
    const kindParsed = at[S.kind] >= 0 && kindList ? parseCell(raw(S.kind)!, 'enum', kindList) : undefined;
    const number = text(S.number);
    const dateParsed = at[S.date] >= 0 ? parseCell(raw(S.date)!, 'date') : undefined;
    writer.add({
      name,
      unit: text(S.unit) ?? groupUnit ?? facts.unit ?? first.unit ?? base,
      listUnit: at[S.unit] < 0 && groupUnit === undefined,
      birth: at[S.birth] >= 0 ? yearOf(raw(S.birth)!, text(S.birth)!) : undefined,
      year,
      award: award.id,
      kind: kindParsed?.ok ? String(kindParsed.value) : facts.kind,
      file,
      sheet,
      row: n.row,
      column: columnLetter(raw(S.name)!.col),
      // The number and the date from one source: the row's, else the line the list is attached by.
      decision: number ?? facts.decision,
      decisionDate: number !== undefined ? (dateParsed?.ok && dateParsed.value instanceof Date ? dateParsed.value : undefined) : facts.date,
    });
    return undefined;
  }

  /** The award a system's code names, through the award column's code list ("1647933380"). */
  function codeName(raw: RawCell, text: string): Award | undefined {
    const spec = ruleSet.columns.get(DECISION.award);
    const codes = spec?.codes ? ruleSet.enums.get(spec.codes) : undefined;
    const parsed = codes ? parseCell(raw, 'text', codes) : undefined;
    return parsed?.ok && typeof parsed.value === 'string' && parsed.value !== text ? ruleSet.awards.find(parsed.value) : undefined;
  }
}

/** A year from a cell: a number, a date, or a text holding one ("Năm 2023"). */
function yearOf(raw: RawCell, text: string): number | undefined {
  const parsed = parseCell(raw, 'year-or-date');
  if (parsed.ok && typeof parsed.value === 'number') return parsed.value;
  const m = /\b(19|20)\d{2}\b/.exec(text);
  return m ? Number(m[0]) : undefined;
}

/** What every history file of a run is read with: made once. */
function sharedFor(ruleSet: RuleSet, ignoreColumns: string[] = []): { matcher: HeaderMatcher; vocab: LayoutVocabulary; kinds: [string, string][] } {
  const kindList = ruleSet.enums.get(DECISION.kind);
  const kinds: [string, string][] = (kindList?.values ?? []).flatMap((v) => {
    const labels = typeof v.label === 'string' ? [v.label] : v.label ? [v.label.vi, ...(v.label.en ? [v.label.en] : [])] : [];
    return [...labels, ...v.aliases].map((n): [string, string] => [fold(n), v.id]).filter(([n]) => n.length >= 4);
  });
  // A column the packs or the config say not to read is not read in a decision list either: the same header means the same there.
  return { matcher: new HeaderMatcher([...ruleSet.columns.values()], [...ruleSet.layout.ignoreColumns, ...ignoreColumns]), vocab: vocabulary(ruleSet), kinds };
}

/**
 * Reads every history path (files, folders, globs, or bytes with names, as `check` takes its
 * inputs): the ledger's data, the notes, and the files that could not be read.
 */
export async function readHistory(paths: Given[], opts: HistoryOptions): Promise<History> {
  const { files, errors, notes: met, data } = await expandGiven(paths, ignoreMatcher(opts.ignores));
  const notes = noteFindings(met, opts.lang, (ruleId, base) => severityFor(ruleId, base, opts.severity ?? {}));
  const parts: HistoryPart[] = [];
  const shared = sharedFor(opts.ruleSet, opts.ignoreColumns);
  for (const file of files) {
    try {
      const bytes = data.get(file);
      // Only a file on disk is cached (by its content): bytes come from the library, which keeps no cache.
      let part = bytes ? undefined : await opts.cache?.part(file);
      if (!part) {
        part = await readHistoryFile(file, opts, shared, bytes);
        if (!bytes) opts.cache?.keep(file, part);
      }
      parts.push(part);
      notes.push(...part.notes);
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
    }
  }
  return { data: mergeParts(parts, opts.units), notes, errors, files };
}
