import { format } from 'node:util';

/**
 * Console writes from inside a test worker, watched so that a test which prints fails.
 *
 * tests/setup.ts installs the watch in every test file (vitest `setupFiles`) and fails a test
 * that wrote to `console.*` or to `process.stdout` / `process.stderr` while it ran, and a test
 * file that wrote outside its tests (at import time, in `beforeAll` / `afterAll`). Output that a
 * test expects is declared in the test itself:
 *
 * - `captureConsole(fn)` runs `fn` and returns what it wrote, so that the test asserts it. Output
 *   inside it is neither printed nor counted against the test.
 * - `allowConsole()` lets the current test print (the output is still shown): for reports that a
 *   test prints on purpose for whoever runs it.
 *
 * Writes that a worker thread makes reach this process's `process.stdout` asynchronously: they are
 * counted against whichever test (or the file) is running when they arrive.
 */

export type ConsoleChannel = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'dir' | 'stdout' | 'stderr';

export interface ConsoleWrite {
  channel: ConsoleChannel;
  text: string;
}

export interface Captured<T> {
  value: T;
  writes: ConsoleWrite[];
}

/**
 * The console methods patched. The others go through these: `trace` through `error`, `assert`
 * through `warn`, `group`, `table`, `count`, `time*` and `dirxml` through `log`.
 */
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'dir'] as const;

interface State {
  /** process.stdout / process.stderr are patched (once per process) */
  streamsPatched: boolean;
  /** writes counted against the current test, or the file when no test is running */
  unexpected: ConsoleWrite[];
  /** the file's writes outside its tests so far */
  outside: ConsoleWrite[];
  /** open `captureConsole` calls, innermost last */
  captures: ConsoleWrite[][];
  allowed: boolean;
  /** inside a patched console method: its own stream writes are not counted twice */
  inConsole: number;
}

// Kept on globalThis: each test file evaluates this module anew, in a process that may have run
// other files before, and the stream patches made for an earlier file must see the same state.
const STATE = Symbol.for('baocao.tests.console-guard');
const PATCHED = Symbol.for('baocao.tests.console-guard.patched');
const state: State = ((globalThis as Record<symbol, unknown>)[STATE] as State | undefined) ?? {
  streamsPatched: false,
  unexpected: [],
  outside: [],
  captures: [],
  allowed: false,
  inConsole: 0,
};
(globalThis as Record<symbol, unknown>)[STATE] = state;

/** Records one write; true when it is to be passed on to the real stream or method. */
function record(channel: ConsoleChannel, text: string): boolean {
  const capture = state.captures.at(-1);
  if (capture) {
    capture.push({ channel, text });
    return false;
  }
  if (!state.allowed) state.unexpected.push({ channel, text });
  return true;
}

function chunkText(chunk: unknown): string {
  if (typeof chunk === 'string') return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
  return String(chunk);
}

type Write = NodeJS.WriteStream['write'];

function patchStream(stream: NodeJS.WriteStream, channel: 'stdout' | 'stderr'): void {
  const original = stream.write;
  const write = function (this: NodeJS.WriteStream, chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    if (state.inConsole > 0 || record(channel, chunkText(chunk))) {
      return (original as (...args: unknown[]) => boolean).call(this, chunk, encoding, callback);
    }
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => done(null));
    return true;
  };
  stream.write = write as Write;
}

/** Patches the worker's console (vitest's, which it installs before setup files run) and standard streams. */
export function installConsoleGuard(): void {
  if (!state.streamsPatched) {
    state.streamsPatched = true;
    patchStream(process.stdout, 'stdout');
    patchStream(process.stderr, 'stderr');
  }
  const target = globalThis.console as unknown as Record<string | symbol, (...args: unknown[]) => void>;
  if (target[PATCHED]) return;
  Object.defineProperty(target, PATCHED, { value: true });
  for (const name of METHODS) {
    const original = target[name]!;
    target[name] = function (this: unknown, ...args: unknown[]): void {
      const text = name === 'dir' ? format('%O', args[0]) : format(...args);
      if (!record(name, text)) return;
      state.inConsole++;
      try {
        original.apply(this, args);
      } finally {
        state.inConsole--;
      }
    };
  }
}

/** Called before each test: what was written until now is the file's, reported by `endFile`. */
export function startTest(): void {
  state.outside.push(...state.unexpected);
  state.unexpected = [];
  state.allowed = false;
  state.captures = [];
}

/** Called after each test: the error it fails with when it printed, or null. */
export function endTest(): Error | null {
  const error = guardError('this test', state.unexpected);
  state.unexpected = [];
  state.allowed = false;
  state.captures = [];
  return error;
}

/** Called after the file's tests: the error it fails with when it printed outside them, or null. */
export function endFile(): Error | null {
  const error = guardError('this test file, outside its tests,', [...state.outside, ...state.unexpected]);
  state.outside = [];
  state.unexpected = [];
  return error;
}

function guardError(where: string, writes: readonly ConsoleWrite[]): Error | null {
  if (writes.length === 0) return null;
  const shown = writes.slice(0, 10).map((w) => `  [${w.channel}] ${w.text.replace(/\n$/, '').split('\n').join('\n  ')}`);
  if (writes.length > 10) shown.push(`  … and ${writes.length - 10} more`);
  return new Error(
    `${where} wrote to the console (${writes.length} write${writes.length === 1 ? '' : 's'}), which tests do not ` +
      'unless they say so: assert it with captureConsole() or declare it with allowConsole() (tests/console-guard.ts)\n' +
      shown.join('\n'),
  );
}

/** Lets the current test print. Its output is still shown; it just does not fail the test. */
export function allowConsole(): void {
  state.allowed = true;
}

/**
 * Runs `fn` and returns its value with what it wrote to the console or to stdout / stderr, which
 * is not printed and does not fail the test. Assert `writes` in the test.
 */
export async function captureConsole<T>(fn: () => T | Promise<T>): Promise<Captured<T>> {
  const writes: ConsoleWrite[] = [];
  state.captures.push(writes);
  try {
    const value = await fn();
    return { value, writes };
  } finally {
    const i = state.captures.lastIndexOf(writes);
    if (i >= 0) state.captures.splice(i, 1);
  }
}
