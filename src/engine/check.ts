/**
 * The evaluator: streams each file's nominee rows through the row rules, feeds the group rules'
 * accumulators, and closes them at the end of each file and of the run. Rules never open files;
 * readers never know rules beyond the column declarations.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { CompiledColumn, CompiledRule, RuleSet } from '../rules/load.js';
import type { Condition, Scalar } from '../rules/schema.js';
import type { Accumulator, MessageArg, OperatorContext, ReportInput, RowOperator } from '../operators/types.js';
import { compareValues } from '../operators/compare.js';
import { HeaderMatcher, TableReader, readTableBatches, rowBatches, isDateLine, type LayoutVocabulary, type TableLayout, type NomineeRow, type TitleLine } from '../read/table.js';
import { columnIndex, columnLetter, InputError, type RawCell, type ReadLimits, type WorkbookSource } from '../read/types.js';
import { openSource } from '../read/open.js';
import { forgetOutputs } from '../read/inputs.js';
import { expandGiven, type Given } from '../read/given.js';
import { sizeOfData, type FileData } from '../read/bytes.js';
import { ignoreMatcher, type IgnoreRules } from '../read/ignores.js';
import { noteFindings } from './input-notes.js';
import { cleanText, fold, oncePerText, PhraseList } from '../normalize/text.js';
import { namedText, parseCell, type Parsed, type Value } from '../normalize/values.js';
import { ENGINE_MESSAGES, localize, render } from './messages.js';
import { columnLabel, expectedWords } from './labels.js';
import type { CellView, FileView, Finding, Lang, ProposedAward, RowView, Severity, YearSlot } from './types.js';
import { forEachSnapshotRow, SnapshotWriter, type RowSnapshots } from './snapshot.js';
import { canUseWorkers, checkFileReply, checkInWorkers, InOrder, replyError, SNAPSHOT_BATCH, WorkerBug, type FileReply } from './parallel.js';
import { allProfiles, profileResolver, type ProfileMap, type ProfilesOf } from './profiles.js';
import { UsageError } from '../errors.js';
import { notice, NOTICES, SKIP_REASONS, type NoticeId, type SkipReason } from './notices.js';
import { chooseSheet, noTableReason, sheetKindHint } from './sheet-choice.js';
import { NAME_KEY, nomineeOf, setWho } from './nominee.js';
import { AWARD_KEY } from '../rules/load.js';
import { AWARD_COLUMNS, inForceOn } from '../rules/awards.js';
import type { Award, Purpose } from '../rules/schema.js';
import { listPurpose, yearOfTitle, type ConfigPurpose } from './purpose.js';
import { Ledger, type LedgerData } from '../history/ledger.js';
import { DECISION } from '../history/keys.js';
import { unmatchedHeaders, unreadColumnsText, type HeaderCell } from './unread-columns.js';

export interface CheckOptions {
  ruleSet: RuleSet;
  /** The pack files the rule set was loaded from: worker threads load the same. */
  packFiles?: string[];
  /** How many files to check at once in worker threads (1: all in this thread). */
  jobs?: number;
  /**
   * `jobs` is the number of cores, not a number asked for: fewer worker threads are started when
   * the files are too small to repay starting them (see workerCount).
   */
  jobsAuto?: boolean;
  /** Told after each file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Keep a record of every nominee (for `hoso report`); a plain check keeps none. `true` keeps them
   * in the result; a function is handed each in file and row order instead, so that a million
   * nominees need not be held at once (the report spills them to a file as they come).
   */
  collectNominees?: boolean | ((n: NomineeRecord) => void);
  /** Outcomes of files checked before, by content (see cache.ts). */
  cache?: { prepare(files: string[]): Promise<void>; get(file: string): FileReply | undefined; set(file: string, reply: FileReply): void; forget(file: string): void };
  profiles: string[];
  /** Profiles the config maps to folders or globs (see profiles.ts). */
  profileMap?: ProfileMap;
  /** Rule id, or a prefix ending in "/", → severity or 'off'. */
  severity?: Record<string, Severity | 'off'>;
  lang: Lang;
  limits?: Partial<ReadLimits>;
  /** Files and folders to pass over (--ignore-pattern, the config's `ignores`). */
  ignores?: IgnoreRules[];
  /** What the lists are (the config's `purpose`): told from each list when `auto` or absent. */
  purpose?: ConfigPurpose;
  /** The office's past decisions (`--history`, see src/history/), for the rules that read them. */
  history?: LedgerData;
  /** Header texts of columns not to read, nor name as unread (the config's `ignore-columns`; the packs' add to them). */
  ignoreColumns?: string[];
}

/** A nominee as a batch report lists it: where it stands and what it is. */
export interface NomineeRecord {
  file: string;
  sheet: string;
  row: number;
  unit: string;
  name: string;
  /** Enumeration ids (loai: tap-the, ca-nhan, ho-gia-dinh; linh_vuc: a field id), when readable. */
  kind?: string;
  field?: string;
  movement?: string;
  award?: string;
}

/** A workbook's sheets as a check read them: checked, passed over, and all of them in the workbook's order. */
export interface SheetsRead {
  checked: string[];
  skipped: string[];
  order: string[];
}

export interface CheckResult {
  findings: Finding[];
  /** With `collectNominees`: every nominee, in file and row order. */
  nominees?: NomineeRecord[];
  files: number;
  rows: number;
  /** Files that could not be read, each with its reason. */
  inputErrors: InputError[];
  /** Files and folders passed over by an ignore pattern. */
  ignored?: number;
  /** Per file: the sheets checked and those passed over (no recognisable header, or ignored by name). */
  sheets: ({ file: string } & SheetsRead)[];
}

export const KEYS = { name: NAME_KEY, kind: 'loai', unit: 'don_vi', stt: 'stt', submitter: 'don_vi_de_nghi', award: 'hinh_thuc' };

export { UsageError } from '../errors.js';

interface ActiveRule {
  compiled: CompiledRule;
  severity: Severity;
  acc?: Accumulator;
  /** A group rule over every file checked together (see GroupOperator.global). */
  global: boolean;
  /** A row rule's columns without which a sheet cannot be judged (RowOperator.needs), worked out once. */
  needs?: { keys: string[]; severity: 'error' | 'warning' };
  /** The severity of "the sheet cannot show this criterion": the rule's `missing`, or what the config gives the rule. */
  missing: Severity;
}

export function severityFor(ruleId: string, base: Severity, overrides: Record<string, Severity | 'off'>): Severity | 'off' {
  if (overrides[ruleId]) return overrides[ruleId];
  let best: { len: number; sev: Severity | 'off' } | undefined;
  for (const [k, v] of Object.entries(overrides)) {
    if (k.endsWith('/') && ruleId.startsWith(k) && (!best || k.length > best.len)) best = { len: k.length, sev: v };
  }
  return best?.sev ?? base;
}

