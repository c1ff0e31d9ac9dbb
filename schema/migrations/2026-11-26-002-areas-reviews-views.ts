import type { Kysely } from 'kysely';
import type { SchemaDialect } from './schema-dialect.ts';
import { sql } from './kysely.ts';

/**
 * Areas with their GSO codes, reviewer decisions, and the analyst views `v_facts_all`, `v_facts` and
 * `v_plan_actual` (documented in docs/warehouse.md). Frozen once shipped.
 */
export async function up(db: Kysely<any>, d: SchemaDialect): Promise<void> {
  await db.schema
    .createTable('areas')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  // Keyed by the fact's stable id, not by a foreign key: a decision must outlive the row it was made on
  // (a re-extracted or superseding document brings the same fact id back).
  await db.schema
    .createTable('reviews')
    .addColumn('id', 'integer', (c) => d.generatedKey(c.primaryKey(), 'autoincrement'))
    .addColumn('fact_id', 'text', (c) => c.notNull())
    .addColumn('mismatch_id', 'text')
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('value', d.float)
    .addColumn('unit', 'text')
    .addColumn('note', 'text')
    .addCheckConstraint('reviews_action', sql`action in ('accept', 'correct', 'reject')`)
    .addCheckConstraint('reviews_correct_has_value', sql`action <> 'correct' or value is not null`)
    .execute();
  await db.schema.createIndex('reviews_fact').on('reviews').columns(['fact_id', 'decided_at']).execute();

  await d.views(db, { sentence: 'source', period: false }, () => createViews(db));
}

/** The views as SQLite has them since 002. */
async function createViews(db: Kysely<any>): Promise<void> {
  await sql`
    create view v_facts_all as
    select
      coalesce(f.indicator_id, f.indicator_folded) as indicator_key,
      f.indicator_id,
      coalesce(i.name, f.indicator) as indicator,
      f.indicator as label,
      f.area,
      d.area_code,
      d.province,
      f.year,
      f.kind,
      f.base_value,
      f.unit,
      f.value,
      f.unit_text,
      f.multiplier,
      f.qualifier,
      f.status,
      f.document_id,
      d.file,
      d.number as document_number,
      d.date as document_date,
      d.report_year,
      f.id as fact_id,
      json_extract(f.source, '$.page') as page,
      json_extract(f.source, '$.text') as sentence,
      d.loaded_at,
      f.rowid as fact_rowid
    from facts f
    join documents d on d.id = f.document_id
    left join indicators i on i.id = f.indicator_id
    where d.superseded_by is null and f.status <> 'rejected'
  `.execute(db);

  // One row per indicator, area, year and kind: the value of the latest report that states it.
  // `conflict` is 1 when current documents state different values for that cell.
  await sql`
    create view v_facts as
    select indicator_key, indicator_id, indicator, area, area_code, province, year, kind,
      base_value, unit, value, unit_text, multiplier, qualifier, status,
      document_id, file, document_number, report_year, fact_id, page, sentence,
      n_facts, conflict
    from (
      select a.*,
        row_number() over latest as rn,
        count(*) over cell as n_facts,
        (min(base_value) over cell <> max(base_value) over cell) as conflict
      from v_facts_all a
      window cell as (partition by indicator_key, area, year, kind),
        latest as (cell order by report_year desc nulls last, document_date desc nulls last, loaded_at desc, fact_rowid)
    )
    where rn = 1
  `.execute(db);

  await sql`
    create view v_plan_actual as
    with y as (
      select indicator_key, max(indicator_id) as indicator_id, max(indicator) as indicator, area, year,
        max(case when kind in ('plan', 'estimate', 'actual') then unit end) as unit,
        max(case when kind = 'plan' then base_value end) as plan,
        max(case when kind = 'estimate' then base_value end) as estimate,
        max(case when kind = 'actual' then base_value end) as actual,
        max(case when kind = 'share_of_plan' then base_value end) as stated_share_of_plan,
        max(case when kind = 'growth' then base_value end) as stated_growth,
        max(conflict) as conflict
      from v_facts
      where year is not null
      group by indicator_key, area, year
    )
    select y.indicator_key, y.indicator_id, y.indicator, y.area, y.year, y.unit,
      y.plan, y.estimate, y.actual,
      coalesce(y.actual, y.estimate) as result,
      y.stated_share_of_plan as share_of_plan,
      round(100.0 * coalesce(y.actual, y.estimate) / nullif(y.plan, 0), 2) as share_of_plan_computed,
      coalesce(y.actual, y.estimate) - coalesce(p.actual, p.estimate) as change_on_previous_year,
      coalesce(
        round(100.0 * coalesce(y.actual, y.estimate) / nullif(coalesce(p.actual, p.estimate), 0) - 100, 2),
        y.stated_growth
      ) as growth_percent,
      y.conflict
    from y
    left join y as p on p.indicator_key = y.indicator_key and p.area is y.area and p.year = y.year - 1
  `.execute(db);
}

export async function down(db: Kysely<any>, d: SchemaDialect): Promise<void> {
  await d.views(db, null, async () => {
    await sql`drop view v_plan_actual`.execute(db);
    await sql`drop view v_facts`.execute(db);
    await sql`drop view v_facts_all`.execute(db);
  });
  await db.schema.dropTable('reviews').execute();
  await db.schema.dropTable('areas').execute();
}
