import type { ExchangeRateView } from '../../api/types.js';

// The exchange-rate page's pure logic: the currency × year grid, exact units per euro, and which
// rates need a mark (unverified, sources disagree, computed) and a footnote.

export type RateMark = 'unverified' | 'disputed' | 'computed' | null;

export interface RateGrid {
  /** Currency codes, alphabetical. */
  currencies: string[];
  /** Years, ascending. */
  years: number[];
  /** The rate of a currency in a year, if there is one. */
  rates: ReadonlyMap<string, ExchangeRateView>;
}

export function rateKey(currency: string, year: number): string {
  return `${currency}:${year}`;
}

/** Lays the rates out as a grid; a later duplicate of a currency and year replaces an earlier one. */
export function buildRateGrid(items: readonly ExchangeRateView[]): RateGrid {
  const rates = new Map<string, ExchangeRateView>();
  const currencies = new Set<string>();
  const years = new Set<number>();
  for (const rate of items) {
    rates.set(rateKey(rate.currency, rate.year), rate);
    currencies.add(rate.currency);
    years.add(rate.year);
  }
  return {
    currencies: [...currencies].sort(),
    years: [...years].sort((a, b) => a - b),
    rates,
  };
}

export function rateMark(rate: Pick<ExchangeRateView, 'confidence'>): RateMark {
  switch (rate.confidence) {
    case 'M':
      return 'unverified';
    case 'V*':
      return 'disputed';
    case 'computed':
      return 'computed';
    default:
      return null;
  }
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * 1 / value as a decimal string rounded half up to `fractionDigits` places, trailing zeros dropped,
 * computed with integers so no float artefact can appear. Null for zero or a malformed value.
 */
export function invertDecimal(value: string, fractionDigits = 6): string | null {
  const match = DECIMAL.exec(value);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  const numerator = BigInt(whole + fraction);
  if (numerator === 0n) return null;
  // 1 / (numerator / 10^f) = 10^f / numerator; scaled by 10^d and rounded half up.
  const scaled = 10n ** BigInt(fraction.length + fractionDigits);
  const quotient = (scaled * 2n + numerator) / (2n * numerator);
  const digits = quotient.toString().padStart(fractionDigits + 1, '0');
  const integer = digits.slice(0, digits.length - fractionDigits);
  const decimals = digits.slice(digits.length - fractionDigits).replace(/0+$/, '');
  return decimals ? `${integer}.${decimals}` : integer;
}

/** Units of the currency per euro: as given, or inverted from euros per unit (then `inverted`). */
export function unitsPerEur(
  rate: Pick<ExchangeRateView, 'unitsPerEur' | 'eurPerUnit'>,
): { value: string; inverted: boolean } | null {
  if (rate.unitsPerEur !== undefined) return { value: rate.unitsPerEur, inverted: false };
  if (rate.eurPerUnit !== undefined) {
    const value = invertDecimal(rate.eurPerUnit);
    return value === null ? null : { value, inverted: true };
  }
  return null;
}

/** Rates that need a footnote (unverified or disputed), in grid order: by currency, then year. */
export function footnotedRates(grid: RateGrid): ExchangeRateView[] {
  const out: ExchangeRateView[] = [];
  for (const currency of grid.currencies) {
    for (const year of grid.years) {
      const rate = grid.rates.get(rateKey(currency, year));
      if (!rate) continue;
      const mark = rateMark(rate);
      if (mark === 'unverified' || mark === 'disputed') out.push(rate);
    }
  }
  return out;
}

/** The years that have unverified rates, and how many currencies those rates are for. */
export function unverifiedSummary(items: readonly ExchangeRateView[]): {
  years: number[];
  currencies: number;
} {
  const years = new Set<number>();
  const currencies = new Set<string>();
  for (const rate of items) {
    if (rate.confidence !== 'M') continue;
    years.add(rate.year);
    currencies.add(rate.currency);
  }
  return { years: [...years].sort((a, b) => a - b), currencies: currencies.size };
}

export interface SourceGroup {
  source: string;
  note: string | null;
  /** The years the source gives rates for, ascending. */
  years: number[];
  count: number;
}

/**
 * The distinct sources (with their note) and how many rates each gives: the computed rates share one
 * source and one method, so they are described once rather than in every cell.
 */
export function sourceGroups(items: readonly ExchangeRateView[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const rate of items) {
    const note = rate.note ?? null;
    const key = `${rate.source}\u0001${note ?? ''}`;
    const group = groups.get(key) ?? { source: rate.source, note, years: [], count: 0 };
    if (!group.years.includes(rate.year)) group.years.push(rate.year);
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, years: group.years.sort((a, b) => a - b) }))
    .sort((a, b) => b.count - a.count || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}
