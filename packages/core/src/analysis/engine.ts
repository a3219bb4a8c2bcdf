// The coordination analysis engine: coverage per beneficiary × capability area × year against
// requirements, and the findings of the rules in ./rules. Pure and deterministic: the analysis day
// is a parameter, money is exact integer minor units throughout (bigints; a one-shot run adds in
// doubles while they are safe integers and settles into the bigints once), and every output is sorted.
//
// The engine is incremental. Each commitment's contribution to the cells ("entries") is kept, so an
// edit takes out the entries of the commitments it affects (the edited one, the ones it restates or
// is restated by, and commitments whose flows pass through its flows), puts in their new entries,
// and re-runs the rules only for the cells, capability areas, commitments, coalitions and
// duplicate buckets it touched. `analyze` is a from-scratch run of the same code.
import { minorUnits } from '../money/currency.js';
import { divideRounded, parseScaled } from '../money/decimal.js';
import { RateTable } from '../money/exchange-rates.js';
import { endOfTerm, statusAsOf } from '../registry/valid-time.js';
import { isLinkedFlow, type Agreement, type Clause, type Coalition, type Commitment, type Flow, type LinkedFlow, type Partner, type Requirement } from '../schema/entities.js';
import type { CapabilityArea } from '../schema/vocabulary.js';
import { Converter } from './convert.js';
import { dayNumber, daysInYear, daysInYearFrom, isoDateKey, spanOf, wholeYear, yearOf, type Span } from './dates.js';
import { ClauseMarks } from './clause-marks.js';
import { clauseRefsOf, compareFindings, NONE, sortClauses } from './finding.js';
import { flat, formatMinor, QUANTITY_SCALE, ratio4 } from './format.js';
import {
  MONEY,
  NO_COUNTS,
  valueAt,
  type AgreementInfo,
  type AreaGroup,
  type Bucket,
  type Cell,
  type CommitmentState,
  type FlowState,
  type Measure,
  type ProviderSlot,
  type RequirementState,
  type Rule,
  type RuleContext,
  type YearSeries,
} from './model.js';
import {
  CommitmentTable,
  COUNTS_AT_RISK,
  COUNTS_COMMITTED,
  HAS_CHILDREN,
  HAS_FLOWS,
  HAS_PARENT,
  HAS_QUANTITY,
  KEPT,
  NOT_COUNTED,
  PER_YEAR,
} from './commitment-table.js';
import { IdIndex, idHash } from './id-index.js';
import { ENDS, NO_SLOTS, ProviderSums, SlotArray, slotOf, STARTS, type WritableSlots } from './provider-sums.js';
import { RULES } from './rules/index.js';
import { objectList } from './object-list.js';
import { amountKey, canonicalAmount, isDigits, parseMinor, quantityMilli } from './amounts.js';
import { BUCKETS, blankState, KIND_AT_RISK, KIND_COMMITTED, KIND_DELIVERED, NO_YEARS, STRIDE, type AgreementRecord, type Contributor, type EngineCell, type EngineFlow, type Entries, type State, type StateTable, type Writable } from './engine-state.js';
import { Interned, Ordinals, type ClauseEntry } from './interned.js';
import { resolveOptions } from './options.js';
import { PositionTable, RowView } from './row-view.js';
import { spread, spreadByDays, spreadByDaysInto } from './spread.js';
import { compareCodeUnits, sortShort } from './short-sort.js';
import {
  type AnalysisInput,
  type AnalysisOptions,
  type AnalysisResult,
  type ClauseReference,
  type CoverageRow,
  type Finding,
  type ProviderShare,
  type ResolvedOptions,
} from './types.js';

/** An analysis that can be edited: the what-if of the UI. `result()` always equals `analyze` of the edited input. */
export interface Analysis {
  readonly options: ResolvedOptions;
  result(): AnalysisResult;
  /** Adds a commitment; throws when its id exists. */
  addCommitment(commitment: Commitment): void;
  /** Replaces the commitment with the same id; throws when there is none. */
  updateCommitment(commitment: Commitment): void;
  /** Removes a commitment; throws when there is none. */
  removeCommitment(id: string): void;
  /** The commitments as they now are. */
  commitments(): Commitment[];
}

const AT_RISK_CONDITIONS = new Set(['parliamentary-approval', 'pending-legislation']);
/** big + small as a bigint: one bigint made when big is 0n (the common case). */
function plus(big: bigint, small: number): bigint {
  return big === 0n ? BigInt(small) : big + BigInt(small);
}

/** `current + amount` when it is a safe integer (then the double sum is exact); else -1, and the caller adds `amount` as a bigint. */
function addSmall(current: number, amount: number): number {
  const next = current + amount;
  // Two safe integers add exactly when their sum is safe; a larger exact sum rounds to ≥ 2^53.
  return next <= Number.MAX_SAFE_INTEGER ? next : -1;
}

function countIn(map: Map<string, number>, key: string, delta: number): void {
  const value = (map.get(key) ?? 0) + delta;
  if (value === 0) map.delete(key);
  else map.set(key, value);
}

/** `countIn` on a cell's counted map, which is made on first write (it starts as the shared `NO_COUNTS`). */
function countInto(map: ReadonlyMap<string, number>, key: string, delta: number): ReadonlyMap<string, number> {
  const writable = map === NO_COUNTS ? new Map<string, number>() : (map as Map<string, number>);
  countIn(writable, key, delta);
  return writable;
}

function hasTopic(clause: Clause, topic: RegExp): boolean {
  return (clause.topics ?? []).some((t) => topic.test(t));
}

class Engine implements RuleContext, Analysis {
  readonly options: ResolvedOptions;
  readonly asOf: string;
  readonly currency: string;
  private readonly converter: Converter;
  private readonly moneyScale: number;
  private readonly natoDay: number | null;
  private readonly globalRules: Rule[] = objectList();
  private readonly cellRules: Rule[] = objectList();
  private readonly groupRules: Rule[] = objectList();
  private readonly commitmentRules: Rule[] = objectList();
  private readonly coalitionRules: Rule[] = objectList();
  private readonly duplicateRules: Rule[] = objectList();

  private readonly partners = new Map<string, Partner>();
  private readonly agreementInfo = new Map<string, AgreementRecord>();
  private readonly agreementList: AgreementRecord[] = objectList();
  private readonly coalitions = new Map<string, Coalition>();
  private readonly clausesByAgreement = new Map<string, Clause[]>();
  private readonly leadsOf = new Map<string, Coalition[]>();
  private readonly requirementStates: RequirementState[] = objectList();
  /** The linked flows by id, and by the id of their commitment (editable engine; one-shot, `flowList` and `flowsAt`). */
  private readonly flowStates = new Map<string, EngineFlow>();
  private readonly flowsByCommitment = new Map<string, FlowState[]>();
  /** The linked flows in input order (flows are not edited). */
  private readonly flowList: EngineFlow[] = objectList();

  /**
   * Commitments by id: a `Map` in the editable engine (it keeps their order); one-shot, a
   * `PositionTable` over the table of rows once it is described (empty before).
   */
  private states: StateTable;
  private readonly rawChildren = new Map<string, State[]>();
  private readonly byProvider = new Map<string, State[]>();
  /** Commitments by canonical amount: POSSIBLE_DOUBLE_COUNT's candidates. */
  private readonly duplicateBuckets = new Map<string, State[]>();
  /**
   * One-shot only: the money commitments' amounts, for POSSIBLE_DOUBLE_COUNT's buckets (a
   * provider's commitments with the same amount). Whole amounts (nearly all) are kept as doubles
   * in a typed array beside their states and bucketed once all are in, provider by provider, by
   * sorting each provider's amounts: a map keyed by 90,000 amounts above 2^30 keeps each key as a
   * boxed number, and every lookup then reads boxes spread over the heap. Other amounts (with
   * decimals) go to small maps per provider, the first commitment of an amount alone and a
   * bucket made for its second. The editable engine keeps `duplicateBuckets`.
   */
  private wholeAmounts: Float64Array | null = null;
  private wholeAmountPositions: Int32Array | null = null;
  private wholeAmountCount = 0;
  private readonly amountsByProvider: (Map<string | number, number | number[]> | undefined)[] = objectList();
  /** One-shot only: the buckets of two or more commitments, in order of making. */
  private readonly providerBuckets: number[][] = objectList();

  /** One-shot: the commitments as given and as a table of rows (see `commitment-table.ts`). */
  private records: readonly Commitment[] = [];
  private table: CommitmentTable | null = null;
  /**
   * One-shot: the states made and kept — those linked by countsAs (whose identity rules compare),
   * and those rules looked up — by position. The others are seen through `scratchState`
   * (applying), a `RowView` (the commitment rules) or states made for one use (`bucketStates`).
   */
  private readonly keptStates = new Map<number, State>();
  /** One-shot: the state `stateFor` refills for commitments not kept. */
  private readonly scratchState: Writable<State> = blankState();
  /** One-shot: what `contributeAt` fills from a row for `carve` and `apply`. */
  private readonly contributor: Writable<Contributor> = { group: null as unknown as AreaGroup, span: null, natoEffect: null, provider: '', agreementId: null, clauseKey: null, clauseNumber: -1 };
  /** One-shot: the positions of the commitments restating the one at a position. */
  private readonly childPositions = new Map<number, number[]>();
  /** One-shot: the deliveries recorded against the commitment at a position. */
  private readonly flowsAt = new Map<number, FlowState[]>();
  /** One-shot: the positions of the commitments of each coalition lead (`commitmentsOf`). */
  private readonly leadPositions = new Map<string, number[]>();
  /** One-shot: the money's currencies, numbered in order of appearance (rows keep the numbers). */
  private readonly currencies = new Ordinals();
  /** One-shot: `unconvertibleIn` by currency ordinal, then span place. */
  private readonly unconvertibleBySpan: (readonly number[] | null)[][] = objectList();

  private readonly groups = new Map<string, Map<string, AreaGroup>>();
  private readonly groupList: AreaGroup[] = objectList();
  private readonly cells: Cell[] = objectList();

  private globalFindings: readonly Finding[] = NONE;
  private readonly cellFindings = new Map<Cell, readonly Finding[]>();
  private readonly groupFindings = new Map<AreaGroup, readonly Finding[]>();
  private readonly commitmentFindings = new Map<string, readonly Finding[]>();
  private readonly coalitionFindings = new Map<string, readonly Finding[]>();
  private readonly duplicateFindings = new Map<string, readonly Finding[]>();
  private sortedFindings: Finding[] = [];
  private readonly removedFindings = new Set<Finding>();
  private addedFindings: Finding[] = [];

  private readonly rows = new Map<Cell, CoverageRow>();
  private sortedCells: Cell[] = [];
  private rowSetChanged = true;
  private readonly staleRows = new Set<Cell>();
  /** Cells whose entries changed during an edit; null while building. */
  private touched: Set<Cell> | null = null;

