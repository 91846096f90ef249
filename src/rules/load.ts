/**
 * Loads rule packs from YAML, validates them (shape with zod, then meaning: operators, columns,
 * enumeration values, profiles) and merges them into one rule set. A mistake is reported with the
 * file, the line and column, and the key's path — never at run time.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { lazyRequire } from '../lazy.js';
import { readCachedPack, writeCachedPack, type CachedPack } from './pack-cache.js';
import { schemas, type Award, type Column, type Condition, type EnumValue, type InForce, type LocalText, type Pack, type Period, type Profile, type Purpose, type Rule, type SourceDocument } from './schema.js';
import { citedCodes } from './citation.js';
import { AWARD_KEY, compileAwards, type CompiledAwards } from './awards.js';
import { operators } from '../operators/index.js';
import type { Operator } from '../operators/types.js';
import type { ColumnType } from '../normalize/values.js';
import { fold } from '../normalize/text.js';
import { PackError, type Said } from '../errors.js';
import { packErrorMap, packReason } from './reasons.js';
import { didYouMean, nearest } from '../nearest.js';
import { overBounds, tooLarge } from './yaml-bounds.js';
import { packageRoot } from '../package-root.js';

export { PackError } from '../errors.js';

export interface CompiledColumn {
  key: string;
  header: string;
  aliases: string[];
  type: ColumnType;
  enum?: string;
  /** A text column's code list: an enumeration whose aliases are codes read as the value's name. */
  codes?: string;
  /** Declared with YYYY in its header: one column per year. */
  year: boolean;
  /** A year column's merged group headers over year sub-headers, besides its names without YYYY. */
  groupAliases: string[];
  /** Headers of one column holding this column's value and others' (`also`). */
  combined: { headers: string[]; also: string[] }[];
  infer?: Record<string, string[]>;
  doc?: LocalText;
}

export interface CompiledEnum {
  values: EnumValue[];
  /** Folded id, label or alias → id. */
  get(folded: string): string | undefined;
  label(id: string): LocalText | undefined;
}

export interface CompiledRule {
  rule: Rule;
  operator: Operator;
  options: unknown;
  period?: Period;
  pack: string;
  file: string;
  /** The lists the rule judges (its pack's purpose): award lists, exemplar lists, or both. */
  purpose?: Purpose;
}

export interface LoadedPack {
  id: string;
  file: string;
  title: LocalText;
  doc?: LocalText;
  source?: string;
  purpose?: Purpose;
  inForce?: InForce;
}

export interface RuleSet {
  packs: LoadedPack[];
  columns: Map<string, CompiledColumn>;
  enums: Map<string, CompiledEnum>;
  layout: { ignoreSheets: string[]; ignoreColumns: string[]; exampleSheets: string[]; total: string[]; footer: string[]; placeholders: string[]; notUnit: string[]; awardLists: string[]; exemplarLists: string[] };
  /** The awards every pack declares, looked up by the text of an award cell. */
  awards: CompiledAwards;
  profiles: Map<string, Profile & { pack: string }>;
  /** The documents the citations name by code (`documents:` of every pack). */
  documents: Map<string, SourceDocument & { pack: string }>;
  rules: CompiledRule[];
}

export { packageRoot } from '../package-root.js';

/** A rule pack (or config) given as text: `name` is what its load errors and `explain` call it. */
export interface TextFile {
  name: string;
  text: string;
}

/** A pack to load: a file's path, or a text with its name. */
export type PackSource = string | TextFile;

export function bundledRulesDir(): string {
  return path.join(packageRoot(), 'rules');
}

/** Files named by the user: a pack file, or a folder of `.yaml`/`.yml` packs (sorted by name); a text is a pack as it is. */
export function expandPackPaths<P extends PackSource = string>(paths: P[]): P[] {
  const out: P[] = [];
  for (const p of paths) {
    if (typeof p !== 'string') {
      out.push(p);
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new PackError(p, 0, 0, '', { vi: 'không tìm thấy tệp bộ quy tắc', en: 'rule pack not found' });
    }
    if (st.isDirectory()) {
      for (const f of readdirSync(p).sort()) if (/\.ya?ml$/i.test(f)) out.push(path.join(p, f) as P);
    } else out.push(p);
  }
  return out;
}

