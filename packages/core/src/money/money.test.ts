import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, formatScaled, parseScaled } from './decimal.js';
import { RateTable, UnconvertibleError } from './exchange-rates.js';
import { formatAmount, parseMoney } from './money.js';
import { isCurrencyCode, minorUnits } from './currency.js';

describe('exact decimals', () => {
  it('parses and formats without floats', () => {
    expect(parseScaled('74.4', 2)).toBe(7440n);
    expect(formatScaled(7440n, 2)).toBe('74.4');
    expect(parseScaled('7100000000', 2)).toBe(710000000000n);
    expect(() => parseScaled('1.005', 2)).toThrow(/more than 2 decimal places/);
    expect(() => parseScaled('-1', 2)).toThrow(/non-negative/);
  });

  it('round-trips any amount exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 4 }), (minor, scale) => {
        expect(parseScaled(formatScaled(minor, scale), scale)).toBe(minor);
      }),
    );
  });

  it('rounds half to even', () => {
    expect(divideRounded(5n, 2n)).toBe(2n);
    expect(divideRounded(7n, 2n)).toBe(4n);
    expect(divideRounded(-7n, 2n)).toBe(-4n);
    expect(divideRounded(10n, 3n)).toBe(3n);
  });
});

describe('currencies', () => {
  it('knows ISO 4217 codes and their minor units', () => {
    expect(isCurrencyCode('GBP')).toBe(true);
    expect(isCurrencyCode('GBX')).toBe(false);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(minorUnits('EUR')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('ISK')).toBe(0);
  });

  it('keeps money in minor units', () => {
    expect(parseMoney('2500000000', 'GBP')).toEqual({ minor: 250000000000n, currency: 'GBP' });
    expect(formatAmount(parseMoney('4000000000', 'ISK'))).toBe('4000000000');
  });
});

describe('dated exchange rates', () => {
  const table = RateTable.withBuiltIn();

  it('converts with the rate of the year, exactly', () => {
    // GBP 2.5bn at the 2024 ECB average 0.84662 GBP per EUR.
    expect(formatAmount(table.convert(parseMoney('2500000000', 'GBP'), 'EUR', 2024))).toBe('2952918664.81');
    expect(formatAmount(table.convert(parseMoney('2500000000', 'GBP'), 'EUR', 2023))).toBe('2874257004.56');
  });

  it('lets a package override the built-in rate', () => {
    const custom = RateTable.withBuiltIn([{ currency: 'GBP', year: 2024, eurPerUnit: '1.2' }]);
    expect(formatAmount(custom.convert(parseMoney('100', 'GBP'), 'EUR', 2024))).toBe('120');
  });

  it('refuses to convert without a rate rather than guessing', () => {
    expect(() => table.convert(parseMoney('1', 'GBP'), 'EUR', 2019)).toThrow(UnconvertibleError);
  });

  it('marks the 2025 rates that are unverified', () => {
    expect(table.lookup('GBP', 2025)?.confidence).toBe('M');
    expect(table.lookup('USD', 2025)?.confidence).toBe('V');
  });
});
