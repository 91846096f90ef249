/**
 * The offline page: choose or drop dossiers, pick the profiles in force, and see what `hoso check`
 * says of them — run by the same engine in a Web Worker (worker-client.ts). Everything the page
 * shows from a file is set as text (dom.ts).
 */
import type { Baked } from '../../cli/web-page.js';
import type { Checked, GivenFile, NamedBytes, Reply } from '../protocol.js';
import { append, clear, download, el } from './dom.js';
import { fromDrop, fromInput } from './files.js';
import { renderResult } from './results.js';
import { say, type Lang } from './texts.js';
import { EngineWorker } from './worker-client.js';

const dataOf = <T>(id: string): T => JSON.parse(document.getElementById(id)!.textContent!) as T;

const baked = dataOf<Baked>('hoso-baked');
const engine = new EngineWorker(dataOf<string>('hoso-engine'));

const state = {
  lang: baked.lang,
  profiles: new Set(baked.profiles),
  files: [] as GivenFile[],
  result: undefined as Checked | undefined,
  /** The check whose answer is awaited: an older one's answer is dropped. */
  running: 0,
};

const app = document.getElementById('app')!;
const langButton = el('button', { type: 'button', id: 'lang' });
const heading = el('h1');
const intro = el('p', { class: 'intro' });
const filesInput = el('input', { type: 'file', id: 'files', multiple: '', accept: '.xlsx,.xlsm,.csv,.tsv,.txt' });
const folderInput = el('input', { type: 'file', id: 'folder', webkitdirectory: '', multiple: '' });
const filesLabel = el('label', { for: 'files', class: 'button' });
const folderLabel = el('label', { for: 'folder', class: 'button' });
const dropText = el('span');
const drop = el('div', { id: 'drop' }, filesInput, filesLabel, folderInput, folderLabel, dropText);
const profilesTitle = el('h2');
const profilesBox = el('div', { id: 'profiles' });
const progress = el('progress', { id: 'progress', max: '1', value: '0' });
const status = el('p', { id: 'status', role: 'status' });
const jsonButton = el('button', { type: 'button', id: 'download-json' });
const copiesButton = el('button', { type: 'button', id: 'make-copies' });
const xlsxButton = el('button', { type: 'button', id: 'download-report-xlsx' });
const htmlButton = el('button', { type: 'button', id: 'download-report-html' });
const actions = el('div', { id: 'downloads', class: 'actions' }, jsonButton, copiesButton, xlsxButton, htmlButton);
const copiesBox = el('section', { id: 'copies' });
const output = el('div', { id: 'output' });
append(app, el('header', {}, heading, langButton), intro, drop, el('section', { id: 'profiles-section' }, profilesTitle, profilesBox), progress, status, actions, copiesBox, output);

/** The blob: URLs of the copies offered, let go when the check they came from is replaced. */
let copyUrls: string[] = [];
/** The copies and reports of the files checked, made once when first asked for (one more pass over the files). */
let outputs: Promise<Reply> | undefined;

function applyLang(): void {
  const L = state.lang;
  document.documentElement.lang = L;
  document.title = say('title', L);
  heading.textContent = say('title', L);
  intro.textContent = say('intro', L);
  langButton.textContent = say('otherLang', L);
  filesLabel.textContent = say('chooseFiles', L);
  folderLabel.textContent = say('chooseFolder', L);
  dropText.textContent = say('drop', L);
  profilesTitle.textContent = say('profiles', L);
  jsonButton.textContent = say('downloadJson', L);
  copiesButton.textContent = say('downloadCopies', L);
  xlsxButton.textContent = say('reportXlsx', L);
  htmlButton.textContent = say('reportHtml', L);
}

async function showProfiles(): Promise<void> {
  const reply = await engine.ask({ kind: 'profiles', baked, lang: state.lang });
  clear(profilesBox);
  if (reply.kind !== 'profiles') {
    append(profilesBox, el('p', { class: 'failed' }, reply.kind === 'failed' ? reply.message : ''));
    return;
  }
  if (reply.profiles.length === 0) append(profilesBox, el('p', {}, say('noProfiles', state.lang)));
  for (const p of reply.profiles) {
    const box = el('input', { type: 'checkbox', value: p.id, id: `profile-${p.id}` });
    box.checked = state.profiles.has(p.id);
    box.addEventListener('change', () => {
      if (box.checked) state.profiles.add(p.id);
      else state.profiles.delete(p.id);
      void run();
    });
    append(profilesBox, el('label', { class: 'profile', for: box.id }, box, el('code', {}, p.id), ` — ${p.title}`));
  }
}

