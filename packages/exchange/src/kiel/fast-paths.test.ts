// The mapping's shortcuts for the common cell forms must answer what the general code answers:
// cents of plain decimals without BigInt parsing, ISO days without a regular expression, row
// hashes without toString(16).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDay, parseDay } from './cells.js';
import { toCents } from './decimal.js';
import { hash } from './map.js';

/** Cents by BigInt arithmetic alone, rounding half to even: the reference. */
function referenceCents(value: string): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const places = Math.max(fraction.length, 2);
  const scaled = BigInt((whole || '0') + fraction.padEnd(places, '0'));
  const divisor = 10n ** BigInt(places - 2);
  let cents = scaled / divisor;
  const twice = 2n * (scaled % divisor);
  if (twice > divisor || (twice === divisor && cents % 2n === 1n)) cents += 1n;
  return negative ? -cents : cents;
}

const digits = (max: number) => fc.array(fc.constantFrom(...'0123456789'), { maxLength: max }).map((list) => list.join(''));

describe('toCents', () => {
  it('agrees with exact arithmetic on any decimal, short or long, signed or not', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-'), digits(20), fc.option(digits(6), { nil: undefined }))
      .map(([sign, whole, fraction]) => `${sign}${whole || '0'}${fraction === undefined ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(decimal, (value) => {
        expect(toCents(value)).toBe(referenceCents(value));
      }),
      { numRuns: 20_000, seed: 27 },
    );
    expect(toCents('9007199254740991')).toBe(900719925474099100n);
    expect(toCents('90071992547409.93')).toBe(9007199254740993n);
  });
});

describe('parseDay', () => {
  it('reads YYYY-MM-DD as the general rule does, real days only', () => {
    const day = fc.tuple(fc.integer({ min: 1980, max: 2110 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
    fc.assert(
      fc.property(day, ([year, month, date]) => {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
        expect(parseDay(text)).toBe(makeDay(year, month, date));
        expect(parseDay(`${text}T00:00:00`)).toBe(makeDay(year, month, date));
      }),
      { numRuns: 5_000, seed: 27 },
    );
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('2023-5-17')).toBe('2023-05-17');
    expect(parseDay('2023-05-1x')).toBeNull();
  });
});

describe('hash', () => {
  it('keeps the ids of earlier imports: the same 16 hex digits for the same text', () => {
    // Values from the first implementation (toString(16) and padStart): a re-import must replace
    // its flows, not add new ones.
    expect(hash('')).toBe('1aee8d83488bdcb8');
    expect(hash('a')).toBe('82c97901501c2ba7');
    expect(hash('\u001fDE\u001fpledge\u001fmilitary\u001f2023-05-17\u001fpackage 1\u001fleopard 2a6')).toBe('0443f14927bf7aaf');
    expect(hash('Türkiye 😀')).toBe('1a5d93b441b80f0f');
    expect(hash('x'.repeat(1000))).toBe('aee5273b819a7942');
  });
});
