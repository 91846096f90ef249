/**
 * Legacy text decided by sheet, column and row (src/read/legacy-text.ts): short cells typed in
 * TCVN3 ("Cã", "Y tÕ") are decoded where their surroundings are TCVN3, and Latin-1 words typed
 * in Unicode ("Có", "Café", "Ô Môn") are left where theirs are Unicode; TCVN3 and VNI are told
 * apart. Rows are given as a workbook reader gives them: VNI converted cell by cell, the common
 * texts marked plain.
 */
import { describe, expect, it } from 'vitest';
import { HeaderMatcher, readTable, type NomineeRow, type TableEvent } from '../../src/read/table.js';
import { PlainText, type RawCell, type RawRow } from '../../src/read/types.js';
import { fromVni } from '../../src/normalize/legacy.js';
import { cleanText } from '../../src/normalize/text.js';
import { vocabulary } from '../../src/engine/check.js';
import { bundledRulesDir, expandPackPaths, loadRuleSet } from '../../src/rules/load.js';

const ruleSet = loadRuleSet(expandPackPaths([bundledRulesDir()]));
const opts = {
  matcher: new HeaderMatcher([...ruleSet.columns.values()]),
  vocab: vocabulary(ruleSet),
  keys: { name: 'ten', stt: 'stt' },
};

/** A text cell as the .xlsx and CSV readers make it: VNI converted and marked, plain text known plain. */
function asRead(col: number, v: string): RawCell {
  const vni = fromVni(v);
  if (vni !== undefined) return { col, t: 's', v: vni, legacy: 'vni' };
  return cleanText(v) === v && (/[^\u0000-\u00ff]/.test(v) || !/[^\u0000-\u007f]/.test(v)) ? new PlainText(col, v) : { col, t: 's', v };
}

/** Rows from row 1, column A on; undefined leaves a cell empty. */
function sheet(rows: (string | number | undefined)[][]): RawRow[] {
  return rows.map((cells, i) => ({
    row: i + 1,
    cells: cells.flatMap((v, c): RawCell[] => (v === undefined ? [] : typeof v === 'number' ? [{ t: 'n', v, col: c + 1 }] : [asRead(c + 1, v)])),
  }));
}

async function nominees(rows: RawRow[]): Promise<NomineeRow[]> {
  async function* src() {
    yield* rows;
  }
  const events: TableEvent[] = [];
  for await (const e of readTable(src(), opts)) events.push(e);
  expect(events.some((e) => e.type === 'layout')).toBe(true);
  return events.flatMap((e) => (e.type === 'row' ? [e.row] : []));
}

/** Each row's text cells as [column, value, legacy marker or null]. */
const texts = (rows: NomineeRow[]) => rows.map((r) => r.cells.flatMap((c) => (c.t === 's' ? [[c.col, c.v, c.legacy ?? null]] : [])));

const HEADER = ['STT', 'Họ và tên', 'Đối tượng', 'Lĩnh vực', 'Lao động trực tiếp', 'Giới tính', 'Chức vụ'];