  /** false for a one-shot `analyze`: entries are not kept for edits. */
  private readonly retain: boolean;
  private readonly scratch: Entries = objectList();
  /** One-shot: a commitment's money per year in doubles (see `splitSmall`). */
  private readonly yearParts: (number | null)[] = objectList();
  private readonly missingYears: number[] = [];
  private readonly ignoredYears: number[] = [];
  private readonly interned = new Interned();
  /** One-shot: the cells' clauses, gathered area by area (see `contributeTable`). */
  private readonly clauseMarks = new ClauseMarks(this.interned.clauseEntries);
  /** `sharedText`'s texts by key. */
  private readonly sharedTexts = new Map<string, string>();
  /**
   * Spans by the digits of their first and last day (`isoDateKey`; places in `spanList`): most
   * periods are whole years, so 100,000 commitments share a few hundred. Small integer keys:
   * reading the digits is cheaper than hashing or comparing two strings per commitment.
   */
  private readonly spans = new Map<number, Map<number, number>>();
  private readonly oddSpans = new Map<string, number>();
  private readonly spanList: Span[] = objectList();
  /** Places in `spanList` of the calendar years (a commitment without a period counts in its agreement's year of signature). */
  private readonly yearSpans = new Map<number, number>();
  /** One-shot: the providers by ordinal, and the range of years of the commitments' spans (see `providerOrdinal`). */
  private readonly providers = new Ordinals();
  private firstYear = Number.POSITIVE_INFINITY;
  private lastYear = Number.NEGATIVE_INFINITY;
  /**
   * One-shot: where the cell and group rules put their findings, run as each area is done (see
   * `finishGroup`); null otherwise.
   */
  private areaFindings: Finding[] | null = null;
  /** One-shot: the ordinals of the areas `areaDone` has finished. */
  private readonly doneGroups = new Set<number>();
  /** One-shot: the providers' committed money of the area being applied (see `contributeAll`); null otherwise. */
  private providerSums: ProviderSums | null = null;

  constructor(input: AnalysisInput, options: AnalysisOptions, retain = true) {
    this.retain = retain;
    this.states = new Map<string, State>();
    this.options = resolveOptions(options);
    this.asOf = this.options.asOf;
    this.currency = this.options.currency;
    this.converter = new Converter(RateTable.withBuiltIn(input.exchangeRates ?? []), this.currency);
    this.moneyScale = minorUnits(this.currency);
    this.natoDay = this.options.natoAccession ? dayNumber(this.options.natoAccession) : null;
    for (const rule of RULES) {
      if (!this.options.rules.has(rule.code)) continue;
      if (rule.global) this.globalRules.push(rule);
      if (rule.cell) this.cellRules.push(rule);
      if (rule.group) this.groupRules.push(rule);
      if (rule.commitment) this.commitmentRules.push(rule);
      if (rule.coalition) this.coalitionRules.push(rule);
      if (rule.duplicates) this.duplicateRules.push(rule);
    }

    // The passes over the records live in methods of their own, with indexed loops: the
    // constructor runs once per analysis, so it runs unoptimised, where a for-of makes an
    // iterator result per step (several per commitment).
    this.describeRegistry(input);
    this.describeFlows(input.flows ?? []);
    this.applyRequirements(input.requirements ?? []);
    // Each scope's rules in a method of its own, with one loop and nothing after it: the
    // constructor runs once per analysis and has no loop for the compiler to optimise (it would
    // inline every rule into one large function, compiled again at every change of feedback).
    const found: Finding[] = objectList();
    let stateList: readonly State[] = NO_STATES;
    if (this.retain) {
      // The states in input order (the order of `states`), walked as an array below.
      stateList = this.describeCommitments(input.commitments ?? []);
      this.link();
      this.contributeAll(stateList);
      this.runCellRules(found);
      this.runGroupRules(found);
    } else {
      this.describeTable(input.commitments ?? []);
      // Runs the cell and group rules, and makes the rows, of each area as it is done.
      this.areaFindings = found;
      this.contributeTable();
      this.areaFindings = null;
    }
    this.globalFindings = this.runGlobalRules(found);
    if (this.retain) this.runCommitmentRules(stateList, found);
    else this.runCommitments(found);
    this.runCoalitionRules(found);
    this.runDuplicateRules(found);
    this.runProviderBuckets(found);
    this.sortedFindings = found.sort(compareFindings);
    if (this.retain) this.markRowsStale();
  }

  /** Partners, clauses (by agreement, in order of ref), agreements and coalitions; throws on a repeated id. */
  private describeRegistry(input: AnalysisInput): void {
    for (const partner of input.partners ?? []) this.partners.set(partner.code, partner);
    for (const clause of input.clauses ?? []) push(this.clausesByAgreement, clause.agreementId, clause);
    this.clausesByAgreement.forEach((list) => list.sort(byRef));
    for (const agreement of input.agreements ?? []) {
      if (this.agreementInfo.has(agreement.id)) throw new RangeError(`duplicate agreement id "${agreement.id}"`);
      const record = this.describeAgreement(agreement);
      this.agreementInfo.set(agreement.id, record);
      this.agreementList.push(record);
    }
    for (const coalition of input.coalitions ?? []) {
      if (this.coalitions.has(coalition.id)) throw new RangeError(`duplicate coalition id "${coalition.id}"`);
      this.coalitions.set(coalition.id, coalition);
      for (const lead of new Set(coalition.leads)) push(this.leadsOf, lead, coalition);
    }
  }

  /** Every requirement into its cells; throws on a repeated id. */
  private applyRequirements(requirements: readonly Requirement[]): void {
    const requirementIds = new Set<string>();
    for (let i = 0; i < requirements.length; i++) {
      const requirement = requirements[i] as Requirement;
      if (requirementIds.has(requirement.id)) throw new RangeError(`duplicate requirement id "${requirement.id}"`);
      requirementIds.add(requirement.id);
      this.requirementStates.push(this.applyRequirement(requirement));
    }
  }

  /** Editable engine: every row is made on the first `result()`. */
  private markRowsStale(): void {
    for (let i = 0; i < this.cells.length; i++) this.staleRows.add(this.cells[i] as Cell);
  }

  /**
   * The linked flows, each flow's children (flows passing money through it, linked once for
   * `deliver`) and, in the editable engine, the flows by id and by commitment. A one-shot run
   * finds ids in a map of its own here, which is gone before the collector would copy it, and
   * files the flows by their commitments' positions once those are known (`describeTable`).
   */
  private describeFlows(flows: readonly Flow[]): void {
    const byId = this.retain ? this.flowStates : new Map<string, EngineFlow>();
    for (let i = 0; i < flows.length; i++) {
      const flow = flows[i] as Flow;
      // Tracker flows not linked to a commitment have no place in a commitment's coverage.
      if (!isLinkedFlow(flow)) continue;
      if (byId.has(flow.id)) throw new RangeError(`duplicate flow id "${flow.id}"`);
      const state = this.describeFlow(flow);
      byId.set(flow.id, state);
      this.flowList.push(state);
      if (this.retain) push(this.flowsByCommitment, flow.commitmentId, state);
    }
    const childrenOf = new Map<string, FlowState[]>();
    for (let i = 0; i < this.flowList.length; i++) {
      const state = this.flowList[i] as EngineFlow;
      const parent = state.flow.parentFlowId;
      if (parent && byId.has(parent)) push(childrenOf, parent, state);
    }
    childrenOf.forEach((children, parentId) => {
      const parent = byId.get(parentId);
      if (parent) parent.children = children;
    });
  }

  private describeCommitments(commitments: readonly Commitment[]): State[] {
    const stateList = new Array<State>(commitments.length);
    for (let i = 0; i < commitments.length; i++) {
      const commitment = commitments[i] as Commitment;
      const size = this.states.size;
      const state = this.describeCommitment(commitment);
      this.index(state, true);
      if (this.states.size === size) throw new RangeError(`duplicate commitment id "${commitment.id}"`);
      stateList[i] = state;
    }
    return stateList;
  }

  /** Links made in bulk: a lookup per link rather than one per commitment. */
  private link(): void {
    this.rawChildren.forEach((children, parentId) => {
      const parent = this.states.get(parentId);
      if (parent) parent.children = children;
    });
    this.flowsByCommitment.forEach((flows, commitmentId) => {
      const state = this.states.get(commitmentId);
      if (state) state.flows = flows;
    });
  }

  /**
   * Contributes every commitment, area by area, so that consecutive commitments update the same
   * cells (the sums do not depend on order): a counting sort on the groups' ordinals, cheaper
   * than a list per group in a map.
   */
  private contributeAll(stateList: readonly State[]): void {
    const next: number[] = new Array<number>(this.groupList.length + 1).fill(0);
    for (let i = 0; i < stateList.length; i++) {
      const ordinal = (stateList[i] as State).group.ordinal;
      next[ordinal + 1] = (next[ordinal + 1] ?? 0) + 1;
    }
    for (let i = 1; i < next.length; i++) next[i] = (next[i] ?? 0) + (next[i - 1] ?? 0);
    const ordered = new Array<State>(stateList.length);
    for (let i = 0; i < stateList.length; i++) {
      const state = stateList[i] as State;
      const at = next[state.group.ordinal] ?? 0;
      ordered[at] = state;
      next[state.group.ordinal] = at + 1;
    }
    for (let i = 0; i < ordered.length; i++) this.contribute(ordered[i] as State);
  }

  /** The global rules' findings, also added to `found`. */
  private runGlobalRules(found: Finding[]): readonly Finding[] {
    const globals: Finding[] = objectList();
    for (const rule of this.globalRules) for (const finding of rule.global?.(this) ?? NONE) globals.push(finding);
    return collect(found, globals);
  }

  private runCellRules(found: Finding[]): void {
    for (let i = 0; i < this.cells.length; i++) {
      const cell = this.cells[i] as Cell;
      this.start(found, this.cellFindings, cell, this.runCell(cell));
    }
  }

  private runGroupRules(found: Finding[]): void {
    for (let i = 0; i < this.groupList.length; i++) {
      const group = this.groupList[i] as AreaGroup;
      this.start(found, this.groupFindings, group, this.runGroup(group));
    }
  }

  /** Editable engine: the commitment rules on every state, in input order. */
  private runCommitmentRules(stateList: readonly State[], found: Finding[]): void {
    for (let i = 0; i < stateList.length; i++) {
      const state = stateList[i] as State;
      this.start(found, this.commitmentFindings, state.id, this.runCommitment(state));
    }
  }

  private runCoalitionRules(found: Finding[]): void {
    this.coalitions.forEach((coalition) => this.start(found, this.coalitionFindings, coalition.id, this.runCoalition(coalition)));
  }

  /** Editable engine: POSSIBLE_DOUBLE_COUNT's buckets by amount (one-shot: `runProviderBuckets`). */
  private runDuplicateRules(found: Finding[]): void {
    this.duplicateBuckets.forEach((bucket, key) => this.start(found, this.duplicateFindings, key, this.runDuplicates(bucket)));
  }

