import type { Kysely } from 'kysely';
import { sql } from './kysely.ts';
import type { SchemaDialect } from './schema-dialect.ts';

/**
 * Each sentence is stored once per document, in `sentences`, and facts point at it by `sentence_id`;
 * `facts.source` keeps where the number was read (file, page, block, offsets) but no longer the text.
 * A document's facts share a few dozen sentences of ~450 characters: with the text on every fact row it
 * made up about a third of the warehouse. Existing rows are moved over; `v_facts_all` (and with it
 * `v_facts`) reads `sentence` from the new table. Frozen once shipped.
 */
const OLD_SENTENCE = `json_extract(f.source, '$.text') as sentence`;
const NEW_SENTENCE = `(select s.text from sentences s where s.id = f.sentence_id) as sentence`;

export async function up(db: Kysely<any>, d: SchemaDialect): Promise<void> {
  await atomically(db, async () => {
    await db.schema
      .createTable('sentences')
      .addColumn('id', 'integer', (c) => d.generatedKey(c.primaryKey(), 'rowid'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
    // No REFERENCES clause: SQLite cannot drop a column a foreign key names, and down() drops it. The loader
    // writes a document's sentences and facts in one transaction, and sentences are never deleted alone.
    await db.schema.alterTable('facts').addColumn('sentence_id', 'integer').execute();

    // Rows loaded before: one sentence per distinct (document, text), then the facts pointed at it.
    await d.movePriorRows(async () => {
      await sql`insert into sentences (document_id, text)
      select document_id, json_extract(source, '$.text') from facts
      where json_extract(source, '$.text') is not null
      group by document_id, json_extract(source, '$.text')
      order by min(rowid)`.execute(db);
      await sql`create index sentences_moving on sentences (document_id, text)`.execute(db);
      await sql`update facts set
        sentence_id = (select s.id from sentences s
          where s.document_id = facts.document_id and s.text = json_extract(facts.source, '$.text')),
        source = json_remove(source, '$.text')
      where json_extract(source, '$.text') is not null`.execute(db);
      await sql`drop index sentences_moving`.execute(db);
    });

    await d.views(db, { sentence: 'table', period: false }, () => replaceViewColumn(db, OLD_SENTENCE, NEW_SENTENCE));
  });
}

export async function down(db: Kysely<any>, d: SchemaDialect): Promise<void> {
  await atomically(db, async () => {
    await d.views(db, { sentence: 'source', period: false }, () => replaceViewColumn(db, NEW_SENTENCE, OLD_SENTENCE));
    // json_set appends the key; readers take the source's keys by name, so their order does not matter
    await d.movePriorRows(async () => {
      await sql`update facts set source = json_set(source, '$.text',
        coalesce((select s.text from sentences s where s.id = facts.sentence_id), ''))`.execute(db);
    });
    await db.schema.alterTable('facts').dropColumn('sentence_id').execute();
    await db.schema.dropTable('sentences').execute();
  });
}

/**
 * Redefines `v_facts_all` with one column's expression swapped, the rest kept as 002 wrote it (SQLite has
 * no ALTER VIEW). `v_facts` and `v_plan_actual` name it and are resolved when queried, so they follow.
 */
async function replaceViewColumn(db: Kysely<any>, from: string, to: string): Promise<void> {
  const view = await sql<{ sql: string }>`select sql from sqlite_master where type = 'view' and name = 'v_facts_all'`.execute(db);
  const text = view.rows[0]?.sql;
  if (!text || !text.includes(from)) throw new Error(`v_facts_all does not read its sentence as expected (${from})`);
  await sql`drop view v_facts_all`.execute(db);
  await sql.raw(text.replace(from, to)).execute(db);
}

/** The Migrator runs SQLite migrations outside a transaction; moving rows must not stop half way. */
async function atomically(db: Kysely<any>, work: () => Promise<void>): Promise<void> {
  await sql`savepoint migration_008`.execute(db);
  try {
    await work();
  } catch (err) {
    await sql`rollback to migration_008`.execute(db);
    await sql`release migration_008`.execute(db);
    throw err;
  }
  await sql`release migration_008`.execute(db);
}
