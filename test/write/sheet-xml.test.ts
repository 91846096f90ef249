/** A worksheet's cells as SheetXml writes them: plain text as it is, escapes only where needed. */
import { describe, expect, it } from 'vitest';
import { SheetXml } from '../../src/write/sheet-xml.js';

function rowXml(cells: Parameters<SheetXml['row']>[0], style?: number): string {
  const out: string[] = [];
  const sheet = new SheetXml((t) => out.push(t));
  sheet.row(cells, style);
  return out.join('');
}

describe('the cells of a streamed sheet', () => {
  it('writes a plain text as it is, and says to keep outer spaces only where a text has them', () => {
    expect(rowXml(['Nguyễn Văn An', ' lề trái', 'lề phải\n', 7])).toBe(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> lề trái</t></is></c>' +
        '<c r="C1" t="inlineStr"><is><t xml:space="preserve">lề phải\n</t></is></c><c r="D1"><v>7</v></c></row>',
    );
  });

  it('escapes markup, control characters and a literal _xHHHH_ as before, whatever the fast path', () => {
    expect(rowXml(['<a & "b">', 'x\u0001y', '_x0041_'])).toBe(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;a &amp; &quot;b&quot;&gt;</t></is></c><c r="B1" t="inlineStr"><is><t>x_x0001_y</t></is></c>' +
        '<c r="C1" t="inlineStr"><is><t>_x005F_x0041_</t></is></c></row>',
    );
  });

  it('gives every cell without a style of its own the row style, and keeps a cell’s own', () => {
    expect(rowXml(['a', { v: 'b', s: 2 }, undefined], 1)).toBe('<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>a</t></is></c><c r="B1" s="2" t="inlineStr"><is><t>b</t></is></c><c r="C1" s="1"/></row>');
  });
});