export function activeRules(ruleSet: RuleSet, profiles: string[], overrides: Record<string, Severity | 'off'> = {}): ActiveRule[] {
  for (const p of profiles) {
    if (!ruleSet.profiles.has(p)) {
      const known = [...ruleSet.profiles.keys()].join(', ');
      throw new UsageError(`không có hồ sơ định mức «${p}» (có: ${known})`, `unknown profile "${p}" (known: ${known})`);
    }
  }
  const out: ActiveRule[] = [];
  for (const compiled of ruleSet.rules) {
    if (compiled.rule.profile && !profiles.includes(compiled.rule.profile)) continue;
    const sev = severityFor(compiled.rule.id, compiled.rule.severity, overrides);
    const op = compiled.operator;
    if (sev === 'off') continue;
    // A config that names the rule's severity raises (or lowers) its notes of a missing column too.
    const overridden = sev !== compiled.rule.severity;
    out.push({
      compiled,
      severity: sev,
      missing: overridden ? sev : (compiled.rule.missing ?? 'warning'),
      global: op.kind === 'group' && Boolean(op.global?.(compiled.options)),
      needs: op.kind === 'row' ? op.needs?.(compiled.options) : undefined,
    });
  }
  return out;
}

type CompiledCondition = (row: RowView) => boolean;
const compiledConditions = new WeakMap<Condition, CompiledCondition>();

/** Whether a row meets a condition. Conditions are compiled once into closures: they run for every rule on every row. */
export function testCondition(cond: Condition, row: RowView): boolean {
  return compiledCondition(cond)(row);
}

/** A condition as a function of the row, compiled on first use. */
export function compiledCondition(cond: Condition): CompiledCondition {
  let fn = compiledConditions.get(cond);
  if (!fn) compiledConditions.set(cond, (fn = compileCondition(cond)));
  return fn;
}

/**
 * Conditions and their parts by what they say: rules that share a condition (or a part of one,
 * "loai: tap-the") share one function, and each function answers once per row — the last row's
 * answer is kept, and rows are checked one at a time.
 */
const compiledByText = new Map<string, CompiledCondition>();

function onceByText(text: string, make: () => CompiledCondition): CompiledCondition {
  let fn = compiledByText.get(text);
  if (!fn) {
    const test = make();
    let lastRow: RowView | undefined;
    let lastAnswer = false;
    fn = (row) => {
      if (row !== lastRow) {
        lastAnswer = test(row);
        lastRow = row;
      }
      return lastAnswer;
    };
    compiledByText.set(text, fn);
  }
  return fn;
}

/** A condition's first key and its expected value, as a condition of its own (the same function its parts use). */
function firstPart(cond: Condition): CompiledCondition {
  const [key, expected] = Object.entries(cond)[0];
  return compiledCondition({ [key]: expected } as Condition);
}

function compileCondition(cond: Condition): CompiledCondition {
  return onceByText(JSON.stringify(cond), () => {
    const parts = Object.entries(cond).map(([key, expected]) => onceByText(JSON.stringify({ [key]: expected }), () => compilePart(key, expected)));
    return parts.length === 1 ? parts[0] : (row) => every(parts, row);
  });
}

function compilePart(key: string, expected: Condition[keyof Condition]): CompiledCondition {
  if (key === 'all') {
    const subs = (expected as Condition[]).map(compileCondition);
    return (row) => every(subs, row);
  }
  if (key === 'any') {
    const subs = (expected as Condition[]).map(compileCondition);
    return (row) => !every(subs, row, false);
  }
  if (key === 'not') {
    const sub = compileCondition(expected as Condition);
    return (row) => !sub(row);
  }
  if (key === 'typed') {
    const tests = Object.entries(expected as Condition).map(([k, texts]) => typedAs(k, [texts].flat().map(String)));
    return (row) => every(tests, row);
  }
  if (key === AWARD_KEY) {
    const ids = new Set([expected].flat().map(String));
    return (row) => {
      const awards = row.awards();
      for (let i = 0; i < awards.length; i++) if (ids.has(awards[i].award.id)) return true;
      return false;
    };
  }
  if (key === 'filled' || key === 'empty') {
    const keys = [expected].flat().map(String);
    const filled = keys.map((k) => (row: RowView) => isFilled(row, k));
    return key === 'filled' ? (row) => every(filled, row) : (row) => every(filled, row, false);
  }
  const values = [expected].flat() as Scalar[];
  // A text (an enumeration id, most often) equals an expected text when both fold alike: the
  // expected ones are folded here, once, and each distinct text's answer is kept.
  const texts = new Set(values.flatMap((e) => (typeof e === 'string' ? [e, fold(e)] : [])));
  const equalsText = oncePerText((actual) => texts.has(actual) || texts.has(fold(actual)));
  // Down a column the same text comes row after row (a kind, a field): the last answer is tried first.
  let lastText: string | undefined;
  let lastAnswer = false;
  return (row) => {
    const actual = row.value(key);
    if (actual === undefined) return false;
    if (typeof actual !== 'string') {
      for (let i = 0; i < values.length; i++) if (compareValues(actual, '=', values[i])) return true;
      return false;
    }
    if (actual !== lastText) {
      lastAnswer = equalsText(actual);
      lastText = actual;
    }
    return lastAnswer;
  };
}

/**
 * Whether a column's cell reads, as the officer typed it, as one of the texts (case and diacritics
 * aside): a system's code ("TAPTHE") where a name of the same meaning ("Tập thể") is parsed alike.
 */
function typedAs(key: string, texts: string[]): CompiledCondition {
  const folded = new Set(texts.map(fold));
  const equals = oncePerText((text) => folded.has(fold(text)));
  return (row) => {
    const cell = row.cell(key);
    return cell !== undefined && equals(cell.text);
  };
}

/**
 * Whether every test gives `want` for the row. A loop, not tests.every((f) => f(row)): that makes
 * a closure per call, and conditions run for every rule on every row.
 */
function every(tests: CompiledCondition[], row: RowView, want = true): boolean {
  for (let i = 0; i < tests.length; i++) if (tests[i](row) !== want) return false;
  return true;
}

function nomineeRecord(row: RowView): NomineeRecord {
  const text = (k: string) => row.cell(k)?.text;
  // The cell of the award proposed (a title column's, when the award column names none).
  const award = row.cell(row.awards()[0]?.key ?? KEYS.award);
  const id = (k: string) => {
    const v = row.value(k);
    return typeof v === 'string' ? v : undefined;
  };
  return {
    file: row.file,
    sheet: row.sheet,
    row: row.row,
    unit: row.unit,
    name: text(KEYS.name) ?? '',
    kind: id('loai'),
    field: id('linh_vuc'),
    movement: text('phong_trao'),
    award: award && namedText(award.text, award.parsed),
  };
}

/** The column keys a condition reads. */
export function conditionKeys(cond: Condition | undefined): string[] {
  if (!cond) return [];
  return Object.entries(cond).flatMap(([key, v]) => {
    if (key === 'all' || key === 'any') return (v as Condition[]).flatMap(conditionKeys);
    if (key === 'not') return conditionKeys(v as Condition);
    if (key === 'typed') return Object.keys(v as Condition);
    if (key === 'filled' || key === 'empty') return [v].flat().map(String);
    // The row's award travels with its snapshot, not as a column.
    if (key === AWARD_KEY) return [];
    return [key];
  });
}

