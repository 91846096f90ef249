/**
 * The hostile corpus (fixtures/bad/hostile/, made by scripts/fixture-kit/hostile.ts): every file
 * in it has its verdict here — the exit code, the reason a person reads, and the time it must end
 * in (the test's timeout) — and no output of any of them acts on a terminal or a CI log. A file
 * added to the corpus without a verdict fails the first test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aliasFloodPack, DAMAGED_CACHES, HANGING_PATTERNS, INJECTION_NAMES, outputTraps, patternPack } from '../../scripts/fixture-kit/hostile.js';
import { HOSTILE_PARTS, HOSTILE_SHAPES } from '../../scripts/fixture-kit/hostile-xml.js';
import { FIXTURES, hoso, type Report, type Run } from '../support/cli.js';

const CORPUS = path.join(FIXTURES, 'bad', 'hostile');
const at = (p: string) => path.join(CORPUS, p);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-corpus-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Raw control characters but the line feed, and the bidi and line-separator characters. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const INTERNAL = /Cannot read properties|Maximum call stack|TypeError|RangeError|lỗi nội bộ|internal error|at .*\.js:\d+/;

/** What no output meant for a terminal or a log may hold: a raw control, a line that is a workflow command, an exception's text. */
function assertInert(run: Run, github = false): void {
  for (const text of [github ? run.stdout.replace(/^::(error|warning|notice) /gm, '') : run.stdout, run.stderr]) {
    expect(text).not.toMatch(RAW);
    expect(text.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
    expect(text).not.toMatch(INTERNAL);
  }
}

/** Each file of the corpus, by the test that gives its verdict. */
const VERDICTS = new Set<string>();
const covers = (...files: string[]) => files.forEach((f) => VERDICTS.add(f));

describe('the hostile corpus', () => {
  const shapes = Object.keys(HOSTILE_SHAPES);

  describe.concurrent('quadratic scanning: a token that never ends, in each part a workbook reads', () => {
    for (const part of HOSTILE_PARTS)
      for (const shape of shapes) {
        const file = `quet/${part}-${shape}.xlsx`;
        covers(file);
        it(`${file}: exit 2 with one line for a person, in seconds`, async () => {
          const run = await hoso(['check', at(file)]);
          expect(run.code).toBe(2);
          expect(run.stdout).toMatch(/✖ 1 tệp không đọc được/);
          const lines = run.stderr.split('\n').filter(Boolean);
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatch(new RegExp(`^hoso: .*${part}-${shape}\\.xlsx: (nội dung tệp có một thẻ, chú thích hoặc đoạn XML dài bất thường|nội dung trang tính bị hỏng)`));
          assertInert(run);
        }, 15_000);
      }
  });

  describe.concurrent('patterns that backtrack for ever in JavaScript, on a 46-character cell', () => {
    HANGING_PATTERNS.forEach(([regex, ch], i) => {
      const pack = `mau-treo/mau-${i + 1}.yaml`;
      const list = `mau-treo/ghi-chu-${ch}.csv`;
      covers(pack, list);
      it(`${regex}: the pack is valid, the near-miss is reported and the match is not, in seconds`, async () => {
        const valid = await hoso(['rules', 'validate', at(pack)]);
        expect([valid.code, valid.stderr]).toEqual([0, '']);
        const run = await hoso(['check', at(list), '--rules', at(pack), '-f', 'json']);
        expect([run.code, run.stderr]).toEqual([1, '']);
        const report = JSON.parse(run.stdout) as Report;
        expect(report.summary.rows).toBe(2);
        expect(report.findings.filter((f) => f.ruleId === 'tinh-x/ghi-chu').map((f) => [f.row, f.value])).toEqual([[3, `${ch.repeat(45)}!`]]);
      }, 15_000);
    });

    it('a back-reference, which no linear-time engine matches, is refused at load with file, line and key', async () => {
      const pack = path.join(tmp, 'tham-chieu-nguoc.yaml');
      fs.writeFileSync(pack, patternPack('^(a)\\1$'));
      const run = await hoso(['rules', 'validate', pack]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^hoso: ${pack}:8:\\d+: rules\\[0\\]\\.with\\.regex: .*\\\\1`));
      assertInert(run);
    });
  });

  describe.concurrent('terminal and CI-log injection', () => {
    covers('tiem-ma/o-ma-thoat.xlsx', 'tiem-ma/o-ma-thoat.csv');
    /** The corpus's files under names a repository cannot hold. */
    const named = () => {
      const dir = fs.mkdtempSync(path.join(tmp, 'ten-'));
      const files = { workbook: path.join(dir, INJECTION_NAMES.workbook), csv: path.join(dir, INJECTION_NAMES.csv), broken: path.join(dir, INJECTION_NAMES.broken) };
      fs.copyFileSync(at('tiem-ma/o-ma-thoat.xlsx'), files.workbook);
      fs.copyFileSync(at('tiem-ma/o-ma-thoat.csv'), files.csv);
      fs.writeFileSync(files.broken, 'not a zip');
      return [files.workbook, files.csv, files.broken];
    };
    for (const format of ['stylish', 'json', 'sarif', 'csv', 'junit', 'github'] as const)
      it(`-f ${format}: no raw control, bidi or line-break character and no workflow command on stdout or stderr`, async () => {
        const run = await hoso(['check', at('tiem-ma/o-ma-thoat.xlsx'), at('tiem-ma/o-ma-thoat.csv'), ...named(), '-f', format]);
        expect(run.code).toBe(2);
        // CSV's records end in CRLF, as RFC 4180 has them: that carriage return is the format's own.
        assertInert(format === 'csv' ? { ...run, stdout: run.stdout.replaceAll('\r\n', '\n') } : run, format === 'github');
        // Shown, not dropped: the CSV's escape sequence is in the report as a code.
        expect(run.stdout).toMatch(format === 'json' || format === 'sarif' ? /\\u001b\[8m/ : /\\u\{1B\}\[8m|&#27;|\\u001b/i);
      });

    it('hoso inspect: the same', async () => {
      const run = await hoso(['inspect', at('tiem-ma/o-ma-thoat.xlsx'), at('tiem-ma/o-ma-thoat.csv'), ...named()]);
      expect(run.code).toBe(2);
      assertInert(run);
    });
  });

  describe.concurrent('characters XML cannot hold', () => {
    covers('xml-cam/ky-tu-cam.xlsx', 'xml-cam/ky-tu-cam.csv');
    it('are read, checked and reported, exit 1 (test/bad/xml-output.test.ts parses every XML written from them)', async () => {
      const run = await hoso(['check', at('xml-cam/ky-tu-cam.xlsx'), at('xml-cam/ky-tu-cam.csv'), '-f', 'json']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as Report;
      expect(report.summary.files).toBe(2);
      expect(report.findings.filter((f) => f.column === 'C').map((f) => f.file.split('/').pop())).toEqual(['ky-tu-cam.xlsx', 'ky-tu-cam.csv']);
    });
  });

  describe.concurrent('what once surfaced as an internal error', () => {
    covers('noi-bo/chi-so-am.xlsx');
    it('a shared-string index of -1 reads as an empty cell: the finding says what is missing, no internal text', async () => {
      const run = await hoso(['check', at('noi-bo/chi-so-am.xlsx'), '-f', 'json']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as Report;
      expect(report.findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, `${f.column}${f.row}`])).toEqual([['chung/ten', 'B14']]);
      assertInert(run);
    });

    it('a column with 850,000 aliases: one line naming the file and why, in seconds', async () => {
      const pack = path.join(tmp, 'bi-danh.yaml');
      fs.writeFileSync(pack, aliasFloodPack(850_000));
      const run = await hoso(['rules', 'validate', pack]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^hoso: ${pack}:1:1: [^\\n]+ 7\\.2 MiB[^\\n]+\\n$`));
      assertInert(run);
    }, 15_000);
  });

  describe.concurrent('a config in force that nobody named', () => {
    covers('cau-hinh-cha/hoso.config.yaml', 'cau-hinh-cha/don-vi/giao-duc-khong-dat.xlsx');
    it('found in a parent folder, it is named in the stylish summary and the JSON report', async () => {
      const cwd = at('cau-hinh-cha/don-vi');
      const stylish = await hoso(['check', '.'], { cwd });
      expect(stylish.code).toBe(0);
      expect(stylish.stdout).toContain(`Cấu hình: ${at('cau-hinh-cha/hoso.config.yaml')}`);
      const json = await hoso(['check', '.', '-f', 'json'], { cwd });
      expect((JSON.parse(json.stdout) as { summary: { config: string } }).summary.config).toBe(at('cau-hinh-cha/hoso.config.yaml'));
      // The same file checked from elsewhere, without the config: its errors come back.
      const plain = await hoso(['check', at('cau-hinh-cha/don-vi/giao-duc-khong-dat.xlsx')], { cwd: tmp });
      expect(plain.code).toBe(1);
    });
  });

  describe.concurrent('a cache that parses but is none', () => {
    for (const name of Object.keys(DAMAGED_CACHES)) {
      covers(`bo-nho-dem/${name}`);
      it(`${name}: set aside with one warning, the report the same as without a cache`, async () => {
        const dir = fs.mkdtempSync(path.join(tmp, 'cache-'));
        fs.copyFileSync(path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx'), path.join(dir, 'ds.xlsx'));
        fs.copyFileSync(at(`bo-nho-dem/${name}`), path.join(dir, '.hoso-cache'));
        const cached = await hoso(['check', 'ds.xlsx', '--cache', '-f', 'json'], { cwd: dir });
        const plain = await hoso(['check', 'ds.xlsx', '-f', 'json'], { cwd: dir });
        expect(cached.code).toBe(1);
        expect(cached.stdout).toBe(plain.stdout);
        expect(cached.stderr.split('\n').filter(Boolean)).toHaveLength(1);
        expect(cached.stderr).toMatch(/bộ nhớ đệm «\.hoso-cache» bị hỏng/);
        assertInert(cached);
      });
    }
  });

  it('has a verdict for every file in it', () => {
    const all = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : [path.relative(CORPUS, path.join(dir, e.name))]));
    expect(all(CORPUS).sort()).toEqual([...VERDICTS].sort());
  });
});

