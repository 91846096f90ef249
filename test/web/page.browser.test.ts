/**
 * The offline page (`hoso web`, dist/web/hoso.html) in a real headless Chromium (Debian's
 * `chromium`, driven by playwright-core): opened from file:// with every request that is not the
 * page itself refused, it gives for every fixture the JSON report `hoso check --format json`
 * gives for the same files, the same one-line reasons for the files it cannot read, and the same
 * summary and verdict. The files go through the page's file input as an officer chooses them, a
 * folder through its folder input, a batch per folder of fixtures (files named on the command
 * line from inside that folder, so both name them alike; a config found above is baked into the
 * page by `hoso web` there; fixtures/history's past decisions, which the page does not take yet,
 * are left out of both). The annotated copies and the batch
 * reports it offers are, part for part, those `--annotate` and `hoso report` write. It runs in
 * `npm run test:browser`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readZip } from '../../scripts/fixture-kit/zip.js';
import { FIXTURES, ROOT, hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const CHROMIUM = '/usr/bin/chromium';
const SHIPPED = path.join(ROOT, 'dist', 'web', 'hoso.html');
const CONFIG = 'hoso.config.yaml';

/** Files checked together: named from `cwd` (or one folder, walked), with the profiles in force. */
interface Batch {
  name: string;
  cwd: string;
  files: string[];
  folder?: boolean;
  profiles: string[];
}

/** Every folder of fixtures/ with its files as one batch; fixtures/profiles/ split by the profiles each file is checked under. */
function batches(): Batch[] {
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, { profiles: string[] }>;
  const out: Batch[] = [];
  const visit = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const files = entries.filter((e) => e.isFile()).map((e) => e.name);
    const rel = path.relative(FIXTURES, dir).split(path.sep).join('/') || '.';
    const groups = new Map<string, string[]>();
    for (const f of files) {
      const key = (expected[`${rel}/${f}`]?.profiles ?? []).join(' ');
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const [key, names] of groups) out.push({ name: `${rel}${key ? ` --profile ${key}` : ''}`, cwd: dir, files: names, profiles: key ? key.split(' ') : [] });
    for (const e of entries) if (e.isDirectory()) visit(path.join(dir, e.name));
  };
  visit(FIXTURES);
  out.push({ name: 'vi-du as a folder', cwd: FIXTURES, files: ['vi-du'], folder: true, profiles: [] });
  return out;
}

/** A zip's parts by name, inflated: the page deflates with fflate, the CLI with Node's zlib. */
const zipParts = (zip: Buffer) => Object.fromEntries(readZip(zip).map((p) => [p.name, p.data.toString('latin1')]));

/** The config `check` finds from `dir` upward, as it looks for one: the page for that folder is baked with it. */
function configAbove(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, CONFIG))) return path.join(d, CONFIG);
    if (path.dirname(d) === d) return undefined;
  }
}

let tmp: string;
let browser: Browser;
let context: BrowserContext;
const requests: string[] = [];
const dialogs: string[] = [];
/** Errors the page or its worker logged (a policy violation is one) or threw. */
const errors: string[] = [];
/** The page open now, and which file it is: one at a time (a folder is chosen only in the page in front). */
let open: { file: string; page: Page } | undefined;
let baked = 0;

async function pageFor(file: string): Promise<Page> {
  if (open?.file !== file) {
    await open?.page.close();
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#profiles input, #profiles p');
    open = { file, page };
  }
  return open.page;
}

/**
 * A batch under a config that names past decision lists (fixtures/history): the page does not take
 * them yet (`hoso web` says so), so the page and the CLI check copies of its files in a folder of
 * their own, where no config holds, by the same names.
 */
