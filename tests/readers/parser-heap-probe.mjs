// A worker thread with its own heap limit, asking what heap its spreadsheet parser would get.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { DEFAULT_LIMITS } = await import('../../extractors/reader.ts');
const { parserHeapMb } = await import('../../extractors/xlsx-isolate.ts');
parentPort.postMessage(parserHeapMb(DEFAULT_LIMITS));
