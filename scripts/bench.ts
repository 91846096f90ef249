/**
 * `npm run bench`: how fast and in how little memory hoso checks dossiers, against the floor set
 * by inflating the zip (for CSV, by decoding the file to text).
 *
 *   npm run bench                         # 10k, 100k and 1M rows, a folder of 1,000 files of 30 rows, 100k rows as CSV
 *   npm run bench -- 100000 folder        # only these
 *   npm run bench -- csv1000000           # the same dossier as CSV UTF-8 (with a BOM, as Excel saves it)
 *   npm run bench -- history              # five years of decision lists (~500,000 rows) for --history
 *   npm run bench -- 100000 --runs 5 --fresh
 *
 * Dossiers are written into os.tmpdir() (title block, Vietnamese text, a unique achievement
 * summary per row; .xlsx with exceljs's streaming writer), kept there and reused unless --fresh.
 * Each measurement runs in a child process of its own, so its peak RSS is its own:
 *   inflate  every part of every file inflated (yauzl raw streams through zlib, as the reader does) and discarded: the floor;
 *   decode   for CSV, the floor: the file read and decoded from UTF-8 to text, and nothing else;
 *   read     the reader alone: openXlsx or openCsv and every row of every sheet, in the batches the engine takes;
 *   table    reading, finding the table and building each nominee row, with no rule in force;
 *   check    `hoso check … -f json -o <tmp>` in full, with the bundled rules, as it chooses its threads;
 *   cores    for the folder, the same with `--jobs` set to the number of cores: every core in use;
 *   annotate the check with `--annotate <tmp>`: an annotated copy of each file written beside the report;
 *   start    one 30-row file, `node bin/hoso.js check`, from start to exit;
 *   offline  the offline page (dist/web/hoso.html) in Chromium checking the same files, from the
 *            files chosen to the report shown, beside `check` (up to 100,000 rows, and the folder);
 *   report   `hoso report … -o x.xlsx` and `-o x.html`, in rounds of their own beside `check`,
 *            and the page opened in Chromium (/usr/bin/chromium) for its time to first rows.
 * Each is run --runs times (default 3), in rounds (every stage once, then again): the median wall
 * time and the highest peak RSS are shown, and each ratio ("× floor", "rules") is the median over
 * the rounds of the two stages' times in the same round.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { openXlsx } from '../src/read/xlsx.js';
import { openCsv } from '../src/read/csv.js';
import { rowBatches } from '../src/read/table.js';
import { csvQuote } from './fixture-kit/csv.js';
import { checkPaths } from '../src/engine/check.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../src/rules/load.js';
import { main as cli } from '../src/cli/main.js';
import { generateHistory, historyChild, HISTORY_COMMUNES, HISTORY_PEOPLE, HISTORY_YEARS } from './bench-history.js';

interface Measure {
  ms: number;
  /** CPU time of the main thread and zlib's pool threads together (user + system). */
  cpuMs: number;
  rows: number;
  cells: number;
  bytes: number;
  maxRssKb: number;
}

/**
 * The million-row sheet is about 750 MB of XML, over the default --max-part-size (256M, a guard
 * against zip bombs): raised here as an office checking such a list would raise it.
 */
const BENCH_LIMITS = { maxPartBytes: 4 * 1024 ** 3 };

const FOLDER_FILES = 1000;
const FOLDER_ROWS = 30;

function benchTarget(what: string): string {
  if (what === 'folder') return path.join(os.tmpdir(), `hoso-bench-folder-${FOLDER_FILES}x${FOLDER_ROWS}-v2`);
  if (what === 'history') return path.join(os.tmpdir(), `hoso-bench-history-${HISTORY_YEARS.length * HISTORY_COMMUNES * HISTORY_PEOPLE}-v1`);
  if (what.startsWith('csv')) return path.join(os.tmpdir(), `hoso-bench-${what.slice(3)}-v2.csv`);
  return path.join(os.tmpdir(), `hoso-bench-${what}-v2.xlsx`);
}

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const TEN = ['Văn An', 'Thị Hằng', 'Đức Thắng', 'Thị Ngọc Ánh', 'Quốc Việt', 'Minh Tuấn', 'Thị Thu Hà'];

/** Column 11 holds a share shown as a percentage (number format 0%). */
const PERCENT_COL = 11;

