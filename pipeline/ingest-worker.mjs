// Entry of an ingest worker thread. Plain JavaScript because Node 20 workers cannot load TypeScript
// themselves: tsx's loader hooks are registered for this thread first, then the real worker is imported.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-worker.ts');
