import { describe, expect, it } from 'vitest';
import { github } from '../../src/format/github.js';
import { joined } from '../../src/format/types.js';
import { cellFinding, ctx, groupFinding, infoFinding, resultOf } from './sample.js';

describe('-f github', () => {
  it('writes one workflow command a finding: error, warning and notice, with the file, Excel row and rule id', () => {
    const out = joined(github(resultOf([cellFinding, groupFinding, infoFinding]), ctx));
    expect(out.split('\n')).toEqual([
      '::error file=ho-so/xã đắk rơ wa.xlsx,line=12,title=giao-duc/an-toan-antt::«Đạt tiêu chuẩn an toàn về ANTT» phải là «Có» (đang là «Không»). (Danh sách!H12)',
      '::warning file=ho-so/xa-b.xlsx,title=binh-dinh/xa/so-luong::Đơn vị đề nghị 7 cá nhân, vượt 5. (UBND XÃ B)',
      '::notice file=ho-so/xa-b.xlsx,line=9,title=chung/ma-tcvn3::Ô gõ bằng TCVN3, đã đọc thành Unicode. (Danh sách!B9)',
      '',
    ]);
  });

  it('escapes % and line breaks in the message, and also : and , in the properties', () => {
    const f = { ...cellFinding, file: 'a,b:c%.xlsx', message: '100% sai\r\ndòng hai', sheet: 'Tờ 1' };
    expect(joined(github(resultOf([f]), ctx))).toBe('::error file=a%2Cb%3Ac%25.xlsx,line=12,title=giao-duc/an-toan-antt::100%25 sai%0D%0Adòng hai (Tờ 1!H12)\n');
  });

  it('shows escape sequences and bidi controls from the dossier as codes, never raw, and starts no line but its commands', () => {
    const f = { ...cellFinding, file: 'x\u001b]0;t\u0007.xlsx', message: 'ẩn\u001b[8m sau \u202egnod\u0085::add-mask::x\u2028::error::y', sheet: 'Tờ\u009b1' };
    const out = joined(github(resultOf([f, cellFinding]), ctx));
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u2028]/);
    expect(out.split('\n').filter(Boolean).map((l) => l.slice(0, 8))).toEqual(['::error ', '::error ']);
    expect(out.split('\n')[0]).toBe(
      '::error file=x\\u{1B}]0;t\\u{7}.xlsx,line=12,title=giao-duc/an-toan-antt::ẩn\\u{1B}[8m sau \\u{202E}gnod\\u{85}::add-mask::x\\u{2028}::error::y (Tờ\\u{9B}1!H12)',
    );
  });

  it('prints nothing when there is no finding', () => {
    expect(joined(github(resultOf([]), ctx))).toBe('');
  });
});
