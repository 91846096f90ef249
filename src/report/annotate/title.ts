/**
 * A sheet's title cell, where findings about the whole sheet or unit (a quota, a missing column)
 * are noted: its first cell with a value in the first 40 rows and 30 columns — the unit's name
 * atop a dossier — or A1. Found by reading the sheet's start only: the pass stops at row 40.
 */
import { attr, END, pass, START, type Tag } from './tags.js';
import { parseRef, type Cell } from './marks.js';

const ROWS = 40;
const COLUMNS = 30;
const NAMES = ['row', 'c', 'v', 't'];
const [ROW, C, V, T] = [0, 1, 2, 3];

export async function titleCell(text: AsyncIterable<string>, maxToken: number): Promise<Cell> {
  let row = 0;
  let col = 0;
  /** Where the open <v> or <t> ends: a value begins there. */
  let valueFrom = -1;
  let found: Cell | undefined;
  let done = false;
  const handler = (tag: Tag): undefined => {
    // The rest of the chunk in hand is still read through: nothing of it counts.
    if (done) return undefined;
    if (tag.id === ROW && tag.kind !== END) {
      row = Number(attr(tag.raw, 'r') ?? row + 1);
      col = 0;
      if (row > ROWS) done = true;
    } else if (tag.id === C && tag.kind !== END) {
      const ref = attr(tag.raw, 'r');
      col = (ref ? parseRef(ref)?.col : undefined) ?? col + 1;
    } else if ((tag.id === V || tag.id === T) && row > 0 && col <= COLUMNS) {
      if (tag.kind === START) valueFrom = tag.at + tag.raw.length;
      else if (tag.kind === END && valueFrom >= 0 && tag.at > valueFrom) {
        found = { row, col };
        done = true;
      }
    }
    return undefined;
  };
  await pass(text, { names: NAMES, handler, done: () => done }, maxToken);
  return found ?? { row: 1, col: 1 };
}
