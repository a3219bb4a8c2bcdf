// The engine's own records of commitments, flows, agreements and cells, beside what rules see
// (model.ts): shared by the engine and the one-shot views of its table of rows (row-view.ts).
import type { Commitment } from '../schema/entities.js';
import type { Span } from './dates.js';
import type { ClauseEntry } from './interned.js';
import type { MarkedCell } from './clause-marks.js';
import type { AgreementInfo, AreaGroup, Bucket, Cell, CommitmentState, FlowState } from './model.js';
import type { CoverageRow } from './types.js';

/** What an entry's amount counts as: the low two bits of its flags. */
export const KIND_COMMITTED = 0;
export const KIND_AT_RISK = 1;
export const KIND_DELIVERED = 2;
export const NO_YEARS: readonly number[] = Object.freeze([]);
/** `CommitmentTable.bucket` codes as buckets. */
export const BUCKETS: readonly (Bucket | null)[] = [null, 'committed', 'atRisk'];

/**
 * A commitment's applied contributions, packed five slots per entry to keep 100,000 commitments
 * light: the cell, the amount, flags (kind | ENDS | STARTS), the amount lost on NATO accession and
 * the amount under review then.
 */
export type Entries = (Cell | bigint | number)[];
export const STRIDE = 5;

/**
 * The engine's cells carry, besides the exact bigint totals rules read, a part held in a double: a
 * one-shot run adds its money there while every amount and running sum is a safe integer (an
 * amount that would take a sum past 2^53 − 1 goes to the bigint instead), and `settle` moves it
 * into the bigint once, when the cell's area is done. So the sums stay exact and the 100,000
 * commitments' yearly amounts make no bigint each. The editable engine leaves them 0. The
 * providers' shares are summed the same way, area by area, in `ProviderSums`.
 */
export interface EngineCell extends Cell, MarkedCell {
  // MarkedCell: one-shot, the cell's clause references as `ClauseMarks` gives them; the editable
  // engine keeps `clauseRefs` as a cache of `clauses`, made on first use after a change.
  committedSmall: number;
  atRiskSmall: number;
  /** Editable engine: the clauses of the committed commitments, `agreementId\u0001ref`, counted (one-shot: `ClauseMarks`). */
  clauses: ReadonlyMap<string, number>;
  /** The same, of the committed commitments whose period ends in the cell's year. */
  endingClauses: ReadonlyMap<string, number>;
  /** One-shot: the cell's row, made when its area is done (`undefined` until then; null: no row). */
  row: CoverageRow | null | undefined;
}

/**
 * The engine's record of an agreement: what rules see, and two things each of its commitments
 * reads when described, kept here so that describing one reads no further than this record.
 */
export interface AgreementRecord extends AgreementInfo {
  /** What happens to its commitments on NATO accession, when they end or are reviewed. */
  readonly natoEffect: 'ends' | 'review' | null;
  /** Its clauses' entries by ref, made on first use (see `Interned.clauseIn`). */
  readonly clauseEntries: Map<string, ClauseEntry>;
  /** Its place in the engine's `agreementList`. */
  readonly ordinal: number;
}

/** What the engine asks of its table of commitments by id (a `Map`, or one-shot a `PositionTable`). */
export interface StateTable {
  readonly size: number;
  get(id: string): State | undefined;
  has(id: string): boolean;
  set(id: string, state: State): unknown;
  delete(id: string): boolean;
  values(): IterableIterator<State>;
}

/** A flow as the engine keeps it: with the flows passing money through it, linked once (not looked up per delivery). */
export interface EngineFlow extends FlowState {
  children: readonly FlowState[];
}

/** What applying a commitment's entries reads of it (`carve`, `apply`): a state, or one-shot, its row. */
export interface Contributor {
  readonly group: AreaGroup;
  readonly span: Span | null;
  readonly natoEffect: 'ends' | 'review' | null;
  readonly provider: string;
  readonly agreementId: string | null;
  readonly clauseKey: string | null;
  /** The clause's number in `Interned.clauseEntries`, -1 when none. */
  readonly clauseNumber: number;
}

/** The engine's own fields of a commitment, beside what rules see. */
export interface State extends CommitmentState, Contributor {
  /** Applied entries, to take out again on an edit. */
  entries: Entries | null;
  /** Editable engine: the canonical amount, its POSSIBLE_DOUBLE_COUNT bucket (`duplicateBuckets`); null one-shot, which buckets by position. */
  readonly duplicateKey: string | null;
  readonly clauseKey: string | null;
  readonly agreementId: string | null;
  /**
   * One-shot: the money's currency, whether it is per year, and its amount in minor units when
   * a double holds it exactly (else NaN, so that the field always holds a double, written in place
   * rather than boxed), as the commitment's row has them (see `contributeAt`).
   */
  readonly moneyCurrency: string | null;
  readonly moneyPerYear: boolean;
  readonly smallMoney: number;
  /** One-shot: the provider's number (`Engine.providers`; its column in `ProviderSums`); -1 in the editable engine. */
  readonly providerOrdinal: number;
  /** Deliveries recorded against it. */
  flows: readonly FlowState[] | null;
  /** Commitments whose countsAs names it (the list kept in `rawChildren`). */
  children: readonly State[] | null;
}

export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A state with every field at a placeholder, to be filled (`Engine.fillState`): all states share one shape. */
export function blankState(): Writable<State> {
  return {
    id: '',
    commitment: null as unknown as Commitment,
    provider: '',
    beneficiary: '',
    area: null,
    agreement: undefined,
    group: null as unknown as AreaGroup,
    bucket: null,
    span: null,
    spanSource: null,
    money: null,
    unconvertibleYears: NO_YEARS,
    quantity: null,
    quantityMeasure: null,
    clause: null,
    duplicateKey: null,
    item: null,
    natoEffect: null,
    entries: null,
    clauseKey: null,
    clauseNumber: -1,
    agreementId: null,
    moneyCurrency: null,
    moneyPerYear: false,
    smallMoney: Number.NaN,
    providerOrdinal: -1,
    flows: null,
    children: null,
  };
}
