// Numbers as the tracker's files write them, turned into exact decimal strings. Amounts never pass
// through float arithmetic: a spreadsheet's float is read by its shortest round-trip text, and
// units (EUR billions, millions) are applied by moving the decimal point.

/** A signed decimal string: "-12.5", "300000000", "0.001". */
export type Decimal = string;

/** A decimal already in normal form: no sign, no leading or trailing zeros. */
const CANONICAL = /^(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Normalises "+012.50" to "12.5" and expands exponents ("1.5e8" → "150000000"). */
function normalise(text: string): Decimal | null {
  const match = PLAIN.exec(text);
  if (!match) return null;
  const [, sign = '', intPart = '', fracPart = '', exponent] = match;
  if (intPart === '' && fracPart === '') return null;
  let digits = intPart + fracPart;
  let point = intPart.length + (exponent ? Number(exponent) : 0);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const whole = digits.slice(0, point).replace(/^0+/, '') || '0';
  const fraction = digits.slice(point).replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return sign === '-' && body !== '0' ? `-${body}` : body;
}

/** A spreadsheet number as an exact decimal: the shortest text that reads back as the same float. */
export function numberToDecimal(value: number): Decimal | null {
  return Number.isFinite(value) ? normalise(String(value)) : null;
}

/**
 * Reads a number written as text. Grouping and decimal separators: when both `,` and `.` occur, the
 * last one is the decimal separator; a lone `,` is a decimal comma in `;`-separated files (German
 * Excel) and when it is not a thousands pattern ("1,5"); a lone `.` is a decimal point unless it
 * repeats ("1.234.567"). Spaces, apostrophes and a leading `€` or trailing `EUR` are ignored.
 */
export function parseDecimalText(raw: string, decimalComma: boolean): Decimal | null {
  // Most cells are plain already ("1500000", "0.25"): no rewriting needed.
  if (CANONICAL.test(raw)) return raw;
  let text = raw.trim().replace(/[\s\u00a0\u202f'’]/g, '').replace(/^€|€$|EUR$/gi, '');
  if (text === '') return null;
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (comma >= 0) {
    const grouping = /^[+-]?\d{1,3}(,\d{3})+$/.test(text);
    if (grouping && !decimalComma) text = text.replace(/,/g, '');
    else if ((text.match(/,/g) ?? []).length === 1) text = text.replace(',', '.');
    else return null;
  } else if (dot >= 0 && (text.match(/\./g) ?? []).length > 1) {
    if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(text)) return null;
    text = text.replace(/\./g, '');
  }
  return normalise(text);
}

/** Multiplies by 10^places by moving the decimal point. */
export function shiftDecimal(value: Decimal, places: number): Decimal {
  if (places === 0) return value;
  const result = normalise(`${value}e${places}`);
  if (result === null) throw new RangeError(`not a decimal: "${value}"`);
  return result;
}

export function isNegative(value: Decimal): boolean {
  return value.startsWith('-');
}

/** Whole cents, rounding half to even (the tracker's EUR figures come from currency conversions). */
export function toCents(value: Decimal): bigint {
  return plainCents(value) ?? roundedCents(value);
}

/**
 * Most figures ("1500000", "250000.5") have at most two decimals and fit a double exactly: their
 * cents need no rounding and no BigInt parsed from text, which cost a tenth of the mapping at
 * 100,000 rows. Anything else (a sign, more decimals, more digits) is null and goes the long way.
 */
function plainCents(value: Decimal): bigint | null {
  let digits = 0;
  let decimals = -1;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 46 && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (code < 48 || code > 57) return null;
    digits = digits * 10 + (code - 48);
    if (decimals >= 0 && ++decimals > 2) return null;
  }
  const cents = decimals === 2 ? digits : decimals === 1 ? digits * 10 : digits * 100;
  // Above 2^53 a double may have rounded a digit on the way.
  return cents <= Number.MAX_SAFE_INTEGER ? BigInt(cents) : null;
}

function roundedCents(value: Decimal): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  let cents = BigInt(whole + fraction.slice(0, 2).padEnd(2, '0'));
  const rest = fraction.slice(2);
  if (rest !== '' && /[1-9]/.test(rest)) {
    const first = rest.charCodeAt(0) - 48;
    const exactlyHalf = first === 5 && !/[1-9]/.test(rest.slice(1));
    if (first > 5 || (first === 5 && !exactlyHalf) || (exactlyHalf && cents % 2n === 1n)) cents += 1n;
  }
  return negative ? -cents : cents;
}

/** Cents back to a decimal string in major units, without trailing zeros ("1250" → "12.5"). */
export function centsToDecimal(cents: bigint): Decimal {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  const whole = digits.slice(0, -2);
  const fraction = digits.slice(-2).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Digits after the decimal point: how precisely a figure was written. */
export function decimalPlaces(value: Decimal): number {
  const point = value.indexOf('.');
  return point < 0 ? 0 : value.length - point - 1;
}
