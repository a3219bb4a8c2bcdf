import builtInRates from '../../data/fx-rates.json' with { type: 'json' };
import { minorUnits } from './currency.js';
import { divideRounded, fractionDigits, parseScaled } from './decimal.js';
import type { Money } from './money.js';

/** A dated annual rate. Either direction may be given; ECB publishes units per euro. */
export interface ExchangeRate {
  readonly currency: string;
  readonly year: number;
  readonly unitsPerEur?: string | undefined;
  readonly eurPerUnit?: string | undefined;
  readonly confidence?: string | undefined;
  readonly source?: string | undefined;
}

interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function decimalRatio(value: string): Ratio {
  const scale = Math.max(fractionDigits(value), 0);
  return { numerator: parseScaled(value, scale), denominator: 10n ** BigInt(scale) };
}

/** Euros per one unit of the currency, as an exact ratio. */
function eurPerUnit(rate: ExchangeRate): Ratio {
  if (rate.eurPerUnit !== undefined) return decimalRatio(rate.eurPerUnit);
  if (rate.unitsPerEur !== undefined) {
    const units = decimalRatio(rate.unitsPerEur);
    return { numerator: units.denominator, denominator: units.numerator };
  }
  throw new RangeError(`rate for ${rate.currency} ${rate.year} has neither unitsPerEur nor eurPerUnit`);
}

export class UnconvertibleError extends Error {
  constructor(
    readonly currency: string,
    readonly year: number,
  ) {
    super(`no exchange rate for ${currency} in ${year}`);
  }
}

/**
 * Annual rates by currency and year. Later sources override earlier ones, so a package's own rates
 * take precedence over the built-in table when the package is analysed.
 */
export class RateTable {
  private readonly rates = new Map<string, ExchangeRate>();

  constructor(...layers: ReadonlyArray<readonly ExchangeRate[]>) {
    for (const layer of layers) for (const rate of layer) this.rates.set(`${rate.currency}:${rate.year}`, rate);
  }

  static builtIn(): readonly ExchangeRate[] {
    return builtInRates.rates;
  }

  static withBuiltIn(packageRates: readonly ExchangeRate[] = []): RateTable {
    return new RateTable(RateTable.builtIn(), packageRates);
  }

  lookup(currency: string, year: number): ExchangeRate | undefined {
    return this.rates.get(`${currency}:${year}`);
  }

  private eurPerUnit(currency: string, year: number): Ratio {
    if (currency === 'EUR') return { numerator: 1n, denominator: 1n };
    const rate = this.lookup(currency, year);
    if (!rate) throw new UnconvertibleError(currency, year);
    return eurPerUnit(rate);
  }

  /** Converts with the rate of the given year, in one exact step (no double rounding via EUR). */
  convert(money: Money, target: string, year: number): Money {
    if (money.currency === target) return money;
    const from = this.eurPerUnit(money.currency, year);
    const to = this.eurPerUnit(target, year);
    const sourceScale = 10n ** BigInt(minorUnits(money.currency));
    const targetScale = 10n ** BigInt(minorUnits(target));
    const numerator = money.minor * from.numerator * to.denominator * targetScale;
    const denominator = from.denominator * to.numerator * sourceScale;
    return { minor: divideRounded(numerator, denominator), currency: target };
  }
}
