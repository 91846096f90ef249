/**
 * `--history` and the config's `history:` as an officer runs them: the streak rules read the past
 * decisions, a renamed unit is found through the config's map, Decree 152's exclusions follow the
 * dossier's date, an unreadable decision list is named and makes the run exit 2, the cache gives
 * the same findings, and without any history nothing changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, hoso, type Report } from '../support/cli.js';

vi.setConfig({ testTimeout: 60_000 });

const DOSSIER = 'fixtures/history/ho-so/chien-si-thi-dua-cap-tinh.xlsx';
const DECISIONS = 'fixtures/history/quyet-dinh';
const CONFIG = 'fixtures/history/hoso.config.yaml';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-history-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const json = (stdout: string) => JSON.parse(stdout) as Report & { findings: (Report['findings'][number] & { nominee?: string })[] };
/** A finding as the tests compare it: who, which rule, at which cell. */
const brief = (f: Report['findings'][number] & { nominee?: string }) => [f.nominee ?? f.group, f.ruleId, f.severity, f.column ?? ''];

/** A 2025 list of individuals proposed for CSTĐ cấp tỉnh, dated `date` (or undated), as a CSV. */
function cstdList(name: string, date: string | undefined, rows: string[][]): string {
  const file = path.join(tmp, name);
  const lines = [
    ['UBND XÃ ĐẮK RUỒNG'],
    ['DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU CHIẾN SĨ THI ĐUA CẤP TỈNH NĂM 2025'],
    ['STT', 'Họ và tên', 'Năm sinh', 'Đối tượng', 'Lĩnh vực', 'Đơn vị công tác', 'Năm bị kỷ luật', 'Số sáng kiến cấp tỉnh', 'Tóm tắt thành tích', 'Hình thức đề nghị'],
    ...rows.map((r, i) => [String(i + 1), ...r, '1', 'Ba năm liền đạt Chiến sĩ thi đua cơ sở, có sáng kiến cấp tỉnh năm 2025', 'Chiến sĩ thi đua cấp tỉnh']),
    ...(date ? [[''], ['', '', '', '', '', `Đắk Ruồng, ngày ${date}`]] : []),
  ];
  fs.writeFileSync(file, lines.map((l) => l.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n') + '\r\n');
  return file;
}
const TAI = ['Đinh Văn Tài', '1980', 'Cá nhân', 'Giáo dục', 'Trường THCS Đắk Ruồng', ''];
const LAN = ['Hoàng Thị Lan', '1988', 'Cá nhân', 'Y tế', 'Trạm Y tế xã Đắk Ruồng', '2022'];

describe('hoso check --history', () => {
  it('changes nothing without a history: the streak is one note that the list cannot show it', async () => {
    const run = await hoso(['check', DOSSIER, '-f', 'json']);
    expect(run.code).toBe(0);
    expect(json(run.stdout).findings.map(brief)).toEqual([['UBND XÃ ĐẮK RUỒNG', 'vn-law-2022/cstd-tinh/ba-lan-cstdcs', 'info', '']]);
    expect(json(run.stdout).findings[0].message).toBe(
      'Danh sách không có cột «Số lần liên tục đạt CSTĐCS» hay «Danh hiệu đã đạt 2022» hay «Danh hiệu đã đạt 2023» hay «Danh hiệu đã đạt 2024», và không có quyết định các năm trước (--history): không kiểm tra được «CSTĐ cấp tỉnh: có 03 lần liên tục được tặng danh hiệu CSTĐCS».',
    );
  });

  it('finds a renamed school only through the config\'s units: without them it names the year and the old name', async () => {
    const bare = await hoso(['check', DOSSIER, '--history', DECISIONS, '-f', 'json', '--lang', 'en']);
    const blao = json(bare.stdout).findings.filter((f) => f.nominee === 'Y Blao');
    expect(blao.map(brief)).toEqual([['Y Blao', 'vn-law-2022/cstd-tinh/ba-lan-cstdcs', 'error', 'L']]);
    expect(blao[0].message).toContain('no decision of 2022 gives "Y Blao" (Trường TH xã Kon Braih) "Grassroots Emulation Fighter", "Y Blao" of "Trường TH xã Đắk Pne", born 1985 stands at fixtures/history/quyet-dinh/2022-cstdcs.xlsx › Danh sách!B12: if that is the same person, map the unit in hoso.config.yaml\'s history.units');
    expect(blao[0].message).toMatch(/2023.*2024/);
    const mapped = await hoso(['check', DOSSIER, '--config', CONFIG, '-f', 'json']);
    expect(json(mapped.stdout).findings.filter((f) => f.nominee === 'Y Blao')).toEqual([]);
    // --history and the config's paths are the same decisions: the other findings do not change.
    expect(json(bare.stdout).findings.filter((f) => f.nominee !== 'Y Blao').map(brief)).toEqual(json(mapped.stdout).findings.map(brief));
  });

  it('counts an ad hoc decision and a year under discipline for the Law, and sets them aside from 1 July 2025 (Decree 152)', async () => {
    // The streak rules' findings (Decree 98's vote rule, in force until 30 June 2025, aside).
    const streaks = ['vn-law-2022/cstd-tinh/ba-lan-cstdcs', 'vn-law-2022/cstd-tinh/khong-tinh-dot-xuat-ky-luat'];
    const run = async (file: string) =>
      json((await hoso(['check', file, '--history', DECISIONS, '-f', 'json'])).stdout)
        .findings.filter((f) => streaks.includes(f.ruleId))
        .map(brief);
    const after = await run(cstdList('sau.csv', '15 tháng 12 năm 2025', [TAI, LAN]));
    expect(after).toEqual([
      ['Đinh Văn Tài', 'vn-law-2022/cstd-tinh/khong-tinh-dot-xuat-ky-luat', 'error', 'J'],
      ['Hoàng Thị Lan', 'vn-law-2022/cstd-tinh/khong-tinh-dot-xuat-ky-luat', 'error', 'G'],
    ]);
    // Before Decree 152 the decree's rule says nothing, and the Law's streak is met.
    expect(await run(cstdList('truoc.csv', '10 tháng 3 năm 2025', [TAI, LAN]))).toEqual([]);
    // An undated list: one note that the decree's rule could not be dated, never an error.
    expect(await run(cstdList('khong-ngay.csv', undefined, [TAI, LAN]))).toEqual([['UBND XÃ ĐẮK RUỒNG', 'vn-law-2022/cstd-tinh/khong-tinh-dot-xuat-ky-luat', 'info', '']]);
  });

  it('names an unreadable decision list with its reason, exits 2, and still checks the dossier against the rest', async () => {
    const dir = path.join(tmp, 'hong');
    fs.mkdirSync(dir);
    for (const f of ['2022-cstdcs.xlsx', '2023-danh-hieu.csv']) fs.copyFileSync(path.join(FIXTURES, 'history/quyet-dinh', f), path.join(dir, f));
    const whole = fs.readFileSync(path.join(FIXTURES, 'history/quyet-dinh/2024.xlsx'));
    fs.writeFileSync(path.join(dir, '2024.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
    const run = await hoso(['check', DOSSIER, '--history', dir, '-f', 'json', '--lang', 'en']);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBe(1);
    expect(lines[0].startsWith(`hoso: ${path.join(dir, '2024.xlsx')}: the .xlsx file is damaged or incomplete (download or save it again)`)).toBe(true);
    // 2024 unread: every nominee lacks it, and says so naming the decisions of the other years.
    const findings = json(run.stdout).findings.filter((f) => f.ruleId === 'vn-law-2022/cstd-tinh/ba-lan-cstdcs');
    expect(findings.find((f) => f.nominee === 'Lê Văn Cường')?.message).toContain('no decision of 2024 gives "Lê Văn Cường"');
    expect(json(run.stdout).summary.files).toBe(1);
  });

  it('gives the same findings from the cache, and checks the dossiers again when a decision list changes', async () => {
    const work = path.join(tmp, 'cache');
    fs.cpSync(path.join(FIXTURES, 'history'), work, { recursive: true });
    const cache = path.join(work, '.hoso-cache');
    const check = () => hoso(['check', 'ho-so', '--config', 'hoso.config.yaml', '--cache', '--cache-location', cache, '-f', 'json'], { cwd: work });
    const first = await check();
    const stored = JSON.parse(fs.readFileSync(cache, 'utf8')) as { history: Record<string, { hash: string }> };
    expect(Object.keys(stored.history).map((f) => path.basename(f)).sort()).toEqual(['2022-cstdcs.xlsx', '2023-danh-hieu.csv', '2024-dot-xuat.xlsx', '2024.xlsx']);
    const second = await check();
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);
    expect(json(first.stdout).findings.some((f) => f.nominee === 'Phạm Thị Hạnh')).toBe(true);
    // Phạm Thị Hạnh's 2023 decision turns out to be a CSTĐCS: her cached finding must go.
    const csv = path.join(work, 'quyet-dinh/2023-danh-hieu.csv');
    fs.writeFileSync(csv, fs.readFileSync(csv, 'utf8').replace(/Phạm Thị Hạnh,1982,Trường THCS Đắk Ruồng,Lao động tiên tiến/, 'Phạm Thị Hạnh,1982,Trường THCS Đắk Ruồng,Chiến sĩ thi đua cơ sở'));
    const third = await check();
    expect(json(third.stdout).findings.some((f) => f.nominee === 'Phạm Thị Hạnh')).toBe(false);
    expect(json(third.stdout).findings.length).toBe(json(first.stdout).findings.length - 1);
  });

  it('gives the same findings in worker threads, each with the ledger', async () => {
    const one = await hoso(['check', 'fixtures/history/ho-so', '--config', CONFIG, '-f', 'json', '-j', '1']);
    const two = await hoso(['check', 'fixtures/history/ho-so', '--config', CONFIG, '-f', 'json', '-j', '2']);
    expect(two.stdout).toBe(one.stdout);
    expect(json(one.stdout).findings.filter((f) => f.ruleId.startsWith('vn-law-2022/')).length).toBe(6);
  });

  it('never writes a report over a decision list', async () => {
    const target = path.join(tmp, 'qd.csv');
    fs.copyFileSync(path.join(FIXTURES, 'history/quyet-dinh/2023-danh-hieu.csv'), target);
    const before = fs.readFileSync(target);
    const run = await hoso(['check', DOSSIER, '--history', target, '-f', 'json', '-o', target, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('refusing to overwrite an input file');
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });
});

describe('history: in hoso.config.yaml', () => {
  it('is shown by --print-config, with the units it maps', async () => {
    const run = await hoso(['check', '--print-config', '--config', CONFIG, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Past decisions (--history):\n  fixtures/history/quyet-dinh\n');
    expect(run.stdout).toContain('Units renamed (history.units):\n  xã Đắk Pne: xã Kon Braih\n');
  });

  it('refuses a map of units that loops, at its key', async () => {
    const config = path.join(tmp, 'vong.yaml');
    fs.writeFileSync(config, 'history:\n  units:\n    "xã A": "xã B"\n    "Xã B": "xa a"\n');
    const run = await hoso(['check', DOSSIER, '--config', config, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`hoso: ${config}:3:13: history.units.xã A: this unit comes back to itself (through the names mapped): the renamings may not loop`);
  });

  it('is read by hoso report too', async () => {
    const out = path.join(tmp, 'bao-cao.xlsx');
    const run = await hoso(['report', 'fixtures/history/ho-so', '--config', CONFIG, '-o', out]);
    expect(run.code).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
  });
});
