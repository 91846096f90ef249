/**
 * Why a rule pack or config is refused, in words and in both languages. zod describes each
 * mistake as an issue with a code and its data (the type expected, the values allowed, the keys
 * it does not know); the error map below turns each kind of issue into our own sentence, and
 * `packReason` picks the issue to tell and says it for the key where it happened. A schema's own
 * hint (the shape an id must have) is written with `hint`, so that it too has both languages.
 *
 * zod carries a message as one string: a reason in both languages travels through it encoded
 * (`encode`), and is decoded where the pack error is made. This module loads no zod: the operators
 * import `hint` without making a schema.
 */
import { fill, joined, meant, quoted, type Said } from '../said.js';
import { nearest } from '../nearest.js';

/** What an issue's message carries: the reason, and what was expected (for a key left out). */
interface Encoded extends Said {
  kind?: Said;
  /** Written by the schema (`hint`), not by the error map. */
  hint?: true;
}

const MARK = '\u0001hoso\u0001';

function encode(e: Encoded): string {
  return MARK + JSON.stringify(e);
}

function decode(message: string | undefined): Encoded | undefined {
  if (!message) return undefined;
  if (!message.startsWith(MARK)) return { vi: message, en: message };
  return JSON.parse(message.slice(MARK.length)) as Encoded;
}

/** A schema's own message (a regex's or a refinement's) in both languages. */
export function hint(vi: string, en: string): string {
  return encode({ vi, en, hint: true });
}

const LONGEST = 60;

/** A value from the pack as a reason quotes it: text in quotes (cut short), anything else as YAML shows it. */
function shown(v: unknown): Said {
  if (typeof v === 'string') return quoted(v.length > LONGEST ? `${v.slice(0, LONGEST)}…` : v);
  return { vi: String(v), en: String(v) };
}

