import type { OfferInput } from '@compact/core';

/** The "Add an offer" form, as typed. */
export interface OfferForm {
  partner: string;
  lineId: string;
  item: string;
  unit: string;
  quantity: string;
  earliestDelivery: string;
  amount: string;
  currency: string;
  conditions: string;
}

/** The API's offer from the typed form: no cost when the amount is empty; one condition per line of text. */
export function toOfferInput(form: OfferForm): OfferInput {
  return {
    partner: form.partner,
    lineId: form.lineId || null,
    item: form.item,
    unit: form.unit,
    quantity: form.quantity.trim() === '' ? Number.NaN : Number(form.quantity),
    earliestDelivery: form.earliestDelivery,
    unitCost: form.amount.trim()
      ? { amount: form.amount.trim(), currency: form.currency.trim().toUpperCase() }
      : null,
    conditions: form.conditions
      .split('\n')
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => ({ type: 'other' as const, text })),
  };
}
