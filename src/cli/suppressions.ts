/**
 * hoso-suppressions.json for `hoso check`: where it is (beside the config in force, or in the
 * current folder, or --suppressions-location), reading it before anything is checked (a file that
 * is not one is one line and exit 2), setting apart the findings it accepts, and writing it for
 * --suppress and --prune-suppressions — atomically, never over an input — after the report.
 * Matching is engine/suppressions.ts's; the formats only show what is set apart.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { lazyRequire } from '../lazy.js';
import { SUPPRESSIONS_NAME } from '../read/inputs.js';
import { applySuppressions, merged, pruned, staleCount, suppressAll, type Suppression } from '../engine/suppressions.js';
import type { CheckResult } from '../engine/check.js';
import type { Lang } from '../engine/types.js';
import type { Report } from '../format/types.js';
import { filesOf } from '../format/place.js';
import { pathLabel } from './config.js';
import { writeAtomic, type InputGuard } from './output.js';
import { wroteLine } from './wrote.js';
import { render } from '../engine/messages.js';
import type { SuppressionOptions } from './suppression-options.js';

const zod = lazyRequire<typeof import('zod')>('zod');

/** The suppressions file of a run, as read before checking. */
export interface OpenSuppressions {
  location: string;
  /** As the user should see it (relative to the current folder when inside it). */
  label: string;
  entries: Suppression[];
}

/** An entry's fields in the order the file shows them (and the only ones it keeps). */
const FIELDS = ['ruleId', 'file', 'sheet', 'nominee', 'unit', 'column', 'group', 'count', 'reason'];

function schema() {
  const { z } = zod();
  const text = z.string().min(1);
  const entry = z.strictObject({
    ruleId: text,
    file: text,
    sheet: z.string().optional(),
    nominee: z.string().optional(),
    unit: z.string().optional(),
    column: z.string().regex(/^[A-Z]{1,3}$/).optional(),
    group: z.string().optional(),
    count: z.number().int().min(1),
    reason: z.string().default(''),
  });
  return z.strictObject({ suppressions: z.array(entry) });
}

const TEXT = {
  noFile: { vi: 'không phải một tệp', en: 'not a file' },
  notJson: { vi: 'không phải JSON hợp lệ', en: 'not valid JSON' },
  unreadable: { vi: 'không đọc được', en: 'cannot be read' },
  missing: { vi: 'thiếu', en: 'missing' },
  unknownKey: { vi: 'khóa lạ «{{key}}»', en: 'unknown key "{{key}}"' },
  atLeast: { vi: 'phải từ {{min}} trở lên', en: 'must be at least {{min}}' },
  column: { vi: 'phải là chữ cột như «H»', en: 'must be a column letter such as "H"' },
  expected: { vi: 'phải là {{what}}', en: 'must be {{what}}' },
  both: { vi: '--no-suppressions không dùng cùng --suppress hay --prune-suppressions', en: '--no-suppressions cannot be used with --suppress or --prune-suppressions' },
  stale: {
    vi: '{{file}} chấp nhận {{n}} vấn đề không còn xuất hiện: chạy lại với --prune-suppressions để xóa chúng khỏi tệp',
    en: '{{file}} accepts {{n}} problem{{s}} that no longer occur{{s1}}: run again with --prune-suppressions to remove them',
  },
  entries: { vi: ' ({{n}} mục, {{blank}} mục chưa ghi lý do «reason»)', en: ' ({{n}} entr{{ies}}, {{blank}} without a "reason")' },
  unwritable: { vi: 'không ghi được {{file}}: {{detail}}', en: 'could not write {{file}}: {{detail}}' },
};

const KINDS: Record<string, { vi: string; en: string }> = {
  string: { vi: 'một chuỗi văn bản', en: 'a text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  array: { vi: 'một danh sách [...]', en: 'a list [...]' },
  object: { vi: 'một đối tượng {...}', en: 'an object {...}' },
};

/** A text with its {{placeholders}} filled; in English, {{s}}, {{s1}} and {{ies}} agree with {{n}}: "1 problem that occurs", "2 problems that occur". */
function say(key: keyof typeof TEXT, lang: Lang, values: Record<string, string | number> = {}): string {
  const one = values.n === 1;
  return render(TEXT[key][lang], { s: one ? '' : 's', s1: one ? 's' : '', ies: one ? 'y' : 'ies', ...values }, lang);
}

/** A file that is not a suppressions file: one line naming it and what is wrong, in both languages. */
function malformed(file: string, why: (lang: Lang) => string): UsageError {
  return new UsageError(`${file}: ${why('vi')}`, `${file}: ${why('en')}`);
}

/** Where in the file, as a person reads it: suppressions[2].count. */
function keyPath(keys: PropertyKey[]): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}

