import { fold } from '../../../extractors/clean-text.ts';
import { type CheckContext, type Finding, foldOnce, type Item, named, vn } from './context.ts';
import { gap, tidy, toleranceOf } from './tolerance.ts';

/**
 * Plausibility: a rate (`tỷ lệ …`) above 100 %, a count of people larger than the area's population
 * (a scale word typed wrong: `81.012 nghìn người` in a district is 81 million people). Parts larger than
 * their whole are found next to the breakdowns, in arithmetic.ts.
 */
export function plausibilityChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const bound = populationBound(ctx);
  for (const i of ctx.items) {
    const rate = rateOver100(i);
    if (rate) out.push(rate);
    const people = peopleOverPopulation(i, bound);
    if (people) out.push(people);
  }
  return out;
}

/** Kinds whose value is the rate itself (not a share of plan or a growth, which may pass 100 %). */
const RATE_KINDS = new Set(['actual', 'estimate', 'plan', 'cumulative', 'average', 'share']);
const NOT_A_BOUNDED_RATE = /\b(?:tang|giam|toc do|so voi|vuot|tang truong|chenh)\b/;

function rateOver100(i: Item): Finding | null {
  const f = i.fact;
  if (f.unit !== 'percent' || !RATE_KINDS.has(f.kind)) return null;
  const label = foldOnce(f.indicator);
  const isRate = /\bty le\b/.test(label) || f.kind === 'share';
  if (!isRate || NOT_A_BOUNDED_RATE.test(label)) return null;
  const tol = toleranceOf(f);
  if (f.value <= 100 + tol) return null;
  return {
    type: 'plausibility',
    facts: [i],
    message: `${named(i)} là một tỷ lệ nhưng lớn hơn 100%.`,
    ...gap(100, f.value, tol),
    key: 'rate-over-100',
  };
}

/** Count nouns that count people (not visits: `lượt người` counts visits and may exceed the population). */
const PEOPLE = new Set([
  'người',
  'khẩu',
  'nhân khẩu',
  'đối tượng',
  'trẻ',
  'trẻ em',
  'học sinh',
  'lao động',
  'bệnh nhân',
  'công dân',
  'cá nhân',
  'học viên',
  'đại biểu',
  'cán bộ',
  'giáo viên',
  'thí sinh',
  'cháu',
  'người dân',
  'nhân dân',
]);

/**
 * Upper bounds of population by the level of the issuing area, used when seeds/areas.json gives no
 * `population` for it: the largest Vietnamese commune has under 200 000 people, the largest district
 * about 1,2 million (2019 census), the largest province under 10 million, the country about 100 million.
 */
const LEVEL_BOUND = { commune: 200_000, district: 2_000_000, province: 15_000_000, country: 110_000_000 } as const;

interface PopulationBound {
  value: number;
  /** how the bound was found, for the message */
  basis: string;
}

function populationBound(ctx: CheckContext): PopulationBound {
  const meta = ctx.metadata;
  const names = [meta?.area, meta?.issuer, meta?.place].filter((s): s is string => Boolean(s)).map((s) => ` ${fold(s)} `);
  const known = ctx.populations.find((a) => names.some((n) => n.includes(` ${a.folded} `)));
  if (known) return { value: known.population, basis: `dân số ${known.name} (${vn(known.population)} người)` };
  const issuer = names.join(' ');
  if (/ (?:xa|phuong|thi tran) /.test(issuer) && !/ (?:huyen|quan|thi xa|tinh) /.test(issuer)) {
    return { value: LEVEL_BOUND.commune, basis: `dân số của một xã (dưới ${vn(LEVEL_BOUND.commune)} người)` };
  }
  if (/ (?:huyen|quan|thi xa) /.test(issuer)) return { value: LEVEL_BOUND.district, basis: `dân số của một huyện (dưới ${vn(LEVEL_BOUND.district)} người)` };
  if (/ tinh /.test(issuer)) return { value: LEVEL_BOUND.province, basis: `dân số của một tỉnh (dưới ${vn(LEVEL_BOUND.province)} người)` };
  return { value: LEVEL_BOUND.country, basis: `dân số cả nước (khoảng ${vn(100_000_000)} người)` };
}

function peopleOverPopulation(i: Item, bound: PopulationBound): Finding | null {
  const f = i.fact;
  if (!f.unit?.startsWith('count:') || !PEOPLE.has(f.unit.slice(6)) || f.qualifier === 'under') return null;
  if (f.baseValue <= bound.value) return null;
  const scale = 10 ** f.multiplier;
  const hint =
    f.multiplier > 0 && f.value <= bound.value ? ` Nếu bỏ chữ "${/nghìn|ngàn/iu.test(f.raw) ? 'nghìn' : 'triệu'}" thì ${vn(f.value)} mới hợp lý.` : '';
  return {
    type: 'plausibility',
    facts: [i],
    message: `${named(i)} = ${vn(f.baseValue)} người, lớn hơn ${bound.basis}.${hint}`,
    expected: tidy(bound.value / scale),
    found: tidy(f.value),
    difference: tidy((f.baseValue - bound.value) / scale),
    tolerance: 0,
    key: 'people-over-population',
  };
}
