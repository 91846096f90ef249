/**
 * --annotate copies at the package level, on workbooks saved the ways that broke the copy made
 * through exceljs: cells sharing one style (every cell came out red), a sheet with notes and a
 * threaded comment, a chart, a data sheet already named "Kết quả kiểm tra". In each copy only the
 * flagged cells change; every part the annotation does not touch is the input's, byte for byte;
 * every part parses as XML; the input is never changed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import zlib from 'node:zlib';
import { readZip, writeRawZip, writeZip, type ReadPart } from '../../scripts/fixture-kit/zip.js';
import { planCopies } from '../../src/report/placement.js';
import { hoso, type Report } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const BASE = 'fixtures/fields/giao-duc-khong-dat.xlsx';
const SHEET = 'xl/worksheets/sheet1.xml';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const partsOf = (file: string) => new Map(readZip(fs.readFileSync(file)).map((p) => [p.name, p]));
const text = (parts: Map<string, ReadPart>, name: string) => parts.get(name)!.data.toString('utf8');

/** Each cell of a sheet's XML: its whole tag, by reference. */
function cells(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?\/?>/g)].map((m) => [m[1], m[0]]));
}
const styleOf = (tag: string) => Number(/ s="(\d+)"/.exec(tag)?.[1] ?? 0);

/** The base workbook with the parts the edits name replaced, or added. */
function variant(name: string, edits: Record<string, (text: string | undefined) => string>): string {
  const parts = readZip(fs.readFileSync(BASE))
    .filter((p) => !p.name.endsWith('/'))
    .map((p) => ({ name: p.name, data: p.data }));
  for (const [part, edit] of Object.entries(edits)) {
    const at = parts.findIndex((p) => p.name === part);
    const data = Buffer.from(edit(at >= 0 ? parts[at].data.toString('utf8') : undefined), 'utf8');
    if (at >= 0) parts[at] = { name: part, data };
    else parts.push({ name: part, data });
  }
  const file = path.join(tmp, name);
  fs.writeFileSync(file, writeZip(parts));
  return file;
}

