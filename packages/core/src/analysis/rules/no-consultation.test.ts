import { describe, expect, it } from 'vitest';
import { agreement, findingsOf, run } from '../test-fixtures.js';

describe('NO_CONSULTATION', () => {
  it('is high when the agreement states it has none, medium when none is recorded', () => {
    const result = run({ agreements: [agreement('test-a', 'XA', { consultation: null }), agreement('test-b', 'XB', { consultation: undefined })] });
    expect(findingsOf(result, 'NO_CONSULTATION').map((f) => [f.subject.agreementId, f.severity, f.subject.consultation])).toEqual([
      ['test-a', 'high', 'none'],
      ['test-b', 'medium', 'unknown'],
    ]);
  });

  it('accepts a clause on consultation in place of the structured term', () => {
    const result = run({
      agreements: [agreement('test-a', 'XA', { consultation: undefined })],
      clauses: [{ agreementId: 'test-a', ref: 'IV.2', text: 'The participants will consult (fictional).', topics: ['Consultation'] }],
    });
    expect(findingsOf(result, 'NO_CONSULTATION')).toEqual([]);
  });

  it('looks only at agreements signed or in force as of the day', () => {
    const result = run({ agreements: [agreement('test-a', 'XA', { consultation: null, status: [{ status: 'talks', on: '2024-01-01' }] })] });
    expect(findingsOf(result, 'NO_CONSULTATION')).toEqual([]);
  });
});
