import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodeUnits, sortShort } from './short-sort.js';

describe('sortShort', () => {
  it('orders as Array.prototype.sort, stably, for short and long lists', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), at: fc.nat() }), { maxLength: 40 }), (items) => {
        const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(sortShort([...items], compare)).toEqual([...items].sort(compare));
      }),
    );
  });

  it('orders strings as the default sort does', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 30 }), (texts) => {
        expect(sortShort([...texts], compareCodeUnits)).toEqual([...texts].sort());
      }),
    );
  });
});
