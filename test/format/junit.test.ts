import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { printable } from '../../src/printable.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/read/types.js';
import { junit } from '../../src/format/junit.js';
import { escapeXml } from '../../src/format/xml-text.js';
import { joined } from '../../src/format/types.js';
import { cellFinding, ctx, groupFinding, infoFinding, resultOf } from './sample.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'failure', 'property'].includes(name) });

function parsed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites;
}

describe('-f junit', () => {
  it('has a test suite per file, one test case named after it, a <failure> per error and the rest in <system-out>', () => {
    const second = { ...cellFinding, row: 14, column: 'M' };
    const xml = joined(junit(resultOf([cellFinding, second, groupFinding, infoFinding]), ctx));
    const doc = parsed(xml);
    expect(doc).toMatchObject({ name: 'hoso', tests: '2', failures: '1', errors: '0' });
    const [a, b] = doc.testsuite;
    expect(a).toMatchObject({ name: 'ho-so/xã đắk rơ wa.xlsx', tests: '1', failures: '1' });
    expect(a.testcase[0].name).toBe('ho-so/xã đắk rơ wa.xlsx');
    expect(a.testcase[0].failure.map((f: { message: string; '#text': string }) => [f.message, f['#text']])).toEqual([
      [`giao-duc/an-toan-antt: ${cellFinding.message}`, 'Danh sách!H12 — 004 §III.3.a'],
      [`giao-duc/an-toan-antt: ${cellFinding.message}`, 'Danh sách!M14 — 004 §III.3.a'],
    ]);
    expect(a.properties.property).toEqual([
      { name: 'errors-found', value: '2' },
      { name: 'warnings-found', value: '0' },
    ]);
    // Warnings and notices do not fail the case.
    expect(b).toMatchObject({ name: 'ho-so/xa-b.xlsx', tests: '1', failures: '0' });
    expect(b.testcase[0].failure).toBeUndefined();
    expect(b.testcase[0]['system-out'].split('\n')).toEqual([
      `warning UBND XÃ B binh-dinh/xa/so-luong: ${groupFinding.message} (002 §IV.1.đ)`,
      `info Danh sách!B9 chung/ma-tcvn3: ${infoFinding.message} (000 §1)`,
    ]);
  });

  it('escapes markup, writes control characters as codes and replaces what XML 1.0 cannot hold', () => {
    const f = { ...cellFinding, message: 'a <b> & "c" \u0001\u0008\u001F\uFFFE d', sheet: "Tờ 'A'" };
    const xml = joined(junit(resultOf([f]), ctx));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const failure = parsed(xml).testsuite[0].testcase[0].failure[0];
    expect(failure.message).toBe('giao-duc/an-toan-antt: a <b> & "c" \\u{1}\\u{8}\\u{1F}\uFFFD d');
    expect(failure['#text']).toBe("Tờ 'A'!H12 — 004 §III.3.a");
  });

  it('escapes the notes of <system-out> line by line, a lone surrogate written as a code', () => {
    // Lone surrogates at a line's either end: a line break next to them keeps them lone.
    const notes = ['x\uD800', '\uDC00y', 'a\uD83D\uDE00b', '<&>'].map((message, i) => ({ ...infoFinding, row: 20 + i, message }));
    const xml = joined(junit(resultOf(notes), ctx));
    const lines = notes.map((f) => `${f.severity} ${f.sheet ? `${f.sheet}!` : ''}${f.column ?? ''}${f.row} ${f.ruleId}: ${f.message} (${f.source})`);
    expect(xml).toContain(`<system-out>${escapeXml(lines.map(printable).join('\n'))}</system-out>`);
    expect(xml).toContain('x\\u{D800} (');
    expect(parsed(xml).testsuite[0].testcase[0]['system-out'].split('\n')).toHaveLength(4);
  });

  it('reports a file that could not be read as an <error>', () => {
    const result = { ...resultOf([]), inputErrors: [new InputError('hong.xlsx', 'not-a-workbook', 'not a zip file')] };
    const doc = parsed(joined(junit(result, ctx)));
    expect(doc).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    expect(doc.testsuite[0]).toMatchObject({ name: 'hong.xlsx', errors: '1' });
    expect(doc.testsuite[0].testcase[0].error).toMatchObject({ type: 'not-a-workbook', message: 'not a zip file' });
  });
});
