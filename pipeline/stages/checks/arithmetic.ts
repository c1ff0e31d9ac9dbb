import { fold } from '../../../extractors/clean-text.ts';
import { type Fact, RELATION_KINDS } from '../../../schema/fact.ts';
import type { Quantity } from '../../../schema/quantity.ts';
import type { PartGroup, RatioPair } from '../reading.ts';
import { type CheckContext, type Finding, foldOnce, type Item, isAdditive, isRatioWhole, labelWords, named, sentenceOf, vn, withUnit } from './context.ts';
import {
  agrees,
  gap,
  halfUnit,
  productTolerance,
  quotientTolerance,
  STATED_RESULT_SLACK,
  statedShareTolerance,
  sumTolerance,
  tidy,
  toleranceOf,
} from './tolerance.ts';

/**
 * Arithmetic checks: a total against its parts, a/b against its stated share, actual against plan
 * against the stated share of plan, area × yield against output, a value against its previous value and
 * the stated growth or change; and the values a relation implies (plan, previous year) for later
 * documents to be checked against.
 */
export function arithmeticChecks(ctx: CheckContext): Finding[] {
  return [
    ...sumChecks(ctx),
    ...partGroupChecks(ctx),
    ...footnoteSumChecks(ctx),
    ...ratioChecks(ctx),
    ...shareOfWholeChecks(ctx),
    ...planChecks(ctx),
    ...productChecks(ctx),
    ...growthChecks(ctx),
  ];
}

/* ---------- totals and parts ---------- */

const OTHER_WORD = /(?:^| )khac(?: |$)/;

/** Where the number starts in its block's text. */
const startOf = (i: Item): number => i.fact.source.start;

function isStock(i: Item): boolean {
  return !RELATION_KINDS.has(i.fact.kind) && i.fact.kind !== 'previous' && isAdditive(i.fact);
}

function planClass(i: Item): string {
  return i.fact.kind === 'plan' ? 'plan' : 'result';
}

function isOtherPart(i: Item): boolean {
  return OTHER_WORD.test(foldOnce(i.fact.indicator));
}

/**
 * One part of a total: a fact, or a bare number of a parenthesis of parts (`(3.150 A và 2.270 hồ sơ
 * B)`), which takes the unit and scale written after it. Value and tolerance in the canonical unit.
 */
interface Part {
  item: Item | undefined;
  base: number;
  baseTol: number;
  /** half a unit of the last written digit, in the canonical unit */
  basePrecision: number;
  qualifier: Fact['qualifier'];
  /** what tells two findings on different parts apart */
  id: string;
}

function partOf(i: Item): Part {
  const f = i.fact;
  return {
    item: i,
    base: f.baseValue,
    baseTol: toleranceOf(f) * 10 ** f.multiplier,
    basePrecision: halfUnit(f.decimals) * 10 ** f.multiplier,
    qualifier: f.qualifier,
    id: f.id,
  };
}

const scaled = (p: Part, total: Item): number => p.base / 10 ** total.fact.multiplier;

/** Whether some parts (one that restates the total, or several) add up to the total exactly as written. */
function someSubsetMatches(parts: readonly Part[], total: Item): boolean {
  if (parts.length > 16) return false;
  const values = parts.map((p) => scaled(p, total));
  const tols = parts.map((p) => p.basePrecision / 10 ** total.fact.multiplier);
  const target = total.fact.value;
  const tTol = halfUnit(total.fact.decimals);
  for (let mask = 1; mask < 1 << parts.length; mask++) {
    let sum = 0;
    let tol = tTol;
    for (let k = 0; k < parts.length; k++) {
      if (mask & (1 << k)) {
        sum += values[k]!;
        tol += tols[k]!;
      }
    }
    if (agrees(target, sum, tol)) return true;
  }
  return false;
}

