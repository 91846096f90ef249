/**
 * Broken and hostile inputs (fixtures/bad/, written by scripts/generate-bad-fixtures.ts), each run
 * through the real CLI: the exit code and the gist of the one line on stderr, or the findings a
 * damaged-but-readable file must still give on the right rows.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hoso, type Report, type ReportFinding } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const bad = (p: string) => path.join('fixtures', 'bad', p);

/** One line, no stack trace: what the contract asks of every exit-2 reason. */
function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Error:|\.ts:\d+|\.js:\d+/);
  return lines[0];
}

const place = (f: ReportFinding) => `${f.ruleId} ${f.row ?? ''}${f.column ?? ''} ${f.value ?? ''}`;

describe.concurrent('files that are not dossiers, or damaged ones: exit 2 and one line saying why', () => {
  const cases: [file: string, gist: RegExp][] = [
    ['khong-phai-xlsx.xlsx', /không phải tệp Excel \.xlsx hợp lệ/],
    ['rong.xlsx', /tệp rỗng/],
    ['cat-cut.xlsx', /bị hỏng hoặc không đầy đủ/],
    ['zip-khong-workbook.xlsx', /không phải tệp Excel \.xlsx hợp lệ.*workbook\.xml/],
    ['khong-trang-tinh.xlsx', /không có trang tính nào/],
    ['khong-tieu-de.xlsx', /không trang tính nào có dòng tiêu đề cột/],
    ['mat-khau.xlsx', /có đặt mật khẩu: hãy mở bằng Excel, gỡ mật khẩu/],
    ['excel-97.xls', /Excel 97-2003 \(\.xls\): hãy mở bằng Excel và «Lưu thành» \.xlsx/],
    ['excel-97-doi-ten.xlsx', /Excel 97-2003 \(\.xls\)/],
    ['bang-tinh.ods', /OpenDocument \(\.ods\): hãy «Lưu thành» \.xlsx/],
    ['ho-so.pdf', /định dạng không hỗ trợ.*\.pdf/],
    ['csv/ngoac-kep-mo.csv', /dấu ngoặc kép mở mà không đóng, từ dòng 23$/],
  ];
  for (const [file, gist] of cases) {
    it(file, async () => {
      const run = await hoso(['check', bad(file)]);
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toMatch(gist);
      expect(run.stderr).toContain(bad(file));
    });
  }

  it('tells an encrypted .xlsx from an .xls in English too', async () => {
    const run = await hoso(['check', bad('mat-khau.xlsx'), bad('excel-97.xls'), '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/mat-khau\.xlsx: a password-protected \.xlsx: open it in Excel, remove the password/);
    expect(run.stderr).toMatch(/excel-97\.xls: an Excel 97-2003 file \(\.xls\): open it in Excel and "Save As" \.xlsx/);
  });

  it('still checks the readable inputs given with an unreadable one', async () => {
    const run = await hoso(['check', bad('rong.xlsx'), 'fixtures/fields/giao-duc-khong-dat.xlsx', '-f', 'json']);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout) as Report).findings.length).toBeGreaterThan(0);
  });
});

