/**
 * Benchmarks the streaming .xlsx reader against the floor set by inflating the zip.
 *
 *   npm run build && node dist/scripts/bench-reader.js [rows ...] [--fresh] [--runs N]
 *
 * For each row count (default 100000) it writes a Vietnamese dossier of that many body rows
 * into os.tmpdir() with exceljs's streaming writer (kept there and reused on later runs unless
 * --fresh is given), then times, each in a child process of its own so that peak RSS belongs
 * to that measurement alone:
 *   inflate  every part of the zip inflated by yauzl's own read streams (zlib, 16 KiB chunks) and discarded;
 *   inflate* the same with the reader's settings: yauzl's raw streams through zlib.createInflateRaw
 *            with 256 KiB chunks and 1 MiB read ahead;
 *   read     openXlsx and every row of every sheet iterated.
 * Each is run --runs times (default 3); the median wall time and the highest peak RSS are shown.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { openXlsx } from '../src/read/xlsx.js';

interface Measure {
  ms: number;
  /** CPU time of the main thread and zlib's pool threads together (user + system). */
  cpuMs: number;
  rows: number;
  cells: number;
  bytes: number;
  maxRssKb: number;
}

function benchFile(rows: number): string {
  return path.join(os.tmpdir(), `hoso-bench-reader-${rows}.xlsx`);
}

async function generate(file: string, rows: number): Promise<void> {
  // Loaded only here, so that the measuring children's RSS does not carry exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const tmpFile = `${file}.part`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmpFile, useSharedStrings: true, useStyles: true });
  const ws = writer.addWorksheet('Danh sách đề nghị');
  ws.addRow(['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025']).commit();
  ws.addRow(['(Kèm theo Tờ trình số 123/TTr-UBND ngày 15/8/2025 của UBND xã Đắk Ruồng)']).commit();
  ws.addRow([
    'STT',
    'Họ và tên',
    'Loại đối tượng',
    'Lĩnh vực',
    'Đơn vị công tác',
    'Xếp loại năm 2024',
    'Xếp loại năm 2025',
    'Mức độ hoàn thành nhiệm vụ',
    'Thành tích',
    'Sáng kiến',
    'Tỷ lệ phiếu',
    'Đảng viên',
    'Số lần khen',
    'Hình thức đề nghị',
    'Ghi chú',
  ]).commit();
  for (let i = 1; i <= rows; i++) {
    const row = ws.addRow([
      i,
      'Nguyễn Văn An ' + i,
      'Cá nhân',
      'Y tế',
      'Xã Đắk Ruồng ' + (i % 50),
      'HTXSNV',
      'HTXSNV',
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành xuất sắc nhiệm vụ năm 2025, có sáng kiến số ' + i + ' được công nhận',
      'Có',
      0.8,
      'Có',
      i % 4,
      'Giấy khen của Chủ tịch UBND xã',
      '',
    ]);
    row.getCell(11).numFmt = '0%';
    row.commit();
  }
  ws.commit();
  await writer.commit();
  fs.renameSync(tmpFile, file);
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
            const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024, highWaterMark: 1024 * 1024 } as zlib.ZlibOptions);
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

async function readAll(file: string): Promise<{ rows: number; cells: number }> {
  const src = await openXlsx(file);
  let rows = 0;
  let cells = 0;
  try {
    for (const sheet of src.sheets) {
      for await (const row of src.rows(sheet)) {
        rows++;
        cells += row.cells.length;
      }
    }
  } finally {
    await src.close();
  }
  return { rows, cells };
}

async function child(kind: string, file: string): Promise<void> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let m: Omit<Measure, 'ms' | 'cpuMs' | 'maxRssKb'>;
  if (kind.startsWith('inflate')) m = { rows: 0, cells: 0, bytes: await inflateAll(file, kind === 'inflate*') };
  else m = { ...(await readAll(file)), bytes: 0 };
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const out: Measure = { ...m, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS };
  process.stdout.write(JSON.stringify(out) + '\n');
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

/** The median run by wall time, with the highest peak RSS of all runs. */
function measure(kind: string, file: string, runs: number): Measure & { all: number[] } {
  const ms: Measure[] = [];
  for (let i = 0; i < runs; i++) ms.push(runChild(kind, file));
  const sorted = [...ms].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...median, maxRssKb: Math.max(...ms.map((m) => m.maxRssKb)), all: ms.map((m) => m.ms) };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2]);
  const fresh = args.includes('--fresh');
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive count');
  const counts = args.filter((a) => !a.startsWith('--')).map(Number);
  if (counts.length === 0) counts.push(100_000);
  for (const rows of counts) {
    if (!Number.isInteger(rows) || rows < 1) throw new Error(`not a row count: ${rows}`);
    const file = benchFile(rows);
    if (fresh || !fs.existsSync(file)) {
      const t0 = performance.now();
      await generate(file, rows);
      console.log(`generated ${file} in ${fmt(performance.now() - t0)} ms`);
    }
    const size = fs.statSync(file).size;
    console.log(`\n${fmt(rows)} body rows, ${(size / 1e6).toFixed(1)} MB .xlsx`);
    const runsOf = (m: { all: number[] }) => (runs > 1 ? `  (runs: ${m.all.map(fmt).join(', ')})` : '');
    const inflate = measure('inflate', file, runs);
    console.log(
      `  inflate  ${fmt(inflate.ms).padStart(7)} ms  cpu ${fmt(inflate.cpuMs).padStart(6)} ms  ${(inflate.bytes / 1e6).toFixed(1)} MB XML  ` +
        `peak RSS ${fmt(inflate.maxRssKb / 1024)} MB${runsOf(inflate)}`,
    );
    const tuned = measure('inflate*', file, runs);
    console.log(
      `  inflate* ${fmt(tuned.ms).padStart(7)} ms  cpu ${fmt(tuned.cpuMs).padStart(6)} ms  ${(tuned.bytes / 1e6).toFixed(1)} MB XML  ` +
        `peak RSS ${fmt(tuned.maxRssKb / 1024)} MB${runsOf(tuned)}`,
    );
    const read = measure('read', file, runs);
    console.log(
      `  read     ${fmt(read.ms).padStart(7)} ms  cpu ${fmt(read.cpuMs).padStart(6)} ms  ${fmt((read.rows / read.ms) * 1000)} rows/s  ` +
        `${fmt(read.cells)} cells  peak RSS ${fmt(read.maxRssKb / 1024)} MB${runsOf(read)}`,
    );
  }
}

await main();
