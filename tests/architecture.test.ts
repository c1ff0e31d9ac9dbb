import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The rooms of ARCHITECTURE.md, held to their doors: which top-level folder may import which. A cycle
 * between two folders means neither can be understood, tested or replaced alone.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ROOMS = ['bin', 'cli', 'pipeline', 'store', 'output', 'extractors', 'schema'] as const;
type Room = (typeof ROOMS)[number];

/** Every static import, re-export and dynamic `import('…')` of a relative module. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out = out.concat(sourceFiles(path));
    else if (/\.(?:ts|mts|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.mts')) out.push(path);
  }
  return out;
}

interface Edge {
  from: string;
  to: string;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const room of ROOMS) {
    for (const file of sourceFiles(room)) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(IMPORT)) out.push({ from: file, to: normalize(join(dirname(file), m[1]!)) });
    }
  }
  return out;
}

const roomOf = (path: string): string => path.split('/')[0]!;

describe('architecture', () => {
  const all = edges();

  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((e) => e.from.startsWith('cli/') && e.to.startsWith('pipeline/'))).toBe(true);
  });

  it('has no import cycle between top-level folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of all) {
      const [a, b] = [roomOf(e.from), roomOf(e.to)];
      if (a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      if (from === to) return true;
      if (seen.has(from)) return false;
      seen.add(from);
      return [...(graph.get(from) ?? [])].some((n) => reaches(n, to, seen));
    };
    const cycles = all
      .filter((e) => roomOf(e.from) !== roomOf(e.to) && reaches(roomOf(e.to), roomOf(e.from)))
      .map((e) => `${e.from} → ${relative(ROOT, join(ROOT, e.to))}`);
    expect(cycles).toEqual([]);
  });

  it('keeps the CLI a room of its own: nothing but bin/ imports it', () => {
    const intoCli = all.filter((e) => roomOf(e.to) === 'cli' && roomOf(e.from) !== 'cli' && roomOf(e.from) !== 'bin');
    expect(intoCli.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('lets the schema depend on nothing but itself, and extraction on nothing but the schema', () => {
    const allowed: Partial<Record<Room, readonly string[]>> = { schema: ['schema'], extractors: ['extractors', 'schema'] };
    const wrong = all.filter((e) => {
      const ok = allowed[roomOf(e.from) as Room];
      return ok !== undefined && !ok.includes(roomOf(e.to));
    });
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('keeps stages and checks away from the warehouse and the outputs', () => {
    const wrong = all.filter((e) => e.from.startsWith('pipeline/stages/') && ['store', 'output', 'cli'].includes(roomOf(e.to)));
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });
});
