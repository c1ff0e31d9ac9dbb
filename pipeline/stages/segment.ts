import { fold, superscriptToNumber } from '../../extractors/clean-text.ts';
import { memoByString } from '../../extractors/memo.ts';
import type { Block, DocumentMetadata, DocumentModel } from '../../schema/document.ts';
import type { DocumentFile } from '../file.ts';
import { superscriptRuns } from './text-structure.ts';

/**
 * The segment stage: the outline (`A.`, `I.`, `1.`, `1.1.`, `1.1.1.`) gives every block its heading
 * path, and the header and footer give the document's metadata.
 */

interface HeadingRule {
  re: RegExp;
  level: number;
}

/** Outline numbering, from the outermost level in. Data, so a new style is one line. */
const HEADING_RULES: readonly HeadingRule[] = [
  { re: /^[A-HK]\.\s+\S/u, level: 1 },
  { re: /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.\s+\S/u, level: 2 },
  { re: /^\d{1,2}\.\s+\S/u, level: 3 },
  { re: /^\d{1,2}\.\d{1,2}\.?\s+\S/u, level: 4 },
  { re: /^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S/u, level: 5 },
  { re: /^\d{1,2}\.\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S/u, level: 6 },
];

const MAX_HEADING_LENGTH = 220;

export function headingLevel(text: string): number | null {
  if (text.length > MAX_HEADING_LENGTH) return null;
  let found: number | null = null;
  for (const rule of HEADING_RULES) if (rule.re.test(text)) found = rule.level;
  if (found === null) return null;
  // A numbered line that reads as a sentence with figures is an item, not a heading.
  if (/\d[.,]?\d*\s*(%|ha|tấn|tỷ|triệu|người)/u.test(text.replace(/^[\d.]+\s/, '')) && /[.;]$/.test(text)) return null;
  return found;
}

const DOC_TYPES = [
  'BÁO CÁO',
  'PHÁT ĐỘNG THI ĐUA',
  'KẾ HOẠCH',
  'TỜ TRÌNH',
  'QUYẾT ĐỊNH',
  'NGHỊ QUYẾT',
  'THÔNG BÁO',
  'CÔNG VĂN',
  'CHƯƠNG TRÌNH',
  'HƯỚNG DẪN',
  'ĐỀ ÁN',
];
const PLAN_TYPES = new Set(['PHÁT ĐỘNG THI ĐUA', 'KẾ HOẠCH', 'CHƯƠNG TRÌNH', 'NGHỊ QUYẾT', 'ĐỀ ÁN']);

export function isPlanType(type: string | null): boolean {
  return type !== null && PLAN_TYPES.has(type);
}

