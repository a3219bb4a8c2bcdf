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

describe('IdTable against a Map', () => {
  it('gives the same answers through thousands of sets, replacements and deletes, growing and reusing deleted slots', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const table = new IdTable<{ id: string; n: number }>();
    const map = new Map<string, { id: string; n: number }>();
    for (let step = 0; step < 20_000; step++) {
      const id = `c-${Math.floor(next() * 3_000)}`;
      const roll = next();
      if (roll < 0.6) {
        table.set(id, { id, n: step });
        map.set(id, { id, n: step });
      } else if (roll < 0.9) {
        expect(table.delete(id)).toBe(map.delete(id));
      } else {
        expect(table.get(id)).toEqual(map.get(id));
        expect(table.has(id)).toBe(map.has(id));
      }
      expect(table.size).toBe(map.size);
    }
    for (let i = 0; i < 3_000; i++) expect(table.get(`c-${i}`)).toEqual(map.get(`c-${i}`));
    expect([...table.values()]).toEqual([...map.values()]);
  });

  it('is made large enough for an expected count, and still grows past it', () => {
    const table = new IdTable<{ id: string }>(4);
    for (let i = 0; i < 1_000; i++) table.set(`x${i}`, { id: `x${i}` });
    expect(table.size).toBe(1_000);
    expect(table.get('x999')).toEqual({ id: 'x999' });
    expect(table.get('x1000')).toBeUndefined();
  });
});
