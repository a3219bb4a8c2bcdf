import { describe, expect, it } from 'vitest';
import { controlsToParams, parseControls, parseCurrency, parseThresholds } from './params.js';

const today = '2025-11-26';

describe('analysis controls in the address', () => {
  it('defaults to today, EUR and no accession', () => {
    expect(parseControls(new URLSearchParams(''), today)).toEqual({
      asOf: today,
      currency: 'EUR',
      natoAccession: null,
    });
  });

  it('reads valid values and drops invalid ones', () => {
    expect(
      parseControls(new URLSearchParams('asOf=2025-02-01&currency=gbp&natoAccession=2030-01-01'), today),
    ).toEqual({ asOf: '2025-02-01', currency: 'GBP', natoAccession: '2030-01-01' });
    expect(
      parseControls(new URLSearchParams('asOf=2025-02-30&currency=JPY&natoAccession=soon'), today),
    ).toEqual({ asOf: today, currency: 'EUR', natoAccession: null });
    expect(parseCurrency(undefined)).toBe('EUR');
  });

  it('keeps the defaults out of the address and other parameters in it', () => {
    const previous = new URLSearchParams('asOf=2024-01-01&other=1');
    expect(
      controlsToParams({ asOf: today, currency: 'EUR', natoAccession: null }, today, previous).toString(),
    ).toBe('other=1');
    expect(
      controlsToParams(
        { asOf: '2025-02-01', currency: 'USD', natoAccession: '2030-01-01' },
        today,
      ).toString(),
    ).toBe('asOf=2025-02-01&currency=USD&natoAccession=2030-01-01');
  });

  it('reads the rule thresholds named as the API parameters, and writes only those changed', () => {
    const params = new URLSearchParams(
      'fragmentationThreshold=6&concentrationThreshold=0.6&redundancyThreshold=lots&expiryCliffShare=-1&gapHighBelow=0.9',
    );
    expect(parseThresholds(params)).toEqual({ fragmentationThreshold: 6, concentrationThreshold: 0.6, gapHighBelow: 0.9 });
    expect(parseControls(params, today).thresholds).toEqual({ fragmentationThreshold: 6, concentrationThreshold: 0.6, gapHighBelow: 0.9 });
    expect(parseControls(new URLSearchParams('fragmentationThreshold=0'), today)).not.toHaveProperty('thresholds');
    // A critical band above the high one is not an analysis the API would run: it is dropped.
    expect(parseThresholds(new URLSearchParams('gapCriticalBelow=0.9'))).toEqual({});
    expect(parseThresholds(new URLSearchParams('gapCriticalBelow=0.9&gapHighBelow=0.95'))).toEqual({ gapCriticalBelow: 0.9, gapHighBelow: 0.95 });
    const controls = { asOf: today, currency: 'EUR' as const, natoAccession: null, thresholds: { fragmentationThreshold: 6, concentrationThreshold: 0.5 } };
    expect(controlsToParams(controls, today).toString()).toBe('fragmentationThreshold=6');
    expect(parseControls(controlsToParams(controls, today), today).thresholds).toEqual({ fragmentationThreshold: 6 });
  });
});
