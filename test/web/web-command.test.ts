/**
 * `hoso web`: the page written is one file with everything in it and a policy that forbids every
 * request; it is baked with the packs, profiles and language asked for, loaded and validated as
 * `check` loads them (a bad pack or profile stops here: one line, exit 2, nothing written); it is
 * never written over a pack or config it was made from, and no pack's text can end its script
 * elements. What it does in a browser is test/web/page.browser.test.ts's.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, hoso } from '../support/cli.js';

let tmp: string;

const PACK = `# A comment that would end the page's script: </script><script>alert(1)</script> <!--
pack: tinh-x
title: { vi: Quy định thi đua của tỉnh X, en: Province X's rules }
source: "Kế hoạch 12/KH-UBND của UBND tỉnh X"
documents:
  - { id: "005", title: { vi: Kế hoạch 12/KH-UBND của UBND tỉnh X, en: Province X's plan 12/KH-UBND } }
profiles:
  - { id: tinh-x/xa, title: { vi: Xã của tỉnh X, en: Communes of province X }, source: "005 §II" }
rules:
  - id: tinh-x/toi-da-ca-nhan
    title: { vi: Mỗi đơn vị đề nghị tối đa 05 cá nhân, en: At most 5 individuals per unit }
    severity: error
    check: count
    profile: tinh-x/xa
    with: { by: unit, where: { loai: ca-nhan }, max: 5, label: { vi: cá nhân, en: individuals } }
    source: "005 §II.1"
    examples:
      valid:
        - rows: [{ stt: 1, ten: Nguyễn Văn An, loai: Cá nhân, don_vi: UBND xã A }]
          repeat: 5
      invalid:
        - rows: [{ stt: 1, ten: Nguyễn Văn An, loai: Cá nhân, don_vi: UBND xã A }]
          repeat: 6
`;

/** The page's parts: its policy, its inline script and style, and what it was baked with. */
function parts(html: string) {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  const baked = /<script type="application\/json" id="hoso-baked">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return { policy, script, style, baked: baked === undefined ? undefined : (JSON.parse(baked) as { lang: string; profiles: string[]; defaultRules: boolean; rules: { name: string; text: string }[]; config?: { name: string; text: string } }) };
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-web-cmd-'));
  fs.writeFileSync(path.join(tmp, 'tinh-x.yaml'), PACK);
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('hoso web', () => {
  it('writes one page holding everything it runs, its script and style allowed by hash alone', async () => {
    const out = path.join(tmp, 'hoso.html');
    const run = await hoso(['web', '-o', out], { cwd: tmp });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Đã ghi trang kiểm tra: ${out}\n`);
    const html = fs.readFileSync(out, 'utf8');
    // Nothing is fetched: no script, style, image or frame from elsewhere.
    expect(html).not.toMatch(/<(script|img|iframe|link)\b[^>]*\b(src|href)=/i);
    expect(html.match(/<script\b/g)).toHaveLength(3);
    const { policy, script, style, baked } = parts(html);
    expect(policy).toBe(`default-src 'none'; script-src ${hash(script!)}; style-src ${hash(style!)}; worker-src blob:; connect-src 'none'; img-src data:; form-action 'none'; base-uri 'none'`);
    expect(policy).not.toContain('unsafe');
    expect(baked).toEqual({ lang: 'vi', profiles: [], defaultRules: true, rules: [] });
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    // The page the package ships is the same page, baked the same way.
    expect(html).toBe(fs.readFileSync(path.join(ROOT, 'dist', 'web', 'hoso.html'), 'utf8'));
  });

  it('bakes in the packs, profiles and language asked for, each pack by its name and exact text', async () => {
    const out = path.join(tmp, 'tinh-x.html');
    const run = await hoso(['web', '-o', out, '--rules', 'tinh-x.yaml', '--profile', 'tinh-x/xa', '--profile', 'kon-ray/xa', '--lang', 'en'], { cwd: tmp });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`Wrote the page: ${out}\n`);
    const html = fs.readFileSync(out, 'utf8');
    expect(parts(html).baked).toEqual({ lang: 'en', profiles: ['tinh-x/xa', 'kon-ray/xa'], defaultRules: true, rules: [{ name: 'tinh-x.yaml', text: PACK }] });
    expect(html).toMatch(/<html lang="en">/);
    // The pack's "</script>" stays inside its data element: the page has its three script elements and no more.
    expect(html.match(/<script\b/g)).toHaveLength(3);
    expect(html).not.toContain('<script>alert(1)');
  });

  it('leaves the bundled packs out with --no-default-rules, and bakes a config’s severities under its name', async () => {
    // One bundled pack named by the config travels as a text like any other: the engine's copies are all or none.
    const chung = path.join(ROOT, 'rules', 'chung.yaml');
    fs.writeFileSync(path.join(tmp, 'hoso.config.yaml'), `rules: [${JSON.stringify(chung)}, ./tinh-x.yaml]\ndefault-rules: false\nseverity:\n  tinh-x/toi-da-ca-nhan: warning\n`);
    try {
      const out = path.join(tmp, 'cau-hinh.html');
      const run = await hoso(['web', '-o', out], { cwd: tmp });
      expect(run.stderr).toBe('');
      const { baked } = parts(fs.readFileSync(out, 'utf8'));
      expect(baked?.defaultRules).toBe(false);
      expect(baked?.rules).toEqual([
        { name: 'chung.yaml', text: fs.readFileSync(chung, 'utf8') },
        { name: 'tinh-x.yaml', text: PACK },
      ]);
      expect(baked?.config?.name).toBe('hoso.config.yaml');
      expect(baked?.config?.text).toBe('severity:\n  tinh-x/toi-da-ca-nhan: warning\n');
    } finally {
      fs.rmSync(path.join(tmp, 'hoso.config.yaml'));
    }
  });

  it('says that a config’s settings naming folders and files (past decisions among them) are not used in the page', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'folders-'));
    fs.mkdirSync(path.join(dir, 'quyet-dinh'));
    fs.copyFileSync(path.join(ROOT, 'fixtures', 'history', 'quyet-dinh', '2024.xlsx'), path.join(dir, 'quyet-dinh', '2024.xlsx'));
    fs.writeFileSync(path.join(dir, 'hoso.config.yaml'), 'profiles-for:\n  xa: [binh-dinh/xa]\nignores: [mau/]\nhistory:\n  paths: [quyet-dinh]\n');
    const run = await hoso(['web', '-o', path.join(dir, 'p.html'), '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("hoso: the page does not use the config's profiles-for, ignores, history: they name folders and files on this computer\n");
  });

  it('stops at a bad pack with its file:line:key, exit 2, writing nothing', async () => {
    const bad = path.join(ROOT, 'fixtures', 'bad', 'quy-tac', 'khoa-la.yaml');
    const out = path.join(tmp, 'bad.html');
    const run = await hoso(['web', '-o', out, '--rules', bad, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^hoso: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: rules\\[0\\]\\.mucdo: `));
    expect(run.stdout).toBe('');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('stops at a profile no pack defines, as check does', async () => {
    const out = path.join(tmp, 'profile.html');
    const run = await hoso(['web', '-o', out, '--profile', 'khong/co', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hoso: unknown profile "khong\/co" \(known: binh-dinh\/co-quan-khoi, /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('never writes over a pack it was made from', async () => {
    const pack = path.join(tmp, 'tinh-x.yaml');
    const run = await hoso(['web', '-o', pack, '--rules', pack, '--lang', 'en'], { cwd: tmp });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tinh-x\.yaml: /);
    expect(fs.readFileSync(pack, 'utf8')).toBe(PACK);
  });
});
