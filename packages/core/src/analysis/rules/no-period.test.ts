import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, run } from '../test-fixtures.js';

describe('NO_PERIOD', () => {
  it('notes the year a commitment without a period is counted in', () => {
    const result = run({ agreements: [agreement('test-a', 'XA')], commitments: [commitment('test-1', 'XA', 'test-a', { period: null })] });
    expect(findingsOf(result, 'NO_PERIOD')[0]?.message).toBe('Commitment test-1 has no period; it is counted in 2024, the year its agreement test-a was signed.');
  });

  it('is silent for commitments that do not count or carry no amount', () => {
    const talks = agreement('test-a', 'XA', { status: [{ status: 'talks', on: '2024-01-01' }] });
    expect(findingsOf(run({ agreements: [talks], commitments: [commitment('test-1', 'XA', 'test-a', { period: null })] }), 'NO_PERIOD')).toEqual([]);
    expect(findingsOf(run({ agreements: [agreement('test-a', 'XA')], commitments: [commitment('test-1', 'XA', 'test-a', { period: null, money: null })] }), 'NO_PERIOD')).toEqual([]);
  });
});