/** A parsed YAML file with what it takes to point at a key: its document and line counter. */
interface Located {
  file: string;
  doc: Document;
  lines: LineCounter;
}

/**
 * A pack, with each rule's options as its operator's schema gave them. Its YAML document is made
 * only when a mistake must be located (a pack read from the cache has none at first).
 */
interface ParsedPack {
  pack: Pack;
  options: unknown[];
  file: string;
  locate(): Located;
}

type Locatable = Located | ParsedPack;

function located(pp: Locatable): Located {
  return 'locate' in pp ? pp.locate() : pp;
}

function where(at: Locatable, keyPath: (string | number)[]): PackError['line'][] {
  const pp = located(at);
  // The nearest node that exists along the path (a missing key points at its parent map).
  for (let n = keyPath.length; n >= 0; n--) {
    const node = n === 0 ? pp.doc.contents : pp.doc.getIn(keyPath.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const { line, col } = pp.lines.linePos(range[0]);
      return [line, col];
    }
  }
  return [1, 1];
}

function formatPath(p: (string | number | symbol)[]): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : (i ? '.' : '') + String(k))).join('');
}

function fail(pp: Locatable, keyPath: (string | number)[], reason: Said): never {
  const [line, col] = where(pp, keyPath);
  throw new PackError(pp.file, line, col, formatPath(keyPath), reason);
}

/** The first issue zod found, told in words (reasons.ts) at its key. */
function zodFail(pp: Locatable, prefix: (string | number)[], error: z.ZodError, data: unknown): never {
  const { path: keyPath, reason } = packReason(error.issues[0], data);
  fail(pp, [...prefix, ...(keyPath as (string | number)[])], reason);
}

/** The yaml library: a check whose packs are all in the cache (see pack-cache.ts) and right parses no YAML. */
const yaml = lazyRequire<typeof import('yaml')>('yaml');

/** Parses a YAML file and validates it against a schema; every mistake names file, line, column and key. */
export function parseYamlFile<T>(file: string, schema: z.ZodType<T>, text?: string): { data: T; file: string; doc: Document; lines: LineCounter } {
  if (text === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw unreadablePack(file, e);
    }
  }
  const large = tooLarge(text);
  if (large) throw new PackError(file, 1, 1, '', large);
  const lib = yaml();
  const lines = new lib.LineCounter();
  const doc = lib.parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const pp = { file, doc, lines };
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = lines.linePos(e.pos[0]);
    // The parser reports its own stack overflow on a file nested thousands deep as an error of the file.
    const said = e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
    const reason = /call stack/i.test(e.message) ? { vi: 'lồng nhau quá sâu', en: 'nested too deeply' } : { vi: `cú pháp YAML sai: ${said}`, en: said };
    throw new PackError(file, pos.line, pos.col, '', reason);
  }
  if (!lib.isMap(doc.contents)) fail(pp, [], { vi: 'tệp cần là một bảng YAML «khóa: giá trị»', en: 'expected a YAML mapping (key: value)' });
  const over = overBounds(lib, doc);
  if (over) fail(pp, over.path, over.reason);
  let data: unknown;
  try {
    // The alias limit stops a "billion laughs" file before it expands.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const why = (e as Error).message;
    // The alias limit's refusal: a "billion laughs" file.
    fail(pp, [], { vi: /alias count/i.test(why) ? 'tệp dùng quá nhiều bí danh YAML (*…): có thể được làm ra để làm cạn bộ nhớ' : `không đọc được YAML: ${why}`, en: why });
  }
  const parsed = schema.safeParse(data, { error: packErrorMap });
  if (!parsed.success) zodFail(pp, [], parsed.error, data);
  return { data: parsed.data, ...pp };
}

/**
 * A pack's shape and its rules' options, which depend on the pack alone: what the cache keeps (see
 * pack-cache.ts), so that a pack read from it needs neither yaml nor zod. Columns, conditions and
 * ids, which depend on the other packs, are checked by loadRuleSet every time. A pack given as a
 * text is parsed without the cache, which lives in files (the browser has none).
 */
