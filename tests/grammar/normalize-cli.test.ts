/**
 * `baocao normalize --json` is the contract the checks use: every example of GLOSSARY.md's tables,
 * given as an argument and through stdin (one JSON array per input line, in order, `[]` where there
 * is no quantity). Expectations come from the glossary part of the table in cases.ts; an example of
 * the glossary that holds a digit and has no expectation there fails, so the two cannot drift apart.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { GLOSSARY_CASES, type GrammarCase } from './cases.ts';
import { expectCase, type FoundQuantity } from './expect-quantity.ts';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const CLI = resolve(ROOT, 'bin/baocao.js');
const GLOSSARY = process.env.BAOCAO_GLOSSARY ?? resolve(ROOT, '../shared/design/GLOSSARY.md');

/** Every `code span` of every table row of the glossary. */
function glossaryExamples(): string[] {
  if (!existsSync(GLOSSARY)) return GLOSSARY_CASES.map((c) => c.text);
  const rows = readFileSync(GLOSSARY, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l));
  const spans = rows.flatMap((row) => [...row.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  return [...new Set(spans)];
}

const examples = glossaryExamples();
const byText = new Map(GLOSSARY_CASES.map((c) => [c.text, c]));
/** A span with no digit (`triệu đồng`, `KH`, `khoảng`) names a word, not a number: nothing to find. */
const caseFor = (text: string): GrammarCase | undefined => byText.get(text) ?? (/\d/.test(text) ? undefined : { source: 'glossary', text, expected: [] });

function parseArrays(stdout: string): FoundQuantity[][] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as FoundQuantity[]);
}

async function normalizeArg(text: string): Promise<FoundQuantity[][]> {
  const { stdout } = await run(process.execPath, [CLI, 'normalize', '--json', text], { cwd: ROOT, timeout: 60_000 });
  return parseArrays(stdout);
}

async function normalizeStdin(lines: readonly string[]): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = execFile(process.execPath, [CLI, 'normalize', '--json'], { cwd: ROOT, timeout: 60_000 }, (err, stdout) =>
      err ? reject(err) : resolveRun(stdout),
    );
    child.stdin!.end(`${lines.join('\n')}\n`);
  });
}

/** Runs at most `width` CLI processes at once: each is a node start-up. */
async function inBatches<T, R>(items: readonly T[], width: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

describe('GLOSSARY.md examples', () => {
  it('every example that holds a digit has an expectation in cases.ts', () => {
    expect(examples.filter((t) => caseFor(t) === undefined)).toEqual([]);
  });
});

describe('baocao normalize --json TEXT', () => {
  const withDigits = examples.filter((t) => /\d/.test(t) && caseFor(t) !== undefined);
  let outputs: Array<FoundQuantity[][] | Error> = [];

  beforeAll(async () => {
    outputs = await inBatches(withDigits, 3, (t) => normalizeArg(t).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
  }, 180_000);

  it.each(withDigits.map((t, i) => [JSON.stringify(t), t, i] as const))('%s', (_l, text, i) => {
    const out = outputs[i];
    if (out instanceof Error) throw out;
    expect(out, 'one JSON array for one TEXT').toHaveLength(1);
    expectCase(caseFor(text)!, out![0]!, text, `normalize ${JSON.stringify(text)}`);
  });
});

describe('baocao normalize --json, one input per stdin line', () => {
  let arrays: FoundQuantity[][] = [];
  let rawOut = '';

  beforeAll(async () => {
    rawOut = await normalizeStdin(examples);
    arrays = parseArrays(rawOut);
  }, 60_000);

  it('prints one JSON array per input line', () => {
    expect(rawOut.split('\n').filter((l) => l !== '')).toHaveLength(examples.length);
    expect(arrays).toHaveLength(examples.length);
  });

  it.each(examples.filter((t) => caseFor(t)).map((t) => [JSON.stringify(t), t, examples.indexOf(t)] as const))('%s', (_l, text, i) => {
    expectCase(caseFor(text)!, arrays[i] ?? [], text, `stdin line ${i + 1} ${JSON.stringify(text)}`);
  });

  it('keeps the order of the lines and answers [] for lines with no quantity, an empty line included', async () => {
    const lines = ['Số: 712/BC-UBND', '8.396,5ha', 'năm 2023', '', '17 triệu viên', '24/24h', '125/100ha'];
    const out = parseArrays(await normalizeStdin(lines));
    expect(out.map((qs) => qs.map((q) => q.raw))).toEqual([[], ['8.396,5ha'], [], [], ['17 triệu viên'], [], ['125', '100ha']]);
  });
});
