// Objective values and feasibility of a candidate allocation, computed exactly in JavaScript. The
// engine uses them to check the solver's rounded answer; the brute-force test oracle uses them too.
import type { EligiblePair } from './eligibility.js';
import type { AllocationObjective, AllocationOptions } from './types.js';

export interface CapacityModel {
  pairs: readonly EligiblePair[];
  /** Whole items each offer has, by offer index. */
  offerUnits: readonly number[];
  /** Quantity each line requests, by line index. */
  lineUnits: readonly number[];
  /** Lower bound of each pair from pins (0 when not pinned), parallel to pairs. */
  lower: readonly number[];
  /** Fair-share cap by partner, only for partners capped below 1. */
  caps: ReadonlyMap<string, number>;
}

export function objectiveOf(pairs: readonly EligiblePair[], quantities: ArrayLike<number>): AllocationObjective {
  let onTime = 0;
  let total = 0;
  let late = 0;
  let cost = 0;
  pairs.forEach((pair, j) => {
    const q = quantities[j] ?? 0;
    if (!q) return;
    total += pair.weight * q;
    if (pair.onTime) onTime += pair.weight * q;
    late += pair.daysLate * q;
    cost += (pair.unitCostEur ?? 0) * q;
  });
  return { priorityWeightedOnTime: onTime, priorityWeightedTotal: total, lateItemDays: late, costEur: cost };
}

/** What is wrong with these quantities (empty when feasible). */
export function feasibilityProblems(model: CapacityModel, quantities: ArrayLike<number>): string[] {
  const problems: string[] = [];
  const offerUsed = new Map<number, number>();
  const lineUsed = new Map<number, number>();
  const partnerUsed = new Map<string, number>();
  let total = 0;
  model.pairs.forEach((pair, j) => {
    const q = quantities[j] ?? 0;
    if (!Number.isInteger(q) || q < 0) problems.push(`${pair.offerId}→${pair.lineId}: ${q} is not a whole number of items`);
    if (q < (model.lower[j] ?? 0)) problems.push(`${pair.offerId}→${pair.lineId}: ${q} below the pinned ${model.lower[j]}`);
    offerUsed.set(pair.offerIndex, (offerUsed.get(pair.offerIndex) ?? 0) + q);
    lineUsed.set(pair.lineIndex, (lineUsed.get(pair.lineIndex) ?? 0) + q);
    partnerUsed.set(pair.partner, (partnerUsed.get(pair.partner) ?? 0) + q);
    total += q;
  });
  for (const [offer, used] of offerUsed) if (used > (model.offerUnits[offer] ?? 0)) problems.push(`offer #${offer} over-allocated`);
  for (const [line, used] of lineUsed) if (used > (model.lineUnits[line] ?? 0)) problems.push(`line #${line} over-filled`);
  for (const [partner, cap] of model.caps) {
    const used = partnerUsed.get(partner) ?? 0;
    if (used > cap * total + 1e-9) problems.push(`partner ${partner} above its fair share`);
  }
  return problems;
}

/** Per-partner caps below 1 for the partners that appear in the pairs. */
export function partnerCaps(pairs: readonly EligiblePair[], fairShareCap: AllocationOptions['fairShareCap']): Map<string, number> {
  const caps = new Map<string, number>();
  if (fairShareCap === undefined) return caps;
  for (const pair of pairs) {
    if (caps.has(pair.partner)) continue;
    const cap = typeof fairShareCap === 'number' ? fairShareCap : fairShareCap[pair.partner];
    if (cap !== undefined && cap < 1) caps.set(pair.partner, cap);
  }
  return caps;
}
