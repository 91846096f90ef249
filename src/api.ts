/**
 * hoso as a library: `import { check } from 'hoso-lint'` in Node, and the same module bundled for
 * a browser (the offline page's worker). It runs what `hoso check --format json` runs — the same
 * settings (api/settings.ts), readers, engine and JSON formatter — on dossiers given as bytes with
 * names (or, in Node, as paths), and hands back the report, the exit code, the reasons and the
 * verdict instead of printing them. On the bytes path nothing touches the file system.
 *
 * Not here, as they are the command line's: --cache, -j (worker threads), suppressions, standard
 * input, and looking a config up in the folders above.
 */
import { Chalk } from 'chalk';
import type { Finding, Lang, SuppressedFinding } from './engine/types.js';
import type { ReadLimits } from './read/types.js';
import { bufferOf, type FileData } from './read/bytes.js';
import type { Given } from './read/given.js';
import type { PackSource, TextFile } from './rules/load.js';
import { bundledPacks } from './rules/bundled.js';
import { settingsOf, engineOptionsOf } from './api/settings.js';
import { readHistoryInForce, withHistory } from './history/use.js';
import { keepErrorsOnly, nothingGiven } from './api/outcome.js';
import { saidIn } from './api/errors.js';
import { checkPaths, type CheckResult } from './engine/check.js';
import type { RuleSet } from './rules/load.js';
import type { ProfileMap } from './engine/profiles.js';
import { annotateCopies, Nominees, reportBytes } from './report/bytes.js';
import { filesToCopy } from './report/annotate/copies.js';
import { GENERATOR } from './version.js';
import { json } from './format/json.js';
import { joined } from './format/types.js';
import { verdictOf } from './format/verdict.js';
import { summaryLines } from './format/summary.js';
import { describeInputError } from './cli/i18n.js';
import { explainRule } from './cli/explain.js';
import { localize } from './engine/messages.js';
import { printable } from './printable.js';
import { UsageError } from './errors.js';

export { HosoError } from './api/errors.js';
export type { Finding, Lang, Place, Severity, SuppressedFinding } from './engine/types.js';
export type { ReadLimits } from './read/types.js';
export type { TextFile } from './rules/load.js';

/**
 * A dossier given as bytes. `name` is what findings, reasons and the report call it: the file
 * name, or its relative path in a dropped folder ("truong-a/ds.xlsx"), with `/` between folders.
 */
export interface DossierInput {
  name: string;
  /** Read when the file's turn comes, one file at a time (a Blob, a browser's File, never all at once). */
  data: Uint8Array | ArrayBuffer | Blob;
  /**
   * Found by walking a dropped or given folder: a file that is not a dossier (.pdf, a lock file
   * ~$x.xlsx, hoso's own marked output) is passed over with the same note the command line's
   * folder walk gives, instead of being an unreadable file given by name; such files are taken in
   * the order that walk takes them.
   */
  walked?: boolean;
}

export interface CheckRequest {
  /** Bytes with names, or (Node only) paths of files and folders, walked exactly as the command line walks them. */
  files: (DossierInput | string)[];
  /** Packs after the bundled ones and the config's (--rules): texts, or (Node) paths of files or folders. */
  rules?: (TextFile | string)[];
  /** false: do not load the bundled packs (--no-default-rules). Default true. */
  defaultRules?: boolean;
  /** A hoso.config.yaml as text or (Node) path. Never looked up implicitly. */
  config?: TextFile | string;
  /** Quota profiles in force (--profile), besides the config's. */
  profiles?: string[];
  /** Default: the config's, else 'vi'. */
  lang?: Lang;
  /** 1 when warnings exceed this many (--max-warnings). */
  maxWarnings?: number;
  /** Report errors only (--quiet). */
  quiet?: boolean;
  /** The reading limits (--max-part-size, --max-rows, --max-cell-length). */
  limits?: Partial<ReadLimits>;
  /** Told after each file is checked. */
  onProgress?: (done: number, total: number) => void;
  /** Make each workbook's annotated copy, as `hoso check --annotate` writes it (`copies`). */
  annotate?: boolean;
  /** Make the batch reports `hoso report -o x.xlsx|x.html` writes, from the same pass (`reports`). */
  reports?: ('xlsx' | 'html')[];
  /**
   * Last years' decision lists (--history), after the config's `history.paths`: bytes with names,
   * or (Node only) paths of files and folders. The streak rules read them as the command line's do.
   */
  history?: (DossierInput | string)[];
}

