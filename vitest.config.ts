import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Fails a test that writes to the console unless it says so (tests/console-guard.ts).
    setupFiles: ['tests/setup.ts'],
    // A throwaway PostgreSQL cluster for the tests that run on both engines (tests/helpers/postgres.ts).
    globalSetup: ['tests/pg/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
