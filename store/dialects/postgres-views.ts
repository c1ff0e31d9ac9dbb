import type { ViewsState } from '../../schema/migrations/schema-dialect.ts';

/**
 * The analyst views on PostgreSQL, for each state the migrations bring them to: the same columns, rows and
 * order as SQLite's (migrations 002, 008 and 010), in PostgreSQL's SQL. What differs: JSON fields are read
 * with `->>` from the text column cast to jsonb; a subquery in FROM needs a name (before PostgreSQL 16);
 * `conflict` is a comparison, a boolean in PostgreSQL, cast to SQLite's 0 or 1 so `max()` and readers
 * take it alike; `round(x, 2)` exists for numeric only; `is` between two values is `is not distinct from`.
 */
export function postgresViews(state: ViewsState): string[] {
  const sentence = state.sentence === 'source' ? `f.source::jsonb ->> 'text'` : '(select s.text from sentences s where s.id = f.sentence_id)';
  const period = (prefix: string) => (state.period ? ` ${prefix}period,` : '');
  const round = (x: string) => `round((${x})::numeric, 2)::double precision`;
  return [
    `create view v_facts_all as
    select
      coalesce(f.indicator_id, f.indicator_folded) as indicator_key,
      f.indicator_id,
      coalesce(i.name, f.indicator) as indicator,
      f.indicator as label,
      f.area,
      d.area_code,
      d.province,
      f.year,${period('f.')}
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
      (f.source::jsonb ->> 'page')::integer as page,
      ${sentence} as sentence,
      d.loaded_at,
      f.rowid as fact_rowid
    from facts f
    join documents d on d.id = f.document_id
    left join indicators i on i.id = f.indicator_id
    where d.superseded_by is null and f.status <> 'rejected'`,
    `create view v_facts as
    select indicator_key, indicator_id, indicator, area, area_code, province, year,${period('')} kind,
      base_value, unit, value, unit_text, multiplier, qualifier, status,
      document_id, file, document_number, report_year, fact_id, page, sentence,
      n_facts, conflict
    from (
      select a.*,
        row_number() over latest as rn,
        count(*) over cell as n_facts,
        (min(base_value) over cell <> max(base_value) over cell)::integer as conflict
      from v_facts_all a
      window cell as (partition by indicator_key, area, year,${period('')} kind),
        latest as (cell order by report_year desc nulls last, document_date desc nulls last, loaded_at desc, fact_rowid)
    ) ranked
    where rn = 1`,
    `create view v_plan_actual as
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
      where year is not null${state.period ? ' and (period is null or period = cast(year as text))' : ''}
      group by indicator_key, area, year
    )
    select y.indicator_key, y.indicator_id, y.indicator, y.area, y.year, y.unit,
      y.plan, y.estimate, y.actual,
      coalesce(y.actual, y.estimate) as result,
      y.stated_share_of_plan as share_of_plan,
      ${round('100.0 * coalesce(y.actual, y.estimate) / nullif(y.plan, 0)')} as share_of_plan_computed,
      coalesce(y.actual, y.estimate) - coalesce(p.actual, p.estimate) as change_on_previous_year,
      coalesce(
        ${round('100.0 * coalesce(y.actual, y.estimate) / nullif(coalesce(p.actual, p.estimate), 0) - 100')},
        y.stated_growth
      ) as growth_percent,
      y.conflict
    from y
    left join y as p on p.indicator_key = y.indicator_key and p.area is not distinct from y.area and p.year = y.year - 1`,
  ];
}
