import { describe, expect, it } from 'vitest';
import { agreement, findingsOf, run } from '../test-fixtures.js';

describe('CONSULTATION_MISMATCH', () => {
  it('lists the differing windows with their agreements and clauses (info)', () => {
    const result = run({
      agreements: [
        agreement('test-a', 'XA'),
        agreement('test-b', 'XB', { consultation: { trigger: 'armed-attack', withinHours: 48 } }),
        agreement('test-c', 'XC', { consultation: { trigger: 'armed-attack', withinHours: null, wording: 'swiftly' } }),
        agreement('test-d', 'XD'),
      ],
      clauses: [{ agreementId: 'test-b', ref: 'III.1', text: 'fictional', topics: ['consultation'] }],
    });
    const [finding] = findingsOf(result, 'CONSULTATION_MISMATCH');
    expect(finding).toMatchObject({ severity: 'info', subject: { beneficiary: 'XZ', agreementIds: ['test-a', 'test-b', 'test-c', 'test-d'] } });
    expect(finding?.clauses).toEqual([{ agreementId: 'test-b', ref: 'III.1' }]);
    expect(finding?.message).toContain('within 24 hours — test-a, test-d; within 48 hours — test-b; “swiftly” — test-c');
    expect(finding?.messageUk).toContain('протягом 48 год. — test-b; «swiftly» — test-c');
  });

  it('is silent when the windows agree', () => {
    expect(findingsOf(run({ agreements: [agreement('test-a', 'XA'), agreement('test-b', 'XB')] }), 'CONSULTATION_MISMATCH')).toEqual([]);
  });
});
