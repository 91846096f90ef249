/**
 * The ledger of past decisions: records merged from the files' parts on one string table, found
 * by the folded name, compared by unit through the config's map, and namesakes never resolved
 * by a guess.
 */
import { describe, expect, it } from 'vitest';
import { FIELDS, Ledger, mergeParts, PartWriter, unitMapper, type RecordFields } from '../../src/history/ledger.js';
import { decisionsOf, type Person } from '../../src/history/match.js';
import { fold } from '../../src/normalize/text.js';

const record = (over: Partial<RecordFields> & { decisionDate?: Date } = {}): RecordFields & { decisionDate?: Date } => ({
  name: 'Lê Văn Cường',
  unit: 'Trường THCS Đắk Ruồng',
  year: 2023,
  award: 'cstdcs',
  file: 'qd/2023.xlsx',
  sheet: 'Danh sách',
  row: 9,
  column: 'B',
  ...over,
});

function ledgerOf(parts: (RecordFields & { decisionDate?: Date })[][], units: Record<string, string> = {}): Ledger {
  return new Ledger(
    mergeParts(
      parts.map((records) => {
        const w = new PartWriter();
        for (const r of records) w.add(r);
        return w.part();
      }),
      units,
    ),
  );
}

const person = (ledger: Ledger, name: string, unit: string, birth?: number): Person => ({ name, nameKey: fold(name), unitKey: ledger.unitKey(unit), submitterKey: ledger.unitKey('UBND xã khác'), birth });

describe('the ledger', () => {
  it('merges the parts of several files onto one string table, a record each', () => {
    const ledger = ledgerOf([[record(), record({ name: 'Phạm Thị Hạnh', row: 10 })], [record({ year: 2024, file: 'qd/2024.xlsx', decision: '245/QĐ-UBND', decisionDate: new Date(Date.UTC(2024, 11, 19)) })]]);
    expect(ledger.size).toBe(3);
    const found = ledger.named(fold('LÊ VĂN CƯỜNG')).map((i) => ledger.entry(i));
    expect(found.map((e) => [e.file, e.year, e.row, e.decision, e.decisionDate])).toEqual([
      ['qd/2023.xlsx', 2023, 9, undefined, undefined],
      ['qd/2024.xlsx', 2024, 9, '245/QĐ-UBND', '19/12/2024'],
    ]);
    // The texts the two files share are one entry of the table.
    const data = mergeParts([new PartWriter().part()]);
    expect(data.data.length).toBe(0);
    expect(ledger.named(fold('Nguyễn Văn Vắng'))).toEqual([]);
  });

  it('holds FIELDS integers a record, whatever the texts', () => {
    const w = new PartWriter();
    for (let i = 0; i < 1000; i++) w.add(record({ row: i + 8 }));
    const data = mergeParts([w.part()]);
    expect(data.data).toBeInstanceOf(Int32Array);
    expect(data.data.length).toBe(1000 * FIELDS);
    // One name, one unit, one file…: the same few texts however many rows.
    expect(data.strings.length).toBeLessThan(10);
  });

  it('maps a unit renamed, whole or as part of a longer name, through a chain of renamings', () => {
    const map = unitMapper([
      ['xã Đắk Pne', 'xã Kon Braih'],
      ['xã Kon Braih', 'xã Ngọc Réo'],
      ['UBND xã Đắk Tờ Lùng', 'UBND xã Đắk Kôi'],
    ]);
    expect(map(fold('Trường TH xã Đắk Pne'))).toBe(fold('Trường TH xã Ngọc Réo'));
    expect(map(fold('UBND XÃ ĐẮK TỜ LÙNG'))).toBe(fold('UBND xã Đắk Kôi'));
    // A name that only begins like one mapped is left alone: whole words only.
    expect(map(fold('Trường TH xã Đắk Pneng'))).toBe(fold('Trường TH xã Đắk Pneng'));
    expect(unitMapper([])(fold('Trường TH A'))).toBe(fold('Trường TH A'));
  });
});

