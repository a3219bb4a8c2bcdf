import { describe, expect, it } from 'vitest';
import { countdown } from './countdown.js';

const now = Date.parse('2026-03-01T10:00:00Z');

describe('countdown', () => {
  it('gives hours and minutes when under a day', () => {
    expect(countdown('2026-03-01T13:20:00Z', now)).toEqual({
      overdue: false,
      parts: [
        { unit: 'h', value: 3 },
        { unit: 'min', value: 20 },
      ],
    });
  });

  it('gives days and hours from a day on, dropping a zero second unit', () => {
    expect(countdown('2026-03-03T14:00:00Z', now).parts).toEqual([
      { unit: 'd', value: 2 },
      { unit: 'h', value: 4 },
    ]);
    expect(countdown('2026-03-02T10:00:00Z', now).parts).toEqual([{ unit: 'd', value: 1 }]);
  });

  it('reads a past due time as overdue', () => {
    expect(countdown('2026-03-01T09:55:00Z', now)).toEqual({
      overdue: true,
      parts: [{ unit: 'min', value: 5 }],
    });
  });

  it('counts seconds in the last minute', () => {
    expect(countdown('2026-03-01T10:00:45Z', now).parts).toEqual([{ unit: 's', value: 45 }]);
    expect(countdown('2026-03-01T10:00:00Z', now)).toEqual({
      overdue: false,
      parts: [{ unit: 's', value: 0 }],
    });
  });
});
