/** Nominee rows as units write them: a collective, a cadre with yearly ratings, a worker, a household. */
import type { CellInput, NomineeRow } from './dossier.js';
import { culturalFamily, nominee, ratings } from './vocab.js';

export const AWARD = {
  xa: 'Giấy khen của Chủ tịch UBND xã',
  huyen: 'Giấy khen của Chủ tịch UBND huyện',
  tinh: 'Bằng khen của Chủ tịch UBND tỉnh',
  so: 'Giấy khen của Giám đốc Sở',
};

export function collective(o: { ten: string; linh_vuc: string; don_vi: string; thanh_tich: string; hinh_thuc?: string; loai?: string; more?: Record<string, CellInput> }): NomineeRow {
  return nominee({ ten: o.ten, loai: o.loai ?? 'Tập thể', linh_vuc: o.linh_vuc, don_vi: o.don_vi, ...o.more, thanh_tich: o.thanh_tich, hinh_thuc: o.hinh_thuc ?? AWARD.huyen });
}

/** A cadre, civil servant or public employee: rated every year of 2023–2025. */
export function cadre(o: {
  ten: string;
  chuc_vu: string;
  don_vi: string;
  linh_vuc: string;
  nam_sinh?: CellInput;
  lanh_dao?: string;
  truc_tiep?: string;
  xep_loai?: [string, string, string];
  thanh_tich: string;
  hinh_thuc?: string;
  loai?: string;
  more?: Record<string, CellInput>;
}): NomineeRow {
  return nominee({
    ten: o.ten,
    loai: o.loai ?? 'Cá nhân',
    linh_vuc: o.linh_vuc,
    don_vi: o.don_vi,
    chuc_vu: o.chuc_vu,
    // Leaders are marked; the others left blank, as most lists do.
    ...(o.lanh_dao !== undefined ? { lanh_dao: o.lanh_dao } : {}),
    lao_dong_truc_tiep: o.truc_tiep ?? 'Không',
    ...(o.nam_sinh !== undefined ? { nam_sinh: o.nam_sinh } : {}),
    ...ratings(o.xep_loai),
    ...o.more,
    thanh_tich: o.thanh_tich,
    hinh_thuc: o.hinh_thuc ?? AWARD.huyen,
  });
}

/** A worker, resident or village elder: no rating, a Cultural Family every year. */
export function worker(o: {
  ten: string;
  chuc_vu: string;
  don_vi: string;
  linh_vuc: string;
  nam_sinh?: CellInput;
  truc_tiep?: string;
  gdvh?: [CellInput, CellInput, CellInput];
  thanh_tich: string;
  hinh_thuc?: string;
  more?: Record<string, CellInput>;
}): NomineeRow {
  return nominee({
    ten: o.ten,
    loai: 'Cá nhân',
    linh_vuc: o.linh_vuc,
    don_vi: o.don_vi,
    chuc_vu: o.chuc_vu,
    lao_dong_truc_tiep: o.truc_tiep ?? 'Có',
    ...(o.nam_sinh !== undefined ? { nam_sinh: o.nam_sinh } : {}),
    ...culturalFamily(o.gdvh),
    ...o.more,
    thanh_tich: o.thanh_tich,
    hinh_thuc: o.hinh_thuc ?? AWARD.xa,
  });
}

export function household(o: { ten: string; don_vi: string; linh_vuc?: string; gdvh?: [CellInput, CellInput, CellInput]; thanh_tich: string; hinh_thuc?: string; more?: Record<string, CellInput> }): NomineeRow {
  return nominee({
    ten: o.ten,
    loai: 'Hộ gia đình',
    linh_vuc: o.linh_vuc ?? 'Giảm nghèo',
    don_vi: o.don_vi,
    ...culturalFamily(o.gdvh ?? ['Có', 'Có', 'Có']),
    ...o.more,
    thanh_tich: o.thanh_tich,
    hinh_thuc: o.hinh_thuc ?? AWARD.xa,
  });
}

// ---------------------------------------------------------------------------------------------
// Long lists (the congress caps): names drawn with a fixed seed, so every run draws the same.

/** mulberry32: a small seeded generator; the same seed gives the same sequence on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Dương', 'Đinh', 'Lương', 'Đào', 'Phan'];
const MIDDLE = { nam: ['Văn', 'Đức', 'Quang', 'Minh', 'Xuân', 'Hữu'], nu: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Thị Kim', 'Thị Thu'] };
const GIVEN = {
  nam: ['Hùng', 'Dũng', 'Tuấn', 'Thắng', 'Long', 'Cường', 'Hải', 'Sơn', 'Khải', 'Tiến', 'Phong', 'Toàn', 'Bình', 'Nam', 'Thành'],
  nu: ['Lan', 'Hương', 'Huyền', 'Mai', 'Hà', 'Thảo', 'Trang', 'Linh', 'Nga', 'Yến', 'Dung', 'Hạnh', 'Oanh', 'Phương', 'Quyên'],
};

export function personNames(count: number, rnd: () => number): string[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const names = new Set<string>();
  while (names.size < count) {
    const sex = rnd() < 0.5 ? 'nam' : 'nu';
    names.add(`${pick(SURNAMES)} ${pick(MIDDLE[sex])} ${pick(GIVEN[sex])}`);
  }
  return [...names];
}

export const ACHIEVEMENTS = [
  'có 02 sáng kiến được Hội đồng sáng kiến huyện công nhận',
  'chủ trì đề án chuyển đổi số, 100% hồ sơ giải quyết trực tuyến',
  'vận động nhân dân hiến 1.500 m² đất mở rộng đường giao thông nông thôn',
  'tỷ lệ học sinh khá, giỏi tăng 12% so với năm học trước',
  'không để xảy ra sai sót trong quản lý tài chính, ngân sách',
  'giúp 15 hộ thoát nghèo bền vững nhờ mô hình trồng cây ăn quả',
  'tổ chức 24 buổi tuyên truyền pháp luật cho 1.200 lượt người dân',
  'giảm 35% thời gian giải quyết thủ tục hành chính',
  'xây dựng mô hình «Dân vận khéo» được tỉnh biểu dương',
  'đạt giải Nhất hội thi cán bộ làm công tác dân vận giỏi cấp tỉnh',
  'thu hút 45 lao động địa phương có việc làm ổn định',
  'tham gia cứu hộ, di dời 60 hộ dân an toàn trong mùa mưa bão',
];

export function achievement(i: number): string {
  return `Hoàn thành xuất sắc nhiệm vụ 03 năm liền (2023-2025); ${ACHIEVEMENTS[i % ACHIEVEMENTS.length]}`;
}
