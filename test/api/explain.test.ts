/** The library's explain and profile list: what `hoso explain` prints, and the profiles for a picker. */
import { describe, expect, it } from 'vitest';
import { explain, HosoError, listProfiles } from '../../src/api.js';
import { bundledPacks } from '../../src/rules/bundled.js';
import { hoso } from '../support/cli.js';

/** A profile of the province's own, in a pack given as text. */
const OWN = `pack: tinh-x
title: { vi: Tỉnh X, en: Province X }
profiles:
  - { id: tinh-x/xa, title: { vi: Xã của Tỉnh X, en: Communes of Province X }, source: "KH 1" }
rules: []
`;

describe.concurrent('explain', () => {
  // A rule (its pack named as the CLI run from the repository names it), an award, a profile and a field.
  for (const [id, lang] of [['chung/ten', 'vi'], ['ttldtt/70-phan-tram-ldtt', 'en'], ['ttldtt', 'vi'], ['kon-ray/xa', 'en'], ['giao-duc', 'vi']] as const) {
    it(`${id} (${lang}): what \`hoso explain\` prints`, async () => {
      const [text, cli] = await Promise.all([explain(id, { lang }), hoso(['explain', id, '--lang', lang])]);
      expect(cli.code).toBe(0);
      expect(text).toBe(cli.stdout);
    });
  }

  it('names a pack given as text by its name, and knows nothing of an id no pack has', async () => {
    const text = await explain('chung/ten', { defaultRules: false, rules: bundledPacks().map((p) => ({ ...p, name: `tinh/${p.name}` })) });
    expect(text).toContain('(tinh/rules/chung.yaml)');
    expect(await explain('khong-co/quy-tac')).toBeUndefined();
  });

  it('rejects a pack that cannot be loaded as check does', async () => {
    const e = await explain('chung/ten', { rules: [{ name: 'x.yaml', text: 'pack: [' }], lang: 'en' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(HosoError);
    expect((e as HosoError).file).toBe('x.yaml');
  });
});

describe.concurrent('listProfiles', () => {
  it('lists every profile of the packs in force, titled in the language asked for', async () => {
    const [vi, en, own] = await Promise.all([listProfiles(), listProfiles({ lang: 'en' }), listProfiles({ rules: [{ name: 'tinh-x.yaml', text: OWN }], lang: 'en' })]);
    expect(vi.map((p) => p.id)).toEqual(en.map((p) => p.id));
    expect(vi.map((p) => p.id)).toContain('binh-dinh/xa');
    expect(vi.find((p) => p.id === 'kon-ray/xa')!.title).toBe('Xã, thị trấn (Kon Rẫy)');
    expect(own.at(-1)).toEqual({ id: 'tinh-x/xa', title: 'Communes of Province X' });
    expect(own.slice(0, -1)).toEqual(en);
  });
});