export function parsePackFile(given: PackSource, text?: string): ParsedPack {
  if (typeof given !== 'string') return parsePack(given.name, given.text, false);
  return parsePack(given, text ?? readPackText(given), true);
}

/**
 * Packs given as texts, parsed: what the pack cache keeps, kept in memory instead (a text has no
 * file to key a cache entry by, and a browser no folder to keep one in), so that the library
 * called again and again parses each pack once. Kept as JSON, as the cache keeps it, and read back
 * afresh for each load: no load can change what the next one is given. The last few texts only.
 */
const parsedTexts = new Map<string, string>();
const PARSED_TEXTS = 32;

function rememberedPack(source: string): CachedPack | undefined {
  const json = parsedTexts.get(source);
  return json === undefined ? undefined : (JSON.parse(json) as CachedPack);
}

function rememberPack(source: string, pack: CachedPack): void {
  if (parsedTexts.size >= PARSED_TEXTS) parsedTexts.delete(parsedTexts.keys().next().value!);
  parsedTexts.set(source, JSON.stringify(pack));
}

function parsePack(file: string, source: string, cache: boolean): ParsedPack {
  const cached = cache ? readCachedPack(file, source) : rememberedPack(source);
  if (cached) {
    let at: Located | undefined;
    return { ...cached, file, locate: () => (at ??= parseYamlFile(file, schemas().Pack, source)) };
  }
  const parsed = parseYamlFile(file, schemas().Pack, source);
  const pp: ParsedPack = { pack: parsed.data, options: [], file, locate: () => parsed };
  pp.options = parsed.data.rules.map((rule, i) => {
    const operator = operatorOf(pp, rule, i);
    const opts = operator.options(schemas()).safeParse(rule.with, { error: packErrorMap });
    if (!opts.success) zodFail(pp, ['rules', i, 'with'], opts.error, rule.with);
    return opts.data;
  });
  if (cache) writeCachedPack(file, source, { pack: pp.pack, options: pp.options });
  else rememberPack(source, { pack: pp.pack, options: pp.options });
  return pp;
}

function operatorOf(pp: ParsedPack, rule: Rule, i: number): Operator {
  const operator = operators[rule.check];
  if (!operator) fail(pp, ['rules', i, 'check'], unknown({ vi: 'phép kiểm tra', en: 'unknown check' }, rule.check, Object.keys(operators)));
  return operator;
}

function readPackText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw unreadablePack(file, e);
  }
}

function unreadablePack(file: string, e: unknown): PackError {
  const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
  return new PackError(file, 0, 0, '', missing ? { vi: 'không có tệp này', en: 'no such file' } : { vi: `không đọc được tệp: ${(e as Error).message}`, en: (e as Error).message });
}

/** "unknown check "bat-buoc" (known: …) (did you mean …?)", in both languages. */
function unknown(what: Said, name: string, known: string[]): Said {
  const near = nearest(name, known);
  return {
    vi: `không có ${what.vi} «${name}» (có: ${known.join(', ')})${didYouMean(near, 'vi')}`,
    en: `${what.en} "${name}" (known: ${known.join(', ')})${didYouMean(near, 'en')}`,
  };
}

function compileEnum(values: EnumValue[]): CompiledEnum {
  const map = new Map<string, string>();
  for (const v of values) {
    const names = [v.id, ...(v.label ? [typeof v.label === 'string' ? v.label : v.label.vi, ...(typeof v.label === 'object' && v.label.en ? [v.label.en] : [])] : []), ...v.aliases];
    for (const n of names) {
      const f = fold(n);
      if (f && !map.has(f)) map.set(f, v.id);
    }
  }
  return {
    values,
    get: (f) => map.get(f),
    label: (id) => values.find((v) => v.id === id)?.label,
  };
}

