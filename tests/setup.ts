import { afterAll, afterEach, beforeEach } from 'vitest';
import { endFile, endTest, installConsoleGuard, startTest } from './console-guard.ts';

// A test that prints fails, unless it captures or allows the output: see tests/console-guard.ts.
// Registered first (vitest `setupFiles`), so with vitest's default `sequence.hooks: 'stack'` the
// afterEach / afterAll here run after the test file's own, and their writes count too.

installConsoleGuard();

beforeEach(() => {
  startTest();
});

afterEach(() => {
  const error = endTest();
  if (error) throw error;
});

afterAll(() => {
  const error = endFile();
  if (error) throw error;
});
