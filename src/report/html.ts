/**
 * The batch report as one self-contained HTML page: no network, no external script, font or
 * stylesheet (a Content-Security-Policy forbids them too). The summary and bar charts drawn as
 * inline SVG, then the consolidated list and the findings, which a small inline script draws a
 * page at a time from JSON data the page carries, filters (text, status or severity, unit) and
 * sorts (click a header) over every row. Every text from a dossier is escaped: as HTML where the
 * page is HTML, as script-safe JSON in the data.
 */
import type { Lang } from '../engine/types.js';
import { xmlReplaced } from '../format/xml-text.js';
import type { Severity } from '../engine/types.js';
import { SCRIPT } from './html-script.js';
import type { ReportModel } from './model.js';
import { findingCells, listCells, mapped, summaryHeaders, summaryTotal, unitCounts, type Cell } from './tables.js';
import { FINDING_HEADERS, LIST_HEADERS, say, statusText, type Status, type TextKey } from './texts.js';
import { Interned } from '../arrays.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/**
 * Escapes text for an element's content or a quoted attribute; a character no page may hold (a
 * control character, a lone surrogate) is replaced, so that the inline SVG stays well-formed too.
 */
export const esc = (v: unknown): string => xmlReplaced(String(v ?? '')).replace(/[&<>"']/g, (c) => ENTITIES[c]);

interface Bar {
  label: string;
  /** Stacked segments, drawn left to right. */
  parts: { value: number; cls: string; name: string }[];
}

const ROW_H = 26;
const LABEL_W = 250;
const BAR_W = 280;

/** A horizontal bar chart: a bar per label, its value written after it, each bar with a <title>. */
export function barChart(id: string, title: string, bars: Bar[]): string {
  // A loop, not Math.max(...): a report of many units would overflow the stack.
  let max = 1;
  for (const b of bars) max = Math.max(max, b.parts.reduce((s, p) => s + p.value, 0));
  const height = bars.length * ROW_H + 10;
  const rows = bars.map((b, i) => {
    const y = 5 + i * ROW_H;
    let x = LABEL_W;
    const rects = b.parts
      .filter((p) => p.value > 0)
      .map((p) => {
        const w = (p.value / max) * BAR_W;
        const r = `<rect class="${p.cls}" x="${x.toFixed(1)}" y="${y + 3}" width="${Math.max(1, w).toFixed(1)}" height="${ROW_H - 8}"><title>${esc(`${b.label} — ${p.name}: ${p.value}`)}</title></rect>`;
        x += w;
        return r;
      });
    const total = b.parts.reduce((s, p) => s + p.value, 0);
    const label = b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label;
    return `<g><text x="${LABEL_W - 8}" y="${y + ROW_H / 2 + 4}" text-anchor="end">${esc(label)}</text>${rects.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + ROW_H / 2 + 4}">${esc(b.parts.length > 1 ? b.parts.map((p) => p.value).join(' / ') : total)}</text></g>`;
  });
  // A stacked chart says which colour is which.
  const legend = bars[0]?.parts.length > 1 ? ` ${bars[0].parts.map((p) => `<span class="key ${p.cls}"></span>${esc(p.name)}`).join(' ')}` : '';
  return `<figure><svg id="${esc(id)}" role="img" aria-labelledby="${esc(id)}-t" viewBox="0 0 ${LABEL_W + BAR_W + 80} ${height}" width="${LABEL_W + BAR_W + 80}" height="${height}"><title id="${esc(id)}-t">${esc(title)}</title>${rows.join('')}</svg><figcaption>${esc(title)}${legend}</figcaption></figure>`;
}

const table = (cls: string, headers: string[], rows: string[], foot = '') =>
  `<table class="${cls}" id="${cls}"><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody>${foot}</table>`;
const tds = (cells: unknown[]) => cells.map((c) => `<td>${esc(c)}</td>`).join('');

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #d8dde6;padding-bottom:4px}
.meta{color:#555;margin:0 0 12px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #d0d5de;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef1f6}tfoot td{font-weight:bold;background:#f6f7fa}
.list td,.findings td{white-space:pre-line}
td.bad,span.bad{color:#b3261e}td.good{color:#1b7a3a}td.warn{color:#8a5a00}
.list th,.findings th{cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
.charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;border:1px solid #e1e4ea;padding:8px;border-radius:6px}
figcaption{font-weight:600;text-align:center}svg text{font-size:12px;fill:#1d2330}
rect.n{fill:#3d6fb6}rect.ok,.key.ok{fill:#2e8b57;background:#2e8b57}rect.fail,.key.fail{fill:#c0392b;background:#c0392b}
.key{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px}
.controls,.pager{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:8px 0}.controls input{min-width:280px;padding:4px}
@media print{.controls,.pager{display:none}}
`;

/**
 * Text for a `<script type="application/json">` block: JSON with every character that could end
 * the block or open markup (`<`, `>`, `&`) and the line separators escaped, so that no text of a
 * dossier can close the script or become an element.
 */
export const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Distinct strings of a page's table written once each; past this many, the others are written in the rows. */
const POOL_STRINGS = 50_000;

interface DataShape {
  /** Columns whose text repeats (a unit, a file): written once in `strings`, a number in the rows. */
  interned: number[];
  /** The column of a status or severity, a number: its text and class. */
  code: number;
  labels: string[];
  classes: string[];
  /** More of the data, written after the rows (the list's units). */
  after?: () => Record<string, unknown>;
}

/**
 * A table's rows as JSON data for the page's script (see html-script.ts), in pieces: a row a
 * piece, so the page is written as its rows come and never held whole.
 */
function* dataBlock(id: string, rows: Iterable<Cell[]>, shape: DataShape): Generator<string> {
  const pool = new Interned();
  const interned = new Set(shape.interned);
  yield `<script type="application/json" id="${id}">{"rows":[`;
  let first = true;
  for (const row of rows) {
    const cells = row.map((v, c) => {
      if (typeof v !== 'string') return v ?? null;
      const text = xmlReplaced(v);
      if (!interned.has(c)) return text;
      const i = pool.find(text);
      return i >= 0 ? i : pool.values.length < POOL_STRINGS ? pool.of(text) : text;
    });
    yield `${first ? '' : ','}${scriptJson(cells)}`;
    first = false;
  }
  const rest = { strings: pool.values, interned: shape.interned, code: shape.code, labels: shape.labels, classes: shape.classes, ...shape.after?.() };
  yield `],${scriptJson(rest).slice(1)}</script>\n`;
}

const STATUS_CODE: Record<Status, number> = { ok: 0, warning: 1, error: 2 };
const STATUSES: Status[] = ['ok', 'warning', 'error'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Above a paged table: a text filter, a select of statuses or severities, maybe one of units, and how many rows match. */
function controls(name: string, L: (k: TextKey) => string, code: { label: TextKey; all: TextKey; options: string[] }, total: number, units: boolean): string {
  const options = code.options.map((o, i) => `<option value="${i}">${esc(o)}</option>`).join('');
  const unit = units ? `<label>${esc(L('unit'))} <select id="${name}-unit"><option value="">${esc(L('allUnits'))}</option></select></label>` : '';
  return (
    `<div class="controls"><label>${esc(L('filter'))} <input type="search" id="${name}-filter" autocomplete="off"></label>` +
    `<label>${esc(L(code.label))} <select id="${name}-code"><option value="">${esc(L(code.all))}</option>${options}</select></label>${unit}` +
    `<span><span id="${name}-shown">${total}</span> / ${total} ${esc(L('shown'))}</span></div>`
  );
}

const pager = (name: string, L: (k: TextKey) => string) =>
  `<nav class="pager"><button type="button" id="${name}-prev">${esc(L('previous'))}</button><span id="${name}-page"></span><button type="button" id="${name}-next">${esc(L('next'))}</button></nav>`;

/**
 * The page, in pieces: the summary and the charts first, drawn as HTML; then the list and the
 * findings as empty tables the script fills a page of rows at a time from the JSON data that ends
 * the page. A report of 100,000 nominees is a page of a few MB that draws 200 rows.
 */
export function* reportHtml(m: ReportModel): Generator<string> {
  const { lang } = m;
  const L = (k: TextKey) => say(k, lang);
  const quotaCell = (q: { met: boolean | undefined; text: string }) => `<td class="${q.met === false ? 'bad' : q.met ? 'good' : ''}">${esc(q.text)}</td>`;
  const summary = table(
    'summary',
    summaryHeaders(m),
    m.units.map((u) => `<tr>${tds(unitCounts(m, u))}${u.quotas.map(quotaCell).join('')}<td class="${u.errors ? 'bad' : ''}">${u.errors}</td><td class="${u.warnings ? 'warn' : ''}">${u.warnings}</td></tr>`),
    `<tfoot><tr>${tds(summaryTotal(m))}</tr></tfoot>`,
  );
  const charts = [
    barChart('chart-fields', L('byField'), m.fields.map((f) => ({ label: f.label, parts: [{ value: m.total.byField[f.id] ?? 0, cls: 'n', name: L('nominees') }] }))),
    barChart('chart-units', L('byUnit'), m.units.map((u) => ({ label: u.unit, parts: [{ value: u.nominees, cls: 'n', name: L('nominees') }] }))),
    barChart(
      'chart-pass',
      L('passFail'),
      m.units.map((u) => ({
        label: u.unit,
        parts: [
          { value: u.nominees - u.failed, cls: 'ok', name: L('ok') },
          { value: u.failed, cls: 'fail', name: L('failed') },
        ],
      })),
    ),
  ];
  yield `<!DOCTYPE html>
<html lang="${lang satisfies Lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(L('title'))}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(L('title'))}</h1>
<p class="meta">${esc(`${L('files')}: ${m.files} · ${L('nominees')}: ${m.total.nominees} · ${L('errors')}: ${m.total.errors} · ${L('warnings')}: ${m.total.warnings}`)}</p>
<h2>${esc(L('summary'))}</h2>
${summary}
<div class="charts">${charts.join('\n')}</div>
<h2>${esc(L('list'))}</h2>
${controls('list', L, { label: 'status', all: 'allStatuses', options: STATUSES.map((s) => statusText(s, lang)) }, m.total.nominees, true)}
${pager('list', L)}
${table('list', LIST_HEADERS.map(L), [])}
<h2>${esc(L('findings'))}</h2>
${controls('findings', L, { label: 'severity', all: 'allSeverities', options: SEVERITIES.map(L) }, m.findings.length, false)}
${pager('findings', L)}
${table('findings', FINDING_HEADERS.map(L), [])}
`;
  // The units to filter by, as the list names them (an empty one is "not given").
  const units = new Interned();
  const listRows = mapped(m.list(), (r) => {
    units.of(r.unit);
    const cells = listCells(r, lang);
    cells[LIST_STATUS] = STATUS_CODE[r.status];
    return cells;
  });
  yield* dataBlock('list-data', listRows, {
    interned: [1, 3, 4, 5, 6, 7, 8],
    code: LIST_STATUS,
    labels: STATUSES.map((s) => statusText(s, lang)),
    classes: ['good', 'warn', 'bad'],
    after: () => ({ units: units.values.map(xmlReplaced), unitColumn: 1, noUnit: L('noUnit') }),
  });
  const findingRows = mapped(m.findings, (f) => {
    const cells = findingCells(f, lang);
    cells[FINDING_SEVERITY] = SEVERITIES.indexOf(f.severity);
    return cells;
  });
  yield* dataBlock('findings-data', findingRows, { interned: [0, 1, 4, 7], code: FINDING_SEVERITY, labels: SEVERITIES.map(L), classes: ['bad', 'warn', ''] });
  yield `<script>${SCRIPT}</script>
</body>
</html>
`;
}

const LIST_STATUS = LIST_HEADERS.indexOf('status');
const FINDING_SEVERITY = FINDING_HEADERS.indexOf('severity');
