import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../extractors/clean-text.ts';
import { readDocument } from '../../extractors/read.ts';
import { DocumentFile } from '../../pipeline/file.ts';
import { liftFootnotes } from '../../pipeline/stages/footnotes.ts';
import { segment } from '../../pipeline/stages/segment.ts';
import { noteReason } from '../../pipeline/walk.ts';
import type { DocumentMetadata } from '../../schema/document.ts';
import type { AreasTable } from '../../schema/warehouse.ts';
import { areaNames, resolveAreaIn } from '../../store/areas.ts';

/** Real documents from public archives: read from ../shared/corpus, never copied into the project. */
const corpus = fileURLToPath(new URL('../../../shared/corpus/real/', import.meta.url));
const present = existsSync(corpus);

interface Expected {
  number: string | null;
  issuer: string | null;
  /** YYYY-MM-DD, or YYYY-MM when the day is left blank */
  date: string | null;
  place: string | null;
  /** the province the warehouse files the document under (seeds/areas.json) */
  province: string | null;
}

/**
 * Read by hand from each document's header (pdftotext -layout, catdoc, mammoth's raw text), not from the
 * pipeline. The DOCX and DOC files are drafts: their number and day are blank (`Số:      /BC-UBND`,
 * `ngày      tháng 12 năm 2025`). The spreadsheets' statistics tables have no header block; the Đạ Huoai
 * working file is headed `TỔNG CỤC THỐNG KÊ / CỤC THỐNG KÊ TỈNH LÂM ĐỒNG` beside the motto.
 */
const EXPECTED: Record<string, Expected> = {
  // The signed PDFs carry their number and day in the e-signature's widget (its appearance stream, which
  // getTextContent leaves out and the reader reads from the operator list): a number and a full date.
  'lamdong_bc329_cchc_nam2025_signed.pdf': {
    number: '329/BC-UBND',
    issuer: 'UBND tỉnh Lâm Đồng',
    date: '2025-12-19',
    place: 'Lâm Đồng',
    province: 'Lâm Đồng',
  },
  'lamdong_bc_cchc_nam2025.docx': { number: null, issuer: 'UBND tỉnh Lâm Đồng', date: '2025-12', place: 'Lâm Đồng', province: 'Lâm Đồng' },
  'lamdong_bc_cac_chi_so_2025-11-06.pdf': {
    number: '184/BC-SNV',
    issuer: 'Sở nội vụ tỉnh Lâm Đồng',
    date: '2025-11-06',
    place: 'Lâm Đồng',
    province: 'Lâm Đồng',
  },
  'lamdong_bc_cac_chi_so_2025-11-06.docx': { number: null, issuer: 'Sở nội vụ tỉnh Lâm Đồng', date: '2025-11', place: 'Lâm Đồng', province: 'Lâm Đồng' },
  'lamdong_bc_de_an_06_2025-11-20.doc': {
    number: null,
    issuer: 'Ban chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và đề án 06 tỉnh Lâm Đồng',
    date: '2025-11',
    place: 'Lâm Đồng',
    province: 'Lâm Đồng',
  },
  'lamdong_bc_de_an_06_2026-03.docx': {
    number: null,
    issuer: 'Ban chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và đề án 06 tỉnh Lâm Đồng',
    date: '2026-04',
    place: 'Lâm Đồng',
    province: 'Lâm Đồng',
  },
  'lamdong_bc_tham_dinh_chi_so_cchc_2025.pdf': {
    number: '36/BC-HĐTĐ',
    issuer: 'Hội đồng thẩm định, đánh giá chỉ số cải cách hành chính tỉnh Lâm Đồng',
    date: '2026-02-02',
    place: 'Lâm Đồng',
    province: 'Lâm Đồng',
  },
  'lamdong_qd_cong_bo_chi_so_cchc_2025.docx': { number: null, issuer: 'UBND tỉnh Lâm Đồng', date: '2026-02', place: 'Lâm Đồng', province: 'Lâm Đồng' },
  'dahuoai_so_lieu_2015-2025_cuc_thong_ke.xls': { number: null, issuer: 'Cục thống kê tỉnh Lâm Đồng', date: null, place: null, province: 'Lâm Đồng' },
  'dahuoai_tong_hop_gtsx_ktxh_2015-2025.xlsx': { number: null, issuer: null, date: null, place: null, province: null },
  'gso_bieu_so_lieu_2024-12.xlsx': { number: null, issuer: null, date: null, place: null, province: null },
  'gso_so_lieu_2018.xls': { number: null, issuer: null, date: null, place: null, province: null },
};

/** The areas catalog as the warehouse holds it. */
function catalogAreas(): AreasTable[] {
  const seeds = JSON.parse(readFileSync(new URL('../../seeds/areas.json', import.meta.url), 'utf8')) as {
    areas: { code: string; name: string; level: AreasTable['level']; parent?: string; aliases?: string[] }[];
  };
  return seeds.areas.map((a) => ({
    code: a.code,
    name: a.name,
    level: a.level,
    parent_code: a.parent ?? null,
    name_folded: foldText(a.name),
    aliases: JSON.stringify(a.aliases ?? []),
  }));
}

const names = areaNames(catalogAreas());

/** The document's metadata as segment reads it, and the province the warehouse files it under. */
async function metadataOf(name: string): Promise<{ meta: DocumentMetadata; province: string | null }> {
  const read = await readDocument(join(corpus, name), { timeoutMs: 120_000 });
  const context = new DocumentFile(read.file, read.messages);
  const meta = segment(liftFootnotes(read, context), context).metadata!;
  return { meta, province: resolveAreaIn(names, meta).province };
}

describe.skipIf(!present)('metadata of the real corpus', () => {
  it.each(Object.keys(EXPECTED))(
    'reads number, issuer, date, place and province from the header of %s',
    async (name) => {
      if (!existsSync(join(corpus, name))) return;
      const { meta, province } = await metadataOf(name);
      const want = EXPECTED[name]!;
      expect({ number: meta.number, issuer: meta.issuer, date: meta.date, place: meta.place, province }).toEqual({
        number: want.number,
        issuer: want.issuer,
        date: want.date,
        place: want.place,
        province: want.province,
      });
    },
    120_000,
  );

  it('files the twins of a report (its DOCX and its PDF) under one issuer and province', async () => {
    const stems = new Map<string, string[]>();
    for (const n of Object.keys(EXPECTED).filter((n) => /\.(pdf|docx)$/.test(n))) {
      const stem = n.replace(/\.\w+$/, '');
      stems.set(stem, [...(stems.get(stem) ?? []), n]);
    }
    for (const pair of [...stems.values()].filter((p) => p.length === 2 && p.every((n) => existsSync(join(corpus, n))))) {
      const [a, b] = await Promise.all(pair.map((n) => metadataOf(n)));
      // The same month: the DOCX twin is the unsigned draft, its day left blank.
      const month = (d: string | null | undefined) => d?.slice(0, 7) ?? null;
      expect({ issuer: a!.meta.issuer, province: a!.province, month: month(a!.meta.date) }, pair.join(' / ')).toEqual({
        issuer: b!.meta.issuer,
        province: b!.province,
        month: month(b!.meta.date),
      });
    }
  }, 120_000);

  it('skips the corpus notes as not reports', async () => {
    const sources = join(corpus, 'SOURCES.md');
    if (!existsSync(sources)) return;
    expect(await noteReason(sources)).toMatch(/^not a report: a note file/);
  });
});
