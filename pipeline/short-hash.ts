import * as crypto from 'node:crypto';

/**
 * The ids of facts and mismatches: the first 32 hex digits of the SHA-256 of what names them, so the
 * same document gives the same ids on every load. One-shot `crypto.hash` (Node ≥ 20.12) is cheaper per id.
 */
export const shortHash: (s: string) => string =
  typeof crypto.hash === 'function'
    ? (s) => crypto.hash('sha256', s, 'hex').slice(0, 32)
    : (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 32);
