import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, run } from '../test-fixtures.js';

const items = (...names: string[]) =>
  run({
    agreements: [agreement('test-a', 'XA')],
    commitments: names.map((item, i) => commitment(`test-${i}`, 'XA', 'test-a', { capabilityArea: 'armour', money: null, quantity: { value: 1, unit: 'tanks', item } })),
  });

describe('FRAGMENTATION', () => {
  it('flags 4 distinct item types in one capability area (the threshold is inclusive)', () => {
    expect(findingsOf(items('Model A', 'Model B', 'Model C', 'Model D'), 'FRAGMENTATION')).toMatchObject([
      { severity: 'low', subject: { capabilityArea: 'armour', items: ['Model A', 'Model B', 'Model C', 'Model D'] } },
    ]);
  });

  it('is silent with 3, counting spelling variants once', () => {
    expect(findingsOf(items('Model A', 'model a', ' Model  A', 'Model B', 'Model C'), 'FRAGMENTATION')).toEqual([]);
  });

  it('takes its threshold as an option', () => {
    const result = run(
      { agreements: [agreement('test-a', 'XA')], commitments: ['A', 'B'].map((item, i) => commitment(`test-${i}`, 'XA', 'test-a', { quantity: { value: 1, item } })) },
      { fragmentationThreshold: 2 },
    );
    expect(findingsOf(result, 'FRAGMENTATION')).toHaveLength(1);
  });
});