function awayFromHistory(batch: Batch): Batch {
  const config = configAbove(batch.cwd);
  if (!config || !/^history:/m.test(fs.readFileSync(config, 'utf8'))) return batch;
  const cwd = fs.mkdtempSync(path.join(tmp, 'history-'));
  for (const f of batch.files) fs.copyFileSync(path.join(batch.cwd, f), path.join(cwd, f));
  // The config named as a file to check is the config again where it is copied: without its history.
  if (batch.files.includes(CONFIG)) {
    const rest = fs.readFileSync(config, 'utf8').replace(/^history:\n(?:[ #].*\n|\n)*/m, '');
    fs.writeFileSync(path.join(cwd, CONFIG), /^[\w-]+:/m.test(rest) ? rest : `${rest}{}\n`);
  }
  return { ...batch, cwd };
}

/** The page baked for a batch: the shipped one, or one `hoso web` made where a config holds (as `check` finds it there). */
async function bakedFor(batch: Batch): Promise<string> {
  if (!configAbove(batch.cwd)) return SHIPPED;
  const out = path.join(tmp, `page-${baked++}-${path.basename(batch.cwd)}.html`);
  if (!fs.existsSync(out)) {
    const made = await hoso(['web', '-o', out], { cwd: batch.cwd });
    expect(made.code, made.stderr).toBe(0);
  }
  return out;
}

async function setProfiles(page: Page, wanted: string[]): Promise<void> {
  for (const box of await page.$$('#profiles input[type=checkbox]')) {
    const want = wanted.includes((await box.getAttribute('value')) ?? '');
    if ((await box.isChecked()) !== want) await box.click();
  }
}

interface Outcome {
  json: unknown;
  reasons: string[];
  /** The stylish report's last paragraph: the summary lines and the verdict. */
  ending: string[];
}

/** Chooses the batch's files in the page and reads what it shows and the JSON it downloads. */
async function inPage(page: Page, batch: Batch): Promise<Outcome> {
  await setProfiles(page, batch.profiles);
  const given = batch.files.map((f) => path.join(batch.cwd, f));
  const input = batch.folder ? '#folder' : '#files';
  const before = await page.getAttribute('body', 'data-started');
  // Emptied first: an input given the files it already holds changes nothing, and starts no check.
  if (!batch.folder) await page.setInputFiles(input, []);
  await page.setInputFiles(input, batch.folder ? given[0] : given);
  const run = await page.getAttribute('body', 'data-started');
  expect(run).not.toBe(before);
  await page.waitForSelector(`#result[data-run="${run}"]`, { timeout: 200_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const json = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as unknown;
  const reasons = await page.$$eval('#unreadable li', (items) => items.map((i) => i.textContent ?? ''));
  const ending = await page.$$eval('#summary p, #verdict', (lines) => lines.map((l) => l.textContent ?? ''));
  return { json, reasons, ending };
}

/** `hoso check` on the same files from the batch's folder: its JSON, its reasons on stderr, the end of its stylish report. */
async function onCli(batch: Batch): Promise<Outcome & { code: number | null }> {
  const stylish = path.join(tmp, 'stylish.txt');
  const run = await hoso(['check', ...batch.files, ...batch.profiles.flatMap((p) => ['--profile', p]), '-f', 'stylish', '-o', stylish, '-f', 'json'], { cwd: batch.cwd });
  const paragraphs = fs.readFileSync(stylish, 'utf8').trimEnd().split('\n\n');
  return {
    code: run.code,
    json: JSON.parse(run.stdout) as unknown,
    reasons: run.stderr.split('\n').filter(Boolean),
    ending: paragraphs[paragraphs.length - 1].split('\n'),
  };
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the page is tested in Debian's chromium (apt-get install -y --no-install-recommends chromium; .ci/run does it)`);
  }
  if (!fs.existsSync(SHIPPED)) throw new Error(`${SHIPPED} is missing: npm run build makes it`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-web-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  await context.setOffline(true);
  // Every request that is not the page itself, a blob it made or inline data is refused and counted.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|blob|data):/.test(url)) return route.continue();
    requests.push(url);
    return route.abort();
  });
  context.on('request', (r) => {
    if (!/^(file|blob|data):/.test(r.url())) requests.push(r.url());
  });
});

afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the offline page gives the verdict `hoso check` gives', () => {
  for (const given of batches()) {
    it(`${given.name}: the same JSON report, unreadable files' reasons, summary and verdict`, async () => {
      const batch = awayFromHistory(given);
      const page = await pageFor(await bakedFor(batch));
      const [shown, cli] = [await inPage(page, batch), await onCli(batch)];
      expect(shown.json).toEqual(cli.json);
      expect(shown.reasons).toEqual(cli.reasons);
      expect(shown.ending).toEqual(cli.ending);
      // The exit code the CLI gives is the one the page's verdict states.
      expect(shown.ending[shown.ending.length - 1]).toMatch(new RegExp(`mã thoát ${cli.code}$`));
    });
  }

  const named = (dir: string): Batch => ({ name: dir, cwd: path.join(FIXTURES, dir), files: fs.readdirSync(path.join(FIXTURES, dir)).sort(), profiles: [] });
  const outputs: [string, Batch][] = [
    ["vi-du's files chosen", named('vi-du')],
    ['vi-du as a folder', { name: 'vi-du', cwd: FIXTURES, files: ['vi-du'], folder: true, profiles: [] }],
    // Charts, pictures, notes, threaded comments, validations, hidden sheets…: kept as the CLI keeps them.
    ["fidelity's workbooks chosen", named('fidelity')],
  ];
  for (const [what, batch] of outputs) {
    it(`gives the annotated copies and batch reports --annotate and hoso report write: ${what}`, async () => {
      // A page opened afresh: Chromium holds back a page's downloads once it has made many.
      await open?.page.close();
      open = undefined;
      const page = await pageFor(SHIPPED);
      await inPage(page, batch);
      const out = fs.mkdtempSync(path.join(tmp, 'copies-'));
      const cli = await hoso(['check', ...batch.files, '--annotate', out], { cwd: batch.cwd });
      expect(cli.code).toBe(1);
      const cliCopies = fs.readdirSync(out).sort();
      // Every dossier's copy, a CSV's a workbook.
      expect(cliCopies).toEqual(fs.readdirSync(path.join(FIXTURES, batch.name)).map((f) => f.replace(/\.csv$/, '.xlsx')).sort());
      await page.click('#make-copies');
      await page.waitForSelector('#copies a.copy');
      const links = await page.$$('#copies a.copy');
      expect(await Promise.all(links.map((l) => l.textContent()))).toEqual(cliCopies);
      for (const link of links) {
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const name = (await link.textContent())!;
        expect(download.suggestedFilename()).toBe(name);
        expect(zipParts(fs.readFileSync((await download.path())!)), name).toEqual(zipParts(fs.readFileSync(path.join(out, name))));
      }
      for (const format of ['xlsx', 'html'] as const) {
        const file = path.join(out, `bao-cao.${format}`);
        expect((await hoso(['report', ...batch.files, '-o', file], { cwd: batch.cwd })).code).toBe(1);
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#download-report-${format}`)]);
        expect(download.suggestedFilename()).toBe(`bao-cao.${format}`);
        const made = fs.readFileSync((await download.path())!);
        if (format === 'html') expect(made.toString('utf8')).toBe(fs.readFileSync(file, 'utf8'));
        else expect(zipParts(made)).toEqual(zipParts(fs.readFileSync(file)));
      }
    });
  }

  it('checks files dropped on it as it checks them chosen', async () => {
    const page = await pageFor(SHIPPED);
    const dir = path.join(FIXTURES, 'vi-du');
    const files = fs.readdirSync(dir).sort();
    const before = await page.getAttribute('body', 'data-started');
    // A drop as the browser hands it: a DataTransfer holding the files.
    const contents = files.map((f) => ({ name: f, bytes: [...fs.readFileSync(path.join(dir, f))] }));
    await page.evaluate((dropped) => {
      const transfer = new DataTransfer();
      for (const f of dropped) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name));
      document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, contents);
    await page.waitForFunction((b) => document.body.dataset.started !== b, before);
    const run = await page.getAttribute('body', 'data-started');
    await page.waitForSelector(`#result[data-run="${run}"]`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    const cli = await hoso(['check', ...files, '-f', 'json'], { cwd: dir });
    expect(JSON.parse(fs.readFileSync((await download.path())!, 'utf8'))).toEqual(JSON.parse(cli.stdout));
  });

  it('switches to English: the words, the findings and the verdict as `hoso check --lang en` says them', async () => {
    const page = await pageFor(SHIPPED);
    const batch: Batch = { name: 'vi-du', cwd: path.join(FIXTURES, 'vi-du'), files: fs.readdirSync(path.join(FIXTURES, 'vi-du')).sort(), profiles: [] };
    await inPage(page, batch);
    await page.click('#lang');
    const run = await page.getAttribute('body', 'data-started');
    await page.waitForSelector(`#result[data-run="${run}"]`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#download-json')).toBe('Download JSON report');
    const cli = await hoso(['check', ...batch.files, '--lang', 'en'], { cwd: batch.cwd });
    const lines = cli.stdout.trimEnd().split('\n');
    expect(await page.textContent('#verdict')).toBe(lines[lines.length - 1]);
    const messages = await page.$$eval('#findings td.message', (cells) => cells.map((c) => c.textContent));
    expect(messages).toHaveLength(10);
    for (const m of messages) expect(cli.stdout).toContain(m!);
    await page.click('#lang');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('explains a finding’s rule on demand with what `hoso explain` prints', async () => {
    const page = await pageFor(SHIPPED);
    // Its own check, waited for: a page still checking again (in the language a test before left
    // it in) would replace the findings, with the explanation opened in them.
    await inPage(page, { name: 'vi-du', cwd: path.join(FIXTURES, 'vi-du'), files: fs.readdirSync(path.join(FIXTURES, 'vi-du')).sort(), profiles: [] });
    const rule = (await page.textContent('#findings td.rule'))!;
    await page.click('#findings button.explain');
    const shown = await page.waitForSelector('#findings tr.explanation pre');
    const cli = await hoso(['explain', rule]);
    expect(cli.code).toBe(0);
    expect((await shown.textContent())!.trimEnd()).toBe(cli.stdout.trimEnd());
  });

  it('shows a dossier’s text as text: a name written as markup makes no element and runs nothing', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'markup-'));
    const name = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const rows = ['STT,Họ và tên,Đối tượng,Lĩnh vực,Đơn vị công tác,Tóm tắt thành tích,Hình thức đề nghị', `1,"${name}",Cá nhân,Giáo dục,,Như trên,Giấy khen`];
    fs.writeFileSync(path.join(dir, `${name.replace(/[<>/]/g, '_')}.csv`), rows.join('\n') + '\n');
    const page = await pageFor(SHIPPED);
    const batch: Batch = { name: 'markup', cwd: dir, files: fs.readdirSync(dir), profiles: [] };
    const [shown, cli] = [await inPage(page, batch), await onCli(batch)];
    expect(shown.json).toEqual(cli.json);
    expect(await page.$$('#result img, #result script')).toHaveLength(0);
    const nominees = await page.$$eval('#findings td.nominee', (cells) => cells.map((c) => c.textContent));
    expect(nominees).toContain(name);
  });

  it('made no request beyond the page, its blobs and inline data, broke no rule of its policy, and ran no script from a dossier', () => {
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
