import { describe, expect, it } from 'vitest';
import { isoDateKey } from './dates.js';

describe('isoDateKey', () => {
  it('reads a YYYY-MM-DD date as the number YYYYMMDD', () => {
    expect(isoDateKey('2024-02-16')).toBe(20240216);
    expect(isoDateKey('0001-01-01')).toBe(10101);
  });

  it('is -1 for any other text, so that a key stands for exactly one text', () => {
    for (const text of ['2024-2-16', '2024-02-6', '2024/02/16', '2024-02-16T00:00', '20240216', '2024-0a-16', '2024-02-1 ', '']) {
      expect(isoDateKey(text), text).toBe(-1);
    }
  });

  it('tells apart texts whose day numbers are equal (an invalid day rolls over)', () => {
    expect(isoDateKey('2024-02-30')).not.toBe(isoDateKey('2024-03-01'));
  });
});