// One at a time: the time limit is about the tool, not about sharing the machine with other tests.
describe('zip bombs and limits: refused within seconds, naming the limit', () => {
  for (const file of ['bom-nen.xlsx', 'bom-nen-noi-doi.xlsx', 'bom-o-dai.xlsx']) {
    it(`${file} (1 GiB inflated) is refused by --max-part-size`, async () => {
      const start = Date.now();
      const run = await hoso(['check', bad(file)]);
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toMatch(/vượt giới hạn kích thước \(--max-part-size; có thể là tệp «bom nén»\)/);
      // At the floor: a bomb inflates a thousand times its size, past the ratio allowed beyond it.
      expect(run.stderr).toMatch(/inflates to more than 268435456 bytes, 100 times its stored size/);
      expect(Date.now() - start).toBeLessThan(10_000);
    });
  }

  it('a lower --max-part-size stops sooner; a size needs a unit or a number', async () => {
    const run = await hoso(['check', bad('bom-nen-noi-doi.xlsx'), '--max-part-size', '16M', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/--max-part-size.*more than 16777216 bytes/);
    const wrong = await hoso(['check', bad('bom-nen.xlsx'), '--max-part-size', 'lots']);
    expect(wrong.code).toBe(2);
    expect(oneLine(wrong.stderr)).toMatch(/--max-part-size cần một kích thước/);
  });

  it('--max-rows stops a sheet of three million rows', async () => {
    const run = await hoso(['check', bad('bom-dong.xlsx'), '--max-part-size', '1G', '--max-rows', '500']);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/vượt giới hạn số dòng \(--max-rows\).*500/);
  });

  it('--max-cell-length: a longer .xlsx cell is refused, not cut short (Excel\'s own 32,767 is read)', async () => {
    const run = await hoso(['check', bad('o-dac-biet.xlsx'), '--max-cell-length', '32766']);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/có ô dài quá giới hạn số ký tự \(--max-cell-length\), ở «Danh sách» \(> 32766\)/);
  });

  it('--max-rows and --max-cell-length apply to CSV too', async () => {
    const rows = await hoso(['check', 'fixtures/csv/dau-phay-bom.csv', '--max-rows', '5']);
    expect(rows.code).toBe(2);
    expect(oneLine(rows.stderr)).toMatch(/--max-rows/);
    const cell = await hoso(['check', 'fixtures/csv/dau-phay-bom.csv', '--max-cell-length', '20']);
    expect(cell.code).toBe(2);
    expect(oneLine(cell.stderr)).toMatch(/có ô dài quá giới hạn số ký tự \(--max-cell-length\), ở dòng\/record \d+ \(> 20\)/);
  });
});

