import { describe, expect, it } from 'vitest';
import { idHash, IdTable } from './id-table.js';

/** Two different ids with the same hash, found by trying (a 30-bit hash collides within some 40,000 ids). */
function collidingIds(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const id = `c-${i}`;
    const other = seen.get(idHash(id));
    if (other !== undefined) return [other, id];
    seen.set(idHash(id), id);
  }
}

describe('IdTable', () => {
  it('answers as a Map, ids with the same hash included', () => {
    const [a, b] = collidingIds();
    expect(a).not.toBe(b);
    const table = new IdTable<{ id: string; n: number }>();
    const map = new Map<string, { id: string; n: number }>();
    const both = (id: string, n: number) => {
      table.set(id, { id, n });
      map.set(id, { id, n });
    };
    both(a, 1);
    both(b, 2);
    both('x', 3);
    both(a, 4); // replaces
    expect(table.size).toBe(map.size);
    for (const id of [a, b, 'x', 'y', '']) {
      expect(table.get(id)).toEqual(map.get(id));
      expect(table.has(id)).toBe(map.has(id));
    }
    expect([...table.values()].sort((p, q) => p.n - q.n)).toEqual([...map.values()].sort((p, q) => p.n - q.n));
    expect(table.delete(a)).toBe(true);
    expect(table.delete(a)).toBe(false);
    expect(table.get(a)).toBeUndefined();
    expect(table.get(b)).toEqual({ id: b, n: 2 });
    expect(table.delete(b)).toBe(true);
    expect(table.delete('x')).toBe(true);
    expect(table.size).toBe(0);
  });
});
