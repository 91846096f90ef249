import { describe, expect, it } from 'vitest';
import { KeyHasher, KeyTable } from '../../src/operators/unique.js';
import { fold } from '../../src/normalize/text.js';

/** The hashes of a key of plain parts. */
function keyHash(parts: string[]): [number, number] {
  const h = new KeyHasher();
  h.reset();
  for (const p of parts) h.add(p);
  return h.result();
}

const place = (row: number) => ({ file: 'a.xlsx', sheet: 'DS', row, column: 'B' });

describe('the duplicate check keeps keys as hashes', () => {
  it('finds repeated keys with the first listing name and place, in first-listing order', () => {
    const t = new KeyTable();
    t.add(keyHash(['nguyen van an', 'ca-nhan', 'xa a']), 'Nguyễn Văn An', place(5));
    t.add(keyHash(['tran thi b', 'ca-nhan', 'xa a']), 'Trần Thị B', place(6));
    t.add(keyHash(['tran thi b', 'ca-nhan', 'xa a']), 'TRẦN THỊ B', place(9));
    t.add(keyHash(['nguyen van an', 'ca-nhan', 'xa a']), 'NGUYỄN VĂN AN', place(7));
    t.add(keyHash(['nguyen van an', 'ca-nhan', 'xa a']), 'Nguyen Van An', place(8));
    expect(t.duplicates()).toEqual([
      { name: 'Nguyễn Văn An', count: 3, places: [place(5), place(7), place(8)] },
      { name: 'Trần Thị B', count: 2, places: [place(6), place(9)] },
    ]);
  });

  it('tells keys apart whose lookup hashes collide', () => {
    // Every key lands on the same 52-bit hash; only the check hash tells them apart.
    const t = new KeyTable();
    const colliding = (parts: string[]): [number, number] => [42, keyHash(parts)[1]];
    for (let i = 0; i < 50; i++) t.add(colliding([`nguoi ${i}`]), `Người ${i}`, place(i + 1));
    t.add(colliding(['nguoi 17']), 'Người 17', place(100));
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
      return h.result();
    };
    for (const t of ['Nguyễn  Văn An', 'NGUYỄN VĂN AN'.normalize('NFD'), ' Trường THCS số 5 – Đắk Hà ', 'ΣΟΦΙΑ', '漢字 😀']) {
      expect(folded(t, 'ca-nhan')).toEqual(keyHash([fold(t), 'ca nhan']));
    }
    expect(folded('Nguyễn Văn An')).toEqual(folded('nguyen van an'));
    expect(folded('Nguyễn Văn An')).not.toEqual(folded('Nguyễn Văn Anh'));
  });

  it('holds many keys, growing its arrays', () => {
    const t = new KeyTable();
    for (let i = 0; i < 200_000; i++) t.add(keyHash([`nguyen van ${i}`, 'ca-nhan', 'xa']), `Nguyễn Văn ${i}`, place(i + 2));
    t.add(keyHash(['nguyen van 199999', 'ca-nhan', 'xa']), 'Nguyễn Văn 199999', place(5));
    expect(t.duplicates()).toEqual([{ name: 'Nguyễn Văn 199999', count: 2, places: [place(200_001), place(5)] }]);
  });
});
