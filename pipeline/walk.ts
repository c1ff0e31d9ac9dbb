import { lstat, open, readdir, realpath } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Block } from '../schema/document.ts';
import { hasReportHeader } from './stages/segment.ts';

/** What the walk hands on: a file to read, a path it could not use, or a file it passed over and why. */
export type WalkEntry = { file: string } | { file: string; error: string } | { file: string; skip: string };

export interface WalkOptions {
  /** globs (`*.tmp`, `drafts/**`, `**\/old/*.pdf`): matching files and folders are not walked */
  exclude?: readonly string[];
  /** absolute paths never read as reports: the warehouse being loaded and its journal files */
  own?: readonly string[];
}

const OWN_REASON = 'the warehouse being loaded (or its journal): not a report';

/**
 * Lists the files under the given paths, in a stable order, following no links out of the folders
 * given. Files are picked by content later, so nothing is skipped here for its extension; only
 * hidden entries (`.git`, `~$` Office lock files), what `exclude` names, and, inside folders, the notes
 * kept beside the reports (a README, a markdown list of sources: see `noteReason`) are passed over.
 * Files named on the command line are always read.
 */
export async function* walkFiles(paths: readonly string[], options: WalkOptions = {}): AsyncGenerator<WalkEntry> {
  const exclude = (options.exclude ?? []).map(globMatcher);
  const own = new Set(options.own ?? []);
  for (const p of paths) {
    const abs = resolve(p);
    if (own.has(abs)) {
      yield { file: p, skip: OWN_REASON };
      continue;
    }
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
    if (!info.isDirectory()) {
      yield { file: p, error: `${specialKind(info)}: not a file to read` };
      continue;
    }
    const root = await realpath(abs);
    yield* walkDir(abs, root, p, '', exclude, own);
  }
}

async function* walkDir(
  dir: string,
  root: string,
  shown: string,
  rel: string,
  exclude: readonly Matcher[],
  own: ReadonlySet<string>,
): AsyncGenerator<WalkEntry> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    yield { file: shown, error: 'folder cannot be read' };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    const display = join(shown, relative(dir, full));
    // Every path passed over is said, with why: data staff must be able to tell "not loaded" from "lost".
    if (e.name.startsWith('~$')) {
      yield { file: display, skip: 'an Office lock file (~$…): not a report' };
      continue;
    }
    if (e.name.startsWith('.')) {
      yield { file: display, skip: `hidden ${e.isDirectory() ? 'folder' : 'file'}: not walked` };
      continue;
    }
    const relPath = rel === '' ? e.name : `${rel}/${e.name}`;
    const glob = exclude.find((m) => m(relPath, display));
    if (glob) {
      yield { file: display, skip: `excluded by --exclude ${glob.glob}` };
      continue;
    }
    if (own.has(full)) {
      yield { file: display, skip: OWN_REASON };
      continue;
    }
    if (e.isSymbolicLink()) {
      const target = await realpath(full).catch(() => null);
      if (!target) {
        yield { file: display, skip: 'symbolic link to nothing (broken): not followed' };
        continue;
      }
      if (!(target === root || target.startsWith(root + sep))) {
        yield { file: display, skip: `symbolic link out of the folder walked (to ${target}): not followed` };
        continue;
      }
      const info = await lstat(target).catch(() => null);
      if (info?.isFile()) yield await fileEntry(display, target);
      else if (info?.isDirectory()) {
        // Links to folders are never followed, so no loop can form; the folder's files are walked where they are.
        const loop = target === root || full.startsWith(target + sep);
        yield { file: display, skip: `symbolic link to a folder${loop ? ' that holds it (a loop)' : ''}: not followed, the folder is walked where it is` };
      } else yield { file: display, skip: `symbolic link to a ${info ? specialKind(info) : 'path that cannot be read'}: not followed` };
      continue;
    }
    if (e.isDirectory()) yield* walkDir(full, root, display, relPath, exclude, own);
    else if (e.isFile()) yield await fileEntry(display, full);
    else yield { file: display, skip: `${specialKind(e)}: not a file to read` };
  }
}

async function fileEntry(display: string, full: string): Promise<WalkEntry> {
  const note = await noteReason(full);
  return note ? { file: display, skip: note } : { file: display };
}

/** Names of the notes archives keep beside their reports. */
const NOTE_NAME = /^(?:readme|sources?|changelog|changes|history|licen[cs]e|copying|notes?|contributing|authors|todo|index)(?:[._-]|$)/i;
/** Extensions of markup notes. */
const NOTE_EXTENSIONS = new Set(['.md', '.markdown', '.rst']);
/** How much of a note is read to look for a report's header. */
const NOTE_HEAD_BYTES = 16 * 1024;

/**
 * Why a file found in a folder is a note and not a report, or null: a README, SOURCES or the like, or a
 * markdown file, whose first lines hold no report header (national motto, `Số: …` line, `…, ngày … tháng
 * … năm …` line). A report exported to markdown keeps its header and is read.
 */
export async function noteReason(file: string): Promise<string | null> {
  const name = basename(file);
  if (!NOTE_NAME.test(name) && !NOTE_EXTENSIONS.has(extname(name).toLowerCase())) return null;
  const head = await readHead(file);
  // not text (a README.pdf, say): the readers decide
  if (head === null || head.includes('\u0000')) return null;
  const blocks: Block[] = head
    .split(/\r?\n/)
    .map((line) => line.replace(/^[#>\s]+/, '').trim())
    .filter((line) => line !== '')
    .map((text, index) => ({ index, kind: 'paragraph', text }));
  if (hasReportHeader(blocks)) return null;
  return 'not a report: a note file (README, SOURCES, markdown) with no report header (no national motto, "Số: …" or "…, ngày … tháng … năm …" line)';
}

async function readHead(file: string): Promise<string | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const buf = Buffer.alloc(NOTE_HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, NOTE_HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Whether a walked path is excluded: given its path from the folder walked, and as shown. */
type Matcher = ((rel: string, shown: string) => boolean) & { glob: string };

/** What a path is that is neither a file nor a folder. */
function specialKind(e: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string {
  if (e.isFIFO()) return 'a named pipe (FIFO)';
  if (e.isSocket()) return 'a socket';
  if (e.isBlockDevice() || e.isCharacterDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * A glob as `--exclude` takes it (picomatch's syntax: `*` and `?` within a name, `**` across folders,
 * `[abc]`, `{a,b}`). A glob without `/` matches a file's or folder's name at any depth (`*.tmp`,
 * `drafts`); one with `/` matches the path from the folder walked (`drafts/**`) or the path as shown
 * (`archive/drafts/*.pdf`). picomatch rather than our own: globs are a solved problem, and it compiles a
 * pattern to one anchored regular expression without backtracking traps.
 */
export function globMatcher(glob: string): Matcher {
  const pattern = glob.normalize('NFC').replaceAll('\\', '/').replace(/^\.\//, '').replace(/\/+$/, '');
  // picomatch reads `[!a]` as the class of `!` and `a`; the shells' (and POSIX's) negation is `[^a]` to it
  const test = picomatch(pattern.replaceAll('[!', '[^'), { dot: true });
  const match = !pattern.includes('/')
    ? (rel: string) => test(basename(rel).normalize('NFC'))
    : (rel: string, shown: string) => test(rel.normalize('NFC')) || test(shown.normalize('NFC').replaceAll(sep, '/').replace(/^\.\//, ''));
  return Object.assign(match, { glob });
}
