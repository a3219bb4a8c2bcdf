import type { ExchangeRate } from '../money/exchange-rates.js';
import type { DataPackage } from '../schema/package.js';
import type { CapabilityArea } from '../schema/vocabulary.js';

/** The package arrays the analysis reads. A parsed `DataPackage` is one; so is what a viewer may see. */
export type AnalysisInputKey =
  | 'partners'
  | 'agreements'
  | 'clauses'
  | 'commitments'
  | 'coalitions'
  | 'requirements'
  | 'flows'
  | 'exchangeRates';

/**
 * Input of `analyze`: the package's arrays, typed with core's records (a `DataPackage` fits as it
 * is). Missing arrays count as empty. Package exchange rates override the built-in table.
 */
export type AnalysisInput = {
  readonly [K in AnalysisInputKey]?: readonly (K extends 'exchangeRates' ? ExchangeRate : DataPackage[K][number])[];
};

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Finding codes are part of the interface (CLI, API, web filters). */
export const FINDING_CODES = [
  'GAP',
  'SINGLE_GUARANTOR',
  'CONCENTRATION',
  'REDUNDANCY',
  'DOUBLE_COUNT',
  'POSSIBLE_DOUBLE_COUNT',
  'OUTSIDE_VALIDITY',
  'EXPIRY_CLIFF',
  'NO_CONSULTATION',
  'CONSULTATION_MISMATCH',
  'NATO_ACCESSION_CLIFF',
  'UNSIGNED_COUNTED',
  'LEAD_WITHOUT_COMMITMENT',
  'FRAGMENTATION',
  'UNCONVERTIBLE',
  'UNSOURCED',
  'CONFLICTING_TERMS',
  'NO_PERIOD',
  'GDP_SHARE_NOT_COUNTED',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface AnalysisOptions {
  /** The day the analysis is made for (ISO date): decides which agreements are signed. */
  readonly asOf: string;
  /** Report currency, ISO 4217; default EUR. */
  readonly currency?: string;
  /** Hypothetical date of the beneficiary's NATO accession, for NATO_ACCESSION_CLIFF; no finding without it. */
  readonly natoAccession?: string | null;
  /** FRAGMENTATION: distinct item types in one capability area at or above which it is flagged; default 4. */
  readonly fragmentationThreshold?: number;
  /** CONCENTRATION: Herfindahl index above which providers are concentrated; default 0.5. */
  readonly concentrationThreshold?: number;
  /** REDUNDANCY: coverage ratio at or above which a requirement is redundantly covered; default 1.5. */
  readonly redundancyThreshold?: number;
  /** EXPIRY_CLIFF: share of a year's committed coverage ending unrenewed at or above which it is flagged; default 0.25. */
  readonly expiryCliffShare?: number;
  /** GAP severities: critical below the first ratio, high below the second, medium below 1; default 0.5 and 0.8. */
  readonly gapCriticalBelow?: number;
  readonly gapHighBelow?: number;
  /** Run only these rules (all by default). */
  readonly rules?: readonly FindingCode[];
}

/** Options with every default filled in; thresholds also as exact parts per million. */
export interface ResolvedOptions {
  readonly asOf: string;
  readonly currency: string;
  readonly natoAccession: string | null;
  readonly fragmentationThreshold: number;
  readonly concentrationThreshold: number;
  readonly redundancyThreshold: number;
  readonly expiryCliffShare: number;
  readonly gapCriticalBelow: number;
  readonly gapHighBelow: number;
  readonly rules: ReadonlySet<FindingCode>;
  readonly ppm: {
    readonly concentration: bigint;
    readonly redundancy: bigint;
    readonly expiryCliff: bigint;
    readonly gapCritical: bigint;
    readonly gapHigh: bigint;
  };
}

export interface ProviderShare {
  readonly partner: string;
  /** Exact decimal string in the report currency (or units for quantity rows). */
  readonly amount: string;
  /** Share of the row's committed amount, rounded to 4 decimals. */
  readonly share: number;
}

/**
 * One capability × year cell for one beneficiary. Money rows are in the report currency; quantity
 * rows (`measure: "quantity"`) count items of one unit and item type, with amounts as decimal strings.
 */
export interface CoverageRow {
  readonly beneficiary: string;
  /** null: commitments without a capability area ("unassigned"); they fill no requirement. */
  readonly capabilityArea: CapabilityArea | null;
  readonly year: number;
  readonly measure: 'money' | 'quantity';
  readonly unit: string | null;
  readonly item: string | null;
  /** null for the unassigned row; "0" where no requirement is recorded. */
  readonly required: string | null;
  readonly committed: string;
  readonly committedAtRisk: string;
  readonly delivered: string;
  /** committed / required, rounded to 4 decimals; null without a requirement. */
  readonly ratio: number | null;
  /** Providers of the committed amount, largest first. */
  readonly providers: readonly ProviderShare[];
  readonly requirementIds: readonly string[];
}

export interface ClauseReference {
  readonly agreementId: string;
  readonly ref: string;
}

export type SubjectValue = string | number | null | readonly string[];
export type FindingSubject = Readonly<Record<string, SubjectValue>>;

export interface Finding {
  /** Stable: the code and the subject's ids, so the same finding has the same id across runs. */
  readonly id: string;
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly subject: FindingSubject;
  readonly clauses: readonly ClauseReference[];
  readonly message: string;
  readonly messageUk: string;
  readonly remedy: string;
  readonly remedyUk: string;
}

export interface AnalysisResult {
  readonly asOf: string;
  readonly currency: string;
  readonly natoAccession: string | null;
  readonly coverage: readonly CoverageRow[];
  /** Sorted by severity, then code, then id. */
  readonly findings: readonly Finding[];
}
