import { describe, expect, it } from 'vitest';
import { Agreement, Coalition, Commitment, Flow, Partner, type ExchangeRateRecord } from '../index.js';
import { coalitionRoadmap, endOfPartialDate, membersOn, milestoneView } from './coalitions.js';
import { implementationScores, scoreFromRatio } from './implementation.js';
import { buildLedger } from './ledger.js';
import { deliveryTotals, lateDeliveries } from './totals.js';

const AS_OF = '2025-06-30';
const agreements = [
  Agreement.parse({ id: 'a-de', title: 'DE–UA', parties: ['DE', 'UA'], beneficiary: 'UA', kind: 'bilateral', legalForm: 'political-commitment', status: [{ status: 'signed', on: '2024-02-16' }] }),
  Agreement.parse({ id: 'a-fr', title: 'FR–UA', parties: ['FR', 'UA'], beneficiary: 'UA', kind: 'bilateral', legalForm: 'political-commitment', status: [{ status: 'talks', on: '2024-01-01' }] }),
];
const commitment = (id: string, provider: string, extra: Record<string, unknown>) =>
  Commitment.parse({ id, agreementId: 'a-de', provider, beneficiary: 'UA', category: 'equipment', capabilityArea: 'air-defence', firmness: 'pledged', ...extra });
const flow = (id: string, extra: Record<string, unknown>) => Flow.parse({ id, ...extra });
const rates: ExchangeRateRecord[] = [{ currency: 'GBP', year: 2025, eurPerUnit: '1.2', source: 'test rate' }];

