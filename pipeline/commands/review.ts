import type { Command } from 'commander';

/** `review list|show|accept|correct|reject|serve`. */
export function registerReview(_program: Command, _setExit: (code: number) => void): void {
  // filled in by the review work (issue 5)
}
