import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import type { LoadInput } from '../../schema/load-input.ts';
import type { Mismatch } from '../../schema/mismatch.ts';

const catalog = loadCatalog();

/** A district report's header, so the body reads as the 2023 results of a district. */
export const HEADER = [
  'Số: 1/BC-UBND',
  'Phong Thổ, ngày 08 tháng 12 năm 2023',
  'BÁO CÁO',
  'Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2023',
  'Ủy ban nhân dân huyện Phong Thổ báo cáo tình hình như sau:',
  'A. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2023',
  '1. Về phát triển kinh tế',
].join('\n\n');

/** Runs the whole pipeline (read → validate) on a report body written to a temp file. */
export async function processText(body: string): Promise<LoadInput> {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-val-'));
  try {
    const file = join(dir, 'report.txt');
    writeFileSync(file, `${HEADER}\n\n${body}\n`, 'utf8');
    return await processFile(file, catalog);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function ofType(input: LoadInput, type: Mismatch['type']): Mismatch[] {
  return input.mismatches.filter((m) => m.type === type);
}