interface Breakdown {
  total: Item;
  parts: Part[];
  /** the parts claim to be complete (an "other" part, an exhaustive footnote, a parenthesis of parts) */
  complete: boolean;
  where: string;
}

function judgeBreakdown(b: Breakdown): Finding | null {
  const { total, parts } = b;
  if (parts.length === 0 || someSubsetMatches(parts, total)) return null;
  const sum = parts.reduce((s, p) => s + scaled(p, total), 0);
  const tol = sumTolerance([toleranceOf(total.fact), ...parts.map((p) => p.baseTol / 10 ** total.fact.multiplier)]);
  const diff = sum - total.fact.value;
  const partList = parts.map((p) => vn(scaled(p, total))).join(' + ');
  const facts = [total, ...parts.flatMap((p) => (p.item ? [p.item] : []))];
  const totalIsBound = total.fact.qualifier === 'over';
  const partsAreBounds = parts.some((p) => p.qualifier === 'under');
  if (diff > tol && !totalIsBound && !partsAreBounds) {
    return {
      type: 'sum',
      facts,
      message:
        `Các thành phần ${b.where} cộng lại ${partList} = ${withUnit(sum, total)}, lớn hơn tổng số ${named(total)}: ` +
        `vượt ${withUnit(diff, total)} (sai số cho phép ±${vn(tidy(tol))}).`,
      ...gap(total.fact.value, sum, tol),
      key: `exceeds:${parts.map((p) => p.id).join(',')}`,
    };
  }
  const partsAreLowerBounds = parts.some((p) => p.qualifier === 'over');
  if (b.complete && !partsAreLowerBounds && !totalIsBound && !agrees(total.fact.value, sum, tol)) {
    return {
      type: 'sum',
      facts,
      message:
        `Các thành phần ${b.where} được liệt kê đầy đủ nhưng cộng lại ${partList} = ${withUnit(sum, total)}, ` +
        `khác tổng số ${named(total)}: chênh ${withUnit(diff, total)} (sai số cho phép ±${vn(tidy(tol))}).`,
      ...gap(total.fact.value, sum, tol),
      key: `incomplete:${parts.map((p) => p.id).join(',')}`,
    };
  }
  return null;
}

/** `Tổng … X, trong đó: A …; B …` within one sentence (or `… X. Trong đó: A; B.`). */
function sumChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const [, items] of ctx.byBlock) {
    for (const { at, depth, totalFrom, totalTo, end, marker } of items[0]!.reading.block.breakdowns) {
      const pool = items.filter((i) => startOf(i) >= totalFrom && startOf(i) < totalTo && i.depth <= depth && isStock(i));
      const parts = items.filter((i) => startOf(i) > at && startOf(i) < end && i.depth === depth && isStock(i) && !isRatioWhole(i));
      const units = new Set(parts.map((p) => p.fact.unit));
      for (const unit of units) {
        const total = pool.findLast((t) => t.fact.unit === unit && !isRatioWhole(t));
        if (!total) continue;
        const same = parts.filter((p) => p.fact.unit === unit && planClass(p) === planClass(total));
        const f = judgeBreakdown({ total, parts: same.map(partOf), complete: same.some(isOtherPart), where: `sau "${marker}"` });
        if (f) out.push(f);
      }
      out.push(...partLargerThanWhole(pool, parts));
    }
  }
  return out;
}

/**
 * `5.420 hồ sơ … (3.150 A … và 2.270 hồ sơ B)`: a parenthesis that lists the parts of the number right
 * before it (see `PartGroup`), the whole of it: compared as a complete list. A bare part takes the unit
 * and scale of the next part that has one (the unit written once, after the last part); a part in
 * another unit (a share beside it aside) means the parenthesis is not a list of this total's parts.
 */
function partGroupChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const [, items] of ctx.byBlock) {
    const groups = items[0]!.reading.block.partGroups;
    if (groups.length === 0) continue;
    const itemAt = new Map(items.map((i) => [startOf(i), i]));
    for (const g of groups) {
      const total = itemAt.get(g.total.start);
      if (!total || !isStock(total) || total.reading.ratio) continue;
      const parts = partsOfGroup(g, total, itemAt);
      if (!parts || parts.length < 2) continue;
      const f = judgeBreakdown({ total, parts, complete: true, where: 'trong ngoặc đơn' });
      if (f) out.push(f);
    }
  }
  return out;
}

function partsOfGroup(g: PartGroup, total: Item, itemAt: ReadonlyMap<number, Item>): Part[] | null {
  const read = g.parts.map((q) => ({ q, item: itemAt.get(q.start) }));
  const unitOf = (r: (typeof read)[number]) => r.item?.fact.unit ?? r.q.unit;
  const kept = read.filter((r) => unitOf(r) !== 'percent' && unitOf(r) !== 'permille');
  if (kept.some((r) => r.q.ratio || (unitOf(r) !== null && unitOf(r) !== total.fact.unit))) return null;
  if (!kept.some((r) => unitOf(r) === total.fact.unit)) return null;
  const parts: Part[] = [];
  for (const [k, r] of kept.entries()) {
    if (r.item) {
      if (!isStock(r.item) || planClass(r.item) !== planClass(total)) return null;
      parts.push(partOf(r.item));
      continue;
    }
    const scale = kept.slice(k + 1).find((o) => unitOf(o) !== null);
    const multiplier = scale ? (scale.item?.fact.multiplier ?? scale.q.multiplier) : total.fact.multiplier;
    const precision = halfUnit(r.q.decimals) * 10 ** multiplier;
    parts.push({
      item: undefined,
      base: r.q.value * 10 ** multiplier,
      baseTol: precision,
      basePrecision: precision,
      qualifier: r.q.qualifier,
      id: `@${r.q.start}`,
    });
  }
  return parts;
}

/** `180 nghìn lượt bệnh nhân (trong đó gần 7.120 nghìn bệnh nhân …)`: a part counted in another noun of the whole. */
function partLargerThanWhole(pool: readonly Item[], parts: readonly Item[]): Finding[] {
  const out: Finding[] = [];
  for (const p of parts) {
    if (!p.fact.unit?.startsWith('count:') || pool.some((t) => t.fact.unit === p.fact.unit)) continue;
    const noun = fold(p.fact.unit.slice(6));
    const whole = pool.findLast((t) => t.fact.unit?.startsWith('count:') && ` ${foldOnce(t.fact.indicator)} `.includes(` ${noun} `));
    if (!whole || p.fact.qualifier === 'under') continue;
    const tol = toleranceOf(whole.fact) * 10 ** whole.fact.multiplier + toleranceOf(p.fact) * 10 ** p.fact.multiplier;
    if (p.fact.baseValue > whole.fact.baseValue + tol) {
      out.push({
        type: 'plausibility',
        facts: [p, whole],
        message: `Thành phần ${named(p)} = ${vn(p.fact.baseValue)} lớn hơn cả tổng thể ${named(whole)} = ${vn(whole.fact.baseValue)}.`,
        expected: tidy(whole.fact.baseValue / 10 ** p.fact.multiplier),
        found: tidy(p.fact.value),
        difference: tidy((p.fact.baseValue - whole.fact.baseValue) / 10 ** p.fact.multiplier),
        tolerance: tidy(tol / 10 ** p.fact.multiplier),
        key: 'part-larger',
      });
    }
  }
  return out;
}

