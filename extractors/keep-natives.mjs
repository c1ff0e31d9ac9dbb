// Plain JavaScript: the ingest worker's entry (plain Node, before tsx is registered) needs it too.
//
// pdf.js's legacy build, the one that runs on Node 20, carries core-js polyfills, and on this V8 they
// replace two built-ins V8 already implements, for the whole thread: Array.prototype.push (for lengths
// past 2^53 and frozen lengths) and JSON.parse (for the reviver's source-text argument, which pdf.js
// never uses). Their JavaScript versions made every push in the extraction stages several times
// slower. The native ones are put back once the bundles are loaded; pdf.js needs neither edge case.

/** Runs `load` (which imports pdf.js), then restores the built-ins its polyfills replaced. */
export async function importKeepingNatives(load) {
  const saved = [
    [Array.prototype, 'push', Array.prototype.push],
    [JSON, 'parse', JSON.parse],
  ];
  try {
    return await load();
  } finally {
    for (const [owner, key, native] of saved) {
      if (owner[key] !== native) Object.defineProperty(owner, key, { value: native, writable: true, enumerable: false, configurable: true });
    }
  }
}
