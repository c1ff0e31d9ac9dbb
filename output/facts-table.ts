import { formatVi } from '../extractors/vn-number.ts';
import type { Fact } from '../schema/fact.ts';
import { renderTable, shortId } from './format.ts';

const MAX_LABEL = 48;

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The readable listing of `baocao facts`: one line per fact, its document as an id prefix. */
export function renderFactsTable(facts: readonly Fact[]): string {
  if (facts.length === 0) return 'Không có số liệu phù hợp.\n';
  // The period gets its own column only when some fact is about less or more than a year.
  const periods = facts.some((f) => f.period !== null && f.period !== String(f.year));
  const header = ['Văn bản', 'Mã số liệu', 'Năm', ...(periods ? ['Kỳ'] : []), 'Loại', 'Chỉ tiêu', 'Giá trị', 'Đơn vị', 'Trạng thái'];
  const rows = facts.map((f) => [
    shortId(f.documentId),
    clip(f.id, 20),
    f.year === null ? '' : String(f.year),
    ...(periods ? [f.period ?? ''] : []),
    f.kind,
    clip(f.indicator, MAX_LABEL),
    formatVi(f.value),
    f.unitText ?? f.unit ?? '',
    f.status,
  ]);
  return renderTable(header, rows, new Set([periods ? 6 : 5]));
}
