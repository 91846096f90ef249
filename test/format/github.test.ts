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

  it('prints nothing when there is no finding', () => {
    expect(joined(github(resultOf([]), ctx))).toBe('');
  });
});
