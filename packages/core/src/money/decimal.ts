// Exact decimal arithmetic on strings and bigints. Money never passes through a float: amounts are
// parsed from decimal strings into integer minor units and converted with scaled-integer rates.

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

/** Number of digits after the decimal point, or -1 when the string is not a non-negative decimal. */
export function fractionDigits(value: string): number {
  const match = DECIMAL.exec(value);
  if (!match) return -1;
  return match[2]?.length ?? 0;
}

/** Parses a non-negative decimal string into a scaled integer: "12.5" at scale 2 is 1250n. */
export function parseScaled(value: string, scale: number): bigint {
  const match = DECIMAL.exec(value);
  if (!match) throw new RangeError(`not a non-negative decimal string: "${value}"`);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > scale) {
    const kept = fraction.slice(0, scale);
    if (/[1-9]/.test(fraction.slice(scale))) {
      throw new RangeError(`"${value}" has more than ${scale} decimal places`);
    }
    return BigInt(whole + kept.padEnd(scale, '0'));
  }
  return BigInt(whole + fraction.padEnd(scale, '0'));
}

/** Formats a scaled integer back into a decimal string without trailing zeros beyond `minDigits`. */
export function formatScaled(value: bigint, scale: number, minDigits = 0): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = scale > 0 ? digits.slice(digits.length - scale) : '';
  while (fraction.length > minDigits && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Integer division rounding half to even (banker's rounding), as accounting systems do. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}
