import { describe, expect, it } from 'vitest';
import { agreement, coalition, commitment, findingsOf, run } from '../test-fixtures.js';

const coalitions = [coalition('test-k', ['air-defence', 'drones'], ['XA', 'XB'])];
const agreements = [agreement('test-a', 'XA'), agreement('test-b', 'XB'), agreement('test-u', 'XB', { status: [{ status: 'talks', on: '2024-01-01' }] })];

describe('LEAD_WITHOUT_COMMITMENT', () => {
  it('flags a lead without a counted commitment in the coalition’s areas', () => {
    const result = run({ agreements, coalitions, commitments: [commitment('test-1', 'XA', 'test-a', { capabilityArea: 'drones' }), commitment('test-2', 'XB', 'test-u')] });
    expect(findingsOf(result, 'LEAD_WITHOUT_COMMITMENT')).toMatchObject([{ id: 'LEAD_WITHOUT_COMMITMENT:test-k:XB', severity: 'medium', subject: { coalition: 'test-k', partner: 'XB' } }]);
  });

  it('accepts a contribution to the coalition itself', () => {
    const result = run({
      agreements,
      coalitions,
      commitments: [commitment('test-1', 'XA', 'test-a'), commitment('test-2', 'XB', null, { coalitionId: 'test-k', capabilityArea: null })],
    });
    expect(findingsOf(result, 'LEAD_WITHOUT_COMMITMENT')).toEqual([]);
  });
});
