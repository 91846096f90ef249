/**
 * The decision lists in the cache: their records kept as the bytes of their Int32Array, read back
 * whole, and a damaged entry never half-used (the cache is set aside, as any damaged cache is).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseStored, ResultCache } from '../../src/engine/cache.js';
import { FIELDS, F, PartWriter } from '../../src/history/ledger.js';
import type { HistoryPart } from '../../src/history/read.js';
import { FIXTURES, hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-history-cache-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function part(): HistoryPart {
  const w = new PartWriter();
  for (let row = 8; row < 108; row++) w.add({ name: `Người ${row}`, unit: 'Trường THCS Đắk Ruồng', year: 2023, award: 'cstdcs', file: 'qd.xlsx', sheet: 'Danh sách', row, column: 'B', birth: 1980 });
  return { ...w.part(), notes: [] };
}

/** A cache holding one history part, as a run writes it. */
async function written(): Promise<string> {
  const file = path.join(tmp, `qd-${Math.random()}.csv`);
  fs.writeFileSync(file, 'STT,Họ và tên\n');
  const cache = new ResultCache(path.join(tmp, 'cache'), 'key', () => new Set());
  expect(await cache.historyPart(file)).toBeUndefined();
  cache.keepHistory(file, part());
  return cache.serialize()!;
}

describe('history files in the cache', () => {
  it('keep their records as bytes, read back as the same Int32Array', async () => {
    const text = await written();
    expect(text).toContain('"$i32":"');
    const read = parseStored(text, 'key');
    expect('history' in read && read.history).toBeTruthy();
    const back = Object.values((read as { history: Record<string, { part: HistoryPart }> }).history)[0].part;
    expect(back.data).toBeInstanceOf(Int32Array);
    expect([...back.data]).toEqual([...part().data]);
    expect(back.data.length).toBe(100 * FIELDS);
  });

  it('refuse an entry whose records name a text that is not there, or are not whole records', async () => {
    const text = await written();
    const entry = () => {
      const stored = JSON.parse(text) as { history: Record<string, { part: { strings: string[]; data: { $i32: string } } }> };
      return { stored, p: Object.values(stored.history)[0].part };
    };
    const { stored: a, p: pa } = entry();
    pa.strings = pa.strings.slice(0, 1);
    expect(parseStored(JSON.stringify(a), 'key')).toEqual({ damaged: expect.stringContaining('the entry of') });
    const { stored: b, p: pb } = entry();
    pb.data.$i32 = Buffer.from(pb.data.$i32, 'base64').subarray(0, 4 * FIELDS - 2).toString('base64');
    expect(parseStored(JSON.stringify(b), 'key')).toEqual({ damaged: expect.stringContaining('the entry of') });
    const { stored: c, p: pc } = entry();
    const bytes = Buffer.from(pc.data.$i32, 'base64');
    bytes.writeInt32LE(-5, 4 * F.kind);
    pc.data.$i32 = bytes.toString('base64');
    expect(parseStored(JSON.stringify(c), 'key')).toEqual({ damaged: expect.stringContaining('the entry of') });
  });

  it('are set aside with the rest of a damaged cache, and the run gives what a fresh one gives', async () => {
    const work = path.join(tmp, 'run');
    fs.cpSync(path.join(FIXTURES, 'history'), work, { recursive: true });
    const args = ['check', 'ho-so', '--config', 'hoso.config.yaml', '--cache', '-f', 'json'];
    const fresh = await hoso(args, { cwd: work });
    const cacheFile = path.join(work, '.hoso-cache');
    const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { history: Record<string, { part: { strings: string[] } }> };
    Object.values(cache.history)[0].part.strings = [];
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    const run = await hoso(args, { cwd: work });
    expect(run.stderr).toMatch(/^hoso: bộ nhớ đệm «\.hoso-cache» bị hỏng \(the entry of .+\): đã để sang «\.hoso-cache\.damaged», các tệp được kiểm tra lại\n$/);
    expect(run.stdout).toBe(fresh.stdout);
  });
});
