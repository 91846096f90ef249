/**
 * The columns a decision list and a nominee row are matched on, by their keys in the packs (the
 * bundled `chung` declares the person's, `vn-law-2022` the decision's): the ledger's reader and
 * the rules that read the ledger use the same.
 */
export const PERSON = { name: 'ten', unit: 'don_vi', birth: 'nam_sinh' } as const;

export const DECISION = {
  award: 'hinh_thuc',
  /** The year the award was for ("Năm khen thưởng"); in a nominee list, the award year. */
  year: 'nam_khen_thuong',
  number: 'so_quyet_dinh',
  date: 'ngay_quyet_dinh',
  /** công trạng, đột xuất, chuyên đề… (enumeration `loai_khen_thuong`). */
  kind: 'loai_khen_thuong',
} as const;
