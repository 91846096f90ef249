/** `--cache`: unchanged files are not read again, and nothing stale is ever reported. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { STREAM_BYTES } from '../../src/engine/check.js';
import { FIXTURES, hoso } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-cache-'));
  fs.cpSync(path.join(FIXTURES, 'vi-du'), path.join(dir, 'vi-du'), { recursive: true });
  return dir;
}

const check = (dir: string, ...more: string[]) => hoso(['check', 'vi-du', '--cache', '-f', 'json', '-j', '1', ...more], { cwd: dir });
const cachedFiles = (dir: string, location = '.hoso-cache') =>
  Object.keys((JSON.parse(fs.readFileSync(path.join(dir, location), 'utf8')) as { files: Record<string, unknown> }).files).map((f) => path.basename(f)).sort();

/**
 * Grows the commune's CSV past STREAM_BYTES: 15,000 more individuals, one of them the teacher
 * the education office also lists, so that the file takes part in the duplicate over all files.
 */
function growCsv(dir: string): string {
  const file = path.join(dir, 'vi-du/xa-dak-pne-tong-hop.csv');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const after = lines.findIndex((l) => l.startsWith('3;A Tuyên;'));
  const template = lines[after - 2]; // 1;Đoàn Văn Tịnh;Cá nhân;…
  const ho = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Y', 'A', 'Đinh', 'Mai', 'Trịnh', 'Lương'];
  const dem = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang', 'Xuân', 'Thu', 'Kim', 'Bá', 'Công', 'Đình', 'Hồng', 'Mạnh', 'Phương', 'Trọng', 'Tuấn', 'Việt'];
  const ten = 'An Bình Châu Dũng Giang Hà Hải Hạnh Hiền Hòa Hùng Hương Khánh Lan Linh Long Mai Nam Nga Ngân Nhung Phong Phúc Quân Quyên Sơn Tâm Thảo Thắng Thủy Tiến Trang Trung Tú Tuyết Uyên Vân Vinh Xuân Yến'.split(' ');
  const more = Array.from({ length: 15_000 }, (_, i) => {
    const name = i === 7_000 ? 'Y Hơn' : `${ho[i % 20]} ${dem[Math.floor(i / 20) % 20]} ${ten[Math.floor(i / 400)]}`;
    const cells = template.split(';');
    cells[0] = String(4 + i);
    cells[1] = name;
    if (name === 'Y Hơn') cells[4] = 'Trường PTDTBT Tiểu học Đắk Tơ Lung';
    cells[20] = `"Hoàn thành ${i + 1} việc được giao đúng hạn; hướng dẫn người dân nộp hồ sơ trực tuyến"`;
    return cells.join(';');
  });
  lines.splice(after + 1, 0, ...more);
  fs.writeFileSync(file, lines.join('\n'));
  expect(fs.statSync(file).size).toBeGreaterThan(STREAM_BYTES);
  return file;
}

