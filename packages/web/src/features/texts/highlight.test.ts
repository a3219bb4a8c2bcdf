import { describe, expect, it } from 'vitest';
import { locateSpans, toSegments } from './highlight.js';

describe('toSegments', () => {
  it('marks one span in the middle', () => {
    expect(toSegments('will provide EUR 100 million in 2026.', [{ start: 13, end: 28 }])).toEqual([
      { text: 'will provide ', mark: false },
      { text: 'EUR 100 million', mark: true },
      { text: ' in 2026.', mark: false },
    ]);
  });

  it('keeps every character exactly once, merging overlaps and clamping', () => {
    const text = 'abcdefghij';
    const segments = toSegments(text, [
      { start: 6, end: 8 },
      { start: 1, end: 3 },
      { start: 2, end: 5 },
      { start: 8, end: 9 },
      { start: -4, end: 0 },
      { start: 9, end: 40 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments).toEqual([
      { text: 'a', mark: false },
      { text: 'bcde', mark: true },
      { text: 'f', mark: false },
      { text: 'ghij', mark: true },
    ]);
  });

  it('gives the whole text unmarked without spans, and one empty run for empty text', () => {
    expect(toSegments('plain', [])).toEqual([{ text: 'plain', mark: false }]);
    expect(toSegments('', [{ start: 0, end: 3 }])).toEqual([{ text: '', mark: false }]);
  });

  it('marks a span at the very start and end', () => {
    expect(toSegments('£2.5 billion', [{ start: 0, end: 12 }])).toEqual([
      { text: '£2.5 billion', mark: true },
    ]);
  });

  it('keeps Ukrainian letters intact', () => {
    const text = 'Надати 100 мільйонів євро';
    expect(toSegments(text, [{ start: 7, end: 25 }]).map((s) => s.text)).toEqual([
      'Надати ',
      '100 мільйонів євро',
    ]);
  });
});

describe('locateSpans', () => {
  const text = 'The Participant will provide EUR 100 million in 2026.';

  it('trusts offsets that cover the quoted words', () => {
    expect(locateSpans(text, [{ start: 29, end: 44, text: 'EUR 100 million' }])).toEqual([
      { start: 29, end: 44 },
    ]);
  });

  it('finds the words when the offsets are stale, and drops what is not there', () => {
    expect(
      locateSpans(text, [
        { start: 0, end: 15, text: 'EUR 100 million' },
        { start: 0, end: 5, text: 'GBP 3 billion' },
      ]),
    ).toEqual([{ start: 29, end: 44 }]);
  });
});
