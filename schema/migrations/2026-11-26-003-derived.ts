import type { Kysely } from 'kysely';
import type { SchemaDialect } from './schema-dialect.ts';

/**
 * Values implied by a relation (the plan behind `đạt 101,49% kế hoạch`, the previous year behind
 * `tăng 1,16%`), kept so that a later document stating that plan or that year's value can be checked
 * against them. Not facts: no report states them. Frozen once shipped.
 */
export async function up(db: Kysely<any>, d: SchemaDialect): Promise<void> {
  await d
    .withRowid(db.schema.createTable('derived'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    // the relation fact the value was computed from, and the fact it qualifies
    .addColumn('from_fact_id', 'text', (c) => c.notNull())
    .addColumn('fact_id', 'text', (c) => c.notNull())
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('year', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', d.float, (c) => c.notNull())
    .addColumn('tolerance', d.float, (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('multiplier', 'integer', (c) => c.notNull())
    .addColumn('base_value', d.float, (c) => c.notNull())
    .addColumn('base_tolerance', d.float, (c) => c.notNull())
    .addPrimaryKeyConstraint('derived_pk', ['document_id', 'from_fact_id'])
    .execute();
  await db.schema.createIndex('derived_cell').on('derived').columns(['indicator_key', 'year', 'kind']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('derived').execute();
}