/** What a schema expected, by zod's name for the type. */
const KINDS: Record<string, Said> = {
  string: { vi: 'một đoạn văn bản', en: 'a text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'một danh sách ([…] hoặc các dòng «- …»)', en: 'a list ([…] or lines "- …")' },
  object: { vi: 'một bảng «khóa: giá trị»', en: 'a mapping (key: value)' },
  record: { vi: 'một bảng «khóa: giá trị»', en: 'a mapping (key: value)' },
  null: { vi: 'null', en: 'null' },
};

function kindOf(expected: string | undefined): Said {
  return KINDS[expected ?? ''] ?? { vi: expected ?? '?', en: expected ?? '?' };
}

/** What the pack holds instead, in words. */
function received(input: unknown): Said {
  if (input === null) return { vi: 'giá trị trống (null)', en: 'an empty value (null)' };
  if (Array.isArray(input)) return { vi: 'một danh sách', en: 'a list' };
  if (typeof input === 'object') return { vi: 'một bảng «khóa: giá trị»', en: 'a mapping' };
  if (typeof input === 'string') return fill('văn bản {v}', 'the text {v}', { v: shown(input) });
  if (typeof input === 'number') return fill('số {v}', 'the number {v}', { v: input });
  return { vi: String(input), en: String(input) };
}

/** "expected a text, not the number 12": what was expected and what the pack holds. */
function wrongType(kind: Said, input: unknown): Encoded {
  const got = received(input);
  return { kind, ...fill('cần {k}, không phải {g}', 'expected {k}, not {g}', { k: kind, g: got }) };
}

/** The fields of a zod issue as the error map sees it (input and the schema are there only). */
interface RawIssue {
  code?: string;
  input?: unknown;
  inst?: unknown;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: string;
  divisor?: number;
  errors?: { message?: string }[][];
  issues?: { message?: string }[];
}

/** The keys a strict mapping takes, from the schema that refused one. */
function knownKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function count(n: number | bigint, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

/** Too few or too many: of a list's items, a text's characters, or a number's size. */
function bound(iss: RawIssue, small: boolean): Said {
  const n = (small ? iss.minimum : iss.maximum)!;
  if (iss.origin === 'array' || iss.origin === 'set')
    return small
      ? fill(`cần ít nhất ${n} mục`, `needs at least ${count(n, 'item', 'items')}`)
      : fill(`có nhiều nhất ${n} mục`, `holds at most ${count(n, 'item', 'items')}`);
  if (iss.origin === 'string')
    return small
      ? Number(n) === 1
        ? fill('không được để trống', 'must not be empty')
        : fill(`cần ít nhất ${n} ký tự`, `needs at least ${count(n, 'character', 'characters')}`)
      : fill(`dài nhiều nhất ${n} ký tự`, `is at most ${count(n, 'character', 'characters')} long`);
  const now = fill(' (đang là {v})', ' (it is {v})', { v: String(iss.input) });
  const inclusive = iss.inclusive !== false;
  const [vi, en] = small ? (inclusive ? [`phải từ ${n} trở lên`, `must be at least ${n}`] : [`phải lớn hơn ${n}`, `must be greater than ${n}`]) : inclusive ? [`không được quá ${n}`, `must be at most ${n}`] : [`phải nhỏ hơn ${n}`, `must be less than ${n}`];
  return { vi: vi + now.vi, en: en + now.en };
}

/** The sentence for one issue zod raised without a message of the schema's own. */
function reasonOf(iss: RawIssue): Encoded {
  switch (iss.code) {
    case 'invalid_type': {
      return wrongType(kindOf(iss.expected), iss.input);
    }
    case 'invalid_value': {
      const values = iss.values ?? [];
      const near = typeof iss.input === 'string' ? nearest(iss.input, values.filter((v): v is string => typeof v === 'string')) : [];
      const kind = fill('một trong {l}', 'one of {l}', { l: joined(values.map(shown)) });
      if (iss.input === null || typeof iss.input === 'object') return wrongType(kind, iss.input);
      if (values.length === 1) return { kind, ...fill('phải là {v}, không phải {g}', 'must be {v}, not {g}', { v: shown(values[0]), g: shown(iss.input) }) };
      return { kind, ...fill('{g} không phải giá trị được nhận: chỉ nhận {l}{m}', '{g} is not allowed: it takes {l}{m}', { g: shown(iss.input), l: joined(values.map(shown)), m: meant(near) }) };
    }
    case 'unrecognized_keys': {
      const key = iss.keys?.[0] ?? '';
      const known = knownKeys(iss.inst);
      const near = nearest(key, known);
      return fill('không có khóa {k} (các khóa ở đây: {l}){m}', 'unknown key {k}{m}; the keys allowed here: {l}', { k: quoted(key), m: meant(near), l: known.join(', ') });
    }
    case 'too_small':
      return bound(iss, true);
    case 'too_big':
      return bound(iss, false);
    case 'invalid_format':
      return fill('{v} không đúng dạng {p}', '{v} does not have the form {p}', { v: shown(iss.input), p: iss.pattern ?? iss.format ?? '' });
    case 'not_multiple_of':
      return fill(`phải là bội số của ${iss.divisor}`, `must be a multiple of ${iss.divisor}`);
    case 'invalid_union': {
      // Every branch refused the value's type (others go deeper: packReason tells theirs): say what any would take.
      const kinds = (iss.errors ?? []).map((branch) => decode(branch[0]?.message)?.kind).filter((k): k is Said => Boolean(k));
      const kind = joined(kinds, 'or');
      return wrongType(kind, iss.input);
    }
    case 'invalid_key':
    case 'invalid_element': {
      const inner = decode(iss.issues?.[0]?.message);
      return fill('khóa không hợp lệ: {r}', 'invalid key: {r}', { r: inner ?? '' });
    }
    default:
      return fill('giá trị không hợp lệ', 'invalid value');
  }
}

/** zod's error map for a pack or config: every issue's message is our sentence, in both languages. */
export function packErrorMap(iss: RawIssue): string {
  return encode(reasonOf(iss));
}

/** A zod issue as a ZodError gives it (the fields packReason reads). */
interface FinalIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: FinalIssue[][];
}

/** The value at a path of the parsed data, and whether its last key is there at all. */
function at(data: unknown, path: PropertyKey[]): { value: unknown; present: boolean } {
  let v: unknown = data;
  for (let i = 0; i < path.length; i++) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, path[i])) return { value: undefined, present: false };
    v = (v as Record<PropertyKey, unknown>)[path[i]];
  }
  return { value: v, present: true };
}

/** How deep a union's branch got before it refused: the branch that went furthest is the one meant. */
function depth(branch: FinalIssue[]): number {
  const first = branch[0];
  return first ? first.path.length * 2 + (first.code === 'invalid_type' ? 0 : 1) : 0;
}

/**
 * The issue to tell, its key path (from the top of the data) and the reason for it. Of a union's
 * branches, the one that understood the value furthest is told (a mapping `{ vi, eng }` for a
 * title is a mapping with an unknown key, not "not a text").
 */
export function packReason(issue: FinalIssue, data: unknown, prefix: PropertyKey[] = []): { path: PropertyKey[]; reason: Said } {
  let path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors?.length) {
    const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    if (depth(best) > 0) return packReason(best[0], data, path);
  }
  const said = decode(issue.message)!;
  if (issue.code === 'unrecognized_keys') {
    const key = (issue as FinalIssue & { keys: string[] }).keys[0];
    path = [...path, key];
  }
  const here = at(data, path);
  if (!here.present && said.kind && path.length) {
    const key = String(path[path.length - 1]);
    return { path, reason: fill('thiếu khóa bắt buộc {k}: cần {w}', 'the required key {k} is missing: {w} is expected', { k: quoted(key), w: said.kind }) };
  }
  // A regex given a hint of its own says what the value should look like: the value is named with it.
  if (issue.code === 'invalid_format' && said.hint) {
    return { path, reason: fill('{v} không đúng dạng: {h}', '{v} is not in the expected form: {h}', { v: shown(here.value), h: { vi: said.vi, en: said.en } }) };
  }
  return { path, reason: { vi: said.vi, en: said.en } };
}
