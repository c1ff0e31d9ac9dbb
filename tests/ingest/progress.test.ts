import { describe, expect, it } from 'vitest';
import { createProgress } from '../../cli/progress.ts';
import type { IngestSummary } from '../../pipeline/ingest.ts';

function sink() {
  let text = '';
  const write = (s: string) => {
    text += s;
    return true;
  };
  const stream = { isTTY: false, write } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

describe('ingest progress on a pipe', () => {
  it('counts the pages OCR read, in the progress lines and in the summary', () => {
    const out = sink();
    let t = 0;
    const progress = createProgress(out.stream, { intervalMs: 0, now: () => (t += 1000) });
    progress.update({ file: 'a.txt', status: 'loaded', facts: 10, mismatches: 0, pages: 0, ocrPages: 0 }, 1);
    expect(out.text()).not.toMatch(/by OCR/);
    progress.update({ file: 'scan.pdf', status: 'loaded', facts: 5, mismatches: 1, pages: 3, ocrPages: 2 }, 2);
    expect(out.text()).toMatch(/\[2\] loaded scan\.pdf \(3 pages \(2 by OCR\) \| 15 facts/);
    const summary: IngestSummary = {
      runId: 1,
      files: 2,
      loaded: 2,
      skipped: 0,
      superseded: 0,
      failed: [],
      notReports: [],
      facts: 15,
      mismatches: 1,
      seconds: 2,
      pages: 3,
      ocrPages: 2,
      workers: 2,
      warnings: [],
      interrupted: false,
    };
    progress.printSummary(summary, 'w.sqlite');
    expect(out.text()).toMatch(/ {2}pages 3 \(read by OCR 2\), facts 15, mismatches 1\n/);
    expect(out.text()).not.toMatch(/warnings/);
  });

  it('names the warnings by kind with their counts, and the command that lists them', () => {
    const out = sink();
    const progress = createProgress(out.stream, { intervalMs: 0 });
    progress.printSummary(
      {
        runId: 2,
        files: 3,
        loaded: 3,
        skipped: 0,
        superseded: 0,
        failed: [],
        notReports: [],
        facts: 9,
        mismatches: 0,
        seconds: 1,
        pages: 0,
        ocrPages: 0,
        workers: 1,
        warnings: [
          { rule: 'table:no-period', count: 5246, documents: 1, example: 'column "Năm 2018" has no year or kind: value not loaded' },
          { rule: 'read:invalid-utf8', count: 2, documents: 2, example: '1 byte is not UTF-8' },
        ],
        interrupted: false,
      },
      'w.sqlite',
    );
    const text = out.text();
    expect(text).toMatch(/ {2}warnings 5248 \(baocao documents lists each document's count; baocao documents show ID lists them with their place\):\n/);
    expect(text).toContain('    5246 table:no-period in 1 document, e.g. "column "Năm 2018" has no year or kind: value not loaded"\n');
    expect(text).toContain('    2 read:invalid-utf8 in 2 documents');
  });
});