/** A footnote body that itemizes the number it hangs on (`Trong đó …`, `Trong tổng số …`), or with a `khác` part. */
function footnoteSumChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const byNote = new Map<number, Item[]>();
  for (const i of ctx.items) {
    if (i.fact.inFootnote === null) continue;
    const list = byNote.get(i.fact.inFootnote);
    if (list) list.push(i);
    else byNote.set(i.fact.inFootnote, [i]);
  }
  for (const [note, noteItems] of byNote) {
    const startsItemizing = noteItems[0]!.reading.block.itemizing;
    const parts = noteItems.filter((i) => i.depth === 0 && isStock(i) && !isRatioWhole(i));
    const hasOther = parts.some(isOtherPart);
    if (!startsItemizing && !hasOther) continue;
    let anchor = ctx.items.find((i) => i.fact.inFootnote !== note && i.fact.footnotes.includes(note));
    if (!anchor) continue;
    if (RELATION_KINDS.has(anchor.fact.kind) && anchor.fact.relatesTo) anchor = ctx.byId.get(anchor.fact.relatesTo) ?? anchor;
    const pool = sentenceOf(ctx, anchor).filter((i) => !RELATION_KINDS.has(i.fact.kind) && isAdditive(i.fact));
    const allStock = noteItems.filter((i) => !RELATION_KINDS.has(i.fact.kind));
    for (const unit of new Set(parts.map((p) => p.fact.unit))) {
      const same = parts.filter((p) => p.fact.unit === unit);
      const totals = pool.filter((t) => t.fact.unit === unit);
      if (totals.length === 0 || totals.some((t) => someSubsetMatches(same.map(partOf), t))) continue;
      const total = anchor.fact.unit === unit ? anchor : totals.length === 1 ? totals[0]! : null;
      if (!total) continue;
      const exhaustive = hasOther || (startsItemizing && allStock.every((i) => i.fact.unit === unit));
      const f = judgeBreakdown({ total, parts: same.map(partOf), complete: exhaustive, where: `trong chú thích ${note}` });
      if (f) out.push(f);
    }
  }
  return out;
}

/* ---------- a/b against the stated share ---------- */

/** What joins a pair to its stated share: `28.462/29.433 trẻ, đạt 96,7%`, `5,88%/5,3% vượt chỉ tiêu kế hoạch giao 0,58%`. */
const SHARE_LINK = /(?:đạt|chiếm|bằng|là|vượt)(?:\s+(?:tỷ lệ|chỉ tiêu|kế hoạch|kh|giao|so với))*\s*$/iu;
const PLAN_WORDS = /^[^\d;]{0,30}?(?:kế hoạch|\bkh\b|chỉ tiêu|dự toán)/iu;

interface Side {
  value: number;
  tol: number;
  item: Item | undefined;
  q: Quantity;
}

/**
 * A share written before its pair, which the pair then explains: in a parenthesis opened after the
 * share's words (`đạt 48% số lượt (1.200/2.500 lượt)`, `đạt 62% (số tiền đã nộp 31/50 tỷ đồng)`), or
 * restated right after it (`đạt 48%, tương ứng 1.200/2.500 lượt`).
 */
