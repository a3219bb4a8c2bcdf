import { describe, expect, it } from 'vitest';
import { idHash, IdIndex } from './id-index.js';

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

function indexOf(ids: readonly string[]): IdIndex {
  return new IdIndex(Int32Array.from(ids, idHash), ids.length, (position) => ids[position] as string);
}

describe('IdIndex', () => {
  it('finds every id at its position, ids with the same hash included', () => {
    const [a, b] = collidingIds();
    expect(a).not.toBe(b);
    const ids = ['x', b, 'y', a, '', 'é-ü'];
    const index = indexOf(ids);
    ids.forEach((id, position) => expect(index.indexOf(id)).toBe(position));
    expect(index.indexOf('z')).toBe(-1);
    expect(index.indexOf(`${a}-`)).toBe(-1);
  });

  it('answers as a Map over a few thousand ids', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `syn-c-${(i * 7919) % 5000}-${i % 3}`);
    const unique = [...new Set(ids)];
    const index = indexOf(unique);
    const map = new Map(unique.map((id, position) => [id, position]));
    for (const id of [...unique, 'missing', 'syn-c-1']) expect(index.indexOf(id)).toBe(map.get(id) ?? -1);
  });

  it('names the first id that repeats an earlier one', () => {
    const [a, b] = collidingIds();
    expect(() => indexOf(['p', a, b, 'q', b, 'p'])).toThrow('duplicate commitment id "' + b + '"');
    expect(() => indexOf(['p', 'q', 'p', 'q'])).toThrow('duplicate commitment id "p"');
    expect(() => indexOf([a, b])).not.toThrow();
  });
});