/**
 * A commune's dossier like a real one, row by row: a title block, the bundled columns, a footer.
 * `data` marks the nominee rows, whose column PERCENT_COL is formatted as a percentage.
 */
function* dossierRows(rows: number, unit: string, first: number): Generator<{ values: (string | number | null)[]; data?: true }> {
  yield { values: [unit, null, null, null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'] };
  yield { values: [null, null, null, null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'] };
  yield { values: ['DANH SÁCH ĐỀ NGHỊ ĐIỂN HÌNH TIÊN TIẾN NĂM 2025'] };
  yield { values: ['STT', 'Họ và tên', 'Đối tượng', 'Lĩnh vực', 'Đơn vị công tác', 'Xếp loại 2023', 'Xếp loại 2024', 'Xếp loại 2025', 'Tóm tắt thành tích', 'Lao động trực tiếp', 'Tỷ lệ cán bộ, đảng viên nêu gương (%)', 'Đạt tiêu chuẩn an toàn về ANTT', 'Số sáng kiến', 'Hình thức đề nghị', 'Ghi chú'] };
  // Numbers run on from `first`, so that the files of a folder list different people.
  for (let i = first; i < first + rows; i++) {
    const collective = i % 5 === 0;
    yield {
      values: [
        i,
        collective ? `Trường THCS số ${i}` : `${HO[i % HO.length]} ${TEN[i % TEN.length]} ${i}`,
        collective ? 'Tập thể' : 'Cá nhân',
        collective ? 'Giáo dục' : 'Y tế',
        `Xã Đắk Ruồng ${i % 50}`,
        'HTXSNV',
        i % 97 === 0 ? 'HTTNV' : 'HTXSNV',
        'Hoàn thành xuất sắc nhiệm vụ',
        `Hoàn thành xuất sắc nhiệm vụ năm 2025, có sáng kiến số ${i} được Hội đồng khoa học huyện công nhận`,
        i % 3 === 0 ? 'Có' : 'Không',
        0.8,
        'Có',
        i % 4,
        'Giấy khen của Chủ tịch UBND xã',
        '',
      ],
      data: true,
    };
  }
  yield { values: [`Tổng cộng: ${rows}`] };
  yield { values: [null, null, null, null, null, null, null, 'Đắk Ruồng, ngày 15 tháng 6 năm 2025'] };
}

/** The dossier as an .xlsx, written with exceljs's streaming writer. */
async function generate(file: string, rows: number, unit = 'UBND XÃ ĐẮK RUỒNG', first = 1): Promise<void> {
  // Loaded only here, so that the measuring children's RSS does not carry exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const tmpFile = `${file}.part`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmpFile, useSharedStrings: true, useStyles: true });
  const ws = writer.addWorksheet('Danh sách đề nghị');
  for (const { values, data } of dossierRows(rows, unit, first)) {
    const row = ws.addRow(values);
    if (data) row.getCell(PERCENT_COL).numFmt = '0%';
    row.commit();
  }
  ws.commit();
  await writer.commit();
  fs.renameSync(tmpFile, file);
}

/** The same dossier as Excel's "CSV UTF-8": a BOM, commas, CRLF, each cell as shown (80%). */
async function generateCsv(file: string, rows: number): Promise<void> {
  const tmpFile = `${file}.part`;
  const out = fs.createWriteStream(tmpFile);
  let text = '\ufeff';
  for (const { values, data } of dossierRows(rows, 'UBND XÃ ĐẮK RUỒNG', 1)) {
    const cells = values.map((v, i) => (v === null ? '' : data && i === PERCENT_COL - 1 ? `${Math.round(Number(v) * 100)}%` : csvQuote(String(v), ',')));
    // Excel writes every column of the used range on every line.
    while (cells.length < 15) cells.push('');
    text += cells.join(',') + '\r\n';
    if (text.length > 1 << 20) {
      const flowing = out.write(text);
      text = '';
      if (!flowing) await once(out, 'drain');
    }
  }
  await new Promise<void>((resolve, reject) => out.end(text, () => resolve()).on('error', reject));
  fs.renameSync(tmpFile, file);
}

async function generateFolder(dir: string): Promise<void> {
  fs.mkdirSync(`${dir}.part`, { recursive: true });
  for (let f = 1; f <= FOLDER_FILES; f++) await generate(path.join(`${dir}.part`, `don-vi-${f}.xlsx`), FOLDER_ROWS, `UBND XÃ SỐ ${f}`, (f - 1) * FOLDER_ROWS + 1);
  fs.renameSync(`${dir}.part`, dir);
}

/** The files a target stands for. */
function filesOf(target: string): string[] {
  return fs.statSync(target).isDirectory() ? fs.readdirSync(target).sort().map((f) => path.join(target, f)) : [target];
}

/** Inflates every part and discards the output: the floor for any reader of this file. */
function inflateAll(file: string, tuned: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      let bytes = 0;
      zip.on('error', reject);
      zip.on('end', () => {
        zip.close();
        resolve(bytes);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        const options = tuned ? { decodeFileData: false } : {};
        zip.openReadStream(entry, options, (err2, raw) => {
          if (err2) return reject(err2);
          let stream: Readable = raw;
          if (tuned && entry.compressionMethod === 8) {
            // As the reader does: 256 KiB chunks, or one the part's size if it is smaller.
            const chunkSize = Math.min(256 * 1024, Math.max(16 * 1024, entry.uncompressedSize + 1));
            const inflate = zlib.createInflateRaw({ chunkSize, highWaterMark: 1024 * 1024 } as zlib.ZlibOptions);
            stream = pipeline(raw, inflate, () => {});
          }
          stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
          stream.on('error', reject);
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

const isCsv = (file: string) => file.endsWith('.csv');

/** Reads the file and decodes it from UTF-8 to text, discarding it: the floor for any CSV reader. */
async function decodeAll(file: string): Promise<number> {
  const decoder = new TextDecoder();
  let chars = 0;
  for await (const bytes of fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) chars += decoder.decode(bytes, { stream: true }).length;
  return chars + decoder.decode().length;
}

async function readAll(file: string): Promise<{ rows: number; cells: number }> {
  const src = isCsv(file) ? await openCsv(file, BENCH_LIMITS) : await openXlsx(file, BENCH_LIMITS);
  let rows = 0;
  let cells = 0;
  try {
    for (const sheet of src.sheets) {
      for await (const batch of rowBatches(src, sheet)) {
        rows += batch.length;
        for (const row of batch) cells += row.cells.length;
      }
    }
  } finally {
    await src.close();
  }
  return { rows, cells };
}

async function child(kind: string, target: string): Promise<void> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let m: Omit<Measure, 'ms' | 'cpuMs' | 'maxRssKb'> = { rows: 0, cells: 0, bytes: 0 };
  if (kind === 'inflate') for (const f of filesOf(target)) m.bytes += await inflateAll(f, true);
  else if (kind === 'decode') for (const f of filesOf(target)) m.bytes += await decodeAll(f);
  else if (kind === 'read') {
    for (const f of filesOf(target)) {
      const r = await readAll(f);
      m.rows += r.rows;
      m.cells += r.cells;
    }
  } else if (kind === 'table') {
    // The rule set's columns find the table; with no rule in force, only reading and rows remain.
    const ruleSet = { ...loadRuleSet(expandPackPaths([bundledRulesDir()])), rules: [] };
    const result = await checkPaths([target], { ruleSet, profiles: [], lang: 'vi', limits: BENCH_LIMITS });
    m.rows = result.rows;
  } else if (kind === 'check' || kind === 'cores' || kind === 'annotate') {
    const out = path.join(os.tmpdir(), `hoso-bench-report-${process.pid}.json`);
    const copies = path.join(os.tmpdir(), `hoso-bench-annotated-${process.pid}`);
    const jobs = kind === 'cores' ? ['--jobs', String(os.availableParallelism())] : [];
    const annotate = kind === 'annotate' ? ['--annotate', copies] : [];
    await cli(['node', 'hoso', 'check', target, '-f', 'json', '-o', out, '--max-part-size', '4G', ...jobs, ...annotate]);
    m.rows = (JSON.parse(fs.readFileSync(out, 'utf8')) as { summary: { rows: number } }).summary.rows;
    // The copies are placed by the inputs' paths, in folders below `copies`.
    if (annotate.length) m.bytes = (fs.readdirSync(copies, { recursive: true }) as string[]).reduce((n, f) => n + fs.statSync(path.join(copies, f)).size, 0);
    fs.rmSync(out, { force: true });
    fs.rmSync(copies, { recursive: true, force: true });
    process.exitCode = 0;
  } else if (kind.startsWith('report-')) m.bytes = await reportChild(kind, target);
  else if (kind.startsWith('history-')) m = { ...m, ...(await historyChild(kind, target)) };
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const out: Measure = { ...m, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: peakRssKb() };
  process.stdout.write(JSON.stringify(out) + '\n');
}

/**
 * This process's peak resident memory. On Linux, getrusage's maxrss survives exec: a child forked
 * from a parent that holds 800 MB (having just generated the million-row dossier) reports at
 * least 800 MB whatever it does itself. VmHWM is the high-water mark of the child's own address
 * space, so it is read where there is one.
 */
function peakRssKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}

/** One small dossier checked by the real executable, from start to exit. */
function startToExit(file: string): Measure {
  const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'hoso.js');
  const t0 = performance.now();
  const res = spawnSync(process.execPath, [bin, 'check', file, '-f', 'json'], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (res.status !== 0 && res.status !== 1) throw new Error(`hoso exited with ${res.status}: ${res.stderr}`);
  return { ms, cpuMs: 0, rows: FOLDER_ROWS, cells: 0, bytes: 0, maxRssKb: 0 };
}

function runChild(kind: string, file: string): Measure {
  const self = fileURLToPath(import.meta.url);
  const res = spawnSync(process.execPath, [...process.execArgv, self, '--child', kind, file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.status !== 0) throw new Error(`${kind} child exited with ${res.status}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as Measure;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** A stage over several runs: the median run by wall time, the highest peak RSS of all, every run's time. */
type Stage = Measure & { all: number[]; runs: Measure[] };

/**
 * Every stage once per round, round after round (floor, read, table, check; floor, read, …): on a
 * machine whose speed drifts within minutes, each stage's time is compared with the floor
 * measured beside it, not with one measured minutes earlier (see ratio).
 */
function measureRounds(kinds: string[], file: string, runs: number): Stage[] {
  const all = kinds.map(() => [] as Measure[]);
  for (let r = 0; r < runs; r++) kinds.forEach((kind, k) => all[k].push(runChild(kind, file)));
  return all.map((ms) => {
    const mid = median(ms.map((m) => m.ms));
    return { ...ms.find((m) => m.ms === mid)!, maxRssKb: Math.max(...ms.map((m) => m.maxRssKb)), all: ms.map((m) => m.ms), runs: ms };
  });
}

/** The median over the rounds of a stage's time over another's in the same round. */
function ratio(a: Stage, b: Stage): number {
  return median(a.runs.map((m, r) => m.ms / b.runs[r].ms));
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Where `report -o` writes in the bench: kept after its run for the page's render time (see renderPage). */
const reportOut = (target: string, ext: string) => path.join(os.tmpdir(), `${path.basename(target).replace(/\.(xlsx|csv)$/, '')}-report.${ext}`);

/** `hoso report <target> -o <tmp>.xlsx|.html` in full, with the bundled rules; the report's size in bytes. */
async function reportChild(kind: string, target: string): Promise<number> {
  const out = reportOut(target, kind === 'report-html' ? 'html' : 'xlsx');
  await cli(['node', 'hoso', 'report', target, '-o', out, '--max-part-size', '4G']);
  process.exitCode = 0;
  return fs.statSync(out).size;
}

const CHROMIUM = '/usr/bin/chromium';

/**
 * The HTML report opened in Chromium (playwright-core, Debian's chromium), `runs` times: the
 * page's own timings from its navigation's start, the median of each — the first paint (the
 * summary), the page parsed with its script run and the first 200 rows of each table drawn
 * (DOMContentLoaded) — and the most JavaScript heap it held.
 */
async function renderPage(file: string, runs: number): Promise<{ paint: number; drawn: number; heapMb: number } | undefined> {
  if (!fs.existsSync(CHROMIUM)) return undefined;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  try {
    const seen: { paint: number; drawn: number; heapMb: number }[] = [];
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 600_000 });
      await page.waitForSelector('#list tbody tr, #list-shown');
      seen.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
          const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
          return { paint, drawn: nav.domContentLoadedEventEnd, heapMb: heap / 2 ** 20 };
        }),
      );
      await page.close();
    }
    return { paint: median(seen.map((s) => s.paint)), drawn: median(seen.map((s) => s.drawn)), heapMb: Math.max(...seen.map((s) => s.heapMb)) };
  } finally {
    await browser.close();
  }
}

/** The offline page the package ships (npm run build makes it). */
const PAGE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'hoso.html');
/** The page is measured on dossiers up to this size: the issue's 10,000 and 100,000 rows, and the folder. */
const PAGE_MAX_ROWS = 100_000;

/**
 * The offline page (dist/web/hoso.html) in Chromium checking the target, `runs` times, each in a
 * page opened afresh and ready (its engine started, its profiles listed): the time from handing
 * the files to its input to the report shown, the same span as `check`'s in-process run.
 */
async function checkInPage(target: string, runs: number): Promise<number[] | undefined> {
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync(PAGE)) return undefined;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(pathToFileURL(PAGE).href);
      await page.waitForSelector('#profiles input');
      const folder = fs.statSync(target).isDirectory();
      const t0 = performance.now();
      await page.setInputFiles(folder ? '#folder' : '#files', target);
      const run = await page.getAttribute('body', 'data-started');
      await page.waitForSelector(`#result[data-run="${run}"]`, { timeout: 1_800_000 });
      times.push(performance.now() - t0);
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function benchPage(target: string, runs: number, check: Stage): Promise<void> {
  const times = await checkInPage(target, runs);
  if (!times) return console.log(`  offline  not measured: no ${CHROMIUM} or ${PAGE}`);
  const ms = median(times);
  console.log(`  offline  ${fmt(ms).padStart(7)} ms  ${(ms / check.ms).toFixed(1).padStart(5)}× check  the offline page in Chromium, files chosen to report shown${runs > 1 ? `  (runs: ${times.map(fmt).join(', ')})` : ''}`);
}

/**
 * `report -o x.xlsx` and `report -o x.html` beside `check`, in rounds of their own (check, xlsx,
 * html; again), each report's time over the check's of the same round; then the page in Chromium.
 */
async function benchReports(target: string, runs: number): Promise<void> {
  const [check, xlsx, html] = measureRounds(['check', 'report-xlsx', 'report-html'], target, runs);
  const line = (name: string, m: Stage, extra = '') =>
    console.log(
      `  ${name.padEnd(11)} ${fmt(m.ms).padStart(7)} ms  ${ratio(m, check).toFixed(1).padStart(5)}× check  peak RSS ${fmt(m.maxRssKb / 1024).padStart(5)} MB  ` +
        `cpu ${fmt(m.cpuMs)} ms${extra}${runs > 1 ? `  (runs: ${m.all.map(fmt).join(', ')})` : ''}`,
    );
  line('check', check);
  line('report xlsx', xlsx, `  ${(xlsx.bytes / 1e6).toFixed(1)} MB written`);
  line('report html', html, `  ${(html.bytes / 1e6).toFixed(1)} MB written`);
  const page = await renderPage(reportOut(target, 'html'), runs);
  if (page) console.log(`  page        first paint ${fmt(page.paint)} ms, first rows drawn ${fmt(page.drawn)} ms in Chromium; JS heap ${fmt(page.heapMb)} MB`);
  else console.log(`  page        not measured: no ${CHROMIUM}`);
  for (const ext of ['xlsx', 'html']) fs.rmSync(reportOut(target, ext), { force: true });
}

/**
 * The past decisions (--history): five years of a province's decision lists read into the ledger,
 * against checking the same lists as dossiers (bench-history.ts says what each stage is).
 */
function benchHistory(target: string, runs: number): void {
  // The cache the cached stage reads, left by a run of its own.
  runChild('history-cached', target);
  const [table, check, history, cached, ledger] = measureRounds(['history-table', 'history-check', 'history-read', 'history-cached', 'history-ledger'], target, runs);
  const line = (name: string, m: Stage, extra = '') =>
    console.log(
      `  ${name.padEnd(8)} ${fmt(m.ms).padStart(7)} ms  ${ratio(m, check).toFixed(2).padStart(5)}× check  peak RSS ${fmt(m.maxRssKb / 1024).padStart(5)} MB  ` +
        `cpu ${fmt(m.cpuMs)} ms${extra}${runs > 1 ? `  (runs: ${m.all.map(fmt).join(', ')})` : ''}`,
    );
  line('table', table, `  ${fmt(table.rows)} rows read as dossiers, no rule`);
  line('check', check, `  ${fmt(check.rows)} rows checked as dossiers`);
  line('history', history, `  ${ratio(history, table).toFixed(2)}× table; the 2025 list (${fmt(history.rows)} rows) checked against the decisions`);
  line('cached', cached, '  the same, --cache warm');
  line('ledger', ledger, `  ${fmt(ledger.rows)} records, ${(ledger.bytes / 2 ** 20).toFixed(1)} MiB (records and texts)`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  const fresh = args.includes('--fresh');
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive count');
  const targets = args.filter((a) => !a.startsWith('--'));
  if (targets.length === 0) targets.push('10000', '100000', '1000000', 'folder', 'csv100000');
  console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${fmt(os.totalmem() / 2 ** 30)} GiB`);
  for (const what of targets) {
    const csv = what.startsWith('csv');
    const count = Number(csv ? what.slice(3) : what);
    if (what !== 'folder' && what !== 'history' && (!Number.isInteger(count) || count < 1)) throw new Error(`not a row count, csv<row count>, "folder" or "history": ${what}`);
    const target = benchTarget(what);
    if (what === 'history') {
      if (fresh || !fs.existsSync(target)) {
        const t0 = performance.now();
        await generateHistory(target);
        console.log(`generated ${target} in ${fmt(performance.now() - t0)} ms`);
      }
      const size = fs.readdirSync(path.join(target, 'quyet-dinh')).reduce((n, f) => n + fs.statSync(path.join(target, 'quyet-dinh', f)).size, 0);
      console.log(`\nhistory: ${HISTORY_YEARS.length} years × ${HISTORY_COMMUNES} communes × ${fmt(HISTORY_PEOPLE)} rows of decisions, ${(size / 1e6).toFixed(1)} MB .xlsx`);
      benchHistory(target, runs);
      continue;
    }
    if (fresh || !fs.existsSync(target)) {
      const t0 = performance.now();
      if (what === 'folder') await generateFolder(target);
      else if (csv) await generateCsv(target, count);
      else await generate(target, count);
      console.log(`generated ${target} in ${fmt(performance.now() - t0)} ms`);
    }
    const size = filesOf(target).reduce((n, f) => n + fs.statSync(f).size, 0);
    console.log(`\n${what === 'folder' ? `${FOLDER_FILES} files of ${FOLDER_ROWS} rows` : `${fmt(count)} rows`}, ${(size / 1e6).toFixed(1)} MB ${csv ? '.csv' : '.xlsx'}`);
    const [floor, read, table, check, annotate, cores] = measureRounds([csv ? 'decode' : 'inflate', 'read', 'table', 'check', 'annotate', ...(what === 'folder' ? ['cores'] : [])], target, runs);
    const line = (name: string, m: Stage, extra = '') =>
      console.log(
        `  ${name.padEnd(8)} ${fmt(m.ms).padStart(7)} ms  ${ratio(m, floor).toFixed(1).padStart(5)}× floor  ` +
          `${m.rows ? fmt((m.rows / m.ms) * 1000).padStart(9) + ' rows/s' : ' '.repeat(16)}  peak RSS ${fmt(m.maxRssKb / 1024).padStart(5)} MB  ` +
          `cpu ${fmt(m.cpuMs)} ms${extra}${runs > 1 ? `  (runs: ${m.all.map(fmt).join(', ')})` : ''}`,
      );
    line(csv ? 'decode' : 'inflate', floor, csv ? `  ${(floor.bytes / 1e6).toFixed(1)} M characters` : `  ${(floor.bytes / 1e6).toFixed(1)} MB inflated`);
    line('read', read);
    line('table', table);
    line('check', check, `  rules ${ratio(check, table).toFixed(2)}× reading`);
    line('annotate', annotate, `  ${ratio(annotate, check).toFixed(2)}× check, copies ${(annotate.bytes / 1e6).toFixed(1)} MB`);
    if (cores) line('cores', cores, `  --jobs ${os.availableParallelism()}`);
    if (what === 'folder' || count <= PAGE_MAX_ROWS) await benchPage(target, runs, check);
    if (what === 'folder') {
      const starts = Array.from({ length: runs }, () => startToExit(filesOf(target)[0])).map((m) => m.ms).sort((a, b) => a - b);
      console.log(`  start    ${fmt(starts[Math.floor((starts.length - 1) / 2)]).padStart(7)} ms  one ${FOLDER_ROWS}-row file, node bin/hoso.js check, start to exit`);
    }
    await benchReports(target, runs);
  }
}

await main();
