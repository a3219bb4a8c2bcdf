import { minorUnits } from '../money/currency.js';
import { divideRounded, fractionDigits, parseScaled } from '../money/decimal.js';
import type { ExchangeRate, RateTable } from '../money/exchange-rates.js';

interface Factor {
  readonly numerator: bigint;
  readonly denominator: bigint;
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
      ? {
          numerator: from.numerator * to.denominator * this.targetScale,
          denominator: from.denominator * to.numerator * 10n ** BigInt(minorUnits(currency)),
        }
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

  /** Minor units of `currency` into minor units of the target, or null without a rate. */
  convert(minor: bigint, currency: string, year: number): bigint | null {
    if (currency === this.target) return minor;
    const factor = this.factor(currency, year);
    if (!factor) return null;
    return divideRounded(minor * factor.numerator, factor.denominator);
  }
}

/** The years the converter caches in arrays; others (rare) use a keyed map. */
const FACTOR_BASE_YEAR = 1990;
const FACTOR_YEARS = 100;
