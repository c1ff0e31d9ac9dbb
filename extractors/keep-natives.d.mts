/** Runs `load` (which imports pdf.js), then restores the built-ins its polyfills replaced. */
export function importKeepingNatives<T>(load: () => Promise<T>): Promise<T>;
