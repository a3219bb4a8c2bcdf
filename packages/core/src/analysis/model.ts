// The engine's internal model, shared with the rule modules. Rules read it; only the engine writes.
import type { Agreement, Clause, Coalition, Commitment, LinkedFlow, Partner, Requirement } from '../schema/entities.js';
import type { AgreementStatus, CapabilityArea } from '../schema/vocabulary.js';
import type { Span } from './dates.js';
import type { ClauseReference, Finding, FindingCode, ResolvedOptions } from './types.js';

/** How a commitment counts as of the analysis day. */
export type Bucket = 'committed' | 'atRisk';

/** What a cell measures: money in the report currency (key ''), or a quantity of one unit and item. */
export interface Measure {
  readonly key: string;
  readonly unit: string | null;
  readonly item: string | null;
}

export const MONEY: Measure = { key: '', unit: null, item: null };

/** Amounts per calendar year from `fromYear`; null where the money could not be converted. */
export interface YearSeries {
  readonly fromYear: number;
  readonly values: readonly (bigint | null)[];
}

export function valueAt(series: YearSeries, year: number): bigint | null {
  const index = year - series.fromYear;
  return index >= 0 && index < series.values.length ? (series.values[index] ?? null) : null;
}

export interface AgreementInfo {
  readonly agreement: Agreement;
  readonly status: AgreementStatus | undefined;
  /** Signed or in force as of the analysis day. */
  readonly active: boolean;
  /** First signed (or in-force) status entry on or before the analysis day. */
  readonly signedOn: string | null;
  /** When the agreement ends: `endsOn`, else signature plus `durationYears`, else an expiry or termination entry. */
  readonly end: { readonly iso: string; readonly reason: 'endsOn' | 'term' | 'status' } | null;
  /** Parties and adherents other than the beneficiary. */
  readonly providers: readonly string[];
  readonly consultationClauses: readonly ClauseReference[];
  readonly natoClauses: readonly ClauseReference[];
}

export interface CommitmentState {
  readonly id: string;
  readonly commitment: Commitment;
  readonly provider: string;
  readonly beneficiary: string;
  readonly area: CapabilityArea | null;
  /** Its agreement, when it has one and the agreement is in the input. */
  readonly agreement: AgreementInfo | undefined;
  /** The beneficiary's capability area (or unassigned row) the commitment counts in. */
  readonly group: AreaGroup;
  readonly bucket: Bucket | null;
  /** The period the money is counted over: the stated one, or the calendar year of the agreement's signature. */
  readonly span: Span | null;
  readonly spanSource: 'period' | 'signature' | null;
  /**
   * Own money per year in the report currency, before any countsAs carve-out. Kept by the editable
   * engine only (null in a one-shot `analyze`, which computes it when applying); rules do not read it.
   */
  readonly money: YearSeries | null;
  readonly unconvertibleYears: readonly number[];
  /** Own quantity per year, in thousandths (kept by the editable engine only, as `money`). */
  readonly quantity: YearSeries | null;
  readonly quantityMeasure: Measure | null;
  readonly clause: ClauseReference | null;
  readonly item: { readonly key: string; readonly label: string } | null;
  readonly natoEffect: 'ends' | 'review' | null;
}

export interface ProviderSlot {
  /** The provider's code: the key the slot is kept under, also here so that a list of slots needs no pairs. */
  readonly partner: string;
  /** The provider's committed amount in the cell. */
  committed: bigint;
  /** The part of it from commitments whose period ends in the cell's year. */
  ending: bigint;
  /** The part of it from commitments whose period starts in the cell's year. */
  starting: bigint;
}

/**
 * The empty map a cell's counted maps start as: most cells have no NATO agreements, many no clauses
 * or requirement, and 17,000 empty maps are 3 MB each the collector copies. Never written.
 */
export const NO_COUNTS: ReadonlyMap<string, never> = new Map<string, never>();

export interface Cell {
  readonly sortKey: string;
  readonly beneficiary: string;
  readonly area: CapabilityArea | null;
  readonly year: number;
  readonly measure: Measure;
  readonly group: AreaGroup;
  required: bigint;
  /** Requirements naming the cell, counted. The maps below start as the shared empty `NO_COUNTS` and are made on first write. */
  requirementIds: ReadonlyMap<string, number>;
  committed: bigint;
  atRisk: bigint;
  delivered: bigint;
  /** Committed amounts by provider (only providers with a committed amount above zero). */
  providers: ReadonlyMap<string, ProviderSlot>;
  /** Committed amount lost on the hypothetical NATO accession (agreements that end), and under review. */
  natoLost: bigint;
  natoReview: bigint;
  natoAgreements: ReadonlyMap<string, number>;
}

