import type { AllocationProposal, Offer, RequestLine } from '@compact/core';
import { describe, expect, it } from 'vitest';
import { allocationInput, allocationRows, pinLine } from './allocation.js';

const lines: RequestLine[] = [
  { id: 'l1', item: 'interceptor', unit: 'items', quantity: 10, neededBy: '2026-12-10', priority: 'high' },
  { id: 'l2', item: 'shell', unit: 'items', quantity: 100, neededBy: '2026-12-10', priority: 'medium' },
];

function offer(id: string, item: string, lineId: string | null = null): Offer {
  return {
    id,
    requestId: 'r',
    partner: 'GB',
    lineId,
    item,
    unit: 'items',
    quantity: 5,
    earliestDelivery: '2026-12-01',
    unitCost: null,
    conditions: [],
    classification: 'confidential',
    createdAt: '2026-11-26T10:00:00Z',
    createdBy: 'x',
  };
}

describe('allocation input', () => {
  it('pins an offer to its own line or the first matching one', () => {
    expect(pinLine(offer('a', 'shell'), lines)).toBe('l2');
    expect(pinLine(offer('b', 'shell', 'l9'), lines)).toBe('l9');
    expect(pinLine(offer('c', 'tank'), lines)).toBeNull();
  });

  it('builds pins, exclusions and the cap as a share', () => {
    const offers = [offer('a', 'interceptor'), offer('b', 'shell'), offer('c', 'tank')];
    expect(
      allocationInput(
        { pinned: new Set(['a', 'b', 'c']), excluded: new Set(['b']), capPercent: '50' },
        offers,
        lines,
      ),
    ).toEqual({ pins: [{ offerId: 'a', lineId: 'l1' }], excludedOfferIds: ['b'], fairShareCap: 0.5 });
    expect(
      allocationInput({ pinned: new Set(), excluded: new Set(), capPercent: ' ' }, offers, lines),
    ).toEqual({
      pins: [],
      excludedOfferIds: [],
    });
  });
});

describe('allocation rows', () => {
  it('summarises each line with its assignments', () => {
    const proposal = {
      result: {
        status: 'optimal',
        assignments: [
          {
            lineId: 'l1',
            offerId: 'a',
            partner: 'GB',
            quantity: 6,
            deliveryDate: '2026-12-12',
            daysLate: 2,
            costEur: 10,
          },
        ],
        lines: [{ lineId: 'l1', requested: 10, allocated: 6, onTime: 0, late: 6, unfilled: 4 }],
        excluded: [],
        objective: { priorityWeightedOnTime: 0, priorityWeightedTotal: 24, lateItemDays: 12, costEur: 10 },
        solveMs: 1,
        variables: 1,
        constraints: 0,
      },
    } as unknown as AllocationProposal;
    const rows = allocationRows(proposal, lines);
    expect(rows[0]).toMatchObject({ lineId: 'l1', allocated: 6, late: 6, unfilled: 4, outcome: 'partial' });
    expect(rows[0]?.assignments).toHaveLength(1);
    expect(rows[1]).toMatchObject({
      lineId: 'l2',
      requested: 100,
      allocated: 0,
      unfilled: 100,
      outcome: 'unfilled',
    });
  });
});
