/**
 * The choice of an XML parser and an inflater, by measurement. A dossier's worksheet XML read by
 * the project's SheetScanner and by the streaming XML parsers of the npm registry, each given the
 * same inflated 256 KiB chunks and made to produce every cell's column, type and value (a shared
 * string looked up, a number parsed), as the reader must; and the sheet's deflated bytes inflated
 * in 256 KiB chunks by Node's zlib (a stream, as the reader does: on libuv's thread pool) and by
 * the JavaScript inflaters fflate and pako.
 *
 *   npm i --no-save sax htmlparser2 sax-wasm fflate pako   # the candidates (saxes is a dependency)
 *   npm run build && node dist/scripts/bench-xml.js [file.xlsx] [--runs N]
 *
 * The default file is the bench's 100k-row dossier (run `npm run bench -- 100000` first). The
 * parts are inflated before the clock starts; the shared strings are read before it too (by the
 * project's reader, and given to the others as an array). Each parser runs in a child process of
 * its own, in rounds; the median wall time is shown. A candidate that is not installed is skipped.
 * (ltx was tried too: its Parser builds a tree of every element, not a stream of events.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { SharedStrings, SharedStringsReader, SharedStringsScanner, SheetScanner } from '../src/read/sheet-scanner.js';

const CHUNK = 256 * 1024;
const CANDIDATES = ['hoso', 'sax', 'saxes', 'htmlparser2', 'sax-wasm', 'inflate:zlib', 'inflate:fflate', 'inflate:pako'] as const;
type Candidate = (typeof CANDIDATES)[number];

/** The parts' inflated bytes, by name. */
async function parts(file: string, names: string[], raw = false): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z!))));
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!names.includes(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, { decompress: raw ? false : null }, (e, stream) => {
        if (e) return reject(e);
        const bufs: Buffer[] = [];
        stream!.on('data', (b: Buffer) => bufs.push(b));
        stream!.on('end', () => {
          out.set(entry.fileName, Buffer.concat(bufs));
          zip.readEntry();
        });
        stream!.on('error', reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  return out;
}

function chunksOf(b: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += CHUNK) out.push(b.subarray(i, i + CHUNK));
  return out;
}

function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}

/** What every candidate does with a cell: counted, and folded into a checksum so that none is skipped. */
class Cells {
  count = 0;
  check = 0;
  constructor(private readonly sst: string[]) {}
  cell(ref: string | undefined, type: string | undefined, text: string): void {
    if (text === '') return;
    const col = ref ? columnOf(ref) : 0;
    const value = type === 's' ? this.sst[Number(text)] : type === 'str' || type === 'inlineStr' ? text : Number(text);
    this.count++;
    this.check = (this.check + col + (typeof value === 'string' ? value.length : value > 0 ? 1 : 0)) | 0;
  }
}

/** A SAX-style reader of `<c r t><v>…</v></c>` on top of open/text/close events. */
function saxCells(cells: Cells) {
  let inV = false;
  let ref: string | undefined;
  let type: string | undefined;
  let text = '';
  return {
    open(name: string, attr: (k: string) => string | undefined) {
      if (name === 'c') {
        ref = attr('r');
        type = attr('t');
        text = '';
      } else if (name === 'v') inV = true;
    },
    text(t: string) {
      if (inV) text += t;
    },
    close(name: string) {
      if (name === 'v') inV = false;
      else if (name === 'c') cells.cell(ref, type, text);
    },
  };
}

// The parsers' modules are found at run time (they are not the project's dependencies), untyped.
type Any = any;
const load = (name: string): Promise<Any> => import(name);

async function run(name: Candidate, sheet: Buffer[], sstPart: Buffer[]): Promise<{ ms: number; cells: number; check: number }> {
  const reader = new SharedStringsReader(new SharedStringsScanner(32767, new SharedStrings()));
  for (const c of sstPart) reader.push(c);
  reader.finish();
  const strings = reader.scanner.strings;
  const sst: string[] = [];
  for (let i = 0; ; i++) {
    const s = strings.get(i);
    if (s === undefined) break;
    sst.push(s);
  }
  const cells = new Cells(sst);
  const decoder = new TextDecoder('utf-8');
  const text = (c: Buffer) => decoder.decode(c, { stream: true });
  /** The chunks written as text to a parser, which is then ended. */
  const writeAll = (p: Any, end: 'close' | 'end') => {
    for (const c of sheet) p.write(text(c));
    p[end]();
  };
  let go: () => void;
  if (name === 'hoso') {
    go = () => {
      const scanner = new SheetScanner({ sst: strings, xfKinds: [], date1904: false, maxCellChars: 32767 });
      const take = () => {
        for (const row of scanner.take())
          for (const c of row.cells) {
            cells.count++;
            cells.check = (cells.check + c.col + (typeof c.v === 'string' ? c.v.length : Number(c.v) > 0 ? 1 : 0)) | 0;
          }
      };
      for (const c of sheet) {
        scanner.push(text(c));
        take();
      }
      scanner.finish();
      take();
    };
  } else if (name === 'sax') {
    const sax = await load('sax');
    go = () => {
      const h = saxCells(cells);
      const p = (sax.default ?? sax).parser(true);
      p.onopentag = (node: Any) => h.open(node.name, (k) => node.attributes[k]);
      p.ontext = h.text;
      p.onclosetag = h.close;
      writeAll(p, 'close');
    };
  } else if (name === 'saxes') {
    const { SaxesParser } = await load('saxes');
    go = () => {
      const h = saxCells(cells);
      const p = new SaxesParser();
      p.on('opentag', (node: Any) => h.open(node.name, (k) => node.attributes[k]));
      p.on('text', h.text);
      p.on('closetag', (node: Any) => h.close(node.name));
      writeAll(p, 'close');
    };
  } else if (name === 'htmlparser2') {
    const { Parser } = await load('htmlparser2');
    go = () => {
      const h = saxCells(cells);
      const p = new Parser({ onopentag: (n: string, a: Record<string, string>) => h.open(n, (k) => a[k]), ontext: h.text, onclosetag: h.close }, { xmlMode: true });
      writeAll(p, 'end');
    };
  } else {
    const { SAXParser, SaxEventType } = await load('sax-wasm');
    const wasm = fs.readFileSync(fileURLToPath(import.meta.resolve('sax-wasm/lib/sax-wasm.wasm')));
    const p = new SAXParser(SaxEventType.OpenTag | SaxEventType.Text | SaxEventType.CloseTag);
    await p.prepareWasm(wasm);
    go = () => {
      const h = saxCells(cells);
      p.eventHandler = (event: number, d: Any) => {
        if (event === SaxEventType.OpenTag) {
          const attrs: Any[] = d.attributes;
          h.open(d.name, (k) => attrs.find((a) => a.name.value === k)?.value.value);
        } else if (event === SaxEventType.Text) h.text(d.value);
        else h.close(d.name);
      };
      // Bytes, as it is meant to be given them (no decoding).
      for (const c of sheet) p.write(c);
      p.end();
    };
  }
  const t0 = performance.now();
  go();
  return { ms: performance.now() - t0, cells: cells.count, check: cells.check };
}

