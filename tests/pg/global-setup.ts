import type { TestProject } from 'vitest/node';
import { startCluster } from '../helpers/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the test cluster's connection string, or why there is none */
    postgres: { url: string; reason: null } | { url: null; reason: string };
  }
}

/**
 * One PostgreSQL cluster for the whole run (vitest `globalSetup`), stopped when the run ends; each test
 * makes its own database on it (tests/helpers/postgres.ts, tempPostgresWarehouse).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const started = await startCluster();
  project.provide('postgres', started.cluster ? { url: started.cluster.url, reason: null } : { url: null, reason: started.reason });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    started.cluster?.stop();
  };
  // a run that ends without its teardown (an uncaught error, process.exit) stops the server too
  process.once('exit', stop);
  return stop;
}