  /** One-shot: POSSIBLE_DOUBLE_COUNT's buckets by provider and amount, split by currency and area. */
  private runProviderBuckets(found: Finding[]): void {
    for (let i = 0; i < this.providerBuckets.length; i++) {
      const parts = this.sameMoneyAndArea(this.providerBuckets[i] as number[]);
      for (let j = 0; j < parts.length; j++) collect(found, this.runDuplicates(this.bucketStates(parts[j] as readonly number[])));
    }
  }

  /**
   * A scope's first findings: into `found`, and into its map when the engine keeps them for edits.
   * The maps start empty, so only findings are stored (no deletes of absent keys); a one-shot
   * analysis is never edited, so it keeps only the list.
   */
  private start<K>(found: Finding[], map: Map<K, readonly Finding[]>, key: K, findings: readonly Finding[]): void {
    if (findings.length === 0) return;
    collect(found, findings);
    if (this.retain) map.set(key, findings);
  }

  /** One-shot: the commitment rules on every commitment, in input order, their findings into `found`. */
  private runCommitments(found: Finding[]): void {
    const view = new RowView(this.records, this.table as CommitmentTable, this.agreementList, this.spanList, this.groupList, this.interned, (currency, span) => this.unconvertibleAt(currency, span));
    for (let position = 0; position < this.records.length; position++) {
      // Linked or kept states as they are (rules compare them by identity); the others through
      // the view, moved to the position.
      view.position = position;
      collect(found, this.runCommitment(this.isKept(position) ? this.stateAt(position) : view));
    }
  }

  // ---- one-shot: commitments as a table of rows ------------------------------------------------

  /**
   * Describes every commitment into `table`, in input order: what applying it needs, read while
   * its record is in the processor's cache, and the indexes (countsAs, deliveries, coalition leads,
   * POSSIBLE_DOUBLE_COUNT's amounts) by position. Throws on a duplicate id, or a malformed amount
   * or currency, as the editable engine does.
   */
  private describeTable(commitments: readonly Commitment[]): void {
    const size = commitments.length;
    const table = new CommitmentTable(size);
    this.records = commitments;
    this.table = table;
    const duplicates = this.duplicateRules.length > 0;
    if (duplicates) {
      this.wholeAmounts = new Float64Array(size);
      this.wholeAmountPositions = new Int32Array(size);
    }
    const restating = new Map<string, number[]>();
    for (let i = 0; i < size; i++) this.describeAt(commitments[i] as Commitment, i, table, restating, duplicates);
    const ids = new IdIndex(table.hash, size, (position) => (commitments[position] as Commitment).id);
    this.states = new PositionTable(ids, (position) => this.stateAt(position));
    // Each link looked up once: the commitments countsAs names, and those deliveries are recorded against.
    restating.forEach((children, parentId) => {
      const parent = ids.indexOf(parentId);
      if (parent < 0) return;
      table.addFlags(parent, HAS_CHILDREN);
      this.childPositions.set(parent, children);
      for (const child of children) table.addFlags(child, HAS_PARENT);
    });
    for (let i = 0; i < this.flowList.length; i++) {
      const flow = this.flowList[i] as EngineFlow;
      const position = ids.indexOf(flow.flow.commitmentId);
      if (position < 0) continue;
      table.addFlags(position, HAS_FLOWS);
      push(this.flowsAt, position, flow);
    }
    this.bucketAmounts();
  }

  private describeAt(commitment: Commitment, i: number, table: CommitmentTable, restating: Map<string, number[]>, duplicates: boolean): void {
    const agreement = commitment.agreementId !== null ? this.agreementInfo.get(commitment.agreementId) : undefined;
    table.hash[i] = idHash(commitment.id);
    let spanIndex = -1;
    if (commitment.period) spanIndex = this.spanIndex(commitment.period.from, commitment.period.to);
    else if (agreement?.signedOn) spanIndex = this.yearSpanIndex(yearOf(agreement.signedOn));
    const area = commitment.capabilityArea ?? null;
    const group = this.group(commitment.beneficiary, area);
    const bucket = this.bucketOf(commitment, agreement);
    const provider = this.providerOrdinal(commitment.provider, spanIndex >= 0 ? (this.spanList[spanIndex] as Span) : null);
    let flags = 0;
    let small = Number.NaN;
    let currencyIndex = -1;
    if (commitment.money) {
      const { amount, currency, perYear } = commitment.money;
      const digits = isDigits(amount);
      // Only checked here, so that a malformed amount or currency throws; the amount is parsed
      // when the commitment is applied. Whole numbers always parse: no bigint for them.
      const scale = minorUnits(currency);
      // A whole amount of up to 15 digits is read exactly, and in minor units it is exact while a
      // safe integer: no bigint, and its number is also its POSSIBLE_DOUBLE_COUNT key (`amountKey`).
      const whole = digits && amount.length <= 15 ? Number(amount) : Number.NaN;
      if (!digits) parseScaled(amount, scale);
      else if (whole * 10 ** scale <= Number.MAX_SAFE_INTEGER) small = whole * 10 ** scale;
      currencyIndex = this.currencies.of(currency);
      if (perYear === true) flags |= PER_YEAR;
      if (duplicates) {
        const key = Number.isNaN(whole) ? canonicalAmount(amount) : whole;
        if (key !== '') this.collectAmount(i, provider, typeof key === 'number' ? key : amountKey(key));
      }
    }
    let clause = -1;
    if (commitment.agreementId !== null && commitment.clauseRef) {
      clause = (
        agreement
          ? this.interned.clauseIn(agreement.clauseEntries, commitment.agreementId, commitment.clauseRef)
          : this.interned.clause(commitment.agreementId, commitment.clauseRef)
      ).ordinal;
    }
    let measure = -1;
    let item = -1;
    let quantity = 0;
    if (commitment.quantity) {
      flags |= HAS_QUANTITY;
      measure = this.interned.measureIndex(commitment.quantity);
      quantity = commitment.quantity.value;
      const label = commitment.quantity.item;
      if (label) {
        item = this.interned.itemIndex(label);
        if (bucket && area) this.countItem(group, this.interned.itemList[item] as { readonly key: string; readonly label: string }, 1);
      }
    }
    table.write(
      i,
      group.ordinal,
      spanIndex,
      bucket === null ? NOT_COUNTED : bucket === 'committed' ? COUNTS_COMMITTED : COUNTS_AT_RISK,
      flags,
      provider,
      currencyIndex,
      clause,
      agreement ? agreement.ordinal : -1,
      measure,
      item,
      small,
      quantity,
    );
    if (commitment.countsAs) push(restating, commitment.countsAs, i);
    if (this.leadsOf.has(commitment.provider)) push(this.leadPositions, commitment.provider, i);
  }

  /**
   * Applies every commitment, area by area, so that consecutive commitments update the same
   * cells (the sums do not depend on order); its providers' sums go to a small table, moved into
   * the cells when the area is done.
   */
  private contributeTable(): void {
    const table = this.table as CommitmentTable;
    const ordered = table.orderByGroup(this.groupList.length);
    const sums = ProviderSums.create(this.firstYear, this.lastYear, this.providers.list);
    this.providerSums = sums;
    let group = -1;
    for (let k = 0; k < ordered.length; k++) {
      const position = ordered[k] as number;
      const ordinal = table.group(position);
      if (ordinal !== group) {
        this.areaDone(sums, group);
        group = ordinal;
      }
      this.contributeAt(position, table);
    }
    this.areaDone(sums, group);
    this.providerSums = null;
    // The areas no commitment counts in (a requirement alone).
    for (let ordinal = 0; ordinal < this.groupList.length; ordinal++) {
      if (!this.doneGroups.has(ordinal)) this.finishGroup(this.groupList[ordinal] as AreaGroup);
    }
  }

  /** One-shot: moves the sums of the area just applied into its cells, and finishes the area. */
  private areaDone(sums: ProviderSums | null, group: number): void {
    sums?.flush();
    this.clauseMarks.flush();
    if (group < 0) return;
    this.doneGroups.add(group);
    this.finishGroup(this.groupList[group] as AreaGroup);
  }

  /**
   * One-shot: an area whose commitments are all applied. Its cells are final, so their rules and
   * the area's run now, and their rows are made; then the cells let go of their providers' slots
   * and clause references. Nothing reads them later, and so they die young instead of being
   * copied to the old generation and kept to the end of the run (some 10 MB of a large one).
   */
  private finishGroup(group: AreaGroup): void {
    const found = this.areaFindings as Finding[];
    group.cells.forEach((byYear) => {
      byYear.forEach((cell) => {
        settle(cell as EngineCell);
        collect(found, this.runCell(cell));
        (cell as EngineCell).row = this.row(cell);
      });
    });
    collect(found, this.runGroup(group));
    group.cells.forEach((byYear) => {
      byYear.forEach((cell) => {
        const engineCell = cell as EngineCell;
        engineCell.providers = NO_SLOTS;
        engineCell.clauseRefs = null;
        engineCell.endingClauseRefs = null;
      });
    });
  }

  /**
   * `contribute` of the commitment at a position, from its row: its record is not read, and
   * the records are far apart in the order of areas. Through its state only when commitments
   * restate it (they are carved out), a NATO accession date splits its money, or its money needs
   * bigints.
   */
  private contributeAt(position: number, table: CommitmentTable): void {
    const flags = table.flags(position);
    const agreementIndex = table.agreement(position);
    const agreement = agreementIndex >= 0 ? (this.agreementList[agreementIndex] as AgreementRecord) : undefined;
    if ((flags & HAS_CHILDREN) !== 0 || (this.natoDay !== null && agreement?.natoEffect)) {
      this.contribute(this.stateFor(position));
      return;
    }
    const bucket = table.bucket(position);
    const spanIndex = table.span(position);
    const counted = bucket !== NOT_COUNTED && spanIndex >= 0;
    if (!counted && (flags & HAS_FLOWS) === 0) return;
    const span = spanIndex >= 0 ? (this.spanList[spanIndex] as Span) : null;
    const currencyIndex = table.currency(position);
    const money = counted && currencyIndex >= 0;
    if (money && !this.splitSmall(table.smallMoney(position), this.currencies.list[currencyIndex] as string, span, (flags & PER_YEAR) !== 0)) {
      this.contribute(this.stateFor(position));
      return;
    }
    const clause = table.clause(position);
    const provider = table.provider(position);
    const who = this.contributor;
    who.group = this.groupList[table.group(position)] as AreaGroup;
    who.span = span;
    who.natoEffect = null;
    who.provider = this.providers.list[provider] as string;
    who.agreementId = agreement ? agreement.agreement.id : null;
    who.clauseKey = clause >= 0 ? (this.interned.clauseEntries[clause] as ClauseEntry).key : null;
    who.clauseNumber = clause;
    const kind = bucket === COUNTS_COMMITTED ? KIND_COMMITTED : KIND_AT_RISK;
    if (money) this.carveSmall(who.group, span as Span, kind, provider, who.provider, clause);
    const out = this.scratch;
    out.length = 0;
    if (counted && (flags & HAS_QUANTITY) !== 0) {
      const measure = this.interned.measureList[table.measure(position)] as Measure;
      const values = spread(quantityMilli(table.quantity(position)), span as Span, false);
      this.carve(out, who, kind, measure, { fromYear: (span as Span).fromYear, values }, null);
    }
    if ((flags & HAS_FLOWS) !== 0) this.deliverAll(out, who.group, this.flowsAt.get(position) ?? NO_FLOWS);
    if (out.length > 0) this.apply(who, out, 1);
  }