/** What a schema issue says, in words. */
function issueText(issue: z.core.$ZodIssue, data: unknown, lang: Lang): string {
  let keys = issue.path;
  let reason: string;
  const at = keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
  if (issue.code === 'unrecognized_keys') {
    keys = [...keys, issue.keys[0]];
    reason = say('unknownKey', lang, { key: issue.keys[0] });
  } else if (issue.code === 'invalid_type' && at === undefined) reason = say('missing', lang);
  else if (issue.code === 'invalid_type') reason = say('expected', lang, { what: KINDS[String(issue.expected)]?.[lang] ?? String(issue.expected) });
  else if (issue.code === 'too_small') reason = say('atLeast', lang, { min: Number(issue.minimum) });
  else if (keys[keys.length - 1] === 'column') reason = say('column', lang);
  else reason = issue.message;
  return keys.length ? `${keyPath(keys)}: ${reason}` : reason;
}

/** The file's entries (undefined when it does not exist); a file hoso cannot take for one throws UsageError. */
function readEntries(location: string, label: string): Suppression[] | undefined {
  let stat;
  try {
    stat = statSync(location);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw malformed(label, (lang) => `${say('unreadable', lang)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  // A folder, a pipe (which would block the run) or a device is no suppressions file.
  if (!stat.isFile()) throw malformed(label, (lang) => say('noFile', lang));
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(location, 'utf8'));
  } catch (e) {
    throw malformed(label, (lang) => `${say('notJson', lang)} (${(e as Error).message})`);
  }
  const parsed = schema().safeParse(data);
  if (!parsed.success) throw malformed(label, (lang) => issueText(parsed.error.issues[0], data, lang));
  return merged(parsed.data.suppressions);
}

/**
 * The suppressions file in force for a check, read before anything is checked; undefined with
 * --no-suppressions, or when there is none and --suppress is not asked for (nothing to do then).
 */
export function openSuppressions(opts: SuppressionOptions, configFile: string | undefined, inputs: InputGuard): OpenSuppressions | undefined {
  if (opts.suppressions === false) {
    if (opts.suppress || opts.pruneSuppressions) throw new UsageError(TEXT.both.vi, TEXT.both.en);
    return undefined;
  }
  // Beside the config in force, which it goes with (as ESLint keeps it at the project's root), else here.
  const location = path.resolve(opts.suppressionsLocation ?? path.join(configFile ? path.dirname(path.resolve(configFile)) : process.cwd(), SUPPRESSIONS_NAME));
  // What this run may write is never a dossier: said before checking, not after.
  if (opts.suppress || opts.pruneSuppressions) inputs.assertNot(location);
  const label = pathLabel(location);
  const entries = readEntries(location, label);
  return entries || opts.suppress ? { location, label, entries: entries ?? [] } : undefined;
}

/** What a run does with its suppressions: the report to show, the entries to write (if asked), how many accepted findings no longer occur. */
export interface Settled {
  report: Report;
  write?: Suppression[];
  stale: number;
}

/**
 * Sets apart the findings the file accepts, from every finding of the run (before --quiet: a
 * warning accepted is not stale for being hidden), with --suppress every one of them.
 */
export function settleSuppressions(open: OpenSuppressions, result: CheckResult, opts: SuppressionOptions): Settled {
  const dir = path.dirname(open.location);
  const named = new Map<string, string>();
  // Each file as the suppressions file names it: relative to its folder, with forward slashes.
  const fileOf = (file: string) => {
    let rel = named.get(file);
    if (rel === undefined) named.set(file, (rel = path.relative(dir, path.resolve(file)).split(path.sep).join('/')));
    return rel;
  };
  const entries = opts.suppress ? suppressAll(open.entries, result.findings, fileOf) : open.entries;
  const applied = applySuppressions(result.findings, entries, fileOf);
  // Entries are judged stale only for the files this run read, or that are gone: the others' findings were not looked for.
  const unreadable = new Set(result.inputErrors.map((e) => e.file));
  const judged = new Set(filesOf(result).flatMap((f) => (unreadable.has(f) ? [] : [fileOf(f)])));
  const looked = new Set<string>();
  for (const { file } of entries) {
    if (judged.has(file) || looked.has(file)) continue;
    looked.add(file);
    if (!existsSync(path.resolve(dir, file))) judged.add(file);
  }
  const report: Report = { ...result, findings: applied.findings, suppressed: { file: open.label, findings: applied.suppressed } };
  if (opts.pruneSuppressions) return { report, stale: 0, write: pruned(entries, applied.seen, judged) };
  return { report, stale: staleCount(entries, applied.seen, judged), ...(opts.suppress ? { write: entries } : {}) };
}

/**
 * After the report: writes the entries when asked, and says what it wrote and what is stale.
 * False when the file could not be written (the run then exits 2: what was asked was not done).
 */
export function finishSuppressions(open: OpenSuppressions, settled: Settled, lang: Lang, warn: (line: string) => void): boolean {
  let ok = true;
  if (settled.write) {
    const entries = settled.write;
    try {
      writeAtomic(open.location, JSON.stringify({ suppressions: entries }, ['suppressions', ...FIELDS], 2) + '\n');
      const blank = entries.filter((e) => e.reason.trim() === '').length;
      warn(wroteLine('suppressions', open.label, lang, say('entries', lang, { n: entries.length, blank })));
    } catch (e) {
      warn(say('unwritable', lang, { file: open.label, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
      ok = false;
    }
  }
  if (settled.stale) warn(say('stale', lang, { n: settled.stale, file: open.label }));
  return ok;
}
