import { z } from 'zod';
import { DocumentMetadata, Format } from './document.ts';
import { Fact, Kind, Status } from './fact.ts';
import { Mismatch, MismatchStatus, MismatchType } from './mismatch.ts';
import { Qualifier } from './quantity.ts';
import { isUnitCode } from './units.ts';

/**
 * What the pipeline hands the loader for one document: everything that goes into the warehouse in
 * one transaction. The loader never parses text; it only stores this.
 */
export const LoadInput = z.object({
  document: z.object({
    id: z.string().length(64),
    file: z.string(),
    format: Format,
    pages: z.number().int().nonnegative().nullable(),
    metadata: DocumentMetadata,
  }),
  facts: z.array(Fact),
  mismatches: z.array(Mismatch),
  footnotes: z.array(z.object({ number: z.number().int().positive(), text: z.string(), page: z.number().int().nullable() })),
  messages: z.array(z.object({ type: z.enum(['error', 'warning', 'info']), message: z.string(), stage: z.string().optional() })),
});
export type LoadInput = z.infer<typeof LoadInput>;

export type LoadOutcome =
  | { status: 'loaded'; documentId: string; facts: number; mismatches: number; supersedes: string | null }
  | { status: 'skipped'; documentId: string; reason: string }
  | { status: 'failed'; documentId: string; reason: string };

/* ---------- the loader's check of its input ---------- */

/**
 * The loader's own check of its input, the same rules as `LoadInput`, at a fraction of zod's cost: the
 * loader runs on the single writer thread, where a full zod parse of ~200 facts per document (already
 * parsed once by the validate stage in the worker) cost as much as writing them. It only accepts what
 * `LoadInput.parse` accepts (tests/warehouse/load-input.test.ts holds the two together); unlike a parse,
 * it returns no copy, so the loader must read only the keys the schema names.
 */
export interface InputIssue {
  path: string;
  message: string;
}

/**
 * A check adds an issue for each rule `value` breaks. The path of a value is only spelled out when it
 * fails (`parent` + `key`): building it for every field of every fact cost more than the checks.
 */
type Check = (value: unknown, issues: InputIssue[], parent: string, key: string | number) => void;

const pathOf = (parent: string, key: string | number) => (parent ? `${parent}.${key}` : String(key));
const fail = (issues: InputIssue[], parent: string, key: string | number, message: string) => {
  issues.push({ path: pathOf(parent, key), message });
};
const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isNaN(v) ? 'NaN' : typeof v);

const string = (length?: number): Check => (v, issues, parent, key) => {
  if (typeof v !== 'string') fail(issues, parent, key, `expected string, received ${typeName(v)}`);
  else if (length !== undefined && v.length !== length) fail(issues, parent, key, `expected a string of ${length} characters`);
};

interface NumberRule {
  int?: boolean;
  min?: number;
  max?: number;
}
const number = (rule: NumberRule = {}): Check => (v, issues, parent, key) => {
  // zod's z.number() refuses NaN and ±Infinity; .int() means a safe integer
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(issues, parent, key, `expected number, received ${typeName(v)}`);
  else if (rule.int && !Number.isSafeInteger(v)) fail(issues, parent, key, 'expected int');
  else if (rule.min !== undefined && v < rule.min) fail(issues, parent, key, `expected >= ${rule.min}`);
  else if (rule.max !== undefined && v > rule.max) fail(issues, parent, key, `expected <= ${rule.max}`);
};

const oneOf = (options: readonly string[]): Check => {
  const allowed = new Set(options);
  return (v, issues, parent, key) => {
    if (typeof v !== 'string' || !allowed.has(v)) fail(issues, parent, key, `expected one of ${options.map((o) => `"${o}"`).join('|')}`);
  };
};

const unitCode: Check = (v, issues, parent, key) => {
  if (typeof v !== 'string') fail(issues, parent, key, `expected string, received ${typeName(v)}`);
  else if (!isUnitCode(v)) fail(issues, parent, key, 'not a unit code of the vocabulary');
};

const nullable = (check: Check): Check => (v, issues, parent, key) => {
  if (v !== null) check(v, issues, parent, key);
};
const optional = (check: Check): Check => (v, issues, parent, key) => {
  if (v !== undefined) check(v, issues, parent, key);
};

const arrayOf = (check: Check): Check => (v, issues, parent, key) => {
  if (!Array.isArray(v)) return fail(issues, parent, key, `expected array, received ${typeName(v)}`);
  const path = pathOf(parent, key);
  for (let i = 0; i < v.length; i++) check(v[i], issues, path, i);
};

