/**
 * The batch report as one self-contained HTML page: no network, no external script, font or
 * stylesheet (a Content-Security-Policy forbids them too). The summary, bar charts drawn as inline
 * SVG, the consolidated list, and the findings in a table a small inline script sorts (click a
 * header) and filters (a text box and a severity select). Every text from a dossier is escaped.
 */
import type { Lang } from '../engine/types.js';
import { xmlReplaced } from '../format/xml-text.js';
import { FINDING_HEADERS, findingCell, LIST_HEADERS, say, statusText, summaryHeaders, summaryTotal, unitCounts, type ReportModel, type TextKey } from './model.js';

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
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((s, p) => s + p.value, 0)));
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
td.bad,span.bad{color:#b3261e}td.good{color:#1b7a3a}td.warn{color:#8a5a00}
.findings th{cursor:pointer;user-select:none}.findings th[aria-sort=ascending]::after{content:" ▲"}.findings th[aria-sort=descending]::after{content:" ▼"}
.charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;border:1px solid #e1e4ea;padding:8px;border-radius:6px}
figcaption{font-weight:600;text-align:center}svg text{font-size:12px;fill:#1d2330}
rect.n{fill:#3d6fb6}rect.ok,.key.ok{fill:#2e8b57;background:#2e8b57}rect.fail,.key.fail{fill:#c0392b;background:#c0392b}
.key{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px}
.controls{display:flex;gap:12px;align-items:center;margin:8px 0}.controls input{min-width:280px;padding:4px}
@media print{.controls{display:none}}
`;

const SCRIPT = `
(function(){
  var table=document.getElementById('findings');if(!table)return;
  var body=table.tBodies[0],text=document.getElementById('filter'),sev=document.getElementById('severity');
  function apply(){var q=text.value.trim().toLowerCase(),s=sev.value,n=0;
    Array.prototype.forEach.call(body.rows,function(r){var show=(!s||r.getAttribute('data-severity')===s)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);r.hidden=!show;if(show)n++;});
    document.getElementById('shown').textContent=String(n);}
  text.addEventListener('input',apply);sev.addEventListener('change',apply);
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){th.tabIndex=0;
    function sort(){var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(o){o.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir>0?'ascending':'descending');
      var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent,nx=Number(x),ny=Number(y);
        var c=(x!==''&&y!==''&&!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,document.documentElement.lang);
        return c*dir||(a.getAttribute('data-i')-b.getAttribute('data-i'));});
      rows.forEach(function(r){body.appendChild(r);});}
    th.addEventListener('click',sort);th.addEventListener('keydown',function(e){if(e.key==='Enter')sort();});});
})();
`;

export function reportHtml(m: ReportModel): string {
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
  const list = table(
    'list',
    LIST_HEADERS.map(L),
    m.list.map((r) => `<tr>${tds([r.stt, r.unit, r.name, r.kindLabel, r.fieldLabel, r.movement, r.award, r.file, r.sheet, r.row])}<td class="${r.status === 'error' ? 'bad' : r.status === 'warning' ? 'warn' : 'good'}">${esc(statusText(r.status, lang))}</td><td>${r.messages.map(esc).join('<br>')}</td></tr>`),
  );
  const severities = ['error', 'warning', 'info'] as const;
  const findings = table(
    'findings',
    FINDING_HEADERS.map(L),
    m.findings.map((f, i) => `<tr data-i="${i}" data-severity="${f.severity}">${tds([f.file, f.sheet, findingCell(f), L(f.severity), f.ruleId, f.message, f.value, f.source])}</tr>`),
  );
  const controls = `<div class="controls"><label>${esc(L('filter'))} <input type="search" id="filter" autocomplete="off"></label><label>${esc(L('severity'))} <select id="severity"><option value="">${esc(L('allSeverities'))}</option>${severities.map((s) => `<option value="${s}">${esc(L(s))}</option>`).join('')}</select></label><span><span id="shown">${m.findings.length}</span> / ${m.findings.length}</span></div>`;
  return `<!DOCTYPE html>
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
${list}
<h2>${esc(L('findings'))}</h2>
${controls}
${findings}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
