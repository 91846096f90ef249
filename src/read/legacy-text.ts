/**
 * Legacy text decided by sheet, column and row, not cell by cell. A long cell in TCVN3 gives
 * itself away ("Gi¸o viªn"), a short one often does not: "Cã" (Có), "Y tÕ" (Y tế) are made of
 * the Latin-1 letters Unicode Vietnamese uses too, and "Có" typed in Unicode must stay "Có".
 * Such an ambiguous cell is read as its surroundings are typed:
 *
 * 1. its row, when the row's other cells plainly are TCVN3 (or VNI) and none is Unicode
 *    Vietnamese (a row pasted from an old document);
 * 2. else its column, when the column's cells so far plainly are TCVN3 (or VNI) and none is
 *    Unicode Vietnamese;
 * 3. else, in a column that has said nothing yet, the sheet: TCVN3 (or VNI) when the body rows
 *    held while the header was looked for (up to 40 rows from the top) mostly are, or when they
 *    say nothing and the header itself was typed in TCVN3. That column then keeps the reading
 *    its first ambiguous cell got, so that a decision once made stays.
 *
 * The sheet and the columns are decided from the rows held for the header search before any of
 * them is read, so a first row's "Cã" is read with the evidence of the rows under it. Later rows
 * add to a column's evidence as they come (streaming: they are not kept), and a column that has
 * seen both TCVN3 and Unicode Vietnamese leaves its ambiguous cells as they are. Whatever is
 * decoded is marked (`legacy`) and reported, so a wrong guess is never silent.
 */
import type { LegacyEncoding, RawCell, RawRow } from './types.js';
import { grown } from '../arrays.js';
import { decodeTcvn3, decodeVni, hasVietnameseLetter, latin1Kind, tcvn3OrVni, TextKind } from '../normalize/legacy.js';

/** Evidence bits: a cell plainly TCVN3, plainly VNI, plainly Unicode Vietnamese. */
const TCVN3 = 1;
const VNI = 2;
const UNICODE = 4;

/** A column whose evidence leaves its ambiguous cells as typed (Unicode, or mixed). */
const LEAVE = 3;

/** A reading of one set of evidence: TCVN3 or VNI when it is that alone, else none (0). */
function readingOf(bits: number): number {
  return bits === TCVN3 || bits === VNI ? bits : 0;
}

/** What a cell plainly says of its encoding (0: nothing). Not on the per-row path: see LegacyText.decode. */
function evidence(c: RawCell): number {
  if (c.t !== 's') return 0;
  if (c.legacy) return c.legacy === 'vni' ? VNI : 0;
  if (c.plain) return hasVietnameseLetter(c.v) ? UNICODE : 0;
  const kind = latin1Kind(c.v);
  if (kind === TextKind.Tcvn3) return tcvn3OrVni(c.v) ? 0 : TCVN3;
  return kind === TextKind.Beyond && hasVietnameseLetter(c.v) ? UNICODE : 0;
}

function decoded(c: RawCell & { t: 's' }, reading: number): RawCell | undefined {
  const v = reading === VNI ? decodeVni(c.v) : decodeTcvn3(c.v);
  if (v === c.v) return undefined;
  const legacy: LegacyEncoding = reading === VNI ? 'vni' : 'tcvn3';
  return { ...c, v, legacy };
}

/** A sheet's legacy text, decided as the module says: one per sheet, fed its rows in order. */
export class LegacyText {
  /** Per column, the evidence bits of its body cells so far. */
  private cols = new Uint8Array(32);
  /** The reading of an ambiguous cell whose row and column say nothing: TCVN3, VNI or none. */
  private sheet = 0;
  /** Per column, what its evidence reads an ambiguous cell as (readingOf, LEAVE for none; 0 while it has none). */
  private reads = new Uint8Array(32);
  /** The row being decoded: its cells left to settle (their index; ~index for a TCVN3-or-VNI tie). Reused: no array per row. */
  private readonly open: number[] = [];

  /** What the sheet as a whole was read as, once begun: 'tcvn3', 'vni', or nothing. */
  get sheetReading(): 'tcvn3' | 'vni' | undefined {
    return this.sheet === TCVN3 ? 'tcvn3' : this.sheet === VNI ? 'vni' : undefined;
  }

