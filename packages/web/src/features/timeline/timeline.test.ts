import { describe, expect, it } from 'vitest';
import type { AgreementView } from '../../api/types.js';
import { buildTimeline, fractionOfMonth, monthsBetween } from './timeline.js';

const agreement = (id: string, signedOn: string | null, partner: string | null = null) =>
  ({ id, signedOn, partner, kind: 'bilateral', title: id }) as AgreementView;

describe('buildTimeline', () => {
  it('groups signatures by day from the start on and merges the markers', () => {
    const days = buildTimeline([
      agreement('de', '2024-02-16', 'DE'),
      agreement('g7', '2023-07-12'),
      agreement('fr', '2024-02-16', 'FR'),
      agreement('old', '2022-01-01'),
      agreement('us-talks', null, 'US'),
      agreement('gb', '2024-01-12', 'GB'),
    ]);
    expect(days.map((day) => day.date)).toEqual([
      '2023-07-12',
      '2024-01-12',
      '2024-02-16',
      '2024-02-20',
      '2024-07-11',
    ]);
    expect(days[2]?.signatures.map((s) => s.id)).toEqual(['de', 'fr']);
    expect(days[3]).toMatchObject({ signatures: [], markers: ['seedArticle'] });
    expect(days[4]?.markers).toEqual(['ukraineCompact']);
  });

  it('puts a marker on the day of a signature when they coincide', () => {
    const days = buildTimeline([agreement('compact', '2024-07-11')]);
    expect(days.find((day) => day.date === '2024-07-11')).toMatchObject({
      signatures: [{ id: 'compact' }],
      markers: ['ukraineCompact'],
    });
  });
});

describe('month helpers', () => {
  it('lists the months between two dates', () => {
    expect(monthsBetween('2023-11-20', '2024-02-01')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });

  it('places a day within its month', () => {
    expect(fractionOfMonth('2024-02-01')).toBe(0);
    expect(fractionOfMonth('2024-02-20')).toBeCloseTo(19 / 29);
  });
});
