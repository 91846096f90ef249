/**
 * The rule-pack language. A pack is YAML data: columns (with their headers and aliases),
 * enumerations, layout vocabulary, profiles and rules. Each rule names an operator (`check`)
 * whose options (`with`) the operator validates with its own schema at load time.
 */
import type { z } from 'zod';
import { lazyRequire } from '../lazy.js';
import { hint } from './reasons.js';
import { fold } from '../normalize/text.js';

/** A unit's name as the history's units map compares it. */
const foldKey = (s: string) => fold(s);

/** zod itself, loaded by the first schema made: a check whose packs are all cached never loads it. */
const zod = lazyRequire<typeof import('zod')>('zod');

function build() {
  const { z } = zod();

  const LocalText = z.union([
    z.string(),
    z.strictObject({ vi: z.string(), en: z.string().optional() }),
  ]);

  const Id = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, hint('chỉ gồm chữ thường không dấu, chữ số và gạch nối', 'lower-case letters, digits and dashes'));
  const RuleId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/, hint('mã dạng «giao-duc/an-toan-antt»', 'ids like "giao-duc/an-toan-antt"'));
  const ColumnKey = z.string().regex(/^[a-z][a-z0-9_]*$/, hint('khóa dạng «ty_le_neu_guong» (chữ thường, chữ số, gạch dưới)', 'snake_case keys like "ty_le_neu_guong"'));

  const Scalar: z.ZodType<Scalar> = z.union([z.string(), z.number(), z.boolean()]);

  const Condition: z.ZodType<Condition> = z.lazy(() =>
    z.record(z.string(), z.union([Scalar, z.array(Scalar), Condition, z.array(Condition)])),
  );

  const Period = z.strictObject({ from: z.number().int(), to: z.number().int() });

  const EnumValue = z.strictObject({
    id: Id,
    label: LocalText.optional(),
    aliases: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    doc: LocalText.optional(),
    source: z.string().optional(),
  });

  const ColumnType = z.enum(['text', 'integer', 'number', 'percent', 'yesno', 'enum', 'date', 'year-or-date']);

  /**
   * A column; a later pack may restate a key with only `aliases` (and `group-aliases`, `combined`,
   * `infer`, `codes`) to extend it.
   */
  const Column = z.strictObject({
    key: ColumnKey,
    header: z.string().optional(),
    aliases: z.array(z.string()).default([]),
    /**
     * For a year column: texts of a merged group header over year sub-headers ("Xếp loại hoàn
     * thành nhiệm vụ" over "2023 | 2024") besides the header and aliases with YYYY taken out.
     */
    'group-aliases': z.array(z.string()).default([]),
    /**
     * Headers of one column that holds this column's value with others' ("Họ và tên, chức vụ,
     * đơn vị công tác"): read as this column, and as each of `also` the sheet has no column for.
     */
    combined: z.array(z.strictObject({ headers: z.array(z.string()).min(1), also: z.array(ColumnKey).min(1) })).default([]),
    type: ColumnType.optional(),
    enum: z.string().optional(),
    /**
     * For a text column: an enumeration whose aliases are codes of its values (a system's award
     * codes): a cell holding one reads as the value's name. A later pack may restate the key with it.
     */
    codes: z.string().optional(),
    /** For the kind column: phrases in a sheet's name or title, or a group row, that name a kind. */
    infer: z.record(z.string(), z.array(z.string())).optional(),
    doc: LocalText.optional(),
  });

  const Example: z.ZodType<Example, any> = z.union([
    z.record(z.string(), Scalar.nullable()),
    z.strictObject({
      rows: z.array(z.record(z.string(), Scalar.nullable())).min(1),
      /** The rows listed this many times over (a cap of 200 needs 201 nominees). */
      repeat: z.number().int().min(1).max(10_000).default(1),
      /** Lines above the header (the unit's name, the title) and after the table (place and date). */
      title: z.array(z.string()).optional(),
      footer: z.array(z.string()).optional(),
      note: z.string().optional(),
    }),
    /** Several files checked together (rules across files): one list of rows per file. */
    z.strictObject({
      files: z.array(z.array(z.record(z.string(), Scalar.nullable())).min(1)).min(1),
      note: z.string().optional(),
    }),
  ]);

  /** A day as packs write it ("2025-07-01"): when a rule or a pack starts or stops being in force. */
  const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2025-07-01');
  /** From which day (inclusive) to which day (inclusive) a pack or rule is in force; either end may be open. */
  const InForce = z.strictObject({ from: Day.optional(), to: Day.optional(), note: z.string().optional() });

  /**
   * An award title or form of the Law's vocabulary: its names, abbreviations and the codes of an
   * existing system, the kinds of nominee it may be given to (ids of the `loai` enumeration) and
   * its level. `title` marks a title of emulation (danh hiệu thi đua, Law Art. 20–31) as against a
   * form of commendation (hình thức khen thưởng, Art. 9–19): a row proposing a title is an award
   * row whatever its list's title says.
   */
  const Award = z.strictObject({
    id: Id,
    label: LocalText,
    aliases: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    codes: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    kinds: z.array(Id).min(1),
    level: z.enum(['co-so', 'huyen', 'tinh', 'trung-uong', 'nha-nuoc']),
    title: z.boolean().default(false),
    source: z.string().min(1),
    doc: LocalText.optional(),
  });

  const Rule = z.strictObject({
    id: RuleId,
    title: LocalText,
    severity: z.enum(['error', 'warning', 'info']).default('error'),
    check: z.string(),
    with: z.record(z.string(), z.unknown()).default({}),
    when: Condition.optional(),
    /** Only in force when this profile is chosen. */
    profile: z.string().optional(),
    /** The lists the rule judges, when not its pack's (a common rule drawn from the exemplar plans). */
    purpose: z.enum(['award', 'exemplar']).optional(),
    period: Period.optional(),
    message: LocalText.optional(),
    source: z.string().min(1),
    doc: LocalText.optional(),
    tags: z.array(Id).default([]),
    /**
     * The dates the rule's wording is in force (a decree's clause): judged by the dossier's date;
     * outside them the rule gives nothing, and a dossier without a date gets one note.
     */
    'in-force': InForce.optional(),
    /** The severity of "the sheet has no column for this": `warning` unless the rule says otherwise. */
    missing: z.enum(['error', 'warning', 'info']).optional(),
    /** How sure the pack is of the rule's source (Q: quoted from the law; Q2: a decree quoted by others; S, I: see the pack). */
    confidence: z.enum(['Q', 'Q2', 'S', 'I']).optional(),
    examples: z.strictObject({ valid: z.array(Example).min(1), invalid: z.array(Example).min(1) }),
  });

  const Profile = z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, hint('mã dạng «binh-dinh/xa»', 'ids like "binh-dinh/xa"')),
    title: LocalText,
    source: z.string(),
    doc: LocalText.optional(),
  });

  /** A document the pack's citations name by a short code: `source: "004 §III.3.a"` cites document "004". */
  const Document = z.strictObject({ id: z.string().regex(/^\S+$/, hint('một mã không có khoảng trắng, như «004»', 'a code without spaces, such as "004"')), title: LocalText });

  const Pack = z.strictObject({
    pack: Id,
    title: LocalText,
    source: z.string().optional(),
    doc: LocalText.optional(),
    documents: z.array(Document).default([]),
    period: Period.optional(),
    /** The pack's legal basis in force: a later amendment is a new pack, not an edit of this one. */
    'in-force': InForce.optional(),
    /**
     * Which lists the pack's rules judge: `award` lists (titles and forms under the Law on
     * Emulation and Commendation) or `exemplar` lists (advanced exemplars); either when absent.
     */
    purpose: z.enum(['award', 'exemplar']).optional(),
    awards: z.array(Award).default([]),
    layout: z
      .strictObject({
        'ignore-sheets': z.array(z.string()).default([]),
        /**
         * Header texts of columns the pack knows and means not to read (a template's own lookups of
         * other columns): not named in check's note of the columns no rule reads. Compared as whole
         * headers, case and diacritics aside.
         */
        'ignore-columns': z.array(z.string()).default([]),
        'example-sheets': z.array(z.string()).default([]),
        total: z.array(z.string()).default([]),
        footer: z.array(z.string()).default([]),
        placeholders: z.array(z.string()).default([]),
        'not-unit': z.array(z.string()).default([]),
        /** Words of a list's title that make it an award list ("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"). */
        'award-lists': z.array(z.string()).default([]),
        /** … or an exemplar list ("ĐIỂN HÌNH TIÊN TIẾN"); these win when both are there. */
        'exemplar-lists': z.array(z.string()).default([]),
      })
      .optional(),
    enums: z.record(z.string(), z.array(EnumValue)).default({}),
    columns: z.array(Column).default([]),
    profiles: z.array(Profile).default([]),
    rules: z.array(Rule).default([]),
  });

  /**
   * `history:` of the config: decision lists (files, folders, globs) and the units renamed or
   * merged (the 2025 reorganisation), a former name → the name now, compared as headers are (case,
   * diacritics and spacing aside). A name mapped to itself, or a chain that comes back to its
   * start, is refused at its key: the map would never end.
   */
  const History = z
    .strictObject({
      paths: z.array(z.string().min(1)).default([]),
      units: z.record(z.string().min(1), z.string().min(1)).default({}),
    })
    .superRefine((h, ctx) => {
      const to = new Map(Object.entries(h.units).map(([a, b]) => [foldKey(a), foldKey(b)]));
      for (const from of Object.keys(h.units)) {
        const seen = new Set<string>();
        for (let at: string | undefined = foldKey(from); at !== undefined; at = to.get(at)) {
          if (seen.has(at)) {
            ctx.addIssue({ code: 'custom', path: ['units', from], message: hint('tên đơn vị này quay về chính nó (qua các tên được đổi): danh sách đổi tên không được có vòng', 'this unit comes back to itself (through the names mapped): the renamings may not loop') });
            return;
          }
          seen.add(at);
        }
      }
    });

  /** `hoso.config.yaml`. */
  const Config = z.strictObject({
    rules: z.array(z.string()).default([]),
    'default-rules': z.boolean().default(true),
    profiles: z.array(z.string()).default([]),
    /** Sub-folders or file globs (relative to the config file) → profiles in force for the files there. */
    'profiles-for': z.record(z.string(), z.array(z.string())).default({}),
    /** Rule id (or a prefix ending in "/") → severity, or "off". */
    severity: z.record(z.string(), z.enum(['error', 'warning', 'info', 'off'])).default({}),
    lang: z.enum(['vi', 'en']).optional(),
    /** Globs (relative to the config file) of files and folders to pass over, as --ignore-pattern. */
    ignores: z.array(z.string().min(1)).default([]),
    /** Header texts of columns not to read, nor name as unread (as a pack's layout.ignore-columns). */
    'ignore-columns': z.array(z.string().min(1)).default([]),
    /** What the lists checked are: told from each list's title and awards (auto), or said here. */
    purpose: z.enum(['auto', 'award', 'exemplar']).default('auto'),
    /** The office's past decisions (as --history), relative to the config file, and the units renamed since. */
    history: History.optional(),
  });
  return { LocalText, ColumnKey, Scalar, Condition, Period, EnumValue, Column, Award, InForce, Rule, Profile, Document, Pack, Config, History };
}