/** Parses, validates and merges packs (files or texts), in order: later packs extend columns and enumerations. */
export function loadRuleSet(files: PackSource[]): RuleSet {
  const parsed = files.map((f) => parsePackFile(f));
  const set: RuleSet = {
    packs: [],
    columns: new Map(),
    enums: new Map(),
    layout: { ignoreSheets: [], ignoreColumns: [], exampleSheets: [], total: [], footer: [], placeholders: [], notUnit: [], awardLists: [], exemplarLists: [] },
    awards: compileAwards([]),
    profiles: new Map(),
    documents: new Map(),
    rules: [],
  };
  const enumValues = new Map<string, EnumValue[]>();
  const awards: { award: Award; pp: ParsedPack; index: number }[] = [];
  const columnDecl = new Map<string, { col: Partial<CompiledColumn>; pp: ParsedPack; index: number; codesAt?: { pp: ParsedPack; index: number } }>();
  /** Where each `combined` entry was declared, to check its `also` once every column is known. */
  const combinedAt: { pp: ParsedPack; at: (string | number)[]; owner: string; also: string[] }[] = [];

  for (const pp of parsed) {
    const { pack } = pp;
    if (set.packs.some((p) => p.id === pack.pack)) fail(pp, ['pack'], { vi: `bộ quy tắc «${pack.pack}» được nạp hai lần`, en: `pack "${pack.pack}" is loaded twice` });
    set.packs.push({ id: pack.pack, file: pp.file, title: pack.title, doc: pack.doc, source: pack.source, purpose: pack.purpose, inForce: pack['in-force'] });
    if (pack.layout) {
      set.layout.ignoreSheets.push(...pack.layout['ignore-sheets']);
      set.layout.ignoreColumns.push(...pack.layout['ignore-columns']);
      set.layout.exampleSheets.push(...pack.layout['example-sheets']);
      set.layout.total.push(...pack.layout.total);
      set.layout.footer.push(...pack.layout.footer);
      set.layout.placeholders.push(...pack.layout.placeholders);
      set.layout.notUnit.push(...pack.layout['not-unit']);
      set.layout.awardLists.push(...pack.layout['award-lists']);
      set.layout.exemplarLists.push(...pack.layout['exemplar-lists']);
    }
    pack.awards.forEach((a, i) => {
      const prev = awards.find((x) => x.award.id === a.id);
      if (prev) fail(pp, ['awards', i, 'id'], { vi: `danh hiệu «${a.id}» đã được khai báo trong ${prev.pp.file}`, en: `award "${a.id}" is declared in ${prev.pp.file}` });
      awards.push({ award: a, pp, index: i });
    });
    for (const [name, values] of Object.entries(pack.enums)) {
      const list = enumValues.get(name) ?? [];
      for (const v of values) {
        const existing = list.find((x) => x.id === v.id);
        if (existing) {
          existing.aliases.push(...v.aliases);
          existing.label ??= v.label;
          existing.doc ??= v.doc;
          existing.source ??= v.source;
        }
        else list.push({ ...v, aliases: [...v.aliases] });
      }
      enumValues.set(name, list);
    }
    pack.columns.forEach((c: Column, index) => {
      const prev = columnDecl.get(c.key);
      if (prev) {
        if (c.header || c.type) fail(pp, ['columns', index, c.header ? 'header' : 'type'], { vi: `cột «${c.key}» đã khai báo trong ${prev.pp.file}; muốn mở rộng thì chỉ ghi lại key với aliases`, en: `column "${c.key}" is declared in ${prev.pp.file}; restate it with only aliases to extend it` });
        if (c.codes) {
          if (prev.col.type !== 'text') fail(pp, ['columns', index, 'codes'], { vi: `«codes» chỉ dùng cho cột văn bản («${c.key}» là ${prev.col.type})`, en: `"codes" goes with a text column ("${c.key}" is ${prev.col.type})` });
          if (prev.col.codes && prev.col.codes !== c.codes) fail(pp, ['columns', index, 'codes'], { vi: `cột «${c.key}» đã đọc mã của «${prev.col.codes}»`, en: `column "${c.key}" already reads codes of "${prev.col.codes}"` });
          prev.col.codes = c.codes;
          (prev.codesAt ??= { pp, index });
        }
        checkHeaders(pp, c, index, prev.col.year!);
        prev.col.aliases!.push(...c.aliases);
        prev.col.groupAliases!.push(...c['group-aliases']);
        prev.col.combined!.push(...c.combined);
        if (c.infer) for (const [k, v] of Object.entries(c.infer)) (prev.col.infer ??= {})[k] = [...(prev.col.infer[k] ?? []), ...v];
      } else {
        if (!c.header) fail(pp, ['columns', index], { vi: `cột «${c.key}» cần «header» (tên cột)`, en: `column "${c.key}" needs a header` });
        if (!c.type) fail(pp, ['columns', index], { vi: `cột «${c.key}» cần «type» (kiểu dữ liệu)`, en: `column "${c.key}" needs a type` });
        if ((c.type === 'enum') !== Boolean(c.enum)) fail(pp, ['columns', index, 'enum'], c.type === 'enum' ? { vi: 'cột kiểu enum phải ghi tên danh mục («enum: …»)', en: 'an enum column names its enumeration ("enum: …")' } : { vi: '«enum» chỉ dùng với type: enum', en: '"enum" goes with type: enum' });
        if (c.codes && c.type !== 'text') fail(pp, ['columns', index, 'codes'], { vi: '«codes» chỉ dùng với type: text', en: '"codes" goes with type: text' });
        const year = /YYYY/.test(c.header);
        checkHeaders(pp, c, index, year);
        const col = { key: c.key, header: c.header, aliases: [...c.aliases], groupAliases: [...c['group-aliases']], combined: [...c.combined], type: c.type, enum: c.enum, codes: c.codes, year, infer: c.infer, doc: c.doc };
        columnDecl.set(c.key, { col, pp, index, codesAt: c.codes ? { pp, index } : undefined });
      }
      c.combined.forEach((k, j) => combinedAt.push({ pp, at: ['columns', index, 'combined', j, 'also'], owner: c.key, also: k.also }));
    });
    pack.documents.forEach((d, i) => {
      const prev = set.documents.get(d.id);
      if (prev) fail(pp, ['documents', i, 'id'], { vi: `văn bản «${d.id}» đã khai báo trong bộ quy tắc «${prev.pack}»`, en: `document "${d.id}" is declared in pack "${prev.pack}" already` });
      set.documents.set(d.id, { ...d, pack: pack.pack });
    });
    for (const p of pack.profiles) {
      if (set.profiles.has(p.id)) fail(pp, ['profiles'], { vi: `hồ sơ định mức «${p.id}» được khai báo hai lần`, en: `profile "${p.id}" is declared twice` });
      set.profiles.set(p.id, { ...p, pack: pack.pack });
    }
  }
  for (const [name, values] of enumValues) set.enums.set(name, compileEnum(values));
  for (const [key, { col, pp, index, codesAt }] of columnDecl) {
    if (col.enum && !set.enums.has(col.enum)) fail(pp, ['columns', index, 'enum'], unknown({ vi: 'danh mục', en: 'no enumeration' }, col.enum, [...set.enums.keys()]));
    if (codesAt && !set.enums.has(col.codes!)) fail(codesAt.pp, ['columns', codesAt.index, 'codes'], unknown({ vi: 'danh mục', en: 'no enumeration' }, col.codes!, [...set.enums.keys()]));
    set.columns.set(key, col as CompiledColumn);
  }
  const kinds = set.enums.get('loai');
  for (const { award, pp, index } of awards) {
    award.kinds.forEach((k, j) => {
      if (!kinds?.values.some((v) => v.id === k)) fail(pp, ['awards', index, 'kinds', j], { vi: `«${k}» không phải loại đối tượng (${kinds?.values.map((v) => v.id).join(', ') ?? 'không có danh mục «loai»'})`, en: `"${k}" is not a kind of nominee (${kinds?.values.map((v) => v.id).join(', ') ?? 'no enumeration "loai"'})` });
    });
  }
  set.awards = compileAwards(awards.map((a) => a.award));
  for (const { pp, at, owner, also } of combinedAt) {
    for (const key of also) {
      const col = checkColumn(set, pp, key, at);
      if (key === owner || col.year) fail(pp, at, key === owner
          ? { vi: `«${key}» không thể chung tiêu đề gộp với chính nó`, en: `"${key}" cannot share a combined header of "${owner}" (it is that column)` }
          : { vi: `«${key}» là cột theo năm, không thể chung tiêu đề gộp của «${owner}»`, en: `"${key}" cannot share a combined header of "${owner}" (a year column)` });
    }
  }

  const ids = new Set<string>();
  for (const pp of parsed) {
    pp.pack.rules.forEach((rule, i) => {
      const at = (...k: (string | number)[]) => ['rules', i, ...k];
      if (ids.has(rule.id)) fail(pp, at('id'), { vi: `quy tắc «${rule.id}» được khai báo hai lần`, en: `rule "${rule.id}" is declared twice` });
      ids.add(rule.id);
      const operator = operatorOf(pp, rule, i);
      const options = pp.options[i];
      for (const key of operator.columns(options)) checkColumn(set, pp, key, at('with'));
      for (const id of operator.awardIds?.(options) ?? []) if (!set.awards.byId.has(id)) fail(pp, at('with'), notAnAward(set, id));
      if (rule.when) checkCondition(set, pp, rule.when, at('when'));
      for (const k of ['where'] as const) {
        const c = (options as Record<string, unknown>)[k] as Condition | undefined;
        if (c) checkCondition(set, pp, c, at('with', k));
      }
      if (rule.profile && !set.profiles.has(rule.profile)) fail(pp, at('profile'), unknown({ vi: 'hồ sơ định mức', en: 'unknown profile' }, rule.profile, [...set.profiles.keys()]));
      // A finding of a dated rule waits for the dossier's date, which may stand under the rows.
      if (rule['in-force'] && operator.kind !== 'row')
        fail(pp, at('in-force'), { vi: `«in-force» chỉ đi với phép kiểm tra từng dòng («${rule.check}» đếm trên nhiều dòng)`, en: `"in-force" goes with a check of each row ("${rule.check}" counts over rows)` });
      // What a secondary source paraphrases, or the pack infers, never makes an error.
      if ((rule.confidence === 'S' || rule.confidence === 'I') && rule.severity === 'error')
        fail(pp, at('severity'), { vi: `quy tắc có độ tin cậy ${rule.confidence} chỉ là cảnh báo hoặc thông tin, không bao giờ là lỗi`, en: `a rule of confidence ${rule.confidence} is a warning or info, never an error` });
      set.rules.push({ rule, operator, options, period: rule.period ?? pp.pack.period, pack: pp.pack.pack, file: pp.file, purpose: rule.purpose ?? pp.pack.purpose });
    });
  }
  for (const pp of parsed) checkCitations(set, pp);
  return set;
}