/** One beneficiary's capability area (or the unassigned one): its cells and the item types named in it. */
export interface AreaGroup {
  readonly key: string;
  /** Its place in the engine's list of groups (0, 1, …): lets the engine sort commitments by group without a map. */
  readonly ordinal: number;
  readonly beneficiary: string;
  readonly area: CapabilityArea | null;
  /** measure key → year → cell. */
  readonly cells: Map<string, Map<number, Cell>>;
  /** The money cells by year (the same map as `cells.get('')`). */
  readonly money: Map<number, Cell>;
  /** normalised item → label → number of counted commitments naming it. */
  readonly items: Map<string, Map<string, number>>;
}

export interface RequirementState {
  readonly requirement: Requirement;
  readonly unconvertibleYears: readonly number[];
}

export interface FlowState {
  readonly flow: LinkedFlow;
  readonly year: number;
  /** Delivered and new money: the flows that count in `delivered`. */
  readonly counted: boolean;
  readonly money: bigint | null;
  readonly unconvertible: boolean;
  readonly quantity: bigint | null;
  readonly quantityMeasure: Measure | null;
}

/** The agreement, or `coalition:<id>` for a coalition contribution without one. */
export function frameworkOf(state: CommitmentState): string {
  return state.commitment.agreementId ?? `coalition:${state.commitment.coalitionId ?? ''}`;
}

/** What a rule may ask of the engine. */
export interface RuleContext {
  readonly options: ResolvedOptions;
  readonly asOf: string;
  readonly currency: string;
  agreement(id: string | null | undefined): AgreementInfo | undefined;
  agreements(): Iterable<AgreementInfo>;
  coalition(id: string | null | undefined): Coalition | undefined;
  commitment(id: string | null | undefined): CommitmentState | undefined;
  /** The commitments of a provider that leads a coalition (the engine indexes only leads). */
  commitmentsOf(provider: string): Iterable<CommitmentState>;
  partner(code: string): Partner | undefined;
  clauses(agreementId: string): readonly Clause[];
  /**
   * A text that many findings share (a remedy that depends only on an area and a year): made by
   * `make` the first time its key is asked for, the same string after. A finding keeps its texts,
   * so a copy per finding would be memory the collector copies on every run.
   */
  sharedText(key: string, make: () => string): string;
  /** The shared reference of a clause key (`agreementId\u0001ref`), if a commitment names it. */
  clauseReference(key: string): ClauseReference | undefined;
  /** The clauses behind a cell's committed amount, sorted and unique. */
  cellClauses(cell: Cell): readonly ClauseReference[];
  /** The same, of the committed commitments whose period ends in the cell's year. */
  endingClauses(cell: Cell): readonly ClauseReference[];
  requirements(): readonly RequirementState[];
  flows(): Iterable<FlowState>;
  /** The commitment this one restates, after breaking countsAs cycles (null for an original). */
  effectiveParent(state: CommitmentState): CommitmentState | null;
  /** The members of the countsAs cycle through this commitment, or [] when it is on none. */
  cycleOf(state: CommitmentState): readonly CommitmentState[];
  /** The original at the top of the countsAs chain. */
  root(state: CommitmentState): CommitmentState;
}

/**
 * A rule: a code and evaluators for the scopes it looks at. The engine calls each evaluator for
 * every subject of its scope on a full run, and only for the subjects an edit touched afterwards,
 * so an evaluator must depend on nothing outside its scope's subject (and static data).
 */
export interface Rule {
  readonly code: FindingCode;
  /** Static data only: agreements, clauses, requirements, flows. */
  readonly global?: (ctx: RuleContext) => readonly Finding[];
  /** One beneficiary × capability area × year × measure. */
  readonly cell?: (ctx: RuleContext, cell: Cell) => readonly Finding[];
  /** One beneficiary × capability area (null: unassigned), all years. */
  readonly group?: (ctx: RuleContext, group: AreaGroup) => readonly Finding[];
  /**
   * One commitment (with the commitment it restates and those restating it). The state is valid
   * for the call only: a one-shot run moves one view from commitment to commitment, so a rule
   * keeps what it needs of it (ids, texts), never the state itself.
   */
  readonly commitment?: (ctx: RuleContext, state: CommitmentState) => readonly Finding[];
  readonly coalition?: (ctx: RuleContext, coalition: Coalition) => readonly Finding[];
  /** Commitments of one provider with the same money in the same capability area, sorted by id. */
  readonly duplicates?: (ctx: RuleContext, members: readonly CommitmentState[]) => readonly Finding[];
}
