// Locale-aware numbers. Amounts arrive as exact decimal strings; Intl formats those strings exactly,
// so money never passes through a float on its way to the screen.

type Decimal = `${number}`;

const DECIMAL = /^\d+(\.\d+)?$/;

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** Formats a non-negative decimal string exactly, e.g. "0.25" as 0,25 in Ukrainian. */
export function formatDecimal(value: string, locale: string): string {
  if (!DECIMAL.test(value)) return value;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(value as Decimal);
}

function isWhole(amount: string): boolean {
  return /^\d+(\.0*)?$/.test(amount);
}

/**
 * Currency formatting in the active locale: £2,500,000,000 in en-GB, 2 500 000 000 GBP in uk-UA.
 * Whole amounts drop the minor units; others keep the currency's own decimal places.
 */
export function formatCurrency(amount: string, currency: string, locale: string): string {
  if (!DECIMAL.test(amount)) return `${amount} ${currency}`;
  try {
    const options: Intl.NumberFormatOptions = { style: 'currency', currency };
    if (isWhole(amount)) Object.assign(options, { minimumFractionDigits: 0, maximumFractionDigits: 0 });
    return new Intl.NumberFormat(locale, options).format(amount as Decimal);
  } catch {
    // An unknown currency code: still show the figure rather than nothing.
    return `${formatDecimal(amount, locale)} ${currency}`;
  }
}

/** "0.0025" (a fraction) as the percentage "0.25", exactly, by moving the decimal point. */
export function fractionToPercent(fraction: string): string {
  if (!DECIMAL.test(fraction)) return fraction;
  const [whole = '0', rest = ''] = fraction.split('.');
  const padded = rest.padEnd(2, '0');
  const integer = (whole + padded.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const decimals = padded.slice(2).replace(/0+$/, '');
  return decimals ? `${integer}.${decimals}` : integer;
}

/**
 * A ratio (0.37) as a percentage in the locale ("37%"). Truncated, not rounded, by default, so a
 * ratio just short of 1 never reads as 100 % and a tiny non-zero one reads as "<1%" rather than 0.
 */
export function formatPercent(
  ratio: number,
  locale: string,
  { fractionDigits = 0, truncate = true }: { fractionDigits?: number; truncate?: boolean } = {},
): string {
  const format = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: fractionDigits,
    roundingMode: truncate ? 'trunc' : 'halfExpand',
  });
  const smallest = 10 ** -(fractionDigits + 2);
  if (ratio > 0 && ratio < smallest) return `<${format.format(smallest)}`;
  return format.format(ratio);
}

/** A short money figure for tight spaces ("€3.99bn", "3,99 млрд EUR"); the exact amount goes elsewhere. */
export function formatCompactCurrency(amount: string, currency: string, locale: string): string {
  if (!DECIMAL.test(amount)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumSignificantDigits: 3,
    }).format(amount as Decimal);
  } catch {
    return formatCurrency(amount, currency, locale);
  }
}
