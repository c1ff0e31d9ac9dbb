import type { Command } from 'commander';

/** `facts`, `compare`, `export`: read-only commands over the warehouse. */
export function registerQueries(_program: Command, _setExit: (code: number) => void): void {
  // filled in by the warehouse work (issue 4)
}
