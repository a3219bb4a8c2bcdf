import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, requirement, run } from '../test-fixtures.js';

const agreements = [agreement('test-a', 'XA'), agreement('test-b', 'XB')];
const covered = (a: string, b: string | null) =>
  run({
    agreements,
    requirements: [requirement('test-r', 'air-defence', 2025, '100')],
    commitments: [
      commitment('test-1', 'XA', 'test-a', { money: { amount: a, currency: 'EUR' } }),
      ...(b ? [commitment('test-2', 'XB', 'test-b', { money: { amount: b, currency: 'EUR' } })] : []),
    ],
  });

describe('REDUNDANCY', () => {
  it('flags exactly 150 % from two providers, as info', () => {
    expect(findingsOf(covered('75', '75'), 'REDUNDANCY')).toMatchObject([{ severity: 'info', subject: { surplus: '50' } }]);
  });

  it('is silent just below 150 %, or with one provider', () => {
    expect(findingsOf(covered('75', '74.99'), 'REDUNDANCY')).toEqual([]);
    expect(findingsOf(covered('300', null), 'REDUNDANCY')).toEqual([]);
  });
});