function isFilled(row: RowView, key: string): boolean {
  if (row.cell(key) !== undefined || row.value(key) !== undefined) return true;
  const years = row.years(key);
  for (let i = 0; i < years.length; i++) if (years[i].cell) return true;
  return false;
}

export function vocabulary(ruleSet: RuleSet): LayoutVocabulary {
  const kind = ruleSet.columns.get(KEYS.kind);
  const { layout } = ruleSet;
  return {
    total: new PhraseList(layout.total),
    footer: new PhraseList(layout.footer),
    placeholders: new PhraseList(layout.placeholders),
    kindNames: new PhraseList(Object.values(kind?.infer ?? {}).flat()),
    notUnit: new PhraseList(layout.notUnit),
    kindPhrases: kind?.infer ?? {},
  };
}

/**
 * The submitting unit named in the title block: its first line that is not the motto, a title or a
 * date. Where a second line stands right under it in the same column, that is the unit and the
 * first its parent body ("UBND HUYỆN KON RẪY" over "PHÒNG VĂN HÓA VÀ THÔNG TIN"), as Vietnamese
 * administrative documents lay out their heading.
 */
export function unitFromTitle(title: TitleLine[], vocab: LayoutVocabulary): { unit: string; heading: string[] } | undefined {
  const isUnit = (t: TitleLine) => fold(t.text) !== '' && !isDateLine(t.text) && vocab.notUnit.find(t.text) < 0;
  const first = title.find(isUnit);
  if (!first) return undefined;
  const under = title.find((t) => t.row === first.row + 1 && t.col === first.col);
  return under && isUnit(under) ? { unit: under.text, heading: [first.text, under.text] } : { unit: first.text, heading: [first.text] };
}

/** The date of a dossier's place-and-date line: "Đắk Ruồng, ngày 15 tháng 8 năm 2025". */
export function dateOfLines(lines: string[]): Date | undefined {
  for (const line of lines) {
    const m = /ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})/.exec(fold(line));
    if (m) {
      const d = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1]));
      if (d.getUTCDate() === +m[1]) return d;
    }
  }
  return undefined;
}

export class Evaluator {
  findings: Finding[] = [];
  rows = 0;
  /** In a worker: what the rules over every file need of each row, for the main thread. */
  readonly snapshots: SnapshotWriter;
  /** With `collectNominees: true`, or in a worker: every nominee seen. */
  nominees: NomineeRecord[] = [];
  /** Where each nominee goes (see CheckOptions.collectNominees); none when nominees are not kept. */
  private readonly nomineeSink: ((n: NomineeRecord) => void) | undefined;
  private readonly rules: ActiveRule[];
  private readonly rowRules: ActiveRule[];
  /** Group rules fed here, row by row. */
  private readonly groupRules: ActiveRule[];
  /** Rules over every file: fed here, or (in a worker) by the main thread from snapshots. */
  private readonly globalRules: ActiveRule[];
  private readonly globalKeys: string[];
  private readonly matcher: HeaderMatcher;
  private readonly vocab: LayoutVocabulary;
  private readonly seenOnce = new Set<string>();
  private readonly profilesOf: ProfilesOf;
  /** The past decisions' ledger, indexed here (in a worker too) from the data it was given. */
  private readonly ledger: Ledger | undefined;

  /** Whether a rule is in force for a file: rules of a profile only where that profile is. */
  private inForce(rule: ActiveRule, file: string): boolean {
    const profile = rule.compiled.rule.profile;
    return !profile || this.profilesOf(file).has(profile);
  }

  /** `deferGlobal`: in a worker thread, rules over every file are left to the main thread. */
  constructor(
    private readonly opts: CheckOptions,
    private readonly deferGlobal = false,
  ) {
    this.rules = activeRules(opts.ruleSet, allProfiles(opts.profiles, opts.profileMap), opts.severity);
    this.ledger = opts.history && new Ledger(opts.history);
    // An evaluator whose outcome goes back as a reply (a worker's, or one file's ahead of its
    // turn) keeps its nominees for the reply: handed on now, they would come out of order.
    const sink = opts.collectNominees;
    this.nomineeSink = typeof sink === 'function' && !deferGlobal ? sink : sink ? (n) => this.nominees.push(n) : undefined;
    this.profilesOf = profileResolver(opts.profiles, opts.profileMap);
    this.matcher = new HeaderMatcher([...opts.ruleSet.columns.values()], [...opts.ruleSet.layout.ignoreColumns, ...(opts.ignoreColumns ?? [])]);
    this.vocab = vocabulary(opts.ruleSet);
    for (const r of this.rules) if (r.compiled.operator.kind === 'group') r.acc = r.compiled.operator.create(r.compiled.options, this.context(r));
    // Rules that judge other rules' outcomes on the row (the award level) run after them.
    const late = (r: ActiveRule) => (r.compiled.operator.kind === 'row' && r.compiled.operator.late ? 1 : 0);
    this.rowRules = this.rules.filter((r) => r.compiled.operator.kind === 'row').sort((a, b) => late(a) - late(b));
    this.globalRules = this.rules.filter((r) => r.global);
    this.groupRules = this.rules.filter((r) => r.compiled.operator.kind === 'group' && !(deferGlobal && r.global));
    const keys = this.globalRules.flatMap((r) => [
      ...r.compiled.operator.columns(r.compiled.options),
      ...conditionKeys(r.compiled.rule.when),
      ...conditionKeys((r.compiled.options as { where?: Condition }).where),
    ]);
    this.globalKeys = [...new Set(keys)];
    this.snapshots = new SnapshotWriter(this.globalKeys);
  }

  /** Whether rules over every file are in force: they need every row (a snapshot of it, when it is checked elsewhere). */
  get rulesOverEveryFile(): boolean {
    return this.globalRules.length > 0;
  }

  /** The findings so far, handed over and forgotten (a worker sends them file by file). */
  takeFindings(): Finding[] {
    const out = this.findings;
    this.findings = [];
    return out;
  }

  /** In a worker, for a large file: where its snapshots go in batches as its rows stream (see parallel.ts). */
  streamSnapshots: ((batch: RowSnapshots) => Promise<void>) | undefined;

  /** Sends the snapshots taken so far when a batch is full and they stream. */
  private readonly snapshotsDue = (): Promise<void> | undefined => {
    if (!this.streamSnapshots || this.snapshots.rows < SNAPSHOT_BATCH) return undefined;
    return this.streamSnapshots(this.snapshots.take());
  };

  /** Rows a worker snapshotted, given to the rules over every file here, in file order. */
  feed(snapshots: RowSnapshots): void {
    forEachSnapshotRow(snapshots, (row) => {
      for (const rule of this.globalRules) {
        if (!this.inForce(rule, row.file)) continue;
        if (rule.compiled.purpose && rule.compiled.purpose !== row.purpose) continue;
        const when = rule.compiled.rule.when;
        rule.acc!.row(row, !when || testCondition(when, row));
      }
    }, this.opts.ruleSet.awards.byId);
  }

  private readonly labels = new Map<string, string>();
  private readonly expectations = new Map<string, MessageArg>();