  /** The state of the commitment at a position, made once and kept. */
  private stateAt(position: number): State {
    const kept = this.keptStates.get(position);
    if (kept) return kept;
    const state = this.fillState(blankState(), position);
    // Kept before its children are made: a countsAs cycle leads back to it.
    this.keptStates.set(position, state);
    const table = this.table as CommitmentTable;
    table.addFlags(position, KEPT);
    const children = this.childPositions.get(position);
    if (children) state.children = children.map((child) => this.stateAt(child));
    return state;
  }

  /**
   * Whether the commitment at a position is seen through its kept state: it is linked by countsAs
   * (rules compare those states by identity), or a state was kept for it already.
   */
  private isKept(position: number): boolean {
    return ((this.table as CommitmentTable).flags(position) & (HAS_PARENT | HAS_CHILDREN | KEPT)) !== 0;
  }

  /**
   * The state of the commitment at a position for applying it: the kept one (`isKept`), else the
   * one scratch state, refilled — applying keeps nothing of it, so 100,000 commitments make no
   * object each.
   */
  private stateFor(position: number): State {
    return this.isKept(position) ? this.stateAt(position) : this.fillState(this.scratchState, position);
  }

  /** A state of its own for one use (a rule may hold several at once): the kept one (`isKept`), else a new one, not kept. */
  private ownState(position: number): State {
    return this.isKept(position) ? this.stateAt(position) : this.fillState(blankState(), position);
  }

  /**
   * One-shot: a provider's bucket of one amount split by currency and capability area, as
   * `runDuplicates` splits it, read from the rows: only the parts of two or more become states.
   * Most buckets are amounts that recur by chance in other currencies or areas.
   */
  private sameMoneyAndArea(positions: readonly number[]): (readonly number[])[] {
    const table = this.table as CommitmentTable;
    const parts = new Map<string, number[]>();
    for (const position of positions) {
      const area = (this.groupList[table.group(position)] as AreaGroup).area ?? '';
      push(parts, `${table.currency(position)}\u0001${area}`, position);
    }
    const out: (readonly number[])[] = [];
    parts.forEach((part) => {
      if (part.length > 1) out.push(part);
    });
    return out;
  }

  /** A duplicate bucket's states. */
  private bucketStates(positions: readonly number[]): State[] {
    return positions.map((position) => this.ownState(position));
  }

  /** A coalition lead's commitments' states. */
  private *statesAt(positions: readonly number[]): Generator<State> {
    for (const position of positions) yield this.ownState(position);
  }

  /**
   * Fills a state with the commitment at a position, from its record and row: what
   * `describeCommitment` makes in the editable engine, without the series it keeps.
   */
  private fillState(state: Writable<State>, position: number): State {
    const table = this.table as CommitmentTable;
    this.fillRuleFields(state, position);
    const money = state.commitment.money;
    const clauseIndex = table.clause(position);
    state.clauseKey = clauseIndex >= 0 ? (this.interned.clauseEntries[clauseIndex] as ClauseEntry).key : null;
    state.clauseNumber = clauseIndex;
    state.agreementId = state.commitment.agreementId;
    state.moneyCurrency = money?.currency ?? null;
    state.moneyPerYear = money?.perYear === true;
    state.smallMoney = table.smallMoney(position);
    state.providerOrdinal = table.provider(position);
    state.flows = (table.flags(position) & HAS_FLOWS) !== 0 ? (this.flowsAt.get(position) ?? null) : null;
    state.children = null;
    return state;
  }

  /** The fields of a `CommitmentState` (what rules see); the engine's own fields are left as they are. */
  private fillRuleFields(state: Writable<State>, position: number): State {
    const table = this.table as CommitmentTable;
    const commitment = this.records[position] as Commitment;
    const agreementIndex = table.agreement(position);
    const agreement = agreementIndex >= 0 ? this.agreementList[agreementIndex] : undefined;
    const spanIndex = table.span(position);
    const span = spanIndex >= 0 ? (this.spanList[spanIndex] as Span) : null;
    const measure = table.measure(position);
    const item = table.item(position);
    const clauseIndex = table.clause(position);
    state.id = commitment.id;
    state.commitment = commitment;
    state.provider = commitment.provider;
    state.beneficiary = commitment.beneficiary;
    state.area = commitment.capabilityArea ?? null;
    state.agreement = agreement;
    state.group = this.groupList[table.group(position)] as AreaGroup;
    state.bucket = BUCKETS[table.bucket(position)] ?? null;
    state.span = span;
    state.spanSource = span === null ? null : commitment.period ? 'period' : 'signature';
    state.unconvertibleYears = commitment.money && span ? this.unconvertibleAt(table.currency(position), spanIndex) : NO_YEARS;
    state.quantityMeasure = measure >= 0 ? (this.interned.measureList[measure] as Measure) : null;
    state.clause = clauseIndex >= 0 ? (this.interned.clauseEntries[clauseIndex] as ClauseEntry).clause : null;
    state.item = item >= 0 ? (this.interned.itemList[item] as { readonly key: string; readonly label: string }) : null;
    state.natoEffect = agreement ? agreement.natoEffect : null;
    return state;
  }

  /** `unconvertibleIn`, shared by the commitments with the same currency and span. */
  private unconvertibleAt(currencyIndex: number, spanIndex: number): readonly number[] {
    let bySpan = this.unconvertibleBySpan[currencyIndex];
    if (!bySpan) {
      // Dense (filled): written out of order, a sparse array would be kept as a dictionary.
      bySpan = new Array<readonly number[] | null>(this.spanList.length).fill(null);
      this.unconvertibleBySpan[currencyIndex] = bySpan;
    }
    let years = bySpan[spanIndex];
    if (!years) {
      years = this.unconvertibleIn(this.currencies.list[currencyIndex] as string, this.spanList[spanIndex] as Span);
      bySpan[spanIndex] = years;
    }
    return years;
  }

  // ---- static descriptions -------------------------------------------------------------------

  private describeAgreement(agreement: Agreement): AgreementRecord {
    const status = statusAsOf(agreement, this.asOf);
    const known = agreement.status.filter((entry) => entry.on <= this.asOf);
    const signedOn = known.find((entry) => entry.status === 'signed' || entry.status === 'in-force')?.on ?? null;
    const ends: { iso: string; reason: 'endsOn' | 'term' | 'status' }[] = [];
    if (agreement.endsOn) ends.push({ iso: agreement.endsOn, reason: 'endsOn' });
    else if (signedOn && agreement.durationYears) ends.push({ iso: endOfTerm(signedOn, agreement.durationYears), reason: 'term' });
    for (const entry of known) {
      if ((entry.status === 'expired' || entry.status === 'terminated') && (!signedOn || entry.on >= signedOn)) {
        ends.push({ iso: entry.on, reason: 'status' });
      }
    }
    ends.sort((a, b) => compareText(a.iso, b.iso));
    const providers = [...new Set([...agreement.parties, ...(agreement.adherents ?? [])])]
      .filter((code) => code !== agreement.beneficiary)
      .sort();
    const clauses = this.clausesByAgreement.get(agreement.id) ?? [];
    const refs = (topic: RegExp): readonly ClauseReference[] =>
      sortClauses(clauses.filter((clause) => hasTopic(clause, topic)).map((clause) => ({ agreementId: agreement.id, ref: clause.ref })));
    return {
      agreement,
      status,
      active: status === 'signed' || status === 'in-force',
      signedOn,
      end: ends[0] ?? null,
      providers,
      consultationClauses: refs(/consultation/i),
      natoClauses: refs(/nato/i),
      natoEffect: agreement.onNatoAccession === 'ends' || agreement.onNatoAccession === 'review' ? agreement.onNatoAccession : null,
      clauseEntries: new Map(),
      ordinal: this.agreementList.length,
    };
  }

  private describeFlow(flow: LinkedFlow): EngineFlow {
    const year = yearOf(flow.on);
    let money: bigint | null = null;
    let unconvertible = false;
    if (flow.money) {
      const minor = parseMinor(flow.money.amount, flow.money.currency);
      money = this.converter.convert(minor, flow.money.currency, year);
      unconvertible = money === null;
    }
    return {
      flow,
      year,
      counted: flow.stage === 'delivered' && flow.newMoney !== false,
      money,
      unconvertible,
      quantity: flow.quantity ? quantityMilli(flow.quantity.value) : null,
      quantityMeasure: flow.quantity ? this.interned.measure(flow.quantity) : null,
      children: NO_FLOWS,
    };
  }

  /** Spreads money over the span and converts it year by year; null marks a year without a rate. */
  private series(minor: bigint, currency: string, perYear: boolean, span: Span, unconvertible: number[]): YearSeries {
    const values = spread(minor, span, perYear) as (bigint | null)[];
    if (currency === this.currency) return { fromYear: span.fromYear, values };
    for (let i = 0; i < values.length; i++) {
      const converted = this.converter.convert(values[i] as bigint, currency, span.fromYear + i);
      if (converted === null) unconvertible.push(span.fromYear + i);
      values[i] = converted;
    }
    return { fromYear: span.fromYear, values };
  }

  /**
   * The years of the span without a rate for the currency: what `series` reports, without
   * converting anything (a one-shot run converts when it applies the commitment).
   */
  private unconvertibleIn(currency: string, span: Span): readonly number[] {
    let out: number[] | null = null;
    for (let year = span.fromYear; year <= span.toYear; year++) {
      if (!this.converter.canConvert(currency, year)) (out ??= []).push(year);
    }
    return out ?? NO_YEARS;
  }

  private ownQuantity(value: number, span: Span): YearSeries {
    return { fromYear: span.fromYear, values: spread(quantityMilli(value), span, false) };
  }

  /**
   * A commitment's own money per year. The editable engine keeps it on the state (edits re-apply
   * it); a one-shot run reads it once (twice for a restated commitment) and computes it here, so
   * 100,000 commitments do not each keep a series the collector has to trace and copy.
   */
  private moneyOf(state: State): YearSeries | null {
    if (this.retain) return state.money;
    const currency = state.moneyCurrency;
    const span = state.span;
    if (currency === null || !span) return null;
    const perYear = state.moneyPerYear;
    const small = state.smallMoney;
    const years = span.toYear - span.fromYear + 1;
    const parts = Number.isNaN(small) || years <= 0 ? null : perYear || years === 1 ? new Array<number>(years).fill(small) : spreadByDays(small, span, years);
    if (parts) {
      // The whole way in doubles where exact: one bigint per year instead of a parse, a bigint
      // per year from the split and the conversion's intermediates (null: no rate that year).
      const values = new Array<bigint | null>(years);
      for (let i = 0; i < years; i++) values[i] = this.converter.convertSmall(parts[i] as number, currency, span.fromYear + i);
      return { fromYear: span.fromYear, values };
    }
    const money = state.commitment.money;
    if (!money) return null;
    const ignored = this.ignoredYears;
    ignored.length = 0; // already known as state.unconvertibleYears
    return this.series(parseMinor(money.amount, money.currency), money.currency, perYear, span, ignored);
  }

