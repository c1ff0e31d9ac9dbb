import type { DocumentWriter } from './documents.ts';

/**
 * Commits several documents at once. Each document is still loaded all or nothing (its transaction
 * becomes a savepoint inside the group's), but the commit, which rewrites every index page the documents
 * touched, is paid once per group instead of once per document: most of a small document's load time.
 * A kill loses at most the open group, which a re-run loads again (loads are idempotent by content hash).
 *
 * The caller calls `enter()` before a document's writes and `done()` after them (and after its checks),
 * and `commit()` when it has waited past `msLeft()`, so a slow archive never holds the write lock long.
 */
export class CommitGroup {
  private open = false;
  private documents = 0;
  private openedAt = 0;

  constructor(
    private readonly writer: DocumentWriter,
    private readonly limits: { documents: number; ms: number } = { documents: 32, ms: 500 },
  ) {}

  private get sqlite() {
    return this.writer.wh.sqlite;
  }

  enter(): void {
    if (this.open) return;
    // someone else's transaction on this connection: theirs to commit, documents nest in it
    if (this.sqlite.inTransaction) return;
    this.sqlite.exec('BEGIN IMMEDIATE');
    this.open = true;
    this.documents = 0;
    this.openedAt = performance.now();
  }

  /** An open group's time left before it is due; null when no group is open. */
  msLeft(): number | null {
    return this.open ? Math.max(0, this.limits.ms - (performance.now() - this.openedAt)) : null;
  }

  done(): void {
    if (!this.open) return;
    this.documents++;
    if (this.documents >= this.limits.documents || performance.now() - this.openedAt >= this.limits.ms) this.commit();
  }

  commit(): void {
    if (!this.open) return;
    this.open = false;
    if (!this.sqlite.inTransaction) {
      // SQLite rolled the whole transaction back on its own (disk full, I/O error): what the writer
      // believes it wrote is gone with it
      this.writer.forget();
      throw new Error(`the warehouse rolled back the last ${this.documents} documents (${this.sqlite.name}); run the same command again to load them`);
    }
    try {
      this.sqlite.exec('COMMIT');
    } catch (err) {
      this.writer.forget();
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      throw err;
    }
  }
}