async function run(): Promise<void> {
  if (state.files.length === 0) return;
  const id = ++state.running;
  // The check under way, for whoever waits for its outcome (#result's data-run): the page's tests.
  document.body.dataset.started = String(id);
  const L = state.lang;
  // Without a value the bar moves on its own: a single large file is one step, told only when done.
  progress.removeAttribute('value');
  progress.hidden = false;
  status.textContent = say('checking', L);
  actions.hidden = true;
  clearCopies();
  const reply: Reply = await engine.ask({ kind: 'check', baked, files: state.files, profiles: [...state.profiles], lang: L }, (done, total) => {
    if (id !== state.running) return;
    if (done > 0) progress.value = done / total;
    status.textContent = `${say('checking', L)} ${done}/${total} ${say('filesRead', L)}`;
  });
  if (id !== state.running) return;
  progress.value = 1;
  clear(output);
  if (reply.kind !== 'checked') {
    state.result = undefined;
    status.textContent = `${say('failed', L)}: ${reply.kind === 'failed' ? reply.message : ''}`;
    return;
  }
  state.result = reply.result;
  status.textContent = '';
  progress.hidden = true;
  actions.hidden = false;
  const shown = renderResult(reply.result, L, { explain: explainRule });
  shown.dataset.run = String(id);
  output.appendChild(shown);
}

async function explainRule(ruleId: string): Promise<string | undefined> {
  const reply = await engine.ask({ kind: 'explain', baked, ruleId, lang: state.lang });
  return reply.kind === 'explained' ? reply.text : undefined;
}

function clearCopies(): void {
  for (const url of copyUrls) URL.revokeObjectURL(url);
  copyUrls = [];
  outputs = undefined;
  clear(copiesBox);
}

/** Offers what the worker made of the files checked (the copies, or a report), the button busy while it is made. */
async function make(button: HTMLButtonElement, kind: 'copies' | 'xlsx' | 'html'): Promise<void> {
  const L = state.lang;
  const label = button.textContent;
  button.disabled = true;
  button.textContent = say('making', L);
  outputs ??= engine.ask({ kind: 'outputs', baked, files: state.files, profiles: [...state.profiles], lang: L });
  const asked = outputs;
  const reply = await asked;
  button.disabled = false;
  button.textContent = label;
  // A newer check has replaced the one these were made for.
  if (asked !== outputs) return;
  if (reply.kind === 'failed') {
    outputs = undefined;
    status.textContent = `${say('failed', L)}: ${reply.message}`;
  } else if (reply.kind === 'outputs') {
    const made = reply.reports.find((r) => r.name.endsWith(`.${kind}`));
    if (kind === 'copies') showCopies(reply.copies, reply.failures);
    else if (made) download(made.name, made.data, kind === 'html' ? 'text/html' : XLSX);
  }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A link per copy, to save it; a copy that could not be made, with the line `--annotate` gives. */
function showCopies(copies: NamedBytes[], failures: { file: string; reason: string }[]): void {
  for (const url of copyUrls) URL.revokeObjectURL(url);
  copyUrls = [];
  clear(copiesBox);
  const list = el('ul');
  for (const c of copies) {
    const url = URL.createObjectURL(new Blob([c.data], { type: XLSX }));
    copyUrls.push(url);
    append(list, el('li', {}, el('a', { href: url, download: c.name, class: 'copy' }, c.name)));
  }
  for (const f of failures) append(list, el('li', { class: 'failed' }, `hoso: --annotate ${f.file}: ${f.reason}`));
  append(copiesBox, el('h2', {}, say('copies', state.lang)), list);
}

function choose(files: GivenFile[]): void {
  state.files = files;
  void run();
}

filesInput.addEventListener('change', () => filesInput.files && choose(fromInput(filesInput.files)));
folderInput.addEventListener('change', () => folderInput.files && choose(fromInput(folderInput.files)));
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (e.dataTransfer) void fromDrop(e.dataTransfer.items).then(choose);
});
langButton.addEventListener('click', () => {
  state.lang = state.lang === 'vi' ? 'en' : 'vi';
  applyLang();
  void showProfiles();
  void run();
});
copiesButton.addEventListener('click', () => void make(copiesButton, 'copies'));
xlsxButton.addEventListener('click', () => void make(xlsxButton, 'xlsx'));
htmlButton.addEventListener('click', () => void make(htmlButton, 'html'));
jsonButton.addEventListener('click', () => {
  if (!state.result) return;
  download('hoso-bao-cao.json', JSON.stringify(state.result.report, null, 2) + '\n', 'application/json');
});

progress.hidden = true;
actions.hidden = true;
applyLang();
void showProfiles();
