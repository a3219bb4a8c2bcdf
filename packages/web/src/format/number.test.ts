import { describe, expect, it } from 'vitest';
import {
  formatCompactCurrency,
  formatCurrency,
  formatDecimal,
  formatPercent,
  fractionToPercent,
} from './number.js';

// Intl separates groups with no-break spaces in Ukrainian; compare with ordinary spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('fractionToPercent', () => {
  it('moves the decimal point two places exactly', () => {
    expect(fractionToPercent('0.0025')).toBe('0.25');
    expect(fractionToPercent('0.5')).toBe('50');
    expect(fractionToPercent('1')).toBe('100');
    expect(fractionToPercent('0.001')).toBe('0.1');
    expect(fractionToPercent('0.123456')).toBe('12.3456');
    expect(fractionToPercent('0')).toBe('0');
  });
});

describe('formatCurrency', () => {
  it('uses the British conventions in English', () => {
    expect(formatCurrency('2500000000', 'GBP', 'en-GB')).toBe('£2,500,000,000');
    expect(formatCurrency('74.4', 'EUR', 'en-GB')).toBe('€74.40');
  });

  it('groups with spaces and uses a decimal comma in Ukrainian', () => {
    expect(plain(formatCurrency('2500000000', 'GBP', 'uk-UA'))).toBe('2 500 000 000 GBP');
    expect(plain(formatCurrency('74.4', 'EUR', 'uk-UA'))).toBe('74,40 EUR');
  });

  it('keeps amounts exact beyond the range of a double', () => {
    expect(formatCurrency('12345678901234567.89', 'USD', 'en-GB')).toBe('US$12,345,678,901,234,567.89');
  });

  it('still shows a figure with an unknown currency', () => {
    expect(formatCurrency('100', 'XYZ', 'en-GB')).toMatch(/100/);
  });
});

describe('formatDecimal', () => {
  it('formats in the locale', () => {
    expect(formatDecimal('0.25', 'en-GB')).toBe('0.25');
    expect(formatDecimal('0.25', 'uk-UA')).toBe('0,25');
    expect(plain(formatDecimal('1234.5', 'uk-UA'))).toBe('1 234,5');
  });
});

describe('formatPercent', () => {
  it('truncates so a shortfall never reads as full coverage', () => {
    expect(formatPercent(0.9999, 'en-GB')).toBe('99%');
    expect(formatPercent(1, 'en-GB')).toBe('100%');
    expect(formatPercent(2.5, 'en-GB')).toBe('250%');
    expect(formatPercent(0, 'en-GB')).toBe('0%');
    expect(formatPercent(0.004, 'en-GB')).toBe('<1%');
  });

  it('keeps decimals when asked, in the locale', () => {
    expect(formatPercent(0.12345, 'en-GB', { fractionDigits: 1 })).toBe('12.3%');
    expect(plain(formatPercent(0.12345, 'uk-UA', { fractionDigits: 1 }))).toBe('12,3%');
    expect(formatPercent(0.1275, 'en-GB', { fractionDigits: 1, truncate: false })).toBe('12.8%');
  });
});

describe('formatCompactCurrency', () => {
  it('abbreviates large amounts from their decimal strings', () => {
    expect(formatCompactCurrency('3990000000', 'EUR', 'en-GB')).toBe('€3.99bn');
    expect(plain(formatCompactCurrency('3990000000', 'EUR', 'uk-UA'))).toBe('3,99 млрд EUR');
    expect(formatCompactCurrency('0', 'GBP', 'en-GB')).toBe('£0');
  });
});
