import { formatAmount, parseMoney } from '../money/money.js';
import type { RateTable } from '../money/exchange-rates.js';
import type { AllocationLine, AllocationOffer } from './allocation/types.js';
import type { CrisisRequest, Offer } from './records.js';

export interface AllocationProblem {
  lines: AllocationLine[];
  offers: AllocationOffer[];
  /** What could not be taken at face value (a cost without an exchange rate), in words. */
  notes: string[];
}

/** The latest year with a rate at or before `year`: delivery years often run ahead of published rates. */
function rateYear(rates: RateTable, currency: string, year: number): number | undefined {
  if (currency === 'EUR') return year;
  for (let candidate = year; candidate >= year - 10; candidate--) if (rates.lookup(currency, candidate)) return candidate;
  return undefined;
}

/**
 * Turns a request and the offers made against it into the allocation engine's input. Unit costs
 * are converted to EUR with the rate of the delivery year (or the latest earlier one, noted); a
 * cost in a currency without any rate counts as unknown, and says so.
 */
export function allocationProblem(request: CrisisRequest, offers: readonly Offer[], rates: RateTable): AllocationProblem {
  const notes: string[] = [];
  const lines: AllocationLine[] = request.lines.map((line) => ({
    id: line.id,
    item: line.item,
    unit: line.unit,
    quantity: line.quantity,
    neededBy: line.neededBy,
    priority: line.priority,
    ...(line.capabilityArea ? { capabilityArea: line.capabilityArea } : {}),
    ...(line.useTags ? { useTags: line.useTags } : {}),
    ...(line.region ? { region: line.region } : {}),
  }));
  const allocationOffers: AllocationOffer[] = offers.map((offer) => {
    let unitCostEur: number | null = null;
    if (offer.unitCost) {
      const year = Number(offer.earliestDelivery.slice(0, 4));
      const used = rateYear(rates, offer.unitCost.currency, year);
      if (used === undefined) {
        notes.push(`offer ${offer.id}: no ${offer.unitCost.currency} exchange rate, its cost is treated as unknown`);
      } else {
        if (used !== year) notes.push(`offer ${offer.id}: ${offer.unitCost.currency} converted at the ${used} rate (none for ${year} yet)`);
        unitCostEur = Number(formatAmount(rates.convert(parseMoney(offer.unitCost.amount, offer.unitCost.currency), 'EUR', used)));
      }
    }
    return {
      id: offer.id,
      partner: offer.partner,
      item: offer.item,
      unit: offer.unit,
      quantity: offer.quantity,
      earliestDelivery: offer.earliestDelivery,
      unitCostEur,
      lineId: offer.lineId,
      conditions: offer.conditions,
    };
  });
  return { lines, offers: allocationOffers, notes };
}
