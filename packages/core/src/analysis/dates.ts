// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, UTC). Integer
// arithmetic only, no Date and no clock: every date is a parameter.

function digit(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The day number of an ISO date (`2024-02-16`), which callers have validated. */
export function dayNumber(iso: string): number {
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const month = digit(iso, 5) * 10 + digit(iso, 6);
  const day = digit(iso, 8) * 10 + digit(iso, 9);
  return daysFromCivil(year, month, day);
}

/**
 * The digits of a date written exactly as `YYYY-MM-DD`, as the number YYYYMMDD; -1 for any other
 * text. Equal keys are equal texts, so a key stands for its text without comparing strings.
 */
export function isoDateKey(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const value = digit(text, i);
    if (value < 0 || value > 9) return -1;
    key = key * 10 + value;
  }
  return key;
}

export function yearOf(iso: string): number {
  return digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const year = Number(value.slice(0, 4));
  return day <= daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

export function firstDayOfYear(year: number): number {
  return daysFromCivil(year, 1, 1);
}

export function lastDayOfYear(year: number): number {
  return daysFromCivil(year + 1, 1, 1) - 1;
}

/** An inclusive span of days, with the calendar years it touches. */
export interface Span {
  readonly from: number;
  readonly to: number;
  readonly fromYear: number;
  readonly toYear: number;
  readonly fromIso: string;
  readonly toIso: string;
}

export function spanOf(fromIso: string, toIso: string): Span {
  return { from: dayNumber(fromIso), to: dayNumber(toIso), fromYear: yearOf(fromIso), toYear: yearOf(toIso), fromIso, toIso };
}

export function wholeYear(year: number): Span {
  const text = String(year).padStart(4, '0');
  return spanOf(`${text}-01-01`, `${text}-12-31`);
}

/** Days of the span that fall in the year (0 when none). */
export function daysInYear(span: Span, year: number): number {
  const from = Math.max(span.from, firstDayOfYear(year));
  const to = Math.min(span.to, lastDayOfYear(year));
  return to >= from ? to - from + 1 : 0;
}

/** Days of the span in the year that fall on or after `day`. */
export function daysInYearFrom(span: Span, year: number, day: number): number {
  const from = Math.max(span.from, firstDayOfYear(year), day);
  const to = Math.min(span.to, lastDayOfYear(year));
  return to >= from ? to - from + 1 : 0;
}

/** Inclusive spans overlap when they share at least one day. */
export function overlaps(a: Span, b: Span): boolean {
  return a.from <= b.to && b.from <= a.to;
}
