import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHECKS = fileURLToPath(new URL('../../pipeline/stages/checks/', import.meta.url));

/**
 * The checks read facts and what the extract stage recorded about them (pipeline/stages/reading.ts),
 * never the text again: the grammar and the text structure belong to the extract stage.
 */
describe('the checks', () => {
  it.each(readdirSync(CHECKS).filter((f) => f.endsWith('.ts')))('%s imports neither the extract stage, the grammar nor the text structure', (name) => {
    const imports = [...readFileSync(CHECKS + name, 'utf8').matchAll(/^import[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((p) => /\/(?:extract|quantity-grammar|text-structure)\.ts$/.test(p!))).toEqual([]);
  });
});
