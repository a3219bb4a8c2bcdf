// Reference solver for tests: enumerates every whole-number allocation of a small instance and
// keeps the lexicographic best. Independent of HiGHS; shares only the eligibility rules.
import { eligiblePairs, offerUnits, type EligiblePair } from '../eligibility.js';
import { feasibilityProblems, objectiveOf, partnerCaps } from '../evaluate.js';
import type { AllocationLine, AllocationObjective, AllocationOffer, AllocationOptions } from '../types.js';

export interface BruteForceResult {
  feasible: boolean;
  objective: AllocationObjective | null;
  pairs: EligiblePair[];
  quantities: number[] | null;
}

/** Negative when `a` is lexicographically better than `b`: more on-time weight, more weight, fewer late item-days, less cost. */
export function compareObjectives(a: AllocationObjective, b: AllocationObjective): number {
  return (
    b.priorityWeightedOnTime - a.priorityWeightedOnTime ||
    b.priorityWeightedTotal - a.priorityWeightedTotal ||
    a.lateItemDays - b.lateItemDays ||
    (Math.abs(a.costEur - b.costEur) < 1e-9 ? 0 : a.costEur - b.costEur)
  );
}

export function bruteForceAllocate(lines: AllocationLine[], offers: AllocationOffer[], options: AllocationOptions = {}): BruteForceResult {
  const { pairs } = eligiblePairs(lines, offers, options);
  const offerCap = offers.map(offerUnits);
  const lineCap = lines.map((line) => line.quantity);
  const lower = pairs.map(() => 0);
  for (const pin of options.pins ?? []) {
    const j = pairs.findIndex((pair) => pair.offerId === pin.offerId && pair.lineId === pin.lineId);
    const pair = pairs[j];
    if (!pair) return { feasible: false, objective: null, pairs, quantities: null };
    const offerQty = offerCap[pair.offerIndex] ?? 0;
    const wanted = pin.quantity ?? Math.min(offerQty, lineCap[pair.lineIndex] ?? 0);
    if (wanted < 1) return { feasible: false, objective: null, pairs, quantities: null };
    lower[j] = Math.max(lower[j] ?? 0, wanted);
  }
  const caps = partnerCaps(pairs, options.fairShareCap);
  const model = { pairs, offerUnits: offerCap, lineUnits: lineCap, lower, caps };
  const x = pairs.map(() => 0);
  const offerLeft = [...offerCap];
  const lineLeft = [...lineCap];
  let best: AllocationObjective | null = null;
  let bestX: number[] | null = null;
  const visit = (j: number): void => {
    if (j === pairs.length) {
      if (feasibilityProblems(model, x).length) return;
      const objective = objectiveOf(pairs, x);
      if (!best || compareObjectives(objective, best) < 0) {
        best = objective;
        bestX = [...x];
      }
      return;
    }
    const pair = pairs[j] as EligiblePair;
    const most = Math.min(offerLeft[pair.offerIndex] ?? 0, lineLeft[pair.lineIndex] ?? 0);
    for (let q = lower[j] ?? 0; q <= most; q++) {
      x[j] = q;
      offerLeft[pair.offerIndex] = (offerLeft[pair.offerIndex] ?? 0) - q;
      lineLeft[pair.lineIndex] = (lineLeft[pair.lineIndex] ?? 0) - q;
      visit(j + 1);
      offerLeft[pair.offerIndex] = (offerLeft[pair.offerIndex] ?? 0) + q;
      lineLeft[pair.lineIndex] = (lineLeft[pair.lineIndex] ?? 0) + q;
    }
    x[j] = 0;
  };
  visit(0);
  return { feasible: best !== null, objective: best, pairs, quantities: bestX };
}
