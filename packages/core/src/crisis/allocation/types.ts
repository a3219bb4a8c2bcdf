// Shapes of the crisis-request allocation engine: request lines, partner offers, coordinator
// options and the proposal it returns. See README.md in this folder for the model.

import type { Priority } from '../../schema/vocabulary.js';

/** Urgency of a request line ('critical' | 'high' | 'medium' | 'low', the schema's own enum); weights in PRIORITY_WEIGHTS (8/4/2/1). */
export type { Priority };

export interface AllocationLine {
  id: string;
  item: string;
  unit: string;
  /** Whole items, integer ≥ 1. */
  quantity: number;
  /** ISO date (YYYY-MM-DD; a longer ISO timestamp is read by its date part). */
  neededBy: string;
  priority: Priority;
  capabilityArea?: string;
  /** E.g. 'cross-border', 'offensive'. */
  useTags?: string[];
  /** Where it will be used, e.g. 'UA-43' or free text. */
  region?: string;
}

export interface OfferCondition {
  type: 'end-use' | 'geographic' | 'other';
  text: string;
  excludesUseTags?: string[];
  excludesRegions?: string[];
}

export interface AllocationOffer {
  id: string;
  partner: string;
  item: string;
  unit: string;
  /** Whole items; a fractional quantity is rounded down. */
  quantity: number;
  /** ISO date. */
  earliestDelivery: string;
  /** Already converted by the caller; null = unknown or free (costs nothing in the objective). */
  unitCostEur: number | null;
  /** Offer made against a specific line; null/absent = any line with the same item and unit. */
  lineId?: string | null;
  conditions?: OfferCondition[];
}

export interface AllocationPin {
  offerId: string;
  lineId: string;
  /** At least this many items; absent = as many as the offer and the line allow (min of both). */
  quantity?: number;
}

export interface AllocationOptions {
  pins?: AllocationPin[];
  excludedOfferIds?: string[];
  /** Max share (0..1] of all allocated units that one partner may supply; a number caps every partner. */
  fairShareCap?: number | Record<string, number>;
}

export interface AllocationAssignment {
  lineId: string;
  offerId: string;
  partner: string;
  quantity: number;
  deliveryDate: string;
  daysLate: number;
  costEur: number | null;
}

export interface AllocationExclusion {
  offerId: string;
  lineId: string;
  /** Which condition excluded the pair, in words. */
  reason: string;
}

export interface AllocationLineResult {
  lineId: string;
  requested: number;
  allocated: number;
  onTime: number;
  late: number;
  unfilled: number;
}

export interface AllocationObjective {
  /** Σ weight(priority) · quantity over assignments delivered by the needed-by date (stage 1, maximised). */
  priorityWeightedOnTime: number;
  /** Σ weight(priority) · quantity over all assignments (stage 2, maximised). */
  priorityWeightedTotal: number;
  /** Σ daysLate · quantity (stage 3, minimised). */
  lateItemDays: number;
  /** Σ unitCostEur · quantity over offers with a known cost (stage 4, minimised). */
  costEur: number;
}

export interface AllocationResult {
  status: 'optimal' | 'infeasible' | 'error';
  message?: string;
  assignments: AllocationAssignment[];
  lines: AllocationLineResult[];
  excluded: AllocationExclusion[];
  objective: AllocationObjective;
  solveMs: number;
  /** Columns of the model (one per eligible pair, plus one total column when fair-share caps apply). */
  variables: number;
  /** Rows of the model before the stage rows are added. */
  constraints: number;
  /** Whether the integer program was needed (the linear relaxation was not integral), for diagnostics. */
  usedMip?: boolean;
  /**
   * False when the integer program hit its time limit on some stage and the best allocation found
   * was kept (then `message` says which stage); true for a proven optimum. Absent unless optimal.
   */
  provenOptimal?: boolean;
}