describe.concurrent('CSV as Excel and old software write it: every Vietnamese letter intact, findings on the right rows', () => {
  const reference = hoso(['check', 'fixtures/csv/dau-phay-bom.csv', '-f', 'json']).then((r) => JSON.parse(r.stdout) as Report);

  for (const file of ['csv/cp1258.csv', 'csv/unicode-text.txt', 'csv/lech-cot.csv']) {
    it(file, async () => {
      const run = await hoso(['check', bad(file), '-f', 'json']);
      const report = JSON.parse(run.stdout) as Report;
      const ref = await reference;
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      expect(report.summary).toMatchObject({ rows: ref.summary.rows, errors: ref.summary.errors, warnings: ref.summary.warnings });
      expect(report.findings.map(place)).toEqual(ref.findings.map(place));
      expect(report.findings[0].value).toBe('Hoàn thành tốt nhiệm vụ');
    });
  }

  it('csv/mojibake.csv: repaired ("NguyÃªn" → "Nguyên"), each repaired cell warned', async () => {
    const run = await hoso(['check', bad('csv/mojibake.csv'), '-f', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    const ref = await reference;
    expect(run.code).toBe(1);
    const others = report.findings.filter((f) => f.ruleId !== 'chung/ma-tcvn3');
    expect(others.map(place)).toEqual(ref.findings.map(place));
    const warned = report.findings.filter((f) => f.ruleId === 'chung/ma-tcvn3');
    expect(warned.length).toBeGreaterThan(5);
    expect(warned[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('bị lỗi phông (chữ UTF-8 bị đọc nhầm là Windows-1252') });
  });
});

describe.concurrent('legacy encodings, odd cells, hidden rows and sheets', () => {
  it('vni.xlsx: VNI text is read as the Unicode it stands for, and each cell is warned', async () => {
    const [vni, ref] = await Promise.all([
      hoso(['check', bad('vni.xlsx'), '-f', 'json']),
      hoso(['check', 'fixtures/fields/giao-duc-khong-dat.xlsx', '-f', 'json']),
    ]);
    const report = JSON.parse(vni.stdout) as Report;
    const expected = (JSON.parse(ref.stdout) as Report).findings;
    expect(vni.code).toBe(1);
    expect(report.findings.filter((f) => f.ruleId !== 'chung/ma-tcvn3').map(place)).toEqual(expected.map(place));
    const warned = report.findings.filter((f) => f.ruleId === 'chung/ma-tcvn3');
    expect(warned.length).toBeGreaterThan(10);
    expect(warned.map((f) => f.value)).toContain('Phạm Thị Hương');
    // Every cell is VNI, short ones and abbreviations ("GD&ĐT") included: none is taken for TCVN3.
    for (const f of warned) expect(f.message, f.value).toContain('gõ bằng mã VNI (phông VNI-Times)');
    expect(warned.map((f) => f.value)).toContain('GD&ĐT');
  });

  it('tcvn3.xlsx: every TCVN3 cell is read as TCVN3, never as VNI; the award column reads "Giấy khen của Chủ tịch UBND huyện"', async () => {
    const run = await hoso(['check', 'fixtures/layout/tcvn3.xlsx', '-f', 'json']);
    const warned = (JSON.parse(run.stdout) as Report).findings.filter((f) => f.ruleId === 'chung/ma-tcvn3');
    expect(warned.length).toBeGreaterThan(20);
    for (const f of warned) expect(f.message, f.value).toContain('gõ bằng mã TCVN3 (phông .VnTime)');
    const awards = warned.filter((f) => f.column === 'M').map((f) => f.value);
    expect(awards).toEqual(Array(4).fill('Giấy khen của Chủ tịch UBND huyện'));
    // A short "Cã" is "Có", not the .VnTimeH capitals "CÓ".
    expect(warned.filter((f) => f.value?.toUpperCase() === 'CÓ').map((f) => f.value)).toEqual(['Có', 'Có']);
  });

  it('o-dac-biet.xlsx: a 32,767-character cell, control characters, a date before 1900 and "1.988,0" are read, not fatal', async () => {
    const run = await hoso(['check', bad('o-dac-biet.xlsx'), '-f', 'json']);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.summary.rows).toBe(5);
  });

  it('an-dong-an-trang.xlsx: hidden rows and a hidden sheet are checked like visible ones', async () => {
    const [hidden, ref] = await Promise.all([
      hoso(['check', bad('an-dong-an-trang.xlsx'), '-f', 'json']),
      hoso(['check', 'fixtures/fields/giao-duc-khong-dat.xlsx', '-f', 'json']),
    ]);
    expect(hidden.code).toBe(1);
    const all = (JSON.parse(hidden.stdout) as Report).findings;
    // The same findings as the visible dossier, and the report says what was hidden.
    const findings = all.filter((f) => f.ruleId !== 'chung/an');
    expect(findings.map(place)).toEqual((JSON.parse(ref.stdout) as Report).findings.map(place));
    expect(findings.filter((f) => f.row === 10 || f.row === 11)).toHaveLength(2);
    const notices = all.filter((f) => f.ruleId === 'chung/an');
    expect(notices.map((f) => [f.severity, f.sheet, f.row ?? null])).toEqual([
      ['info', 'Danh sách', null],
      ['info', 'Danh sách', 10],
      ['info', 'Danh sách', 11],
    ]);
  });
});

describe.concurrent('rule packs an officer got wrong: exit 2, file:line:col and the key', () => {
  const cases: [file: string, gist: RegExp][] = [
    ['cu-phap.yaml', /cu-phap\.yaml:\d+:\d+/],
    ['khoa-la.yaml', /khoa-la\.yaml:\d+:\d+: .*mucdo/],
    ['sai-kieu.yaml', /sai-kieu\.yaml:\d+:\d+: .*severity/],
    ['cot-khong-co.yaml', /cot-khong-co\.yaml:\d+:\d+: .*so_gio_khong_co/],
    ['alias-tu-chua.yaml', /alias-tu-chua\.yaml:9:21: rules\[0\]\.when\.not: the alias \*w stands inside the node it names/],
    ['long-sau.yaml', /long-sau\.yaml:9:\d+: rules\[0\]\.when(\.not){61}: nested more than 64 levels deep$/],
  ];
  for (const [file, gist] of cases) {
    it(file, async () => {
      const run = await hoso(['check', 'fixtures/fields/giao-duc-dat.xlsx', '--rules', bad(`quy-tac/${file}`), '--lang', 'en']);
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toMatch(gist);
    });
  }
});

describe('an alias bomb in a rule pack', () => {
  it('is rejected fast, naming the file', async () => {
    const start = Date.now();
    const run = await hoso(['rules', 'validate', bad('quy-tac/bom-alias.yaml')]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/bom-alias\.yaml/);
    expect(Date.now() - start).toBeLessThan(10_000);
  });
});