  /** A commitment's own quantity per year, in thousandths: kept or computed as `moneyOf`. */
  private quantityOf(state: State): YearSeries | null {
    if (this.retain) return state.quantity;
    const quantity = state.commitment.quantity;
    return quantity && state.span ? this.ownQuantity(quantity.value, state.span) : null;
  }

  private applyRequirement(requirement: Requirement): RequirementState {
    const span = this.span(requirement.period.from, requirement.period.to);
    const unconvertibleYears: number[] = [];
    const group = this.group(requirement.beneficiary, requirement.capabilityArea);
    if (requirement.money) {
      const { amount, currency, perYear } = requirement.money;
      const minor = parseMinor(amount, currency);
      this.require(requirement.id, group, MONEY, this.series(minor, currency, perYear === true, span, unconvertibleYears));
    }
    if (requirement.quantity) {
      const values = spread(quantityMilli(requirement.quantity.value), span, false);
      this.require(requirement.id, group, this.interned.measure(requirement.quantity), { fromYear: span.fromYear, values });
    }
    return { requirement, unconvertibleYears: unconvertibleYears.length > 0 ? unconvertibleYears : NO_YEARS };
  }

  private require(id: string, group: AreaGroup, measure: Measure, series: YearSeries): void {
    for (let i = 0; i < series.values.length; i++) {
      const value = series.values[i];
      if (value === null || value === undefined) continue;
      const cell = this.cell(group, measure, series.fromYear + i);
      cell.required += value;
      cell.requirementIds = countInto(cell.requirementIds, id, 1);
    }
  }

  private bucketOf(commitment: Commitment, agreement: AgreementInfo | undefined): Bucket | null {
    if (commitment.agreementId !== null) {
      if (!agreement?.active) return null;
    } else if (!commitment.coalitionId || !this.coalitions.has(commitment.coalitionId)) {
      return null;
    }
    if (commitment.firmness === 'conditional') return 'atRisk';
    for (const condition of commitment.conditions ?? []) if (AT_RISK_CONDITIONS.has(condition.type)) return 'atRisk';
    return 'committed';
  }

  private describeCommitment(commitment: Commitment): State {
    const agreement = commitment.agreementId !== null ? this.agreementInfo.get(commitment.agreementId) : undefined;
    let span: Span | null = null;
    let spanSource: 'period' | 'signature' | null = null;
    if (commitment.period) {
      span = this.span(commitment.period.from, commitment.period.to);
      spanSource = 'period';
    } else if (agreement?.signedOn) {
      span = wholeYear(yearOf(agreement.signedOn));
      spanSource = 'signature';
    }
    const area = commitment.capabilityArea ?? null;
    let money: YearSeries | null = null;
    let unconvertibleYears: readonly number[] = NO_YEARS;
    let duplicateKey: string | null = null;
    if (commitment.money) {
      const { amount, currency, perYear } = commitment.money;
      const digits = isDigits(amount);
      duplicateKey = digits ? amount : canonicalAmount(amount);
      if (span) {
        // A shared scratch list: most commitments convert in full and need no list of their own.
        const missing = this.missingYears;
        missing.length = 0;
        money = this.series(parseMinor(amount, currency), currency, perYear === true, span, missing);
        if (missing.length > 0) unconvertibleYears = missing.slice();
      } else {
        // Not counted without a period, but a malformed amount or currency throws all the same.
        const scale = minorUnits(currency);
        if (!digits) parseScaled(amount, scale);
      }
    }
    let quantity: YearSeries | null = null;
    if (commitment.quantity && span) quantity = this.ownQuantity(commitment.quantity.value, span);
    const item = commitment.quantity?.item;
    let clause: ClauseEntry | null = null;
    if (commitment.agreementId !== null && commitment.clauseRef) {
      clause = agreement
        ? this.interned.clauseIn(agreement.clauseEntries, commitment.agreementId, commitment.clauseRef)
        : this.interned.clause(commitment.agreementId, commitment.clauseRef);
    }
    return {
      id: commitment.id,
      commitment,
      provider: commitment.provider,
      beneficiary: commitment.beneficiary,
      area,
      agreement,
      group: this.group(commitment.beneficiary, area),
      bucket: this.bucketOf(commitment, agreement),
      span,
      spanSource,
      money,
      unconvertibleYears,
      quantity,
      quantityMeasure: commitment.quantity ? this.interned.measure(commitment.quantity) : null,
      clause: clause?.clause ?? null,
      duplicateKey,
      item: item ? this.interned.item(item) : null,
      natoEffect: agreement ? agreement.natoEffect : null,
      entries: null,
      clauseKey: clause?.key ?? null,
      clauseNumber: clause ? clause.ordinal : -1,
      agreementId: commitment.agreementId,
      moneyCurrency: commitment.money?.currency ?? null,
      moneyPerYear: commitment.money?.perYear === true,
      smallMoney: Number.NaN,
      providerOrdinal: -1,
      flows: null,
      children: null,
    };
  }

  /**
   * One-shot: the provider's ordinal, numbering providers in order of appearance, and the years
   * `ProviderSums` must hold (those of every commitment's span).
   */
  private providerOrdinal(provider: string, span: Span | null): number {
    if (span) {
      if (span.fromYear < this.firstYear) this.firstYear = span.fromYear;
      if (span.toYear > this.lastYear) this.lastYear = span.toYear;
    }
    return this.providers.of(provider);
  }

  /** `spanOf`, shared between the records with the same period texts (spans are never changed). */
  private span(fromIso: string, toIso: string): Span {
    return this.spanList[this.spanIndex(fromIso, toIso)] as Span;
  }

  /** `span`'s place in `spanList`. */
  private spanIndex(fromIso: string, toIso: string): number {
    const from = isoDateKey(fromIso);
    const to = isoDateKey(toIso);
    if (from < 0 || to < 0) return this.spanIndexByText(fromIso, toIso);
    let byTo = this.spans.get(from);
    if (!byTo) {
      byTo = new Map();
      this.spans.set(from, byTo);
    }
    let index = byTo.get(to);
    if (index === undefined) {
      index = this.spanList.length;
      this.spanList.push(spanOf(fromIso, toIso));
      byTo.set(to, index);
    }
    return index;
  }

  /** Spans of texts that are not plain `YYYY-MM-DD` dates, by their texts. */
  private spanIndexByText(fromIso: string, toIso: string): number {
    const key = `${fromIso}\u0001${toIso}`;
    let index = this.oddSpans.get(key);
    if (index === undefined) {
      index = this.spanList.length;
      this.spanList.push(spanOf(fromIso, toIso));
      this.oddSpans.set(key, index);
    }
    return index;
  }

  /** The place in `spanList` of a calendar year (`wholeYear`). */
  private yearSpanIndex(year: number): number {
    let index = this.yearSpans.get(year);
    if (index === undefined) {
      index = this.spanList.length;
      this.spanList.push(wholeYear(year));
      this.yearSpans.set(year, index);
    }
    return index;
  }

  // ---- cells ---------------------------------------------------------------------------------

  private group(beneficiary: string, area: CapabilityArea | null): AreaGroup {
    let byArea = this.groups.get(beneficiary);
    if (!byArea) {
      byArea = new Map();
      this.groups.set(beneficiary, byArea);
    }
    let group = byArea.get(area ?? '');
    if (!group) {
      const money = new Map<number, Cell>();
      group = {
        key: `${beneficiary}\u0001${area ?? ''}`,
        ordinal: this.groupList.length,
        beneficiary,
        area,
        cells: new Map([['', money]]),
        money,
        items: new Map(),
      };
      byArea.set(area ?? '', group);
      this.groupList.push(group);
    }
    return group;
  }

  private cell(group: AreaGroup, measure: Measure, year: number): Cell {
    let byYear = measure === MONEY ? group.money : group.cells.get(measure.key);
    if (!byYear) {
      byYear = new Map();
      group.cells.set(measure.key, byYear);
    }
    let cell = byYear.get(year);
    if (!cell) {
      const made: EngineCell = {
        // Flat: a template literal makes a rope of four pieces that would be kept with the cell until the rows are sorted.
        sortKey: flat(`${group.beneficiary}\u0001${group.area ?? '\uffff'}\u0001${String(year).padStart(4, '0')}\u0001${measure.key}`),
        beneficiary: group.beneficiary,
        area: group.area,
        year,
        measure,
        group,
        required: 0n,
        requirementIds: NO_COUNTS,
        committed: 0n,
        atRisk: 0n,
        delivered: 0n,
        committedSmall: 0,
        atRiskSmall: 0,
        providers: NO_SLOTS,
        natoLost: 0n,
        natoReview: 0n,
        natoAgreements: NO_COUNTS,
        clauses: NO_COUNTS,
        endingClauses: NO_COUNTS,
        clauseRefs: null,
        endingClauseRefs: null,
        markPlace: -1,
        row: undefined,
      };
      cell = made;
      byYear.set(year, cell);
      this.cells.push(cell);
      this.rowSetChanged = true;
    }
    return cell;
  }

  /** Adds (sign 1) or takes out (sign -1) a commitment's entries. */
  private apply(state: Contributor, entries: Entries, sign: 1 | -1): void {
    const provider = state.provider;
    const agreementId = state.agreementId;
    const clauseKey = state.clauseKey;
    const clauseNumber = state.clauseNumber;
    for (let i = 0; i < entries.length; i += STRIDE) {
      const cell = entries[i] as EngineCell;
      const raw = entries[i + 1] as bigint;
      const flags = entries[i + 2] as number;
      const amount = sign === 1 ? raw : -raw;
      const kind = flags & 3;
      if (kind === KIND_COMMITTED) {
        cell.committed += amount;
        let providers = cell.providers as WritableSlots;
        if (providers === NO_SLOTS) {
          providers = this.retain ? new Map() : new SlotArray();
          cell.providers = providers;
        }
        const slot: ProviderSlot | undefined = providers.get(provider);
        if (!slot) {
          // A new slot takes the amount as it is: no new bigints for a provider's only entry in a cell.
          providers.set(provider, { partner: provider, committed: amount, ending: flags & ENDS ? amount : 0n, starting: flags & STARTS ? amount : 0n });
        } else {
          slot.committed += amount;
          if (flags & ENDS) slot.ending += amount;
          if (flags & STARTS) slot.starting += amount;
          if (slot.committed === 0n) providers.delete(provider);
        }
        const lost = entries[i + 3] as bigint;
        const review = entries[i + 4] as bigint;
        if (lost !== 0n || review !== 0n) {
          cell.natoLost += sign === 1 ? lost : -lost;
          cell.natoReview += sign === 1 ? review : -review;
          if (agreementId) cell.natoAgreements = countInto(cell.natoAgreements, agreementId, sign);
        }
        if (!this.retain) {
          if (clauseNumber >= 0) this.clauseMarks.add(cell, clauseNumber, (flags & ENDS) !== 0);
        } else if (clauseKey) {
          cell.clauses = countInto(cell.clauses, clauseKey, sign);
          cell.clauseRefs = null;
          if (flags & ENDS) cell.endingClauses = countInto(cell.endingClauses, clauseKey, sign);
        }
      } else if (kind === KIND_AT_RISK) {
        cell.atRisk += amount;
      } else {
        cell.delivered += amount;
      }
      if (this.touched) {
        this.touched.add(cell);
        this.staleRows.add(cell);
      }
    }
  }

