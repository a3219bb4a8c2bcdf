import { minorUnits } from '../money/currency.js';
import { divideRounded, fractionDigits, parseScaled } from '../money/decimal.js';
import type { ExchangeRate, RateTable } from '../money/exchange-rates.js';

interface Factor {
  readonly numerator: bigint;
  readonly denominator: bigint;
  /**
   * The same fraction in lowest terms as doubles, when both are safe integers and the denominator
   * is positive (else 0 and 0): most conversions then fit a double exactly and need no bigint.
   * Reducing changes nothing: half-to-even rounding depends only on the fraction's value.
   */
  readonly smallNumerator: number;
  readonly smallDenominator: number;
}

/** Products up to this stay exact in a double, with room for the remainder arithmetic. */
export const EXACT_LIMIT = 2 ** 52;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function factorOf(numerator: bigint, denominator: bigint): Factor {
  let smallNumerator = 0;
  let smallDenominator = 0;
  if (numerator >= 0n && denominator > 0n) {
    const divisor = gcd(numerator, denominator);
    const n = numerator / divisor;
    const d = denominator / divisor;
    if (n <= BigInt(Number.MAX_SAFE_INTEGER) && d <= BigInt(Number.MAX_SAFE_INTEGER)) {
      smallNumerator = Number(n);
      smallDenominator = Number(d);
    }
  }
  return { numerator, denominator, smallNumerator, smallDenominator };
}

/** n / d rounded half to even, for non-negative safe integers n ≤ 2^52 and d > 0: `divideRounded` without bigints. */
export function divideHalfEven(n: number, d: number): number {
  let q = Math.floor(n / d);
  // The float quotient can be one off near an integer; the remainder puts it right.
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  const twice = 2 * r;
  if (twice > d || (twice === d && q % 2 === 1)) q += 1;
  return q;
}

interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function decimalRatio(value: string): Ratio {
  const scale = Math.max(fractionDigits(value), 0);
  return { numerator: parseScaled(value, scale), denominator: 10n ** BigInt(scale) };
}

function eurPerUnit(rate: ExchangeRate): Ratio | null {
  if (rate.eurPerUnit !== undefined) return decimalRatio(rate.eurPerUnit);
  if (rate.unitsPerEur !== undefined) {
    const units = decimalRatio(rate.unitsPerEur);
    return { numerator: units.denominator, denominator: units.numerator };
  }
  return null;
}

/**
 * Converts minor units into the report currency with the rate table's rates of the year, caching
 * the exact factor per currency and year. The arithmetic is `RateTable.convert`'s, in one exact
 * step rounded half to even (a test checks both agree); a missing rate gives null, never a guess.
 */
export class Converter {
  /**
   * Factors per currency, indexed by year − FACTOR_BASE_YEAR (undefined: not looked up yet). A
   * conversion is made for every year of every commitment, so the cache avoids building a string
   * key per call; years outside the array fall back to `outside`.
   */
  private readonly factors = new Map<string, (Factor | null | undefined)[]>();
  private readonly outside = new Map<string, Factor | null>();
  private readonly targetScale: bigint;

  constructor(
    private readonly rates: RateTable,
    readonly target: string,
  ) {
    this.targetScale = 10n ** BigInt(minorUnits(target));
  }

  private ratio(currency: string, year: number): Ratio | null {
    if (currency === 'EUR') return { numerator: 1n, denominator: 1n };
    const rate = this.rates.lookup(currency, year);
    return rate ? eurPerUnit(rate) : null;
  }

  private compute(currency: string, year: number): Factor | null {
    const from = this.ratio(currency, year);
    const to = this.ratio(this.target, year);
    return from && to
      ? factorOf(from.numerator * to.denominator * this.targetScale, from.denominator * to.numerator * 10n ** BigInt(minorUnits(currency)))
      : null;
  }

  private factor(currency: string, year: number): Factor | null {
    const index = year - FACTOR_BASE_YEAR;
    if (index < 0 || index >= FACTOR_YEARS) {
      const key = `${currency}:${year}`;
      let factor = this.outside.get(key);
      if (factor === undefined) {
        factor = this.compute(currency, year);
        this.outside.set(key, factor);
      }
      return factor;
    }
    let byYear = this.factors.get(currency);
    if (!byYear) {
      byYear = new Array<Factor | null | undefined>(FACTOR_YEARS).fill(undefined);
      this.factors.set(currency, byYear);
    }
    let factor = byYear[index];
    if (factor === undefined) {
      factor = this.compute(currency, year);
      byYear[index] = factor;
    }
    return factor;
  }

  /** Whether money in `currency` can be converted in `year`. */
  canConvert(currency: string, year: number): boolean {
    return currency === this.target || this.factor(currency, year) !== null;
  }

  /** `convert` of a non-negative safe integer held in a double: no bigint but the result where the product fits a double. */
  convertSmall(minor: number, currency: string, year: number): bigint | null {
    if (currency === this.target) return BigInt(minor);
    const factor = this.factor(currency, year);
    if (!factor) return null;
    if (factor.smallDenominator > 0 && minor * factor.smallNumerator <= EXACT_LIMIT) {
      return BigInt(divideHalfEven(minor * factor.smallNumerator, factor.smallDenominator));
    }
    return divideRounded(BigInt(minor) * factor.numerator, factor.denominator);
  }

  /**
   * `convertSmall` kept in a double: the same value where the product fits a double exactly, NaN
   * where it would need bigints, null without a rate. `minor` is a non-negative safe integer.
   */
  convertSmallNumber(minor: number, currency: string, year: number): number | null {
    if (currency === this.target) return minor;
    const factor = this.factor(currency, year);
    if (!factor) return null;
    if (factor.smallDenominator > 0 && minor * factor.smallNumerator <= EXACT_LIMIT) {
      return divideHalfEven(minor * factor.smallNumerator, factor.smallDenominator);
    }
    return Number.NaN;
  }

  /** Minor units of `currency` into minor units of the target, or null without a rate. */
  convert(minor: bigint, currency: string, year: number): bigint | null {
    if (currency === this.target) return minor;
    const factor = this.factor(currency, year);
    if (!factor) return null;
    if (factor.smallDenominator > 0) {
      const small = Number(minor);
      // Exact when the product is at most 2^52 (a larger minor makes a larger product; 0 × anything is 0).
      if (small >= 0 && small * factor.smallNumerator <= EXACT_LIMIT) {
        return BigInt(divideHalfEven(small * factor.smallNumerator, factor.smallDenominator));
      }
    }
    return divideRounded(minor * factor.numerator, factor.denominator);
  }
}

/** The years the converter caches in arrays; others (rare) use a keyed map. */
const FACTOR_BASE_YEAR = 1990;
const FACTOR_YEARS = 100;
