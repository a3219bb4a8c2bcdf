// Number words and exact decimal scaling for extraction. Amounts never pass through a float.
import { formatScaled } from '../money/decimal.js';

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30,
  forty: 40, 'forty-eight': 48, fifty: 50, 'seventy-two': 72, hundred: 100, a: 1, an: 1,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  quinze: 15, vingt: 20, 'vingt-quatre': 24, trente: 30, cinquante: 50, cent: 100,
  'один': 1, 'одна': 1, 'два': 2, 'дві': 2, 'три': 3, 'чотири': 4, "п'ять": 5, 'шість': 6, 'десять': 10, 'двадцять': 20,
};

export const NUMBER_WORD = Object.keys(WORDS)
  .filter((word) => word.length > 2)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Digits as printed: "2.5", "74,4", "1,800", "1 500 000", "13.5". */
export const NUMBER = String.raw`(?<![\d.,])(?:\d{1,3}(?:(?:,|\.| |\u202f)\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)`;

export function wordValue(word: string): number | undefined {
  return WORDS[word.toLowerCase()];
}

/** Splits a printed number into whole and fraction digits, resolving "," and "." by context. */
export function parseNumberParts(printed: string): { whole: string; fraction: string } | null {
  const clean = printed.replace(/[ \u202f]/gu, '');
  const separators = clean.match(/[.,]/gu) ?? [];
  if (separators.length === 0) return /^\d+$/u.test(clean) ? { whole: clean, fraction: '' } : null;
  const lastSep = Math.max(clean.lastIndexOf('.'), clean.lastIndexOf(','));
  const lastChar = clean[lastSep] ?? '.';
  const afterLast = clean.slice(lastSep + 1);
  const distinct = new Set(separators);
  let decimalSep: string | null;
  if (distinct.size === 2) decimalSep = lastChar;
  else if (separators.length > 1) decimalSep = null;
  // One separator followed by exactly three digits is a thousands separator ("1,800", "1.800").
  else decimalSep = afterLast.length === 3 ? null : lastChar;
  if (decimalSep === null) return { whole: clean.replace(/[.,]/gu, ''), fraction: '' };
  const index = clean.lastIndexOf(decimalSep);
  return { whole: clean.slice(0, index).replace(/[.,]/gu, ''), fraction: clean.slice(index + 1) };
}

/** Exact decimal string of printed × 10^power ("2.5", 9 → "2500000000"). */
export function scaleDecimal(printed: string, power: number): string | null {
  const parts = parseNumberParts(printed);
  if (!parts) return null;
  const digits = BigInt(`${parts.whole || '0'}${parts.fraction}`);
  const value = digits * 10n ** BigInt(power);
  return formatScaled(value, parts.fraction.length);
}

/** Exact decimal string of printed ÷ 10^power ("0,25", 2 → "0.0025"). */
export function shiftDecimal(printed: string, places: number): string | null {
  const parts = parseNumberParts(printed);
  if (!parts) return null;
  const digits = BigInt(`${parts.whole || '0'}${parts.fraction}`);
  return formatScaled(digits, parts.fraction.length + places);
}

export function scalePower(word: string | undefined): number {
  if (!word) return 0;
  const w = word.toLowerCase().replace(/\.$/u, '');
  if (/^(?:thousand|thousands|k|mille|тис)$/u.test(w)) return 3;
  if (/^(?:million|millions|m|mn|mio|mln|млн)$/u.test(w)) return 6;
  if (/^(?:billion|billions|bn|b|milliard|milliards|mrd|md|mds|млрд)$/u.test(w)) return 9;
  if (/^(?:trillion|trillions|tn|трлн)$/u.test(w)) return 12;
  return 0;
}

export const SCALE = String.raw`thousands?|k|mille|million|millions|mn|mio|mln|m|billions?|bn|b|milliards?|mrd|mds?|trillions?|tn|тис\.?|млн|млрд|трлн`;

/** A number from digits or a word ("ten", "dix", "10", "ten (10)"). */
export function countValue(printed: string): number | undefined {
  const digits = /\d+(?:[.,]\d+)?/u.exec(printed)?.[0];
  if (digits !== undefined) {
    const parts = parseNumberParts(digits);
    return parts ? Number(`${parts.whole}${parts.fraction ? `.${parts.fraction}` : ''}`) : undefined;
  }
  return wordValue(printed.trim());
}