  /**
   * `apply` of one committed or at-risk amount held in a double (one-shot only; see `EngineCell`):
   * the provider's share goes to `providerSums` (the area's table) when there is one.
   */
  private applySmall(cell: EngineCell, year: number, amount: number, flags: number, providerOrdinal: number, provider: string, clauseNumber: number): void {
    if ((flags & 3) === KIND_AT_RISK) {
      const sum = addSmall(cell.atRiskSmall, amount);
      if (sum >= 0) cell.atRiskSmall = sum;
      else cell.atRisk += BigInt(amount);
      return;
    }
    const sum = addSmall(cell.committedSmall, amount);
    if (sum >= 0) cell.committedSmall = sum;
    else cell.committed += BigInt(amount);
    const sums = this.providerSums;
    if (sums) {
      sums.add(cell, year, providerOrdinal, amount, flags);
    } else {
      const slot = slotOf(cell, provider);
      const big = BigInt(amount);
      slot.committed += big;
      if (flags & ENDS) slot.ending += big;
      if (flags & STARTS) slot.starting += big;
    }
    if (clauseNumber >= 0) this.clauseMarks.add(cell, clauseNumber, (flags & ENDS) !== 0);
  }

  /**
   * One-shot: a commitment's own money per year as doubles, into `this.yearParts` (null: no rate
   * that year), when every part is exact in a double — the same values `moneyOf` gives as bigints.
   * False when some part needs bigints (then `moneyOf` is used). `small` is the amount in minor
   * units (NaN or null when a double does not hold it exactly).
   */
  private splitSmall(small: number, currency: string | null, span: Span | null, perYear: boolean): boolean {
    if (currency === null || !span || Number.isNaN(small)) return false;
    const years = span.toYear - span.fromYear + 1;
    if (years <= 0) return false;
    const parts = this.yearParts;
    parts.length = years;
    if (perYear || years === 1) {
      for (let i = 0; i < years; i++) parts[i] = small;
    } else if (!spreadByDaysInto(parts, small, span, years)) {
      return false;
    }
    for (let i = 0; i < years; i++) {
      const converted = this.converter.convertSmallNumber(parts[i] as number, currency, span.fromYear + i);
      if (converted !== null && Number.isNaN(converted)) return false;
      parts[i] = converted;
    }
    return true;
  }

  /**
   * `carve` and `apply` of `yearParts` for a commitment nothing restates and no NATO date splits,
   * one year at a time: a one-shot run keeps no entries, and a double in the entries list would be
   * boxed. Each cell still sees the commitment's amounts in the order `apply` would add them.
   */
  private carveSmall(group: AreaGroup, span: Span, kind: number, providerOrdinal: number, provider: string, clauseNumber: number): void {
    const parts = this.yearParts;
    for (let i = 0; i < parts.length; i++) {
      const amount = parts[i];
      if (amount === null || amount === undefined || amount <= 0) continue;
      const year = span.fromYear + i;
      const flags = kind | (span.toYear === year ? ENDS : 0) | (span.fromYear === year ? STARTS : 0);
      const cell = this.providerSums?.cell(year) ?? this.cell(group, MONEY, year);
      this.applySmall(cell as EngineCell, year, amount, flags, providerOrdinal, provider, clauseNumber);
    }
  }

  /** Commitments restating this one whose link holds (cycles broken). */
  private effectiveChildren(state: State): State[] | null {
    const raw = state.children;
    if (!raw) return null;
    let out: State[] | null = null;
    for (const child of raw) if (child.bucket !== null && this.effectiveParent(child) === state) (out ??= []).push(child);
    return out;
  }

  /** Own amounts less what counted restating commitments carve out, year by year, as entries. */
  private carve(
    out: Entries,
    state: Contributor,
    kind: number,
    measure: Measure,
    series: YearSeries,
    children: State[] | null,
  ): void {
    const span = state.span as Span;
    // The restating commitments' series, looked up (or, one-shot, computed) once for all years.
    let carved: YearSeries[] | null = null;
    if (children) {
      for (const child of children) {
        const theirs = measure === MONEY ? this.moneyOf(child) : child.quantityMeasure?.key === measure.key ? this.quantityOf(child) : null;
        if (theirs) (carved ??= []).push(theirs);
      }
    }
    for (let i = 0; i < series.values.length; i++) {
      const own = series.values[i];
      if (own === null || own === undefined) continue;
      const year = series.fromYear + i;
      let amount = own;
      if (carved) for (const theirs of carved) amount -= valueAt(theirs, year) ?? 0n;
      if (amount <= 0n) continue;
      let lost = 0n;
      let review = 0n;
      // Computed for at-risk money too (apply() reads it for committed entries only): the stress test needs both.
      if (kind !== KIND_DELIVERED && measure === MONEY && state.natoEffect && this.natoDay !== null) {
        const after = daysInYearFrom(span, year, this.natoDay);
        if (after > 0) {
          const all = daysInYear(span, year);
          const part = after === all ? amount : divideRounded(amount * BigInt(after), BigInt(all));
          if (state.natoEffect === 'ends') lost = part;
          else review = part;
        }
      }
      const flags = kind | (span.toYear === year ? ENDS : 0) | (span.fromYear === year ? STARTS : 0);
      out.push(this.cell(state.group, measure, year), amount, flags, lost, review);
    }
  }

  /** A delivery's own amount less its counted child flows (money passed through it), as an entry. */
  private deliver(out: Entries, group: AreaGroup, flow: FlowState, measure: Measure, own: bigint): void {
    let amount = own;
    for (const child of (flow as EngineFlow).children) {
      if (!child.counted || !this.states.has(child.flow.commitmentId)) continue;
      const theirs = measure === MONEY ? child.money : child.quantityMeasure?.key === measure.key ? child.quantity : null;
      if (theirs !== null) amount -= theirs;
    }
    if (amount > 0n) out.push(this.cell(group, measure, flow.year), amount, KIND_DELIVERED, 0n, 0n);
  }

  /** `deliver` of the counted deliveries of a commitment. */
  private deliverAll(out: Entries, group: AreaGroup, flows: readonly FlowState[]): void {
    for (const flow of flows) {
      if (!flow.counted) continue;
      if (flow.money !== null) this.deliver(out, group, flow, MONEY, flow.money);
      if (flow.quantity !== null && flow.quantityMeasure) this.deliver(out, group, flow, flow.quantityMeasure, flow.quantity);
    }
  }

  /** Computes and applies a commitment's entries. */
  private contribute(state: State): void {
    const out = this.scratch;
    out.length = 0;
    if (state.bucket && state.span) {
      const kind = state.bucket === 'committed' ? KIND_COMMITTED : KIND_AT_RISK;
      const children = this.effectiveChildren(state);
      // One-shot, in doubles where exact: nothing to carve out, no NATO split (its parts are bigints).
      if (
        !this.retain &&
        children === null &&
        !(state.natoEffect && this.natoDay !== null) &&
        this.splitSmall(state.smallMoney, state.moneyCurrency, state.span, state.moneyPerYear)
      ) {
        this.carveSmall(state.group, state.span, kind, state.providerOrdinal, state.provider, state.clauseNumber);
      } else {
        const money = this.moneyOf(state);
        if (money) this.carve(out, state, kind, MONEY, money, children);
      }
      const quantity = state.quantityMeasure ? this.quantityOf(state) : null;
      if (quantity && state.quantityMeasure) this.carve(out, state, kind, state.quantityMeasure, quantity, children);
    }
    if (state.flows) {
      this.deliverAll(out, state.group, state.flows);
    }
    if (out.length === 0) return;
    this.apply(state, out, 1);
    if (this.retain) state.entries = out.slice();
  }

  private withdraw(id: string): void {
    const state = this.states.get(id);
    if (!state?.entries) return;
    this.apply(state, state.entries, -1);
    state.entries = null;
  }

  // ---- indexes -------------------------------------------------------------------------------

  /** Adds a commitment to the indexes; `bulk` leaves the children and flows links to the caller. */
  private index(state: State, bulk = false): void {
    this.states.set(state.id, state);
    const parentId = state.commitment.countsAs;
    if (parentId) push(this.rawChildren, parentId, state);
    if (!bulk) {
      state.children = this.rawChildren.get(state.id) ?? null;
      state.flows = this.flowsByCommitment.get(state.id) ?? null;
      const parent = parentId ? this.states.get(parentId) : undefined;
      if (parent && parentId) parent.children = this.rawChildren.get(parentId) ?? null;
    }
    if (this.leadsOf.has(state.provider)) push(this.byProvider, state.provider, state);
    if (state.duplicateKey && this.duplicateRules.length > 0) push(this.duplicateBuckets, state.duplicateKey, state);
    if (state.item && state.bucket && state.area) this.countItem(state.group, state.item, 1);
  }

  /** Counts (delta 1) or uncounts (-1) a counted commitment's item type in its capability area, for FRAGMENTATION. */
  private countItem(group: AreaGroup, item: { readonly key: string; readonly label: string }, delta: 1 | -1): void {
    let labels = group.items.get(item.key);
    if (!labels) {
      if (delta < 0) return;
      labels = new Map();
      group.items.set(item.key, labels);
    }
    countIn(labels, item.label, delta);
    if (labels.size === 0) group.items.delete(item.key);
  }

  /** One-shot: a money commitment's amount, kept for `bucketAmounts` (whole) or bucketed now (decimal). */
  private collectAmount(position: number, provider: number, key: string | number): void {
    const amounts = this.wholeAmounts;
    const positions = this.wholeAmountPositions;
    if (typeof key === 'number' && amounts && positions) {
      amounts[this.wholeAmountCount] = key;
      positions[this.wholeAmountCount++] = position;
      return;
    }
    let byAmount = this.amountsByProvider[provider];
    if (!byAmount) {
      byAmount = new Map();
      this.amountsByProvider[provider] = byAmount;
    }
    const found = byAmount.get(key);
    if (found === undefined) {
      byAmount.set(key, position);
    } else if (typeof found !== 'number') {
      found.push(position);
    } else {
      const bucket = [found, position];
      byAmount.set(key, bucket);
      this.providerBuckets.push(bucket);
    }
  }

