import type { Fact } from '../../../schema/fact.ts';

/**
 * Tolerances from the precision the report wrote. A number written with d decimals is exact to half a
 * unit of its last digit (`8.396,5` ± 0,05; `99,83%` ± 0,005), so rounding alone never raises an alarm.
 * Tolerances are in the fact's written scale (its `value`, not its `baseValue`).
 */

/** Half a unit of the last written digit. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/**
 * How far a report's "about" (`khoảng`, `gần`, `xấp xỉ`) may sit from the exact figure: 1 % of the value.
 * An approximate total still names the same quantity as its parts; a gap beyond 1 % means the parts and
 * the total no longer describe the same thing (the hydropower capacities of footnote 21 differ by 1,3 %).
 */
export const ABOUT_RELATIVE = 0.01;

/**
 * Reports both round and truncate a computed share (`864/1506` = 57,37 % is written `57,3%`), so a
 * stated result checked against one computed from other numbers may sit up to one full unit of its last
 * digit away, twice the rounding half-unit.
 */
export const STATED_RESULT_SLACK = 2;

/** The fact's own uncertainty, in its written scale. */
export function toleranceOf(f: Pick<Fact, 'value' | 'decimals' | 'qualifier'>): number {
  const precision = halfUnit(f.decimals);
  if (f.qualifier === 'about' || f.qualifier === 'nearly') return Math.max(precision, Math.abs(f.value) * ABOUT_RELATIVE);
  return precision;
}

/** The same uncertainty in the canonical unit (× 10^multiplier). */
export function baseToleranceOf(f: Pick<Fact, 'value' | 'decimals' | 'qualifier' | 'multiplier'>): number {
  return toleranceOf(f) * 10 ** f.multiplier;
}

/** Tolerance of a sum: the parts' tolerances add. */
export function sumTolerance(tolerances: readonly number[]): number {
  return tolerances.reduce((a, b) => a + b, 0);
}

/** Tolerance of a × b from first-order error propagation. */
export function productTolerance(a: number, ta: number, b: number, tb: number): number {
  return Math.abs(a) * tb + Math.abs(b) * ta + ta * tb;
}

/** Tolerance of a / b: the worst case over the intervals, so a small denominator widens it honestly. */
export function quotientTolerance(a: number, ta: number, b: number, tb: number): number {
  const q = a / b;
  if (Math.abs(b) <= tb) return Number.POSITIVE_INFINITY;
  const corners = [(a + ta) / (b - tb), (a - ta) / (b - tb), (a + ta) / (b + tb), (a - ta) / (b + tb)];
  return Math.max(...corners.map((c) => Math.abs(c - q)));
}

/**
 * How far a stated percentage may sit from 100 × a / b worked out from two stated values: the quotient's
 * tolerance from both values' written precision, plus the stated share's own rounding or truncation.
 */
export function statedShareTolerance(
  a: Pick<Fact, 'value' | 'decimals' | 'qualifier' | 'baseValue' | 'multiplier'>,
  b: Pick<Fact, 'value' | 'decimals' | 'qualifier' | 'baseValue' | 'multiplier'>,
  stated: Pick<Fact, 'value' | 'decimals' | 'qualifier'>,
): number {
  return (
    100 * quotientTolerance(a.baseValue, toleranceOf(a) * 10 ** a.multiplier, b.baseValue, toleranceOf(b) * 10 ** b.multiplier) +
    toleranceOf(stated) * STATED_RESULT_SLACK
  );
}

/** Whether `found` agrees with `expected` within `tolerance` (with a little room for float noise). */
export function agrees(expected: number, found: number, tolerance: number): boolean {
  return Math.abs(expected - found) <= tolerance + 1e-9 * Math.max(1, Math.abs(expected));
}

/** Rounds for storage and display: enough digits to show the arithmetic, no float noise. */
export function tidy(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(10)) : n;
}

/** A finding's figures: what the other numbers give, what the report says, the gap, and what precision allows. */
export function gap(expected: number, found: number, tolerance: number): { expected: number; found: number; difference: number; tolerance: number } {
  return { expected: tidy(expected), found: tidy(found), difference: tidy(found - expected), tolerance: tidy(tolerance) };
}