describe('the flow ledger', () => {
  const commitments = [
    commitment('c-1', 'DE', { money: { amount: '1000', currency: 'EUR' }, period: { from: '2024-03-01', to: '2025-12-31' } }),
    commitment('c-2', 'DE', { money: { amount: '500', currency: 'EUR' }, period: { from: '2024-03-01', to: '2024-12-31' } }),
    commitment('c-3', 'DE', { money: { amount: '500', currency: 'EUR' }, countsAs: 'c-2' }),
    commitment('c-fr', 'FR', { agreementId: 'a-fr', money: { amount: '900', currency: 'EUR' }, period: { from: '2024-03-01', to: '2024-12-31' } }),
  ];
  const flows = [
    flow('f-pledge-2', { commitmentId: 'c-2', stage: 'pledge', on: '2024-03-01', money: { amount: '500', currency: 'EUR' } }),
    flow('f-alloc-1', { commitmentId: 'c-1', stage: 'allocated', on: '2024-05-01', dueOn: '2024-12-31', money: { amount: '400', currency: 'EUR' } }),
    flow('f-del-1', { commitmentId: 'c-1', stage: 'delivered', on: '2025-02-01', restatesFlowId: 'f-alloc-1', money: { amount: '400', currency: 'EUR' } }),
    flow('f-future', { commitmentId: 'c-1', stage: 'delivered', on: '2025-09-01', money: { amount: '100', currency: 'EUR' } }),
    // Money passed through the EU: the EU's delivery counts only with what is its own.
    flow('f-eu', { provider: 'EU', stage: 'delivered', on: '2025-03-01', money: { amount: '300', currency: 'EUR' } }),
    flow('f-de-via-eu', { commitmentId: 'c-2', stage: 'delivered', on: '2025-03-01', parentFlowId: 'f-eu', money: { amount: '100', currency: 'EUR' } }),
    flow('f-restated', { provider: 'GB', stage: 'delivered', on: '2025-04-01', newMoney: false, money: { amount: '50', currency: 'GBP' } }),
  ];
  const ledger = buildLedger({ agreements, commitments, flows, exchangeRates: rates }, { asOf: AS_OF });

  it('adds a pledge for each counting commitment without one, and none for restatements, unsigned agreements or recorded pledges', () => {
    const implicit = ledger.entries.filter((entry) => entry.implicit).map((entry) => entry.id);
    expect(implicit).toEqual(['pledge:c-1']);
  });

  it('leaves out flows after the day of the view', () => {
    expect(ledger.entries.some((entry) => entry.id === 'f-future')).toBe(false);
  });

  it('counts money passed through a fund once: the child in full, the parent with the rest', () => {
    const value = (id: string) => ledger.entries.find((entry) => entry.id === id)?.value;
    expect(value('f-de-via-eu')).toBe(10000n);
    expect(value('f-eu')).toBe(20000n);
    expect(value('f-restated')).toBeNull();
  });

  it('sums stages apart by partner, and the partner totals equal the sum of its ledger entries', () => {
    const rows = deliveryTotals(ledger, ['provider']);
    expect(rows.find((row) => row.provider === 'DE')).toMatchObject({ committed: '1500', allocated: '400', delivered: '500', deliveryRatio: 0.3333 });
    expect(rows.find((row) => row.provider === 'EU')).toMatchObject({ committed: '0', delivered: '200', deliveryRatio: null });
    for (const row of rows) {
      const mine = ledger.entries.filter((entry) => entry.provider === row.provider && entry.stage === 'delivered');
      const cents = mine.reduce((sum, entry) => sum + (entry.value ?? 0n), 0n);
      expect(row.delivered).toBe((Number(cents) / 100).toString());
    }
  });

  it('groups by capability area and year', () => {
    const rows = deliveryTotals(ledger, ['capabilityArea', 'year']);
    expect(rows.map((row) => [row.capabilityArea, row.year, row.committed, row.delivered])).toEqual([
      ['', 2025, '0', '200'].map((value) => (value === '' ? null : value)),
      ['air-defence', 2024, '1500', '0'],
      ['air-defence', 2025, '0', '500'],
    ]);
  });

  it('finds allocations delivered after their due day, and overdue ones', () => {
    expect(lateDeliveries(ledger)).toEqual([
      expect.objectContaining({ allocationId: 'f-alloc-1', status: 'delivered-late', daysLate: 32, completedOn: '2025-02-01', delivered: '400' }),
    ]);
    const overdue = buildLedger({ agreements, commitments, flows: flows.filter((entry) => entry.id !== 'f-del-1') }, { asOf: AS_OF });
    expect(lateDeliveries(overdue)).toEqual([expect.objectContaining({ allocationId: 'f-alloc-1', status: 'overdue', daysLate: 181, delivered: '0' })]);
  });

  it('marks money it cannot convert instead of guessing', () => {
    const noRate = buildLedger({ agreements, commitments: [], flows: [flow('f-x', { provider: 'GB', stage: 'delivered', on: '2025-01-02', money: { amount: '10', currency: 'UAH' } })] }, { asOf: AS_OF });
    expect(noRate.entries[0]).toMatchObject({ value: null, unconvertible: true });
    expect(deliveryTotals(noRate, ['provider'])[0]).toMatchObject({ delivered: '0', unconvertible: 1 });
  });
});

