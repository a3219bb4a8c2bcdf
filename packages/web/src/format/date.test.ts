import { describe, expect, it } from 'vitest';
import { daysBetween, formatDate, formatPartialDate, formatPeriod, isIsoDate, localIsoDate } from './date.js';

const range = (from: string, to: string) => `${from} – ${to}`;

describe('formatDate', () => {
  it('writes 12/01/2024 in English and 12.01.2024 in Ukrainian', () => {
    expect(formatDate('2024-01-12', 'en-GB')).toBe('12/01/2024');
    expect(formatDate('2024-01-12', 'uk-UA')).toBe('12.01.2024');
  });

  it('leaves what is not a date alone', () => {
    expect(formatDate('soon', 'en-GB')).toBe('soon');
  });
});

describe('formatPartialDate', () => {
  it('shows only what is known', () => {
    expect(formatPartialDate('2023', 'uk-UA')).toBe('2023');
    expect(formatPartialDate('2025-06', 'en-GB')).toBe('June 2025');
    expect(formatPartialDate('2025-06-30', 'uk-UA')).toBe('30.06.2025');
  });
});

describe('formatPeriod', () => {
  it('shortens a calendar year', () => {
    expect(formatPeriod({ from: '2024-01-01', to: '2024-12-31' }, 'en-GB', range)).toBe('2024');
    expect(formatPeriod({ from: '2024-04-01', to: '2025-03-31' }, 'uk-UA', range)).toBe(
      '01.04.2024 – 31.03.2025',
    );
  });
});

describe('date helpers', () => {
  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-20')).toBe(true);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('20.02.2024')).toBe(false);
  });

  it('takes the local calendar day', () => {
    expect(localIsoDate(new Date(2024, 1, 20, 23, 30))).toBe('2024-02-20');
  });

  it('counts days', () => {
    expect(daysBetween('2023-07-12', '2024-07-11')).toBe(365);
  });
});
