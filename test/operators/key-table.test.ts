import { describe, expect, it } from 'vitest';
import { KeyTable, writeUtf8 } from '../../src/operators/unique.js';
import { KeyHasher, KeySet } from '../../src/operators/keys.js';
import { fold } from '../../src/normalize/text.js';

/** A finished key's hashes, as [lookup, check]. */
function hashes(h: KeyHasher): [number, number] {
  h.finish();
  return [h.lookup, h.check];
}

/** The hashes of a key of plain parts. */
function keyHash(parts: string[]): [number, number] {
  const h = new KeyHasher();
  h.reset();
  for (const p of parts) h.add(p);
  return hashes(h);
}

const place = (row: number) => ({ file: 'a.xlsx', sheet: 'DS', row, column: 'B' });

/** Adds a listing to the table, its place given as an object. */
function add(t: KeyTable, [hash, check]: [number, number], name: string, p: ReturnType<typeof place>): void {
  t.add(hash, check, name, p.file, p.sheet, p.row, p.column);
}

describe('the duplicate check keeps keys as hashes', () => {
  it('finds repeated keys with the first listing name and place, in first-listing order', () => {
    const t = new KeyTable();
    add(t, keyHash(['nguyen van an', 'ca-nhan', 'xa a']), 'Nguyễn Văn An', place(5));
    add(t, keyHash(['tran thi b', 'ca-nhan', 'xa a']), 'Trần Thị B', place(6));
    add(t, keyHash(['tran thi b', 'ca-nhan', 'xa a']), 'TRẦN THỊ B', place(9));
    add(t, keyHash(['nguyen van an', 'ca-nhan', 'xa a']), 'NGUYỄN VĂN AN', place(7));
    add(t, keyHash(['nguyen van an', 'ca-nhan', 'xa a']), 'Nguyen Van An', place(8));
    expect(t.duplicates()).toEqual([
      { name: 'Nguyễn Văn An', count: 3, places: [place(5), place(7), place(8)] },
      { name: 'Trần Thị B', count: 2, places: [place(6), place(9)] },
    ]);
  });

  it('tells keys apart whose lookup hashes collide', () => {
    // Every key lands on the same 52-bit hash; only the check hash tells them apart.
    const t = new KeyTable();
    const colliding = (parts: string[]): [number, number] => [42, keyHash(parts)[1]];
    for (let i = 0; i < 50; i++) add(t, colliding([`nguoi ${i}`]), `Người ${i}`, place(i + 1));
    add(t, colliding(['nguoi 17']), 'Người 17', place(100));
    expect(t.duplicates()).toEqual([{ name: 'Người 17', count: 2, places: [place(18), place(100)] }]);
  });

  it('does not run parts together', () => {
    expect(keyHash(['ab', 'c'])).not.toEqual(keyHash(['a', 'bc']));
    expect(keyHash(['ab', 'c'])).toEqual(keyHash(['ab', 'c']));
  });

  it('hashes a text as its fold', () => {
    const folded = (...texts: string[]) => {
      const h = new KeyHasher();
      h.reset();
      for (const t of texts) h.addFolded(t);
      return hashes(h);
    };
    for (const t of ['Nguyễn  Văn An', 'NGUYỄN VĂN AN'.normalize('NFD'), ' Trường THCS số 5 – Đắk Hà ', 'ΣΟΦΙΑ', '漢字 😀']) {
      expect(folded(t, 'ca-nhan')).toEqual(keyHash([fold(t), 'ca nhan']));
    }
    expect(folded('Nguyễn Văn An')).toEqual(folded('nguyen van an'));
    expect(folded('Nguyễn Văn An')).not.toEqual(folded('Nguyễn Văn Anh'));
  });

  it('remembers the parts that repeat down the rows, each at its own position', () => {
    type Part = string | number | undefined;
    const hashOf = (h: KeyHasher, parts: Part[]) => {
      h.reset();
      const lengths = parts.map((p, i) => h.addPart(i, p));
      return [...hashes(h), ...lengths];
    };
    const rows: Part[][] = [
      ['An', 'ca-nhan', 'Xã A'],
      ['Bình', 'ca-nhan', 'Xã A'],
      ['Bình', 'tap-the', 'Xã A'],
      ['Bình', 'Xã A', 'tap-the'],
      ['Bình', undefined, 'Xã A'],
      ['Bình', 'Xã A', undefined],
      ['Bình', 'XÃ  A', 'tap-the'],
      ['Bình', 2024, 'Xã A'],
      ['Bình', '2024', 'Xã A'],
      ['...', 'tap-the', 'Xã A'],
      ['Cường', 'Xã A', 'tap-the'],
      ['Cường', 'Xã A', 'Xã A'],
    ];
    const remembering = new KeyHasher(3);
    const got = rows.map((r) => hashOf(remembering, r));
    // The same as each key hashed by a hasher that has seen no other.
    expect(got).toEqual(rows.map((r) => hashOf(new KeyHasher(3), r)));
    const keys = got.map((g) => `${g[0]}/${g[1]}`);
    // "Xã A" and "XÃ  A" fold alike, as do 2024 and "2024"; every other key differs.
    expect(keys[6]).toBe(keys[3]);
    expect(keys[8]).toBe(keys[7]);
    expect(new Set(keys).size).toBe(rows.length - 2);
    expect(got[9][2]).toBe(0);
    expect(got[4].slice(2)).toEqual([4, 0, 4]);
  });

  it('writes names as Buffer.write does, surrogates and all', () => {
    const texts = ['', 'An', 'Nguyễn Văn An', 'NGUYỄN'.normalize('NFD'), '€ ₫ ¥', 'Đắk 😀 x', '😀', 'a\ud800', '\udc00b', '\ud800\ud800\udc00', 'x\udbff', '\u07ff\u0800\uffff'];
    for (const t of texts) {
      const out = Buffer.alloc(t.length * 3 + 4, 0xaa);
      const end = writeUtf8(t, out, 2);
      expect(out.subarray(2, end)).toEqual(Buffer.from(t, 'utf8'));
      expect(out[end]).toBe(0xaa);
    }
  });

  it('gives a key its entry in the order keys first came, telling apart keys whose lookups collide', () => {
    const s = new KeySet();
    const keys = Array.from({ length: 5000 }, (_, i) => keyHash([`nguoi ${i}`]));
    expect(keys.map(([h, c]) => s.insert(h, c))).toEqual(keys.map(() => -1));
    expect(keys.map(([h, c]) => s.insert(h, c))).toEqual(keys.map((_, i) => i));
    // Same lookup hash, another check: another key.
    expect(s.has(keys[7][0], keys[7][1] ^ 1)).toBe(false);
    expect(s.insert(keys[7][0], keys[7][1] ^ 1)).toBe(-1);
    expect(s.insert(keys[7][0], keys[7][1] ^ 1)).toBe(5000);
    // Same check and the same slot (the lookup's low 32 bits), another lookup: another key.
    const high = keys[8][0] + 2 ** 32;
    expect(s.has(high, keys[8][1])).toBe(false);
    expect(s.insert(high, keys[8][1])).toBe(-1);
    expect(s.insert(high, keys[8][1])).toBe(5001);
    expect(s.insert(keys[8][0], keys[8][1])).toBe(8);
    expect(s.has(keys[4999][0], keys[4999][1])).toBe(true);
    expect(s.has(...keyHash(['nguoi 5000']))).toBe(false);
  });

  it('holds many keys, growing its arrays', () => {
    const t = new KeyTable();
    for (let i = 0; i < 200_000; i++) add(t, keyHash([`nguyen van ${i}`, 'ca-nhan', 'xa']), `Nguyễn Văn ${i}`, place(i + 2));
    add(t, keyHash(['nguyen van 199999', 'ca-nhan', 'xa']), 'Nguyễn Văn 199999', place(5));
    expect(t.duplicates()).toEqual([{ name: 'Nguyễn Văn 199999', count: 2, places: [place(200_001), place(5)] }]);
  });
});
