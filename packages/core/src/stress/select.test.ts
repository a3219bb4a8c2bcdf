import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random.js';
import { orderStatistics, selectInPlace } from './select.js';

describe('selection', () => {
  it('finds the same order statistics as a sort, with ties and without', () => {
    const random = seededRandom(42);
    for (const [n, distinct] of [
      [1, 1],
      [2, 2],
      [1000, 3],
      [5001, 5001],
      [20000, 40],
    ] as const) {
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * distinct) / distinct);
      const sorted = Float64Array.from(values).sort();
      const ranks = [0, Math.floor(n / 3), Math.floor(n / 2), n - 1].sort((a, b) => a - b);
      const lowest = Math.max(1, Math.ceil(n / 20));
      const got = orderStatistics(Float64Array.from(values), ranks, lowest);
      expect(got.values).toEqual(ranks.map((r) => sorted[r]));
      let sum = 0;
      for (let i = 0; i < lowest; i++) sum += sorted[i] as number;
      expect(got.lowestSum).toBeCloseTo(sum, 9);
      const copy = Float64Array.from(values);
      selectInPlace(copy, n - 1);
      expect(copy[n - 1]).toBe(sorted[n - 1]);
    }
  });
});
