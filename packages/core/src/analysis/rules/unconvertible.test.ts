import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, requirement, run } from '../test-fixtures.js';

describe('UNCONVERTIBLE', () => {
  it('flags commitments, requirements and deliveries in a currency without a rate for the year', () => {
    const result = run({
      agreements: [agreement('test-a', 'XA')],
      requirements: [requirement('test-r', 'air-defence', 2031, '100', { money: { amount: '100', currency: 'SEK' } })],
      commitments: [commitment('test-1', 'XA', 'test-a', { money: { amount: '100', currency: 'SEK' }, period: { from: '2031-01-01', to: '2032-12-31' } })],
      flows: [{ id: 'test-f', commitmentId: 'test-1', stage: 'delivered', on: '2031-05-01', money: { amount: '10', currency: 'SEK' } }],
    });
    expect(findingsOf(result, 'UNCONVERTIBLE').map((f) => [f.id, f.severity])).toEqual([
      ['UNCONVERTIBLE:commitment:test-1', 'medium'],
      ['UNCONVERTIBLE:flow:test-f', 'medium'],
      ['UNCONVERTIBLE:requirement:test-r', 'medium'],
    ]);
    expect(findingsOf(result, 'UNCONVERTIBLE')[0]?.message).toContain('no exchange rate between SEK and EUR for 2031–2032');
    expect(result.coverage).toEqual([]);
  });
});
