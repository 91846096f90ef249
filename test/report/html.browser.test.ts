/**
 * `hoso report … -o file.html` in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core; no browser is ever downloaded): the page opens from file://, makes no request
 * beyond itself, draws its charts, filters and sorts its findings, and shows a nominee named like
 * a script as text. It runs in `npm run test:browser`, not in `npm test`; CI installs the
 * browser and runs both (.ci/run). Without the browser these tests fail, never skip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hoso, type Report } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const CHROMIUM = '/usr/bin/chromium';
const XSS = '<script>alert(1)</script>';

let tmp: string;
let browser: Browser;
let json: Report;
let page: Page;
const requests: string[] = [];
const dialogs: string[] = [];

async function openReport(file: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  p.on('request', (r) => requests.push(r.url()));
  p.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await p.goto(pathToFileURL(file).href);
  return p;
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the HTML report is tested in Debian's chromium (apt-get install -y --no-install-recommends chromium; .ci/run does it)`);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-html-'));
  json = JSON.parse((await hoso(['check', 'fixtures/vi-du', '-f', 'json'])).stdout) as Report;
  const out = path.join(tmp, 'bao-cao.html');
  expect((await hoso(['report', 'fixtures/vi-du', '-o', out])).code).toBe(1);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await openReport(out);
});
afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const visibleRows = (p: Page) => p.$$eval('#findings tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLTableRowElement).cells[4].textContent));
const ruleColumn = (p: Page) => p.$$eval('#findings tbody tr', (rows) => rows.map((r) => (r as HTMLTableRowElement).cells[4].textContent ?? ''));

describe('hoso report -o file.html, in Chromium', () => {
  it('is one page in the right language, with the summary of every unit', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.title()).toBe('Báo cáo tổng hợp hồ sơ đề nghị');
    const units = await page.$$eval('table.summary tbody tr', (rows) => rows.map((r) => (r as HTMLTableRowElement).cells[0].textContent));
    expect(units).toHaveLength(5);
    expect(units).toContain('UBND XÃ ĐẮK TƠ LUNG');
    expect(await page.$$eval('table.list tbody tr', (rows) => rows.length)).toBe(29);
  });

  it('draws bar charts as inline SVG, with a <title> and the fields named', async () => {
    const charts = await page.$$eval('svg', (svgs) => svgs.map((s) => ({ id: s.id, bars: s.querySelectorAll('rect').length, title: s.querySelector(':scope > title')?.textContent, text: s.textContent })));
    expect(charts.map((c) => c.id)).toEqual(['chart-fields', 'chart-units', 'chart-pass']);
    for (const c of charts) {
      expect(c.bars).toBeGreaterThan(0);
      expect(c.title).toBeTruthy();
    }
    expect(charts[0].bars).toBe(9); // nine fields among the 29 nominees
    expect(charts[0].text).toContain('Giáo dục và đào tạo');
    expect(charts[0].text).toContain('Sản xuất, kinh doanh');
    expect(charts[1].text).toContain('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    // Each bar says what it counts when hovered.
    expect(await page.$eval('#chart-fields rect title', (t) => t.textContent)).toMatch(/: \d+$/);
  });

  it('filters the findings by text and by severity', async () => {
    expect(await visibleRows(page)).toHaveLength(json.findings.length);
    await page.fill('#filter', 'trung-lap');
    const duplicates = json.findings.filter((f) => f.ruleId === 'chung/trung-lap');
    expect(duplicates.length).toBeGreaterThan(0);
    expect(await visibleRows(page)).toEqual(duplicates.map((f) => f.ruleId));
    expect(await page.textContent('#shown')).toBe(String(duplicates.length));
    await page.fill('#filter', '');
    await page.selectOption('#severity', 'warning');
    expect(await visibleRows(page)).toHaveLength(0);
    await page.selectOption('#severity', 'error');
    expect(await visibleRows(page)).toHaveLength(json.findings.length);
    await page.selectOption('#severity', '');
  });

  it('sorts the findings when a header is clicked, and back when clicked again', async () => {
    const before = await ruleColumn(page);
    const header = page.locator('#findings thead th').nth(4);
    await header.click();
    const ascending = await ruleColumn(page);
    expect(ascending).not.toEqual(before);
    expect(ascending).toEqual([...before].sort((a, b) => a.localeCompare(b, 'vi')));
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await header.click();
    expect(await ruleColumn(page)).toEqual([...ascending].reverse());
  });

  it('takes a screenshot', async () => {
    const shot = path.join(os.tmpdir(), `hoso-report-${process.pid}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    const png = fs.readFileSync(shot);
    expect(png.length).toBeGreaterThan(1000);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    if (!process.env.HOSO_KEEP_SCREENSHOT) fs.rmSync(shot);
  });

  it('shows a nominee named like a script as text, and runs no script of a dossier', async () => {
    const dir = path.join(tmp, 'xss');
    fs.mkdirSync(dir);
    const csv = fs.readFileSync('fixtures/vi-du/xa-dak-pne-tong-hop.csv', 'utf8');
    fs.writeFileSync(path.join(dir, 'xa.csv'), csv.replace('Làng Kon Pao', XSS).replace('Xã Đắk Pne;UBND xã Đắk Pne', 'Xã Đắk Pne;UBND <b>xã</b> "Đắk" Pne'));
    const out = path.join(dir, 'bao-cao.html');
    await hoso(['report', dir, '-o', out]);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).not.toContain(XSS);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const p = await openReport(out);
    expect(await p.$$eval('script', (s) => s.length)).toBe(1);
    expect(await p.$$eval('b', (b) => b.length)).toBe(0);
    expect(await p.$$eval('table.list td', (tds) => tds.some((td) => td.textContent === '<script>alert(1)</script>'))).toBe(true);
    expect(await p.$$eval('table.summary td', (tds) => tds.some((td) => td.textContent === 'UBND <b>xã</b> "Đắk" Pne'))).toBe(true);
    expect(dialogs).toEqual([]);
    await p.close();
  });

  it('speaks English with --lang en', async () => {
    const out = path.join(tmp, 'report.html');
    await hoso(['report', 'fixtures/vi-du', '--lang', 'en', '-o', out]);
    const p = await openReport(out);
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    expect(await p.$$eval('h2', (h) => h.map((e) => e.textContent))).toEqual(['Summary', 'Nominees', 'Findings']);
    expect(await p.$eval('#chart-fields', (s) => s.textContent)).toContain('Education and training');
    await p.close();
  });

  it('made no request beyond the file itself', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url).toMatch(/^(file|data):/);
  });
});
