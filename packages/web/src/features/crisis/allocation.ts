import type { AllocationInput, AllocationProposal, Offer, RequestLine } from '@compact/core';

/** The coordinator's choices for a solve: offers pinned to a line, offers left out, a fair-share cap in %. */
export interface SolveChoices {
  pinned: ReadonlySet<string>;
  excluded: ReadonlySet<string>;
  /** Percent as typed ("50"); empty for no cap. */
  capPercent: string;
}

/** The line an offer can be pinned to: its own, or the first line with its item and unit. */
export function pinLine(offer: Offer, lines: readonly RequestLine[]): string | null {
  if (offer.lineId) return offer.lineId;
  return lines.find((line) => line.item === offer.item && line.unit === offer.unit)?.id ?? null;
}

/** The body of POST …/allocations. An excluded offer is never also pinned. */
export function allocationInput(
  choices: SolveChoices,
  offers: readonly Offer[],
  lines: readonly RequestLine[],
): AllocationInput {
  const pins: Array<{ offerId: string; lineId: string }> = [];
  for (const offer of offers) {
    if (!choices.pinned.has(offer.id) || choices.excluded.has(offer.id)) continue;
    const lineId = pinLine(offer, lines);
    if (lineId) pins.push({ offerId: offer.id, lineId });
  }
  const excludedOfferIds = offers.filter((offer) => choices.excluded.has(offer.id)).map((offer) => offer.id);
  const cap = choices.capPercent.trim();
  return {
    pins,
    excludedOfferIds,
    // Out-of-range values go to the API as typed (÷100), which refuses them at the field.
    ...(cap ? { fairShareCap: Number(cap) / 100 } : {}),
  };
}

export type LineOutcome = 'filled' | 'partial' | 'unfilled';

export interface AllocationRow {
  lineId: string;
  item: string;
  unit: string;
  requested: number;
  allocated: number;
  onTime: number;
  late: number;
  unfilled: number;
  outcome: LineOutcome;
  assignments: Array<{
    offerId: string;
    partner: string;
    quantity: number;
    deliveryDate: string;
    daysLate: number;
    costEur: number | null;
  }>;
}

/** One row per request line: what was asked, what the proposal gives, on time or late, and by whom. */
export function allocationRows(proposal: AllocationProposal, lines: readonly RequestLine[]): AllocationRow[] {
  return lines.map((line) => {
    const result = proposal.result.lines.find((entry) => entry.lineId === line.id);
    const allocated = result?.allocated ?? 0;
    const unfilled = result?.unfilled ?? line.quantity;
    return {
      lineId: line.id,
      item: line.item,
      unit: line.unit,
      requested: result?.requested ?? line.quantity,
      allocated,
      onTime: result?.onTime ?? 0,
      late: result?.late ?? 0,
      unfilled,
      outcome: allocated === 0 ? 'unfilled' : unfilled > 0 ? 'partial' : 'filled',
      assignments: proposal.result.assignments
        .filter((assignment) => assignment.lineId === line.id)
        .map(({ offerId, partner, quantity, deliveryDate, daysLate, costEur }) => ({
          offerId,
          partner,
          quantity,
          deliveryDate,
          daysLate,
          costEur,
        })),
    };
  });
}