/** Every citation by code names a declared document, so that every citation can say its title. */
function checkCitations(set: RuleSet, pp: ParsedPack): void {
  const { pack } = pp;
  const sources: [string | undefined, (string | number)[]][] = [
    [pack.source, ['source']],
    ...pack.profiles.map((p, i): [string, (string | number)[]] => [p.source, ['profiles', i, 'source']]),
    ...pack.rules.map((r, i): [string, (string | number)[]] => [r.source, ['rules', i, 'source']]),
    ...Object.entries(pack.enums).flatMap(([name, values]) => values.map((v, i): [string | undefined, (string | number)[]] => [v.source, ['enums', name, i, 'source']])),
  ];
  for (const [source, at] of sources) {
    const missing = source && citedCodes(source).find((code) => !set.documents.has(code));
    if (!missing) continue;
    const known = [...set.documents.keys()].join(', ') || '—';
    fail(pp, at, {
      vi: `không có văn bản mã «${missing}» trong «documents:» của các bộ quy tắc (có: ${known}): hãy khai báo { id: "${missing}", title: … }`,
      en: `no document "${missing}" in the packs' documents: (known: ${known}); declare it as { id: "${missing}", title: … }`,
    });
  }
}

/** YYYY where a column's headers need it: in every name of a year column, in no group or combined header. */
function checkHeaders(pp: ParsedPack, c: Column, index: number, year: boolean): void {
  const at = (...k: (string | number)[]) => ['columns', index, ...k];
  if (c.aliases.some((a) => /YYYY/.test(a) !== year)) fail(pp, at('aliases'), { vi: 'cột theo năm có YYYY trong tên cột và trong mọi alias', en: 'a year column has YYYY in its header and in every alias' });
  if (c['group-aliases'].length && !year) fail(pp, at('group-aliases'), { vi: 'group-aliases chỉ dành cho cột theo năm (YYYY trong tên cột): tiêu đề nhóm đứng trên các năm', en: 'group-aliases are for a year column (YYYY in its header): the group header stands over its years' });
  const g = c['group-aliases'].findIndex((a) => /YYYY/.test(a));
  if (g >= 0) fail(pp, at('group-aliases', g), { vi: 'tiêu đề nhóm không có YYYY: các năm là tiêu đề con bên dưới', en: 'a group header has no YYYY: its years are the sub-headers under it' });
  if (c.combined.length && year) fail(pp, at('combined'), { vi: 'cột theo năm không có tiêu đề gộp (combined)', en: 'a year column has no combined header' });
  c.combined.forEach((x, k) => {
    const h = x.headers.findIndex((name) => /YYYY/.test(name));
    if (h >= 0) fail(pp, at('combined', k, 'headers', h), { vi: 'tiêu đề gộp không có YYYY', en: 'a combined header has no YYYY' });
  });
}

