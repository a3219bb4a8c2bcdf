import { describe, expect, it } from 'vitest';
import { analyze, createAnalysis } from './engine.js';
import { AS_OF, agreement, build, coalition, commitment, findingsOf, requirement, rowOf, run } from './test-fixtures.js';

const signed = [agreement('test-a', 'XA'), agreement('test-b', 'XB')];

describe('coverage: money over time', () => {
  it('spreads money over its period by days, exactly, across years', () => {
    // 2024-07-01..2025-06-30 is 365 days: 184 in 2024, 181 in 2025.
    const result = run({
      agreements: signed,
      commitments: [commitment('test-1', 'XA', 'test-a', { money: { amount: '365', currency: 'EUR' }, period: { from: '2024-07-01', to: '2025-06-30' } })],
    });
    expect(rowOf(result, 'air-defence', 2024)?.committed).toBe('184');
    expect(rowOf(result, 'air-defence', 2025)?.committed).toBe('181');
  });

  it('rounds the years so that they add up to the amount', () => {
    const result = run({
      agreements: signed,
      commitments: [commitment('test-1', 'XA', 'test-a', { money: { amount: '100', currency: 'EUR' }, period: { from: '2024-03-01', to: '2026-02-15' } })],
    });
    const cents = result.coverage.map((row) => Math.round(Number(row.committed) * 100));
    expect(cents.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(result.coverage.map((row) => row.year)).toEqual([2024, 2025, 2026]);
  });

  it('counts perYear money in full in each year its period touches', () => {
    const result = run({
      agreements: signed,
      commitments: [
        commitment('test-1', 'XA', 'test-a', { money: { amount: '50', currency: 'EUR', perYear: true }, period: { from: '2024-07-01', to: '2026-03-31' } }),
      ],
    });
    expect(result.coverage.map((row) => [row.year, row.committed])).toEqual([
      [2024, '50'],
      [2025, '50'],
      [2026, '50'],
    ]);
  });

  it('counts a commitment without a period in the year its agreement was signed', () => {
    const result = run({
      agreements: [agreement('test-a', 'XA', { status: [{ status: 'signed', on: '2024-05-02' }] })],
      commitments: [commitment('test-1', 'XA', 'test-a', { period: null })],
    });
    expect(result.coverage.map((row) => [row.year, row.committed])).toEqual([[2024, '100']]);
    expect(findingsOf(result, 'NO_PERIOD')).toMatchObject([{ severity: 'low', subject: { commitment: 'test-1', countedIn: 2024 } }]);
  });

  it('leaves out a coalition contribution with neither period nor agreement, and says so', () => {
    const result = run({
      coalitions: [coalition('test-k', ['air-defence'], ['XA'])],
      commitments: [commitment('test-1', 'XA', null, { coalitionId: 'test-k', period: null })],
    });
    expect(result.coverage).toEqual([]);
    expect(findingsOf(result, 'NO_PERIOD')).toMatchObject([{ severity: 'medium', subject: { countedIn: null } }]);
  });
});

describe('coverage: what counts', () => {
  it('counts only commitments whose agreement is signed or in force as of the day', () => {
    const parts = {
      agreements: [
        agreement('test-a', 'XA', { status: [{ status: 'talks' as const, on: '2024-01-01' }, { status: 'signed' as const, on: '2025-03-01' }] }),
        agreement('test-b', 'XB', { status: [{ status: 'signed' as const, on: '2024-01-01' }, { status: 'in-force' as const, on: '2024-06-01' }] }),
      ],
      commitments: [commitment('test-1', 'XA', 'test-a'), commitment('test-2', 'XB', 'test-b', { money: { amount: '7', currency: 'EUR' } })],
    };
    expect(rowOf(run(parts, { asOf: '2025-02-28' }), 'air-defence', 2025)?.committed).toBe('7');
    expect(rowOf(run(parts, { asOf: '2025-03-01' }), 'air-defence', 2025)?.committed).toBe('107');
  });

  it('counts conditional commitments and those awaiting approval or legislation as at risk', () => {
    const result = run({
      agreements: signed,
      commitments: [
        commitment('test-1', 'XA', 'test-a', { firmness: 'conditional' }),
        commitment('test-2', 'XA', 'test-a', { conditions: [{ type: 'parliamentary-approval' }] }),
        commitment('test-3', 'XB', 'test-b', { conditions: [{ type: 'pending-legislation' }] }),
        commitment('test-4', 'XB', 'test-b', { firmness: 'intended', conditions: [{ type: 'end-use-restriction' }] }),
      ],
    });
    expect(rowOf(result, 'air-defence', 2025)).toMatchObject({ committed: '100', committedAtRisk: '300' });
  });

  it('counts a coalition contribution without agreement when the coalition exists', () => {
    const contribution = commitment('test-1', 'XA', null, { coalitionId: 'test-k' });
    expect(rowOf(run({ coalitions: [coalition('test-k', ['air-defence'], ['XA'])], commitments: [contribution] }), 'air-defence', 2025)?.committed).toBe(
      '100',
    );
    expect(run({ commitments: [contribution] }).coverage).toEqual([]);
  });

  it('reports commitments without a capability area in an unassigned row that fills no requirement', () => {
    const result = run({
      agreements: signed,
      requirements: [requirement('test-r', 'air-defence', 2025, '100')],
      commitments: [commitment('test-1', 'XA', 'test-a', { capabilityArea: null })],
    });
    expect(rowOf(result, null, 2025)).toMatchObject({ capabilityArea: null, required: null, committed: '100', ratio: null });
    expect(rowOf(result, 'air-defence', 2025)).toMatchObject({ required: '100', committed: '0', ratio: 0 });
    expect(findingsOf(result, 'GAP')).toHaveLength(1);
  });

  it('does not count shares of GDP as money, and says so', () => {
    const result = run({
      agreements: signed,
      commitments: [commitment('test-1', 'XA', 'test-a', { money: null, shareOfGdp: { fraction: '0.0025', perYear: true } })],
    });
    expect(result.coverage).toEqual([]);
    expect(findingsOf(result, 'GDP_SHARE_NOT_COUNTED')[0]?.message).toContain('0.25 % of GDP per year');
  });

  it('counts quantities only against requirements of the same unit and item', () => {
    const tanks = (item: string) => ({ value: 10, unit: 'tanks', item });
    const result = run({
      agreements: signed,
      requirements: [
        requirement('test-r1', 'armour', 2025, '1000'),
        requirement('test-r2', 'armour', 2025, '0', { money: null, quantity: { value: 40, unit: 'tanks', item: 'Model A' } }),
      ],
      commitments: [
        commitment('test-1', 'XA', 'test-a', { capabilityArea: 'armour', money: null, quantity: tanks('Model A') }),
        commitment('test-2', 'XB', 'test-b', { capabilityArea: 'armour', money: null, quantity: tanks('Model B') }),
      ],
    });
    const rows = result.coverage.filter((row) => row.capabilityArea === 'armour');
    expect(rows.map((row) => [row.measure, row.item, row.required, row.committed, row.ratio])).toEqual([
      ['money', null, '1000', '0', 0],
      ['quantity', 'Model A', '40', '10', 0.25],
      ['quantity', 'Model B', '0', '10', null],
    ]);
  });

  it('sums delivered flows once when one passes money through another', () => {
    const result = run({
      agreements: signed,
      commitments: [commitment('test-1', 'XA', 'test-a'), commitment('test-2', 'XB', 'test-b')],
      flows: [
        { id: 'test-f1', commitmentId: 'test-1', stage: 'delivered', on: '2025-03-01', money: { amount: '60', currency: 'EUR' } },
        { id: 'test-f2', commitmentId: 'test-2', stage: 'delivered', on: '2025-04-01', money: { amount: '25', currency: 'EUR' }, parentFlowId: 'test-f1' },
        { id: 'test-f3', commitmentId: 'test-2', stage: 'allocated', on: '2025-04-01', money: { amount: '99', currency: 'EUR' } },
        { id: 'test-f4', commitmentId: 'test-2', stage: 'delivered', on: '2025-05-01', money: { amount: '5', currency: 'EUR' }, newMoney: false },
      ],
    });
    expect(rowOf(result, 'air-defence', 2025)?.delivered).toBe('60');
  });
});

describe('coverage: countsAs', () => {
  const parent = commitment('test-1', 'XA', 'test-a', { capabilityArea: null, money: { amount: '100', currency: 'EUR' } });
  const child = commitment('test-2', 'XA', 'test-a', { capabilityArea: 'drones', money: { amount: '30', currency: 'EUR' }, countsAs: 'test-1' });

  it('never adds a restating commitment twice: it counts in its area, the rest of the original in its own', () => {
    const result = run({ agreements: signed, commitments: [parent, child] });
    expect(rowOf(result, null, 2025)?.committed).toBe('70');
    expect(rowOf(result, 'drones', 2025)?.committed).toBe('30');
    expect(findingsOf(result, 'DOUBLE_COUNT')).toMatchObject([{ severity: 'info', subject: { commitment: 'test-2', countsAs: 'test-1' } }]);
  });

  it('carves through chains, and never below zero', () => {
    const grandchild = commitment('test-3', 'XA', 'test-a', { capabilityArea: 'drones', money: { amount: '50', currency: 'EUR' }, countsAs: 'test-2' });
    const result = run({ agreements: signed, commitments: [parent, child, grandchild] });
    expect(rowOf(result, null, 2025)?.committed).toBe('70');
    expect(rowOf(result, 'drones', 2025)?.committed).toBe('50');
  });

  it('does not carve for a restatement that does not count', () => {
    const unsigned = agreement('test-u', 'XA', { status: [{ status: 'talks', on: '2024-01-01' }] });
    const result = run({ agreements: [...signed, unsigned], commitments: [parent, { ...child, agreementId: 'test-u' }] });
    expect(rowOf(result, null, 2025)?.committed).toBe('100');
    expect(rowOf(result, 'drones', 2025)).toBeUndefined();
  });
});

describe('coverage: currencies', () => {
  const rates = [
    { currency: 'GBP', year: 2024, eurPerUnit: '1.2', source: 'test rate (fictional)' },
    { currency: 'GBP', year: 2025, eurPerUnit: '1.1', source: 'test rate (fictional)' },
  ];

  it('converts with the rate of the year the money falls in', () => {
    const result = run({
      agreements: signed,
      exchangeRates: rates,
      commitments: [
        commitment('test-1', 'XA', 'test-a', { money: { amount: '100', currency: 'GBP', perYear: true }, period: { from: '2024-01-01', to: '2025-12-31' } }),
      ],
    });
    expect(result.coverage.map((row) => row.committed)).toEqual(['120', '110']);
  });

  it('reports in another currency when asked', () => {
    const result = run({ agreements: signed, exchangeRates: rates, commitments: [commitment('test-1', 'XA', 'test-a', { money: { amount: '110', currency: 'EUR' } })] }, { currency: 'GBP' });
    expect(result.currency).toBe('GBP');
    expect(rowOf(result, 'air-defence', 2025)?.committed).toBe('100');
  });

  it('leaves money without a rate for its year out of the totals', () => {
    const result = run({
      agreements: signed,
      exchangeRates: rates,
      commitments: [
        commitment('test-1', 'XA', 'test-a', { money: { amount: '100', currency: 'GBP', perYear: true }, period: { from: '2025-01-01', to: '2026-12-31' } }),
      ],
    });
    expect(result.coverage.map((row) => [row.year, row.committed])).toEqual([[2025, '110']]);
    expect(findingsOf(result, 'UNCONVERTIBLE')).toMatchObject([{ subject: { commitment: 'test-1', currency: 'GBP', years: ['2026'] } }]);
  });
});

describe('results', () => {
  it('sorts findings by severity, code and id, each with a stable id', () => {
    const parts = {
      agreements: [agreement('test-a', 'XA', { consultation: null, sources: [] })],
      requirements: [requirement('test-r', 'air-defence', 2025, '1000')],
      commitments: [commitment('test-1', 'XA', 'test-a')],
    };
    const result = run(parts);
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    const keys = result.findings.map((f) => `${order.indexOf(f.severity)}|${f.code}|${f.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(result.findings.map((f) => f.id)).toEqual(run(parts).findings.map((f) => f.id));
    expect(result.findings.map((f) => f.id)).toContain('GAP:XZ:air-defence:2025');
    expect(new Set(result.findings.map((f) => f.id)).size).toBe(result.findings.length);
  });

  it('writes every message in English and Ukrainian, with a remedy', () => {
    const result = run({
      agreements: [agreement('test-a', 'XA', { consultation: null })],
      requirements: [requirement('test-r', 'air-defence', 2025, '1000')],
      commitments: [commitment('test-1', 'XA', 'test-a')],
    });
    expect(result.findings.length).toBeGreaterThan(2);
    for (const finding of result.findings) {
      expect(finding.message).toMatch(/[a-z]/);
      expect(finding.messageUk).toMatch(/[а-яіїєґ]/);
      expect(finding.remedy.length).toBeGreaterThan(10);
      expect(finding.remedyUk).toMatch(/[а-яіїєґ]/);
    }
  });

  it('refuses options it cannot honour', () => {
    expect(() => analyze(build({}), { asOf: '2025-02-30' })).toThrow(/asOf/);
    expect(() => analyze(build({}), { asOf: AS_OF, currency: 'XXQ' })).toThrow(/currency/);
    expect(() => analyze(build({}), { asOf: AS_OF, natoAccession: 'soon' })).toThrow(/natoAccession/);
    expect(() => analyze(build({}), { asOf: AS_OF, rules: ['NOPE' as 'GAP'] })).toThrow(/unknown rule/);
    const twice = build({ agreements: signed, commitments: [commitment('test-1', 'XA', 'test-a')] }).commitments;
    expect(() => analyze({ commitments: [...twice, ...twice] }, { asOf: AS_OF })).toThrow(/duplicate commitment/);
    const delivered = { commitmentId: 'test-1', stage: 'delivered', on: '2025-04-01', money: { amount: '5', currency: 'EUR' } } as const;
    const flows = [{ id: 'test-f1', ...delivered }, { id: 'test-f2', ...delivered }, { id: 'test-f1', ...delivered }];
    const withFlows = build({ agreements: signed, commitments: [commitment('test-1', 'XA', 'test-a')], flows });
    expect(() => analyze(withFlows, { asOf: AS_OF })).toThrow('duplicate flow id "test-f1"');
    expect(() => createAnalysis(withFlows, { asOf: AS_OF })).toThrow('duplicate flow id "test-f1"');
  });

  it('runs only the rules asked for', () => {
    const result = run({ agreements: [agreement('test-a', 'XA', { consultation: null })], commitments: [commitment('test-1', 'XA', 'test-a')] }, { rules: ['UNSOURCED'] });
    expect(result.findings).toEqual([]);
  });

  it('edits a commitment, adds and removes one, and refuses unknown ids', () => {
    const analysis = createAnalysis(build({ agreements: signed, commitments: [commitment('test-1', 'XA', 'test-a')] }), { asOf: AS_OF });
    const [first] = build({ commitments: [commitment('test-1', 'XA', 'test-a', { money: { amount: '40', currency: 'EUR' } })] }).commitments;
    if (!first) throw new Error('fixture');
    analysis.updateCommitment(first);
    expect(rowOf(analysis.result(), 'air-defence', 2025)?.committed).toBe('40');
    analysis.addCommitment({ ...first, id: 'test-2' });
    expect(rowOf(analysis.result(), 'air-defence', 2025)?.committed).toBe('80');
    analysis.removeCommitment('test-1');
    expect(analysis.commitments().map((c) => c.id)).toEqual(['test-2']);
    expect(() => analysis.removeCommitment('test-1')).toThrow(/not found/);
    expect(() => analysis.updateCommitment({ ...first, id: 'test-9' })).toThrow(/not found/);
    expect(() => analysis.addCommitment({ ...first, id: 'test-2' })).toThrow(/exists/);
  });
});
