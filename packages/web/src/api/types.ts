import type {
  AgreementSummary,
  AgreementView as CoreAgreementView,
  Clause,
  Coalition,
  Commitment,
  Partner,
  Requirement,
} from '@compact/core';

// The server speaks the core's entities plus a few computed fields; these are its response shapes.

export interface Health {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  version: string;
}

/** An agreement with its status on the requested day, its signature date and its partner party. */
export type AgreementView = CoreAgreementView & { version?: number };

export interface AgreementList {
  asOf: string;
  items: AgreementView[];
  summary: AgreementSummary;
}

export interface Items<T> {
  items: T[];
}

export type PartnerView = Partner & { version?: number };
export type CommitmentView = Commitment & { version?: number };
export type CoalitionView = Coalition & { version?: number };
export type ClauseView = Clause & { version?: number };

export interface ApiErrorBody {
  error: { code: string; message: string; path?: string };
}

export type RequirementView = Requirement & { version?: number };

/** How far a rate can be trusted: V verified, V* sources disagree, M unverified, computed from ECB daily rates. */
export type RateConfidence = 'V' | 'V*' | 'M' | 'computed';

/** An annual exchange rate against the euro; exactly one of the two directions is given. */
export interface ExchangeRateView {
  currency: string;
  year: number;
  unitsPerEur?: string;
  eurPerUnit?: string;
  confidence?: RateConfidence | (string & {});
  source: string;
  note?: string | null;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface ProviderShare {
  partner: string;
  /** Exact decimal string in the report currency (in units for quantity rows). */
  amount: string;
  /** Share of the row's committed amount, 0 to 1. */
  share: number;
}

/** One capability area × year cell of coverage for one beneficiary. */
export interface CoverageRow {
  beneficiary: string;
  /** null: commitments with no capability area ("unassigned"). */
  capabilityArea: string | null;
  year: number;
  /** Money rows are in the report currency; quantity rows count items of one unit and item type. */
  measure?: 'money' | 'quantity';
  unit?: string | null;
  item?: string | null;
  required: string | null;
  committed: string;
  committedAtRisk: string;
  delivered: string;
  /** committed / required; null without a requirement. */
  ratio: number | null;
  providers: ProviderShare[];
  requirementIds?: string[];
}

export interface ClauseReference {
  agreementId: string;
  ref: string;
}

export type SubjectValue = string | number | boolean | null | ReadonlyArray<string | number>;

export interface Finding {
  id: string;
  code: string;
  severity: Severity;
  subject: Record<string, SubjectValue | undefined>;
  clauses: ClauseReference[];
  message: string;
  messageUk: string;
  remedy: string;
  remedyUk?: string;
}

export interface AnalysisResult {
  asOf: string;
  currency: string;
  natoAccession?: string | null;
  coverage: CoverageRow[];
  findings: Finding[];
}
