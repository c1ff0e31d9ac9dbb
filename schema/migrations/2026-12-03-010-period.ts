import type { Kysely } from 'kysely';
// kysely's ESM build is slow to load under tsx; the CommonJS one (./kysely.ts) keeps query commands fast.
import { sql } from './kysely.ts';
import type { SchemaDialect } from './schema-dialect.ts';

/**
 * Facts get their `period` (SDMX TIME_PERIOD: `2026`, `2026-Q1`, `2026-01/2026-03`; schema/period.ts) beside
 * `year`. Facts stored before were read as the year their `year` says: their period is that year. The views
 * follow: `v_facts_all` and `v_facts` carry the period, a cell of `v_facts` is one period (a quarter's value
 * is never the latest value of its year), and `v_plan_actual`, a table by year, takes yearly facts only.
 * Frozen once shipped.
 */
const V_FACTS = (withPeriod: boolean) => `
    create view v_facts as
    select indicator_key, indicator_id, indicator, area, area_code, province, year,${withPeriod ? ' period,' : ''} kind,
      base_value, unit, value, unit_text, multiplier, qualifier, status,
      document_id, file, document_number, report_year, fact_id, page, sentence,
      n_facts, conflict
    from (
      select a.*,
        row_number() over latest as rn,
        count(*) over cell as n_facts,
        (min(base_value) over cell <> max(base_value) over cell) as conflict
      from v_facts_all a
      window cell as (partition by indicator_key, area, year,${withPeriod ? ' period,' : ''} kind),
        latest as (cell order by report_year desc nulls last, document_date desc nulls last, loaded_at desc, fact_rowid)
    )
    where rn = 1
`;

const V_PLAN_ACTUAL = (yearlyOnly: boolean) => `
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
      where year is not null${yearlyOnly ? ' and (period is null or period = cast(year as text))' : ''}
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
`;

export async function up(db: Kysely<any>, d: SchemaDialect): Promise<void> {
  await atomically(db, async () => {
    await db.schema.alterTable('facts').addColumn('period', 'text').execute();
    await sql`update facts set period = cast(year as text) where year is not null`.execute(db);
    await d.views(db, { sentence: 'table', period: true }, () => redefineViews(db, true));
  });
}

export async function down(db: Kysely<any>, d: SchemaDialect): Promise<void> {
  await atomically(db, async () => {
    await d.views(db, { sentence: 'table', period: false }, () => redefineViews(db, false));
    await db.schema.alterTable('facts').dropColumn('period').execute();
  });
}

/** SQLite has no ALTER VIEW: `v_facts_all` is rewritten with `period` added (or taken out) after `year`, the others anew. */
async function redefineViews(db: Kysely<any>, withPeriod: boolean): Promise<void> {
  const view = await sql<{ sql: string }>`select sql from sqlite_master where type = 'view' and name = 'v_facts_all'`.execute(db);
  const text = view.rows[0]?.sql;
  const from = withPeriod ? /f\.year,(\s*)f\.kind,/ : /f\.year,(\s*)f\.period,\s*f\.kind,/;
  if (!text || !from.test(text)) throw new Error('v_facts_all does not list year and kind as expected');
  await sql`drop view v_plan_actual`.execute(db);
  await sql`drop view v_facts`.execute(db);
  await sql`drop view v_facts_all`.execute(db);
  await sql.raw(text.replace(from, withPeriod ? 'f.year,$1f.period,$1f.kind,' : 'f.year,$1f.kind,')).execute(db);
  await sql.raw(V_FACTS(withPeriod)).execute(db);
  await sql.raw(V_PLAN_ACTUAL(withPeriod)).execute(db);
}

/** The Migrator runs SQLite migrations outside a transaction; the column and its views go in all or none. */
async function atomically(db: Kysely<any>, work: () => Promise<void>): Promise<void> {
  await sql`savepoint migration_010`.execute(db);
  try {
    await work();
  } catch (err) {
    await sql`rollback to migration_010`.execute(db);
    await sql`release migration_010`.execute(db);
    throw err;
  }
  await sql`release migration_010`.execute(db);
}