  /**
   * Decides the sheet's reading from the body rows held with the header (all their cells, once),
   * and whether the header was found only once decoded as TCVN3; learns each column's evidence.
   */
  begin(body: RawRow[], headerTcvn3: boolean): void {
    const count = [0, 0, 0, 0, 0];
    for (const row of body) {
      for (const c of row.cells) {
        const e = evidence(c);
        if (e) {
          count[e]++;
          this.note(c.col, e);
        }
      }
    }
    const [tcvn3, vni, unicode] = [count[TCVN3], count[VNI], count[UNICODE]];
    // Mostly: a group row or a total line left in Unicode from the template does not outweigh
    // the nominees pasted in TCVN3; a few cells pasted into a Unicode list do not make it TCVN3.
    if (tcvn3 + vni + unicode === 0) this.sheet = headerTcvn3 ? TCVN3 : 0;
    else if (vni === 0 && tcvn3 > 3 * unicode) this.sheet = TCVN3;
    else if (tcvn3 === 0 && vni > 3 * unicode) this.sheet = VNI;
    else this.sheet = 0;
  }

  /**
   * The row with its legacy text converted and marked. `body`: a row under the header, whose
   * columns mean something (the title and header rows are read by row and sheet only, and teach
   * the columns nothing). Runs on every row: a row with nothing to change makes no array; the
   * cells known plain (the common Unicode and ASCII text) are passed over at once, and so, after
   * one look at the text, are the Unicode words of Latin-1 letters ("Có", "Cá nhân") in a column
   * known to be left as typed.
   */
  decode(row: RawRow, body: boolean): RawRow {
    const src = row.cells;
    const reads = this.reads;
    let cells: RawCell[] | undefined;
    let found = 0;
    let left = false;
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      if (c.t !== 's' || c.plain) continue;
      if (c.legacy) {
        if (c.legacy === 'vni') {
          found |= VNI;
          if (body) this.note(c.col, VNI);
        }
        continue;
      }
      const kind = latin1Kind(c.v);
      if (kind === TextKind.Ambiguous) {
        // Read now if its column leaves it; the row may still say otherwise (settle).
        if (body && reads[c.col] === LEAVE) left = true;
        else this.open.push(i);
      } else if (kind === TextKind.Tcvn3) {
        if (tcvn3OrVni(c.v)) this.open.push(~i);
        else {
          (cells ??= src.slice())[i] = decoded(c, TCVN3) ?? c;
          found |= TCVN3;
          if (body) this.note(c.col, TCVN3);
        }
      }
    }
    if (this.open.length > 0 || (left && readingOf(found))) {
      cells = this.settle(src, cells, found, body, left);
      this.open.length = 0;
    }
    return cells ? { ...row, cells } : row;
  }

  /** Reads the row's ambiguous cells (see the module's order: row, column, sheet). */
  private settle(src: RawCell[], cells: RawCell[] | undefined, found: number, body: boolean, left: boolean): RawCell[] | undefined {
    const byRow = readingOf(found) && this.pure(src, body) ? found : 0;
    if (byRow && left) {
      // The row is legacy text throughout: the cells its columns would leave are read too.
      this.open.length = 0;
      for (let i = 0; i < src.length; i++) {
        const c = src[i];
        if (c.t !== 's' || c.plain || c.legacy) continue;
        const kind = latin1Kind(c.v);
        if (kind === TextKind.Ambiguous) this.open.push(i);
        else if (kind === TextKind.Tcvn3 && tcvn3OrVni(c.v)) this.open.push(~i);
      }
    }
    for (const k of this.open) {
      const i = k < 0 ? ~k : k;
      const c = src[i] as RawCell & { t: 's' };
      // Title and header rows: no column (-1).
      const bits = body ? (this.cols[c.col] ?? 0) : -1;
      let reading = byRow || (bits > 0 ? readingOf(bits) : this.sheet);
      // A column's first reading is its decision (UNICODE: left as typed) until evidence says more.
      if (bits === 0 && k >= 0) this.note(c.col, reading || UNICODE);
      // A TCVN3-or-VNI tie plainly is legacy text: TCVN3 unless its surroundings are VNI.
      if (k < 0 && reading !== VNI) reading = TCVN3;
      if (!reading) continue;
      const d = decoded(c, reading);
      if (d) (cells ??= src.slice())[i] = d;
    }
    return cells;
  }

  /** Whether no cell of the row is Unicode Vietnamese (asked only of a row holding legacy text); teaches the columns those that are. */
  private pure(src: RawCell[], body: boolean): boolean {
    let pure = true;
    for (const c of src) {
      if (c.t !== 's' || c.legacy || !hasVietnameseLetter(c.v)) continue;
      pure = false;
      if (body) this.note(c.col, UNICODE);
    }
    return pure;
  }

  private note(col: number, bits: number): void {
    if (col >= this.cols.length) {
      const size = Math.max(col + 1, this.cols.length * 2);
      this.cols = grown(this.cols, size);
      this.reads = grown(this.reads, size);
    }
    const all = (this.cols[col] |= bits);
    this.reads[col] = readingOf(all) || LEAVE;
  }
}
