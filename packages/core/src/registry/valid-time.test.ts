import { describe, expect, it } from 'vitest';
import { endOfTerm, isActiveAsOf, statusAsOf } from './valid-time.js';

const agreement = {
  status: [
    { status: 'talks' as const, on: '2024-02-20', onIsUpperBound: true },
    { status: 'signed' as const, on: '2024-06-13' },
  ],
};

describe('valid time', () => {
  it('answers the status on a given day', () => {
    expect(statusAsOf(agreement, '2024-02-19')).toBeUndefined();
    expect(statusAsOf(agreement, '2024-02-20')).toBe('talks');
    expect(statusAsOf(agreement, '2024-06-12')).toBe('talks');
    expect(statusAsOf(agreement, '2024-06-13')).toBe('signed');
    expect(isActiveAsOf(agreement, '2024-06-12')).toBe(false);
    expect(isActiveAsOf(agreement, '2025-11-30')).toBe(true);
  });

  it('ends a ten-year term the day before its anniversary', () => {
    expect(endOfTerm('2024-01-12', 10)).toBe('2034-01-11');
    expect(endOfTerm('2024-03-01', 10)).toBe('2034-02-28');
  });
});
