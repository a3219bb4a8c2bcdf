// The compiled model: flat typed arrays the trial loop reads without allocating, plus the labels
// the summary needs. Plain data (structured-cloneable), so it can be sent to worker threads.
import type { CapabilityArea } from '../schema/vocabulary.js';
import type { FactorApplied } from './reliability.js';

export interface CellInfo {
  readonly beneficiary: string;
  readonly capabilityArea: CapabilityArea;
  readonly year: number;
  readonly priority: 'critical' | 'high' | 'medium' | 'low';
  readonly critical: boolean;
  /** Exact decimal strings in the report currency. */
  readonly required: string;
  /** Committed (and, with includeAtRisk, at-risk) money at certain, on-time delivery. */
  readonly certain: string;
  readonly requirementIds: readonly string[];
}

export interface CommitmentInfo {
  readonly id: string;
  readonly provider: string;
  readonly agreementId: string | null;
  readonly bucket: 'committed' | 'atRisk';
  readonly baseRate: number;
  /** Probability of being honoured in full (on time or late). */
  readonly probability: number;
  readonly outcomes: { readonly onTime: number; readonly late: number; readonly partial: number; readonly withdrawn: number };
  readonly minDelayMonths: number;
  readonly factors: readonly FactorApplied[];
}

export interface EntityInfo {
  readonly kind: 'partner' | 'commitment';
  readonly id: string;
}

export interface PunishmentInputs {
  readonly beneficiary: string;
  readonly guarantors: readonly {
    readonly partner: string;
    readonly agreementIds: readonly string[];
    /** 1 for a window of 24 hours or less, 24/h beyond, ×0.75 for best effort, 0.5 for words without hours, 0 without a clause. */
    readonly speed: number;
    readonly binding: boolean;
    readonly sanctions: boolean;
    /** Share of the counted money of all guarantors (equal shares when none has money). */
    readonly weight: number;
  }[];
  /** Partners in the input other than the beneficiary: breadth is guarantors ÷ this. */
  readonly potentialGuarantors: number;
}

export interface CompiledModel {
  readonly asOf: string;
  readonly currency: string;
  readonly seed: number;
  readonly threshold: number;
  readonly cells: readonly CellInfo[];
  /** Required money per cell, in minor units of the report currency. */
  readonly required: Float64Array;
  readonly criticalCells: Int32Array;
  /** Cells some contribution reaches (its own year or the next), ascending: the only ones whose coverage varies. The rest stay at 0. */
  readonly liveCells: Int32Array;
  /** Per cell, the index of its year in `years` (for the network probability by year). */
  readonly cellYear: Int32Array;
  readonly years: readonly number[];
  readonly commitments: readonly CommitmentInfo[];
  readonly partners: readonly string[];
  readonly partnerOf: Int32Array;
  readonly commitmentKey: Uint32Array;
  readonly partnerKey: Uint32Array;
  /** Latent thresholds: X < withdrawnBelow → withdrawn; < partialBelow → partial; < lateBelow → late; else on time. */
  readonly withdrawnBelow: Float64Array;
  readonly partialBelow: Float64Array;
  readonly lateBelow: Float64Array;
  readonly minDelay: Float64Array;
  /** Contributions of commitment i are [contributionStart[i], contributionStart[i+1]). */
  readonly contributionStart: Int32Array;
  readonly contributionCell: Int32Array;
  /** The same area's cell a year later (where late money lands), or −1. */
  readonly contributionNext: Int32Array;
  /** Minor units of the report currency. */
  readonly contributionAmount: Float64Array;
  readonly loadings: { readonly global: number; readonly partner: number; readonly own: number };
  readonly delayMonths: readonly [number, number];
  readonly partialFraction: readonly [number, number];
  /** Criticality: entity e's commitments are entityMember[entityStart[e] … entityStart[e+1]), its cells entityCell[entityCellStart[e] …]. */
  readonly entities: readonly EntityInfo[];
  readonly entityStart: Int32Array;
  readonly entityMember: Int32Array;
  readonly entityCellStart: Int32Array;
  readonly entityCell: Int32Array;
  readonly punishment: PunishmentInputs;
}
