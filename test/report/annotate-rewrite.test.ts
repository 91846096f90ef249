/**
 * The streaming rewriters under --annotate, on XML given in every way a stream may cut it: the
 * same output whatever the chunks, nothing changed that the rewrite does not mean to change, and
 * tokens that never end refused at the cap in time linear in their length.
 */
import { describe, expect, it } from 'vitest';
import { SheetMarks } from '../../src/report/annotate/marks.js';
import { commentsMerger, vmlMerger } from '../../src/report/annotate/notes.js';
import { addContentTypes, addSheet, markApplication, markCustom, readSheets } from '../../src/report/annotate/parts.js';
import { sheetRewriter, type SheetPlan } from '../../src/report/annotate/sheet.js';
import { countStyles, StylePlan, stylesRewriter } from '../../src/report/annotate/styles.js';
import { rewriteText, TagStream, type Editor, type TagHandler } from '../../src/report/annotate/tags.js';
import { titleCell } from '../../src/report/annotate/title.js';
import type { Finding, Severity } from '../../src/engine/types.js';

const finding = (severity: Severity, ruleId = 'r'): Finding => ({ file: 'f.xlsx', ruleId, severity, message: `m ${ruleId}`, source: 's' });

type Make = Editor | ((out: (t: string) => void) => TagStream);

/** Runs a stream (or an editor's) over the text cut into chunks of `size` characters. */
function through(make: Make, text: string, size: number): string {
  const out: string[] = [];
  const push = (t: string) => out.push(t);
  const stream = typeof make === 'function' ? make(push) : new TagStream(make.names, make.handler, push, 1e6);
  for (let i = 0; i < text.length; i += size) stream.push(text.slice(i, i + size));
  stream.end();
  return out.join('');
}

/** The same output for every chunk size from 1 to the whole text. */
function sameAnyCut(make: () => Make, text: string): string {
  const whole = through(make(), text, text.length);
  for (const size of [1, 2, 3, 5, 7, 11, 64]) expect(through(make(), text, size), `chunks of ${size}`).toBe(whole);
  return whole;
}

async function* chunks(text: string, size = 7): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const SHEET =
  '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<cols><col min="3" max="4" width="9" style="5"/></cols><sheetData>' +
  '<row r="2"><c r="A2" s="1" t="s"><v>0</v></c><c r="B2" s="1"><v>7</v></c><c r="D2" s="1"/></row>' +
  '<row r="4" s="6" customFormat="1"><c s="2"><v>1</v></c><c><v>2</v></c></row>' +
  '<!-- <row r="5"><c r="A5" s="1"/></row> --><row r="7"/>' +
  '<row r="9"><c r="A9"><is><t><![CDATA[<c r="Z9"/>]]></t></is></c></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells><drawing r:id="rId1"/><tableParts count="0"/></worksheet>';

function plan(marks: [row: number, col: number, severity: Severity][], legacyDrawing?: string): SheetPlan & { styles: string[] } {
  const m = new SheetMarks();
  for (const [row, col, severity] of marks) m.add({ row, col }, finding(severity));
  const styles: string[] = [];
  return {
    marks: m,
    legacyDrawing,
    styles,
    styleFor(xf, severity) {
      const key = `${xf}:${severity}`;
      if (!styles.includes(key)) styles.push(key);
      return 100 + styles.indexOf(key);
    },
  };
}

describe('TagStream', () => {
  const keep: TagHandler = () => undefined;

  it('passes any XML through unchanged, whatever the chunks, when no tag is changed', () => {
    const names = ['row', 'c', 'worksheet'];
    expect(sameAnyCut(() => ({ names, handler: keep }), SHEET)).toBe(SHEET);
  });

  it('sees only the tags asked for, never markup inside a comment or a CDATA section', () => {
    const seen: string[] = [];
    through((out) => new TagStream(['c'], (t) => void seen.push(t.raw), out, 1e6), SHEET, 3);
    expect(seen.filter((t) => t.startsWith('<c'))).toEqual(['<c r="A2" s="1" t="s">', '<c r="B2" s="1">', '<c r="D2" s="1"/>', '<c s="2">', '<c>', '<c r="A9">']);
  });

  it('writes the input in UTF-8 whatever its declaration said', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><a/>';
    expect(through((out) => new TagStream([], keep, out, 1e6), text, 4)).toBe('<?xml version="1.0" encoding="UTF-8"?><a/>');
  });

  it('refuses a tag, comment or attribute that never ends once past the cap, reading it once', () => {
    for (const start of ['<c r="A1" t="', '<!-- <c ', '<![CDATA[ <row>', '<c r="A1']) {
      const stream = new TagStream(['c', 'row'], keep, () => {}, 1 << 20);
      const t0 = performance.now();
      const piece = 'x'.repeat(64 * 1024);
      expect(() => {
        stream.push(`<sheetData>${start}`);
        for (let i = 0; i < 1024; i++) stream.push(piece);
      }).toThrow(/longer than 1048576 characters/);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });

  it('refuses a part that ends inside a tag', () => {
    const stream = new TagStream(['c'], keep, () => {}, 1e6);
    stream.push('<a><c r="A1"');
    expect(() => stream.end()).toThrow(/unexpected end of part inside a tag/);
  });
});

