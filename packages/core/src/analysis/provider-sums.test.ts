import { describe, expect, it } from 'vitest';
import type { ProviderSlot } from './model.js';
import { SlotArray } from './provider-sums.js';

function slot(partner: string, committed: bigint): ProviderSlot {
  return { partner, committed, ending: 0n, starting: 0n };
}

function contents(slots: ReadonlyMap<string, ProviderSlot>) {
  const each: [string, ProviderSlot][] = [];
  slots.forEach((value, key, owner) => {
    expect(owner).toBe(slots);
    each.push([key, value]);
  });
  return { size: slots.size, entries: [...slots], keys: [...slots.keys()], values: [...slots.values()], each };
}

describe('SlotArray', () => {
  it('reads as a Map does through inserts, replacements and deletes, in order of insertion', () => {
    const map = new Map<string, ProviderSlot>();
    const array = new SlotArray();
    const ops: ((slots: Map<string, ProviderSlot> | SlotArray) => unknown)[] = [
      (slots) => slots.set('GB', slot('GB', 5n)),
      (slots) => slots.set('DE', slot('DE', 7n)),
      (slots) => slots.set('FR', slot('FR', 1n)),
      (slots) => slots.set('GB', slot('GB', 9n)),
      (slots) => slots.delete('DE'),
      (slots) => slots.delete('PL'),
      (slots) => slots.set('DE', slot('DE', 2n)),
    ];
    for (const op of ops) {
      const fromMap = op(map);
      const fromArray = op(array);
      expect(typeof fromArray).toBe(typeof fromMap);
      if (typeof fromMap === 'boolean') expect(fromArray).toBe(fromMap);
      expect(contents(array)).toEqual(contents(map));
    }
    expect(array.keys().next()).toEqual({ done: false, value: 'GB' });
    expect([...array.keys()]).toEqual(['GB', 'FR', 'DE']);
    expect(array.get('GB')?.committed).toBe(9n);
    expect(array.get('PL')).toBeUndefined();
    expect(array.has('FR')).toBe(true);
    expect(array.has('DE') && !array.has('PL')).toBe(true);
  });
});
