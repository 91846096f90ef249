/**
 * Hostile text in, well-formed XML out: a dossier's cells may hold any character — control
 * characters raw in a CSV, `_xHHHH_` escapes of forbidden characters and lone surrogates in a
 * workbook, a literal «_x0041_» — and every XML hoso writes from them (JUnit, the annotated
 * copies, the report workbook, the HTML report's inline SVG) must still parse strictly, with the
 * text Excel would show unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FORBIDDEN_ESCAPED, FORBIDDEN_HEADER, FORBIDDEN_RAW, forbiddenRow } from '../../scripts/fixture-kit/hostile.js';
import { readZip } from '../../scripts/fixture-kit/zip.js';
import { escapeXml } from '../../src/format/xml-text.js';
import { printable } from '../../src/printable.js';
import { unescapeXstring } from '../../src/read/sheet-scanner.js';
import { XML_FORBIDDEN as FORBIDDEN } from '../support/xml.js';
import { hoso, type Report } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const RAW = FORBIDDEN_RAW;
const ESCAPED = FORBIDDEN_ESCAPED;
const HEADER = FORBIDDEN_HEADER;
const row = forbiddenRow;

/**
 * Parses strictly (saxes checks every character against XML 1.0, fast-xml-parser the structure)
 * and returns the text of every `<t>` (cells, shared strings, notes) as Excel shows it.
 */
function strict(xml: string, where: string): string[] {
  expect(xml, where).not.toMatch(FORBIDDEN);
  expect(XMLValidator.validate(xml), where).toBe(true);
  const texts: string[] = [];
  let inT = 0;
  let current = '';
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw new Error(`${where}: ${e.message}`);
  });
  parser.on('opentag', (t) => {
    if (t.name === 't') (inT++, (current = ''));
  });
  parser.on('text', (s) => {
    if (inT) current += s;
  });
  parser.on('closetag', (t) => {
    if (t.name === 't') (inT--, texts.push(unescapeXstring(current)));
  });
  parser.write(xml).close();
  return texts;
}

/** Every XML part of a workbook parsed strictly; the texts of all of them. */
function workbookTexts(file: string): string[] {
  const parts = readZip(fs.readFileSync(file)).filter((p) => /\.(xml|rels|vml)$/.test(p.name));
  expect(parts.length).toBeGreaterThan(3);
  return parts.flatMap((p) => strict(p.data.toString('utf8'), `${file}:${p.name}`));
}

/** Both inputs lie in tmp, the run's common folder: each copy is ann/<its name>, a CSV's made .xlsx. */
const copyOf = (input: string) => path.join(tmp, 'ann', path.basename(input).replace(/\.csv$/, '.xlsx'));

let tmp: string;
let csv: string;
let xlsx: string;
let json: Report;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-xml-out-'));
  csv = path.join(tmp, 'thu-csv.csv');
  fs.writeFileSync(csv, [HEADER, row(RAW)].map((r) => r.join(',')).join('\n') + '\n');
  xlsx = path.join(tmp, 'thu-xlsx.xlsx');
  // exceljs writes text as given: the escapes reach the file as they are, as Excel would have written them.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(HEADER);
  ws.addRow(row(ESCAPED));
  await wb.xlsx.writeFile(xlsx);
  const run = await hoso(['check', csv, xlsx, '-f', 'junit', '-o', path.join(tmp, 'junit.xml'), '-f', 'sarif', '-o', path.join(tmp, 'out.sarif'), '-f', 'json', '--annotate', path.join(tmp, 'ann')]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  json = JSON.parse(run.stdout);
  for (const out of ['report.xlsx', 'report.html']) {
    const r = await hoso(['report', csv, xlsx, '-o', path.join(tmp, out)]);
    expect([r.code, r.stderr]).toEqual([1, '']);
  }
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The findings whose value holds the hostile text, one per input. */
const hostile = () => json.findings.filter((f) => f.column === 'C');

describe('every XML hoso writes from hostile text is well-formed', () => {
  it('reads the hostile cells as the characters they hold (the corpus is what it claims to be)', () => {
    const [fromCsv, fromXlsx] = hostile();
    expect(fromCsv.file).toBe(csv);
    expect(fromCsv.value).toMatch(/\u0001.*\u001B\[8m_x0041_.*\uFFFE\uFFFF/);
    expect(fromXlsx.file).toBe(xlsx);
    expect(fromXlsx.value).toMatch(/\u0001.*\u001B\[8m_x0041_.*\uFFFE\uFFFF.*\uD800E$/);
  });

  it('check -f junit: parses strictly; each control character is a code, each other forbidden one U+FFFD, the rest of the text kept', () => {
    const xml = fs.readFileSync(path.join(tmp, 'junit.xml'), 'utf8');
    strict(xml, 'junit.xml');
    for (const f of hostile()) {
      expect(xml).toContain(escapeXml(printable(f.message), true));
      expect(printable(f.message)).toContain('\\u{1B}[8m');
    }
  });

  it('check --annotate: every part of both copies parses strictly; notes and the findings sheet read back as the findings say', () => {
    for (const input of [csv, xlsx]) {
      const texts = workbookTexts(copyOf(input));
      const f = hostile().find((x) => x.file === input)!;
      expect(texts).toContain(f.value);
      expect(texts.some((t) => t.includes(`[${f.ruleId}] ${f.message}`))).toBe(true);
    }
  });

  it('check --annotate: a workbook’s own cells are copied as Excel stored them, the literal «_x0041_» still escaped', () => {
    const part = readZip(fs.readFileSync(copyOf(xlsx))).find((p) => p.name === 'xl/sharedStrings.xml')!;
    expect(part.data.toString('utf8')).toContain(`Cá nhân${ESCAPED}`);
  });

  it('check --annotate of a CSV: the copy shows each cell as the CSV holds it', () => {
    const texts = workbookTexts(copyOf(csv));
    for (const cell of row(RAW).slice(1, 3)) expect(texts).toContain(cell);
  });

  it('report -o x.xlsx: every part parses strictly; the names and values read back unchanged', () => {
    const texts = workbookTexts(path.join(tmp, 'report.xlsx'));
    for (const f of hostile()) expect(texts).toContain(f.value);
    // The list's names (a vertical tab or form feed read as a space, as names are): as the CSV holds it, and as the workbook's escapes spell it.
    const name = 'Nguyễn A\u0000\u0001\u0008B \u001B[8m_x0041_\u001FC\uFFFE\uFFFF\u007FD';
    expect(texts).toContain(name);
    expect(texts).toContain(`${name}\uD800E`);
  });

  it('report -o x.html: no character a page cannot hold, every inline SVG parses strictly, the literal «_x0041_» shown as it is', () => {
    const html = fs.readFileSync(path.join(tmp, 'report.html'), 'utf8');
    expect(html).not.toMatch(FORBIDDEN);
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(3);
    svgs.forEach((svg, i) => strict(svg, `svg ${i}`));
    expect(html).toContain('[8m_x0041_');
    expect(html).not.toContain('_x005F_');
  });

  it('check -f sarif: JSON keeps a lone surrogate escaped, so the file is valid UTF-8 and the message reads back whole', () => {
    const bytes = fs.readFileSync(path.join(tmp, 'out.sarif'));
    const sarif = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const messages = sarif.runs[0].results.map((r: { message: { text: string } }) => r.message.text);
    for (const f of hostile()) expect(messages).toContain(f.message);
    expect(bytes.toString('utf8')).toContain('\\ud800');
  });
});
