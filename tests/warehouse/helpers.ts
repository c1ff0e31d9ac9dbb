import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentMetadata } from '../../schema/document.ts';
import type { Fact } from '../../schema/fact.ts';
import type { LoadInput } from '../../schema/load-input.ts';
import type { Mismatch } from '../../schema/mismatch.ts';
import { type AnyWarehouse, type OpenOptions, openWarehouse, type Warehouse } from '../../store/warehouse.ts';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A temp folder removed by the returned cleanup; each test gets its own warehouse file. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-wh-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function tempWarehouse(options: OpenOptions = {}): Promise<{ wh: Warehouse; dir: string; file: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const file = join(dir, 'test.sqlite');
  const wh = await openWarehouse(file, options);
  return {
    wh,
    dir,
    file,
    cleanup: async () => {
      await wh.close();
      cleanup();
    },
  };
}

export type FactSpec = Partial<Fact> & Pick<Fact, 'indicator' | 'value' | 'kind'> & { year: number | null };

export interface DocSpec {
  /** distinguishes the bytes: two specs with the same content string share a document id */
  content: string;
  file?: string;
  metadata?: Partial<DocumentMetadata>;
  facts?: FactSpec[];
  mismatches?: Array<Partial<Mismatch> & Pick<Mismatch, 'id' | 'type' | 'message'>>;
}

const EMPTY_META: DocumentMetadata = {
  number: null,
  issuer: null,
  place: null,
  date: null,
  month: null,
  type: 'báo cáo',
  title: null,
  reportYear: null,
  planYear: null,
  area: null,
  province: null,
};

/** Builds a LoadInput by hand, the way the pipeline will hand one to the loader. */
export function makeInput(spec: DocSpec): LoadInput {
  const id = sha256(spec.content);
  const file = spec.file ?? `${spec.content}.txt`;
  const facts: Fact[] = (spec.facts ?? []).map((f, i) => {
    const multiplier = f.multiplier ?? 0;
    const sentence = f.source?.text ?? `${f.indicator} ${f.value}`;
    return {
      id: f.id ?? `f${i}`,
      documentId: id,
      indicator: f.indicator,
      indicatorId: f.indicatorId ?? null,
      value: f.value,
      unit: f.unit === undefined ? 'percent' : f.unit,
      unitText: f.unitText ?? '%',
      multiplier,
      baseValue: f.baseValue ?? f.value * 10 ** multiplier,
      year: f.year,
      period: f.period === undefined ? (f.year === null ? null : String(f.year)) : f.period,
      kind: f.kind,
      qualifier: f.qualifier ?? null,
      relatesTo: f.relatesTo ?? null,
      footnotes: f.footnotes ?? [],
      inFootnote: f.inFootnote ?? null,
      source: f.source ?? { file, block: i, start: 0, end: sentence.length, text: sentence },
      status: f.status ?? 'ok',
      raw: f.raw ?? String(f.value),
      headingPath: f.headingPath ?? [],
      decimals: f.decimals ?? 0,
    };
  });
  const mismatches: Mismatch[] = (spec.mismatches ?? []).map((m) => ({
    documentId: id,
    factIds: [],
    expected: null,
    found: null,
    difference: null,
    tolerance: null,
    source: null,
    status: 'open',
    ...m,
  }));
  return {
    document: { id, file, format: 'text', pages: null, metadata: { ...EMPTY_META, ...spec.metadata } },
    facts,
    mismatches,
    footnotes: [],
    messages: [],
  };
}

export const PHONG_THO = { number: '712/BC-UBND', issuer: 'UBND huyện Phong Thổ', area: 'huyện Phong Thổ', province: 'Lai Châu' };

export async function count(
  wh: AnyWarehouse,
  table: 'documents' | 'facts' | 'sentences' | 'mismatches' | 'footnotes' | 'labels' | 'document_messages',
): Promise<number> {
  const row = await wh.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
