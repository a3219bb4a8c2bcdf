import { describe, expect, it } from 'vitest';
import { toOfferInput } from './offer.js';

const form = {
  partner: 'GB',
  lineId: '',
  item: 'interceptor',
  unit: 'items',
  quantity: '6',
  earliestDelivery: '2026-12-05',
  amount: '',
  currency: 'eur',
  conditions: ' not for use across the border \n\n',
};

describe('offer input', () => {
  it('offers for any line without a cost, one condition per line of text', () => {
    expect(toOfferInput(form)).toEqual({
      partner: 'GB',
      lineId: null,
      item: 'interceptor',
      unit: 'items',
      quantity: 6,
      earliestDelivery: '2026-12-05',
      unitCost: null,
      conditions: [{ type: 'other', text: 'not for use across the border' }],
    });
  });

  it('sends a cost with its currency in capitals', () => {
    expect(toOfferInput({ ...form, lineId: 'l1', amount: ' 1250 ', conditions: '' })).toMatchObject({
      lineId: 'l1',
      unitCost: { amount: '1250', currency: 'EUR' },
      conditions: [],
    });
  });
});
