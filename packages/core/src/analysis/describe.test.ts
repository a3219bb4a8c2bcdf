import { describe, expect, it } from 'vitest';
import { gdpText, truncated, truncatedMap } from './describe.js';
import { partnersOf } from './finding.js';

describe('truncatedMap', () => {
  const upper = (item: string) => item.toUpperCase();

  it('formats every item when there are no more than the limit', () => {
    expect(truncatedMap([], 3, 'en', upper)).toBe('');
    expect(truncatedMap(['a'], 3, 'en', upper)).toBe('A');
    expect(truncatedMap(['a', 'b', 'c'], 3, 'en', upper)).toBe('A, B, C');
  });

  it('formats only the items shown and counts the rest, in either language', () => {
    const seen: string[] = [];
    const text = truncatedMap(['a', 'b', 'c', 'd', 'e'], 2, 'en', (item) => {
      seen.push(item);
      return item.toUpperCase();
    });
    expect(text).toBe('A, B and 3 more');
    expect(seen).toEqual(['a', 'b']);
    expect(truncatedMap(['a', 'b', 'c'], 1, 'uk', upper)).toBe('A та ще 2');
  });

  it('reads as truncated() of the formatted items', () => {
    const pairs: [string, number][] = [
      ['GB', 3],
      ['DE', 2],
      ['FR', 1],
      ['PL', 4],
    ];
    for (let limit = 0; limit <= 5; limit++) {
      const format = ([code, n]: [string, number]) => `${code} ${n}`;
      expect(truncatedMap(pairs, limit, 'en', format)).toBe(truncated(pairs.map(format), limit, 'en'));
    }
  });
});

describe('gdpText', () => {
  it('writes the fraction as a percentage, exactly', () => {
    expect(gdpText('0.0025', true, 'en')).toBe('0.25 % of GDP per year');
    expect(gdpText('0.0025', false, 'uk')).toBe('0,25 % ВВП');
    expect(gdpText('0.01', false, 'en')).toBe('1 % of GDP');
    expect(gdpText('0.1', false, 'en')).toBe('10 % of GDP');
    expect(gdpText('1', false, 'en')).toBe('100 % of GDP');
    expect(gdpText('0.00125', true, 'uk')).toBe('0,125 % ВВП на рік');
  });
});

describe('partnersOf', () => {
  it('keeps the partners of the pairs in their order', () => {
    expect(partnersOf([])).toEqual([]);
    expect(
      partnersOf([
        ['GB', 3n],
        ['DE', 5n],
      ]),
    ).toEqual(['GB', 'DE']);
  });
});
