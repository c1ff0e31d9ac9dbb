import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { processFile } from '../../pipeline/runner.ts';
import { loadCatalog } from '../../pipeline/stages/catalog.ts';
import type { Fact } from '../../schema/fact.ts';

const seed = fileURLToPath(new URL('../../seeds/000_35c0ecef09102edc.txt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'baocao-damaged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a fact says, without where the file is. */
const said = (f: Fact) => [f.raw, f.value, f.unit, f.year, f.period, f.kind, f.indicator].join('|');

describe('a UTF-8 report with one invalid byte', () => {
  it.each([
    ['appended', (b: Buffer) => Buffer.concat([b, Buffer.from([0xff])])],
    // at the end of a line half way through, where a byte lost in copying would sit
    [
      'half way through',
      (b: Buffer) => {
        const at = b.indexOf(0x0a, b.length >> 1);
        return Buffer.concat([b.subarray(0, at), Buffer.from([0xff]), b.subarray(at)]);
      },
    ],
  ])('yields the clean seed’s facts and metadata, with one reading message (%s)', async (_, damage) => {
    const catalog = loadCatalog();
    const clean = await processFile(seed, catalog);
    const file = join(dir, `damaged-${_.replace(/\W/g, '')}.txt`);
    writeFileSync(file, damage(readFileSync(seed)));
    const damaged = await processFile(file, catalog);
    expect(damaged.facts.length).toBe(clean.facts.length);
    expect(damaged.facts.map(said)).toEqual(clean.facts.map(said));
    const { number, issuer, date, area } = clean.document.metadata;
    expect(damaged.document.metadata).toMatchObject({ number, issuer, date, area });
    const extra = damaged.messages.filter((m) => !clean.messages.some((c) => c.message === m.message));
    expect(extra.map((m) => m.ruleId)).toEqual(['read:invalid-utf8']);
  });
});