  /** A column's label for messages; operators ask for it on every row they check, so it is made once. */
  private label(key: string): string {
    let label = this.labels.get(key);
    if (label === undefined) this.labels.set(key, (label = columnLabel(this.opts.ruleSet, key)));
    return label;
  }

  /** How an expected value reads in a message, made once per column and value. */
  private expected(key: string, v: Scalar): MessageArg {
    const memo = `${key}\u0000${typeof v}\u0000${String(v)}`;
    let arg = this.expectations.get(memo);
    if (arg === undefined) this.expectations.set(memo, (arg = expectedWords(this.opts.ruleSet, key, v)));
    return arg;
  }

  /** The context an operator reports through, bound to one rule (and, for row rules, one row's tag set). */
  private context(rule: ActiveRule, onReport?: (f: Finding) => void): OperatorContext {
    const { compiled } = rule;
    const dated = compiled.rule['in-force'];
    return {
      period: compiled.period,
      test: testCondition,
      label: (k) => this.label(k),
      expected: (k, v) => this.expected(k, v),
      awards: this.opts.ruleSet.awards,
      missing: rule.missing,
      ledger: this.ledger,
      report: (r: ReportInput) => {
        const f = this.finding(rule, r);
        // A rule in force between dates waits for the dossier's date, which a footer gives after
        // the rows; so does its note of a missing column (no note for a clause not in force).
        if (dated) this.dated.push({ rule, finding: f });
        else this.push(f);
        onReport?.(f);
      },
    };
  }

  private finding(rule: ActiveRule, r: ReportInput): Finding {
    const { compiled } = rule;
    const lang = this.opts.lang;
    const messageId = r.messageId ?? 'fail';
    const template =
      messageId === 'fail' && compiled.rule.message
        ? localize(compiled.rule.message, lang)
        : localize((compiled.operator.messages[messageId] ?? ENGINE_MESSAGES[messageId as keyof typeof ENGINE_MESSAGES]) as { vi: string; en: string }, lang);
    const message = render(template, r.data ?? {}, lang);
    const f: Finding = {
      ruleId: compiled.rule.id,
      severity: r.severity ?? rule.severity,
      message,
      file: r.row?.file ?? r.place!.file,
      source: compiled.rule.source,
    };
    const sheet = r.row?.sheet ?? r.place?.sheet;
    if (sheet !== undefined) f.sheet = sheet;
    const row = r.row?.row ?? r.place?.row;
    if (row !== undefined) {
      f.row = row;
      const column = r.cell?.column ?? r.place?.column;
      if (column) f.column = column;
      const cell = r.cell as CellView | undefined;
      if (cell && 'raw' in cell) f.value = cell.text;
      else if (r.cell?.text !== undefined) f.value = r.cell.text;
      setWho(f, r.row ? nomineeOf(r.row) : r.who);
    } else {
      f.group = r.group ?? r.row?.unit;
    }
    if (r.related?.length) f.related = r.related;
    return f;
  }

  private push(f: Finding): void {
    if (f.row === undefined) {
      // A finding about a sheet or a group is said once, however many rows led to it.
      const key = `${f.ruleId}\u0000${f.file}\u0000${f.sheet ?? ''}\u0000${f.message}`;
      if (this.seenOnce.has(key)) return;
      this.seenOnce.add(key);
    }
    this.findings.push(f);
  }

  /** Findings of rules in force between dates, held until the file's date is known (see context). */
  private dated: { rule: ActiveRule; finding: Finding }[] = [];

  /**
   * The held findings of dated rules: those of a rule in force on the dossier's date are said;
   * the others are dropped, and when the dossier shows no date, one note per rule says so.
   */
  private settleDated(file: FileView): void {
    const noted = new Set<ActiveRule>();
    for (const { rule, finding } of this.dated) {
      const window = rule.compiled.rule['in-force']!;
      if (file.date) {
        if (inForceOn(window, file.date)) this.push(finding);
      } else if (!noted.has(rule)) {
        noted.add(rule);
        const lang = this.opts.lang;
        this.push({
          ruleId: rule.compiled.rule.id,
          severity: 'info',
          message: render(localize(ENGINE_MESSAGES['undated'], lang), { rule: localize(rule.compiled.rule.title, lang), from: window.from ?? '…', to: window.to ?? '…' }, lang),
          file: file.file,
          group: file.unit,
          source: rule.compiled.rule.source,
        });
      }
    }
    this.dated = [];
  }

  /** Checks one file (`data`: its bytes, when it was given so); an unreadable file throws InputError after whatever was read has been checked. */
  async checkFile(file: string, data?: FileData): Promise<SheetsRead> {
    return this.checkSource(file, await openSource(data ? { name: file, data } : file, this.opts.limits, { mergesAhead: true }));
  }

