import type { Anomaly, Quantity } from '../../schema/quantity.ts';

/**
 * What the extract stage read around one number beyond the fact it became: where it sits in its
 * sentence and parentheses, how it was read, and the few pieces of wording the checks test. Validate and
 * the checks read facts and this, never the text again, so the grammar and the text structure stay with
 * the extract stage.
 */
export interface Extracted {
  /** `a/b` forms: the pair's group and which half this number is */
  ratio: Quantity['ratio'];
  /** parenthesis depth at the number */
  depth: number;
  /** the number's sentence, as offsets into its block's text */
  sentence: { start: number; end: number };
  /**
   * the number's clause, as offsets into its block's text: bounded by sentence ends, `;` and the
   * numbered or lettered items of a list (`(1) …`, `a) …`)
   */
  clause: { start: number; end: number };
  /** what was odd about how the number was written */
  anomalies: readonly Anomaly[];
  /** why a value or unit was inferred rather than read: each becomes a warning a reviewer sees */
  inferred: readonly string[];
  /** the text just before the number (up to `BEFORE_LENGTH` characters), where a plan is named (`KH 564,9 tỷ`) */
  before: string;
  /** the words right after the number, up to a digit or punctuation: the whole a share is of (`chiếm 12% tổng diện tích`) */
  wordsAfter: string;
  /** what was read about the number's block, shared by its numbers */
  block: BlockReading;
}

/** How far before a number `Extracted.before` reaches. */
export const BEFORE_LENGTH = 60;

/** What the extract stage read about one block, for the checks that look at a block as a whole. */
export interface BlockReading {
  index: number;
  /** every `trong đó` of the block: where its total may be stated and where its parts are */
  breakdowns: readonly Breakdown[];
  /** every complete `a/b` pair of the block, in the order of the text */
  pairs: readonly RatioPair[];
  /** every parenthesis that lists the parts of the number right before it */
  partGroups: readonly PartGroup[];
  /** a footnote body that opens by itemizing (`Trong đó …`, `Gồm …`, `Cụ thể …`) */
  itemizing: boolean;
}

/**
 * `Tổng … X, trong đó: A …; B …`: the total is stated between `totalFrom` and `totalTo` (the sentence
 * before when `Trong đó` opens a sentence), its parts after `at` and before `end`, at parenthesis depth
 * `depth`.
 */
export interface Breakdown {
  /** the word that announces the parts, lower-cased (`trong đó`, `gồm`, `bao gồm`) */
  marker: string;
  at: number;
  depth: number;
  totalFrom: number;
  totalTo: number;
  end: number;
}

/**
 * An `a/b` pair and the numbers either side of it in its clause (see `Extracted.clause`), with the words
 * between: `28.462/29.433 trẻ, đạt 96,7%`, `đạt 48% số lượt (1.200/2.500 lượt)`. Either half may be a
 * bare number that is not a fact. A number in another clause is never one of them.
 */
export interface RatioPair {
  left: Quantity;
  right: Quantity;
  /** the pair's clause */
  clause: { start: number; end: number };
  /** null when no number follows the pair in its clause */
  next: {
    quantity: Quantity;
    /** the text from the pair's end to the next number */
    between: string;
    /** up to 40 characters after the next number */
    after: string;
  } | null;
  /** null when no number precedes the pair in its clause */
  previous: {
    quantity: Quantity;
    /** the text from the previous number's end to the pair's start */
    between: string;
    /** up to 40 characters before the previous number, within the clause */
    before: string;
  } | null;
}

/**
 * `5.420 hồ sơ … (3.150 A … và 2.270 hồ sơ B)`: a parenthesis that opens with a number, right after a
 * number of its clause with only words between, and lists numbers joined by `và`, `,`, `;` or `+`, with
 * no word that makes them a restatement or a relation (`tương đương`, `đạt`, `tăng`, `trong đó`). The
 * parts may be bare numbers that are not facts (the unit written once, after the last part).
 */
export interface PartGroup {
  /** the number the parenthesis follows */
  total: Quantity;
  /** the numbers that open the parenthesis or follow one of its joiners, in the order of the text */
  parts: readonly Quantity[];
  /** where the parenthesis opens and closes */
  open: number;
  close: number;
  /** parenthesis depth inside it */
  depth: number;
}
