/**
 * The end of a token found a chunk at a time (xml-token.ts): wherever the chunks cut a tag, a
 * comment, a CDATA section or a processing instruction — inside a quoted '>', between the two
 * hyphens of `-->` — the sheet reads as it does in one piece; a token past the cap is refused,
 * and one that never ends is refused at the part's end, as before.
 */
import { describe, expect, it } from 'vitest';
import { SharedStrings, SheetScanner, TokenTooLong, XmlError } from '../../src/read/sheet-scanner.js';
import { TokenGuard } from '../../src/read/xml-token.js';
import type { RawRow } from '../../src/read/types.js';

const SHEET =
  '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><!DOCTYPE worksheet [<!ELEMENT x ANY>]><worksheet xmlns="m"><!-- a -- comment with -> and --- -->' +
  '<sheetData><row r="1" x=\'a>b\' y="c>\'d"><c r="A1" t="inlineStr"><is><t><![CDATA[x ]] > ]]]]></t></is></c><!----><c r="B1"><v>2</v></c></row>' +
  '<?pi ? > ?? ?><row r="2"><c r="A2" t="inlineStr" ><is><t>y</t></is></c ></row></sheetData></worksheet  >';

function scanner(maxCellChars = 32_767): SheetScanner {
  return new SheetScanner({ sst: new SharedStrings(), xfKinds: [], date1904: false, maxCellChars });
}

function read(chunks: string[], maxCellChars?: number): RawRow[] {
  const s = scanner(maxCellChars);
  const rows: RawRow[] = [];
  for (const c of chunks) {
    s.push(c);
    rows.push(...s.take());
  }
  s.finish();
  return [...rows, ...s.take()];
}

describe('a token cut by a chunk', () => {
  const whole = read([SHEET]);

  it('reads as it does whole, wherever one cut falls', () => {
    expect(whole).toEqual([
      { row: 1, cells: [{ col: 1, t: 's', v: 'x ]] > ]]' }, { col: 2, t: 'n', v: 2 }] },
      { row: 2, cells: [{ col: 1, t: 's', v: 'y' }] },
    ]);
    for (let at = 1; at < SHEET.length; at++) expect(read([SHEET.slice(0, at), SHEET.slice(at)]), `cut at ${at}`).toEqual(whole);
  });

  it('reads as it does whole, one character at a time', () => {
    expect(read([...SHEET])).toEqual(whole);
  });

  it('is refused past the cap, however it comes; a larger --max-cell-length raises the cap', () => {
    const comment = `<!--${'x'.repeat(1200 * 1024)}-->`;
    const xml = `<worksheet><sheetData>${comment}</sheetData></worksheet>`;
    const inChunks = (size: number) => Array.from({ length: Math.ceil(xml.length / size) }, (_, k) => xml.slice(k * size, (k + 1) * size));
    // The reader's chunks are 120 KiB: the cap bounds what is carried from one to the next.
    for (const size of [120 * 1024, 7]) expect(() => read(inChunks(size)), `chunks of ${size}`).toThrow(TokenTooLong);
    expect(read(inChunks(120 * 1024), 200_000)).toEqual([]);
  });

  it('that never ends is malformed at the end of the part', () => {
    for (const open of ['<row r="1', '<!-- x -', '<![CDATA[ ]]', '<?pi ?', '</sheetData']) {
      expect(() => read(['<worksheet><sheetData>', open]), open).toThrow(/unexpected end of part inside a tag/);
    }
    expect(() => read(['<!DOCTYPE x [ > ', '>'])).toThrow(/unexpected end of part inside a tag/);
  });

  it('where the scanner and the search for its end read it differently, is malformed', () => {
    expect(() => read(['<worksheet><sheetData><row a"b="1"', '>'])).toThrow(XmlError);
  });
});

describe('TokenGuard', () => {
  it('lets through tokens and text under the cap, wherever the chunks cut them', () => {
    const xml = `<a x="${'>'.repeat(90)}"><!--${'-'.repeat(90)}-->${'t'.repeat(90)}<![CDATA[${']'.repeat(85)}]]></a>`;
    for (let at = 0; at < xml.length; at++) {
      const guard = new TokenGuard(100);
      guard.push(xml.slice(0, at));
      guard.push(xml.slice(at));
    }
  });

  it('refuses a token or a text run past the cap', () => {
    for (const xml of [`<a x="${'>'.repeat(120)}">`, `<!--${'-'.repeat(120)}`, `<a>${'t'.repeat(120)}</a>`, `<?pi ${'?'.repeat(120)}?>`]) {
      const guard = new TokenGuard(100);
      expect(() => {
        for (const c of xml) guard.push(c);
      }, xml.slice(0, 8)).toThrow(TokenTooLong);
    }
  });
});
