import { describe, expect, it } from 'vitest';
import { cleanText, fold, foldWithoutParentheses } from '../../src/normalize/text.js';
import { displayText, excelSerialToDate, parseCell, parseDateText, parseNumberText, parseYesNo } from '../../src/normalize/values.js';
import type { RawCell } from '../../src/read/types.js';

const s = (v: string): RawCell => ({ t: 's', v, col: 1 });
const n = (v: number, percent = false): RawCell => ({ t: 'n', v, col: 1, percent });

describe('text', () => {
  it('folds case, diacritics, đ, punctuation and spacing alike', () => {
    expect(fold('Họ  và\ntên')).toBe('ho va ten');
    expect(fold('HO VA TEN')).toBe('ho va ten');
    expect(fold('Họ và tên'.normalize('NFD'))).toBe('ho va ten');
    expect(fold('GD&ĐT')).toBe('gd dt');
    expect(fold('Đắk Ruồng')).toBe('dak ruong');
  });
  it('drops parenthesised parts for the second matching key', () => {
    expect(foldWithoutParentheses('Tỷ lệ hộ nghèo 2024 (%)')).toBe('ty le ho ngheo 2024');
  });
  it('cleans NFD to NFC and folds non-breaking and repeated spaces', () => {
    const nfd = 'Nguyễn\u00a0 Thị  Hằng '.normalize('NFD');
    expect(cleanText(nfd)).toBe('Nguyễn Thị Hằng');
    expect(cleanText(nfd)).toBe(cleanText(nfd).normalize('NFC'));
  });
});

describe('numbers typed by hand', () => {
  it.each([
    ['70,5', 70.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    [' 12 ', 12],
    ['-3', -3],
    ['0,7', 0.7],
  ])('reads "%s" as %d', (text, value) => {
    expect(parseNumberText(text)?.value).toBe(value);
  });
  it('notes a percent sign', () => {
    expect(parseNumberText('70%')).toEqual({ value: 70, percent: true });
    expect(parseNumberText('70,5 %')).toEqual({ value: 70.5, percent: true });
  });
  it('refuses words', () => {
    expect(parseNumberText('bảy mươi')).toBeUndefined();
    expect(parseNumberText('')).toBeUndefined();
    expect(parseNumberText('12a')).toBeUndefined();
  });
});

describe('percentages', () => {
  it('takes "70%", 70 and 0.7 in a percent cell as the same', () => {
    for (const cell of [s('70%'), n(70), n(0.7, true), s('70')]) {
      expect(parseCell(cell, 'percent')).toEqual({ ok: true, value: 70 });
    }
  });
  it('shows a percent cell as Excel does', () => {
    expect(displayText(n(0.7, true))).toBe('70%');
    expect(displayText(n(0.755, true))).toBe('75.5%');
  });
});

describe('yes/no vocabulary', () => {
  it.each(['Có', 'có', 'Đạt', 'x', 'X', 'Yes', '1', 'TRUE'])('"%s" is yes', (v) => expect(parseYesNo(s(v))).toBe(true));
  it.each(['Không', 'Không đạt', 'No', '0', 'FALSE', 'Chưa đạt'])('"%s" is no', (v) => expect(parseYesNo(s(v))).toBe(false));
  it('reads boolean and 1/0 number cells', () => {
    expect(parseYesNo({ t: 'b', v: true, col: 1 })).toBe(true);
    expect(parseYesNo(n(0))).toBe(false);
    expect(parseYesNo(s('có lẽ'))).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads dd/mm/yyyy and ISO text, refusing impossible dates', () => {
    expect(parseDateText('15/07/2024')?.toISOString()).toBe('2024-07-15T00:00:00.000Z');
    expect(parseDateText('2024-07-15')?.toISOString()).toBe('2024-07-15T00:00:00.000Z');
    expect(parseDateText('31/02/2024')).toBeUndefined();
  });
  it('reads Excel serial numbers in the 1900 system', () => {
    expect(excelSerialToDate(45488).toISOString()).toBe('2024-07-15T00:00:00.000Z');
    expect(excelSerialToDate(1).toISOString()).toBe('1900-01-01T00:00:00.000Z');
  });
  it('takes a year or a date for year-or-date columns', () => {
    expect(parseCell(n(1985), 'year-or-date')).toEqual({ ok: true, value: 1985 });
    expect(parseCell(s('02/09/1985'), 'year-or-date')).toEqual({ ok: true, value: 1985 });
    expect(parseCell(s('năm ngoái'), 'year-or-date').ok).toBe(false);
  });
});

describe('enumerations', () => {
  const lookup = { get: (f: string) => ({ 'tap the': 'tap-the', tapthe: 'tap-the', 'ca nhan': 'ca-nhan' })[f] };
  it('matches names, codes and aliases without regard to case or diacritics', () => {
    expect(parseCell(s('Tập thể'), 'enum', lookup)).toEqual({ ok: true, value: 'tap-the' });
    expect(parseCell(s('TAPTHE'), 'enum', lookup)).toEqual({ ok: true, value: 'tap-the' });
    expect(parseCell(s('CÁ NHÂN'.normalize('NFD')), 'enum', lookup)).toEqual({ ok: true, value: 'ca-nhan' });
    expect(parseCell(s('Nhóm'), 'enum', lookup)).toEqual({ ok: false, expected: 'enum' });
  });
});