describe('legacy text by sheet, column and row', () => {
  it('reads the short cells of a TCVN3 body under a Unicode header as the body is typed, the first row\'s too', async () => {
    const rows = await nominees(
      sheet([
        ['UBND XÃ ĐẮK PNE'],
        HEADER,
        // No cell of this row is plainly TCVN3: its column (Lĩnh vực, below) and the sheet say.
        [1, 'Y Nhan', undefined, 'Y tÕ', 'Cã', 'Nam'],
        [2, 'Lª ThÞ Hoa', 'C¸ nh©n', 'Gi¸o dôc', 'Cã', 'N÷', 'Gi¸o viªn'],
        [3, 'A Tó', 'C¸ nh©n', 'Y tÕ', 'Cã', 'Nam', 'Y sÜ'],
      ]),
    );
    expect(texts(rows)).toEqual([
      [
        [2, 'Y Nhan', null],
        [4, 'Y tế', 'tcvn3'],
        [5, 'Có', 'tcvn3'],
        [6, 'Nam', null],
      ],
      [
        [2, 'Lê Thị Hoa', 'tcvn3'],
        [3, 'Cá nhân', 'tcvn3'],
        [4, 'Giáo dục', 'tcvn3'],
        [5, 'Có', 'tcvn3'],
        [6, 'Nữ', 'tcvn3'],
        [7, 'Giáo viên', 'tcvn3'],
      ],
      [
        [2, 'A Tú', 'tcvn3'],
        [3, 'Cá nhân', 'tcvn3'],
        [4, 'Y tế', 'tcvn3'],
        [5, 'Có', 'tcvn3'],
        [6, 'Nam', null],
        [7, 'Y sĩ', 'tcvn3'],
      ],
    ]);
    expect(rows.map((r) => r.row)).toEqual([3, 4, 5]);
  });

  it('leaves the Latin-1 words of a Unicode sheet as typed ("Café", "Ô Môn", "Có"), decoding only a cell that plainly is TCVN3', async () => {
    const typed = [
      [1, 'Nguyễn Văn An', 'Cá nhân', 'Giáo dục', 'Có', 'Nam', 'Giáo viên'],
      [2, 'Hà Thị Tú', 'Cá nhân', 'Y tế', 'Không', 'Nữ', 'Café Ô Môn'],
      [3, 'Lê Văn Hoà', 'Cá nhân', 'Văn hóa', 'Có', 'Nam', 'Gi¸o viªn'],
      [4, 'Trần Bá', 'Cá nhân', 'Giáo dục', 'Có', 'Nam', 'Hiệu trưởng'],
    ];
    const rows = await nominees(sheet([HEADER, ...typed]));
    expect(texts(rows)).toEqual(
      typed.map((r) => r.flatMap((v, i) => (typeof v !== 'string' ? [] : [[i + 1, v === 'Gi¸o viªn' ? 'Giáo viên' : v, v === 'Gi¸o viªn' ? 'tcvn3' : null]]))),
    );
  });

  it('decodes only the TCVN3 column of a mixed sheet, its first short cell included', async () => {
    const rows = await nominees(
      sheet([
        [...HEADER, 'Đạt tiêu chuẩn an toàn về ANTT'],
        [1, 'Trường THCS Đắk Pne', 'Tập thể', 'Giáo dục', 'Có', undefined, undefined, 'Cã'],
        [2, 'Trường TH Đắk Pne', 'Tập thể', 'Giáo dục', 'Không', undefined, undefined, 'Kh«ng'],
        [3, 'Trạm Y tế xã Đắk Pne', 'Tập thể', 'Y tế', 'Có', undefined, undefined, 'Cã'],
      ]),
    );
    expect(texts(rows).map((r) => r.map(([col, v, legacy]) => `${col}:${v}:${legacy}`))).toEqual([
      ['2:Trường THCS Đắk Pne:null', '3:Tập thể:null', '4:Giáo dục:null', '5:Có:null', '8:Có:tcvn3'],
      ['2:Trường TH Đắk Pne:null', '3:Tập thể:null', '4:Giáo dục:null', '5:Không:null', '8:Không:tcvn3'],
      ['2:Trạm Y tế xã Đắk Pne:null', '3:Tập thể:null', '4:Y tế:null', '5:Có:null', '8:Có:tcvn3'],
    ]);
  });

  it('keeps a column read as typed once TCVN3 turns up past the rows held for the header, and reads a row pasted whole by the row', async () => {
    const unicode = Array.from({ length: 45 }, (_, i) => [i + 1, `Nguyễn Văn ${i}`, 'Cá nhân', 'Giáo dục', 'Có']);
    const rows = await nominees(
      sheet([
        HEADER,
        ...unicode,
        // A stray cell: decoded as plainly TCVN3, the "Có" under it stays "Có".
        [46, 'Trần Văn Bình', 'Cá nhân', 'Giáo dục', 'Kh«ng'],
        [47, 'Lê Thị Lan', 'Cá nhân', 'Giáo dục', 'Có'],
        // A row pasted whole from a TCVN3 document: its "Cã" and "Y tÕ" are read as the row is.
        [48, 'NguyÔn V¨n B×nh', 'C¸ nh©n', 'Y tÕ', 'Cã'],
      ]),
    );
    expect(rows).toHaveLength(48);
    expect(texts(rows.slice(0, 45)).flat().filter(([, , legacy]) => legacy !== null)).toEqual([]);
    expect(texts(rows.slice(45))).toEqual([
      [
        [2, 'Trần Văn Bình', null],
        [3, 'Cá nhân', null],
        [4, 'Giáo dục', null],
        [5, 'Không', 'tcvn3'],
      ],
      [
        [2, 'Lê Thị Lan', null],
        [3, 'Cá nhân', null],
        [4, 'Giáo dục', null],
        [5, 'Có', null],
      ],
      [
        [2, 'Nguyễn Văn Bình', 'tcvn3'],
        [3, 'Cá nhân', 'tcvn3'],
        [4, 'Y tế', 'tcvn3'],
        [5, 'Có', 'tcvn3'],
      ],
    ]);
  });

  it('tells TCVN3 from VNI: by its syllables where they say ("GiÊy khen cña Chñ tÞch"), by its row where they do not ("GD&ÑT", "Toát")', async () => {
    const tcvn3 = await nominees(
      sheet([
        ['STT', 'Họ và tên', 'Đối tượng', 'Hình thức đề nghị', 'Ghi chú'],
        [1, 'Lª ThÞ Hoa', 'C¸ nh©n', 'GiÊy khen cña Chñ tÞch UBND huyÖn', 'Tæ'],
      ]),
    );
    expect(texts(tcvn3)[0].slice(2)).toEqual([
      [4, 'Giấy khen của Chủ tịch UBND huyện', 'tcvn3'],
      [5, 'Tổ', 'tcvn3'],
    ]);
    const vni = await nominees(
      sheet([
        ['STT', 'Họ và tên', 'Đối tượng', 'Lĩnh vực', 'Xếp loại 2024', 'Ghi chú'],
        [1, 'Nguyeãn Vaên An', 'Caù nhaân', 'GD&ÑT', 'Toát', 'Tæ'],
      ]),
    );
    expect(texts(vni)).toEqual([
      [
        [2, 'Nguyễn Văn An', 'vni'],
        [3, 'Cá nhân', 'vni'],
        [4, 'GD&ĐT', 'vni'],
        [5, 'Tốt', 'vni'],
        [6, 'Tỉ', 'vni'],
      ],
    ]);
  });

  it('leaves a row with nothing to decode as the reader gave it, cell objects and all', async () => {
    const given = sheet([HEADER, [1, 'Nguyễn Văn An', 'Cá nhân', 'Giáo dục', 'Có', 'Nam', 'HTXSNV']]);
    const [row] = await nominees(given);
    expect(row.cells).toHaveLength(given[1].cells.length);
    row.cells.forEach((c, i) => expect(c).toBe(given[1].cells[i]));
  });
});