/** "unknown column "ho_ten" (did you mean "ten"?)": the columns known are too many to list. */
function unknownColumn(set: RuleSet, key: string): Said {
  const near = nearest(key, set.columns.keys());
  return { vi: `không có cột «${key}»${didYouMean(near, 'vi')}`, en: `unknown column "${key}"${didYouMean(near, 'en')}` };
}

function notAValue(value: string, name: string, ids: string[]): Said {
  const near = nearest(value, ids);
  return {
    vi: `«${value}» không phải giá trị của ${name} (${ids.join(', ')})${didYouMean(near, 'vi')}`,
    en: `"${value}" is not a value of ${name}${didYouMean(near, 'en')} (${ids.join(', ')})`,
  };
}

function notAnAward(set: RuleSet, id: string): Said {
  const known = [...set.awards.byId.keys()].join(', ');
  return { vi: `«${id}» không phải danh hiệu, hình thức khen thưởng nào (${known || 'chưa bộ quy tắc nào khai báo danh hiệu'})`, en: `"${id}" is not an award (${known || 'no pack declares awards'})` };
}

export { AWARD_KEY } from './awards.js';

function checkColumn(set: RuleSet, pp: ParsedPack, key: string, at: (string | number)[]): CompiledColumn {
  const col = set.columns.get(key);
  if (!col) fail(pp, at, unknownColumn(set, key));
  return col;
}