  /**
   * One-shot: the buckets of the whole amounts collected by `collectAmount`. The positions are
   * grouped by provider (a counting sort, which keeps input order), each provider's amounts are
   * sorted as doubles to find the repeated ones, and only those are bucketed, in input order.
   */
  private bucketAmounts(): void {
    const amounts = this.wholeAmounts;
    const positions = this.wholeAmountPositions?.subarray(0, this.wholeAmountCount);
    const table = this.table as CommitmentTable;
    this.wholeAmounts = null;
    this.wholeAmountPositions = null;
    if (!amounts || !positions || positions.length < 2) return;
    const providers = this.providers.list.length;
    const start = new Int32Array(providers + 1);
    for (let i = 0; i < positions.length; i++) {
      const at = table.provider(positions[i] as number) + 1;
      start[at] = (start[at] as number) + 1;
    }
    for (let p = 0; p < providers; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
    const next = start.slice(0, providers);
    const order = new Int32Array(positions.length);
    for (let i = 0; i < positions.length; i++) {
      const provider = table.provider(positions[i] as number);
      order[next[provider] as number] = i;
      next[provider] = (next[provider] as number) + 1;
    }
    const sorted = new Float64Array(positions.length);
    for (let k = 0; k < order.length; k++) sorted[k] = amounts[order[k] as number] as number;
    for (let p = 0; p < providers; p++) {
      const from = start[p] as number;
      const to = start[p + 1] as number;
      if (to - from < 2) continue;
      const own = sorted.subarray(from, to).sort();
      let repeated: Set<number> | null = null;
      for (let k = 1; k < own.length; k++) if (own[k] === own[k - 1]) (repeated ??= new Set()).add(own[k] as number);
      if (!repeated) continue;
      const buckets = new Map<number, number[]>();
      for (let k = from; k < to; k++) {
        const i = order[k] as number;
        const amount = amounts[i] as number;
        if (!repeated.has(amount)) continue;
        let bucket = buckets.get(amount);
        if (!bucket) {
          bucket = [];
          buckets.set(amount, bucket);
          this.providerBuckets.push(bucket);
        }
        bucket.push(positions[i] as number);
      }
    }
  }

  private unindex(state: State): void {
    this.states.delete(state.id);
    const parentId = state.commitment.countsAs;
    if (parentId) {
      pull(this.rawChildren, parentId, state);
      const parent = this.states.get(parentId);
      if (parent) parent.children = this.rawChildren.get(parentId) ?? null;
    }
    if (this.leadsOf.has(state.provider)) pull(this.byProvider, state.provider, state);
    if (state.duplicateKey && this.duplicateRules.length > 0) pull(this.duplicateBuckets, state.duplicateKey, state);
    if (state.item && state.bucket && state.area) this.countItem(state.group, state.item, -1);
  }

  // ---- RuleContext ---------------------------------------------------------------------------

  agreement(id: string | null | undefined): AgreementInfo | undefined {
    return id ? this.agreementInfo.get(id) : undefined;
  }

  agreements(): Iterable<AgreementInfo> {
    return this.agreementInfo.values();
  }

  coalition(id: string | null | undefined): Coalition | undefined {
    return id ? this.coalitions.get(id) : undefined;
  }

  commitment(id: string | null | undefined): CommitmentState | undefined {
    return id ? this.states.get(id) : undefined;
  }

  /** The commitments of a coalition lead (only leads are indexed). */
  commitmentsOf(provider: string): Iterable<CommitmentState> {
    if (this.retain) return this.byProvider.get(provider) ?? NO_STATES;
    const positions = this.leadPositions.get(provider);
    return positions ? this.statesAt(positions) : NO_STATES;
  }

  partner(code: string): Partner | undefined {
    return this.partners.get(code);
  }

  clauses(agreementId: string): readonly Clause[] {
    return this.clausesByAgreement.get(agreementId) ?? [];
  }

  clauseReference(key: string): ClauseReference | undefined {
    return this.interned.clauseByKey(key);
  }

  cellClauses(cell: Cell): readonly ClauseReference[] {
    const own = cell as EngineCell;
    // One-shot, `ClauseMarks` gave each cell its references when its area was done (null: none).
    if (!this.retain) return own.clauseRefs ?? NO_REFERENCES;
    own.clauseRefs ??= clauseRefsOf(this, own.clauses.keys());
    return own.clauseRefs;
  }

  endingClauses(cell: Cell): readonly ClauseReference[] {
    const own = cell as EngineCell;
    return this.retain ? clauseRefsOf(this, own.endingClauses.keys()) : (own.endingClauseRefs ?? NO_REFERENCES);
  }

  sharedText(key: string, make: () => string): string {
    let text = this.sharedTexts.get(key);
    if (text === undefined) {
      text = flat(make());
      this.sharedTexts.set(key, text);
    }
    return text;
  }

  requirements(): readonly RequirementState[] {
    return this.requirementStates;
  }

  flows(): Iterable<FlowState> {
    return this.flowList;
  }

  cycleOf(state: CommitmentState): CommitmentState[] {
    if (!state.commitment.countsAs) return [];
    const members = [state];
    let current = state;
    for (;;) {
      const next = this.states.get(current.commitment.countsAs ?? '');
      if (!next) return [];
      if (next === state) return members;
      if (members.includes(next)) return [];
      members.push(next);
      current = next;
    }
  }

  effectiveParent(state: CommitmentState): CommitmentState | null {
    const parentId = state.commitment.countsAs;
    if (!parentId) return null;
    const parent = this.states.get(parentId);
    if (!parent) return null;
    const cycle = this.cycleOf(state);
    if (cycle.length > 0 && cycle.every((member) => member.id >= state.id)) return null;
    return parent;
  }

  root(state: CommitmentState): CommitmentState {
    let current = state;
    for (let parent = this.effectiveParent(current); parent; parent = this.effectiveParent(current)) current = parent;
    return current;
  }

  // ---- findings ------------------------------------------------------------------------------

  private runCell(cell: Cell): readonly Finding[] {
    return run(this.cellRules, (rule) => rule.cell?.(this, cell));
  }

  private runGroup(group: AreaGroup): readonly Finding[] {
    return run(this.groupRules, (rule) => rule.group?.(this, group));
  }

  private runCommitment(state: CommitmentState): readonly Finding[] {
    let out: Finding[] | null = null;
    for (const rule of this.commitmentRules) {
      const found = rule.commitment?.(this, state);
      if (found && found.length > 0) (out ??= []).push(...found);
    }
    return out ?? NONE;
  }

  private runCoalition(coalition: Coalition): readonly Finding[] {
    return run(this.coalitionRules, (rule) => rule.coalition?.(this, coalition));
  }

  /** Splits a bucket of equal amounts by provider, then currency and capability area, and runs the rules on each part. */
  private runDuplicates(bucket: readonly CommitmentState[]): readonly Finding[] {
    if (bucket.length < 2 || this.duplicateRules.length === 0) return NONE;
    // Most buckets hold commitments of different providers; a set of providers seen finds out
    // without grouping the whole bucket (its order of first appearance is the grouping order).
    const seen = new Set<string>();
    let repeated: Set<string> | null = null;
    for (const state of bucket) {
      if (seen.has(state.provider)) (repeated ??= new Set()).add(state.provider);
      else seen.add(state.provider);
    }
    if (!repeated) return NONE;
    const byProvider = new Map<string, CommitmentState[]>();
    for (const state of bucket) if (repeated.has(state.provider)) push(byProvider, state.provider, state);
    let out: Finding[] | null = null;
    for (const same of byProvider.values()) {
      if (same.length < 2) continue;
      const parts = new Map<string, CommitmentState[]>();
      for (const state of same) push(parts, `${state.commitment.money?.currency ?? ''}\u0001${state.area ?? ''}`, state);
      for (const part of parts.values()) {
        if (part.length < 2) continue;
        part.sort((a, b) => compareText(a.id, b.id));
        const found = run(this.duplicateRules, (rule) => rule.duplicates?.(this, part));
        if (found.length > 0) (out ??= []).push(...found);
      }
    }
    return out ?? NONE;
  }

  /** Replaces the findings kept under a key, noting what left and what came for the next result. */
  private replace<K>(map: Map<K, readonly Finding[]>, key: K, findings: readonly Finding[]): void {
    const old = map.get(key);
    if (old) for (const finding of old) this.removedFindings.add(finding);
    for (const finding of findings) this.addedFindings.push(finding);
    keep(map, key, findings);
  }

  // ---- edits ---------------------------------------------------------------------------------

  addCommitment(commitment: Commitment): void {
    if (this.states.has(commitment.id)) throw new RangeError(`commitment "${commitment.id}" exists already`);
    this.change(commitment.id, commitment);
  }

  updateCommitment(commitment: Commitment): void {
    if (!this.states.has(commitment.id)) throw new RangeError(`commitment "${commitment.id}" not found`);
    this.change(commitment.id, commitment);
  }

  removeCommitment(id: string): void {
    if (!this.states.has(id)) throw new RangeError(`commitment "${id}" not found`);
    this.change(id, null);
  }

  commitments(): Commitment[] {
    return [...this.states.values()].map((state) => state.commitment);
  }

  /** The commitment and every commitment restating it, directly or through others. */
  private descendants(id: string): State[] {
    const out: State[] = [];
    const seen = new Set<string>([id]);
    const queue = [id];
    const self = this.states.get(id);
    if (self) out.push(self);
    while (queue.length > 0) {
      const current = queue.pop() ?? '';
      for (const child of this.rawChildren.get(current) ?? NO_STATES) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        out.push(child);
        queue.push(child.id);
      }
    }
    return out;
  }

  /** What an edit of commitment `id` may affect, in the current state of the indexes. */
  private affected(id: string, into: Affected): void {
    const state = this.states.get(id);
    into.recompute.add(id);
    if (state) {
      for (const member of [state, ...this.cycleOf(state)]) {
        into.recompute.add(member.id);
        into.commitments.add(member.id);
        const parent = this.effectiveParent(member);
        if (parent) {
          into.recompute.add(parent.id);
          into.commitments.add(parent.id);
        }
      }
      for (const coalition of this.leadsOf.get(state.provider) ?? []) into.coalitions.add(coalition.id);
      into.groups.add(state.group);
    }
    for (const flow of this.flowsByCommitment.get(id) ?? NO_FLOWS) {
      const parent = this.flowStates.get(flow.flow.parentFlowId ?? '');
      if (parent) into.recompute.add(parent.flow.commitmentId);
    }
    for (const child of this.rawChildren.get(id) ?? NO_STATES) into.commitments.add(child.id);
    for (const member of this.descendants(id)) if (member.duplicateKey) into.duplicates.add(member.duplicateKey);
  }