/** The sheet's deflated bytes inflated in chunks; the bytes out are counted. */
async function inflate(name: Candidate, deflated: Buffer[]): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  const count = (b: Uint8Array) => (bytes += b.length);
  let go: () => Promise<void> | void;
  if (name === 'inflate:zlib') {
    go = () =>
      new Promise<void>((resolve, reject) => {
        const z = zlib.createInflateRaw({ chunkSize: CHUNK });
        z.on('data', count).on('end', resolve).on('error', reject);
        for (const c of deflated) z.write(c);
        z.end();
      });
  } else {
    const lib = await load(name.slice('inflate:'.length));
    const make =
      name === 'inflate:fflate'
        ? () => new lib.Inflate(count)
        : () => {
            const z = new (lib.Inflate ?? lib.default.Inflate)({ raw: true, chunkSize: CHUNK });
            z.onData = count;
            return z;
          };
    go = () => {
      const z = make();
      deflated.forEach((c, i) => z.push(c, i === deflated.length - 1));
    };
  }
  const t0 = performance.now();
  await go();
  return { ms: performance.now() - t0, bytes };
}

async function child(name: Candidate, file: string): Promise<void> {
  if (name.startsWith('inflate:')) {
    const raw = (await parts(file, ['xl/worksheets/sheet1.xml'], true)).get('xl/worksheets/sheet1.xml')!;
    const out = await inflate(name, chunksOf(raw));
    process.stdout.write(JSON.stringify({ ms: out.ms, cells: 0, check: 0, bytes: out.bytes }) + '\n');
    return;
  }
  const got = await parts(file, ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']);
  const sheet = got.get('xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error(`${file}: no xl/worksheets/sheet1.xml`);
  const sst = got.get('xl/sharedStrings.xml') ?? Buffer.from('<sst/>');
  const out = await run(name, chunksOf(sheet), chunksOf(sst));
  process.stdout.write(JSON.stringify({ ...out, bytes: sheet.length }) + '\n');
}

function installed(name: Candidate): boolean {
  if (name === 'hoso' || name === 'inflate:zlib') return true;
  try {
    import.meta.resolve(name.replace('inflate:', ''));
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1] as Candidate, args[2]);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? path.join(os.tmpdir(), 'hoso-bench-100000-v2.xlsx');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: npm run bench -- 100000 writes it`);
  const names = CANDIDATES.filter(installed);
  const skipped = CANDIDATES.filter((n) => !installed(n));
  console.log(`node ${process.version}, ${os.availableParallelism()} cores; ${path.basename(file)}${skipped.length ? `; not installed: ${skipped.join(', ')}` : ''}`);
  const times = new Map<Candidate, number[]>(names.map((n) => [n, []]));
  const seen = new Map<Candidate, { cells: number; check: number; bytes: number }>();
  for (let r = 0; r < runs; r++) {
    for (const n of names) {
      const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', n, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (res.status !== 0) throw new Error(`${n} exited with ${res.status}`);
      const m = JSON.parse(res.stdout.trim().split('\n').pop()!) as { ms: number; cells: number; check: number; bytes: number };
      times.get(n)!.push(m.ms);
      seen.set(n, m);
    }
  }
  for (const n of names) {
    const ms = [...times.get(n)!].sort((a, b) => a - b);
    const mid = ms[Math.floor((ms.length - 1) / 2)];
    const m = seen.get(n)!;
    const what = n.startsWith('inflate:') ? `${(m.bytes / 1e6).toFixed(1)} MB out` : `${m.cells.toLocaleString('en-US')} cells (check ${m.check})`;
    console.log(
      `  ${n.padEnd(15)} ${Math.round(mid).toLocaleString('en-US').padStart(7)} ms  ${((m.bytes / 1e6 / mid) * 1000).toFixed(0).padStart(4)} MB/s  ${what}  (runs: ${ms.map((x) => Math.round(x)).join(', ')})`,
    );
  }
}

await main();