const EXPLAINED_IN_PARENTHESIS = /^[^()]{0,80}\([^()\d]{0,80}$/u;
/** A parenthesis that itemizes (`(trong đó 30/25 ha A đạt 120%; …)`) lists parts with shares of their own. */
const ITEMIZES = /(?:trong đó|trong số|bao gồm|gồm|cụ thể|riêng)/iu;
const RESTATED_AFTER = /^[\s,:*–-]*(?:tương ứng|tương đương|tức là|tức|với)?[\s:*]*$/u;

const MARKS = /[⁰¹²³⁴⁵⁶⁷⁸⁹*]/gu;

interface StatedShare {
  stated: Item;
  /** the words that join the share to the pair, ending right before the share */
  link: string;
  /** the words after the share, where a plan is named */
  after: string;
}

/**
 * The percentage a pair is stated as, from its own clause only: the one right before it when the pair
 * explains it in a parenthesis; else the number right after it when a share verb joins them
 * (`28.462/29.433 trẻ, đạt 96,7%`); else the one right before it that it restates.
 */
function statedShareOf(pair: RatioPair, itemAt: ReadonlyMap<number, Item>): StatedShare | null {
  const { next, previous } = pair;
  let before: StatedShare | null = null;
  let explains = false;
  if (previous && previous.quantity.unit === 'percent') {
    const stated = itemAt.get(previous.quantity.start);
    const link = previous.before.replace(MARKS, '');
    const between = previous.between.replace(MARKS, '');
    explains = EXPLAINED_IN_PARENTHESIS.test(between) && !ITEMIZES.test(between);
    // a share of plan before the pair is not what the pair's halves give (`đạt 58,8%, đạt 100% KH (10/17 thôn)`)
    const ofPlan = stated !== undefined && (['share_of_plan', 'over_plan'].includes(stated.fact.kind) || PLAN_WORDS.test(between));
    if (stated?.fact.unit === 'percent' && !ofPlan && SHARE_LINK.test(link) && (explains || RESTATED_AFTER.test(between)))
      before = { stated, link, after: between };
  }
  if (before && explains) return before;
  if (next && (next.quantity.unit === 'percent' || next.quantity.unit === null)) {
    const stated = itemAt.get(next.quantity.start);
    const link = next.between.replace(MARKS, '');
    if (stated?.fact.unit === 'percent' && SHARE_LINK.test(link)) return { stated, link, after: next.after };
  }
  return before;
}

function ratioChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const [, items] of ctx.byBlock) {
    const itemAt = new Map(items.map((i) => [startOf(i), i]));
    for (const pair of items[0]!.reading.block.pairs) {
      const { left, right } = pair;
      const share = statedShareOf(pair, itemAt);
      if (!share) continue;
      const { stated, link: between, after } = share;
      const l = side(left, itemAt);
      const r = side(right, itemAt);
      if (r.value === 0) continue;
      const againstPlan = ['share_of_plan', 'over_plan'].includes(stated.fact.kind) || PLAN_WORDS.test(after) || /vượt/iu.test(between);
      const over = stated.fact.kind === 'over_plan' || /vượt\s*(?:\S+\s*){0,4}$/iu.test(between);
      const ratio = (100 * l.value) / r.value;
      const rTol = 100 * quotientTolerance(l.value, l.tol, r.value, r.tol);
      const sTol = toleranceOf(stated.fact) * STATED_RESULT_SLACK;
      const candidates = over ? [ratio - 100, ...(left.unit === 'percent' ? [l.value - r.value] : [])] : [ratio];
      const expected = candidates.reduce((best, c) => (Math.abs(c - stated.fact.value) < Math.abs(best - stated.fact.value) ? c : best));
      const tol = rTol + sTol + (over && left.unit === 'percent' ? l.tol + r.tol : 0);
      const facts = [stated, ...[l.item, r.item].filter((x): x is Item => x !== undefined)];
      const pairText = `${left.raw.trim()}/${right.raw.trim()}`;
      if (!agrees(expected, stated.fact.value, tol)) {
        out.push({
          type: againstPlan ? 'share_of_plan' : 'ratio',
          facts,
          message:
            `${pairText}: ${vn(l.value)} / ${vn(r.value)} = ${vn(tidy(ratio))}%` +
            (over ? `, tức vượt ${vn(tidy(expected))}%` : '') +
            `, nhưng báo cáo ghi ${stated.fact.raw.trim()}${stated.fact.unit === 'percent' && !/%/.test(stated.fact.raw) ? '%' : ''}` +
            ` (chênh ${vn(tidy(stated.fact.value - expected))}, sai số cho phép ±${vn(tidy(tol))}).`,
          ...gap(expected, stated.fact.value, tol),
          key: `pair:${left.start}`,
        });
      }
      if (!againstPlan && l.value > r.value + l.tol + r.tol) {
        out.push({
          type: 'plausibility',
          facts: [...[l.item, r.item].filter((x): x is Item => x !== undefined), stated],
          message: `${pairText}: phần (${vn(l.value)}) lớn hơn tổng thể (${vn(r.value)}) mà báo cáo ghi là một tỷ lệ ${stated.fact.raw.trim()}.`,
          ...gap(r.value, l.value, l.tol + r.tol),
          key: `part-whole:${left.start}`,
        });
      }
    }
  }
  return out;
}

