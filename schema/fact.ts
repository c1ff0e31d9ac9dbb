import { z } from 'zod';
import { isPeriod, PeriodSchema } from './period.ts';
import { Place } from './place.ts';
import { Qualifier, UnitCodeSchema } from './quantity.ts';
import { isUnitCode } from './units.ts';

export const Kind = z.enum(['actual', 'estimate', 'plan', 'previous', 'cumulative', 'average', 'share_of_plan', 'over_plan', 'growth', 'change', 'share']);
export type Kind = z.infer<typeof Kind>;
/** The kinds that qualify another number (share of plan, growth…) rather than state one. */
export const RELATION_KINDS: ReadonlySet<Kind> = new Set<Kind>(['share_of_plan', 'over_plan', 'growth', 'change', 'share']);

export const Status = z.enum(['ok', 'flagged', 'accepted', 'corrected', 'rejected']);
export type Status = z.infer<typeof Status>;

export const FactSource = Place.extend({
  /** the sentence the number came from */
  text: z.string(),
  /** offsets of the number within `text` */
  textStart: z.number().int().nonnegative().optional(),
  textEnd: z.number().int().nonnegative().optional(),
  /**
   * read by OCR: Tesseract's lowest confidence (0–100) over the number's words, and the number's box on
   * its page (PDF points from the top-left corner: left, top, right, bottom) for the reviewer's crop
   */
  ocr: z
    .object({
      confidence: z.number().min(0).max(100),
      box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      /** what was repaired in OCR's reading of the number or its unit, or what is doubtful in it */
      doubt: z.string().optional(),
    })
    .optional(),
});
export type FactSource = z.infer<typeof FactSource>;

/** The unit of the warehouse: one number as the report states it (PRODUCT.md, "Fact"). */
export const Fact = z.object({
  id: z.string(),
  documentId: z.string().length(64),
  indicator: z.string(),
  indicatorId: z.string().nullable(),
  value: z.number().finite(),
  unit: UnitCodeSchema.nullable(),
  unitText: z.string().nullable(),
  multiplier: z.number().int(),
  baseValue: z.number().finite(),
  year: z.number().int().min(1900).max(2200).nullable(),
  /** the period the number is about, as SDMX writes TIME_PERIOD (`2026`, `2026-Q1`, `2026-01/2026-03`; schema/period.ts) */
  period: PeriodSchema.nullable(),
  kind: Kind,
  qualifier: Qualifier.nullable(),
  relatesTo: z.string().nullable(),
  footnotes: z.array(z.number().int().positive()),
  inFootnote: z.number().int().positive().nullable(),
  source: FactSource,
  status: Status,
  /** extra, not in the contract: the raw characters and the heading path, for reviewers */
  raw: z.string(),
  headingPath: z.array(z.string()),
  decimals: z.number().int().nonnegative(),
});
export type Fact = z.infer<typeof Fact>;

const KINDS: ReadonlySet<unknown> = new Set(Kind.options);
const STATUSES: ReadonlySet<unknown> = new Set(Status.options);
const QUALIFIERS: ReadonlySet<unknown> = new Set(Qualifier.options);
const FACT_KEYS = Object.keys(Fact.shape);
const SOURCE_KEYS = Object.keys(FactSource.shape);
const SOURCE_OPTIONAL = new Set(['page', 'sheet', 'cell', 'textStart', 'textEnd', 'ocr']);

const isString = (v: unknown): v is string => typeof v === 'string';
/** Indexed, so a hole (which `every` would skip) fails as it fails zod. */
function allOf(a: unknown, test: (v: unknown) => boolean): boolean {
  if (!Array.isArray(a)) return false;
  for (let i = 0; i < a.length; i++) if (!test(a[i])) return false;
  return true;
}
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): boolean =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

/** Own keys in the schema's order, optional ones left out only where allowed: then zod's output has the same shape. */
function keysInOrder(o: object, keys: readonly string[], optional: ReadonlySet<string>): boolean {
  let k = 0;
  for (const key in o) {
    if (!Object.hasOwn(o, key)) return false;
    while (k < keys.length && keys[k] !== key && optional.has(keys[k]!)) k++;
    if (keys[k] !== key) return false;
    k++;
  }
  while (k < keys.length && optional.has(keys[k]!)) k++;
  return k === keys.length;
}

const OCR_OPTIONAL = new Set(['doubt']);

function isOcrShape(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || !keysInOrder(v, ['confidence', 'box', 'doubt'], OCR_OPTIONAL)) return false;
  const o = v as Record<string, unknown>;
  const c = o.confidence;
  return (
    isFiniteNumber(c) &&
    c >= 0 &&
    c <= 100 &&
    Array.isArray(o.box) &&
    o.box.length === 4 &&
    allOf(o.box, isFiniteNumber) &&
    (!('doubt' in o) || isString(o.doubt))
  );
}

function isSourceShape(s: unknown): boolean {
  if (typeof s !== 'object' || s === null || Array.isArray(s) || !keysInOrder(s, SOURCE_KEYS, SOURCE_OPTIONAL)) return false;
  const o = s as Record<string, unknown>;
  return (
    isString(o.file) &&
    (!('page' in o) || isInt(o.page, 1)) &&
    (!('sheet' in o) || isString(o.sheet)) &&
    (!('cell' in o) || isString(o.cell)) &&
    isInt(o.block, 0) &&
    isInt(o.start, 0) &&
    isInt(o.end, 0) &&
    isString(o.text) &&
    (!('textStart' in o) || isInt(o.textStart, 0)) &&
    (!('textEnd' in o) || isInt(o.textEnd, 0)) &&
    (!('ocr' in o) || isOcrShape(o.ocr))
  );
}

/**
 * A cheap, conservative stand-in for `Fact.safeParse` on facts the pipeline built itself: true only when
 * zod would accept the value and hand back an object of the same keys, order and values, so the caller may
 * keep the value as it is. False says nothing: ask zod, which also gives the message.
 * Why a second schema: validate and the loader's single writer check every fact, and there a zod parse
 * costs about as much as the work around it. tests/validation/fact-shape.test.ts holds it to zod.
 */
export function isWellFormedFact(f: unknown): f is Fact {
  if (typeof f !== 'object' || f === null || Array.isArray(f) || !keysInOrder(f, FACT_KEYS, new Set())) return false;
  const o = f as Record<string, unknown>;
  return (
    isString(o.id) &&
    isString(o.documentId) &&
    o.documentId.length === 64 &&
    isString(o.indicator) &&
    (o.indicatorId === null || isString(o.indicatorId)) &&
    isFiniteNumber(o.value) &&
    (o.unit === null || (isString(o.unit) && isUnitCode(o.unit))) &&
    (o.unitText === null || isString(o.unitText)) &&
    isInt(o.multiplier) &&
    isFiniteNumber(o.baseValue) &&
    (o.year === null || isInt(o.year, 1900, 2200)) &&
    (o.period === null || isPeriod(o.period)) &&
    KINDS.has(o.kind) &&
    (o.qualifier === null || QUALIFIERS.has(o.qualifier)) &&
    (o.relatesTo === null || isString(o.relatesTo)) &&
    allOf(o.footnotes, (n) => isInt(n, 1)) &&
    (o.inFootnote === null || isInt(o.inFootnote, 1)) &&
    isSourceShape(o.source) &&
    STATUSES.has(o.status) &&
    isString(o.raw) &&
    allOf(o.headingPath, isString) &&
    isInt(o.decimals, 0)
  );
}
