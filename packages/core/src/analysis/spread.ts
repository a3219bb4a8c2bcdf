// Money and quantities spread over a period's calendar years by days, exactly.
import { divideRounded } from '../money/decimal.js';
import { divideHalfEven, EXACT_LIMIT } from './convert.js';
import { daysInYear, type Span } from './dates.js';

/**
 * `spread` by days of a minor amount held in a double, over a span of several years: null unless
 * every product fits a double exactly (the common case), in which case the split is done in
 * integers held as doubles with the same half-to-even rounding, and no bigint is made.
 */
export function spreadByDays(small: number, span: Span, years: number): number[] | null {
  const out = new Array<number>(years);
  return spreadByDaysInto(out, small, span, years) ? out : null;
}

/** `spreadByDays` written into the first `years` places of `out` (a list the caller reuses); false, with `out` partly written, where it gives null. */
export function spreadByDaysInto(out: (number | null)[], small: number, span: Span, years: number): boolean {
  const totalDays = span.to - span.from + 1;
  if (!(totalDays > 0 && small >= 0 && small * totalDays <= EXACT_LIMIT)) return false;
  let days = 0;
  let previous = 0;
  for (let i = 0; i < years; i++) {
    days += daysInYear(span, span.fromYear + i);
    const cumulative = divideHalfEven(small * days, totalDays);
    out[i] = cumulative - previous;
    previous = cumulative;
  }
  return true;
}

/** Money spread over a span by days (cumulative rounding, so the years add up exactly), or in full each year. */
export function spread(minor: bigint, span: Span, perYear: boolean): bigint[] {
  const years = span.toYear - span.fromYear + 1;
  if (years <= 0) return [];
  if (perYear || years === 1) return new Array<bigint>(years).fill(minor);
  const out = new Array<bigint>(years);
  const small = spreadByDays(Number(minor), span, years);
  if (small) {
    for (let i = 0; i < years; i++) out[i] = BigInt(small[i] as number);
    return out;
  }
  const totalDays = span.to - span.from + 1;
  const total = BigInt(totalDays);
  let days = 0;
  let previous = 0n;
  for (let i = 0; i < years; i++) {
    days += daysInYear(span, span.fromYear + i);
    const cumulative = divideRounded(minor * BigInt(days), total);
    out[i] = cumulative - previous;
    previous = cumulative;
  }
  return out;
}
