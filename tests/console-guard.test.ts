import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { allowConsole, captureConsole, endTest } from './console-guard.ts';

describe('the console guard (tests/setup.ts)', () => {
  it('captures console methods and the standard streams, with what was written and where', async () => {
    const { value, writes } = await captureConsole(async () => {
      console.log('a %d', 1);
      console.info('b');
      console.warn('c', { d: 2 });
      console.error(new Error('e').message);
      console.debug('f');
      console.dir({ g: 3 });
      console.assert(false, 'h');
      process.stdout.write('i\n');
      process.stderr.write(Buffer.from('j\n'));
      return 42;
    });
    expect(value).toBe(42);
    expect(writes).toEqual([
      { channel: 'log', text: 'a 1' },
      { channel: 'info', text: 'b' },
      { channel: 'warn', text: 'c { d: 2 }' },
      { channel: 'error', text: 'e' },
      { channel: 'debug', text: 'f' },
      { channel: 'dir', text: '{ g: 3 }' },
      { channel: 'warn', text: 'Assertion failed: h' },
      { channel: 'stdout', text: 'i\n' },
      { channel: 'stderr', text: 'j\n' },
    ]);
    expect(endTest()).toBeNull();
  });

  it('captures what a worker thread prints, once it has reached this thread', async () => {
    const { writes } = await captureConsole(async () => {
      const worker = new Worker("console.log('from the worker')", { eval: true });
      await once(worker, 'exit');
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(writes).toEqual([{ channel: 'stdout', text: 'from the worker\n' }]);
  });

  it('counts a write outside captureConsole against the test, and says what it was', () => {
    process.stdout.write('');
    const error = endTest();
    expect(error?.message).toMatch(/^this test wrote to the console \(1 write\).*captureConsole\(\).*allowConsole\(\)/);
    expect(error?.message).toMatch(/\n {2}\[stdout\] $/);
  });

  it('lets a test that calls allowConsole() print', () => {
    allowConsole();
    process.stdout.write('');
    expect(endTest()).toBeNull();
  });

  it('starts each test with a clean count: allowConsole() held for the test before only', () => {
    process.stdout.write('');
    expect(endTest()).not.toBeNull();
  });
});
