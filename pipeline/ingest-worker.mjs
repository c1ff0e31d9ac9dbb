// Entry of an ingest worker thread. Plain JavaScript because Node 20 workers cannot load TypeScript
// themselves: tsx's loader hooks are registered for this thread first, then the real worker is imported.
//
// pdf.js (two ~2 MB bundles) is imported first, by plain Node: loaded through tsx's hooks it costs ~200 MB
// more resident memory per worker (transformed sources and source maps kept around). The worker bundle
// registers itself on globalThis.pdfjsWorker, which pdf.js then uses instead of importing it again.
import 'pdfjs-dist/legacy/build/pdf.mjs';
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
// zod as well: through tsx's hooks its ESM build costs ~180 ms of CPU per worker start, ~70 ms plain.
import 'zod';
import { register } from 'tsx/esm/api';

register();
// tsx turns source maps on, and Node then keeps every loaded module's decoded map for good.
process.setSourceMapsEnabled(false);
await import('./ingest-worker.ts');
