import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, run } from '../test-fixtures.js';

const agreements = [agreement('test-a', 'XA', { status: [{ status: 'signed', on: '2024-03-15' }], endsOn: '2026-03-14' })];
const check = (from: string, to: string) => findingsOf(run({ agreements, commitments: [commitment('test-1', 'XA', 'test-a', { period: { from, to } })] }), 'OUTSIDE_VALIDITY');

describe('OUTSIDE_VALIDITY', () => {
  it('is silent for a period from the signature day to the last day of the agreement', () => {
    expect(check('2024-03-15', '2026-03-14')).toEqual([]);
  });

  it('flags a period running past the agreement’s end (medium)', () => {
    const [finding] = check('2025-01-01', '2026-03-15');
    expect(finding).toMatchObject({ severity: 'medium', subject: { commitment: 'test-1', endsOn: '2026-03-14' } });
    expect(finding?.message).toBe('Commitment test-1 runs to 2026-03-15, past the end of agreement test-a on 2026-03-14.');
  });

  it('flags a period starting before signature (low), and both at once', () => {
    expect(check('2024-03-14', '2024-12-31')).toMatchObject([{ severity: 'low' }]);
    const [both] = check('2024-01-01', '2027-12-31');
    expect(both?.severity).toBe('medium');
    expect(both?.message).toContain('and starts on 2024-01-01, before agreement test-a was signed on 2024-03-15');
  });

  it('derives the end from durationYears when endsOn is missing', () => {
    const result = run({
      agreements: [agreement('test-a', 'XA', { status: [{ status: 'signed', on: '2024-03-15' }], endsOn: null, durationYears: 1 })],
      commitments: [commitment('test-1', 'XA', 'test-a', { period: { from: '2024-04-01', to: '2025-03-15' } })],
    });
    expect(findingsOf(result, 'OUTSIDE_VALIDITY')[0]?.subject.endsOn).toBe('2025-03-14');
  });
});
