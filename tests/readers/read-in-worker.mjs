// Reads one file as an ingest reader thread would, inside a worker with its own heap limit, and posts
// back the outcome: { ok, blocks } or { ok: false, reason }.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readDocument } = await import('../../extractors/read.ts');
try {
  const doc = await readDocument(workerData.file);
  parentPort.postMessage({ ok: true, blocks: doc.blocks.length });
} catch (err) {
  parentPort.postMessage({ ok: false, reason: err instanceof Error ? err.message : String(err) });
}