function side(q: Quantity, itemAt: ReadonlyMap<number, Item>): Side {
  const item = itemAt.get(q.start);
  const f = item?.fact;
  return {
    value: f ? f.value : q.value,
    tol: f ? toleranceOf(f) : halfUnit(q.decimals),
    item,
    q,
  };
}

/* ---------- `X chiếm Y% <whole>` against the whole stated before it ---------- */

function shareOfWholeChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const s of ctx.items) {
    if (s.fact.kind !== 'share' || s.fact.unit !== 'percent' || !s.fact.relatesTo) continue;
    const part = ctx.byId.get(s.fact.relatesTo);
    if (!part || part.reading.ratio || part.fact.unit === null) continue;
    const wanted = labelWords(s.reading.wordsAfter);
    if (wanted.size === 0) continue;
    const whole = [...(ctx.byBlock.get(s.fact.source.block) ?? [])]
      .reverse()
      .find(
        (w) =>
          w !== part &&
          startOf(w) < startOf(s) &&
          w.fact.unit === part.fact.unit &&
          !RELATION_KINDS.has(w.fact.kind) &&
          [...wanted].every((word) => labelWords(w.fact.indicator).has(word)),
      );
    if (!whole || whole.fact.baseValue === 0) continue;
    const share = (100 * part.fact.baseValue) / whole.fact.baseValue;
    const tol = statedShareTolerance(part.fact, whole.fact, s.fact);
    if (agrees(share, s.fact.value, tol)) continue;
    out.push({
      type: 'ratio',
      facts: [s, part, whole],
      message:
        `${named(part)} / ${named(whole)} = ${vn(tidy(share))}%, nhưng báo cáo ghi chiếm ${vn(s.fact.value)}% ` +
        `(chênh ${vn(tidy(s.fact.value - share))}, sai số cho phép ±${vn(tidy(tol))}).`,
      ...gap(share, s.fact.value, tol),
      key: 'share-of-whole',
    });
  }
  return out;
}

/* ---------- actual against a plan stated in the same sentence ---------- */

/** A number explicitly named a plan: `(KH 564,9 tỷ)`, `Kế hoạch vốn giao … là 360.086 triệu đồng`. */
const NAMED_PLAN = /(?:kế hoạch|\bkh\b|chỉ tiêu|dự toán)[^\d;]{0,40}$/iu;

function planChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const s of ctx.items) {
    if ((s.fact.kind !== 'share_of_plan' && s.fact.kind !== 'over_plan') || !s.fact.relatesTo) continue;
    const x = ctx.byId.get(s.fact.relatesTo);
    if (!x || x.reading.ratio || x.fact.unit === null || x.fact.value === 0) continue;
    const plans = sentenceOf(ctx, s).filter(
      (p) =>
        p !== x &&
        p.fact.kind === 'plan' &&
        p.fact.unit === x.fact.unit &&
        !p.reading.ratio &&
        NAMED_PLAN.test(p.reading.before.replace(/\b(?:19|20)\d{2}\b/g, 'năm')),
    );
    const plan = plans.sort((a, b) => Math.abs(startOf(a) - startOf(x)) - Math.abs(startOf(b) - startOf(x)))[0];
    if (!plan || plan.fact.baseValue === 0) continue;
    const xv = x.fact.baseValue;
    const pv = plan.fact.baseValue;
    const share = (100 * xv) / pv;
    const expected = s.fact.kind === 'over_plan' ? (x.fact.unit === 'percent' ? x.fact.value - plan.fact.value : share - 100) : share;
    const tol = statedShareTolerance(x.fact, plan.fact, s.fact);
    if (agrees(expected, s.fact.value, tol)) continue;
    out.push({
      type: 'share_of_plan',
      facts: [s, x, plan],
      message:
        `${named(x)} so với kế hoạch ${withUnit(plan.fact.value, plan)} là ${vn(tidy(share))}%` +
        `, nhưng báo cáo ghi ${s.fact.kind === 'over_plan' ? 'vượt ' : 'đạt '}${vn(s.fact.value)}% ` +
        `(chênh ${vn(tidy(s.fact.value - expected))}, sai số cho phép ±${vn(tidy(tol))}).`,
      ...gap(expected, s.fact.value, tol),
      key: 'plan',
    });
  }
  return out;
}