  private change(id: string, next: Commitment | null): void {
    if (!this.retain) throw new Error('a one-shot analysis cannot be edited; use createAnalysis');
    const affected: Affected = {
      recompute: new Set(),
      commitments: new Set([id]),
      duplicates: new Set(),
      coalitions: new Set(),
      groups: new Set(),
    };
    this.touched = new Set();
    this.affected(id, affected);
    for (const other of affected.recompute) this.withdraw(other);
    const previous = this.states.get(id);
    if (previous) this.unindex(previous);
    if (next) this.index(this.describeCommitment(next));
    this.affected(id, affected);
    for (const other of affected.recompute) {
      this.withdraw(other);
      const state = this.states.get(other);
      if (state) this.contribute(state);
    }

    const touched = this.touched;
    this.touched = null;
    for (const cell of touched) {
      this.replace(this.cellFindings, cell, this.runCell(cell));
      affected.groups.add(cell.group);
    }
    for (const group of affected.groups) this.replace(this.groupFindings, group, this.runGroup(group));
    for (const other of affected.commitments) {
      const state = this.states.get(other);
      this.replace(this.commitmentFindings, other, state ? this.runCommitment(state) : NONE);
    }
    for (const coalitionId of affected.coalitions) {
      const coalition = this.coalitions.get(coalitionId);
      this.replace(this.coalitionFindings, coalitionId, coalition ? this.runCoalition(coalition) : NONE);
    }
    for (const key of affected.duplicates) this.replace(this.duplicateFindings, key, this.runDuplicates(this.duplicateBuckets.get(key) ?? NO_STATES));
  }

  // ---- output --------------------------------------------------------------------------------

  /** Money entries of counted commitments in capability areas, and the money cells with a requirement. */
  contributions(): CoverageContributions {
    const cells: RequirementCell[] = [];
    for (const cell of [...this.cells].sort((a, b) => compareText(a.sortKey, b.sortKey))) {
      if (cell.measure !== MONEY || cell.area === null || cell.required <= 0n) continue;
      cells.push({ beneficiary: cell.beneficiary, capabilityArea: cell.area, year: cell.year, required: cell.required, requirementIds: [...cell.requirementIds.keys()].sort() });
    }
    const contributions: CoverageContribution[] = [];
    for (const state of [...this.states.values()].sort((a, b) => compareText(a.id, b.id))) {
      const entries = state.entries;
      if (!entries || !state.bucket) continue;
      for (let i = 0; i < entries.length; i += STRIDE) {
        const cell = entries[i] as Cell;
        const kind = (entries[i + 2] as number) & 3;
        if (cell.measure !== MONEY || kind === KIND_DELIVERED) continue;
        contributions.push({
          commitmentId: state.id,
          provider: state.provider,
          bucket: kind === KIND_COMMITTED ? 'committed' : 'atRisk',
          beneficiary: cell.beneficiary,
          capabilityArea: cell.area,
          year: cell.year,
          amount: entries[i + 1] as bigint,
          natoLost: entries[i + 3] as bigint,
        });
      }
    }
    return { currency: this.currency, scale: this.moneyScale, cells, contributions };
  }

  private row(cell: Cell): CoverageRow | null {
    if (cell.required === 0n && cell.committed === 0n && cell.atRisk === 0n && cell.delivered === 0n && cell.requirementIds.size === 0) {
      return null;
    }
    const scale = cell.measure.key === '' ? this.moneyScale : QUANTITY_SCALE;
    // The slots themselves (each names its partner), collected with forEach: a for-of over a
    // map's entries makes a [key, value] pair and an iterator result per step.
    const slots: ProviderSlot[] = objectList();
    cell.providers.forEach((slot) => {
      slots.push(slot);
    });
    sortShort(slots, bySlotThenCode);
    const providers: ProviderShare[] = new Array<ProviderShare>(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as ProviderSlot;
      providers[i] = { partner: slot.partner, amount: formatMinor(slot.committed, scale), share: ratio4(slot.committed, cell.committed) };
    }
    const amount = (value: bigint) => formatMinor(value, scale);
    return {
      beneficiary: cell.beneficiary,
      capabilityArea: cell.area,
      year: cell.year,
      measure: cell.measure.key === '' ? 'money' : 'quantity',
      unit: cell.measure.unit,
      item: cell.measure.item,
      required: cell.area === null ? null : amount(cell.required),
      committed: amount(cell.committed),
      committedAtRisk: amount(cell.atRisk),
      delivered: amount(cell.delivered),
      ratio: cell.area === null || cell.required === 0n ? null : ratio4(cell.committed, cell.required),
      providers,
      requirementIds: sortShort([...cell.requirementIds.keys()], compareCodeUnits),
    };
  }

  /** A one-shot run's result: its rows straight from the sorted cells, without the editable engine's maps. */
  private oneShotResult(): AnalysisResult {
    const cells = this.cells.slice().sort(byCellSortKey);
    const coverage: CoverageRow[] = objectList();
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as EngineCell;
      const row = cell.row !== undefined ? cell.row : this.row(cell);
      if (row) coverage.push(row);
    }
    return { asOf: this.asOf, currency: this.currency, natoAccession: this.options.natoAccession, coverage, findings: this.sortedFindings.slice() };
  }

  result(): AnalysisResult {
    if (!this.retain) return this.oneShotResult();
    for (const cell of this.staleRows) {
      const row = this.row(cell);
      const had = this.rows.has(cell);
      if (row) this.rows.set(cell, row);
      else this.rows.delete(cell);
      if (had !== (row !== null)) this.rowSetChanged = true;
    }
    this.staleRows.clear();
    if (this.rowSetChanged) {
      this.sortedCells = this.cells.filter((cell) => this.rows.has(cell)).sort(byCellSortKey);
      this.rowSetChanged = false;
    }
    if (this.removedFindings.size > 0 || this.addedFindings.length > 0) {
      const removed = this.removedFindings;
      const kept = this.sortedFindings.filter((finding) => !removed.has(finding));
      const added = this.addedFindings.filter((finding) => !removed.has(finding)).sort(compareFindings);
      this.sortedFindings = merge(kept, added);
      this.removedFindings.clear();
      this.addedFindings = [];
    }
    const coverage: CoverageRow[] = new Array<CoverageRow>(this.sortedCells.length);
    for (let i = 0; i < this.sortedCells.length; i++) coverage[i] = this.rows.get(this.sortedCells[i] as Cell) as CoverageRow;
    return {
      asOf: this.asOf,
      currency: this.currency,
      natoAccession: this.options.natoAccession,
      coverage,
      findings: this.sortedFindings.slice(),
    };
  }
}

interface Affected {
  readonly recompute: Set<string>;
  readonly commitments: Set<string>;
  readonly duplicates: Set<string>;
  readonly coalitions: Set<string>;
  readonly groups: Set<AreaGroup>;
}

const NO_STATES: readonly State[] = Object.freeze([]);
const NO_FLOWS: readonly FlowState[] = Object.freeze([]);
const NO_REFERENCES: readonly ClauseReference[] = Object.freeze([]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) return;
  const index = list.indexOf(value);
  if (index >= 0) list.splice(index, 1);
  if (list.length === 0) map.delete(key);
}

/** One-shot: moves the part of a cell's sums held in doubles into its bigints. */
function settle(cell: EngineCell): void {
  if (cell.committedSmall !== 0) cell.committed = plus(cell.committed, cell.committedSmall);
  if (cell.atRiskSmall !== 0) cell.atRisk = plus(cell.atRisk, cell.atRiskSmall);
  cell.committedSmall = 0;
  cell.atRiskSmall = 0;
}

/** Appends the findings to `found`; returns them. */
function collect(found: Finding[], findings: readonly Finding[]): readonly Finding[] {
  for (let i = 0; i < findings.length; i++) found.push(findings[i] as Finding);
  return findings;
}

function keep<K>(map: Map<K, readonly Finding[]>, key: K, findings: readonly Finding[]): void {
  if (findings.length > 0) map.set(key, findings);
  else map.delete(key);
}

function run(rules: readonly Rule[], call: (rule: Rule) => readonly Finding[] | undefined): readonly Finding[] {
  let out: Finding[] | null = null;
  for (const rule of rules) {
    const found = call(rule);
    if (found && found.length > 0) (out ??= []).push(...found);
  }
  return out ?? NONE;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byCellSortKey(a: Cell, b: Cell): number {
  return compareText(a.sortKey, b.sortKey);
}

function byRef(a: Clause, b: Clause): number {
  return compareText(a.ref, b.ref);
}

/** Largest committed amount first, ties by partner code. Indexes rather than destructures: it runs for every row. */
function bySlotThenCode(x: ProviderSlot, y: ProviderSlot): number {
  const a = x.committed;
  const b = y.committed;
  return a > b ? -1 : a < b ? 1 : compareText(x.partner, y.partner);
}

function merge(kept: readonly Finding[], added: readonly Finding[]): Finding[] {
  const merged = new Array<Finding>(kept.length + added.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length && j < added.length) {
    const a = kept[i] as Finding;
    const b = added[j] as Finding;
    if (compareFindings(a, b) <= 0) {
      merged[k++] = a;
      i++;
    } else {
      merged[k++] = b;
      j++;
    }
  }
  while (i < kept.length) merged[k++] = kept[i++] as Finding;
  while (j < added.length) merged[k++] = added[j++] as Finding;
  return merged;
}

/** One commitment's counted money in one requirement cell, as the coverage rows sum it (see `coverageContributions`). */
export interface CoverageContribution {
  readonly commitmentId: string;
  readonly provider: string;
  readonly bucket: Bucket;
  readonly beneficiary: string;
  /** null: the unassigned row (fills no requirement; the deterrence index weighs guarantors by it too). */
  readonly capabilityArea: CapabilityArea | null;
  readonly year: number;
  /** Minor units of the report currency, after conversion, spreading and countsAs carve-outs. */
  readonly amount: bigint;
  /** The part of `amount` lost on `natoAccession` (agreements that end then), pro rata by days. */
  readonly natoLost: bigint;
}

/** A money cell with a requirement: its required amount in minor units of the report currency. */
export interface RequirementCell {
  readonly beneficiary: string;
  readonly capabilityArea: CapabilityArea;
  readonly year: number;
  readonly required: bigint;
  readonly requirementIds: readonly string[];
}

export interface CoverageContributions {
  readonly currency: string;
  /** Minor units per major unit of the report currency, as a power of ten (2 for EUR). */
  readonly scale: number;
  readonly cells: readonly RequirementCell[];
  /** Committed and at-risk money of counted commitments, by commitment then cell (unassigned included). */
  readonly contributions: readonly CoverageContribution[];
}

/**
 * The money each counted commitment puts in each capability-area cell, exactly as the coverage
 * rows add it up (same conversion, spreading by days, countsAs carve-outs): the stress test's
 * input, so its coverage at certain delivery equals `analyze`'s committed coverage to the cent.
 * Summing the `committed` contributions of a cell gives its row's `committed`.
 */
export function coverageContributions(input: AnalysisInput, options: AnalysisOptions): CoverageContributions {
  const engine = new Engine(input, { ...options, rules: [] });
  return engine.contributions();
}

/** An editable analysis of the input as of `options.asOf` (see `Analysis`). */
export function createAnalysis(input: AnalysisInput, options: AnalysisOptions): Analysis {
  return new Engine(input, options);
}

/** Coverage and findings of the input as of `options.asOf`: pure and deterministic. */
export function analyze(input: AnalysisInput, options: AnalysisOptions): AnalysisResult {
  return new Engine(input, options, false).result();
}
