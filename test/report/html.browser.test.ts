/**
 * `hoso report … -o file.html` in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core; no browser is ever downloaded): the page opens from file://, makes no request
 * beyond itself, draws its charts, draws its long tables a page of rows at a time, filters and
 * sorts over every row, and shows a nominee named like a script as text. It runs in `npm run test:browser`, not in `npm test`; CI installs the
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

const IMG = '<img src=x onerror=alert(2)>';
let long: string | undefined;

/**
 * A report of 450 nominees (three pages of the list): in three units, every 100th without a unit
 * of work (an error), nominee 420 named like an element that runs a script.
 */
async function longReport(): Promise<string> {
  if (long) return long;
  const dir = path.join(tmp, 'long');
  fs.mkdirSync(dir);
  const lines = ['STT,Họ và tên,Đối tượng,Lĩnh vực,Đơn vị công tác,Đơn vị đề nghị,Tóm tắt thành tích,Hình thức đề nghị'];
  for (let i = 1; i <= 450; i++) {
    lines.push([i, i === 420 ? IMG : `Người ${i}.`, 'Cá nhân', 'Giáo dục', i % 100 ? `Trường ${i}` : '', `UBND xã ${'ABC'[i % 3]}`, `Sáng kiến số ${i} được công nhận`, 'Giấy khen'].join(','));
  }
  fs.writeFileSync(path.join(dir, 'ds.csv'), lines.join('\n') + '\n');
  const out = path.join(dir, 'bao-cao.html');
  expect((await hoso(['report', dir, '-o', out])).code).toBe(1);
  long = out;
  return out;
}

const visibleRows = (p: Page) => p.$$eval('#findings tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLTableRowElement).cells[4].textContent));
const ruleColumn = (p: Page) => p.$$eval('#findings tbody tr', (rows) => rows.map((r) => (r as HTMLTableRowElement).cells[4].textContent ?? ''));

describe('hoso report -o file.html, in Chromium', () => {
  it('is one page in the right language, with the summary of every unit', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.title()).toBe('Báo cáo tổng hợp hồ sơ đề nghị');
    // The policy stays strict: nothing from elsewhere, the page's own style and script only.
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toBe("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
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
    await page.fill('#findings-filter', 'trung-lap');
    const duplicates = json.findings.filter((f) => f.ruleId === 'chung/trung-lap');
    expect(duplicates.length).toBeGreaterThan(0);
    expect(await visibleRows(page)).toEqual(duplicates.map((f) => f.ruleId));
    expect(await page.textContent('#findings-shown')).toBe(String(duplicates.length));
    await page.fill('#findings-filter', '');
    await page.selectOption('#findings-code', { label: 'cảnh báo' });
    expect(await visibleRows(page)).toHaveLength(0);
    await page.selectOption('#findings-code', { label: 'lỗi' });
    expect(await visibleRows(page)).toHaveLength(json.findings.length);
    await page.selectOption('#findings-code', '');
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
    // In the list's data, every < > & is a JSON escape: no text can close the script block.
    expect(html).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(html.match(/<\/script/gi)).toHaveLength(3);
    const p = await openReport(out);
    // One script runs; the others are data.
    expect(await p.$$eval('script', (s) => s.map((e) => e.getAttribute('type')))).toEqual(['application/json', 'application/json', null]);
    expect(await p.$$eval('b', (b) => b.length)).toBe(0);
    expect(await p.$$eval('table.list td', (tds) => tds.some((td) => td.textContent === '<script>alert(1)</script>'))).toBe(true);
    expect(await p.$$eval('table.summary td', (tds) => tds.some((td) => td.textContent === 'UBND <b>xã</b> "Đắk" Pne'))).toBe(true);
    expect(dialogs).toEqual([]);
    await p.close();
  });

  it('draws a long list a page of 200 rows at a time, and goes from page to page', async () => {
    const p = await openReport(await longReport());
    const stt = () => p.$$eval('#list tbody tr', (rows) => rows.map((r) => Number((r as HTMLTableRowElement).cells[0].textContent)));
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    expect(await stt()).toEqual(range(1, 200));
    expect(await p.textContent('#list-page')).toBe('1–200 / 450');
    expect(await p.isDisabled('#list-prev')).toBe(true);
    await p.click('#list-next');
    expect(await stt()).toEqual(range(201, 400));
    await p.click('#list-next');
    expect(await stt()).toEqual(range(401, 450));
    expect(await p.textContent('#list-page')).toBe('401–450 / 450');
    expect(await p.isDisabled('#list-next')).toBe(true);
    await p.click('#list-prev');
    expect(await stt()).toEqual(range(201, 400));
    // The rows drawn are the nominees themselves: name and row of the CSV.
    const second = await p.$eval('#list tbody tr', (r) => [...(r as HTMLTableRowElement).cells].map((c) => c.textContent));
    expect([second[2], second[9]]).toEqual(['Người 201.', '202']);
    // Sorted by STT, descending: the last nominee first.
    await p.click('#list thead th >> nth=0');
    await p.click('#list thead th >> nth=0');
    expect((await stt()).slice(0, 3)).toEqual([450, 449, 448]);
    await p.close();
  });

  it('filters the whole list, not the page drawn: by text, by unit, by status', async () => {
    const p = await openReport(await longReport());
    const names = () => p.$$eval('#list tbody tr', (rows) => rows.map((r) => (r as HTMLTableRowElement).cells[2].textContent));
    await p.fill('#list-filter', 'người 437.');
    expect(await names()).toEqual(['Người 437.']);
    expect(await p.textContent('#list-shown')).toBe('1');
    expect(await p.textContent('#list-page')).toBe('1–1 / 1');
    await p.fill('#list-filter', '');
    await p.selectOption('#list-unit', { label: 'UBND xã C' });
    expect(await p.textContent('#list-shown')).toBe('150');
    expect((await names()).slice(0, 2)).toEqual(['Người 2.', 'Người 5.']);
    await p.selectOption('#list-unit', '');
    await p.selectOption('#list-code', { label: 'Có lỗi' });
    // The nominees without a unit of work, every 100th: all of them, also those on later pages.
    expect(await names()).toEqual(['Người 100.', 'Người 200.', 'Người 300.', 'Người 400.']);
    await p.close();
  });

  it('shows hostile text on a later page as text, also once filtered to', async () => {
    const p = await openReport(await longReport());
    await p.fill('#list-filter', 'onerror');
    const cells = await p.$$eval('#list tbody tr', (rows) => rows.map((r) => (r as HTMLTableRowElement).cells[2].textContent));
    expect(cells).toEqual([IMG]);
    expect(await p.$$eval('img', (i) => i.length)).toBe(0);
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