/* ---------- area × yield against output ---------- */

function dimension(i: Item): 'area' | 'yield' | 'output' | null {
  if (RELATION_KINDS.has(i.fact.kind) || i.fact.kind === 'previous' || isRatioWhole(i)) return null;
  if (i.fact.unit === 'ha') return 'area';
  if (i.fact.unit === 'quintal_per_ha') return 'yield';
  if (i.fact.unit === 'tonne' || i.fact.unit === 'quintal') return 'output';
  return null;
}

function productChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const [, items] of ctx.byBlock) {
    for (const y of items.filter((i) => dimension(i) === 'yield')) {
      const seq = items.filter((i) => i.depth === y.depth && dimension(i) !== null);
      const k = seq.indexOf(y);
      const a = seq[k - 1];
      const o = seq[k + 1];
      let area: Item | undefined;
      let output: Item | undefined;
      if (a && o && dimension(a) === 'area' && dimension(o) === 'output') [area, output] = [a, o];
      const a2 = seq[k - 2];
      if (!area && a2 && a && dimension(a2) === 'area' && dimension(a) === 'output' && a2.reading.sentence.start === y.reading.sentence.start) {
        [area, output] = [a2, a];
      }
      if (!area || !output) continue;
      const ha = area.fact.baseValue;
      const perHa = y.fact.value;
      const toOutput = output.fact.unit === 'tonne' ? 0.1 : 1;
      const expected = ha * perHa * toOutput;
      const tol = productTolerance(ha, toleranceOf(area.fact), perHa, toleranceOf(y.fact)) * toOutput * STATED_RESULT_SLACK + toleranceOf(output.fact);
      const found = output.fact.baseValue;
      if (agrees(expected, found, tol)) continue;
      out.push({
        type: 'product',
        facts: [output, area, y],
        message:
          `Diện tích × năng suất: ${withUnit(ha, area)} × ${vn(perHa)} tạ/ha = ${withUnit(tidy(expected), output)}, ` +
          `nhưng sản lượng ghi ${named(output)}: chênh ${vn(tidy(found - expected))} (sai số cho phép ±${vn(tidy(tol))}).`,
        ...gap(expected, found, tol),
        key: 'product',
      });
    }
  }
  return out;
}

/* ---------- value against previous value and the stated growth or change ---------- */