  /** Checks an opened workbook (a file, or one built in memory from a rule's examples). */
  async checkSource(file: string, source: WorkbookSource): Promise<SheetsRead> {
    const fileView: FileView = { file, unit: '', heading: [], title: [], columns: new Set() };
    /** Sheets with a header, and how many nominees each had. */
    const tables: { sheet: string; rows: number }[] = [];
    const rowsBefore = this.rows;
    /** Sheets passed over, said once the file's unit is known (it may stand on a later sheet). */
    const passedOver: { sheet: string; reason: SkipReason }[] = [];
    /** Per sheet, the header cells no column matched: said likewise. */
    const unread: { sheet: string; cells: HeaderCell[] }[] = [];
    /** The purposes of the file's rows: a group rule of another purpose owes the file nothing. */
    const purposes = new Set<Purpose>();
    try {
      for (const sheet of source.sheets) {
        const skip = (reason: SkipReason) => passedOver.push({ sheet: sheet.name, reason });
        // A sheet named like a code list is still read when its header is plainly a list's.
        const choice = chooseSheet(sheet.name, this.opts.ruleSet.layout);
        if (!choice.read) {
          skip(choice.reason);
          continue;
        }
        const initialHint = sheetKindHint(sheet.name, file, this.vocab);
        let layout: TableLayout | undefined;
        let sheetState: SheetState | undefined;
        const table = { sheet: sheet.name, rows: 0 };
        const merges = (await source.merges?.(sheet)) ?? [];
        const reader = new TableReader(
          { matcher: this.matcher, vocab: this.vocab, keys: KEYS, merges, minScore: choice.minScore },
          {
            layout: (found) => {
              layout = found;
              tables.push(table);
              if (!fileView.unit) {
                const named = unitFromTitle(found.title, this.vocab);
                fileView.unit = named?.unit ?? path.basename(file).replace(/\.[^.]*$/, '');
                fileView.heading = named?.heading ?? [];
                fileView.title = found.title.map((t) => t.text);
                fileView.date = dateOfLines(fileView.title);
                fileView.year = yearOfTitle(fileView.title);
                // The unit's own name ("BAN THI ĐUA - KHEN THƯỞNG TỈNH …") says nothing of the list.
                const told = listPurpose(fileView.title.filter((t) => !fileView.heading.includes(t) && t !== fileView.unit), this.opts.ruleSet.layout, this.opts.purpose);
                fileView.purpose = told?.purpose;
                fileView.purposeFrom = told?.from;
              }
              for (const c of found.columns) fileView.columns.add(c.key);
              const cells = unmatchedHeaders(found).unread;
              if (cells.length) unread.push({ sheet: sheet.name, cells });
              sheetState = new SheetState(file, sheet.name, sheet.hidden, found, this.opts.ruleSet, fileView);
              if (initialHint || found.title.length) fileView.columns.add(KEYS.kind);
            },
            row: (row) => {
              table.rows++;
              const view = sheetState!.view(row);
              purposes.add(view.purpose);
              this.evaluateRow(view);
              if (row.below) this.notice(row.below.class === 'total' ? 'hoso/duoi-dong-tong' : 'hoso/duoi-chan-trang', { file, sheet: sheet.name, row: row.row, column: columnLetter(row.cells[0].col), group: view.unit, ...nomineeOf(view) }, { text: row.below.text, row: row.below.row });
            },
            other: (row) => {
              if (row.class === 'note') this.notice('hoso/dong-khong-ro', { file, sheet: sheet.name, row: row.row, column: columnLetter(row.col), value: row.text }, { text: row.text });
            },
            footer: (lines) => {
              fileView.date ??= dateOfLines(lines);
            },
          },
          initialHint,
        );
        await readTableBatches(rowBatches(source, sheet), reader, this.snapshotsDue);
        if (!layout) skip(noTableReason(choice, reader.sawRows));
      }
    } finally {
      await source.close();
      if (!fileView.unit) fileView.unit = path.basename(file).replace(/\.[^.]*$/, '');
      for (const r of this.groupRules) {
        const purpose = r.compiled.purpose;
        // A group rule owes nothing to a file none of whose rows is of its purpose (an empty file aside).
        if (purpose && (purposes.size > 0 ? !purposes.has(purpose) : fileView.purpose !== undefined && fileView.purpose !== purpose)) continue;
        if (this.inForce(r, file)) r.acc!.endFile?.(fileView);
      }
      this.settleDated(fileView);
    }
    for (const u of unread) this.notice('hoso/cot-khong-kiem-tra', { file, sheet: u.sheet, group: fileView.unit }, { columns: unreadColumnsText(u.cells) });
    for (const p of passedOver) this.notice('hoso/trang-bo-qua', { file, sheet: p.sheet, group: fileView.unit }, { reason: SKIP_REASONS[p.reason] });
    // An empty template is not a clean dossier: a header with nothing under it is an error.
    if (tables.length && this.rows === rowsBefore) this.notice('hoso/khong-co-dong-de-nghi', { file, group: fileView.unit }, { sheets: tables.map((t) => `«${t.sheet}»`).join(', ') });
    else for (const t of tables) if (t.rows === 0) this.notice('hoso/trang-khong-co-dong-de-nghi', { file, sheet: t.sheet, group: fileView.unit }, {});
    return { checked: tables.map((t) => t.sheet), skipped: passedOver.map((p) => p.sheet), order: source.sheets.map((s) => s.name) };
  }

  /** Says one of the engine's notices, at the severity the config gives it (or none, when it turns it off). */
  private notice(id: NoticeId, place: Parameters<typeof notice>[1], data: Record<string, MessageArg>): void {
    const severity = severityFor(id, NOTICES[id].severity as Severity, this.opts.severity ?? {});
    if (severity !== 'off') this.push(notice(id, place, data, this.opts.lang, severity));
  }

  /** The row being checked: row rules' findings mark its failed tags. */
  private current: SheetRow | undefined;
  /** Per file, the rules in force there with what each needs per row, worked out once. */
  private plan: { file: string; rows: RowPlan[]; groups: { rule: ActiveRule; when?: CompiledCondition }[] } | undefined;

  private planFor(file: string): NonNullable<Evaluator['plan']> {
    if (this.plan?.file === file) return this.plan;
    const when = (r: ActiveRule) => (r.compiled.rule.when ? compiledCondition(r.compiled.rule.when) : undefined);
    const rows = this.rowRules
      .filter((r) => this.inForce(r, file))
      .map((rule): RowPlan => {
        const { compiled } = rule;
        const op = compiled.operator as RowOperator<unknown>;
        let ctx = this.rowContexts.get(rule);
        if (!ctx) {
          ctx = this.context(rule, (f) => {
            if (f.severity === 'error' && f.row !== undefined) for (const t of compiled.rule.tags) this.current!.failed.add(t);
          });
          this.rowContexts.set(rule, ctx);
        }
        const cond = compiled.rule.when;
        const guard = cond && Object.keys(cond).length > 0 ? firstPart(cond) : undefined;
        return { rule, when: when(rule), guard, skipTo: 0, whenSkipTo: 0, op, options: compiled.options, ctx, absentIn: undefined, absent: [], purpose: compiled.purpose };
      });
    for (let i = rows.length - 1; i >= 0; i--) {
      const { guard, when } = rows[i];
      rows[i].skipTo = guard && rows[i + 1]?.guard === guard ? rows[i + 1].skipTo : i + 1;
      rows[i].whenSkipTo = when && rows[i + 1]?.when === when ? rows[i + 1].whenSkipTo : i + 1;
    }
    const groups = this.groupRules.filter((r) => this.inForce(r, file)).map((rule) => ({ rule, when: when(rule) }));
    return (this.plan = { file, rows, groups });
  }

  private readonly rowContexts = new Map<ActiveRule, OperatorContext>();

  private evaluateRow(row: SheetRow): void {
    this.rows++;
    const plan = this.planFor(row.file);
    this.current = row;
    for (let i = 0; i < plan.rows.length; ) {
      const p = plan.rows[i];
      if (p.guard && !p.guard(row)) {
        i = p.skipTo;
        continue;
      }
      if (p.when && !p.when(row)) {
        i = p.whenSkipTo;
        continue;
      }
      i++;
      if (p.purpose !== undefined && p.purpose !== row.purpose) continue;
      const needs = p.rule.needs;
      let missing: string | undefined;
      if (needs) {
        // What the sheet lacks of the rule's columns is worked out once per sheet, not per row.
        if (p.absentIn !== row.state) {
          p.absentIn = row.state;
          p.absent = row.state.absent(needs.keys);
        }
        if (p.absent.length > 0) missing = row.missing(p.absent);
      }
      if (missing) {
        const f = this.finding(p.rule, {
          place: { file: row.file, sheet: row.sheet },
          group: row.unit,
          messageId: needs!.severity === 'error' ? 'column-missing-error' : 'column-missing',
          severity: needs!.severity === 'error' ? p.rule.severity : p.rule.missing,
          data: { column: this.label(missing), rule: localize(p.rule.compiled.rule.title, this.opts.lang) },
        });
        this.push(f);
        continue;
      }
      p.op.check(row, p.options, p.ctx);
    }
    this.current = undefined;
    for (let i = 0; i < plan.groups.length; i++) {
      const g = plan.groups[i];
      const purpose = g.rule.compiled.purpose;
      if (purpose !== undefined && purpose !== row.purpose) continue;
      g.rule.acc!.row(row, !g.when || g.when(row));
    }
    if (this.deferGlobal && this.globalRules.length) this.snapshots.add(row);
    if (this.nomineeSink) this.nomineeSink(nomineeRecord(row));
  }

