/**
 * The outcome of a check, shown as the command line says it: the summary and the verdict line,
 * the unreadable files with their one-line reasons, then the findings grouped by file and sheet.
 * A sheet's findings are drawn a page at a time, so that a dossier with tens of thousands of
 * findings is shown at once and the rest on demand.
 */
import type { Checked, Finding } from '../protocol.js';
import { append, el } from './dom.js';
import { say, type Lang } from './texts.js';

/** Findings drawn at first, and each time "show more" is pressed. */
export const PAGE_ROWS = 200;

export interface ResultActions {
  explain(ruleId: string): Promise<string | undefined>;
}

/** The findings of one file and sheet, in the report's order. */
interface Group {
  file: string;
  sheet?: string;
  findings: Finding[];
}

export function groupsOf(findings: Finding[]): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const f of findings) {
    const key = `${f.file}\u0000${f.sheet ?? ''}`;
    let g = byKey.get(key);
    if (!g) {
      g = { file: f.file, sheet: f.sheet, findings: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.findings.push(f);
  }
  return groups;
}

/** Where a finding is: its cell as Excel names it (E12), or the unit it is about in brackets. */
export function placeOf(f: Finding): string {
  if (f.column && f.row) return `${f.column}${f.row}`;
  if (f.row) return String(f.row);
  return f.group ? `[${f.group}]` : '';
}

export function renderResult(result: Checked, lang: Lang, actions: ResultActions): HTMLElement {
  const box = el('section', { id: 'result', 'data-exit-code': String(result.exitCode) });
  const summary = el('div', { id: 'summary' }, ...result.summary.map((line) => el('p', {}, line)));
  append(box, summary, el('p', { id: 'verdict', class: `verdict exit-${result.exitCode}` }, result.verdict));
  if (result.unreadable.length) {
    append(box, el('h2', {}, say('unreadable', lang)), el('ul', { id: 'unreadable' }, ...result.unreadable.map((u) => el('li', {}, `hoso: ${u.reason}`))));
  }
  const list = el('div', { id: 'findings' });
  if (result.report.findings.length === 0) append(list, el('p', { class: 'none' }, say('noFindings', lang)));
  let file: string | undefined;
  for (const g of groupsOf(result.report.findings)) {
    if (g.file !== file) append(list, el('h2', { class: 'file' }, g.file));
    file = g.file;
    append(list, group(g, lang, actions));
  }
  append(box, list);
  return box;
}

function group(g: Group, lang: Lang, actions: ResultActions): HTMLElement {
  const section = el('section', { class: 'sheet', 'data-file': g.file, 'data-sheet': g.sheet ?? '' });
  if (g.sheet !== undefined) append(section, el('h3', {}, `${g.file} › ${g.sheet}`));
  const head = el('tr', {}, ...(['cell', 'severity', 'nominee', 'value', 'message', 'rule', 'source', 'explain'] as const).map((k) => el('th', {}, say(k, lang))));
  const body = el('tbody');
  const table = el('table', { class: 'findings' }, el('thead', {}, head), body);
  const more = el('button', { type: 'button', class: 'more' });
  let shown = 0;
  const showMore = () => {
    const next = Math.min(g.findings.length, shown + PAGE_ROWS);
    for (; shown < next; shown++) append(body, row(g.findings[shown], lang, actions));
    more.textContent = `${say('more', lang)} (${say('shown', lang, { n: shown, t: g.findings.length })})`;
    more.hidden = shown >= g.findings.length;
  };
  more.addEventListener('click', showMore);
  showMore();
  append(section, table, more);
  return section;
}

function row(f: Finding, lang: Lang, actions: ResultActions): HTMLTableRowElement {
  const button = el('button', { type: 'button', class: 'explain' }, say('explain', lang));
  const tr = el(
    'tr',
    { class: `sev-${f.severity}` },
    el('td', { class: 'cell' }, placeOf(f)),
    el('td', { class: 'severity' }, say(f.severity, lang)),
    el('td', { class: 'nominee' }, f.nominee ?? ''),
    el('td', { class: 'value' }, f.value ?? ''),
    el('td', { class: 'message' }, f.message),
    el('td', { class: 'rule' }, f.ruleId),
    el('td', { class: 'source' }, f.source ?? ''),
    el('td', {}, button),
  );
  let open: HTMLTableRowElement | undefined;
  button.addEventListener('click', () => {
    if (open) {
      open.remove();
      open = undefined;
      button.textContent = say('explain', lang);
      return;
    }
    button.disabled = true;
    void actions.explain(f.ruleId).then((text) => {
      button.disabled = false;
      open = el('tr', { class: 'explanation' }, el('td', { colspan: '8' }, el('pre', {}, text ?? f.ruleId)));
      tr.after(open);
      button.textContent = say('hide', lang);
    });
  });
  return tr;
}