function checkCondition(set: RuleSet, pp: ParsedPack, cond: Condition, at: (string | number)[]): void {
  for (const [key, expected] of Object.entries(cond)) {
    const here = [...at, key];
    if (key === 'all' || key === 'any') {
      if (!Array.isArray(expected)) fail(pp, here, { vi: `«${key}» nhận một danh sách điều kiện`, en: `"${key}" takes a list of conditions` });
      expected.forEach((c, i) => checkCondition(set, pp, c as Condition, [...here, i]));
    } else if (key === 'not') {
      checkCondition(set, pp, expected as Condition, here);
    } else if (key === 'typed') {
      if (typeof expected !== 'object' || Array.isArray(expected)) fail(pp, here, { vi: '«typed» nhận các cột và chữ được gõ trong đó («typed: { loai: [TAPTHE] }»)', en: '"typed" takes columns and the texts typed in them ("typed: { loai: [TAPTHE] }")' });
      for (const [k, texts] of Object.entries(expected)) {
        checkColumn(set, pp, k, [...here, k]);
        if ([texts].flat().some((t) => typeof t === 'object')) fail(pp, [...here, k], { vi: 'cần một đoạn văn bản hoặc danh sách văn bản', en: 'a text or a list of texts' });
      }
    } else if (key === 'filled' || key === 'empty') {
      for (const k of [expected].flat()) checkColumn(set, pp, String(k), here);
    } else if (key === AWARD_KEY) {
      for (const v of [expected].flat()) {
        if (typeof v !== 'string' || !set.awards.byId.has(v)) fail(pp, here, notAnAward(set, String(v)));
      }
    } else {
      const col = checkColumn(set, pp, key, here);
      if (col.type === 'enum') {
        const e = set.enums.get(col.enum!)!;
        for (const v of [expected].flat()) {
          if (typeof v !== 'string' || !e.values.some((x) => x.id === v)) fail(pp, here, notAValue(String(v), col.enum!, e.values.map((x) => x.id)));
        }
      }
    }
  }
}