const DATE_LINE = /^([\p{L} .'-]{2,40}),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u;
const NUMBER_LINE = /^(?:Số|SỐ|số)\s*:\s*([\d]*\s*\/\s*[\p{L}\d.-]+(?:\/[\p{L}\d.-]+)*)/u;
const ISSUER =
  /(?:UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN|HĐND|Hội đồng nhân dân)\s+(huyện|tỉnh|thành phố|thị xã|xã|quận|phường|thị trấn)\s+((?:\p{Lu}[\p{Ll}\p{M}]*\s?){1,4})/gu;
const PROVINCE = /(?<![\p{L}])tỉnh\s+(\p{Lu}[\p{Ll}\p{M}]*(?:\s\p{Lu}[\p{Ll}\p{M}]*){1,2})/gu;

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

export function readMetadata(blocks: readonly Block[]): DocumentMetadata {
  const meta: DocumentMetadata = {
    number: null,
    issuer: null,
    place: null,
    date: null,
    month: null,
    type: null,
    title: null,
    reportYear: null,
    planYear: null,
    area: null,
    province: null,
  };
  const head = blocks.slice(0, 12);
  let dateYear: number | null = null;
  for (const [i, b] of head.entries()) {
    const bare = b.text.replace(/\*/g, '').trim().toUpperCase();
    const num = NUMBER_LINE.exec(b.text);
    // A draft leaves the number blank (`Số: /UBND-NV`): no number, not a wrong one.
    if (num?.[1] && meta.number === null && /^\d/.test(num[1])) meta.number = num[1].replace(/\s+/g, '');
    const date = DATE_LINE.exec(b.text);
    if (date && meta.date === null) {
      meta.place = date[1]?.trim() ?? null;
      const month = Number(date[3]);
      dateYear = Number(date[4]);
      meta.month = month;
      meta.date = date[2]
        ? `${dateYear}-${String(month).padStart(2, '0')}-${String(Number(date[2])).padStart(2, '0')}`
        : `${dateYear}-${String(month).padStart(2, '0')}`;
    }
    const type = DOC_TYPES.find((t) => bare === t);
    if (type && meta.type === null) {
      meta.type = type;
      const next = head[i + 1];
      if (next) meta.title = next.text;
    }
  }
  const all = blocks.map((b) => b.text).join('\n');
  const issuers = [...all.matchAll(ISSUER)].map((m) => `${m[1]} ${m[2]?.trim()}`);
  const issuer = mostFrequent(issuers.filter((s) => !meta.place || s.includes(meta.place)).concat(issuers.length ? [] : []));
  if (issuer) {
    meta.issuer = `UBND ${issuer}`;
    meta.area = issuer;
  } else if (meta.place) {
    const level = new RegExp(`(huyện|tỉnh|thành phố|thị xã|quận)\\s+${meta.place}`, 'u').exec(all)?.[1];
    meta.area = level ? `${level} ${meta.place}` : meta.place;
    if (level && /ỦY BAN NHÂN DÂN|UBND/u.test(all)) meta.issuer = `UBND ${level} ${meta.place}`;
  }
  meta.province = mostFrequent([...all.matchAll(PROVINCE)].map((m) => m[1]!.trim()));
  const titleYears = [...(meta.title ?? '').matchAll(/năm\s+(\d{4})/gu)].map((m) => Number(m[1]));
  if (titleYears.length > 0) {
    meta.reportYear = titleYears[0]!;
    if (titleYears.length > 1) meta.planYear = titleYears.at(-1)!;
  }
  if (meta.reportYear === null && dateYear !== null) meta.reportYear = meta.month !== null && meta.month <= 3 ? dateYear - 1 : dateYear;
  if (meta.planYear === null && isPlanType(meta.type) && dateYear !== null) {
    // A plan issued late in the year is for the next one.
    meta.planYear = meta.month !== null && meta.month >= 9 ? dateYear + 1 : dateYear;
  }
  if (meta.planYear === null && meta.reportYear !== null && /kế hoạch/iu.test(meta.title ?? '')) meta.planYear = meta.reportYear + 1;
  return meta;
}

/**
 * Gives every block its heading path, marks headings, and reads the metadata. It has nothing to report
 * today, but takes the document's context like every stage.
 */
export function segment(doc: DocumentModel, _file: DocumentFile): DocumentModel {
  const stack: { level: number; text: string }[] = [];
  const blocks = doc.blocks.map((b) => {
    if (b.kind === 'footnote' || b.kind === 'table-row') return { ...b, headingPath: stack.map((s) => s.text) };
    const level = headingLevel(b.text);
    if (level !== null) {
      while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop();
      stack.push({ level, text: b.text });
      return { ...b, kind: 'heading' as const, headingPath: stack.map((s) => s.text) };
    }
    return { ...b, headingPath: stack.map((s) => s.text) };
  });
  // A footnote body belongs to the section of the sentence that carries its mark, not to wherever the
  // reader put it (the end of the document).
  const markPath = new Map<number, string[]>();
  for (const b of blocks) {
    if (b.kind === 'footnote' || !b.headingPath) continue;
    for (const m of superscriptRuns(b.text)) {
      const n = superscriptToNumber(m.text);
      if (!markPath.has(n)) markPath.set(n, b.headingPath);
    }
  }
  const placed = blocks.map((b) =>
    b.kind === 'footnote' && b.footnote !== undefined && markPath.has(b.footnote) ? { ...b, headingPath: markPath.get(b.footnote)! } : b,
  );
  const metadata = { ...readMetadata(placed), ...definedOnly(doc.metadata) };
  return { ...doc, blocks: placed, metadata };
}

function definedOnly(meta: DocumentMetadata | undefined): Partial<DocumentMetadata> {
  if (!meta) return {};
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== null)) as Partial<DocumentMetadata>;
}

export type SectionMode = 'report' | 'plan';

/** Reports of one kind share their headings: fold each heading once per worker (bounded). */
const foldedHeading = memoByString(fold, 5_000);

/** Whether a heading path is about results or about the plan, and for which year. */
export function sectionOf(path: readonly string[], meta: DocumentMetadata): { mode: SectionMode; year: number | null } {
  for (let i = path.length - 1; i >= 0; i--) {
    const h = foldedHeading(path[i]!);
    const year = /nam (\d{4})/.exec(h)?.[1];
    if (/ket qua|tinh hinh thuc hien|danh gia/.test(h)) return { mode: 'report', year: year ? Number(year) : meta.reportYear };
    if (/ke hoach|phuong huong|nhiem vu|muc tieu|chi tieu/.test(h) && (year || i === 0)) {
      return { mode: 'plan', year: year ? Number(year) : meta.planYear };
    }
  }
  // A plan's opening paragraphs, before any heading, look back on the year that ends.
  if (isPlanType(meta.type)) return path.length > 0 ? { mode: 'plan', year: meta.planYear } : { mode: 'report', year: meta.reportYear };
  return { mode: 'report', year: meta.reportYear };
}
