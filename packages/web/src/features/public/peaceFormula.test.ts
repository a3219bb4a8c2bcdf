import { describe, expect, it } from 'vitest';
import type { Meeting } from '@compact/core';
import { meetingsByDate, meetingsOn, orderPoints } from './peaceFormula.js';

const meeting = (id: string, on: string, points: number[]): Meeting => ({ id, name: id, on, points, sources: [] });

describe('the peace formula', () => {
  it('puts point 9 first, then the others in order', () => {
    expect(orderPoints([{ point: 3 }, { point: 9 }, { point: 1 }, { point: 10 }]).map((p) => p.point)).toEqual([9, 1, 3, 10]);
  });

  it('finds the meetings on a point, oldest first, and lists all newest first', () => {
    const meetings = [meeting('davos', '2024-01-14', [6, 9]), meeting('malta', '2023-10-28', [1]), meeting('x', '2023-01-01', [9])];
    expect(meetingsOn(9, meetings).map((m) => m.id)).toEqual(['x', 'davos']);
    expect(meetingsByDate(meetings).map((m) => m.id)).toEqual(['davos', 'malta', 'x']);
  });
});
