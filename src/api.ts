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
import type { FileData } from './read/bytes.js';
import type { Given } from './read/given.js';
import type { PackSource, TextFile } from './rules/load.js';
import { bundledPacks } from './rules/bundled.js';
import { settingsOf, engineOptionsOf } from './api/settings.js';
import { keepErrorsOnly, nothingGiven } from './api/outcome.js';
import { saidIn } from './api/errors.js';
import { checkPaths } from './engine/check.js';
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
  /** Make the annotated copy of each workbook and CSV file read (--annotate), given as bytes: `copies`. */
  annotate?: boolean;
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
  /** With `annotate`: each file's annotated copy, named as `--annotate` names it ("ds.xlsx", a CSV's "ds.xlsx"). */
  copies?: { name: string; data: Uint8Array }[];
  /** With `annotate`: the files whose copy could not be made, with the reason the command line gives. */
  copyFailures?: { file: string; reason: string }[];
}

/** The packs and config `explain` and `listProfiles` read, as `check` takes them. */
export interface PackOptions {
  rules?: (TextFile | string)[];
  defaultRules?: boolean;
  config?: TextFile | string;
  lang?: Lang;
}

/** Settings in force for a request: the command line's, with the bundled packs as texts and no config looked up. */
async function settingsFor(request: PackOptions & { profiles?: string[] }) {
  // A config given as a path is named as the command line names it; only Node has paths.
  const configLabel = typeof request.config === 'string' ? (await import('./cli/config.js')).pathLabel(request.config) : request.config?.name;
  return settingsOf<PackSource>({
    config: request.config,
    configLabel,
    defaultRules: request.defaultRules ?? true,
    bundled: bundledPacks,
    rules: request.rules,
    profile: request.profiles,
    lang: request.lang,
    defaultLang: () => 'vi',
    base: '',
  });
}

/** Checks the dossiers together, as `hoso check <files…> --format json` does. Rejects with a HosoError for a bad pack, config or request. */
export async function check(request: CheckRequest): Promise<CheckResponse> {
  const { given, settings } = await prepared(request, (given) => {
    if (request.maxWarnings !== undefined && !(Number.isInteger(request.maxWarnings) && request.maxWarnings >= 0))
      throw new UsageError(`maxWarnings cần một số nguyên không âm, không phải «${request.maxWarnings}»`, `maxWarnings takes a whole number, not "${request.maxWarnings}"`);
    // A path's copy is the command line's to write, into a folder.
    if (request.annotate && given.some((g) => typeof g === 'string')) throw new UsageError('annotate chỉ nhận tệp đưa dưới dạng byte', 'annotate takes files given as bytes, not paths');
  });
  const { lang, ruleSet, profiles, severity, config } = settings;
  const result = await saidIn(lang, () => checkPaths(given, { ...engineOptionsOf(settings), limits: request.limits, onProgress: request.onProgress }));
  if (request.quiet) keepErrorsOnly(result);
  const { maxWarnings } = request;
  const text = joined(json(result, { lang, color: false, ruleSet, profiles, severity, config, maxWarnings }));
  // After --quiet, as the command line: a copy marks what the report reports.
  const annotated = request.annotate ? await (await import('./api/outputs.js')).copiesOf(result, given, lang, request.limits) : undefined;
  return {
    report: JSON.parse(text) as JsonReport,
    exitCode: verdictOf(result, maxWarnings).code,
    unreadable: result.inputErrors.map((e) => ({ file: e.file, reason: printable(describeInputError(e, lang)) })),
    verdict: summaryLines(result, { lang, maxWarnings, config }, new Chalk({ level: 0 })).at(-1)!,
    ...(annotated ? { copies: annotated.copies, copyFailures: annotated.failed.map(({ file, reason }) => ({ file, reason: printable(reason) })) } : {}),
  };
}

/**
 * The batch report `hoso report <files…> -o bao-cao.xlsx|.html` writes for the same inputs, as
 * bytes, named by its format. Rejects with a HosoError for a bad pack, config or request.
 */
export async function report(request: CheckRequest & { format: 'xlsx' | 'html' }): Promise<{ name: string; data: Uint8Array }> {
  const { given, settings } = await prepared(request, () => {
    if (request.format !== 'xlsx' && request.format !== 'html') throw new UsageError(`format là «xlsx» hoặc «html», không phải «${request.format}»`, `format is "xlsx" or "html", not "${request.format}"`);
  });
  const { lang, ruleSet, profiles, profileMap } = settings;
  const { Nominees, reportBytes } = await import('./report/bytes.js');
  const { GENERATOR } = await import('./version.js');
  const { REPORT_NAME } = await import('./api/outputs.js');
  const nominees = new Nominees();
  const result = await saidIn(lang, () => checkPaths(given, { ...engineOptionsOf(settings), limits: request.limits, onProgress: request.onProgress, collectNominees: nominees.add }));
  const data = await reportBytes(result, request.format, { ruleSet, profiles, profileMap, lang, nominees, generator: GENERATOR });
  return { name: REPORT_NAME[request.format], data };
}

/** The request's files as the engine takes them and the settings in force; a mistake in it (`asserted` too) rejects with a HosoError in its language. */
function prepared(request: CheckRequest, asserted: (given: Given[]) => void) {
  return saidIn(request.lang ?? 'vi', async () => {
    const given = request.files?.map(givenOf) ?? [];
    if (given.length === 0) throw nothingGiven();
    asserted(given);
    return { given, settings: await settingsFor(request) };
  });
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

