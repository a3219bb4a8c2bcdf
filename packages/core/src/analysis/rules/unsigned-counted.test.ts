import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, run } from '../test-fixtures.js';

const talks = agreement('test-a', 'XA', { status: [{ status: 'talks', on: '2024-01-01' }] });

describe('UNSIGNED_COUNTED', () => {
  it('flags binding or pledged commitments of an agreement not signed as of the day, which do not count', () => {
    const result = run({ agreements: [talks], commitments: [commitment('test-1', 'XA', 'test-a'), commitment('test-2', 'XA', 'test-a', { firmness: 'binding' }), commitment('test-3', 'XA', 'test-a', { firmness: 'intended' })] });
    expect(findingsOf(result, 'UNSIGNED_COUNTED').map((f) => f.subject.commitment)).toEqual(['test-1', 'test-2']);
    expect(findingsOf(result, 'UNSIGNED_COUNTED')[0]?.message).toBe(
      'Commitment test-1 is marked pledged, but agreement test-a is not signed as of 2025-06-30 (status: talks); it is not counted as committed.',
    );
    expect(result.coverage).toEqual([]);
  });

  it('flags commitments of an agreement no longer in force', () => {
    const ended = agreement('test-a', 'XA', { status: [{ status: 'signed', on: '2024-01-01' }, { status: 'terminated', on: '2025-01-31' }] });
    expect(findingsOf(run({ agreements: [ended], commitments: [commitment('test-1', 'XA', 'test-a')] }), 'UNSIGNED_COUNTED')[0]?.message).toContain('no longer in force');
  });

  it('is silent for a signed agreement', () => {
    expect(findingsOf(run({ agreements: [agreement('test-a', 'XA')], commitments: [commitment('test-1', 'XA', 'test-a')] }), 'UNSIGNED_COUNTED')).toEqual([]);
  });
});
