import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, requirement, run } from '../test-fixtures.js';

const agreements = [agreement('test-a', 'XA', { }), agreement('test-b', 'XB')];
const requirements = [requirement('test-r', 'air-defence', 2025, '100')];

describe('SINGLE_GUARANTOR', () => {
  it('flags a requirement covered by exactly one provider, with its clause', () => {
    const result = run({ agreements, requirements, commitments: [commitment('test-1', 'XA', 'test-a', { clauseRef: 'II.3' }), commitment('test-2', 'XA', 'test-a')] });
    expect(findingsOf(result, 'SINGLE_GUARANTOR')).toMatchObject([
      { severity: 'high', subject: { partner: 'XA', year: 2025 }, clauses: [{ agreementId: 'test-a', ref: 'II.3' }] },
    ]);
    expect(findingsOf(result, 'SINGLE_GUARANTOR')[0]?.message).toContain('one provider, Testland XA (XA)');
  });

  it('is silent with two providers, without coverage, or without a requirement', () => {
    expect(findingsOf(run({ agreements, requirements, commitments: [commitment('test-1', 'XA', 'test-a'), commitment('test-2', 'XB', 'test-b')] }), 'SINGLE_GUARANTOR')).toEqual([]);
    expect(findingsOf(run({ agreements, requirements }), 'SINGLE_GUARANTOR')).toEqual([]);
    expect(findingsOf(run({ agreements, commitments: [commitment('test-1', 'XA', 'test-a')] }), 'SINGLE_GUARANTOR')).toEqual([]);
  });
});
