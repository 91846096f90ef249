import { createHash } from 'node:crypto';
import { activeRules } from '../engine/check.js';
import { localize } from '../engine/messages.js';
import type { Finding, Place, Severity, SuppressedFinding } from '../engine/types.js';
import { columnIndex } from '../read/types.js';
import type { CompiledRule } from '../rules/load.js';
import { cite, type Documents } from '../rules/citation.js';
import { VERSION } from '../version.js';
import type { Formatter } from './types.js';
import { cellRef } from './place.js';
import { stringifyAround } from './json-pieces.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A path as given on the command line as a URI reference: forward slashes, each segment
 * percent-encoded (Vietnamese names, spaces, `#`), and a drive letter made a file: URI, since
 * "C:/…" would read as a URI whose scheme is "C".
 */
export function pathToUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(slashed);
  const encoded = slashed
    .split('/')
    .map((seg, i) => (drive && i === 0 ? seg : encodeURIComponent(seg)))
    .join('/');
  return drive ? `file:///${encoded}` : encoded;
}

function location(p: Place & { group?: string }) {
  const name = cellRef(p);
  return {
    physicalLocation: {
      artifactLocation: { uri: pathToUri(p.file) },
      ...(p.row !== undefined ? { region: { startLine: p.row, ...(p.column ? { startColumn: columnIndex(p.column) } : {}) } } : {}),
    },
    ...(name ? { logicalLocations: [{ name, kind: p.row !== undefined ? 'element' : 'resource' }] } : {}),
  };
}

/** Stable across runs and machines as long as the finding stays at its place, so code scanning can track it. */
function fingerprint(f: Finding): string {
  const key = [f.ruleId, f.file.replace(/\\/g, '/'), f.sheet ?? '', f.row ?? '', f.column ?? '', f.row === undefined ? (f.group ?? '') : ''].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

function descriptor(c: CompiledRule, severity: Severity, lang: 'vi' | 'en', documents: Documents) {
  const { rule } = c;
  const title = localize(rule.title, lang);
  const doc = rule.doc ? localize(rule.doc, lang) : '';
  // The help names the document cited ("004 §III.3.a — Kế hoạch …"); properties.source keeps the citation as written.
  const source = `${lang === 'vi' ? 'Căn cứ' : 'Source'}: ${cite(rule.source, documents, lang)}`;
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: title },
    fullDescription: { text: doc || title },
    help: { text: [source, doc].filter(Boolean).join('\n\n') },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { source: rule.source, tags: [c.pack, ...rule.tags] },
  };
}

/**
 * SARIF 2.1.0, for code-scanning dashboards: every rule in force as a reporting descriptor, every
 * finding as a result at its file, Excel row and column, with the cell as a logical location.
 */
export const sarif: Formatter = (result, ctx) => {
  const rules = activeRules(ctx.ruleSet, ctx.profiles ?? [], ctx.severity).map((a) => descriptor(a.compiled, a.severity, ctx.lang, ctx.ruleSet.documents));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // Accepted findings are results too, marked as suppressed: a dashboard shows them as dismissed, with the reason.
  const accepted = result.suppressed?.findings ?? [];
  const all = accepted.length ? [...result.findings, ...accepted] : result.findings;
  // A finding from a rule not listed (an engine finding) still gets a descriptor to point at.
  for (const f of all) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, rules.length);
      rules.push({ id: f.ruleId, name: f.ruleId, shortDescription: { text: f.ruleId }, fullDescription: { text: f.ruleId }, help: { text: f.source }, defaultConfiguration: { level: LEVEL[f.severity] }, properties: { source: f.source, tags: [] } });
    }
  }
  const resultOf = (f: Finding) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId)!,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f)],
    ...(f.related?.length ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r) })) } : {}),
    partialFingerprints: { 'hosoFinding/v1': fingerprint(f) },
    properties: { source: f.source, ...(f.value !== undefined ? { value: f.value } : {}), ...(f.group !== undefined ? { group: f.group } : {}) },
  });
  // A SARIF suppression kept outside the dossier, in a file of its own: "external".
  const suppressedOf = (f: SuppressedFinding) => ({ ...resultOf(f), suppressions: [{ kind: 'external', ...(f.reason ? { justification: f.reason } : {}) }] });
  const n = result.findings.length;
  const log = (results: unknown[]) => ({
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'hoso', version: VERSION, rules } },
        invocations: [
          {
            executionSuccessful: result.inputErrors.length === 0,
            toolExecutionNotifications: result.inputErrors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(e.file) } } }],
              descriptor: { id: e.code },
            })),
          },
        ],
        // Last: the results are written one by one after the rest (stringifyAround).
        results,
      },
    ],
  });
  return stringifyAround(log, all, (f, i) => (i < n ? resultOf(f) : suppressedOf(f as SuppressedFinding)));
};