/** The summary of `hoso check --format json`. */
export interface JsonSummary {
  files: number;
  rows: number;
  errors: number;
  warnings: number;
  unreadable: number;
  /** The config in force, as named (its name when given as text); null when none. */
  config: string | null;
  suppressed: number;
  suppressions: string | null;
  ignored: number;
}

/** The object `hoso check --format json` prints. */
export interface JsonReport {
  summary: JsonSummary;
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

export interface CheckResponse {
  /**
   * Exactly the object `hoso check --format json` prints for the same inputs (JSON.parse of it),
   * with each file named by its `name` (or path as given).
   */
  report: JsonReport;
  /** The code the command line exits with: 0 clean, 1 errors (or warnings over maxWarnings), 2 unreadable input. */
  exitCode: 0 | 1 | 2;
  /** Each file that could not be read, with the one line the command line prints on stderr (without "hoso: "), in `lang`. */
  unreadable: { file: string; reason: string }[];
  /** The stylish output's last line, uncoloured ("✖ 3 lỗi — mã thoát 1"). */
  verdict: string;
  /**
   * With `annotate`: each workbook's annotated copy, named as `--annotate` names it (a CSV file's
   * is a workbook: "ds.csv" → "ds.xlsx"), and the files whose copy could not be made with the
   * reason the command line gives (which, as there, makes the exit code 2).
   */
  copies?: { name: string; data: Uint8Array }[];
  copyFailures?: { file: string; reason: string }[];
  /** With `reports`: the batch reports asked for, by format. */
  reports?: { xlsx?: Uint8Array; html?: Uint8Array };
}

/** The packs and config `explain` and `listProfiles` read, as `check` takes them. */
export interface PackOptions {
  rules?: (TextFile | string)[];
  defaultRules?: boolean;
  config?: TextFile | string;
  lang?: Lang;
}

/** Settings in force for a request: the command line's, with the bundled packs as texts and no config looked up. */
async function settingsFor(request: PackOptions & { profiles?: string[]; history?: Given[] }) {
  // A config given as a path is named as the command line names it; only Node has paths.
  const configLabel = typeof request.config === 'string' ? (await import('./cli/config.js')).pathLabel(request.config) : request.config?.name;
  return settingsOf<PackSource, Given>({
    config: request.config,
    configLabel,
    defaultRules: request.defaultRules ?? true,
    bundled: bundledPacks,
    rules: request.rules,
    profile: request.profiles,
    lang: request.lang,
    defaultLang: () => 'vi',
    base: '',
    history: request.history,
  });
}

/** Checks the dossiers together, as `hoso check <files…> --format json` does. Rejects with a HosoError for a bad pack, config or request. */
export async function check(request: CheckRequest): Promise<CheckResponse> {
  const asked = request.lang ?? 'vi';
  const { given, settings } = await saidIn(asked, async () => {
    const given = request.files?.map(givenOf) ?? [];
    if (given.length === 0) throw nothingGiven();
    if (request.maxWarnings !== undefined && !(Number.isInteger(request.maxWarnings) && request.maxWarnings >= 0))
      throw new UsageError(`maxWarnings cần một số nguyên không âm, không phải «${request.maxWarnings}»`, `maxWarnings takes a whole number, not "${request.maxWarnings}"`);
    return { given, settings: await settingsFor({ ...request, history: request.history?.map(givenOf) }) };
  });
  const { lang, ruleSet, profiles, profileMap, severity, config } = settings;
  const reports = [...new Set(request.reports ?? [])];
  // The report's nominees are handed over as they are read, kept compact in memory (no file system here).
  const nominees = reports.length ? new Nominees() : undefined;
  const result = await saidIn(lang, async () => {
    // The decision lists are read before the dossiers, whose streak rules look years up in them (history/use.ts).
    const history = await readHistoryInForce(settings, request.limits);
    const checked = await checkPaths(given, { ...engineOptionsOf(settings), limits: request.limits, onProgress: request.onProgress, ...(nominees ? { collectNominees: nominees.add } : {}), history: history?.data });
    return withHistory(checked, history);
  });
  // The copies and reports are made from every finding, as the command line makes them before --quiet hides any.
  const made = await madeFrom(result, given, request, { lang, ruleSet, profiles, profileMap, nominees, reports });
  if (request.quiet) keepErrorsOnly(result);
  const { maxWarnings } = request;
  const text = joined(json(result, { lang, color: false, ruleSet, profiles, severity, config, maxWarnings }));
  return {
    report: JSON.parse(text) as JsonReport,
    // A copy that could not be made makes it 2, as on the command line.
    exitCode: made.copyFailures?.length ? 2 : verdictOf(result, maxWarnings).code,
    unreadable: result.inputErrors.map((e) => ({ file: e.file, reason: printable(describeInputError(e, lang)) })),
    verdict: summaryLines(result, { lang, maxWarnings, config }, new Chalk({ level: 0 })).at(-1)!,
    ...made,
  };
}

/** The batch report `hoso report -o x.xlsx|x.html` writes for the request's files: a check with `reports: [format]`. */
export async function report(request: CheckRequest & { format: 'xlsx' | 'html' }): Promise<{ data: Uint8Array; exitCode: 0 | 1 | 2; unreadable: CheckResponse['unreadable'] }> {
  const { reports, exitCode, unreadable } = await check({ ...request, annotate: false, reports: [request.format] });
  return { data: reports![request.format]!, exitCode, unreadable };
}

/** The copies and reports a check was asked for, made as bytes by the command line's own code (report/bytes.ts). */
async function madeFrom(
  result: CheckResult,
  given: Given[],
  request: CheckRequest,
  opts: { lang: Lang; ruleSet: RuleSet; profiles: string[]; profileMap?: ProfileMap; nominees?: Nominees; reports: ('xlsx' | 'html')[] },
): Promise<Pick<CheckResponse, 'copies' | 'copyFailures' | 'reports'>> {
  const { lang, reports } = opts;
  const made: Pick<CheckResponse, 'copies' | 'copyFailures' | 'reports'> = {};
  if (request.annotate) {
    const { files } = filesToCopy(result);
    const inputs = await Promise.all(files.map(async (name) => ({ name, data: await bytesOf(name, given) })));
    // A dropped folder's files are named by their path in it: the folder is given among them, as on the command line.
    const folders = [...new Set(given.flatMap((g) => (typeof g !== 'string' && g.walked && g.name.includes('/') ? [g.name.slice(0, g.name.indexOf('/'))] : [])))];
    const { copies, failed } = await annotateCopies(result, inputs, { lang, generator: GENERATOR, limits: request.limits, folders });
    made.copies = copies;
    made.copyFailures = failed.map((f) => ({ file: f.file, reason: printable(f.reason) }));
  }
  if (reports.length) {
    made.reports = {};
    for (const format of reports) made.reports[format] = await reportBytes(result, format, { ...opts, generator: GENERATOR });
  }
  return made;
}

/** A checked file's bytes: those given with its name, or (Node) the file read from disk. */
async function bytesOf(name: string, given: Given[]): Promise<Uint8Array> {
  const mine = given.find((g): g is Exclude<Given, string> => typeof g !== 'string' && g.name === name);
  if (mine) return bufferOf(mine.data);
  return (await import('node:fs/promises')).readFile(name);
}

/** A request's file as the engine takes it: a path, or bytes with a name, checked for what they are. */
function givenOf(file: DossierInput | string): Given {
  if (typeof file === 'string') return file;
  const { name, data, walked } = file ?? {};
  if (typeof name !== 'string' || name === '') throw new UsageError('mỗi tệp cần một tên («name»)', 'every file needs a name');
  if (!isFileData(data)) throw new UsageError(`tệp «${name}»: «data» phải là Uint8Array, ArrayBuffer hoặc Blob`, `file "${name}": data must be a Uint8Array, an ArrayBuffer or a Blob`);
  return { name, data, walked: walked === true };
}

function isFileData(data: unknown): data is FileData {
  return data instanceof Uint8Array || data instanceof ArrayBuffer || (typeof Blob !== 'undefined' && data instanceof Blob);
}

/** What `hoso explain <id>` prints (a rule, award, profile or field), in `lang`; undefined when the id names none. */
export async function explain(id: string, options: PackOptions = {}): Promise<string | undefined> {
  const settings = await saidIn(options.lang ?? 'vi', () => settingsFor(options));
  // A pack given as a text is named by its name; one given as a path, as the command line names it.
  const texts = new Set(settings.packFiles.flatMap((p) => (typeof p === 'string' ? [] : [p.name])));
  const { pathLabel } = texts.size === settings.packFiles.length ? { pathLabel: undefined } : await import('./cli/config.js');
  return explainRule(settings.ruleSet, id, settings.lang, (file) => (texts.has(file) || !pathLabel ? file : pathLabel(file)));
}

/** The profiles the packs define, for a picker: id and title in `lang`, in the packs' order. */
export async function listProfiles(options: PackOptions = {}): Promise<{ id: string; title: string }[]> {
  const { ruleSet, lang } = await saidIn(options.lang ?? 'vi', () => settingsFor(options));
  return [...ruleSet.profiles.values()].map((p) => ({ id: p.id, title: localize(p.title, lang) }));
}