describe('a sheet rewritten for its marks', () => {
  it('restyles the marked cells only, from their own style, and keeps every other character', () => {
    const p = plan([
      [2, 2, 'error'],
      [4, 2, 'warning'],
    ]);
    const out = sameAnyCut(() => sheetRewriter(p), SHEET);
    expect(out).toBe(SHEET.replace('<c r="B2" s="1">', '<c r="B2" s="100">').replace('<c><v>2</v></c>', '<c s="101"><v>2</v></c>'));
    // B4 had no s: its own style is 0.
    expect(p.styles).toEqual(['1:error', '0:warning']);
  });

  it('inserts a marked cell the row lacks in column order, styled as Excel shows it: the row’s style, else the column’s', () => {
    const p = plan([
      [2, 3, 'error'],
      [2, 9, 'info'],
      [4, 5, 'error'],
    ]);
    const out = sameAnyCut(() => sheetRewriter(p), SHEET);
    expect(out).toContain('<c r="B2" s="1"><v>7</v></c><c r="C2" s="100"/><c r="D2" s="1"/><c r="I2" s="101"/></row>');
    expect(out).toContain('<c><v>2</v></c><c r="E4" s="102"/></row>');
    expect(p.styles).toEqual(['5:error', '0:info', '6:error']);
  });

  it('inserts a missing row in row order and opens an empty one, leaving a commented-out row alone', () => {
    const p = plan([
      [1, 1, 'error'],
      [5, 1, 'warning'],
      [7, 2, 'error'],
      [20, 1, 'info'],
    ]);
    const out = sameAnyCut(() => sheetRewriter(p), SHEET);
    expect(out).toContain('<sheetData><row r="1"><c r="A1" s="100"/></row><row r="2">');
    expect(out).toContain('<!-- <row r="5"><c r="A5" s="1"/></row> --><row r="5"><c r="A5" s="101"/></row><row r="7"><c r="B7" s="100"/></row><row r="9">');
    expect(out).toContain('</c></row><row r="20"><c r="A20" s="102"/></row></sheetData>');
  });

  it('puts the notes’ <legacyDrawing> after <drawing> and before <tableParts>, or last; never beside one the sheet has', () => {
    expect(sameAnyCut(() => sheetRewriter(plan([[2, 1, 'error']], 'rId9')), SHEET)).toContain('<drawing r:id="rId1"/><legacyDrawing r:id="rId9"/><tableParts count="0"/>');
    const bare = '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/></worksheet>';
    expect(through(sheetRewriter(plan([[3, 2, 'error']], 'rId2')), bare, 5)).toBe(
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData><row r="3"><c r="B3" s="100"/></row></sheetData><legacyDrawing r:id="rId2"/></worksheet>',
    );
    const own = SHEET.replace('<tableParts', '<legacyDrawing r:id="rId3"/><tableParts');
    expect(through(sheetRewriter(plan([[2, 1, 'error']], 'rId9')), own, 9).match(/<legacyDrawing/g)).toHaveLength(1);
  });

  it('writes inserted cells and rows with the sheet’s own prefix, and declares r: where the root does not', () => {
    const prefixed = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"/></x:row></x:sheetData></x:worksheet>';
    const out = through(sheetRewriter(plan([[1, 2, 'error'], [2, 1, 'error']], 'rId1')), prefixed, 4);
    expect(out).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"/><x:c r="B1" s="100"/></x:row><x:row r="2"><x:c r="A2" s="100"/></x:row></x:sheetData>' +
        '<x:legacyDrawing r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></x:worksheet>',
    );
  });

  it('finds the title cell: the first with a value in the first 40 rows, or A1', async () => {
    expect(await titleCell(chunks(SHEET), 1e6)).toEqual({ row: 2, col: 1 });
    expect(await titleCell(chunks(SHEET.replace('<v>0</v>', '<v></v>').replace('<v>7</v>', '')), 1e6)).toEqual({ row: 4, col: 1 });
    const late = '<worksheet><sheetData><row r="41"><c r="A41"><v>1</v></c></row></sheetData></worksheet>';
    expect(await titleCell(chunks(late), 1e6)).toEqual({ row: 1, col: 1 });
  });
});