  end(): void {
    for (const r of this.groupRules) r.acc!.end?.();
  }

  /** A nominee another evaluator recorded (a worker's reply, the cache), in its turn. */
  addNominee(n: NomineeRecord): void {
    this.nomineeSink?.(n);
  }
}

/** A row rule as it runs on each row of a file: its condition compiled, its context made once. */
interface RowPlan {
  rule: ActiveRule;
  when?: CompiledCondition;
  /**
   * The first part of `when` ("loai: tap-the"), which the rules of a field often share one after
   * another: when it fails, the rules up to skipTo that share it are passed over at once.
   */
  guard?: CompiledCondition;
  skipTo: number;
  /** Likewise for the whole of `when`: the rules of one field share it ("loai: tap-the, linh_vuc: giao-duc"). */
  whenSkipTo: number;
  op: RowOperator<unknown>;
  options: unknown;
  ctx: OperatorContext;
  /** The sheet whose missing columns `absent` lists: of the rule's needs, those it has no column for. */
  absentIn: SheetState | undefined;
  absent: string[];
  /** The lists the rule judges (its pack's purpose), if not every list. */
  purpose: Purpose | undefined;
}

/** Where a column stands in a sheet, with its parsed values by stored value. */
interface ColumnAt {
  key: string;
  year?: number;
  col: number;
  column: string;
  spec: CompiledColumn;
  /** Its place in each row's array of cell views. */
  slot: number;
  /** Its cell view, refilled for each row that fills the column (see SheetState.view). */
  view: CellView;
  /** What a text cell of a text column parses to, refilled likewise. */
  textParsed: { ok: true; value: Value };
  memo: { text: Map<string | number, Parsed>; number: Map<string | number, Parsed>; percent: Map<string | number, Parsed> };
  /** Lookups in a full memo that found nothing: past MEMO_GIVE_UP of them the column's values are left unmemoised. */
  misses: number;
  /** The keys a combined header also stands for, read from the same cell (see LocatedColumn.combinedWith). */
  also: ColumnAt[] | undefined;
}

const PARSE_MEMO = 4096;
const MEMO_GIVE_UP = 4096;

/** A sheet's columns by key, ready to turn each nominee row into a RowView. */
class SheetState {
  /** Non-year columns by key. */
  readonly plain = new Map<string, ColumnAt>();
  /** Year columns by key, in year order. */
  readonly yearly = new Map<string, ColumnAt[]>();
  /** Columns by index (sparse: a sheet's columns are few). */
  private readonly byCol: (ColumnAt | undefined)[] = [];
  /**
   * The row being checked, lent to the rules (see RowView): its cell views by slot, and in the
   * row's order. Made once per sheet and refilled for each row: a hundred thousand rows of
   * fifteen cells would otherwise make a million and a half views, a quarter of all a check allocates.
   */
  readonly views: (CellView | undefined)[];
  readonly all: CellView[] = [];
  /** Per year-column key, its year slots, refilled with the row's cells when asked for. */
  readonly yearSlots = new Map<string, YearSlot[]>();
  /** The column naming each row's submitting unit, when the sheet has one. */
  private readonly submitter: ColumnAt | undefined;

  constructor(
    readonly file: string,
    readonly sheet: string,
    readonly sheetHidden: boolean,
    layout: TableLayout,
    private readonly ruleSet: RuleSet,
    private readonly fileView: FileView,
  ) {
    let slot = 0;
    for (const c of layout.columns) {
      const spec = ruleSet.columns.get(c.key)!;
      const column = columnLetter(c.col);
      const at: ColumnAt = {
        key: c.key,
        year: c.year,
        col: c.col,
        column,
        spec,
        slot: slot++,
        // One literal with every field, those a cell lacks undefined, so that every view has one shape.
        view: { key: c.key, year: c.year, col: c.col, column, raw: EMPTY_CELL, text: '', parsed: undefined, legacy: undefined },
        textParsed: { ok: true, value: '' },
        memo: { text: new Map(), number: new Map(), percent: new Map() },
        misses: 0,
        also: undefined,
      };
      const first = c.combinedWith === undefined ? undefined : this.byCol[c.col];
      if (first) (first.also ??= []).push(at);
      else this.byCol[c.col] = at;
      if (c.year === undefined) this.plain.set(c.key, at);
      else {
        const list = this.yearly.get(c.key) ?? [];
        list.push(at);
        list.sort((a, b) => a.year! - b.year!);
        this.yearly.set(c.key, list);
      }
    }
    this.submitter = this.plain.get(KEYS.submitter);
    this.views = new Array<CellView | undefined>(slot).fill(undefined);
    for (const [key, list] of this.yearly) this.yearSlots.set(key, list.map((s) => ({ year: s.year!, col: s.col, column: s.column, cell: undefined })));
  }

  /**
   * A cell parsed as its column's type. Enumerations, yes/no and ratings repeat down a column:
   * each distinct stored value of a column is parsed once (up to PARSE_MEMO of them).
   */
  private parse(raw: RawCell, text: string, at: ColumnAt): Parsed {
    const { spec } = at;
    // A text column with a code list goes the memoised way: each distinct code is looked up once.
    if (spec.type === 'text' && raw.t === 's' && spec.codes === undefined) {
      at.textParsed.value = text;
      return at.textParsed;
    }
    // A column of distinct values (numbers down the rows, ids) fills its memo and then only misses.
    const memo = at.misses >= MEMO_GIVE_UP ? undefined : raw.t === 's' ? at.memo.text : raw.t === 'n' ? (raw.percent ? at.memo.percent : at.memo.number) : undefined;
    let parsed = memo?.get(raw.v as string | number);
    if (parsed === undefined) {
      const list = spec.enum ?? spec.codes;
      parsed = parseCell(raw, spec.type, list ? this.ruleSet.enums.get(list) : undefined);
      if (memo) {
        if (memo.size < PARSE_MEMO) memo.set(raw.v as string | number, parsed);
        else at.misses++;
      }
    }
    return parsed;
  }

  /** The award a row's award cell names (see CompiledAwards.find, which remembers each text). */
  awardOf(text: string): Award | undefined {
    return this.ruleSet.awards.find(text);
  }

  get filePurpose(): Purpose | undefined {
    return this.fileView.purpose;
  }

  get purposeFromConfig(): boolean {
    return this.fileView.purposeFrom !== undefined && 'config' in this.fileView.purposeFrom;
  }

  /** The year the list is for: its title's, else its date's so far. */
  get awardYear(): number | undefined {
    return this.fileView.year ?? this.fileView.date?.getUTCFullYear();
  }

  /** Of the keys, those the sheet has no column for. */
  absent(keys: string[]): string[] {
    return keys.filter((k) => !this.plain.has(k) && !this.yearly.has(k));
  }