describe('finding a nominee in the ledger', () => {
  it('finds the decision of each year by name and unit, case and diacritics of the typing aside', () => {
    const ledger = ledgerOf([[record({ year: 2022 }), record({ year: 2023, name: 'LE VAN CUONG' })]]);
    const found = decisionsOf(ledger, person(ledger, 'Lê Văn Cường', 'trường thcs đắk ruồng'), [2022, 2023, 2024], new Set(['cstdcs']));
    expect([...found.entries()].map(([y, m]) => [y, m.kind])).toEqual([
      [2022, 'found'],
      [2023, 'found'],
      [2024, 'none'],
    ]);
  });

  it('tells namesakes apart by the year of birth where both sides give it, and names both where nothing does', () => {
    const ledger = ledgerOf([[record({ name: 'Nguyễn Văn Hùng', birth: 1980, row: 9 }), record({ name: 'Nguyễn Văn Hùng', birth: 1986, row: 10 })]]);
    const born1986 = decisionsOf(ledger, person(ledger, 'Nguyễn Văn Hùng', 'Trường THCS Đắk Ruồng', 1986), [2023], new Set(['cstdcs'])).get(2023)!;
    expect(born1986.kind === 'found' && born1986.entry.row).toBe(10);
    const unknown = decisionsOf(ledger, person(ledger, 'Nguyễn Văn Hùng', 'Trường THCS Đắk Ruồng'), [2023], new Set(['cstdcs'])).get(2023)!;
    expect(unknown.kind).toBe('namesakes');
    expect(unknown.kind === 'namesakes' && unknown.entries.map((e) => e.row)).toEqual([9, 10]);
  });

  it('takes two rows without a year of birth for two people, unless they are one decision copied into two files', () => {
    const twoPeople = ledgerOf([[record({ row: 9 }), record({ row: 10 })]]);
    expect(decisionsOf(twoPeople, person(twoPeople, 'Lê Văn Cường', 'Trường THCS Đắk Ruồng'), [2023], new Set(['cstdcs'])).get(2023)!.kind).toBe('namesakes');
    const copies = ledgerOf([[record({ decision: '198/QĐ-UBND' })], [record({ decision: '198/QĐ-UBND', file: 'qd/2023.csv' })]]);
    expect(decisionsOf(copies, person(copies, 'Lê Văn Cường', 'Trường THCS Đắk Ruồng'), [2023], new Set(['cstdcs'])).get(2023)!.kind).toBe('found');
  });

  it('prefers the name spelt as the list spells it when diacritics alone tell two names apart', () => {
    const ledger = ledgerOf([[record({ name: 'Nguyễn Văn Hưng', row: 9 }), record({ name: 'Nguyễn Văn Hùng', row: 10 })]]);
    const m = decisionsOf(ledger, person(ledger, 'Nguyễn Văn Hùng', 'Trường THCS Đắk Ruồng'), [2023], new Set(['cstdcs'])).get(2023)!;
    expect(m.kind === 'found' && m.entry.row).toBe(10);
  });

  it('gives, for a year not shown, the other awards of that year and the same name in another unit', () => {
    const ledger = ledgerOf([[record({ award: 'ldtt', row: 9 }), record({ unit: 'Trường TH xã Đắk Pne', row: 11 })]]);
    const m = decisionsOf(ledger, person(ledger, 'Lê Văn Cường', 'Trường THCS Đắk Ruồng'), [2023], new Set(['cstdcs'])).get(2023)!;
    expect(m.kind).toBe('none');
    expect(m.kind === 'none' && [m.others.map((e) => e.award), m.elsewhere.map((e) => e.unit)]).toEqual([['ldtt'], ['Trường TH xã Đắk Pne']]);
    // Through the config's map, the renamed school is the nominee's.
    const mapped = ledgerOf([[record({ unit: 'Trường TH xã Đắk Pne' })]], { 'xã Đắk Pne': 'xã Kon Braih' });
    expect(decisionsOf(mapped, person(mapped, 'Lê Văn Cường', 'Trường TH xã Kon Braih'), [2023], new Set(['cstdcs'])).get(2023)!.kind).toBe('found');
  });
});

describe('a decision list without a unit column', () => {
  it('is its issuer\'s: its people are found among the nominees that issuer puts forward, "Ủy ban nhân dân" or "UBND"', () => {
    const ledger = ledgerOf([[record({ unit: 'ỦY BAN NHÂN DÂN XÃ ĐẮK RUỒNG', listUnit: true })]]);
    const who = (submitter: string): Person => ({ ...person(ledger, 'Lê Văn Cường', 'Trường THCS Đắk Ruồng'), submitterKey: ledger.unitKey(submitter) });
    expect(decisionsOf(ledger, who('UBND xã Đắk Ruồng'), [2023], new Set(['cstdcs'])).get(2023)!.kind).toBe('found');
    expect(decisionsOf(ledger, who('UBND xã Đắk Kôi'), [2023], new Set(['cstdcs'])).get(2023)!.kind).toBe('none');
    // A list with a unit column is compared on the nominee's own unit only.
    const own = ledgerOf([[record({ unit: 'UBND xã Đắk Ruồng' })]]);
    const asSubmitter = { ...person(own, 'Lê Văn Cường', 'Trường THCS Đắk Ruồng'), submitterKey: own.unitKey('UBND xã Đắk Ruồng') };
    expect(decisionsOf(own, asSubmitter, [2023], new Set(['cstdcs'])).get(2023)!.kind).toBe('none');
  });
});
