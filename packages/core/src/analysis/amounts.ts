// Reading a package's decimal amounts: into exact minor units, and as POSSIBLE_DOUBLE_COUNT keys.
import { minorUnits } from '../money/currency.js';
import { parseScaled } from '../money/decimal.js';
import { QUANTITY_SCALE } from './format.js';

/** A quantity in thousandths (`QUANTITY_SCALE`): exact to three decimals. */
export function quantityMilli(value: number): bigint {
  return BigInt(Math.round(value * 10 ** QUANTITY_SCALE));
}

const POW10 = [1n, 10n, 100n, 1000n, 10000n];

/** Whether the text is a whole number in plain digits, without leading zeros. */
export function isDigits(text: string): boolean {
  if (text.length === 0 || (text.length > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** A package amount in minor units: core's parseScaled, with a fast path for whole numbers. */
export function parseMinor(amount: string, currency: string): bigint {
  const digits = minorUnits(currency);
  if (isDigits(amount)) return BigInt(amount) * (POW10[digits] ?? 10n ** BigInt(digits));
  return parseScaled(amount, digits);
}

/**
 * A canonical amount as a map key: the number itself when it is a whole number of up to 15 digits
 * (read exactly, and canonical strings have no leading zeros, so equal keys are equal amounts and
 * the other way round), else the string. A number key needs no string hashed or compared.
 */
export function amountKey(canonical: string): string | number {
  return canonical.length <= 15 && isDigits(canonical) ? Number(canonical) : canonical;
}

/** The amount as a canonical decimal ("100.50" and "0100.5" are "100.5"), the duplicate bucket key. */
export function canonicalAmount(amount: string): string {
  if (isDigits(amount)) return amount;
  let [whole = '0', fraction = ''] = amount.split('.');
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
