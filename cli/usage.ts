/**
 * What every command shares: the exit codes of the contract, the default warehouse and the usage error.
 * Apart from cli/main.ts so that commands never import the module that registers them.
 */

/** Exit codes of the contract: 0 done, 1 done with files that failed, 2 bad usage. */
export const EXIT = { ok: 0, failedFiles: 1, usage: 2 } as const;

export function defaultDb(): string {
  return process.env.BAOCAO_DB || 'baocao.sqlite';
}

/** Thrown by a command for bad usage (exit code 2) with a message for the user. */
export class UsageError extends Error {}
