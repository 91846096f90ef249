/** The one escaping every XML writer of hoso uses: any text, a well-formed document. */
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, ooxmlText, xmlReplaced } from '../../src/format/xml-text.js';
import { unescapeXstring } from '../../src/read/sheet-scanner.js';
import { XML_FORBIDDEN as FORBIDDEN } from '../support/xml.js';

/** Any UTF-16 text, lone surrogates included, with the shapes that matter made likely. */
const text = fc
  .array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('_x', '_x0041_', '_x005F_', '_xFFFE', '_', '\u0001', '\uD800', '\uDC00', '\uFFFF', '\u007F', '<&>')), { maxLength: 8 })
  .map((parts) => parts.join(''));

describe('ooxmlText (cells, shared strings, notes of the workbooks hoso writes)', () => {
  it('escapes as Excel does: forbidden characters as _xHHHH_, the underscore of a literal _xHHHH as _x005F_', () => {
    expect(ooxmlText('a\u0001b\uFFFE\uFFFF\uD800c\u007F')).toBe('a_x0001_b_xFFFE__xFFFF__xD800_c_x007F_');
    expect(ooxmlText('_x0041_ and _x005F_')).toBe('_x005F_x0041_ and _x005F_x005F_');
    // Four digits before an escape: the literal must not swallow the escape's underscore.
    expect(ooxmlText('_x0041\u0001')).toBe('_x005F_x0041_x0001_');
  });

  it('leaves ordinary text, tabs, line breaks, pairs of surrogates and a lone "_x" as they are', () => {
    for (const s of ['Nguyễn Văn A', 'a\tb\nc\r\nd', 'x\uD83D\uDE00y', '_x', 'a_b', '_x12', '_xGGGG_']) expect(ooxmlText(s)).toBe(s);
  });

  it('reads back as the same text (hoso reads _xHHHH_ as Excel does) and never holds a character XML forbids', () => {
    fc.assert(
      fc.property(text, (s) => {
        const stored = ooxmlText(s);
        expect(stored).not.toMatch(FORBIDDEN);
        expect(stored).not.toContain('\u007F');
        expect(unescapeXstring(stored)).toBe(s);
        expect(XMLValidator.validate(`<t>${escapeXml(stored)}</t>`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeXml and xmlReplaced (JUnit, the HTML report)', () => {
  it('make a well-formed element and attribute of any text, replacing only what XML cannot hold', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(XMLValidator.validate(`<t a="${escapeXml(s, true)}">${escapeXml(s)}</t>`)).toBe(true);
        const replaced = xmlReplaced(s);
        expect(replaced).not.toMatch(FORBIDDEN);
        expect(replaced.length).toBe(s.length);
      }),
      { numRuns: 500 },
    );
    expect(xmlReplaced('a\u0001\uD800b\uD83D\uDE00')).toBe('a\uFFFD\uFFFDb\uD83D\uDE00');
  });
});
