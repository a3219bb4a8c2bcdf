import { describe, expect, it } from 'vitest';
import { agreement, coalition, commitment, findingsOf, run, type CommitmentIn } from '../test-fixtures.js';

const agreements = [agreement('test-a', 'XA'), agreement('test-b', 'XA')];
const coalitions = [coalition('test-k', ['air-defence'], ['XB'])];
const bilateral = (extra: Partial<CommitmentIn> = {}) => commitment('test-1', 'XA', 'test-a', { period: { from: '2025-01-01', to: '2025-06-30' }, ...extra });
const contribution = (extra: Partial<CommitmentIn> = {}) => commitment('test-2', 'XA', null, { coalitionId: 'test-k', period: { from: '2025-06-30', to: '2025-12-31' }, ...extra });
const check = (...commitments: CommitmentIn[]) => findingsOf(run({ agreements, coalitions, commitments }), 'POSSIBLE_DOUBLE_COUNT');

describe('POSSIBLE_DOUBLE_COUNT', () => {
  it('flags the same money in an agreement and a coalition with periods sharing a day', () => {
    expect(check(bilateral(), contribution())).toMatchObject([
      { id: 'POSSIBLE_DOUBLE_COUNT:test-1:test-2', severity: 'medium', subject: { partner: 'XA', commitments: ['test-1', 'test-2'] } },
    ]);
  });

  it('treats periods touching at a day boundary as not overlapping', () => {
    expect(check(bilateral(), contribution({ period: { from: '2025-07-01', to: '2025-12-31' } }))).toEqual([]);
  });

  it('compares amounts exactly, whatever their notation', () => {
    expect(check(bilateral(), contribution({ money: { amount: '100.00', currency: 'EUR' } }))).toHaveLength(1);
    expect(check(bilateral(), contribution({ money: { amount: '100.01', currency: 'EUR' } }))).toEqual([]);
    expect(check(bilateral(), contribution({ money: { amount: '100', currency: 'USD' } }))).toEqual([]);
  });

  it('flags two different agreements, not the same one', () => {
    expect(check(bilateral(), bilateral({ id: 'test-2', agreementId: 'test-b' }))).toHaveLength(1);
    expect(check(bilateral(), bilateral({ id: 'test-2' }))).toEqual([]);
  });

  it('is silent for other providers, other areas and linked commitments', () => {
    expect(check(bilateral(), contribution({ provider: 'XB' }))).toEqual([]);
    expect(check(bilateral(), contribution({ capabilityArea: 'drones' }))).toEqual([]);
    expect(check(bilateral(), contribution({ countsAs: 'test-1' }))).toEqual([]);
  });
});