describe('implementation scores', () => {
  it('follows the Peace Accords Matrix scale', () => {
    expect(scoreFromRatio(0n, 100n, 0n)).toBe(0);
    expect(scoreFromRatio(0n, 100n, 10n)).toBe(1);
    expect(scoreFromRatio(49n, 100n, 0n)).toBe(1);
    expect(scoreFromRatio(50n, 100n, 0n)).toBe(2);
    expect(scoreFromRatio(99n, 100n, 0n)).toBe(2);
    expect(scoreFromRatio(100n, 100n, 0n)).toBe(3);
  });

  const commitments = [
    commitment('c-year', 'DE', { money: { amount: '100', currency: 'EUR', perYear: true }, period: { from: '2024-01-01', to: '2026-12-31' } }),
    commitment('c-none', 'DE', { money: { amount: '100', currency: 'EUR' }, period: { from: '2024-01-01', to: '2024-12-31' } }),
    commitment('c-override', 'GB', {
      quantity: { value: 10, item: 'radar' },
      period: { from: '2024-01-01', to: '2024-12-31' },
      implementation: [{ score: 2, note: 'seven radars reported by the ministry, not yet recorded as flows', on: '2025-01-10', by: 'analyst' }],
    }),
  ];
  const flows = [
    flow('d-2024', { commitmentId: 'c-year', stage: 'delivered', on: '2024-06-01', money: { amount: '100', currency: 'EUR' } }),
    flow('d-2025', { commitmentId: 'c-year', stage: 'delivered', on: '2025-03-01', money: { amount: '30', currency: 'EUR' } }),
    flow('q-1', { commitmentId: 'c-override', stage: 'delivered', on: '2024-05-01', quantity: { value: 2, item: 'radar' } }),
  ];
  const report = implementationScores({ agreements, commitments, flows }, { asOf: AS_OF });
  const of = (id: string) => report.commitments.find((item) => item.commitmentId === id);

  it('scores each year from delivered against what was due that year', () => {
    expect(of('c-year')?.years.map((year) => [year.year, year.score, year.basis, year.ratio])).toEqual([
      [2024, 3, 'flows', 1],
      [2025, 1, 'flows', 0.3],
      [2026, null, 'not-due', null],
    ]);
    expect(of('c-year')?.overall).toMatchObject({ score: 2, due: '200', delivered: '130', ratio: 0.65 });
  });

  it('does not score a commitment with no flow recorded: unknown is not "not started"', () => {
    expect(of('c-none')?.overall).toMatchObject({ score: null, basis: 'no-data', due: '100' });
  });

  it('lets a person override the derived score, keeping both and the note', () => {
    expect(of('c-override')?.overall).toMatchObject({ score: 2, derived: 1, basis: 'override', measure: 'quantity', due: '10', delivered: '2' });
    expect(of('c-override')?.overall.override?.note).toMatch(/seven radars/);
  });

  it('aggregates by partner and agreement, assessed commitments only', () => {
    expect(report.partners.find((row) => row.id === 'DE')).toMatchObject({ commitments: 2, assessed: 1, mean: 2, weighted: 2, distribution: [0, 0, 1, 0] });
    expect(report.agreements.find((row) => row.id === 'a-de')).toMatchObject({ commitments: 3, assessed: 2, mean: 2 });
  });
});

