/**
 * Row snapshots: what the rules over every file see of a row checked elsewhere (a worker thread,
 * an earlier run kept in the cache) must be what they would have seen of the row itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultCache, parseStored } from '../../src/engine/cache.js';
import { forEachSnapshotRow, SNAPSHOT_HEAD, SnapshotWriter, type RowSnapshots } from '../../src/engine/snapshot.js';
import type { CellView, ProposedAward, RowView } from '../../src/engine/types.js';
import type { Value } from '../../src/normalize/values.js';
import { columnLetter } from '../../src/read/types.js';
import type { Award } from '../../src/rules/schema.js';

/** An award of the vocabulary, as a row proposing it gives it. */
const LDTT: Award = { id: 'ldtt', label: 'Lao động tiên tiến', aliases: [], codes: [], kinds: ['ca-nhan'], level: 'co-so', title: true, source: 'Luật TĐKT 2022 Điều 24' };
const BK: Award = { id: 'bk-tinh', label: 'Bằng khen của Chủ tịch UBND tỉnh', aliases: [], codes: [], kinds: ['ca-nhan', 'tap-the'], level: 'tinh', source: 'Luật TĐKT 2022 Điều 74' };
const AWARDS = new Map([LDTT, BK].map((a) => [a.id, a]));

const KEYS = ['ten', 'loai', 'ngay', 'so', 'lanh_dao', 'ghi_chu', 'khong_co'];

/** A row as the engine gives it: `cells` by key, `has` the sheet's columns, `values` without a cell. */
function row(at: number, sheet: string, unit: string, cells: Record<string, [col: number, text: string, value?: Value]>, has: string[], values: Record<string, Value> = {}, awards: ProposedAward[] = []): RowView {
  const view = (key: string): CellView | undefined => {
    const c = cells[key];
    if (!c) return undefined;
    const [col, text, value] = c;
    const column = columnLetter(col);
    return { key, col, column, raw: { t: 's', v: text, col }, text, parsed: value === undefined ? { ok: false, expected: 'number' } : { ok: true, value } };
  };
  return {
    file: 'a.xlsx',
    sheet,
    row: at,
    hidden: false,
    sheetHidden: false,
    unit,
    has: (k) => has.includes(k),
    slot: (k) => (cells[k] ? { col: cells[k][0], column: columnLetter(cells[k][0]) } : undefined),
    cell: view,
    value: (k) => (cells[k] ? cells[k][2] : values[k]),
    years: () => [],
    cells: () => [],
    failedTags: () => new Set(),
    award: () => awards[0]?.award,
    awards: () => awards,
    purpose: awards.some((p) => p.award.title) ? 'award' : 'exemplar',
    awardYear: undefined,
  };
}

const ROWS = [
  row(8, 'Danh sách', 'UBND xã Đắk Pne', { ten: [2, 'Y Hơn', 'Y Hơn'], loai: [3, 'Cá nhân', 'ca-nhan'], ngay: [4, '10/6/2025', new Date(Date.UTC(2025, 5, 10))], so: [5, '12', 12], lanh_dao: [6, 'Có', true] }, ['ten', 'loai', 'ngay', 'so', 'lanh_dao', 'ghi_chu'], {}, [{ award: LDTT, key: 'hinh_thuc' }]),
  row(9, 'Danh sách', 'UBND xã Đắk Pne', { ten: [2, 'Thôn Kon Gùng', 'Thôn Kon Gùng'], so: [5, 'mười hai'] }, ['ten', 'ngay', 'so'], { loai: 'tap-the' }),
  row(3, 'Tập thể', 'Trường TH Đắk Tơ Lung', { ten: [27, 'A Tuyên', 'A Tuyên'], lanh_dao: [28, 'Không', false] }, ['ten', 'lanh_dao']),
  // A form in the award column and a title in a title column: both cross, each with its column.
  row(4, 'Tập thể', 'Trường TH Đắk Tơ Lung', { ten: [27, 'Y Blăk', 'Y Blăk'] }, ['ten'], {}, [
    { award: BK, key: 'hinh_thuc' },
    { award: LDTT, key: 'danh_hieu' },
  ]),
];

/** Everything a rule can ask of a row, as plain data. */
function seen(r: RowView) {
  return {
    place: [r.file, r.sheet, r.row, r.unit, r.hidden, r.sheetHidden],
    // An award row stays one, with its award, for the rules over every file (a purpose, an `award:` condition).
    purpose: r.purpose,
    award: r.award()?.id,
    awards: r.awards().map((p) => `${p.key}=${p.award.id}`),
    keys: KEYS.map((k) => ({ has: r.has(k), slot: r.slot(k), cell: r.cell(k), value: r.value(k) })),
  };
}

const decode = (s: RowSnapshots) => {
  const out: ReturnType<typeof seen>[] = [];
  forEachSnapshotRow(s, (r) => out.push(seen(r)), AWARDS);
  return out;
};

describe('row snapshots', () => {
  it('give the rules the same row: places, columns, cells, parsed values of every type', () => {
    const writer = new SnapshotWriter(KEYS);
    for (const r of ROWS) writer.add(r);
    expect(writer.rows).toBe(4);
    const batch = writer.take();
    expect(writer.rows).toBe(0);
    // The unparsed cell keeps its text and says it has no value, as the row does.
    const expected = ROWS.map(seen).map((s) => ({ ...s, keys: s.keys.map((k) => (k.cell && !k.cell.parsed.ok ? { ...k, cell: { ...k.cell, parsed: { ok: false, expected: 'text' } } } : k)) }));
    expect(decode(batch)).toEqual(expected);
    // Names once each, values the same as their text not repeated.
    expect(batch.names).toEqual(['Danh sách', 'UBND xã Đắk Pne', 'hinh_thuc=ldtt', 'Tập thể', 'Trường TH Đắk Tơ Lung', 'hinh_thuc=bk-tinh danh_hieu=ldtt']);
    expect(batch.data.filter((d) => d === 'Y Hơn')).toHaveLength(1);
    // The next batch stands on its own.
    writer.add(ROWS[2]);
    const next = writer.take();
    expect(next.names).toEqual(['Tập thể', 'Trường TH Đắk Tơ Lung']);
    expect(decode(next)).toEqual([expected[2]]);
  });

  it('come back from the cache’s JSON the same, dates included', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-snap-'));
    const file = path.join(dir, 'a.xlsx');
    fs.writeFileSync(file, 'x');
    const location = path.join(dir, 'cache');
    const writer = new SnapshotWriter(KEYS);
    for (const r of ROWS) writer.add(r);
    const batch = writer.take();
    const first = new ResultCache(location, 'k', () => new Set());
    await first.prepare([file]);
    first.set(file, { index: 0, findings: [], rows: 3, snapshots: batch });
    fs.writeFileSync(location, first.serialize()!);
    const read = parseStored(fs.readFileSync(location, 'utf8'), 'k');
    const second = new ResultCache(location, 'k', () => new Set(), 'files' in read ? read.files : undefined);
    await second.prepare([file]);
    const back = second.get(file)!.snapshots;
    // Row 1, key "ngay" (the third): its value slot.
    expect(back.data[SNAPSHOT_HEAD + 3 * 2 + 2]).toBeInstanceOf(Date);
    expect(decode(back)).toEqual(decode(batch));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