  /** The nominee row as the rules see it; valid until the next row is viewed. */
  view(n: NomineeRow): SheetRow {
    const { views, all } = this;
    for (let s = 0; s < views.length; s++) views[s] = undefined;
    let count = 0;
    for (let i = 0; i < n.cells.length; i++) {
      const raw = n.cells[i];
      const at = this.byCol[raw.col];
      if (!at) continue;
      const text = n.texts[i];
      if (raw.t === 's' && text === '') continue;
      const cv = at.view;
      cv.raw = raw;
      cv.text = text;
      cv.parsed = raw.t !== 'e' ? this.parse(raw, text, at) : undefined;
      cv.legacy = raw.legacy;
      all[count++] = cv;
      views[at.slot] = cv;
      if (at.also !== undefined) this.viewAlso(at.also, raw, text);
    }
    all.length = count;
    const unit = (this.submitter && views[this.submitter.slot]?.text) || this.fileView.unit;
    return new SheetRow(this, n, unit);
  }

  /** A cell under a combined header, as each other key it stands for; listed once in `all`, under its first key. */
  private viewAlso(also: ColumnAt[], raw: RawCell, text: string): void {
    for (const at of also) {
      const cv = at.view;
      cv.raw = raw;
      cv.text = text;
      cv.parsed = raw.t !== 'e' ? this.parse(raw, text, at) : undefined;
      cv.legacy = raw.legacy;
      this.views[at.slot] = cv;
    }
  }
}

const NO_YEARS: readonly YearSlot[] = Object.freeze([]);
/** What a pooled view holds before its column's first cell. */
const EMPTY_CELL: RawCell = Object.freeze({ col: 0, t: 's', v: '' });

/** One nominee row of a sheet. A class, not closures: one is made for every row checked. */
class SheetRow implements RowView {
  private failed_: Set<string> | undefined;
  readonly file: string;
  readonly sheet: string;
  readonly sheetHidden: boolean;
  readonly row: number;
  readonly hidden: boolean;
  private readonly kindHint: string | undefined;
  private readonly plain: Map<string, ColumnAt>;
  private readonly yearly: Map<string, ColumnAt[]>;

  /** The row's cell views by the sheet's column slots, and in the row's order (the sheet's, refilled per row). */
  private readonly views: (CellView | undefined)[];
  private readonly all: CellView[];

  constructor(
    readonly state: SheetState,
    n: NomineeRow,
    readonly unit: string,
  ) {
    this.views = state.views;
    this.all = state.all;
    this.file = state.file;
    this.sheet = state.sheet;
    this.sheetHidden = state.sheetHidden;
    this.plain = state.plain;
    this.yearly = state.yearly;
    this.row = n.row;
    this.hidden = n.hidden;
    this.kindHint = n.kindHint;
  }

  /** The tags of rules that failed on this row (made on the first failure). */
  get failed(): Set<string> {
    return (this.failed_ ??= new Set());
  }

  has(key: string): boolean {
    return this.plain.has(key) || this.yearly.has(key) || (key === KEYS.kind && this.kindHint !== undefined);
  }

  /** The first of the keys the row does not have (see has), if any; given those the sheet has no column for (see SheetState.absent). */
  missing(absent: string[]): string | undefined {
    for (let i = 0; i < absent.length; i++) if (!this.has(absent[i])) return absent[i];
    return undefined;
  }

  slot(key: string): { col: number; column: string } | undefined {
    return this.plain.get(key);
  }

  cell(key: string): CellView | undefined {
    const at = this.plain.get(key);
    return at && this.views[at.slot];
  }

  value(key: string): Value | undefined {
    const at = this.plain.get(key);
    if (at) {
      const c = this.views[at.slot];
      return c?.parsed?.ok ? c.parsed.value : undefined;
    }
    if (key === KEYS.kind) return this.kindHint;
    return undefined;
  }

  years(key: string): readonly YearSlot[] {
    const list = this.yearly.get(key);
    // Conditions ask of every key (filled: ...), most of which have no year columns.
    if (list === undefined) return NO_YEARS;
    const slots = this.state.yearSlots.get(key)!;
    for (let i = 0; i < list.length; i++) slots[i].cell = this.views[list[i].slot];
    return slots;
  }

  cells(): CellView[] {
    return this.all;
  }

  failedTags(): Set<string> {
    return this.failed_ ?? NO_TAGS;
  }

  private awards_: readonly ProposedAward[] | undefined;

  award(): Award | undefined {
    return this.awards()[0]?.award;
  }

  awards(): readonly ProposedAward[] {
    if (this.awards_ === undefined) {
      let found: ProposedAward[] | undefined;
      for (let i = 0; i < AWARD_COLUMNS.length; i++) {
        const key = AWARD_COLUMNS[i];
        const cell = this.cell(key);
        if (!cell) continue;
        // The text as typed, else the name a code of the column's code list reads as.
        const named = cell.parsed?.ok ? cell.parsed.value : undefined;
        const award = this.state.awardOf(cell.text) ?? (typeof named === 'string' && named !== cell.text ? this.state.awardOf(named) : undefined);
        if (award) (found ??= []).push({ award, key });
      }
      this.awards_ = found ?? NO_AWARDS;
    }
    return this.awards_;
  }

  private purpose_: Purpose | undefined;

  /** Asked by every rule of a pack with a purpose: worked out once per row. */
  get purpose(): Purpose {
    if (this.purpose_ === undefined) {
      const { filePurpose, purposeFromConfig } = this.state;
      // A row proposing a title of the Law is judged by the Law whatever its list's title says.
      this.purpose_ = purposeFromConfig ? filePurpose! : proposesTitle(this.awards()) ? 'award' : (filePurpose ?? 'exemplar');
    }
    return this.purpose_;
  }

  /** The row's own "Năm khen thưởng", else its list's (see SheetState.awardYear). */
  get awardYear(): number | undefined {
    const own = this.value(DECISION.year);
    return typeof own === 'number' && own >= 1900 && own <= 2100 ? own : this.state.awardYear;
  }
}

/** Shared by every row that failed nothing; never added to (rows add to their own set). */
const NO_TAGS = new Set<string>();
/** Shared by every row that names no award. */
const NO_AWARDS: readonly ProposedAward[] = Object.freeze([]);

/** Whether one of the awards is a title of emulation (a loop: it runs on every row). */
function proposesTitle(awards: readonly ProposedAward[]): boolean {
  for (let i = 0; i < awards.length; i++) if (awards[i].award.title) return true;
  return false;
}

/** Orders findings by file (as given), sheet (workbook order), row and column. */
export function sortFindings(findings: Finding[], fileOrder: string[], sheetOrder: Map<string, string[]>): Finding[] {
  const fileIdx = new Map(fileOrder.map((f, i) => [f, i]));
  const colNum = (c?: string) => (c ? columnIndex(c) : -1);
  const key = (f: Finding): number[] => [
    fileIdx.get(f.file) ?? Number.MAX_SAFE_INTEGER,
    f.sheet === undefined ? -1 : (sheetOrder.get(f.file)?.indexOf(f.sheet) ?? 0),
    f.row ?? -1,
    colNum(f.column),
  ];
  return findings
    .map((f, i) => ({ f, k: key(f), i }))
    .sort((a, b) => {
      for (let j = 0; j < a.k.length; j++) if (a.k[j] !== b.k[j]) return a.k[j] - b.k[j];
      return a.i - b.i;
    })
    .map((x) => x.f);
}

