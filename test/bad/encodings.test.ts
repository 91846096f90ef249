/**
 * The pieces behind the broken-input fixtures, in process: VNI and mojibake detection and
 * conversion, the OLE directory telling an encrypted .xlsx from an .xls, and CSV decoding
 * (Windows-1258 with combining tones, UTF-16LE) down to the cell.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { cp1252Char, decodeTcvn3, decodeVni, latin1Kind, looksLikeTcvn3, looksLikeVni, repairMojibake, tcvn3OrVni, TextKind } from '../../src/normalize/legacy.js';
import { isVietnameseSyllable, syllableScore } from '../../src/normalize/syllable.js';
import { parseDateText, parseNumberText } from '../../src/normalize/values.js';
import { openCsv } from '../../src/read/csv.js';
import { oleKind } from '../../src/read/ole.js';
import type { RawRow } from '../../src/read/types.js';
import { encodeVni } from '../../scripts/fixture-kit/bad.js';
import { FIXTURES } from '../support/cli.js';
import { seeded } from '../support/random.js';

const bad = (p: string) => path.join(FIXTURES, 'bad', p);

describe('VNI', () => {
  const words: [vni: string, unicode: string][] = [
    ['Nguyeãn Vaên An', 'Nguyễn Văn An'],
    ['Hoï vaø teân', 'Họ và tên'],
    ['Tröôøng THCS Ñaêk Ruoàng', 'Trường THCS Đăk Ruồng'],
    ['Phaïm Thò Höông', 'Phạm Thị Hương'],
    ['Ngöôøi lao ñoäng tröïc tieáp', 'Người lao động trực tiếp'],
    ['UBND XAÕ ÑAÉK RUOÀNG', 'UBND XÃ ĐẮK RUỒNG'],
    ['Söùc khoûe, Kyû luaät, Hoaøn thaønh xuaát saéc', 'Sức khỏe, Kỷ luật, Hoàn thành xuất sắc'],
  ];
  it.each(words)('"%s" is detected and reads as "%s"', (vni, unicode) => {
    expect(looksLikeVni(vni)).toBe(true);
    expect(decodeVni(vni)).toBe(unicode);
  });

  it('round-trips through the fixture kit encoder', () => {
    for (const [, unicode] of words) expect(decodeVni(encodeVni(unicode))).toBe(unicode);
  });

  it('leaves Unicode Vietnamese, plain ASCII and TCVN3 alone', () => {
    for (const text of ['Nguyễn Văn An', 'Hoà Bình', 'Thuý Kiều', 'Quê hương', 'Tiên Phước', 'Café', 'STT', 'Hä vµ tªn', 'Tr\u00adêng']) {
      expect(looksLikeVni(text), text).toBe(false);
    }
    expect(looksLikeTcvn3('Hä vµ tªn')).toBe(true);
  });
});

describe('TCVN3 or VNI', () => {
  // TCVN3 texts made only of codes VNI uses too: VNI would read "GiÊy khen cđa Chđ tÞch".
  const tcvn3: [string, string][] = [
    ['GiÊy khen cña Chñ tÞch UBND huyÖn', 'Giấy khen của Chủ tịch UBND huyện'],
    ['GiÊy khen cña Chñ huyÖn', 'Giấy khen của Chủ huyện'],
    ['cña', 'của'],
    ['lîi Ých', 'lợi ích'],
  ];
  it.each(tcvn3)('"%s" is TCVN3, not VNI: it reads "%s"', (text, unicode) => {
    expect(looksLikeVni(text)).toBe(false);
    expect(tcvn3OrVni(text)).toBe(false);
    expect(looksLikeTcvn3(text)).toBe(true);
    expect(decodeTcvn3(text)).toBe(unicode);
  });

  it('leaves to the sheet a short word both read alike, and reads a capitals-only abbreviation as VNI only in context', () => {
    for (const text of ['Tæ', 'Cöa', 'GD&ÑT']) {
      expect(looksLikeVni(text), text).toBe(false);
      expect(tcvn3OrVni(text), text).toBe(true);
    }
    // A tie that is not plainly TCVN3 stays VNI, as before.
    expect(looksLikeVni('Khoâng')).toBe(true);
    expect(tcvn3OrVni('Khoâng')).toBe(false);
  });

  it('knows a syllable by its onset, vowels, final, one tone and one case', () => {
    for (const w of ['Nguyễn', 'người', 'khuya', 'Đắk', 'giữ', 'quyết', 'NGUYỄN', 'Hoà', 'hoá', 'Rẫy']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['cđa', 'GiÊy', 'huyƯn', 'tÞch', 'Nửừ', 'Cafộ', 'ĐT', 'nguyEn']) expect(isVietnameseSyllable(w), w).toBe(false);
    // ASCII words and short words in capitals (abbreviations) do not count.
    expect(syllableScore('UBND GD&ĐT Kon Rẫy')).toBe(1);
    expect(syllableScore('GiÊy cđa')).toBe(-2);
  });
});

describe('TCVN3 capitals', () => {
  it('reads a word with one capital as typed for .VnTime, two capitals in a word with no lower-case letter as .VnTimeH', () => {
    expect(['Cã', 'N÷', 'A Tó', 'Y tÕ', 'X·'].map(decodeTcvn3)).toEqual(['Có', 'Nữ', 'A Tú', 'Y tế', 'Xã']);
    expect(['UBND X· §¾K RUåNG', '§¾K', 'CéNG'].map(decodeTcvn3)).toEqual(['UBND XÃ ĐẮK RUỒNG', 'ĐẮK', 'CỘNG']);
  });
});

describe('what a text cell says of its encoding', () => {
  it('tells ASCII, ambiguous Latin-1, plain TCVN3 and text beyond Latin-1 apart', () => {
    const kinds = (texts: string[]) => texts.map((t) => TextKind[latin1Kind(t)]);
    expect(kinds(['', 'Nam', 'x', 'HTXSNV', '1\u00a02'])).toEqual(['Ascii', 'Ascii', 'Ascii', 'Ascii', 'Ascii']);
    expect(kinds(['Có', 'Không', 'Cã', 'Y tÕ', 'Café', 'Ô Môn', 'Toát'])).toEqual(Array(7).fill('Ambiguous'));
    expect(kinds(['N÷', 'Kh«ng', 'Hä vµ tªn'])).toEqual(['Tcvn3', 'Tcvn3', 'Tcvn3']);
    expect(kinds(['Nữ', 'Gi¸o – viªn', 'Nguyễn'])).toEqual(['Beyond', 'Beyond', 'Beyond']);
  });
});

describe('TCVN3 detection', () => {
  // The definition, as words: a Latin-1 text with a TCVN3 code that Unicode Vietnamese never
  // holds (not one of the Latin-1 letters Vietnamese shares), next to an ASCII letter or a code.
  const VIETNAMESE_LATIN1 = new Set([...'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ']);
  // A TCVN3 code is one decodeTcvn3 changes, or ý, the one code that stands for itself (0xFD: ý).
  const isCode = (ch: string) => decodeTcvn3(ch) !== ch || ch === 'ý';
  const reference = (text: string) => {
    if (/[\u0100-\uffff]/.test(text)) return false;
    const chars = [...text];
    const near = (c?: string) => c !== undefined && (/[A-Za-z]/.test(c) || isCode(c));
    return chars.some((ch, i) => isCode(ch) && !VIETNAMESE_LATIN1.has(ch) && (near(chars[i - 1]) || near(chars[i + 1])));
  };

  it('tells TCVN3 from Unicode Vietnamese and Latin-1 words', () => {
    for (const text of ['Hä vµ tªn', 'Tr\u00adêng', 'NguyÔn V\u00a8n An', '§¾k Ruång']) expect(looksLikeTcvn3(text), text).toBe(true);
    for (const text of ['Có', 'Không', 'Café', 'Nguyễn Văn An', 'STT', '', 'µ', '1 µ 2']) expect(looksLikeTcvn3(text), text).toBe(false);
  });

  it('answers as the definition on random Latin-1 and Vietnamese text', () => {
    const alphabet = ['a', 'Z', ' ', '1', '-', 'ễ', 'đ', '\ud83d', ...Array.from({ length: 0x60 }, (_, k) => String.fromCharCode(0xa0 + k))];
    const next = seeded(3);
    let yes = 0;
    for (let k = 0; k < 50_000; k++) {
      const text = Array.from({ length: next(6) }, () => alphabet[next(alphabet.length)]).join('');
      const want = reference(text);
      if (want) yes++;
      if (looksLikeTcvn3(text) !== want) expect(looksLikeTcvn3(text), JSON.stringify(text)).toBe(want);
    }
    expect(yes).toBeGreaterThan(1000);
  });
});

describe('mojibake', () => {
  it('repairs UTF-8 read as Windows-1252, including the codes 1252 leaves undefined', () => {
    expect(repairMojibake('NguyÃªn')).toBe('Nguyên');
    expect(repairMojibake('Nguyá»…n VÄƒn An')).toBe('Nguyễn Văn An');
    expect(repairMojibake('Há»\u008d vÃ\u00a0 tÃªn')).toBe('Họ và tên');
  });
  it('knows Windows-1252 as iconv-lite does, byte for byte', () => {
    for (let b = 0; b < 256; b++) expect(cp1252Char(b), b.toString(16)).toBe(iconv.decode(Buffer.from([b]), 'win1252'));
  });
  it('leaves text that is not mojibake', () => {
    for (const text of ['Nguyễn Văn An', 'Café', 'Ã', 'Ông Bà', '1.234,5']) expect(repairMojibake(text), text).toBeUndefined();
  });
});

describe('OLE compound files', () => {
  it('tells an encrypted .xlsx from an .xls by the directory', async () => {
    expect(await oleKind(bad('mat-khau.xlsx'))).toBe('encrypted');
    expect(await oleKind(bad('excel-97.xls'))).toBe('xls');
    expect(await oleKind(bad('rong.xlsx'))).toBe('ole');
  });
});

describe('odd values', () => {
  it('reads numbers with either decimal mark and dates before 1900', () => {
    expect(parseNumberText('1.234,5')?.value).toBe(1234.5);
    expect(parseNumberText('1,234.5')?.value).toBe(1234.5);
    expect(parseDateText('15/03/1890')?.getUTCFullYear()).toBe(1890);
  });
});

async function cells(file: string): Promise<RawRow[]> {
  const src = await openCsv(file);
  const rows: RawRow[] = [];
  for await (const row of src.rows(src.sheets[0])) rows.push(row);
  return rows;
}

describe('CSV encodings, down to the cell', () => {
  it('Windows-1258 (tones as combining marks), UTF-16LE "Unicode Text" and mojibake give the UTF-8 file\'s cells, in NFC', async () => {
    const reference = await cells(path.join(FIXTURES, 'csv', 'dau-phay-bom.csv'));
    const text = (rows: RawRow[]) => rows.map((r) => [r.row, ...r.cells.map((c) => `${c.col}:${c.v}`)].join('|'));
    for (const file of ['csv/cp1258.csv', 'csv/unicode-text.txt', 'csv/mojibake.csv']) {
      const rows = await cells(bad(file));
      expect(text(rows), file).toEqual(text(reference));
      for (const r of rows) for (const c of r.cells) expect(c.v === String(c.v).normalize('NFC')).toBe(true);
    }
    const mojibake = await cells(bad('csv/mojibake.csv'));
    expect(mojibake.flatMap((r) => r.cells).filter((c) => c.legacy === 'mojibake').length).toBeGreaterThan(10);
  });
});
