import { minorUnits } from './currency.js';
import { divideRounded, formatScaled, parseScaled } from './decimal.js';

/** An exact amount: integer minor units of one currency. */
export interface Money {
  readonly minor: bigint;
  readonly currency: string;
}

/** Parses the package form `{ amount: "2500000000", currency: "GBP" }` into minor units. */
export function parseMoney(amount: string, currency: string): Money {
  return { minor: parseScaled(amount, minorUnits(currency)), currency };
}

/** The package form of an amount: a decimal string in major units. */
export function formatAmount(money: Money): string {
  return formatScaled(money.minor, minorUnits(money.currency));
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new RangeError(`cannot add ${a.currency} to ${b.currency} without converting`);
  }
  return { minor: a.minor + b.minor, currency: a.currency };
}

/** Multiplies by a ratio of integers, rounding half to even (used to spread money over days). */
export function scaleMoney(money: Money, numerator: bigint, denominator: bigint): Money {
  return { minor: divideRounded(money.minor * numerator, denominator), currency: money.currency };
}
