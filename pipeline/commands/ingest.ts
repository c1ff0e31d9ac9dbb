import type { Command } from 'commander';

export function registerIngest(_program: Command, _setExit: (code: number) => void): void {}
