/**
 * Two copies of a part (fixtures/bad/phan-trung-*.xlsx, quan-he-trung-id.xlsx: the passing
 * education dossier holding a second copy of its sheet, in which a school fails a criterion):
 * exit 2 and one line saying why, never a verdict on whichever copy a reader happened to take,
 * and no annotated copy. A file over 4 MiB, which is streamed rather than read whole, is refused
 * the same way; a workbook whose part names only look alike gives its findings as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readZip, writeZip, type ZipPart } from '../../scripts/fixture-kit/zip.js';
import { FIXTURES, hoso, type Report, type ReportFinding } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-package-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const bad = (p: string) => path.join('fixtures', 'bad', p);
const REASON_VI = 'tệp .xlsx ghi một thành phần hai lần, nên Excel và hoso có thể đọc hai bản khác nhau: hãy mở bằng Excel, «Lưu thành» tệp mới rồi kiểm tra tệp đó, hoặc xin gửi lại tệp';
const REASON_EN = 'the .xlsx holds one of its parts twice, so Excel and hoso could read different copies: open it in Excel, "Save As" a new file and check that one, or ask for the file again';

const CASES: [file: string, detail: string][] = [
  ['phan-trung-ten.xlsx', 'two zip entries named «xl/worksheets/sheet1.xml»'],
  ['phan-trung-chu-hoa.xlsx', 'zip entries «XL/Worksheets/Sheet1.xml» and «xl/worksheets/sheet1.xml» name one part'],
  ['phan-trung-gach-nguoc.xlsx', 'zip entries «xl\\worksheets\\sheet1.xml» and «xl/worksheets/sheet1.xml» name one part'],
  ['quan-he-trung-id.xlsx', 'relationship Id «rId4» twice in «xl/_rels/workbook.xml.rels»'],
];

const place = (f: ReportFinding) => `${f.ruleId} ${f.sheet} ${f.row ?? ''}${f.column ?? ''} ${f.value ?? ''}`;

/** A workbook's parts with a 5 MiB part that does not compress added: over 4 MiB, so it is streamed. */
function padded(parts: ZipPart[]): Buffer {
  const zip = writeZip([...parts, { name: 'xl/media/image1.png', data: randomBytes(5 * 1024 * 1024) }]);
  expect(zip.length).toBeGreaterThan(4 * 1024 * 1024);
  return zip;
}

describe.concurrent('a part twice: exit 2, one line naming the part, in either language', () => {
  for (const [file, detail] of CASES) {
    it(file, async () => {
      const [vi, en] = await Promise.all([hoso(['check', bad(file)]), hoso(['check', bad(file), '--lang', 'en', '-f', 'json'])]);
      expect(vi.code).toBe(2);
      expect(vi.stderr).toBe(`hoso: ${bad(file)}: ${REASON_VI} (${detail})\n`);
      expect(en.code).toBe(2);
      expect(en.stderr).toBe(`hoso: ${bad(file)}: ${REASON_EN} (${detail})\n`);
      // Nothing of either copy is checked: no nominee, no finding.
      const report = JSON.parse(en.stdout) as Report & { summary: { unreadable: number } };
      expect(report.summary).toMatchObject({ rows: 0, unreadable: 1 });
      expect(report.findings).toEqual([]);
    });
  }

  it('--annotate writes no copy of such a file, and still annotates the readable one beside it', async () => {
    const out = path.join(tmp, 'annotated');
    const run = await hoso(['check', bad('phan-trung-chu-hoa.xlsx'), 'fixtures/fields/giao-duc-khong-dat.xlsx', '--annotate', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bad('phan-trung-chu-hoa.xlsx')}: ${REASON_VI}`);
    expect(run.stderr).not.toContain('--annotate');
    const written = fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xlsx'));
    // Placed under fixtures/, the folder common to both files named, the unreadable one too.
    expect(written).toEqual([path.join('fields', 'giao-duc-khong-dat.xlsx')]);
  });
});

describe.concurrent('names that only look alike, and a file large enough to be streamed', () => {
  const FAILING = 'fixtures/fields/giao-duc-khong-dat.xlsx';
  const reference = hoso(['check', FAILING, '-f', 'json']).then((r) => (JSON.parse(r.stdout) as Report).findings.map(place));
  const parts = readZip(fs.readFileSync(path.join(FIXTURES, 'fields', 'giao-duc-khong-dat.xlsx')));
  const sheet1 = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.data;

  it('sheet10.xml, sheet1.xml.bak and sheet1.xml side by side: the same findings as the dossier alone', async () => {
    const file = path.join(tmp, 'giong-ten.xlsx');
    fs.writeFileSync(
      file,
      writeZip([...parts, { name: 'xl/worksheets/sheet10.xml', data: sheet1 }, { name: 'xl/worksheets/sheet1.xml.bak', data: sheet1 }, { name: 'xl/media/100%.png', data: Buffer.from('png') }]),
    );
    const run = await hoso(['check', file, '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as Report).findings.map(place);
    expect(findings.length).toBeGreaterThan(2);
    expect(findings).toEqual(await reference);
  });

  it('streamed (over 4 MiB): a case-variant copy of the sheet is refused as when read whole; without it, the findings are as before', async () => {
    const twin = path.join(tmp, 'lon-phan-trung.xlsx');
    fs.writeFileSync(twin, padded([...parts, { name: 'XL/Worksheets/Sheet1.xml', data: sheet1 }]));
    const plain = path.join(tmp, 'lon.xlsx');
    fs.writeFileSync(plain, padded(parts));
    const [refused, read] = await Promise.all([hoso(['check', twin]), hoso(['check', plain, '-f', 'json'])]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`hoso: ${twin}: ${REASON_VI} (zip entries «xl/worksheets/sheet1.xml» and «XL/Worksheets/Sheet1.xml» name one part)\n`);
    expect(read.stderr).toBe('');
    expect(read.code).toBe(1);
    expect((JSON.parse(read.stdout) as Report).findings.map(place)).toEqual(await reference);
  });
});
