/**
 * The main thread's side of checking on every core: outcomes and snapshot batches arrive from the
 * workers in any order and go to the rules over every file in the files' order, holding no more
 * than a bounded number of rows for files further on.
 */
import { describe, expect, it } from 'vitest';
import { InOrder, type FileReply } from '../../src/engine/parallel.js';
import { emptySnapshots, forEachSnapshotRow, type RowSnapshots } from '../../src/engine/snapshot.js';

/** Snapshots that say where they came from: file `file`, rows `from`…`from + n - 1`. */
const rows = (file: number, from: number, n: number): RowSnapshots => ({
  file: `f${file}`,
  keys: [],
  n,
  names: ['Danh sách'],
  data: Array.from({ length: n }, (_, i) => [0, from + i, 0, 0, -1]).flat(),
});
const reply = (index: number, tail = emptySnapshots([])): FileReply => ({ index, findings: [], rows: 0, snapshots: tail });
const names = (s: RowSnapshots) => {
  const out: string[] = [];
  forEachSnapshotRow(s, (r) => out.push(`${r.file}:${r.row}`));
  return out;
};

function harness(limit: number) {
  const fed: string[] = [];
  const taken: number[] = [];
  const credited: string[] = [];
  const inOrder = new InOrder(
    (snapshots) => fed.push(...names(snapshots)),
    (index, r) => {
      taken.push(index);
      fed.push(...names(r.snapshots));
    },
    limit,
  );
  const credit = (name: string) => () => credited.push(name);
  return { inOrder, fed, taken, credited, credit };
}

describe('outcomes in the files’ order', () => {
  it('feeds every row in the files’ order, whatever order the workers answer in', () => {
    const h = harness(1000);
    h.inOrder.snapshots(2, rows(2, 1, 2), h.credit('w2'));
    h.inOrder.reply(1, reply(1, rows(1, 1, 1)));
    h.inOrder.snapshots(0, rows(0, 1, 2), h.credit('w0'));
    // File 0's batch goes straight in; files 1 and 2 wait for it.
    expect(h.fed).toEqual(['f0:1', 'f0:2']);
    expect(h.taken).toEqual([]);
    h.inOrder.snapshots(2, rows(2, 3, 1), h.credit('w2'));
    h.inOrder.reply(0, reply(0, rows(0, 3, 1)));
    // File 0 ends: file 1 is taken whole, file 2's held batches are fed and its later ones go straight in.
    expect(h.taken).toEqual([0, 1]);
    expect(h.inOrder.heldRows).toBe(0);
    h.inOrder.snapshots(2, rows(2, 4, 1), h.credit('w2'));
    h.inOrder.reply(2, reply(2, rows(2, 5, 1)));
    expect(h.taken).toEqual([0, 1, 2]);
    expect(h.fed).toEqual(['f0:1', 'f0:2', 'f0:3', 'f1:1', 'f2:1', 'f2:2', 'f2:3', 'f2:4', 'f2:5']);
    expect(h.credited).toEqual(['w2', 'w0', 'w2', 'w2']);
  });

  it('keeps a worker ahead of the order waiting once too many rows are held, until its turn', () => {
    const h = harness(3);
    h.inOrder.snapshots(1, rows(1, 1, 2), h.credit('a'));
    h.inOrder.snapshots(1, rows(1, 3, 2), h.credit('b'));
    h.inOrder.snapshots(2, rows(2, 1, 2), h.credit('c'));
    // Two rows held: room; four: the second batch's credit is kept, and the third's.
    expect(h.credited).toEqual(['a']);
    expect(h.inOrder.heldRows).toBe(6);
    expect(h.fed).toEqual([]);
    h.inOrder.snapshots(0, rows(0, 1, 1), h.credit('d'));
    expect(h.credited).toEqual(['a', 'd']);
    h.inOrder.reply(0, reply(0));
    // File 1's turn: its rows are fed and its worker goes on; file 2 is still held (2 rows, room).
    expect(h.fed).toEqual(['f0:1', 'f1:1', 'f1:2', 'f1:3', 'f1:4']);
    expect(h.inOrder.heldRows).toBe(2);
    expect(h.credited).toEqual(['a', 'd', 'b', 'c']);
  });

  it('takes outcomes known before any worker starts (the cache’s) in their turn', () => {
    const h = harness(10);
    h.inOrder.reply(0, reply(0, rows(0, 1, 1)));
    h.inOrder.reply(2, reply(2, rows(2, 1, 1)));
    expect(h.taken).toEqual([0]);
    h.inOrder.reply(1, reply(1, rows(1, 1, 1)));
    expect(h.taken).toEqual([0, 1, 2]);
    expect(h.fed).toEqual(['f0:1', 'f1:1', 'f2:1']);
  });

  it('has workers wait before another file while whole replies further on hold too many rows', async () => {
    const h = harness(3);
    h.inOrder.reply(2, reply(2, rows(2, 1, 2)));
    expect(h.inOrder.room()).toBeUndefined();
    h.inOrder.reply(1, reply(1, rows(1, 1, 2)));
    expect(h.inOrder.heldRows).toBe(4);
    let roomy = false;
    const room = h.inOrder.room()!.then(() => (roomy = true));
    await Promise.resolve();
    expect(roomy).toBe(false);
    h.inOrder.reply(0, reply(0, rows(0, 1, 1)));
    await room;
    expect(roomy).toBe(true);
    expect(h.taken).toEqual([0, 1, 2]);
    expect(h.inOrder.heldRows).toBe(0);
  });
});
