import { describe, expect, it } from 'vitest';
import { agreement, commitment, findingsOf, requirement, run } from '../test-fixtures.js';

const agreements = [agreement('test-a', 'XA'), agreement('test-b', 'XB'), agreement('test-c', 'XC')];
const split = (...amounts: string[]) =>
  run({
    agreements,
    requirements: [requirement('test-r', 'air-defence', 2025, '100')],
    commitments: amounts.map((amount, i) => commitment(`test-${i}`, ['XA', 'XB', 'XC'][i] ?? 'XA', ['test-a', 'test-b', 'test-c'][i] ?? 'test-a', { money: { amount, currency: 'EUR' } })),
  });

describe('CONCENTRATION', () => {
  it('is silent at a Herfindahl index of exactly 0.5 (two equal providers)', () => {
    expect(findingsOf(split('50', '50'), 'CONCENTRATION')).toEqual([]);
  });

  it('flags an index above 0.5 with more than one provider', () => {
    // 0.6² + 0.4² = 0.52
    const [finding] = findingsOf(split('60', '40'), 'CONCENTRATION');
    expect(finding).toMatchObject({ severity: 'medium', subject: { herfindahl: 0.52, partners: ['XA', 'XB'] } });
    expect(finding?.message).toContain('Herfindahl index 0.52 > 0.5): XA 60.0 %, XB 40.0 %');
    expect(finding?.messageUk).toContain('індекс Герфіндаля 0,52 > 0,5');
  });

  it('is silent for a single provider (that is SINGLE_GUARANTOR) and for balanced shares', () => {
    expect(findingsOf(split('100'), 'CONCENTRATION')).toEqual([]);
    expect(findingsOf(split('34', '33', '33'), 'CONCENTRATION')).toEqual([]);
  });

  it('takes its threshold as an option', () => {
    expect(findingsOf(run({ agreements, requirements: [requirement('test-r', 'air-defence', 2025, '100')], commitments: [commitment('test-1', 'XA', 'test-a'), commitment('test-2', 'XB', 'test-b', { money: { amount: '50', currency: 'EUR' } })] }, { concentrationThreshold: 0.6 }), 'CONCENTRATION')).toEqual([]);
  });
});
