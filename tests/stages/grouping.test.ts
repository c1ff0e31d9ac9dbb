import { describe, expect, it } from 'vitest';
import { DocumentFile } from '../../pipeline/file.ts';
import { extract } from '../../pipeline/stages/extract.ts';
import type { BlockReading } from '../../pipeline/stages/reading.ts';
import { segment } from '../../pipeline/stages/segment.ts';
import type { DocumentModel } from '../../schema/document.ts';

/** What extract records about the grouping of one paragraph, for the checks to read. */
function blockOf(sentence: string): { text: string; reading: BlockReading; clauses: Map<number, string> } {
  const d: DocumentModel = {
    file: 't.txt',
    sha256: 'd'.repeat(64),
    format: 'text',
    blocks: [
      { index: 0, kind: 'paragraph', text: 'BÁO CÁO' },
      { index: 1, kind: 'paragraph', text: 'A. KẾT QUẢ THỰC HIỆN NĂM 2023' },
      { index: 2, kind: 'paragraph', text: sentence },
    ],
    footnotesLinked: true,
    messages: [],
  };
  const file = new DocumentFile(d.file);
  const candidates = extract(segment(d, file), file).candidates.filter((c) => c.block.index === 2);
  const clauses = new Map(candidates.map((c) => [c.quantity.value, sentence.slice(c.reading.clause.start, c.reading.clause.end).trim()]));
  return { text: sentence, reading: candidates[0]!.reading.block, clauses };
}

describe('clauses: sentence ends, semicolons and the items of a list bound them', () => {
  it.each([
    ['(1) đạt 48% số hồ sơ; (2) đạt 83,5% số lượt.', 48, '(1) đạt 48% số hồ sơ;'],
    ['Kết quả: (1) đạt 48% số hồ sơ (2) đạt 83,5% số lượt.', 83.5, '(2) đạt 83,5% số lượt.'],
    ['Kết quả: a) đạt 48% số hồ sơ, b) đạt 83,5% số lượt.', 48, 'a) đạt 48% số hồ sơ,'],
    ['(ii) Lúa mùa: diện tích 3.743,5ha, đạt 97,8%.', 97.8, '(ii) Lúa mùa: diện tích 3.743,5ha, đạt 97,8%.'],
    ['Đã cấp 15/17 giấy (đợt 2) đạt 88,2%.', 88.2, 'Đã cấp 15/17 giấy (đợt 2) đạt 88,2%.'],
    ['Hỗ trợ 120 hộ (tổng số) ở vùng cao.', 120, 'Hỗ trợ 120 hộ (tổng số) ở vùng cao.'],
  ])('%s', (sentence, value, clause) => {
    expect(blockOf(sentence).clauses.get(value)).toBe(clause);
  });
});

describe('a/b pairs: the numbers either side within the clause', () => {
  it.each([
    ['(2) đạt 48% số lượt (12/25 lượt); (3) đạt 83,5%.', 48, null],
    ['Đã cấp 15/17 giấy, đạt 88,2%.', null, 88.2],
    ['Đã cấp 15/17 giấy; đạt 88,2% kế hoạch.', null, null],
  ])('%s', (sentence, previous, next) => {
    const [pair] = blockOf(sentence).reading.pairs;
    expect(pair?.previous?.quantity.value ?? null).toBe(previous);
    expect(pair?.next?.quantity.value ?? null).toBe(next);
  });
});

describe('parentheses of parts: what opens on a number right after a total and lists numbers', () => {
  it.each([
    ['Khám sàng lọc 830 lượt người (590 cho người trên 80 tuổi và 240 lượt người cho học sinh).', [830, [590, 240]]],
    ['Giải ngân 12,5 tỷ đồng (7,2 tỷ đồng vốn tỉnh, 4,8 tỷ đồng vốn huyện; 0,5 tỷ đồng vốn xã).', [12.5, [7.2, 4.8, 0.5]]],
    ['Trồng 1.200 ha (tương đương 800 ha và 300 ha).', null],
    ['Thu 420 tỷ đồng (tăng 35 tỷ đồng và 20 tỷ đồng so với kế hoạch).', null],
    ['Tổ chức 12 lớp (mỗi lớp 40 học viên và 2 báo cáo viên).', null],
    ['Tiếp nhận 830 hồ sơ, (590 hồ sơ và 240 hồ sơ).', null],
    ['Đạt 48% số lượt (12/25 lượt).', null],
  ])('%s', (sentence, expected) => {
    const [group] = blockOf(sentence).reading.partGroups;
    expect(group ? [group.total.value, group.parts.map((q) => q.value)] : null).toEqual(expected);
  });
});

describe('breakdowns: trong đó, gồm, bao gồm', () => {
  it.each([
    ['Tổng số 640 hộ, trong đó: 410 hộ vùng cao; 230 hộ thị trấn.', 'trong đó'],
    ['Tổng số 640 hộ, gồm: 410 hộ vùng cao; 230 hộ thị trấn.', 'gồm'],
    ['Trồng mới 915 ha rừng (bao gồm 640 ha rừng sản xuất, 275 ha rừng phòng hộ).', 'bao gồm'],
  ])('%s', (sentence, marker) => {
    expect(blockOf(sentence).reading.breakdowns.map((b) => b.marker)).toEqual([marker]);
  });
});
