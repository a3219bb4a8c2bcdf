import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type AllocationLine, type AllocationOffer, type AllocationOptions, type Priority } from './index.js';
import { bruteForceAllocate } from './testing/brute-force.js';
import { offerUnits } from './eligibility.js';

const day = (d: number) => `2026-12-0${d + 1}`;

const lineArb = fc.record({
  item: fc.constantFrom('a', 'b'),
  unit: fc.constantFrom('u', 'u', 'u', 'v'),
  quantity: fc.integer({ min: 1, max: 3 }),
  neededBy: fc.integer({ min: 0, max: 3 }).map(day),
  priority: fc.constantFrom<Priority>('critical', 'high', 'medium', 'low'),
  useTags: fc.constantFrom<string[]>([], [], ['x'], ['x', 'y']),
  region: fc.constantFrom<string | undefined>(undefined, 'r1', 'r2'),
});

const offerArb = fc.record({
  partner: fc.constantFrom('P', 'Q', 'R'),
  item: fc.constantFrom('a', 'b'),
  unit: fc.constantFrom('u', 'u', 'u', 'v'),
  quantity: fc.integer({ min: 0, max: 3 }),
  earliestDelivery: fc.integer({ min: 0, max: 5 }).map(day),
  unitCostEur: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 4 }),
  target: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null, freq: 2 }),
  conditions: fc.constantFrom<AllocationOffer['conditions']>(
    undefined,
    undefined,
    [{ type: 'end-use', text: 'no x', excludesUseTags: ['x'] }],
    [{ type: 'geographic', text: 'not r1', excludesRegions: ['r1'] }],
  ),
});

const instanceArb = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
    offers: fc.array(offerArb, { minLength: 0, maxLength: 4 }),
    cap: fc.constantFrom<AllocationOptions['fairShareCap']>(undefined, undefined, undefined, 0.5, 0.75, 0.4, 0.45, 0.35, 0.3, { P: 0.25 }, { Q: 0.5, R: 0.75 }, { P: 0.35, Q: 0.45 }),
    excluded: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 1 }),
    pins: fc.array(fc.record({ offer: fc.integer({ min: 0, max: 3 }), line: fc.integer({ min: 0, max: 2 }), quantity: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }), { maxLength: 1 }),
  })
  .map(({ lines, offers, cap, excluded, pins }) => {
    const ls: AllocationLine[] = lines.map((l, i) => ({ id: `L${i}`, ...l }));
    const os: AllocationOffer[] = offers.map(({ target, ...o }, i) => ({ id: `O${i}`, ...o, lineId: target === null ? null : `L${target}` }));
    const options: AllocationOptions = {
      ...(cap !== undefined ? { fairShareCap: cap } : {}),
      excludedOfferIds: excluded.filter((i) => i < os.length).map((i) => `O${i}`),
      pins: pins.filter((p) => p.offer < os.length && p.line < ls.length).map((p) => ({ offerId: `O${p.offer}`, lineId: `L${p.line}`, ...(p.quantity !== undefined ? { quantity: p.quantity } : {}) })),
    };
    return { lines: ls, offers: os, options };
  });

describe('allocate against brute force', () => {
  it('finds the lexicographic optimum of small random instances', async () => {
    let mipRuns = 0;
    await fc.assert(
      fc.asyncProperty(instanceArb, async ({ lines, offers, options }) => {
        const reference = bruteForceAllocate(lines, offers, options);
        const result = await allocate(lines, offers, options);
        if (result.usedMip) mipRuns++;
        if (!reference.feasible) {
          expect(result.status).toBe('infeasible');
          return;
        }
        expect(result.status).toBe('optimal');
        expect(result.objective.priorityWeightedOnTime).toBe(reference.objective!.priorityWeightedOnTime);
        expect(result.objective.priorityWeightedTotal).toBe(reference.objective!.priorityWeightedTotal);
        expect(result.objective.lateItemDays).toBe(reference.objective!.lateItemDays);
        expect(result.objective.costEur).toBeCloseTo(reference.objective!.costEur, 9);

        // The solver's assignment is itself feasible.
        const eligible = new Set(reference.pairs.map((p) => `${p.offerId}>${p.lineId}`));
        const offerUsed = new Map<string, number>();
        const lineUsed = new Map<string, number>();
        const partnerUsed = new Map<string, number>();
        let total = 0;
        for (const a of result.assignments) {
          expect(eligible.has(`${a.offerId}>${a.lineId}`)).toBe(true);
          expect(Number.isInteger(a.quantity) && a.quantity > 0).toBe(true);
          offerUsed.set(a.offerId, (offerUsed.get(a.offerId) ?? 0) + a.quantity);
          lineUsed.set(a.lineId, (lineUsed.get(a.lineId) ?? 0) + a.quantity);
          partnerUsed.set(a.partner, (partnerUsed.get(a.partner) ?? 0) + a.quantity);
          total += a.quantity;
        }
        for (const o of offers) expect(offerUsed.get(o.id) ?? 0).toBeLessThanOrEqual(offerUnits(o));
        for (const l of lines) expect(lineUsed.get(l.id) ?? 0).toBeLessThanOrEqual(l.quantity);
        for (const [partner, used] of partnerUsed) {
          const cap = options.fairShareCap === undefined ? 1 : typeof options.fairShareCap === 'number' ? options.fairShareCap : (options.fairShareCap[partner] ?? 1);
          expect(used).toBeLessThanOrEqual(cap * total + 1e-9);
        }
        for (const pin of options.pins ?? []) {
          const got = result.assignments.find((a) => a.offerId === pin.offerId && a.lineId === pin.lineId)?.quantity ?? 0;
          expect(got).toBeGreaterThanOrEqual(pin.quantity ?? 1);
        }
      }),
      { numRuns: 500, seed: 20261126 },
    );
    // Some instances have a fractional linear relaxation under the caps, so the MIP path is checked too.
    expect(mipRuns).toBeGreaterThan(0);
  }, 60_000);
});