describe('coalition roadmaps and fair shares', () => {
  const gdp = (year: number, amount: string) => ({ year, money: { amount, currency: 'EUR' }, sources: [{ title: 'test GDP (illustrative)' }] });
  const partners = [
    Partner.parse({ code: 'DE', name: 'Germany', gdp: [gdp(2024, '300')] }),
    Partner.parse({ code: 'FR', name: 'France', gdp: [gdp(2024, '200')] }),
    Partner.parse({ code: 'LV', name: 'Latvia', gdp: [gdp(2024, '100')] }),
    Partner.parse({ code: 'GB', name: 'United Kingdom' }),
  ];
  const coalition = Coalition.parse({
    id: 'k-1',
    name: 'Test coalition',
    capabilityAreas: ['drones'],
    leads: ['LV'],
    members: ['DE', 'FR'],
    requirement: { money: { amount: '1200', currency: 'EUR' }, period: { from: '2025-01-01', to: '2025-12-31' }, basis: 'illustrative' },
    milestones: [
      { title: 'first batch', due: '2025-03', status: 'open' },
      { title: 'launch', due: '2024', status: 'done', doneOn: '2024-06-01' },
      { title: 'second batch', due: '2025', status: 'open' },
    ],
  });
  const contributions = [
    commitment('k-de', 'DE', { agreementId: null, coalitionId: 'k-1', capabilityArea: 'drones', money: { amount: '700', currency: 'EUR' }, period: { from: '2025-01-01', to: '2025-12-31' } }),
    commitment('k-fr', 'FR', { agreementId: null, coalitionId: 'k-1', capabilityArea: 'drones', money: { amount: '100', currency: 'EUR' }, period: { from: '2025-01-01', to: '2025-12-31' } }),
  ];
  const flows = [flow('k-de-d', { commitmentId: 'k-de', stage: 'delivered', on: '2025-05-01', money: { amount: '250', currency: 'EUR' } })];
  const input = { agreements, commitments: contributions, flows, partners };

  it('apportions the requirement by GDP and compares each member’s pledge and delivery', () => {
    const roadmap = coalitionRoadmap(coalition, input, { asOf: AS_OF });
    expect(roadmap.key).toMatchObject({ kind: 'gdp', year: 2024, missing: [] });
    expect(roadmap.shares).toEqual([
      expect.objectContaining({ partner: 'LV', role: 'lead', share: '0.166667', target: '200', pledged: '0', status: 'below' }),
      expect.objectContaining({ partner: 'DE', role: 'member', share: '0.500000', target: '600', pledged: '700', delivered: '250', status: 'meets' }),
      expect.objectContaining({ partner: 'FR', role: 'member', share: '0.333333', target: '400', pledged: '100', pledgedRatio: 0.25, status: 'below' }),
    ]);
    expect(roadmap.totals).toEqual({ target: '1200', pledged: '800', delivered: '250' });
  });

  it('uses the agreed key the lead entered, and names members it leaves out', () => {
    const agreed = Coalition.parse({ ...coalition, fairShareKey: { kind: 'agreed', shares: { DE: '2', FR: '1', GB: '1' }, enteredBy: 'LV lead' } });
    const roadmap = coalitionRoadmap(agreed, input, { asOf: AS_OF });
    expect(roadmap.shares.map((share) => [share.partner, share.target])).toEqual([
      ['LV', null],
      ['DE', '800'],
      ['FR', '400'],
    ]);
    expect(roadmap.key.missing).toEqual(['LV']);
    expect(roadmap.warnings.join(' ')).toMatch(/GB, which is not a member/);
  });

  it('says the key is unknown rather than inventing GDP figures', () => {
    const withBritain = Coalition.parse({ ...coalition, members: ['GB'], leads: ['GB'] });
    const roadmap = coalitionRoadmap(withBritain, input, { asOf: AS_OF });
    expect(roadmap.shares).toEqual([expect.objectContaining({ partner: 'GB', share: null, target: null, status: 'unknown' })]);
    expect(roadmap.warnings[0]).toMatch(/no member has a GDP figure/);
  });

  it('flags late milestones: open past due, or done after it', () => {
    const roadmap = coalitionRoadmap(coalition, input, { asOf: AS_OF });
    expect(roadmap.milestones.map((milestone) => [milestone.title, milestone.late, milestone.daysLate])).toEqual([
      ['first batch', true, 91],
      ['launch', false, 0],
      ['second batch', false, 0],
    ]);
    expect(milestoneView({ title: 'x', due: '2024-05', status: 'done', doneOn: '2024-06-02' }, AS_OF)).toMatchObject({ late: true, daysLate: 2 });
    expect(endOfPartialDate('2024-02')).toBe('2024-02-29');
  });

  it('tracks members and leads over time', () => {
    const dated = Coalition.parse({
      ...coalition,
      membership: [
        { partner: 'DE', role: 'member', from: '2024-02', to: '2024-12' },
        { partner: 'DE', role: 'lead', from: '2025-01' },
        { partner: 'FR', role: 'member', to: '2024-06' },
      ],
    });
    expect(membersOn(dated, '2024-05-01')).toEqual([
      { partner: 'LV', role: 'lead' },
      { partner: 'DE', role: 'member' },
      { partner: 'FR', role: 'member' },
    ]);
    expect(membersOn(dated, '2025-02-01')).toEqual([
      { partner: 'DE', role: 'lead' },
      { partner: 'LV', role: 'lead' },
    ]);
  });
});
