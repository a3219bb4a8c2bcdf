// A commitment as the engine keeps it: what rules read (`CommitmentState`) and the engine's own fields.
//
// There is one per commitment, 100,000 in a large analysis, and they live until the rules have run,
// so the collector copies every byte of them at least twice. What follows from another field is
// therefore a getter, not a field of its own: the beneficiary and capability area are the group's,
// the NATO effect is the agreement's, the clause key travels with the interned clause reference,
// the agreement id and the source of the span are the record's.
import type { Commitment } from '../schema/entities.js';
import type { Span } from './dates.js';
import type { AgreementInfo, AreaGroup, Bucket, Cell, CommitmentState, FlowState, Measure, YearSeries } from './model.js';
import type { ClauseReference } from './types.js';

/**
 * A commitment's applied contributions, packed five slots per entry to keep 100,000 commitments
 * light: the cell, the amount, flags (kind | ENDS | STARTS), the amount lost on NATO accession and
 * the amount under review then.
 */
export type Entries = (Cell | bigint | number)[];

/** An interned clause reference and its key in a cell's counted clauses (`agreementId\u0001ref`). */
export interface ClauseEntry {
  readonly clause: ClauseReference;
  readonly key: string;
}

export class CommitmentRecord implements CommitmentState {
  /** Applied entries, to take out again on an edit (the editable engine only). */
  entries: Entries | null = null;
  /** Deliveries recorded against it. */
  flows: readonly FlowState[] | null = null;
  /** Commitments whose countsAs names it (the list kept in the engine's `rawChildren`). */
  children: readonly CommitmentRecord[] | null = null;

  constructor(
    readonly commitment: Commitment,
    /** The commitment's id and provider, kept here because lookups and indexes read them far from the record. */
    readonly id: string,
    readonly provider: string,
    /** Its agreement, when it has one and the agreement is in the input. */
    readonly agreement: AgreementInfo | undefined,
    readonly group: AreaGroup,
    readonly bucket: Bucket | null,
    readonly span: Span | null,
    /** Own money and quantity per year: kept by the editable engine only (null one-shot). */
    readonly money: YearSeries | null,
    readonly quantity: YearSeries | null,
    readonly unconvertibleYears: readonly number[],
    readonly quantityMeasure: Measure | null,
    readonly clauseEntry: ClauseEntry | null,
    readonly duplicateKey: string | null,
    readonly item: { readonly key: string; readonly label: string } | null,
    /**
     * One-shot: the money's currency, whether it is per year, and its amount in minor units when
     * a double holds it exactly (else null), read while the record is in the processor's cache, so
     * that applying it later (area by area, far from input order) need not go back to the record.
     */
    readonly moneyCurrency: string | null,
    readonly moneyPerYear: boolean,
    readonly smallMoney: number | null,
    /** One-shot: the provider's column in `ProviderSums`; -1 in the editable engine. */
    readonly providerOrdinal: number,
  ) {}

  get beneficiary(): string {
    return this.group.beneficiary;
  }

  get area(): AreaGroup['area'] {
    return this.group.area;
  }

  get agreementId(): string | null {
    return this.commitment.agreementId;
  }

  /** The stated period, or (without one) the calendar year of the agreement's signature. */
  get spanSource(): 'period' | 'signature' | null {
    return this.span === null ? null : this.commitment.period ? 'period' : 'signature';
  }

  get natoEffect(): 'ends' | 'review' | null {
    const effect = this.agreement?.agreement.onNatoAccession;
    return effect === 'ends' || effect === 'review' ? effect : null;
  }

  get clause(): ClauseReference | null {
    return this.clauseEntry === null ? null : this.clauseEntry.clause;
  }

  get clauseKey(): string | null {
    return this.clauseEntry === null ? null : this.clauseEntry.key;
  }
}
