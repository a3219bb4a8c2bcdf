// The documented adjustment factors, each on its own, and how they combine on the log-odds scale.
import { describe, expect, it } from 'vitest';
import { agreement, AS_OF, build, commitment, requirement } from '../analysis/test-fixtures.js';
import { runStress } from './run.js';
import { FACTORS, logistic, logit } from './reliability.js';

const base = 0.745;
const shifted = (...shifts: number[]) => logistic(logit(base) + shifts.reduce((a, b) => a + b, 0));

/** One commitment per case, each in its own agreement; the probabilities as compiled. */
function probabilities(parts: Parameters<typeof build>[0], scenario?: Parameters<typeof runStress>[2]) {
  const pkg = build({ requirements: [requirement('test-r', 'air-defence', 2025, '1000')], ...parts });
  const result = runStress(pkg, { asOf: AS_OF, trials: 10 }, scenario);
  const side = scenario ? result.scenario : result.baseline;
  return new Map((side?.commitments ?? []).map((c) => [c.id, c] as const));
}

describe('reliability factors', () => {
  // AS_OF is 2025-06-30; an agreement ending 2030-06-30 has 5 years left: no remaining-term shift.
  const fiveYears = { endsOn: '2030-06-30' };

  it('starts from the sourced base rate and shifts by each documented factor', () => {
    const p = probabilities({
      agreements: [
        agreement('test-plain', 'XA', fiveYears),
        agreement('test-binding', 'XB', { ...fiveYears, legallyBinding: true }),
        agreement('test-treaty', 'XC', { ...fiveYears, legalForm: 'treaty' }),
        agreement('test-long', 'XD', { endsOn: '2035-06-30' }),
      ],
      commitments: [
        commitment('test-c-plain', 'XA', 'test-plain'),
        commitment('test-c-binding', 'XB', 'test-binding'),
        commitment('test-c-treaty', 'XC', 'test-treaty'),
        commitment('test-c-long', 'XD', 'test-long'),
        commitment('test-c-conditional', 'XA', 'test-plain', { firmness: 'conditional', conditions: [{ type: 'parliamentary-approval' }, { type: 'pending-legislation' }] }),
        commitment('test-c-intended', 'XA', 'test-plain', { firmness: 'intended' }),
      ],
    });
    expect(p.get('test-c-plain')?.probability).toBeCloseTo(base, 3); // 5.0 years left: a shift of ~0
    expect(p.get('test-c-binding')?.probability).toBeCloseTo(shifted(FACTORS.legallyBinding), 3);
    expect(p.get('test-c-treaty')?.probability).toBeCloseTo(shifted(FACTORS.legallyBinding), 3);
    expect(p.get('test-c-long')?.probability).toBeCloseTo(shifted(FACTORS.remainingYear * 5), 3);
    expect(p.get('test-c-conditional')?.probability).toBeCloseTo(shifted(FACTORS.firmness.conditional, FACTORS.parliamentaryApproval, FACTORS.pendingLegislation), 3);
    expect(p.get('test-c-conditional')?.bucket).toBe('atRisk');
    expect(p.get('test-c-intended')?.probability).toBeCloseTo(shifted(FACTORS.firmness.intended), 3);
    expect(p.get('test-c-conditional')?.factors.map((f) => f.code)).toEqual(expect.arrayContaining(['firmness', 'parliamentary-approval', 'pending-legislation']));
  });

  it('uses a partner’s recorded deliveries, and no flows means no shift', () => {
    const ended = { period: { from: '2024-01-01', to: '2024-12-31' }, capabilityArea: 'air-defence' as const };
    const p = probabilities({
      agreements: [agreement('test-a', 'XA', fiveYears), agreement('test-b', 'XB', fiveYears)],
      commitments: [
        commitment('test-old-a', 'XA', 'test-a', { ...ended, money: { amount: '100', currency: 'EUR' } }),
        commitment('test-new-a', 'XA', 'test-a'),
        commitment('test-old-b', 'XB', 'test-b', { ...ended, money: { amount: '100', currency: 'EUR' } }),
        commitment('test-new-b', 'XB', 'test-b'),
      ],
      requirements: [requirement('test-r', 'air-defence', 2025, '1000'), requirement('test-r24', 'air-defence', 2024, '1000')],
      // XA delivered 25 of 100; XB has no flow recorded.
      flows: [{ id: 'test-f', commitmentId: 'test-old-a', stage: 'delivered', on: '2024-06-01', money: { amount: '25', currency: 'EUR' } }],
    });
    const expected = shifted(Math.max(-FACTORS.deliveryRecordCap, FACTORS.deliveryRecord * (logit(0.25) - logit(base))));
    expect(p.get('test-new-a')?.probability).toBeCloseTo(expected, 3);
    expect(p.get('test-new-a')?.probability).toBeLessThan(base);
    expect(p.get('test-new-b')?.probability).toBeCloseTo(base, 3);
  });

  it('applies analyst overrides (the commitment’s own over its partner’s) and shocks', () => {
    const parts = {
      agreements: [agreement('test-a', 'XA', fiveYears), agreement('test-b', 'XB', fiveYears)],
      commitments: [commitment('test-ca', 'XA', 'test-a'), commitment('test-ca2', 'XA', 'test-a'), commitment('test-cb', 'XB', 'test-b')],
    };
    const pkg = build({ requirements: [requirement('test-r', 'air-defence', 2025, '1000')], ...parts });
    const result = runStress(
      pkg,
      { asOf: AS_OF, trials: 10, overrides: [{ partner: 'XA', probability: 0.4 }, { commitmentId: 'test-ca2', probability: 0.9 }] },
      { shocks: [{ type: 'government-change', partner: 'XB' }] },
    );
    const get = (side: typeof result.baseline | null | undefined, id: string) => side?.commitments.find((c) => c.id === id)?.probability;
    expect(get(result.baseline, 'test-ca')).toBe(0.4);
    expect(get(result.baseline, 'test-ca2')).toBe(0.9);
    expect(get(result.baseline, 'test-cb')).toBeCloseTo(base, 3);
    expect(get(result.scenario, 'test-cb')).toBeCloseTo(shifted(-1), 3);
    // Outcome shares follow the documented split.
    const outcomes = result.baseline.commitments.find((c) => c.id === 'test-ca')?.outcomes;
    expect(outcomes?.onTime).toBeCloseTo(0.4 * 0.7, 10);
    expect(outcomes?.late).toBeCloseTo(0.4 * 0.3, 10);
    expect(outcomes?.partial).toBeCloseTo(0.6 * 0.5, 10);
    expect(outcomes?.withdrawn).toBeCloseTo(0.6 * 0.5, 10);
  });
});