describe('the cache', () => {
  it('gives the same report from the cache, and leaves the cache alone when nothing changed', async () => {
    const dir = workspace();
    const first = await check(dir);
    const cacheFile = path.join(dir, '.hoso-cache');
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(stored.files)).toHaveLength(4);
    const before = fs.statSync(cacheFile).mtimeMs;
    const second = await check(dir);
    expect(second.code).toBe(first.code);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(fs.statSync(cacheFile).mtimeMs).toBe(before);
  });

  it('reads a file again when its content changed, and keeps cross-file rules exact', async () => {
    const dir = workspace();
    await check(dir);
    // The education office's file replaced by a clean one: its findings, and the cross-file
    // duplicate it took part in, must go; the other files' findings stay.
    fs.copyFileSync(path.join(FIXTURES, 'fields/giao-duc-dat.xlsx'), path.join(dir, 'vi-du/phong-gd-dt.xlsx'));
    const after = JSON.parse((await check(dir)).stdout) as { findings: { ruleId: string; file: string }[] };
    const fresh = JSON.parse((await hoso(['check', 'vi-du', '-f', 'json', '-j', '1'], { cwd: dir })).stdout);
    expect(after).toEqual(fresh);
    expect(after.findings.some((f) => f.file.endsWith('phong-gd-dt.xlsx'))).toBe(false);
    expect(after.findings.some((f) => f.ruleId === 'chung/trung-lap')).toBe(false);
  });

  it('is dropped when the rules or the profiles change', async () => {
    const dir = workspace();
    await check(dir);
    const key = () => (JSON.parse(fs.readFileSync(path.join(dir, '.hoso-cache'), 'utf8')) as { key: string }).key;
    const k1 = key();
    const withProfile = await check(dir, '--profile', 'kon-ray/xa');
    expect(key()).not.toBe(k1);
    const fresh = await hoso(['check', 'vi-du', '--profile', 'kon-ray/xa', '-f', 'json', '-j', '1'], { cwd: dir });
    expect(JSON.parse(withProfile.stdout)).toEqual(JSON.parse(fresh.stdout));
    fs.writeFileSync(path.join(dir, 'local.yaml'), 'pack: dia-phuong\ntitle: Thử\ncolumns:\n  - { key: ten, aliases: [Tên người được đề nghị] }\n');
    const k2 = key();
    await check(dir, '--profile', 'kon-ray/xa', '--rules', 'local.yaml');
    expect(key()).not.toBe(k2);
  });

  it('ignores a damaged cache, and never writes one over an input', async () => {
    const dir = workspace();
    fs.writeFileSync(path.join(dir, '.hoso-cache'), '{"key": "x", "files": ');
    const run = await check(dir);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).summary.files).toBe(4);
    const input = path.join(dir, 'vi-du/phong-gd-dt.xlsx');
    const bytes = fs.readFileSync(input);
    const refused = await check(dir, '--cache-location', 'vi-du/phong-gd-dt.xlsx');
    expect(refused.code).toBe(2);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
  });

  it('checks a file over STREAM_BYTES in its turn, streaming, and does not cache it while rules over every file are in force', async () => {
    const dir = workspace();
    await check(dir);
    expect(cachedFiles(dir)).toContain('xa-dak-pne-tong-hop.csv');
    growCsv(dir);
    const fresh = await hoso(['check', 'vi-du', '-f', 'json', '-j', '1'], { cwd: dir });
    const report = JSON.parse(fresh.stdout) as { summary: { rows: number }; findings: { ruleId: string; file: string; message: string }[] };
    expect(report.summary.rows).toBeGreaterThan(15_000);
    // The big file is third of four: the duplicate's "elsewhere" lists follow the files' order.
    const duplicates = report.findings.filter((f) => f.ruleId === 'chung/trung-lap' && f.message.startsWith('«Y Hơn»'));
    expect(duplicates.map((f) => path.basename(f.file))).toEqual(['phong-gd-dt.xlsx', 'xa-dak-pne-tong-hop.csv', 'xa-dak-to-lung.xlsx']);
    const others = ['cong-ty-nong-san.xlsx', 'phong-gd-dt.xlsx', 'xa-dak-to-lung.xlsx'];
    // Worker threads and a new cache; then the old cache, whose entry for the file is dropped;
    // then that cache again, warm.
    for (const [more, location] of [[['-j', '2', '--cache-location', 'other-cache'], 'other-cache'], [[], '.hoso-cache'], [[], '.hoso-cache']] as const) {
      const run = await check(dir, ...more);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(fresh.code);
      expect(JSON.parse(run.stdout)).toEqual(report);
      expect(cachedFiles(dir, location)).toEqual(others);
    }
  });

  it('caches a large file like any other when no rule looks over every file', async () => {
    const dir = workspace();
    growCsv(dir);
    const pack = [
      'pack: mot-tep',
      'title: Thử',
      'columns:',
      '  - { key: ten, header: Họ và tên / Tên tập thể, type: text }',
      '  - { key: don_vi, header: Đơn vị công tác, type: text }',
      'rules:',
      '  - id: mot-tep/trung-lap',
      '    title: Không trùng trong một tệp',
      '    source: thử',
      '    check: unique',
      '    with: { columns: [ten], scope: file }',
      '    examples:',
      '      valid: [{ rows: [{ ten: An }, { ten: Bình }] }]',
      '      invalid: [{ rows: [{ ten: An }, { ten: An }] }]',
    ];
    fs.writeFileSync(path.join(dir, 'mot-tep.yaml'), pack.join('\n') + '\n');
    const args = ['--no-default-rules', '--rules', 'mot-tep.yaml'];
    const first = await check(dir, ...args);
    expect(first.stderr).toBe('');
    expect(cachedFiles(dir)).toContain('xa-dak-pne-tong-hop.csv');
    const second = await check(dir, ...args);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(JSON.parse(first.stdout).summary.rows).toBeGreaterThan(15_000);
  });
});
