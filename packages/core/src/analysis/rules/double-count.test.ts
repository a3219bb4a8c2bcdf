import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, run } from '../test-fixtures.js';

const agreements = [agreement('test-a', 'XA')];

describe('DOUBLE_COUNT', () => {
  it('names both commitments and their clauses', () => {
    const result = run({
      agreements,
      commitments: [
        commitment('test-1', 'XA', 'test-a', { capabilityArea: null, clauseRef: 'I.1', money: { amount: '100', currency: 'EUR' } }),
        commitment('test-2', 'XA', 'test-a', { capabilityArea: 'drones', clauseRef: 'I.2', money: { amount: '20', currency: 'EUR' }, countsAs: 'test-1' }),
      ],
    });
    const [finding] = findingsOf(result, 'DOUBLE_COUNT');
    expect(finding).toMatchObject({
      id: 'DOUBLE_COUNT:test-2:test-1',
      severity: 'info',
      subject: { commitment: 'test-2', countsAs: 'test-1' },
      clauses: [
        { agreementId: 'test-a', ref: 'I.1' },
        { agreementId: 'test-a', ref: 'I.2' },
      ],
    });
    expect(finding?.message).toContain('test-2 counts in drones and only the rest of test-1 without a capability area');
  });

  it('is low when the restatement is larger than the original', () => {
    const result = run({
      agreements,
      commitments: [commitment('test-1', 'XA', 'test-a'), commitment('test-2', 'XA', 'test-a', { money: { amount: '150', currency: 'EUR' }, countsAs: 'test-1' })],
    });
    expect(findingsOf(result, 'DOUBLE_COUNT')[0]?.severity).toBe('low');
  });

  it('breaks a cycle at its smallest id, counting the money once, and flags it', () => {
    const result = run({
      agreements,
      commitments: [commitment('test-1', 'XA', 'test-a', { countsAs: 'test-2' }), commitment('test-2', 'XA', 'test-a', { countsAs: 'test-1' })],
    });
    expect(result.coverage.map((row) => row.committed)).toEqual(['100']);
    const findings = findingsOf(result, 'DOUBLE_COUNT');
    expect(findings.map((f) => [f.subject.commitment, f.severity])).toEqual([
      ['test-1', 'medium'],
      ['test-2', 'info'],
    ]);
  });

  it('is silent when the commitment restated is not in the input', () => {
    expect(findingsOf(run({ agreements, commitments: [commitment('test-2', 'XA', 'test-a', { countsAs: 'test-hidden' })] }), 'DOUBLE_COUNT')).toEqual([]);
  });
});
