// Cells to values: text, exact decimals, and dates in the forms the tracker's files use.
import { numberToDecimal, parseDecimalText, type Decimal } from './decimal.js';
import type { Cell } from './read.js';

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDay(cell);
  return String(cell).trim();
}

/** Placeholders for "no figure" that real files carry. */
const EMPTY = /^(|-|–|—|\.|n\/?a|na|none|null|nan|unknown|\?)$/i;

export type DecimalCell = { readonly value: Decimal } | { readonly empty: true } | { readonly invalid: string };

/** One shared "no figure" answer: three cells a row are read as decimals, most rows have an empty one. */
const EMPTY_CELL: DecimalCell = Object.freeze({ empty: true });

export function cellDecimal(cell: Cell | undefined, decimalComma: boolean): DecimalCell {
  if (cell === null || cell === undefined) return EMPTY_CELL;
  if (typeof cell === 'number') {
    const value = numberToDecimal(cell);
    return value === null ? { invalid: String(cell) } : { value };
  }
  if (cell instanceof Date || typeof cell === 'boolean') return { invalid: cellText(cell) };
  const text = cell.trim();
  if (EMPTY.test(text)) return EMPTY_CELL;
  const value = parseDecimalText(text, decimalComma);
  return value === null ? { invalid: text } : { value };
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The Gregorian calendar's days in a month (as Date counts them), without building a Date per row. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** A real calendar day, or null ("2023-02-30" is not). */
export function makeDay(year: number, month: number, day: number): string | null {
  return isRealDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  if (Number.isInteger(month) && Number.isInteger(day)) return day <= daysInMonth(year, month);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1;
}

/** Digit at `at` of an ASCII text, or -1. */
function digitAt(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * "2023-05-17" exactly, the form nearly every row has, read without a regular expression: the
 * text itself is the answer when the day is real (no match array, no new string per row).
 * Undefined when the text has another form.
 */
function plainIsoDay(text: string): string | null | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y1 = digitAt(text, 0), y2 = digitAt(text, 1), y3 = digitAt(text, 2), y4 = digitAt(text, 3);
  const m1 = digitAt(text, 5), m2 = digitAt(text, 6), d1 = digitAt(text, 8), d2 = digitAt(text, 9);
  if (y1 < 0 || y2 < 0 || y3 < 0 || y4 < 0 || m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return undefined;
  return isRealDay(y1 * 1000 + y2 * 100 + y3 * 10 + y4, m1 * 10 + m2, d1 * 10 + d2) ? text : null;
}

/** Excel's serial day numbers (1900 date system) for dates between 1990 and 2100. */
function fromSerial(serial: number): string | null {
  if (serial < 32874 || serial > 73051) return null;
  return isoDay(new Date(Math.round((serial - 25569) * 86_400_000)));
}

/** A day: ISO (with or without a time), d/m/Y or d.m.Y, an Excel date or serial number. */
export function parseDay(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined || typeof cell === 'boolean') return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoDay(cell);
  if (typeof cell === 'number') return fromSerial(cell);
  const text = cell.trim();
  const plain = plainIsoDay(text);
  if (plain !== undefined) return plain;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (match) return makeDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T].*)?$/.exec(text);
  if (match) return makeDay(Number(match[3]), Number(match[2]), Number(match[1]));
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text));
  return null;
}

export interface PartialDay {
  readonly on: string;
  readonly precision: 'month' | 'year';
}

/**
 * A month: "2023-05", "05/2023", "5.2023", an Excel date (its month), or a month number 1–12 with
 * the year from another column. Month 0 with a year is the tracker's "month unknown": the year.
 */
export function parseMonth(cell: Cell | undefined, yearCell?: Cell): PartialDay | null {
  const year = yearOf(yearCell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : { on: `${isoDay(cell).slice(0, 7)}-01`, precision: 'month' };
  const text = cell === null || cell === undefined || typeof cell === 'boolean' ? '' : String(cell).trim();
  if (text === '') return year ? { on: `${year}-01-01`, precision: 'year' } : null;
  let match = /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?:[T ].*)?$/.exec(text);
  if (match) return monthOf(Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) return monthOf(Number(match[2]), Number(match[1]));
  if (/^\d{4}$/.test(text)) return makeDay(Number(text), 1, 1) ? { on: `${text}-01-01`, precision: 'year' } : null;
  if (/^\d{1,2}(\.0+)?$/.test(text)) {
    const month = Number(text);
    if (!year) return null;
    if (month === 0) return { on: `${year}-01-01`, precision: 'year' };
    return monthOf(year, month);
  }
  if (typeof cell === 'number') {
    const day = fromSerial(cell);
    if (day) return { on: `${day.slice(0, 7)}-01`, precision: 'month' };
  }
  return null;
}

function monthOf(year: number, month: number): PartialDay | null {
  const day = makeDay(year, month, 1);
  return day ? { on: day, precision: 'month' } : null;
}

export function yearOf(cell: Cell | undefined): number | null {
  if (cell === null || cell === undefined) return null;
  const text = cell instanceof Date ? String(cell.getUTCFullYear()) : String(cell).trim().replace(/\.0+$/, '');
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 1990 && year <= 2100 ? year : null;
}
