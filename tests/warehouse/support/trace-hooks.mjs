// Module hooks that log every resolved module URL to $TRACE_FILE: proves which modules a command loads.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (process.env.TRACE_FILE) appendFileSync(process.env.TRACE_FILE, `${result.url}\n`);
  return result;
}
