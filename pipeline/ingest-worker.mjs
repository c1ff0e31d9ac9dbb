// Entry of an ingest worker thread. Plain JavaScript because Node 20 workers cannot load TypeScript
// themselves: tsx's loader hooks are registered for this thread first, then the real worker is imported.
//
// Loaded by plain Node, before the hooks: zod (through tsx its ESM build costs several times more CPU per
// worker start than plain) and pdf.js (two large bundles: through tsx each worker would keep their
// transformed sources and source maps resident). The pdf.js worker bundle registers itself on
// globalThis.pdfjsWorker, which pdf.js then uses instead of importing it again; the built-ins its
// polyfills replace are put back (keep-natives.mjs).
import 'zod';
import { register } from 'tsx/esm/api';
import { importKeepingNatives } from '../extractors/keep-natives.mjs';

await importKeepingNatives(async () => {
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
});
register();
// tsx turns source maps on, and Node then keeps every loaded module's decoded map for good.
process.setSourceMapsEnabled(false);
await import('./ingest-worker.ts');