describe('hostile runs that are no file', () => {
  it('-j 100000 is lowered to the cores there are, with a note, and the report is the same as -j 1', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'jobs-'));
    for (let i = 0; i < 12; i++) fs.copyFileSync(path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx'), path.join(dir, `ds-${i}.xlsx`));
    const many = await hoso(['check', dir, '-j', '100000', '-f', 'json']);
    const one = await hoso(['check', dir, '-j', '1', '-f', 'json']);
    expect(many.code).toBe(1);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(many.stderr).toMatch(/^hoso: .*100000/);
  }, 30_000);

  it('outputs: a FIFO is written through, a link to an input refused, a link to a new file followed and kept', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'out-'));
    const input = path.join(dir, 'ds.xlsx');
    fs.copyFileSync(path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx'), input);
    const before = fs.readFileSync(input);
    const traps = outputTraps(dir, input);
    const reading = new Promise<string>((resolve) => {
      let text = '';
      fs.createReadStream(traps.fifo, 'utf8').on('data', (d) => (text += d)).on('end', () => resolve(text));
    });
    const fifo = await hoso(['check', input, '-f', 'json', '-o', traps.fifo]);
    expect(fifo.code).toBe(1);
    expect(JSON.parse(await reading).summary.errors).toBeGreaterThan(0);
    expect(fs.statSync(traps.fifo).isFIFO()).toBe(true);
    const refused = await hoso(['check', input, '-f', 'json', '-o', traps.linkToInput]);
    expect(refused.code).toBe(2);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const followed = await hoso(['check', input, '-f', 'json', '-o', traps.linkToNew]);
    expect(followed.code).toBe(1);
    expect(fs.lstatSync(traps.linkToNew).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(traps.linkTarget, 'utf8')).summary.errors).toBeGreaterThan(0);
  });
});
