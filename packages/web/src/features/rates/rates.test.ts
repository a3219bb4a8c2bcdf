import { describe, expect, it } from 'vitest';
import type { ExchangeRateView } from '../../api/types.js';
import {
  buildRateGrid,
  footnotedRates,
  invertDecimal,
  rateKey,
  rateMark,
  sourceGroups,
  unitsPerEur,
  unverifiedSummary,
} from './rates.js';

const ecb = 'ECB daily reference rates';
const rates: ExchangeRateView[] = [
  { currency: 'USD', year: 2025, unitsPerEur: '1.13', confidence: 'V', source: 'ECB annual series' },
  { currency: 'GBP', year: 2024, unitsPerEur: '0.84662', confidence: 'computed', source: ecb, note: 'mean' },
  {
    currency: 'GBP',
    year: 2025,
    unitsPerEur: '0.8565',
    confidence: 'M',
    source: 'Eurostat',
    note: 'derived',
  },
  { currency: 'USD', year: 2024, unitsPerEur: '1.0824', confidence: 'computed', source: ecb, note: 'mean' },
  { currency: 'PLN', year: 2025, unitsPerEur: '4.24', confidence: 'M', source: 'memory', note: null },
];

describe('buildRateGrid', () => {
  it('sorts currencies and years and finds each rate', () => {
    const grid = buildRateGrid(rates);
    expect(grid.currencies).toEqual(['GBP', 'PLN', 'USD']);
    expect(grid.years).toEqual([2024, 2025]);
    expect(grid.rates.get(rateKey('GBP', 2025))?.unitsPerEur).toBe('0.8565');
    expect(grid.rates.get(rateKey('PLN', 2024))).toBeUndefined();
  });

  it('lets a later duplicate replace an earlier one', () => {
    const grid = buildRateGrid([
      { currency: 'SEK', year: 2025, unitsPerEur: '11.08', confidence: 'M', source: 'memory' },
      { currency: 'SEK', year: 2025, unitsPerEur: '11.0712', confidence: 'V', source: 'analyst' },
    ]);
    expect(grid.rates.get(rateKey('SEK', 2025))?.unitsPerEur).toBe('11.0712');
  });
});

describe('rate marks', () => {
  it('marks unverified, disputed and computed rates', () => {
    expect(rateMark({ confidence: 'M' })).toBe('unverified');
    expect(rateMark({ confidence: 'V*' })).toBe('disputed');
    expect(rateMark({ confidence: 'computed' })).toBe('computed');
    expect(rateMark({ confidence: 'V' })).toBeNull();
    expect(rateMark({})).toBeNull();
  });

  it('footnotes the unverified and disputed rates in grid order', () => {
    const notes = footnotedRates(buildRateGrid(rates)).map((r) => `${r.currency} ${r.year}`);
    expect(notes).toEqual(['GBP 2025', 'PLN 2025']);
  });

  it('summarises which years have unverified rates', () => {
    expect(unverifiedSummary(rates)).toEqual({ years: [2025], currencies: 2 });
    expect(unverifiedSummary([])).toEqual({ years: [], currencies: 0 });
  });
});

describe('units per euro', () => {
  it('keeps a given rate exactly as its decimal string', () => {
    expect(unitsPerEur({ unitsPerEur: '0.85276' })).toEqual({ value: '0.85276', inverted: false });
  });

  it('inverts euros per unit with integers only', () => {
    expect(invertDecimal('0.5')).toBe('2');
    expect(invertDecimal('0.8')).toBe('1.25');
    expect(invertDecimal('3')).toBe('0.333333');
    expect(invertDecimal('0.0061')).toBe('163.934426');
    expect(invertDecimal('1.1')).toBe('0.909091');
    expect(invertDecimal('0')).toBeNull();
    expect(invertDecimal('abc')).toBeNull();
    expect(unitsPerEur({ eurPerUnit: '0.8' })).toEqual({ value: '1.25', inverted: true });
    expect(unitsPerEur({})).toBeNull();
  });
});

describe('sourceGroups', () => {
  it('describes a shared source once, with its years and count', () => {
    const groups = sourceGroups(rates.filter((rate) => rate.confidence !== 'M'));
    expect(groups).toEqual([
      { source: ecb, note: 'mean', years: [2024], count: 2 },
      { source: 'ECB annual series', note: null, years: [2025], count: 1 },
    ]);
  });
});