describe('styles with the marks’ copies appended', () => {
  const STYLES =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0%"/></numFmts>' +
    '<fonts count="9"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyFill="0"><alignment wrapText="1"/></xf></cellXfs>' +
    '<dxfs count="1"><dxf><font><b/></font><fill><patternFill/></fill></dxf></dxfs></styleSheet>';

  it('counts the lists as they are, not as their count attributes say', async () => {
    expect(await countStyles(chunks(STYLES), 1e6)).toEqual({ fonts: 1, fills: 1, borders: 1, cellXfs: 2 });
    expect(await countStyles(chunks('<styleSheet><fonts count="0"/></styleSheet>'), 1e6)).toEqual({ fonts: 0 });
  });

  it('appends fills, borders, fonts and a copy of each marked style, keeping its format and alignment; the counts follow', async () => {
    const styles = new StylePlan(await countStyles(chunks(STYLES), 1e6));
    expect([styles.bold, styles.link, styles.styleFor(1, 'error'), styles.styleFor(1, 'error'), styles.styleFor(0, 'info')]).toEqual([2, 3, 4, 4, 5]);
    const out = sameAnyCut(() => stylesRewriter(styles), STYLES);
    // Fill 1 is gray125 to Excel whatever it says: the list is made two long before the severities'.
    expect(out).toContain('<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/>');
    expect(out).toContain('<fonts count="3">');
    expect(out).toContain('<borders count="4">');
    expect(out).toContain(
      '<cellXfs count="6"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyFill="0"><alignment wrapText="1"/></xf>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
        '<xf numFmtId="164" fontId="0" fillId="2" borderId="1" applyFill="1" applyBorder="1"><alignment wrapText="1"/></xf>' +
        '<xf numFmtId="0" fontId="0" fillId="4" borderId="3" applyFill="1" applyBorder="1"/></cellXfs>',
    );
    // What the appended lists do not touch is as it was: formats, cell style formats, the conditional formats' own fonts and fills.
    expect(out).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0%"/></numFmts>');
    expect(out).toContain('<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>');
    expect(out).toContain('<dxfs count="1"><dxf><font><b/></font><fill><patternFill/></fill></dxf></dxfs></styleSheet>');
  });

  it('creates the lists a styles part lacks, where the schema puts them', async () => {
    const bare = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellStyles count="0"/></styleSheet>';
    const styles = new StylePlan(await countStyles(chunks(bare), 1e6));
    styles.styleFor(0, 'warning');
    const out = through(stylesRewriter(styles), bare, 4);
    expect(out.indexOf('<fonts count="3">')).toBeLessThan(out.indexOf('<fills count="5">'));
    expect(out.indexOf('<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>')).toBeLessThan(out.indexOf('<cellStyles'));
    expect(out).toContain('<xf numFmtId="0" fontId="0" fillId="3" borderId="2" xfId="0" applyFill="1" applyBorder="1"/></cellXfs>');
  });
});

