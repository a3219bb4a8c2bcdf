import {
  PROPOSAL_STATUSES,
  SEVERITIES,
  type ImportedDocument,
  type ProposalStatus,
  type Severity,
} from '@compact/core';
import type { CrisisConsultation, CrisisEvent, CrisisRequest, RequestAction } from '@compact/core';
import type { StressResult, StressScenarioInput, StressSettingsInput } from '@compact/core';
import type {
  AgreementSummary,
  AgreementView as CoreAgreementView,
  Clause,
  Coalition,
  Commitment,
  Consultation,
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
  error: {
    code: string;
    message: string;
    path?: string;
    issues?: Array<{ path: string; message: string }>;
    current?: unknown;
  };
}

/** GET /api/crisis/events/{id}: the event (its `notObliged` list inside), its clocks and requests. */
export interface CrisisEventDetail {
  event: CrisisEvent;
  consultations: CrisisConsultation[];
  requests: CrisisRequest[];
}

/** A request with the actions its state allows next. */
export type CrisisRequestView = CrisisRequest & { allowedActions: RequestAction[] };

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

export { SEVERITIES, type Severity };

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

// Agreement texts: imported documents, proposals waiting for review, comparison and G7 coverage.

/** An imported agreement text (core's shape, as the API sends it). */
export type TextDocument = ImportedDocument;

export interface ProposalEvidence {
  clauseRef: string;
  /** Offsets into the clause text. */
  start: number;
  end: number;
  text: string;
  kind?: string;
}

export { PROPOSAL_STATUSES, type ProposalStatus };

/** A draft commitment as extracted from a clause; only a reviewer makes it a fact. */
export type CommitmentDraft = Partial<Commitment> & { [key: string]: unknown };

export interface TermValue<T> {
  value: T;
  clauseRef: string;
}

/**
 * Agreement terms read from the text. The server sends each value directly with its clause in
 * `clauseRefs` ({ consultation: {…}, clauseRefs: { consultation: 'I.1' } }); the core's shape
 * ({ consultation: { value, clauseRef } }) is read as well.
 */
export interface TermsDraft {
  durationYears?: number | TermValue<number>;
  consultation?: Consultation | TermValue<Consultation>;
  onNatoAccession?: string | TermValue<string>;
  termination?: TerminationTerm | TermValue<TerminationTerm>;
  clauseRefs?: Partial<Record<string, string>>;
  [key: string]: unknown;
}

export interface TerminationTerm {
  noticeMonths: number;
  byEitherParty?: boolean;
}

interface ProposalBase {
  id: string;
  agreementId: string;
  documentId: string;
  clauseRef: string | null;
  status: ProposalStatus;
  evidence: ProposalEvidence[];
  decidedBy?: string;
  decidedAt?: string;
  resultId?: string;
  note?: string;
  version: number;
}

export type Proposal =
  | (ProposalBase & { kind: 'commitment'; draft: CommitmentDraft })
  | (ProposalBase & { kind: 'terms'; draft: TermsDraft });

export interface RemovedLine {
  line: string;
  reason: string;
}

export interface TextImportResult {
  document: TextDocument;
  clauses: ClauseView[];
  proposals: Proposal[];
  warnings: string[];
  removedLines: RemovedLine[];
}

export interface DecisionResult {
  proposal: Proposal;
  commitment?: CommitmentView;
}

export interface TextSpan {
  start: number;
  end: number;
}

/** One figure read from a clause (core `Extraction`), with its span in the clause text. */
export interface FigureExtraction {
  kind: string;
  span: TextSpan;
  text: string;
  value: unknown;
}

export interface FigureDifference {
  kind: string;
  a: FigureExtraction[];
  b: FigureExtraction[];
}

export interface ComparedPair {
  aRef: string;
  bRef: string;
  similarity: number;
  differences: FigureDifference[];
}

/** A clause as the comparison sends it: at least its reference and text. */
export interface TextClause {
  agreementId?: string;
  ref: string;
  heading?: string;
  text: string;
  topics?: string[];
}

export interface ComparedSide {
  id: string;
  title: string;
  clauses: TextClause[];
}

export interface Comparison {
  pairs: ComparedPair[];
  onlyInA: string[];
  onlyInB: string[];
  a: ComparedSide;
  b: ComparedSide;
}

export const G7_CATEGORIES = ['a1', 'a2', 'a3', 'a4', 'a5', 'b', 'c'] as const;
export type G7Category = (typeof G7_CATEGORIES)[number];

export interface CategoryMatrixRow {
  id: string;
  /** Clause refs per category; an empty list is a gap. */
  cover: Partial<Record<string, string[]>>;
  missing: string[];
}

export interface CategoryMatrix {
  categories: string[];
  rows: CategoryMatrixRow[];
}

/** POST /api/stress-tests: the model's settings (defaults on the server) and an optional what-if. */
export type StressRequest = Omit<StressSettingsInput, 'asOf'> & { asOf?: string; scenario?: StressScenarioInput | null };

export interface StressRunView {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  params: unknown;
  progress: { done: number; total: number };
  result?: StressResult;
  error?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}
