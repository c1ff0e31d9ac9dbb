import { lstat, readdir, realpath } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Lists the files under the given paths, in a stable order, following no links out of the folders
 * given. Files are picked by content later, so nothing is skipped here for its extension; only
 * hidden entries (`.git`, `~$` Office lock files) are passed over.
 */
export async function* walkFiles(paths: readonly string[]): AsyncGenerator<{ file: string } | { file: string; error: string }> {
  for (const p of paths) {
    const abs = resolve(p);
    const info = await lstat(abs).catch(() => null);
    if (!info) {
      yield { file: p, error: 'no such file or folder' };
      continue;
    }
    if (info.isFile()) {
      yield { file: p };
      continue;
    }
    if (info.isSymbolicLink()) {
      yield { file: p, error: 'symbolic link: not followed' };
      continue;
    }
    if (!info.isDirectory()) continue;
    const root = await realpath(abs);
    yield* walkDir(abs, root, p);
  }
}

async function* walkDir(dir: string, root: string, shown: string): AsyncGenerator<{ file: string } | { file: string; error: string }> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    yield { file: shown, error: 'folder cannot be read' };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const full = join(dir, e.name);
    const display = join(shown, relative(dir, full));
    if (e.isSymbolicLink()) {
      const target = await realpath(full).catch(() => null);
      if (!target || !(target === root || target.startsWith(root + sep))) continue;
      const info = await lstat(target).catch(() => null);
      if (info?.isFile()) yield { file: display };
      continue;
    }
    if (e.isDirectory()) yield* walkDir(full, root, display);
    else if (e.isFile()) yield { file: display };
  }
}
