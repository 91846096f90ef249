/** A dossier large enough that its row snapshots stream (see STREAM_BYTES), made from a small one. */
import fs from 'node:fs';
import { expect } from 'vitest';
import { STREAM_BYTES } from '../../src/engine/check.js';

/**
 * Grows a copy of the commune's CSV (fixtures/vi-du/xa-dak-pne-tong-hop.csv) past STREAM_BYTES:
 * 15,000 more individuals, one of them the teacher the education office also lists, so that the
 * file takes part in the duplicate over all files.
 */
export function growCsv(file: string): void {
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
}
