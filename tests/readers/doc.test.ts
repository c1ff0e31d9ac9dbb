import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../extractors/read.ts';

const DOC = join('/work/shared/corpus/real', 'lamdong_bc_de_an_06_2025-11-20.doc');

describe.skipIf(!existsSync(DOC))('legacy Word .doc (word-extractor in the worker)', () => {
  it('reads the corpus report: paragraphs with numbers, footnote bodies apart', async () => {
    const doc = await readDocument(DOC);
    expect(doc.format).toBe('doc');
    const text = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(text).toContain('BÁO CÁO');
    expect(text.join('\n')).toMatch(/\d{1,3}(\.\d{3})+/);
    const notes = doc.blocks.filter((b) => b.kind === 'footnote');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.map((n) => n.footnote)).toEqual(notes.map((_, i) => i + 1));
    expect(doc.footnotesLinked).toBe(false);
    // Unicode text (no legacy-font message); the footnotes read, unlinked, and said so.
    expect(notes).toHaveLength(10);
    expect(doc.messages).toEqual([
      { type: 'info', message: '10 footnote bodies read; their reference marks are not recovered from .doc', stage: 'read', ruleId: 'read:doc-marks-lost' },
    ]);
  });
});