function growthChecks(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const g of ctx.items) {
    if (g.fact.kind !== 'growth' && g.fact.kind !== 'change') continue;
    const sentence = sentenceOf(ctx, g);
    const x = g.fact.relatesTo
      ? ctx.byId.get(g.fact.relatesTo)
      : sentence.findLast((i) => startOf(i) < startOf(g) && !RELATION_KINDS.has(i.fact.kind) && i.fact.kind !== 'previous' && i.depth <= g.depth);
    if (!x) continue;
    const prev = sentence.find(
      (p) => p.fact.kind === 'previous' && (p.fact.unit === x.fact.unit || (p.fact.unit?.startsWith('count:') && x.fact.unit?.startsWith('count:'))),
    );
    if (!prev || prev.fact.baseValue === 0) continue;
    if ([x, prev].some((i) => i.fact.qualifier === 'over' || i.fact.qualifier === 'under')) continue;
    const xv = x.fact.baseValue;
    const pv = prev.fact.baseValue;
    const xt = toleranceOf(x.fact) * 10 ** x.fact.multiplier;
    const pt = toleranceOf(prev.fact) * 10 ** prev.fact.multiplier;
    let expected: number;
    let tol: number;
    if (g.fact.kind === 'growth') {
      expected = (100 * xv) / pv - 100;
      tol = statedShareTolerance(x.fact, prev.fact, g.fact);
    } else {
      expected = (xv - pv) / 10 ** g.fact.multiplier;
      tol = (xt + pt) / 10 ** g.fact.multiplier + toleranceOf(g.fact);
    }
    if (agrees(expected, g.fact.value, tol)) continue;
    out.push({
      type: 'growth',
      facts: [g, x, prev],
      message:
        `${named(x)} so với cùng kỳ ${named(prev)}: ` +
        (g.fact.kind === 'growth' ? `tăng/giảm ${vn(tidy(expected))}%` : `chênh ${vn(tidy(expected))}`) +
        `, nhưng báo cáo ghi ${g.fact.raw.trim()} (sai số cho phép ±${vn(tidy(tol))}).`,
      ...gap(expected, g.fact.value, tol),
      key: 'growth',
    });
  }
  return out;
}

/* ---------- values implied by relations ---------- */

/** A plan or previous-year value that a relation implies (`đạt 101,49% kế hoạch`, `tăng 1,16%`). */
export interface DerivedValue {
  /** the fact the value is about (the one the relation qualifies) */
  factId: string;
  /** the relation fact it was computed from */
  fromFactId: string;
  kind: 'plan' | 'previous';
  year: number | null;
  /** in the subject fact's written scale and unit */
  value: number;
  tolerance: number;
  unit: string | null;
  multiplier: number;
}

/**
 * Plans implied by a share of plan (value ÷ share × 100) or an excess over plan, and previous-year values
 * implied by growth (value ÷ (1 + g/100)) or change (value − change). Rates are left out: whether a
 * `vượt 0,58%` of a rate is relative or in percentage points cannot be told.
 */
export function deriveValues(facts: readonly Fact[]): DerivedValue[] {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const out: DerivedValue[] = [];
  for (const r of facts) {
    if (!r.relatesTo) continue;
    const x = byId.get(r.relatesTo);
    if (!x || x.unit === null || x.unit === 'percent' || x.unit === 'permille' || RELATION_KINDS.has(x.kind)) continue;
    if (x.qualifier === 'over' || x.qualifier === 'under' || r.qualifier === 'over' || r.qualifier === 'under') continue;
    const xt = toleranceOf(x);
    const rt = toleranceOf(r);
    const base = { factId: x.id, fromFactId: r.id, unit: x.unit, multiplier: x.multiplier };
    if ((r.kind === 'share_of_plan' || r.kind === 'over_plan') && r.unit === 'percent') {
      const share = r.kind === 'over_plan' ? 100 + r.value : r.value;
      if (share <= 0) continue;
      const value = (x.value * 100) / share;
      out.push({ ...base, kind: 'plan', year: x.year, value: tidy(value), tolerance: tidy(100 * quotientTolerance(x.value, xt, share, rt)) });
    } else if (r.kind === 'growth' && r.unit === 'percent' && r.value > -100) {
      const value = x.value / (1 + r.value / 100);
      out.push({
        ...base,
        kind: 'previous',
        year: x.year === null ? null : x.year - 1,
        value: tidy(value),
        tolerance: tidy(100 * quotientTolerance(x.value, xt, 100 + r.value, rt)),
      });
    } else if (r.kind === 'change' && r.unit === x.unit && r.multiplier === x.multiplier) {
      out.push({ ...base, kind: 'previous', year: x.year === null ? null : x.year - 1, value: tidy(x.value - r.value), tolerance: tidy(xt + rt) });
    }
  }
  return out;
}
