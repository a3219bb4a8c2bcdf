import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n/testing.js';
import { formatConsultation } from './consultation.js';

const en = translatorFor('en');
const uk = translatorFor('uk');

describe('formatConsultation', () => {
  it('gives the deadline in hours', () => {
    const clause = { trigger: 'armed-attack' as const, withinHours: 24 };
    expect(formatConsultation(clause, 'en-GB', en)).toBe('24 h');
    expect(formatConsultation(clause, 'uk-UA', uk)).toBe('24 год');
  });

  it('marks a best-effort deadline', () => {
    const clause = { trigger: 'armed-attack' as const, withinHours: 24, bestEffort: true };
    expect(formatConsultation(clause, 'en-GB', en)).toBe('24 h (best effort)');
    expect(formatConsultation(clause, 'uk-UA', uk)).toBe('24 год (за можливості)');
  });

  it('uses the wording when there is no number of hours', () => {
    const swiftly = { trigger: 'armed-attack' as const, withinHours: null, wording: 'swiftly' };
    expect(formatConsultation(swiftly, 'en-GB', en)).toBe('swiftly');
    expect(formatConsultation(swiftly, 'uk-UA', uk)).toBe('невідкладно');
    const immediately = { trigger: 'armed-attack' as const, withinHours: null, wording: 'immediately' };
    expect(formatConsultation(immediately, 'en-GB', en)).toBe('immediately');
    expect(formatConsultation(immediately, 'uk-UA', uk)).toBe('негайно');
    const other = { trigger: 'armed-attack' as const, withinHours: null, wording: 'without delay' };
    expect(formatConsultation(other, 'en-GB', en)).toBe('“without delay”');
    expect(formatConsultation({ trigger: 'armed-attack', withinHours: null }, 'en-GB', en)).toBe(
      'no deadline stated',
    );
  });

  it('says "not recorded" when the clause is absent or unknown', () => {
    expect(formatConsultation(null, 'en-GB', en)).toBe('not recorded');
    expect(formatConsultation(undefined, 'uk-UA', uk)).toBe('не зазначено');
  });
});