const contentType = (part: string, type: string) => (t: string | undefined) => t!.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
const beforeSheetEnd = (xml: string) => (t: string | undefined) => t!.replace('</worksheet>', `${xml}</worksheet>`);
const rels = (...r: [id: string, type: string, target: string][]) => () =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.map(([id, type, target]) => `<Relationship Id="${id}" Type="${NS_R}/${type}" Target="${target}"/>`).join('')}</Relationships>`;

/** An Excel-saved note on M10 (a cell with a finding) and one on B3 (none), with a threaded comment on M10. */
const NOTES: Record<string, (t: string | undefined) => string> = {
  [SHEET]: beforeSheetEnd('<legacyDrawing r:id="rId2"/>'),
  'xl/worksheets/_rels/sheet1.xml.rels': rels(['rId1', 'comments', '../comments1.xml'], ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml'], ['rId3', 'threadedComment', '../threadedComments/threadedComment1.xml']),
  'xl/comments1.xml': () =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Cán bộ</author><author>tc={6B7E2E9A-0000-4000-8000-000000000001}</author></authors><commentList>' +
    '<comment ref="B3" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>Cán bộ:</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve"> xem lại tên đơn vị</t></r></text></comment>' +
    '<comment ref="M10" authorId="1" shapeId="0"><text><t>[Threaded comment]\nĐã hỏi lại trường</t></text></comment></commentList></comments>',
  'xl/threadedComments/threadedComment1.xml': () =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="M10" dT="2024-05-02T08:00:00.00" personId="{6B7E2E9A-0000-4000-8000-0000000000AA}" id="{6B7E2E9A-0000-4000-8000-000000000001}"><text>Đã hỏi lại trường</text></threadedComment></ThreadedComments>',
  'xl/drawings/vmlDrawing1.vml': () =>
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    [
      [1, 2],
      [12, 9],
    ]
      .map(([col, row], i) => `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`)
      .join('') +
    '</xml>',
  '[Content_Types].xml': (t) =>
    contentType('xl/comments1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml')(
      contentType('xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml')(t!.replace('<Default Extension="xml"', '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xml"')),
    ),
};

/** A bar chart over the list, in a drawing of its own. */
const CHART: Record<string, (t: string | undefined) => string> = {
  [SHEET]: beforeSheetEnd('<drawing r:id="rId1"/>'),
  'xl/worksheets/_rels/sheet1.xml.rels': rels(['rId1', 'drawing', '../drawings/drawing1.xml']),
  'xl/drawings/_rels/drawing1.xml.rels': rels(['rId1', 'chart', '../charts/chart1.xml']),
  'xl/drawings/drawing1.xml': () =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>' +
    '<xdr:from><xdr:col>17</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>24</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  'xl/charts/chart1.xml': () =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/>' +
    "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:val><c:numRef><c:f>'Danh sách'!$A$7:$A$14</c:f></c:numRef></c:val></c:ser><c:axId val=\"1\"/><c:axId val=\"2\"/></c:barChart>" +
    '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>',
  '[Content_Types].xml': (t) =>
    contentType('xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml')(contentType('xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml')(t)),
};

let tmp: string;
let out: string;
const inputs: Record<string, string> = {};
const before: Record<string, string> = {};
let findings: Report['findings'];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-annotate-pkg-'));
  out = path.join(tmp, 'copies');
  // Excel-like: every cell of the list shares one style, as Excel saves cells formatted alike.
  inputs.shared = variant('mot-kieu.xlsx', { [SHEET]: (t) => t!.replace(/ s="\d+"/g, ' s="7"') });
  inputs.notes = variant('ghi-chu.xlsx', NOTES);
  inputs.chart = variant('bieu-do.xlsx', CHART);
  inputs.named = variant('trung-ten.xlsx', { 'xl/workbook.xml': (t) => t!.replace('name="Hướng dẫn"', 'name="KẾT QUẢ KIỂM TRA"') });
  for (const [k, f] of Object.entries(inputs)) before[k] = sha(f);
  // Each on its own: checked together, their nominees would be one another's duplicates.
  const runs = await Promise.all(Object.values(inputs).map((f) => hoso(['check', f, '-f', 'json', '--annotate', out])));
  for (const run of runs) expect([run.code, run.stderr]).toEqual([1, '']);
  findings = runs.flatMap((run) => (JSON.parse(run.stdout) as Report).findings);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Where a run over one file puts its copy. */
const annotatedPath = (dir: string, file: string) => planCopies({ dir, given: [file] }, [file]).get(file)!;
const copyOf = (k: string) => annotatedPath(out, inputs[k]);
const findingsOf = (k: string) => findings.filter((f) => f.file === inputs[k]);
/** The cells with a finding, on the list's sheet. */
const flagged = (k: string, sheet = 'Danh sách') => new Set(findingsOf(k).filter((f) => f.sheet === sheet && f.row !== undefined).map((f) => `${f.column}${f.row}`));

describe('an annotated copy made at the package level', () => {
  it('leaves every input as it was', () => {
    for (const k of Object.keys(inputs)) expect(sha(inputs[k]), k).toBe(before[k]);
  });

  it('restyles exactly the flagged cells of a sheet whose cells share one style, each with its own copy of that style', () => {
    const original = cells(text(partsOf(inputs.shared), SHEET));
    const copy = cells(text(partsOf(copyOf('shared')), SHEET));
    const changed = [...copy].filter(([ref, tag]) => original.get(ref) !== tag).map(([ref]) => ref);
    expect(flagged('shared').size).toBeGreaterThan(1);
    expect(new Set(changed)).toEqual(flagged('shared'));
    // Every other cell is the input's, tag for tag; the flagged ones differ only in their style.
    for (const ref of changed) expect(copy.get(ref)!.replace(/ s="\d+"/, '')).toBe(original.get(ref)!.replace(/ s="\d+"/, ''));
    const styles = text(partsOf(copyOf('shared')), 'xl/styles.xml');
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    const errorFill = [...styles.slice(styles.indexOf('<fills')).matchAll(/<fill>.*?<\/fill>/g)].findIndex((m) => m[0].includes('FFFFC7CE'));
    for (const ref of changed) {
      const xf = xfs[styleOf(copy.get(ref)!)];
      expect(xf, ref).toContain(`fillId="${errorFill}"`);
      // A copy of the cell's own style (7): its font kept.
      expect(xf).toContain(`fontId="${/fontId="(\d+)"/.exec(xfs[7])![1]}"`);
    }
  });

  it('keeps a note the officer wrote: its text stays, the finding goes under it; other notes and the threaded comment are untouched', async () => {
    const parts = partsOf(copyOf('notes'));
    const comments = text(parts, 'xl/comments1.xml');
    const m10 = findingsOf('notes').find((f) => f.row === 10 && f.column === 'M')!;
    expect(comments).toMatch(new RegExp(`<comment ref="M10" authorId="1" shapeId="0"><text><r><t>\\[Threaded comment\\]\\nĐã hỏi lại trường</t></r><r>.*\\n\\[${m10.ruleId}\\]`, 's'));
    expect(comments).toContain('<comment ref="B3" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>Cán bộ:</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve"> xem lại tên đơn vị</t></r></text></comment>');
    expect(comments).toContain('<author>Cán bộ</author><author>tc={6B7E2E9A-0000-4000-8000-000000000001}</author><author>hoso</author>');
    // The other flagged cells get notes of their own, by hoso (author 2), and boxes in the drawing.
    const others = [...flagged('notes')].filter((r) => r !== 'M10');
    for (const ref of others) expect(comments).toContain(`<comment ref="${ref}" authorId="2"`);
    expect(text(parts, 'xl/drawings/vmlDrawing1.vml').match(/<v:shape /g)).toHaveLength(2 + others.length);
    const original = partsOf(inputs.notes);
    expect(parts.get('xl/threadedComments/threadedComment1.xml')!.stored.equals(original.get('xl/threadedComments/threadedComment1.xml')!.stored)).toBe(true);
    // No second <legacyDrawing>: the sheet's own is the notes' drawing.
    expect(text(parts, SHEET).match(/<legacyDrawing /g)).toHaveLength(1);
    const wb = await new ExcelJS.Workbook().xlsx.readFile(copyOf('notes'));
    const note = wb.getWorksheet('Danh sách')!.getCell('M10').note as { texts: { text: string }[] };
    expect(note.texts.map((t) => t.text).join('')).toMatch(/^\[Threaded comment\]\nĐã hỏi lại trường\n\[/);
  });

  it('keeps a chart: its drawing and chart parts byte for byte, the notes drawing placed after it as the schema wants', () => {
    const parts = partsOf(copyOf('chart'));
    const original = partsOf(inputs.chart);
    for (const name of ['xl/drawings/drawing1.xml', 'xl/charts/chart1.xml', 'xl/drawings/_rels/drawing1.xml.rels']) expect(parts.get(name)!.stored.equals(original.get(name)!.stored), name).toBe(true);
    const sheet = text(parts, SHEET);
    expect(sheet.indexOf('<drawing r:id="rId1"/>')).toBeGreaterThan(0);
    const legacy = /<legacyDrawing r:id="(rId\d+)"\/>/.exec(sheet)!;
    expect(legacy.index).toBeGreaterThan(sheet.indexOf('<drawing r:id="rId1"/>'));
    expect(text(parts, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain(`<Relationship Id="${legacy[1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"`);
    expect(text(parts, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>');
  });

  it('keeps a data sheet named "Kết quả kiểm tra" (any case) and names the findings sheet apart', async () => {
    const wb = await new ExcelJS.Workbook().xlsx.readFile(copyOf('named'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sách', 'KẾT QUẢ KIỂM TRA', 'Kết quả kiểm tra (2)']);
    const original = partsOf(inputs.named);
    const copy = partsOf(copyOf('named'));
    // Read as a list (no longer passed over as instructions by its name), it has findings of its own: only their cells change.
    const changed = [...cells(text(copy, 'xl/worksheets/sheet2.xml'))].filter(([ref, tag]) => cells(text(original, 'xl/worksheets/sheet2.xml')).get(ref) !== tag);
    expect(flagged('named', 'KẾT QUẢ KIỂM TRA').size).toBeGreaterThan(0);
    expect(new Set(changed.map(([ref]) => ref))).toEqual(flagged('named', 'KẾT QUẢ KIỂM TRA'));
    expect(wb.getWorksheet('Kết quả kiểm tra (2)')!.rowCount).toBe(findingsOf('named').length + 1);
  });

  it('copies every part it does not change byte for byte, and every part of every copy parses as XML', () => {
    const changes = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|docProps\/(app|custom)\.xml|xl\/worksheets\/(_rels\/)?sheet\d\.xml(\.rels)?|xl\/comments\d\.xml|xl\/drawings\/vmlDrawing\d\.vml)$/;
    for (const k of Object.keys(inputs)) {
      const original = partsOf(inputs[k]);
      const copy = partsOf(copyOf(k));
      for (const [name, part] of original) {
        if (name.endsWith('/')) continue;
        expect(copy.has(name), `${k}: ${name}`).toBe(true);
        if (!changes.test(name)) expect(copy.get(name)!.stored.equals(part.stored), `${k}: ${name}`).toBe(true);
      }
      for (const [name, part] of copy) {
        if (!/\.(xml|rels|vml)$/.test(name)) continue;
        const parser = new SaxesParser({ xmlns: true });
        parser.on('error', (e) => {
          throw new Error(`${k}: ${name}: ${e.message}`);
        });
        parser.write(part.data.toString('utf8')).close();
      }
    }
  });

  it("reads back in hoso's reader with the same findings, the findings sheet passed over", async () => {
    for (const k of ['shared', 'chart']) {
      const again = await hoso(['check', copyOf(k), '-f', 'json']);
      const where = (fs: Report['findings']) => fs.map((f) => [f.ruleId, f.sheet, f.row, f.column]);
      expect(where((JSON.parse(again.stdout) as Report).findings)).toEqual([...where(findingsOf(k)), ['hoso/trang-bo-qua', 'Kết quả kiểm tra', undefined, undefined]]);
    }
  });
});

describe('a part only the copy reads, hostile', () => {
  /** The base workbook with a notes part for its list, holding `comments` (stored as given, its size as the zip says). */
  function withComments(name: string, comments: Buffer): string {
    const parts = readZip(fs.readFileSync(BASE)).filter((p) => !p.name.endsWith('/'));
    const entries = parts.map((p) => {
      const data =
        p.name === '[Content_Types].xml'
          ? Buffer.from(p.data.toString().replace('</Types>', '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>'))
          : p.data;
      return { name: p.name, deflated: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
    });
    const sheetRels = Buffer.from(rels(['rId1', 'comments', '../comments1.xml'])());
    entries.push({ name: 'xl/worksheets/_rels/sheet1.xml.rels', deflated: zlib.deflateRawSync(sheetRels), crc: zlib.crc32(sheetRels), size: sheetRels.length });
    entries.push({ name: 'xl/comments1.xml', deflated: zlib.deflateRawSync(comments), crc: zlib.crc32(comments), size: comments.length });
    const file = path.join(tmp, name);
    fs.writeFileSync(file, writeRawZip(entries));
    return file;
  }

  it('a notes part with a tag that never ends: refused at the cap, in one line naming the part, within the timeout; no copy', async () => {
    const file = withComments('the-vo-tan.xlsx', Buffer.concat([Buffer.from('<comments><commentList><comment ref="'), Buffer.alloc(64 * 1024 * 1024, 'x')]));
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const dir = path.join(tmp, 'vo-tan');
    const run = await hoso(['check', file, '--annotate', dir, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^hoso: --annotate .*the-vo-tan\.xlsx: .*abnormally long XML tag.*«xl\/comments1\.xml».*longer than 1048576 characters/);
    expect(fs.existsSync(annotatedPath(dir, file))).toBe(false);
  }, 20_000);

  it('a notes part that inflates past the reading limit (--max-part-size): refused before it is inflated', async () => {
    const file = withComments('qua-lon.xlsx', Buffer.alloc(20 * 1024 * 1024, ' '));
    const dir = path.join(tmp, 'qua-lon');
    const run = await hoso(['check', file, '--annotate', dir, '--lang', 'en', '--max-part-size', '10M']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^hoso: --annotate .*qua-lon\.xlsx: .*«xl\/comments1\.xml» inflates to more than/);
    expect(fs.existsSync(annotatedPath(dir, file))).toBe(false);
  });
});

describe('a bare workbook: no styles, no document properties, inline strings', () => {
  it('gets the parts it lacks — styles, properties with the mark — and its findings sheet named in English with --lang en', async () => {
    const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
    const file = path.join(tmp, 'tran.xlsx');
    fs.writeFileSync(
      file,
      writeZip([
        {
          name: '[Content_Types].xml',
          data: xml(
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
          ),
        },
        { name: '_rels/.rels', data: Buffer.from(rels(['rId1', 'officeDocument', 'xl/workbook.xml'])()) },
        { name: 'xl/workbook.xml', data: xml(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_R}"><sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
        { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels(['rId1', 'worksheet', 'worksheets/sheet1.xml'])()) },
        {
          name: 'xl/worksheets/sheet1.xml',
          data: xml(
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>UBND XÃ ĐẮK RUỒNG</t></is></c></row>' +
              ['STT', 'Họ và tên', 'Đơn vị công tác', 'Đối tượng'].reduce((row, h, i) => `${row}<c r="${'ABCD'[i]}4" t="inlineStr"><is><t>${h}</t></is></c>`, '<row r="4">') +
              '</row><row r="5"><c r="A5"><v>1</v></c><c r="B5" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="D5" t="inlineStr"><is><t>Cá nhân</t></is></c></row></sheetData></worksheet>',
          ),
        },
      ]),
    );
    const dir = path.join(tmp, 'tran');
    const run = await hoso(['check', file, '--annotate', dir, '-f', 'json', '--lang', 'en']);
    expect(run.stderr).toBe('');
    const found = (JSON.parse(run.stdout) as Report).findings;
    expect(found.length).toBeGreaterThan(0);
    // The unit left empty (no cell at all in the row) and findings about the whole sheet.
    expect(found.filter((f) => f.row !== undefined).map((f) => `${f.column}${f.row}`)).toEqual(['C5']);
    expect(found.filter((f) => f.row === undefined && f.sheet === 'Trang 1').length).toBeGreaterThan(0);
    const parts = partsOf(annotatedPath(dir, file));
    expect([...parts.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/comments1.xml',
      'xl/drawings/vmlDrawing1.vml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/styles.xml',
      'docProps/app.xml',
      'docProps/custom.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(text(parts, 'docProps/custom.xml')).toContain('<vt:lpwstr>annotated-copy hoso-lint ');
    expect(text(parts, 'docProps/app.xml')).toContain('<Application>hoso-lint</Application>');
    // The whole-sheet findings go on the title cell, B2, which takes a new style of its own; the empty unit gets a cell.
    const sheet = text(parts, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<c r="B2" t="inlineStr" s="[1-9]\d*">/);
    expect(sheet).toMatch(/<t>Nguyễn Văn An<\/t><\/is><\/c><c r="C5" s="[1-9]\d*"\/><c r="D5" t="inlineStr">/);
    const wb = await new ExcelJS.Workbook().xlsx.readFile(annotatedPath(dir, file));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Trang 1', 'Findings']);
    for (const ref of ['B2', 'C5']) expect((wb.getWorksheet('Trang 1')!.getCell(ref).fill as ExcelJS.FillPattern).fgColor?.argb, ref).toMatch(/^FF(FFC7CE|FFEB9C|DDEBF7)$/);
    expect(wb.getWorksheet('Trang 1')!.getCell('A5').fill?.type).toBeUndefined();
    const again = await hoso(['check', annotatedPath(dir, file), '-f', 'json', '--lang', 'en']);
    expect(again.stderr).toBe('');
  });
});
