import { describe, expect, it } from 'vitest';
import { allocate, eligiblePairs, type AllocationLine, type AllocationOffer } from './index.js';

const line = (over: Partial<AllocationLine> & { id: string }): AllocationLine => ({
  item: 'shell-155',
  unit: 'rounds',
  quantity: 10,
  neededBy: '2026-12-10',
  priority: 'medium',
  ...over,
});
const offer = (over: Partial<AllocationOffer> & { id: string }): AllocationOffer => ({
  partner: 'PL',
  item: 'shell-155',
  unit: 'rounds',
  quantity: 10,
  earliestDelivery: '2026-12-01',
  unitCostEur: 100,
  ...over,
});

describe('allocate', () => {
  it('prefers an on-time offer over a late one', async () => {
    const result = await allocate([line({ id: 'L1', quantity: 5 })], [offer({ id: 'late', earliestDelivery: '2026-12-20', unitCostEur: 1 }), offer({ id: 'ontime', unitCostEur: 1000 })]);
    expect(result.status).toBe('optimal');
    expect(result.assignments).toEqual([{ lineId: 'L1', offerId: 'ontime', partner: 'PL', quantity: 5, deliveryDate: '2026-12-01', daysLate: 0, costEur: 5000 }]);
    expect(result.lines[0]).toEqual({ lineId: 'L1', requested: 5, allocated: 5, onTime: 5, late: 0, unfilled: 0 });
  });

  it('uses late supply when nothing on time is left, and reports the lateness', async () => {
    const result = await allocate([line({ id: 'L1', quantity: 8 })], [offer({ id: 'a', quantity: 5 }), offer({ id: 'b', quantity: 5, earliestDelivery: '2026-12-13' })]);
    expect(result.lines[0]).toEqual({ lineId: 'L1', requested: 8, allocated: 8, onTime: 5, late: 3, unfilled: 0 });
    expect(result.objective.lateItemDays).toBe(9);
    expect(result.assignments.find((a) => a.offerId === 'b')?.daysLate).toBe(3);
  });

  it('fills the critical line before the low one when supply is short', async () => {
    const lines = [line({ id: 'low', priority: 'low', quantity: 6 }), line({ id: 'crit', priority: 'critical', quantity: 6 })];
    const result = await allocate(lines, [offer({ id: 'o', quantity: 8 })]);
    const byLine = Object.fromEntries(result.lines.map((l) => [l.lineId, l.allocated]));
    expect(byLine).toEqual({ low: 2, crit: 6 });
    expect(result.objective.priorityWeightedOnTime).toBe(6 * 8 + 2 * 1);
  });

  it('allocates whole items only', async () => {
    const result = await allocate(
      [line({ id: 'A', quantity: 3, priority: 'high' }), line({ id: 'B', quantity: 3, priority: 'high' })],
      [offer({ id: 'o1', quantity: 2.7 }), offer({ id: 'o2', quantity: 2, partner: 'DE' })],
      { fairShareCap: 0.6 },
    );
    expect(result.status).toBe('optimal');
    for (const a of result.assignments) expect(Number.isInteger(a.quantity)).toBe(true);
    // 2 whole items from o1 (2.7 rounded down) and 2 from o2; the cap 0.6 allows 2 of 4 each.
    expect(result.lines.reduce((s, l) => s + l.allocated, 0)).toBe(4);
  });

  it('lowers cost only after lateness', async () => {
    const result = await allocate([line({ id: 'L', quantity: 4 })], [offer({ id: 'cheap', unitCostEur: 1 }), offer({ id: 'dear', unitCostEur: 9 }), offer({ id: 'free', unitCostEur: null, quantity: 1 })]);
    expect(result.assignments.map((a) => [a.offerId, a.quantity, a.costEur])).toEqual([
      ['cheap', 3, 3],
      ['free', 1, null],
    ]);
    expect(result.objective.costEur).toBe(3);
  });

  it('excludes pairs that an offer condition rules out, with the reason', async () => {
    const lines = [line({ id: 'xb', useTags: ['cross-border'], region: 'UA-59' }), line({ id: 'south', region: 'UA-65' })];
    const offers = [
      offer({ id: 'de', partner: 'DE', conditions: [{ type: 'end-use', text: 'Not for use outside Ukraine', excludesUseTags: ['Cross-Border'] }] }),
      offer({ id: 'fr', partner: 'FR', conditions: [{ type: 'geographic', text: 'Not in the south', excludesRegions: ['UA-65'] }] }),
    ];
    const result = await allocate(lines, offers);
    expect(result.excluded).toEqual([
      { offerId: 'fr', lineId: 'south', reason: 'geographic condition "Not in the south" excludes region \'UA-65\'' },
      { offerId: 'de', lineId: 'xb', reason: 'end-use condition "Not for use outside Ukraine" excludes use \'Cross-Border\'' },
    ]);
    expect(result.assignments.map((a) => `${a.offerId}->${a.lineId}`)).toEqual(['fr->xb', 'de->south']);
  });

  it('leaves out offers the coordinator excluded', async () => {
    const result = await allocate([line({ id: 'L' })], [offer({ id: 'a' }), offer({ id: 'b', unitCostEur: 999 })], { excludedOfferIds: ['a'] });
    expect(result.excluded).toEqual([{ offerId: 'a', lineId: 'L', reason: 'excluded by coordinator' }]);
    expect(result.assignments.map((a) => a.offerId)).toEqual(['b']);
  });

  it('serves a line-specific offer only to its line', async () => {
    const result = await allocate([line({ id: 'A', priority: 'low' }), line({ id: 'B', priority: 'critical' })], [offer({ id: 'o', lineId: 'A' })]);
    expect(result.assignments.map((a) => a.lineId)).toEqual(['A']);
    expect(eligiblePairs([line({ id: 'A' }), line({ id: 'B' })], [offer({ id: 'o', lineId: 'A' })]).pairs.map((p) => p.lineId)).toEqual(['A']);
  });

  it('honours pins, with and without a quantity', async () => {
    const lines = [line({ id: 'L', quantity: 6 })];
    const offers = [offer({ id: 'cheap', unitCostEur: 1 }), offer({ id: 'dear', unitCostEur: 50, quantity: 4 })];
    const pinned = await allocate(lines, offers, { pins: [{ offerId: 'dear', lineId: 'L', quantity: 2 }] });
    expect(pinned.assignments.map((a) => [a.offerId, a.quantity])).toEqual([
      ['cheap', 4],
      ['dear', 2],
    ]);
    const whole = await allocate(lines, offers, { pins: [{ offerId: 'dear', lineId: 'L' }] });
    expect(whole.assignments.map((a) => [a.offerId, a.quantity])).toEqual([
      ['cheap', 2],
      ['dear', 4],
    ]);
  });

  it('reports an impossible pin as infeasible, naming it', async () => {
    const lines = [line({ id: 'L', quantity: 3, useTags: ['offensive'] })];
    const offers = [offer({ id: 'o', conditions: [{ type: 'end-use', text: 'Defensive use only', excludesUseTags: ['offensive'] }] }), offer({ id: 'p' })];
    const ineligible = await allocate(lines, offers, { pins: [{ offerId: 'o', lineId: 'L' }] });
    expect(ineligible.status).toBe('infeasible');
    expect(ineligible.message).toContain('pin of offer o to line L');
    expect(ineligible.message).toContain('Defensive use only');
    const tooMany = await allocate(lines, offers, { pins: [{ offerId: 'p', lineId: 'L', quantity: 5 }] });
    expect(tooMany.status).toBe('infeasible');
    expect(tooMany.message).toContain('pin of offer p to line L (5)');
    const twoPins = await allocate([line({ id: 'A', quantity: 3 }), line({ id: 'B', quantity: 3 })], [offer({ id: 'o', quantity: 4 })], {
      pins: [
        { offerId: 'o', lineId: 'A', quantity: 3 },
        { offerId: 'o', lineId: 'B', quantity: 2 },
      ],
    });
    expect(twoPins.status).toBe('infeasible');
    expect(twoPins.message).toMatch(/pin of offer o to line A \(3\), pin of offer o to line B \(2\) together need 5 but offer o has 4/);
  });

  it('reports pins that break a fair-share cap as infeasible', async () => {
    const result = await allocate([line({ id: 'L', quantity: 4 })], [offer({ id: 'a', partner: 'PL' }), offer({ id: 'b', partner: 'DE', quantity: 1 })], {
      pins: [{ offerId: 'a', lineId: 'L', quantity: 4 }],
      fairShareCap: 0.5,
    });
    expect(result.status).toBe('infeasible');
    expect(result.message).toContain('fair-share');
  });

  it('keeps each partner within its fair share', async () => {
    const lines = [line({ id: 'L', quantity: 10, priority: 'critical' })];
    const offers = [offer({ id: 'pl', partner: 'PL', quantity: 10 }), offer({ id: 'de', partner: 'DE', quantity: 3 }), offer({ id: 'fr', partner: 'FR', quantity: 3 })];
    const capped = await allocate(lines, offers, { fairShareCap: 0.5 });
    const by = Object.fromEntries(capped.assignments.map((a) => [a.partner, a.quantity]));
    const total = capped.lines[0]!.allocated;
    expect(total).toBe(10);
    expect(by.PL).toBe(5); // PL alone could fill the line; the cap holds it to half of the 10
    for (const q of Object.values(by)) expect(q).toBeLessThanOrEqual(0.5 * total);
    const perPartner = await allocate(lines, offers, { fairShareCap: { PL: 0.2 } });
    const pl = perPartner.assignments.find((a) => a.partner === 'PL')?.quantity ?? 0;
    expect(pl).toBeLessThanOrEqual(0.2 * perPartner.lines[0]!.allocated);
    expect(perPartner.lines[0]!.allocated).toBe(7); // DE 3 + FR 3 + PL 1 (1 ≤ 0.2 · 7)
  });

  it('falls back to the integer program when the capped relaxation is fractional', async () => {
    // The linear relaxation sends 4.5 items each from PL and DE (4.5 ≤ 0.45 · 10); whole items allow only 4 each.
    const offers = [offer({ id: 'pl', partner: 'PL', quantity: 5 }), offer({ id: 'de', partner: 'DE', quantity: 5 }), offer({ id: 'fr', partner: 'FR', quantity: 1 })];
    const result = await allocate([line({ id: 'L', quantity: 20 })], offers, { fairShareCap: 0.45 });
    expect(result.status).toBe('optimal');
    expect(result.usedMip).toBe(true);
    expect(result.assignments.map((a) => [a.partner, a.quantity])).toEqual([
      ['DE', 4],
      ['FR', 1],
      ['PL', 4],
    ]);
  });

  it('leaves every line unfilled when there are no offers', async () => {
    const result = await allocate([line({ id: 'A' }), line({ id: 'B', quantity: 2 })], []);
    expect(result.status).toBe('optimal');
    expect(result.assignments).toEqual([]);
    expect(result.lines.map((l) => l.unfilled)).toEqual([10, 2]);
    expect(result.variables).toBe(0);
  });

  it('rejects invalid input with an error status', async () => {
    expect((await allocate([line({ id: 'A', quantity: 1.5 })], [])).status).toBe('error');
    expect((await allocate([line({ id: 'A' }), line({ id: 'A' })], [])).message).toContain('twice');
    expect((await allocate([line({ id: 'A' })], [offer({ id: 'o' })], { fairShareCap: 0 })).status).toBe('error');
  });

  it('gives the same proposal for the same input, in any order', async () => {
    const lines = Array.from({ length: 8 }, (_, i) => line({ id: `L${i}`, quantity: 3 + (i % 3), priority: i % 2 ? 'high' : 'low', neededBy: `2026-12-1${i}` }));
    const offers = Array.from({ length: 10 }, (_, i) => offer({ id: `O${i}`, partner: `P${i % 3}`, quantity: 2 + (i % 4), unitCostEur: 100, earliestDelivery: `2026-12-1${i % 10}` }));
    const a = await allocate(lines, offers, { fairShareCap: 0.5 });
    const b = await allocate([...lines].reverse(), [...offers].reverse(), { fairShareCap: 0.5 });
    const key = (r: typeof a) => r.assignments.map((x) => `${x.offerId}>${x.lineId}:${x.quantity}`).sort();
    expect(key(a)).toEqual(key(b));
    expect(a.objective).toEqual(b.objective);
    expect((await allocate(lines, offers, { fairShareCap: 0.5 })).assignments).toEqual(a.assignments);
  });
});
