import type { Kysely } from 'kysely';
import type { SchemaDialect } from './schema-dialect.ts';
import { sql } from './kysely.ts';

/**
 * The first warehouse schema: documents, their facts, footnotes, messages and mismatches, the indicator
 * catalog and the runs of `ingest`. Frozen: never edit a migration that has shipped, add a new one.
 */
export async function up(db: Kysely<any>, d: SchemaDialect): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('runs')
    .addColumn('id', 'integer', (c) => d.generatedKey(c.primaryKey(), 'autoincrement'))
    .addColumn('command', 'text', (c) => c.notNull())
    .addColumn('args', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('running'))
    .addColumn('files', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('loaded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('facts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mismatches', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('run_files')
    .addColumn('id', 'integer', (c) => d.generatedKey(c.primaryKey(), 'autoincrement'))
    .addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id').onDelete('cascade'))
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('reason', 'text')
    .addColumn('facts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mismatches', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ms', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('run_files_run').on('run_files').columns(['run_id', 'status']).execute();

  await d
    .withRowid(db.schema.createTable('documents'))
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('number', 'text')
    .addColumn('issuer', 'text')
    // folded number + issuer: the identity of a document across corrected versions
    .addColumn('doc_key', 'text')
    .addColumn('title', 'text')
    .addColumn('place', 'text')
    .addColumn('area', 'text')
    .addColumn('area_code', 'text')
    .addColumn('province', 'text')
    .addColumn('province_code', 'text')
    .addColumn('date', 'text')
    .addColumn('month', 'integer')
    .addColumn('report_year', 'integer')
    .addColumn('plan_year', 'integer')
    .addColumn('pages', 'integer')
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.references('runs.id').onDelete('set null'))
    .addColumn('superseded_by', 'text', (c) => c.references('documents.id'))
    .execute();
  await db.schema.createIndex('documents_doc_key').on('documents').column('doc_key').execute();
  await db.schema.createIndex('documents_superseded_by').on('documents').column('superseded_by').execute();

  await d
    .withRowid(db.schema.createTable('facts'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('indicator_folded', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text')
    // value, unit, base_value and status are the effective ones (after review); original_* keep the extraction
    .addColumn('value', d.float, (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('unit_text', 'text')
    .addColumn('multiplier', 'integer', (c) => c.notNull())
    .addColumn('base_value', d.float, (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('qualifier', 'text')
    .addColumn('relates_to', 'text')
    .addColumn('footnotes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('in_footnote', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('heading_path', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('area', 'text')
    .addColumn('run_id', 'integer')
    .addColumn('original_value', d.float, (c) => c.notNull())
    .addColumn('original_unit', 'text')
    .addColumn('original_base_value', d.float, (c) => c.notNull())
    .addColumn('original_status', 'text', (c) => c.notNull())
    .addColumn('corrected_value', d.float)
    // a superseding document may repeat a fact id: both versions are kept, hence the composite key
    .addPrimaryKeyConstraint('facts_pk', ['document_id', 'id'])
    .execute();
  await db.schema.createIndex('facts_indicator_id_year').on('facts').columns(['indicator_id', 'year']).execute();
  await db.schema.createIndex('facts_indicator_folded_year').on('facts').columns(['indicator_folded', 'year']).execute();
  await db.schema.createIndex('facts_year_kind').on('facts').columns(['year', 'kind']).execute();
  await db.schema.createIndex('facts_id').on('facts').column('id').execute();
  await db.schema
    .createIndex('facts_needs_review')
    .on('facts')
    .column('status')
    .where(sql.ref('status'), '<>', 'ok')
    .execute();

  await db.schema
    .createTable('labels')
    .addColumn('folded', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text')
    .execute();

  await db.schema
    .createTable('footnotes')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('page', 'integer')
    .addPrimaryKeyConstraint('footnotes_pk', ['document_id', 'seq'])
    .execute();

  await db.schema
    .createTable('document_messages')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addPrimaryKeyConstraint('document_messages_pk', ['document_id', 'seq'])
    .execute();

  await d
    .withRowid(db.schema.createTable('mismatches'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('fact_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('expected', d.float)
    .addColumn('found', d.float)
    .addColumn('difference', d.float)
    .addColumn('tolerance', d.float)
    .addColumn('source', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_id', 'integer')
    .addPrimaryKeyConstraint('mismatches_pk', ['document_id', 'id'])
    .execute();
  await db.schema.createIndex('mismatches_status_type').on('mismatches').columns(['status', 'type']).execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    // every folded alias between `|`, so a LIKE finds a word in any of them
    .addColumn('aliases_folded', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['indicators', 'mismatches', 'document_messages', 'footnotes', 'labels', 'facts', 'documents', 'run_files', 'runs', 'meta']) {
    await db.schema.dropTable(t).execute();
  }
}