/**
 * Checks every dossier under the paths together: rules across files see all of them. Files given
 * as bytes with names (see given.ts) are checked on this thread, uncached.
 */
export async function checkPaths(paths: Given[], opts: CheckOptions): Promise<CheckResult> {
  try {
    return await checkGiven(paths, opts);
  } finally {
    forgetOutputs();
  }
}

async function checkGiven(paths: Given[], opts: CheckOptions): Promise<CheckResult> {
  const { files, errors, notes, order, ignored, data } = await expandGiven(paths, ignoreMatcher(opts.ignores));
  // Bytes cannot cross to a worker thread by a path, nor be cached by one.
  if (data.size) opts = { ...opts, jobs: 1, cache: undefined };
  const sizeOf = (file: string) => {
    const bytes = data.get(file);
    return bytes ? sizeOfData(bytes) : sizeOfFile(file);
  };
  const evaluator = new Evaluator(opts);
  evaluator.findings.push(...noteFindings(notes, opts.lang, (ruleId, base) => severityFor(ruleId, base, opts.severity ?? {})));
  const sheets: CheckResult['sheets'] = [];
  const jobs = Math.max(1, opts.jobs ?? 1);
  const workers = (some: string[]) => (jobs > 1 && some.length > 1 && opts.packFiles !== undefined && canUseWorkers() ? workerCount(some, jobs, opts.jobsAuto === true) : 1);
  const cache = opts.cache;
  /** Checks a file on this thread, every rule fed as its rows stream. */
  const checkHere = async (file: string) => {
    try {
      const read = await evaluator.checkFile(file, data.get(file));
      sheets.push({ file, ...read });
      errors.push(...noHeader(file, read));
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
    }
  };

  if (!cache && workers(files) <= 1) {
    // One thread, nothing cached: every rule is fed as the rows stream, and nothing is kept per row.
    for (const [i, file] of files.entries()) {
      await checkHere(file);
      opts.onProgress?.(i + 1, files.length);
    }
  } else {
    // Each file's outcome comes back — from the cache, a worker thread or this one — and the rules
    // over every file are fed from it in the files' order. Those rules need each row's snapshot,
    // so a large file's outcome grows with its rows (a million rows: 2.8 GB, and a cache entry of
    // 440 MB that took longer to load than the file to check): such a file is not cached, and its
    // snapshots stream — from a worker in batches (see InOrder), or on one thread, the file is
    // checked here in its turn, every rule fed as its rows stream.
    const stream = files.map((file) => evaluator.rulesOverEveryFile && sizeOf(file) > STREAM_BYTES);
    await cache?.prepare(files.filter((_, i) => !stream[i]));
    for (const [i, file] of files.entries()) if (stream[i]) cache?.forget(file);
    const replies: (FileReply | undefined)[] = files.map((file, i) => (stream[i] ? undefined : cache?.get(file)));
    const todoIndex = files.flatMap((_, i) => (replies[i] ? [] : [i]));
    const todo = todoIndex.map((i) => files[i]);
    let done = files.length - todo.length;
    const progress = () => opts.onProgress?.(++done, files.length);
    /** A file's outcome, given in the files' order. */
    const take = (i: number, reply: FileReply) => {
      const file = files[i];
      // One by one: a large file's findings or nominees spread into a call overflow the stack.
      for (const f of reply.findings) evaluator.findings.push(f);
      evaluator.rows += reply.rows;
      evaluator.feed(reply.snapshots);
      if (reply.nominees) for (const n of reply.nominees) evaluator.addNominee(n);
      const error = replyError(file, reply);
      if (error) errors.push(error);
      else if (reply.sheets) {
        sheets.push({ file, ...reply.sheets });
        errors.push(...noHeader(file, reply.sheets));
      }
    };
    const threads = workers(todo);
    if (threads > 1) {
      const inOrder = new InOrder((snapshots) => evaluator.feed(snapshots), take);
      for (const [i, reply] of replies.entries()) if (reply) inOrder.reply(i, reply);
      await checkInWorkers(todo, { ...opts, packFiles: opts.packFiles! }, threads, {
        stream: todoIndex.map((i) => stream[i]),
        reply: (reply) => {
          const at = todoIndex[reply.index];
          if (!stream[at]) cache?.set(files[at], reply);
          progress();
          inOrder.reply(at, reply);
        },
        snapshots: (index, batch, credit) => inOrder.snapshots(todoIndex[index], batch, credit),
        room: () => inOrder.room(),
      });
    } else {
      const local = new Evaluator(opts, true);
      for (const [k, i] of todoIndex.entries()) {
        if (stream[i]) continue;
        const reply = await checkFileReply(local, files[i], k);
        if (reply.bug) throw new WorkerBug(reply.bug);
        replies[i] = reply;
        cache?.set(files[i], reply);
        progress();
      }
      for (const [i, file] of files.entries()) {
        if (!stream[i]) take(i, replies[i]!);
        else {
          await checkHere(file);
          progress();
        }
      }
    }
  }
  evaluator.end();
  const sheetOrder = new Map(sheets.map((s) => [s.file, s.order]));
  return {
    findings: sortFindings(evaluator.findings, order, sheetOrder),
    ...(opts.collectNominees === true ? { nominees: evaluator.nominees } : {}),
    files: files.length,
    rows: evaluator.rows,
    inputErrors: errors,
    ...(ignored ? { ignored } : {}),
    sheets,
  };
}

/**
 * A file larger than this is not cached, and its row snapshots stream, when rules over every
 * file are in force (see checkPaths): about 50,000 rows of .xlsx, 13,000 of CSV.
 */
export const STREAM_BYTES = 4 * 1024 * 1024;

function sizeOfFile(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    // Unreadable: said when it is checked.
    return 0;
  }
}

/**
 * A worker thread takes ~0.1–0.2 s to start (its modules, the rule packs, a cold JIT) and a small
 * workbook takes a few milliseconds to check in a thread already running; what a worker finds
 * comes back copied (findings, and each row's snapshot for the rules over every file), which
 * costs the workers half as much CPU again as checking in one thread. So, unless the user asked
 * for a number: one worker per this many bytes of input, one core fewer than the machine has
 * (the main thread, the collector and the thread pool need one), and none below two. On two
 * cores that is one thread: there two workers were 10–50% slower than one thread on every
 * folder measured (BENCHMARKS.md).
 */
const BYTES_PER_WORKER = 4 * 1024 * 1024;

/** How many worker threads to check the files in: `jobs`, or when it is automatic (`jobs` is the cores), what the files' size calls for. */
export function workerCount(files: string[], jobs: number, auto: boolean): number {
  const most = Math.min(auto ? jobs - 1 : jobs, files.length);
  if (!auto) return most;
  let bytes = 0;
  for (const f of files) bytes += sizeOfFile(f);
  return Math.min(most, Math.floor(bytes / BYTES_PER_WORKER));
}

/** A workbook in which no sheet could be read as a list was not checked: say so, exit 2. */
function noHeader(file: string, read: SheetsRead): InputError[] {
  return read.checked.length === 0 ? [new InputError(file, 'no-header', `sheets: ${read.skipped.join(', ')}`)] : [];
}
