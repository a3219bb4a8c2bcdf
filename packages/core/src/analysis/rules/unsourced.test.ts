import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, requirement, run } from '../test-fixtures.js';

describe('UNSOURCED', () => {
  it('flags agreements, commitments and requirements without a source (low)', () => {
    const result = run({
      agreements: [agreement('test-a', 'XA', { sources: [] }), agreement('test-b', 'XB')],
      requirements: [requirement('test-r', 'air-defence', 2025, '1', { sources: [] })],
      commitments: [commitment('test-1', 'XA', 'test-a', { sources: [] }), commitment('test-2', 'XB', 'test-b')],
    });
    expect(findingsOf(result, 'UNSOURCED').map((f) => [f.id, f.severity])).toEqual([
      ['UNSOURCED:agreement:test-a', 'low'],
      ['UNSOURCED:commitment:test-1', 'low'],
      ['UNSOURCED:requirement:test-r', 'low'],
    ]);
  });
});