describe('notes merged into the parts a sheet has', () => {
  const COMMENTS =
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>A</author></authors><commentList>' +
    '<comment ref="B2" authorId="0"><text><t>cũ &amp; đúng</t></text></comment><comment ref="C3" authorId="0"><text><r><t>ruby</t></r><rPh sb="0" eb="1"><t>r</t></rPh></text></comment>' +
    '<comment ref="D4" authorId="0"><text><r><t>khác</t></r></text></comment></commentList></comments>';
  const note = (ref: string, row: number, col: number, text: string) => ({ ref, row, col, text });

  it('keeps each note’s text with the findings under it, adds hoso as an author and a note for a cell that had none', () => {
    const notes = new Map([
      ['B2', note('B2', 2, 2, '[r] <sai>')],
      ['C3', note('C3', 3, 3, '[q] x')],
      ['E5', note('E5', 5, 5, '[r] mới')],
    ]);
    const out = sameAnyCut(() => commentsMerger(notes, [notes.get('E5')!]), COMMENTS);
    expect(out).toContain('<authors><author>A</author><author>hoso</author></authors>');
    expect(out).toMatch(/<comment ref="B2" authorId="0"><text><r><t>cũ &amp; đúng<\/t><\/r><r><rPr>.*<\/rPr><t xml:space="preserve">\n\[r\] &lt;sai&gt;<\/t><\/r><\/text><\/comment>/);
    // The findings' run goes before the phonetic run, which the schema puts last.
    expect(out).toMatch(/<r><t>ruby<\/t><\/r><r><rPr>.*\n\[q\] x<\/t><\/r><rPh sb="0" eb="1"><t>r<\/t><\/rPh><\/text>/);
    expect(out).toContain('<comment ref="D4" authorId="0"><text><r><t>khác</t></r></text></comment>');
    expect(out).toMatch(/<comment ref="E5" authorId="1" shapeId="0"><text><r>.*\[r\] mới<\/t><\/r><\/text><\/comment><\/commentList><\/comments>$/);
  });

  it('adds the new notes’ boxes to the drawing after its highest shape, with the note shape type if it lacks it', () => {
    const vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s2050" type="#_x0000_t75"><br></v:shape></xml>';
    const out = sameAnyCut(() => vmlMerger([note('E5', 5, 5, 'x')]), vml);
    expect(out).toMatch(/<br><\/v:shape><v:shapetype id="_x0000_t202".*<v:shape id="_x0000_s2051" type="#_x0000_t202".*<x:Row>4<\/x:Row><x:Column>4<\/x:Column>.*<\/v:shape><\/xml>$/);
  });
});

describe('the parts that tie the package together', () => {
  it('adds the findings sheet last, with a sheetId and name of its own, and reads the sheets’ names as written', async () => {
    const wb = '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A &amp; B" sheetId="4" r:id="rId1" state="hidden"/></sheets></workbook>';
    expect(await readSheets(chunks(wb), 1e6)).toEqual({ sheets: [{ name: 'A & B', hidden: true, rid: 'rId1' }], maxSheetId: 4 });
    expect(rewriteText(wb, addSheet({ name: "K'q <1>", sheetId: 5, rid: 'rId9' }))).toContain('<sheet name="A &amp; B" sheetId="4" r:id="rId1" state="hidden"/><sheet name="K&apos;q &lt;1&gt;" sheetId="5" r:id="rId9"/></sheets>');
  });

  it('adds a default content type only for an extension that has none', () => {
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="VML" ContentType="v"/></Types>';
    const out = rewriteText(types, addContentTypes({ defaults: [{ extension: 'vml', type: 'x' }], overrides: [{ part: 'xl/comments1.xml', type: 'c' }] }));
    expect(out).toBe('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="VML" ContentType="v"/><Override PartName="/xl/comments1.xml" ContentType="c"/></Types>');
  });

  it('marks the document properties: hoso the application, the mark’s property replaced where a copy of a copy has it', () => {
    expect(rewriteText('<Properties><Application>Microsoft Excel</Application><Company>X</Company></Properties>', markApplication())).toBe('<Properties><Application>hoso-lint</Application><Company>X</Company></Properties>');
    expect(rewriteText('<Properties><Company/></Properties>', markApplication())).toBe('<Properties><Company/><Application>hoso-lint</Application></Properties>');
    const custom =
      '<Properties xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Đơn vị"><vt:lpwstr>X</vt:lpwstr></property></Properties>';
    const once = rewriteText(custom, markCustom('annotated-copy', 'hoso-lint 1'));
    expect(once).toContain('<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="hoso-lint"><vt:lpwstr>annotated-copy hoso-lint 1</vt:lpwstr></property></Properties>');
    const twice = rewriteText(once, markCustom('annotated-copy', 'hoso-lint 2'));
    expect(twice.match(/name="hoso-lint"/g)).toHaveLength(1);
    expect(twice).toContain('pid="4" name="hoso-lint"><vt:lpwstr>annotated-copy hoso-lint 2</vt:lpwstr></property></Properties>');
  });
});