/** Objects are checked key by key against a shape; keys the shape does not name are ignored, as zod strips them. */
export type Shape = Readonly<Record<string, Check>>;
const object = (shape: Shape): Check => {
  const keys = Object.keys(shape);
  const checks = Object.values(shape);
  return (v, issues, parent, key) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(issues, parent, key, `expected object, received ${typeName(v)}`);
    const o = v as Record<string, unknown>;
    const before = issues.length;
    // checked against the empty path, then prefixed: the common case (no issue) builds no path at all
    for (let i = 0; i < keys.length; i++) checks[i]!(o[keys[i]!], issues, '', keys[i]!);
    if (issues.length > before && (parent || key !== '')) {
      const path = pathOf(parent, key);
      for (let i = before; i < issues.length; i++) issues[i]!.path = `${path}.${issues[i]!.path}`;
    }
  };
};

const nonnegativeInt = number({ int: true, min: 0 });
const positiveInt = number({ int: true, min: 1 });
const int = number({ int: true });

/** The shapes the checks follow, exported so a test can hold them to the zod schemas' keys. */
export const SHAPES = {
  source: {
    file: string(),
    page: optional(positiveInt),
    sheet: optional(string()),
    cell: optional(string()),
    block: nonnegativeInt,
    start: nonnegativeInt,
    end: nonnegativeInt,
    text: string(),
    textStart: optional(nonnegativeInt),
    textEnd: optional(nonnegativeInt),
  },
  mismatchSource: {
    file: string(),
    page: optional(int),
    block: int,
    start: int,
    end: int,
    text: string(),
  },
  metadata: {
    number: nullable(string()),
    issuer: nullable(string()),
    place: nullable(string()),
    date: nullable(string()),
    month: nullable(int),
    type: nullable(string()),
    title: nullable(string()),
    reportYear: nullable(int),
    planYear: nullable(int),
    area: nullable(string()),
    province: nullable(string()),
  },
} satisfies Record<string, Shape>;

const FACT_SHAPE = {
  id: string(),
  documentId: string(64),
  indicator: string(),
  indicatorId: nullable(string()),
  value: number(),
  unit: nullable(unitCode),
  unitText: nullable(string()),
  multiplier: int,
  baseValue: number(),
  year: nullable(number({ int: true, min: 1900, max: 2200 })),
  kind: oneOf(Kind.options),
  qualifier: nullable(oneOf(Qualifier.options)),
  relatesTo: nullable(string()),
  footnotes: arrayOf(positiveInt),
  inFootnote: nullable(positiveInt),
  source: object(SHAPES.source),
  status: oneOf(Status.options),
  raw: string(),
  headingPath: arrayOf(string()),
  decimals: nonnegativeInt,
} satisfies Shape;

const MISMATCH_SHAPE = {
  id: string(),
  documentId: string(),
  type: oneOf(MismatchType.options),
  message: string(),
  factIds: arrayOf(string()),
  expected: nullable(number()),
  found: nullable(number()),
  difference: nullable(number()),
  tolerance: nullable(number()),
  source: nullable(object(SHAPES.mismatchSource)),
  status: oneOf(MismatchStatus.options),
} satisfies Shape;

const DOCUMENT_SHAPE = {
  id: string(64),
  file: string(),
  format: oneOf(Format.options),
  pages: nullable(nonnegativeInt),
  metadata: object(SHAPES.metadata),
} satisfies Shape;

const FOOTNOTE_SHAPE = { number: positiveInt, text: string(), page: nullable(int) } satisfies Shape;
const MESSAGE_SHAPE = { type: oneOf(['error', 'warning', 'info']), message: string(), stage: optional(string()) } satisfies Shape;

export const LOAD_INPUT_SHAPES = {
  ...SHAPES,
  fact: FACT_SHAPE,
  mismatch: MISMATCH_SHAPE,
  document: DOCUMENT_SHAPE,
  footnote: FOOTNOTE_SHAPE,
  message: MESSAGE_SHAPE,
} satisfies Record<string, Shape>;

const checkInput = object({
  document: object(DOCUMENT_SHAPE),
  facts: arrayOf(object(FACT_SHAPE)),
  mismatches: arrayOf(object(MISMATCH_SHAPE)),
  footnotes: arrayOf(object(FOOTNOTE_SHAPE)),
  messages: arrayOf(object(MESSAGE_SHAPE)),
});

/** Every way `input` breaks the LoadInput schema, each with its path (`facts.0.kind`); empty when it is a LoadInput. */
export function loadInputIssues(input: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  checkInput(input, issues, '', '');
  return issues;
}

export function isLoadInput(input: unknown): input is LoadInput {
  return loadInputIssues(input).length === 0;
}
