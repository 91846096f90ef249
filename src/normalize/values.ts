/**
 * Turning a stored cell into the value a rule compares: numbers typed as text with a decimal
 * comma, percentages in their three spellings, dates in three encodings, the yes/no vocabulary
 * of government forms and enumerations by name or alias.
 */
import type { RawCell } from '../read/types.js';
import { cleanText, fold } from './text.js';

export type ColumnType = 'text' | 'integer' | 'number' | 'percent' | 'yesno' | 'enum' | 'date' | 'year-or-date';

export type Value = string | number | boolean | Date;

export type Parsed = { ok: true; value: Value } | { ok: false; expected: ColumnType };

/** An enumeration ready for lookups: folded name or alias → id. */
export interface EnumLookup {
  get(folded: string): string | undefined;
  /** A value's name (its label, or its Vietnamese label). */
  label?(id: string): string | { vi: string } | undefined;
}

/**
 * A text column's cell with its code list: the name of the value it is a code or another alias of
 * ("1650360491" → "Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương"), or the text as typed.
 */
function textWithCodes(text: string, codes: EnumLookup | undefined): string {
  const folded = codes && fold(text);
  const id = folded && codes.get(folded);
  if (!id) return text;
  const label = codes.label?.(id);
  const name = typeof label === 'string' ? label : label?.vi;
  return name && fold(name) !== folded ? name : text;
}

/**
 * How a cell of a text column with a code list is shown to an officer: the name, then the code as
 * typed ("Bằng khen … (1650360491)"), so that the meaning is read and the cell still found.
 */
export function namedText(text: string, parsed: Parsed | undefined): string {
  const value = parsed?.ok ? parsed.value : undefined;
  return typeof value === 'string' && value !== text ? `${value} (${text})` : text;
}

/** What an officer sees in the cell, for messages and the report's `value`. */
export function displayText(cell: RawCell): string {
  switch (cell.t) {
    case 's':
      return cell.plain ? cell.v : cleanText(cell.v);
    case 'n':
      return cell.percent ? `${roundForDisplay(cell.v * 100)}%` : String(roundForDisplay(cell.v));
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return formatDate(cell.v);
    case 'e':
      return cell.v;
  }
}

function roundForDisplay(n: number): number {
  // Binary floating point shows 0.7 * 100 as 70.00000000000001; Excel shows 70.
  if (Number.isInteger(n)) return n;
  return Number.parseFloat(n.toPrecision(12));
}

export function formatDate(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/**
 * A number written by hand: "70,5" and "1.234,5" (Vietnamese), "1,234.5" (English), "  12 ",
 * "70%". Returns the number and whether a percent sign was written.
 */
export function parseNumberText(text: string): { value: number; percent: boolean } | undefined {
  let s = text.replace(/[\s\u00a0]/g, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (!/^[+-]?[\d.,]*\d[\d.,]*$/.test(s)) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both separators: the one written last is the decimal mark.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // One comma is a decimal comma (Vietnamese usage); several are thousands separators.
    s = s.indexOf(',') === lastComma ? s.replace(',', '.') : s.replace(/,/g, '');
  } else if (lastDot >= 0 && s.indexOf('.') !== lastDot) {
    s = s.replace(/\./g, ''); // "1.234.567": Vietnamese thousands separators
  }
  const value = Number(s);
  return Number.isFinite(value) ? { value, percent } : undefined;
}

const YES = new Set(['co', 'dat', 'x', 'yes', 'y', '1', 'true', 'dung', 'v', 'ok']);
const NO = new Set(['khong', 'khong dat', 'no', 'n', '0', 'false', 'sai', 'chua dat']);

export function parseYesNo(cell: RawCell): boolean | undefined {
  if (cell.t === 'b') return cell.v;
  if (cell.t === 'n') return cell.v === 1 ? true : cell.v === 0 ? false : undefined;
  if (cell.t !== 's') return undefined;
  const f = fold(displayText(cell));
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  return undefined;
}

// Excel's day zero for the 1900 system, as a UTC timestamp (serials >= 61 are past the fake 29 Feb 1900).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function excelSerialToDate(serial: number): Date {
  const days = serial < 61 ? serial + 1 : serial;
  return new Date(EXCEL_EPOCH + Math.round(days * 86400) * 1000);
}

export function parseDateText(text: string): Date | undefined {
  const s = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validDate(+m[3], +m[2], +m[1]);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  return undefined;
}

function validDate(y: number, m: number, d: number): Date | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}

function parseNumber(cell: RawCell, integer: boolean): number | undefined {
  let n: number | undefined;
  if (cell.t === 'n') n = cell.v;
  else if (cell.t === 's') {
    const p = parseNumberText(cell.v);
    if (p && !p.percent) n = p.value;
  }
  if (n === undefined || (integer && !Number.isInteger(n))) return undefined;
  return n;
}

/** A percentage on the 0–100 scale: "70%", 70, and 0.7 in a cell formatted as a percentage agree. */
function parsePercent(cell: RawCell): number | undefined {
  if (cell.t === 'n') return cell.percent ? Number.parseFloat((cell.v * 100).toPrecision(12)) : cell.v;
  if (cell.t !== 's') return undefined;
  return parseNumberText(cell.v)?.value;
}

function parseDate(cell: RawCell): Date | undefined {
  if (cell.t === 'd') return cell.v;
  if (cell.t === 'n' && cell.v > 0 && cell.v < 2958466) return excelSerialToDate(cell.v);
  if (cell.t === 's') return parseDateText(cell.v);
  return undefined;
}

/**
 * Parse a non-error cell as the column's type. Empty text never reaches here. `enumLookup` is an
 * enum column's enumeration, or a text column's code list.
 */
export function parseCell(cell: RawCell, type: ColumnType, enumLookup?: EnumLookup): Parsed {
  const fail: Parsed = { ok: false, expected: type };
  const wrap = (v: Value | undefined): Parsed => (v === undefined ? fail : { ok: true, value: v });
  switch (type) {
    case 'text':
      return { ok: true, value: textWithCodes(displayText(cell), enumLookup) };
    case 'integer':
      return wrap(parseNumber(cell, true));
    case 'number':
      return wrap(parseNumber(cell, false));
    case 'percent':
      return wrap(parsePercent(cell));
    case 'yesno':
      return wrap(parseYesNo(cell));
    case 'date':
      return wrap(parseDate(cell));
    case 'year-or-date': {
      const n = parseNumber(cell, true);
      if (n !== undefined && n >= 1900 && n <= 2100) return { ok: true, value: n };
      const d = parseDate(cell);
      return wrap(d && d.getUTCFullYear());
    }
    case 'enum': {
      const id = enumLookup?.get(fold(displayText(cell)));
      return wrap(id);
    }
  }
}