/**
 * zod and the pack language's schemas, made on first use (parsing a pack, a config or a rule's
 * options). zod is added by a type of its own: the type inferred for its namespace cannot be
 * named in a declaration file (the library's .d.ts).
 */
export type Schemas = ReturnType<typeof build> & { z: typeof z };
let built: Schemas | undefined;
export function schemas(): Schemas {
  return (built ??= { ...build(), z: zod().z });
}

export type LocalText = z.infer<Schemas['LocalText']>;
export type Scalar = string | number | boolean;
/**
 * A condition on a row. Plain keys are column keys compared with a value or a list of values
 * (enumeration ids, yes/no as true/false, numbers, text); `filled`/`empty` test presence (for a
 * year column: any year); `typed` compares cells as typed, not as parsed (`typed: { loai: TAPTHE }`
 * holds for the code, not for "Tập thể"); `all`, `any` and `not` combine.
 */
export type Condition = { [key: string]: Scalar | Scalar[] | Condition | Condition[] };
export type Period = z.infer<Schemas['Period']>;
export type EnumValue = z.infer<Schemas['EnumValue']>;
export type Column = z.infer<Schemas['Column']>;
export type ExampleRow = Record<string, Scalar | null>;
export type ExampleDossier = { rows: ExampleRow[]; repeat: number; title?: string[]; footer?: string[]; note?: string };
export type Example = ExampleRow | ExampleDossier | { files: ExampleRow[][]; note?: string };
export type Rule = z.infer<Schemas['Rule']>;
export type Award = z.infer<Schemas['Award']>;
export type InForce = z.infer<Schemas['InForce']>;
export type Purpose = 'award' | 'exemplar';
export type Profile = z.infer<Schemas['Profile']>;
export type SourceDocument = z.infer<Schemas['Document']>;
export type Pack = z.infer<Schemas['Pack']>;
export type Config = z.infer<Schemas['Config']>;
export type HistoryConfig = z.infer<Schemas['History']>;

/** An example as the files it stands for, repeats spelled out. */
export function exampleFiles(e: Example): { rows: ExampleRow[]; title: string[]; footer: string[] }[] {
  const o = e as { files?: unknown; rows?: unknown };
  if (Array.isArray(o.files)) return (o.files as ExampleRow[][]).map((rows) => ({ rows, title: [], footer: [] }));
  if (Array.isArray(o.rows)) {
    const { rows, repeat, title, footer } = e as ExampleDossier;
    return [{ rows: Array.from({ length: repeat ?? 1 }, () => rows).flat(), title: title ?? [], footer: footer ?? [] }];
  }
  return [{ rows: [e as ExampleRow], title: [], footer: [] }];
}
