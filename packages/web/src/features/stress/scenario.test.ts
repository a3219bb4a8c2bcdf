import { describe, expect, it } from 'vitest';
import { StressScenario } from '@compact/core';
import { emptyChange, fanSeries, toScenario } from './scenario.js';

describe('stress scenario editor', () => {
  it('builds a scenario the core schema accepts', () => {
    const scenario = toScenario(' US on hold ', [
      { kind: 'funding-hold', partner: 'us', months: 6 },
      { kind: 'remove-partner', partner: 'GB' },
      { kind: 'add-pledge', partner: 'nl', capabilityArea: 'drones', amount: '500,000,000', year: 2026 },
      emptyChange('nato-accession', 2029),
    ]);
    expect(scenario).toMatchObject({
      name: 'US on hold',
      shocks: [{ type: 'funding-hold', partner: 'US', months: 6 }],
    });
    expect(scenario?.changes?.[1]).toMatchObject({
      type: 'add-pledge',
      partner: 'NL',
      amount: '500000000',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(scenario?.changes?.[2]).toEqual({ type: 'nato-accession', date: '2030-01-01' });
    expect(StressScenario.safeParse(scenario).success).toBe(true);
    expect(toScenario('x', [])).toBeNull();
    expect(
      StressScenario.safeParse(toScenario('x', [{ kind: 'delay-partner', partner: 'GBR', months: 3 }]))
        .success,
    ).toBe(false);
  });

  it('groups cells into one fan per area, years ascending', () => {
    const cell = (capabilityArea: string, year: number, mean: number) => ({
      capabilityArea,
      year,
      mean,
      fan: [0, 0, 0, mean, 1, 1, 1],
      critical: capabilityArea === 'artillery',
    });
    const fans = fanSeries(
      [cell('drones', 2025, 0.2), cell('artillery', 2025, 0.5), cell('drones', 2024, 0.1)],
      ['artillery', 'drones'],
    );
    expect(fans.map((f) => f.area)).toEqual(['artillery', 'drones']);
    expect(fans[1]).toMatchObject({ years: [2024, 2025], means: [0.1, 0.2], critical: false });
    expect(fans[0]?.critical).toBe(true);
  });
});
