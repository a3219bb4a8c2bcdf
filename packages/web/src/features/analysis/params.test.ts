import { describe, expect, it } from 'vitest';
import { controlsToParams, parseControls, parseCurrency } from './params.js';

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
});
