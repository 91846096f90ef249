/**
 * The command line: parse options, load the rule set, call the engine, pick a formatter, set the
 * exit code. 0: no error; 1: errors (or too many warnings); 2: the tool could not do its job.
 */
import { Command, Option, CommanderError, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
// Only what every command needs is imported here: `hoso --version` and `--help` load nothing
// else. Each command loads the engine, the rule loader, the readers and the formats it uses.
import type { RuleSet } from '../rules/load.js';
import type { Lang } from '../engine/types.js';
import { OutputError, PackError, UsageError } from '../errors.js';
import { FORMAT_NAMES } from '../format/names.js';
import { describeInputError, langOf, localeLang, t } from './i18n.js';
import { localizeHelp } from './help-text.js';
import { usageLine } from './usage-errors.js';
import { didYouMean, nearest } from '../nearest.js';
import { addLimitOptions, limitsOf, type LimitOptions } from './limits.js';
import { progressBar } from './progress.js';
import { JOBS_HELP, jobsInForce, parseJobs } from './jobs.js';
import { DEFAULT_CACHE, type CacheOptions } from './cache-options.js';
import { GENERATOR, VERSION } from '../version.js';
import type { OutputKind } from '../write/mark.js';
import { printable } from '../printable.js';
import { debugLines, debugTrace, warn } from './say.js';
import type { InputError } from '../read/types.js';
import { addConventions, type ConventionOptions } from './conventions.js';
import { colorWanted } from './color.js';
import { addSuppressionOptions, type SuppressionOptions } from './suppression-options.js';
import type { Report } from '../format/types.js';

/** An input that could not be checked: its line, and with --debug the technical detail under it. */
function sayInputError(e: InputError, lang: Lang, debug?: boolean): void {
  warn(describeInputError(e, lang));
  if (debug && e.debug) debugLines(e.debug);
}

interface Common {
  /** --history (check and report only). */
  history?: string[];
  rules?: string[];
  defaultRules: boolean;
  profile?: string[];
  lang?: Lang;
  config?: string;
  debug?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Rule packs and settings in force: bundled packs, the config's (the nearest one upward), then --rules (see api/settings.ts). */
async function setup(opts: Common & ConventionOptions) {
  const { bundledRulesDir } = await import('../rules/load.js');
  const { findConfig, pathLabel } = await import('./config.js');
  const { settingsOf } = await import('../api/settings.js');
  const configFile = opts.config ?? findConfig(process.cwd());
  const settings = settingsOf<string>({
    config: configFile,
    // The config in force, named in the reports: one found in a parent folder may turn rules off.
    configLabel: configFile ? pathLabel(configFile) : undefined,
    defaultRules: opts.defaultRules,
    bundled: () => [bundledRulesDir()],
    rules: opts.rules,
    profile: opts.profile,
    lang: opts.lang,
    defaultLang: localeLang,
    ignorePattern: opts.ignorePattern,
    base: process.cwd(),
    history: opts.history,
    pathLabel,
  });
  return { ...settings, configFile };
}

/** The past decisions in force (see history/use.ts), read through the cache when one is open. */
async function readHistoryOf(settings: Awaited<ReturnType<typeof setup>>, opts: LimitOptions, cache?: import('../engine/cache.js').ResultCache) {
  const { readHistoryInForce } = await import('../history/use.js');
  return readHistoryInForce(settings, limitsOf(opts), cache);
}

const HISTORY_HELP = 'past decision lists (last years\' recognition lists): a file, folder or glob (repeatable)';

/** What the engine needs from the settings in force and the options `check` and `report` share. */
async function engineOptions(settings: Awaited<ReturnType<typeof setup>>, opts: LimitOptions & { jobs?: number }) {
  const { engineOptionsOf } = await import('../api/settings.js');
  const { jobs, auto, note } = jobsInForce(opts.jobs, settings.lang);
  if (note) warn(note);
  return { ...engineOptionsOf(settings), packFiles: settings.packFiles, jobs, jobsAuto: auto, limits: limitsOf(opts), onProgress: progressBar(settings.lang) };
}

function addCommon(cmd: Command): Command {
  return cmd
    .option('--rules <path>', 'rule pack file or folder (repeatable)', collect)
    .option('--no-default-rules', 'do not load the bundled rule packs')
    .option('--profile <id>', 'quota profile in force, e.g. binh-dinh/xa (repeatable)', collect)
    .addOption(new Option('--lang <lang>', 'message language').choices(['vi', 'en']))
    .option('--config <file>', 'a hoso.config.yaml (default: the nearest one upward)')
    .option('--debug', 'show stack traces of internal errors');
}

/** The command line, its help in `lang` (help-text.ts holds the Vietnamese). */
export function buildProgram(lang: Lang = 'vi'): Command {
  const program = new Command('hoso')
    .description('Rule-checks nomination dossiers for advanced exemplars')
    .version(VERSION, '-v, --version')
    .exitOverride()
    // Commander's errors are said again in the user's language by main() (usage-errors.ts).
    .configureOutput({ outputError: () => {} });

  addLimitOptions(addCommon(program.command('check').argument('[paths...]', '.xlsx/.csv files or folders')))
    .description('check dossiers and print findings')
    .option('-f, --format <name>', `output format: ${FORMAT_NAMES.join(', ')} (repeatable, paired with -o in order)`, (v: string, prev: string[] = []) => {
      if (!FORMAT_NAMES.includes(v)) throw new InvalidArgumentError(`Allowed choices are ${FORMAT_NAMES.join(', ')}.`);
      return [...prev, v];
    })
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout (repeatable)', collect)
    .option('--max-warnings <n>', 'exit 1 when warnings exceed n', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings cần một số nguyên không âm, không phải «${v}»`, `--max-warnings takes a whole number, not "${v}"`);
      return n;
    })
    .option('--quiet', 'report errors only')
    .option('--annotate <dir>', 'write a copy of each workbook with the findings marked into dir')
    .option('-j, --jobs <n>', JOBS_HELP, parseJobs)
    .option('--cache', 'skip files whose content, rules and profiles did not change since the last run')
    .option('--cache-location <file>', `where the cache is kept (default: ${DEFAULT_CACHE})`)
    .option('--print-config', 'print the config file, rule packs, profiles and severity overrides in force, and check nothing')
    .option('--history <path>', HISTORY_HELP, collect)
    .action(async (given: string[], opts: Common & LimitOptions & CacheOptions & ConventionOptions & SuppressionOptions & { format?: string[]; outputFile?: string[]; maxWarnings?: number; quiet?: boolean; jobs?: number; printConfig?: boolean }) => {
      const { exitOnInterrupt, InputGuard, writeAtomic, writeAtomicStream, writeStdout } = await import('./output.js');
      const { nothingGiven } = await import('../api/outcome.js');
      exitOnInterrupt();
      const stdin = opts.printConfig ? undefined : await (await import('./stdin.js')).stdinInput(given, opts, limitsOf(opts));
      const paths = stdin?.paths ?? given;
      if (!opts.printConfig && paths.length === 0) throw nothingGiven();
      const settings = await setup(opts);
      const { ruleSet, packFiles, profiles, profileMap, lang, severity, config, purpose, ignoreColumns } = settings;
      if (opts.printConfig) {
        const { printConfig } = await import('./print-config.js');
        await writeStdout([printConfig(settings, lang, opts.format?.includes('json') ? 'json' : 'text')]);
        return;
      }
      const { checkPaths } = await import('../engine/check.js');
      const { formatters, planOutputs } = await import('../format/index.js');
      const { verdictOf } = await import('../format/verdict.js');
      const { keepErrorsOnly } = await import('../api/outcome.js');
      // Only --cache needs the cache's modules.
      const caching = opts.cache ? await import('./cache.js') : undefined;
      const outputs = planOutputs(opts.format, opts.outputFile);
      if ('problem' in outputs) throw new UsageError(outputs.problem.vi, outputs.problem.en);
      // No output of the run may replace a dossier or a decision list: every target is checked against the inputs.
      const inputs = new InputGuard([...paths, ...settings.history.paths]);
      for (const o of outputs) if (o.file) inputs.assertNot(o.file);
      const cache = caching?.openCache(opts, inputs, VERSION, { packFiles, profiles, profileMap, severity, lang, purpose, ignoreColumns, limits: limitsOf(opts) }, warn);
      // Read before checking: a suppressions file that is not one stops the run before the work.
      const accepting = await import('./suppressions.js');
      const suppressions = accepting.openSuppressions(opts, settings.configFile, inputs);
      const history = await readHistoryOf(settings, opts, cache?.cache);
      const { withHistory } = await import('../history/use.js');
      const checked = withHistory(await checkPaths(paths, { cache: cache?.cache, ...(await engineOptions(settings, opts)), history: history?.data }), history);
      // Standard input's findings are named as the user knows it; the annotated copy is made from its temporary file.
      const labelled = stdin ? stdin.relabel(checked) : checked;
      // Suppressions are matched on every finding, before --quiet hides the warnings (see settleSuppressions).
      const settled = suppressions && accepting.settleSuppressions(suppressions, labelled, opts);
      const result: Report = settled?.report ?? labelled;
      if (opts.quiet) {
        // The annotated copy is made from the check's own findings: it marks the errors alone too.
        keepErrorsOnly(checked);
        keepErrorsOnly(result);
      }
      for (const o of outputs) {
        const pieces = (await formatters[o.format]())(result, { lang, color: !o.file && colorWanted(opts.color, Boolean(process.stdout.isTTY)), ruleSet, profiles, severity, config, maxWarnings: opts.maxWarnings });
        if (o.file) writeAtomic(o.file, pieces);
        else await writeStdout(pieces);
      }
      for (const e of result.inputErrors) sayInputError(e, lang, opts.debug);
      const annotateDir = (opts as { annotate?: string }).annotate;
      const annotated = annotateDir
        ? await (await import('../report/annotate.js')).annotateAll(
            checked,
            { dir: annotateDir, given: paths, placeAs: stdin?.placeAs },
            lang,
            (target, produce) => {
              if (inputs.covers(target)) throw new Error(`${target}: ${t('overwriteInput', lang)}`);
              return writeAtomicStream(target, produce);
            },
            limitsOf(opts),
          )
        : undefined;
      for (const a of annotated?.failed ?? []) {
        warn(`--annotate ${a.file}: ${a.reason}`);
        if (opts.debug && a.debug) debugLines(a.debug);
      }
      stdin?.remove();
      // After the report, as the cache: the file --suppress or --prune-suppressions asked for, and what no longer occurs.
      const suppressionsWritten = settled ? accepting.finishSuppressions(suppressions, settled, lang, warn) : true;
      // After the report: a cache that cannot be written costs the next run time, never this run's report.
      caching?.saveCache(cache, lang, warn);
      // The code the stylish summary's last line gives (format/verdict.ts); a copy --annotate could
      // not write, or a suppressions file that could not be written, makes it 2.
      process.exitCode = annotated?.failed.length || !suppressionsWritten ? 2 : verdictOf(result, opts.maxWarnings).code;
    });

  addLimitOptions(addCommon(program.command('report').argument('<paths...>', '.xlsx/.csv files or folders')))
    .description('batch report over many dossiers: an .xlsx summary workbook or an .html page, by the extension of -o')
    .option('-o, --output-file <file>', 'the report to write: file.xlsx or file.html')
    .option('-j, --jobs <n>', JOBS_HELP, parseJobs)
    .option('--history <path>', HISTORY_HELP, collect)
    .action(async (paths: string[], opts: Common & LimitOptions & { outputFile?: string; jobs?: number }) => {
      const { exitOnInterrupt, InputGuard, writeAtomic, writeAtomicStream } = await import('./output.js');
      exitOnInterrupt();
      const settings = await setup(opts);
      const { ruleSet, profiles, profileMap, lang } = settings;
      const { checkPaths } = await import('../engine/check.js');
      const { buildReport, NomineeStore, reportRenderer } = await import('../report/index.js');
      const { verdictOf } = await import('../format/verdict.js');
      const render = reportRenderer(opts.outputFile);
      const target = opts.outputFile!;
      new InputGuard([...paths, ...settings.history.paths]).assertNot(target);
      // The nominees go to the store as they are read (past a few MB, into a temporary file), not into the result.
      const nominees = new NomineeStore();
      try {
        const history = await readHistoryOf(settings, opts);
        const { withHistory } = await import('../history/use.js');
        const result = withHistory(await checkPaths(paths, { ...(await engineOptions(settings, opts)), collectNominees: nominees.add, history: history?.data }), history);
        const report = render(buildReport(result, { ruleSet, profiles, profileMap, lang, nominees }));
        if (typeof report === 'function') await writeAtomicStream(target, report);
        else writeAtomic(target, report);
        (await import('./wrote.js')).sayWrote('report', target, lang);
        for (const e of result.inputErrors) sayInputError(e, lang, opts.debug);
        process.exitCode = verdictOf(result).code;
      } finally {
        nominees.close();
      }
    });

  addLimitOptions(addCommon(program.command('inspect').argument('<paths...>', '.xlsx/.csv files or folders')))
    .description('show how each file was read: sheets, header, columns, and what each row was taken for (no rule is evaluated)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .action(async (paths: string[], opts: Common & LimitOptions & ConventionOptions & { format: 'stylish' | 'json' }) => {
      const { exitOnInterrupt, writeStdout } = await import('./output.js');
      exitOnInterrupt();
      const { ruleSet, lang, ignores, purpose, ignoreColumns } = await setup(opts);
      const { inspectPaths } = await import('../engine/inspect.js');
      const { inspectJson, inspectStylish } = await import('../format/inspect.js');
      // Glob patterns the shell passed through are expanded with the folders (read/inputs.ts).
      const result = await inspectPaths(paths, ruleSet, { limits: limitsOf(opts), ignores, lang, purpose, ignoreColumns });
      const describe = (e: (typeof result.inputErrors)[number]) => describeInputError(e, lang);
      await writeStdout(opts.format === 'json' ? [inspectJson(result, lang, describe)] : inspectStylish(result, lang, colorWanted(opts.color, Boolean(process.stdout.isTTY))));
      for (const e of result.inputErrors) sayInputError(e, lang, opts.debug);
      process.exitCode = result.inputErrors.length ? 2 : 0;
    });

  addCommon(program.command('init'))
    .description('write a blank dossier template for the rule packs in force')
    .option('-o, --output-file <file>', 'where to write it', 'mau-ho-so.xlsx')
    .option('--force', 'overwrite the file if it exists')
    .option('--award <id>', 'a template for this award of the Law: who the nominee is and the evidence its criteria read (an id, name, abbreviation or code; repeatable)', collect)
    .option('--year <year>', 'the award year of an --award template (default: this year)', (v) => {
      const n = Number(v);
      if (!/^\d{4}$/.test(v.trim()) || n < 1900 || n > 2100) throw new UsageError(`--year cần một năm như 2025, không phải «${v}»`, `--year takes a year such as 2025, not "${v}"`);
      return n;
    })
    .action(async (opts: Common & { outputFile: string; force?: boolean; award?: string[]; year?: number }) => {
      const { ruleSet, profiles, lang, severity } = await setup(opts);
      const { writeAtomic } = await import('./output.js');
      if (opts.year !== undefined && !opts.award) throw new UsageError('--year chỉ dùng cùng --award', '--year goes with --award');
      const awards = opts.award && (await import('../template/awards.js')).chosenAwards(ruleSet, opts.award);
      if (!opts.force && existsSync(opts.outputFile))
        throw new UsageError(`«${opts.outputFile}» đã có; thêm --force để ghi đè`, `"${opts.outputFile}" exists; add --force to overwrite it`);
      const { templateBytes } = await import('../template/build.js');
      writeAtomic(opts.outputFile, await templateBytes(ruleSet, { profiles, severity, lang, awards, year: opts.year }));
      (await import('./wrote.js')).sayWrote('template', opts.outputFile, lang);
    });

  addCommon(program.command('web'))
    .description('write the offline page: one HTML file that checks dossiers in a browser, with the rule packs and profiles in force baked in')
    .option('-o, --output-file <file>', 'where to write the page', 'hoso.html')
    .action(async (opts: Common & { outputFile: string }) => {
      const settings = await setup(opts);
      await (await import('./web.js')).writePage(settings, opts.outputFile);
      (await import('./wrote.js')).sayWrote('page', opts.outputFile, settings.lang);
    });

  const rules = program.command('rules').description('rule packs');
  addCommon(rules.command('list'))
    .description('list the rules in force')
    .action(async (opts: Common) => {
      const { ruleSet, profiles, lang } = await setup(opts);
      const { listRules } = await import('./explain.js');
      process.stdout.write(listRules(ruleSet, profiles, lang));
    });
  addCommon(rules.command('validate').argument('<files...>', 'rule pack files or folders'))
    .description('validate rule packs (with the bundled packs they extend)')
    .action(async (files: string[], opts: Common) => {
      const { bundledRulesDir, expandPackPaths, loadRuleSet } = await import('../rules/load.js');
      const lang = opts.lang ?? localeLang();
      const packs = expandPackPaths([...(opts.defaultRules ? [bundledRulesDir()] : []), ...files]);
      const ruleSet: RuleSet = loadRuleSet([...new Set(packs)]);
      const own = ruleSet.rules.filter((r) => expandPackPaths(files).includes(r.file)).length;
      process.stdout.write(`${t('packValid', lang)}: ${printable(files.join(', '))} (${own} ${t(own === 1 ? 'rule' : 'rules', lang)})\n`);
    });
  addCommon(program.command('explain').argument('<id>', 'a rule, profile or field id'))
    .description("show a rule's meaning, source citation and examples")
    .action(async (id: string, opts: Common) => {
      const { ruleSet, lang } = await setup(opts);
      const { explainRule } = await import('./explain.js');
      const text = explainRule(ruleSet, id, lang, (await import('./config.js')).pathLabel);
      if (!text) {
        const { explainIds } = await import('./suggest.js');
        const near = nearest(id, explainIds(ruleSet));
        throw new UsageError(`không có quy tắc, hồ sơ định mức hay lĩnh vực «${id}»${didYouMean(near, 'vi')}`, `no rule, profile or field "${id}"${didYouMean(near, 'en')}`);
      }
      process.stdout.write(text);
    });
  addConventions(program);
  addSuppressionOptions(program);
  return localizeHelp(program, lang);
}

export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  const lang = langOf(argv);
  try {
    await buildProgram(lang).parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; a usage mistake exits 2 with one line in the user's language.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      const line = usageLine(e, lang);
      if (line) warn(line);
      return;
    }
    process.exitCode = 2;
    if (e instanceof UsageError) warn(e.say(lang));
    else if (e instanceof PackError) warn(e.say(lang));
    else if (e instanceof OutputError) warn(`${e.message}: ${t('overwriteInput', lang)}`);
    else if (debug) process.stderr.write(`${debugTrace(e)}\n`);
    // The exception's own text is for --debug: "Maximum call stack size exceeded" tells a person nothing.
    else warn(t('internal', lang));
  }
}
