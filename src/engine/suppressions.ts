/**
 * Reviewed exceptions, as ESLint's bulk suppressions: an entry of hoso-suppressions.json accepts
 * `count` findings of one rule about one nominee (or about one sheet, file or unit), with the
 * reason the Department gave. An entry names who a finding is about, never its row number, so a
 * row inserted above the nominee leaves it in force. Suppressions are matched on the findings of
 * a run after checking, so nothing of them enters the cache or the workers.
 */
import { cleanText } from '../normalize/text.js';
import type { Finding, SuppressedFinding } from './types.js';

export interface Suppression {
  ruleId: string;
  /** The file, relative to the suppressions file's folder, with forward slashes. */
  file: string;
  sheet?: string;
  /** For a finding on a nominee's row: the name as typed, the unit putting it forward, the column's letter. */
  nominee?: string;
  unit?: string;
  column?: string;
  /** For a finding about a sheet, a file or a group (a quota): the unit or group. */
  group?: string;
  count: number;
  reason: string;
}

/** What an entry says of the findings it accepts: all but how many and why. */
type Identity = Omit<Suppression, 'count' | 'reason'>;

/** Names compare case and spacing aside (NFC, single spaces, lower case); diacritics count: "An" is not "Ân". */
const loose = (s: string | undefined) => (s === undefined ? '' : cleanText(s).toLowerCase());

function keyOf(e: Identity): string {
  return [e.ruleId, e.file, e.sheet ?? '', e.column ?? '', loose(e.nominee), loose(e.unit), loose(e.group)].join('\u0000');
}

/** The entry that would accept a finding, its fields in the order the file shows them; `file` as the suppressions file names it. */
function identityOf(f: Finding, file: string): Identity {
  const id: Identity = { ruleId: f.ruleId, file };
  if (f.sheet !== undefined) id.sheet = f.sheet;
  if (f.row !== undefined) {
    if (f.nominee !== undefined) id.nominee = f.nominee;
    if (f.unit !== undefined) id.unit = f.unit;
    if (f.column !== undefined) id.column = f.column;
  } else if (f.group !== undefined) id.group = f.group;
  return id;
}

/** The findings by identity: how many of each, and the first one's identity. */
function tally(findings: Finding[], fileOf: (file: string) => string): { keys: string[]; found: Map<string, { n: number; id: Identity }> } {
  const keys: string[] = [];
  const found = new Map<string, { n: number; id: Identity }>();
  for (const f of findings) {
    const id = identityOf(f, fileOf(f.file));
    const key = keyOf(id);
    keys.push(key);
    const seen = found.get(key);
    if (seen) seen.n++;
    else found.set(key, { n: 1, id });
  }
  return { keys, found };
}

/** Entries of one identity written twice (by hand) made one: the counts added, the reasons kept. */
export function merged(entries: Suppression[]): Suppression[] {
  const out = new Map<string, Suppression>();
  for (const e of entries) {
    const key = keyOf(e);
    const first = out.get(key);
    if (!first) out.set(key, { ...e });
    else {
      first.count += e.count;
      if (e.reason && !first.reason.includes(e.reason)) first.reason = first.reason ? `${first.reason}; ${e.reason}` : e.reason;
    }
  }
  return [...out.values()];
}

export interface Applied {
  /** The findings no entry accepts, in their order: the run's problems. */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Per entry (of `merged` entries), how many findings of the run have its identity. */
  seen: number[];
}

/**
 * Sets apart the findings the entries accept. As in ESLint, when more findings have an entry's
 * identity than its count, none of them is accepted: which one is new cannot be told.
 */
export function applySuppressions(findings: Finding[], entries: Suppression[], fileOf: (file: string) => string): Applied {
  const { keys, found } = tally(findings, fileOf);
  const accepted = new Map<string, string>();
  const seen = entries.map((e) => {
    const key = keyOf(e);
    const n = found.get(key)?.n ?? 0;
    if (n > 0 && n <= e.count) accepted.set(key, e.reason);
    return n;
  });
  const out: Applied = { findings: [], suppressed: [], seen };
  findings.forEach((f, i) => {
    const reason = accepted.get(keys[i]);
    if (reason === undefined) out.findings.push(f);
    else out.suppressed.push({ ...f, reason });
  });
  return out;
}

/** How many accepted findings no longer occur in the files this run checked (`checked`, as entries name files). */
export function staleCount(entries: Suppression[], seen: number[], checked: Set<string>): number {
  let stale = 0;
  entries.forEach((e, i) => {
    if (checked.has(e.file) && seen[i] < e.count) stale += e.count - seen[i];
  });
  return stale;
}

/** `--prune-suppressions`: what no longer occurs in the files checked taken out; entries of other files kept as they are. */
export function pruned(entries: Suppression[], seen: number[], checked: Set<string>): Suppression[] {
  return entries.flatMap((e, i) => (!checked.has(e.file) || seen[i] >= e.count ? [e] : seen[i] === 0 ? [] : [{ ...e, count: seen[i] }]));
}

/** `--suppress`: every finding of the run accepted; the entries already written keep their reasons, new ones have "" to fill. */
export function suppressAll(entries: Suppression[], findings: Finding[], fileOf: (file: string) => string): Suppression[] {
  const out = entries.map((e) => ({ ...e }));
  const at = new Map(out.map((e, i) => [keyOf(e), i]));
  for (const [key, { n, id }] of tally(findings, fileOf).found) {
    const i = at.get(key);
    if (i === undefined) out.push({ ...id, count: n, reason: '' });
    else out[i].count = Math.max(out[i].count, n);
  }
  return sorted(out);
}

/** In the order of the file: by file, sheet, nominee, rule and column, so that a rewrite changes only what changed. */
function sorted(entries: Suppression[]): Suppression[] {
  const sortKey = (e: Suppression) => [e.file, e.sheet ?? '', e.group ?? '', e.nominee ?? '', e.unit ?? '', e.ruleId, (e.column ?? '').padStart(3, ' ')];
  const keys = new Map(entries.map((e) => [e, sortKey(e)]));
  return entries.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
}
