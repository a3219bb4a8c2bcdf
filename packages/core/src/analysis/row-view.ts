// One-shot: the commitments of the table of rows (commitment-table.ts) as the rules and the engine
// look them up, without an object per commitment.
import type { Commitment } from '../schema/entities.js';
import type { CapabilityArea } from '../schema/vocabulary.js';
import type { CommitmentTable } from './commitment-table.js';
import type { Span } from './dates.js';
import { BUCKETS, NO_YEARS, type AgreementRecord, type State, type StateTable } from './engine-state.js';
import type { IdIndex } from './id-index.js';
import type { ClauseEntry, Interned } from './interned.js';
import type { AreaGroup, Bucket, CommitmentState, Measure } from './model.js';
import type { ClauseReference } from './types.js';

/**
 * One-shot: what the commitment rules see of the commitment at `position`, read from its row and
 * record when a rule asks. Most rules read two or three fields and find nothing, so filling a
 * state's twenty would be most of their cost. Moved from commitment to commitment: rules keep
 * nothing of the states they are given (see `Rule`).
 */
export class RowView implements CommitmentState {
  position = 0;

  constructor(
    private readonly records: readonly Commitment[],
    private readonly table: CommitmentTable,
    private readonly agreementList: readonly AgreementRecord[],
    private readonly spanList: readonly Span[],
    private readonly groupList: readonly AreaGroup[],
    private readonly interned: Interned,
    private readonly unconvertibleAt: (currency: number, span: number) => readonly number[],
  ) {}

  get commitment(): Commitment {
    return this.records[this.position] as Commitment;
  }
  get id(): string {
    return this.commitment.id;
  }
  get provider(): string {
    return this.commitment.provider;
  }
  get beneficiary(): string {
    return this.commitment.beneficiary;
  }
  get area(): CapabilityArea | null {
    return this.commitment.capabilityArea ?? null;
  }
  get agreement(): AgreementRecord | undefined {
    const index = this.table.agreement(this.position);
    return index >= 0 ? this.agreementList[index] : undefined;
  }
  get group(): AreaGroup {
    return this.groupList[this.table.group(this.position)] as AreaGroup;
  }
  get bucket(): Bucket | null {
    return BUCKETS[this.table.bucket(this.position)] ?? null;
  }
  get span(): Span | null {
    const index = this.table.span(this.position);
    return index >= 0 ? (this.spanList[index] as Span) : null;
  }
  get spanSource(): 'period' | 'signature' | null {
    return this.table.span(this.position) < 0 ? null : this.commitment.period ? 'period' : 'signature';
  }
  get money(): null {
    return null;
  }
  get unconvertibleYears(): readonly number[] {
    const span = this.table.span(this.position);
    const currency = this.table.currency(this.position);
    return currency >= 0 && span >= 0 ? this.unconvertibleAt(currency, span) : NO_YEARS;
  }
  get quantity(): null {
    return null;
  }
  get quantityMeasure(): Measure | null {
    const index = this.table.measure(this.position);
    return index >= 0 ? (this.interned.measureList[index] as Measure) : null;
  }
  get clause(): ClauseReference | null {
    const index = this.table.clause(this.position);
    return index >= 0 ? (this.interned.clauseEntries[index] as ClauseEntry).clause : null;
  }
  get item(): { readonly key: string; readonly label: string } | null {
    const index = this.table.item(this.position);
    return index >= 0 ? (this.interned.itemList[index] as { readonly key: string; readonly label: string }) : null;
  }
  get natoEffect(): 'ends' | 'review' | null {
    return this.agreement?.natoEffect ?? null;
  }
}

/** One-shot: the commitments by id, found in the id index; their states made on request (`Engine.stateAt`). */
export class PositionTable implements StateTable {
  constructor(
    private readonly ids: IdIndex,
    private readonly stateAt: (position: number) => State,
  ) {}

  get size(): number {
    return this.ids.size;
  }

  get(id: string): State | undefined {
    const position = this.ids.indexOf(id);
    return position < 0 ? undefined : this.stateAt(position);
  }

  has(id: string): boolean {
    return this.ids.indexOf(id) >= 0;
  }

  set(): never {
    throw new Error('a one-shot analysis cannot be edited; use createAnalysis');
  }

  delete(): never {
    throw new Error('a one-shot analysis cannot be edited; use createAnalysis');
  }

  *values(): IterableIterator<State> {
    for (let position = 0; position < this.ids.size; position++) yield this.stateAt(position);
  }
}
