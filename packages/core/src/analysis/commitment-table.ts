// A one-shot analysis's commitments as a table of small packed rows: what applying a commitment
// and finding it again need, 64 bytes (one cache line) per commitment, by its position in the input.
//
// An object per commitment (30 fields, 100,000 of them) lives from describing the commitments to
// running the rules, so the collector copies every one of them, twice; and applying them area by
// area reads them far from input order, a trip to memory for each object touched (the state, its
// record, the record's money and period). A row is one trip, and the table is a few megabytes
// outside the collected heap. The rules still see `CommitmentState`s: the engine makes them from
// the rows when a rule runs, and keeps only those linked to others (countsAs), whose identity
// rules compare.

/** The commitment restates another (countsAs names a commitment in the input). */
export const HAS_PARENT = 1;
/** Another commitment in the input restates this one. */
export const HAS_CHILDREN = 2;
/** Deliveries are recorded against it. */
export const HAS_FLOWS = 4;
/** Its money is a yearly amount. */
export const PER_YEAR = 8;
/** It has a quantity. */
export const HAS_QUANTITY = 16;
/** The engine keeps a state for it (made once, looked up by position). */
export const KEPT = 32;

/** `bucket` codes. */
export const NOT_COUNTED = 0;
export const COUNTS_COMMITTED = 1;
export const COUNTS_AT_RISK = 2;

/** 32-bit slots per row: 64 bytes. The first ten hold integers, the last four two doubles. */
const SLOTS = 16;
const GROUP = 0;
const SPAN = 1;
const BUCKET = 2;
const FLAGS = 3;
const PROVIDER = 4;
const CURRENCY = 5;
const CLAUSE = 6;
const AGREEMENT = 7;
const MEASURE = 8;
const ITEM = 9;
/** Double slots (of 8 bytes: slot 6 is 32-bit slots 12 and 13). */
const DOUBLES = SLOTS / 2;
const SMALL_MONEY = 6;
const QUANTITY = 7;

/**
 * Integer fields are places in the engine's lists (agreements, spans, currencies, interned clauses,
 * measures and items; -1 for none) or ordinals (groups, providers).
 */
export class CommitmentTable {
  /** `idHash` of each id, apart: the id index sorts them. */
  readonly hash: Int32Array;
  private readonly ints: Int32Array;
  private readonly doubles: Float64Array;

  constructor(readonly size: number) {
    this.hash = new Int32Array(size);
    const buffer = new ArrayBuffer(size * SLOTS * 4);
    this.ints = new Int32Array(buffer);
    this.doubles = new Float64Array(buffer);
  }

  /** Its beneficiary's capability area (`AreaGroup.ordinal`). */
  group(position: number): number {
    return this.ints[position * SLOTS + GROUP] as number;
  }
  /** Its span (the stated period, or the year of signature); -1 when it cannot be dated. */
  span(position: number): number {
    return this.ints[position * SLOTS + SPAN] as number;
  }
  /** NOT_COUNTED, COUNTS_COMMITTED or COUNTS_AT_RISK. */
  bucket(position: number): number {
    return this.ints[position * SLOTS + BUCKET] as number;
  }
  /** HAS_PARENT | HAS_CHILDREN | HAS_FLOWS | PER_YEAR | HAS_QUANTITY | KEPT. */
  flags(position: number): number {
    return this.ints[position * SLOTS + FLAGS] as number;
  }
  provider(position: number): number {
    return this.ints[position * SLOTS + PROVIDER] as number;
  }
  /** Its money's currency; -1 without money. */
  currency(position: number): number {
    return this.ints[position * SLOTS + CURRENCY] as number;
  }
  clause(position: number): number {
    return this.ints[position * SLOTS + CLAUSE] as number;
  }
  /** Its agreement; -1 without one in the input. */
  agreement(position: number): number {
    return this.ints[position * SLOTS + AGREEMENT] as number;
  }
  /** Its quantity's measure; -1 without a quantity. */
  measure(position: number): number {
    return this.ints[position * SLOTS + MEASURE] as number;
  }
  /** Its quantity's item type; -1 without one. */
  item(position: number): number {
    return this.ints[position * SLOTS + ITEM] as number;
  }
  /** Its money in minor units when a double holds it exactly (a whole amount of up to 15 digits); NaN otherwise. */
  smallMoney(position: number): number {
    return this.doubles[position * DOUBLES + SMALL_MONEY] as number;
  }
  /** Its quantity's value; 0 without one. */
  quantity(position: number): number {
    return this.doubles[position * DOUBLES + QUANTITY] as number;
  }

  /** Writes a row (each commitment's once, when it is described). */
  write(
    position: number,
    group: number,
    span: number,
    bucket: number,
    flags: number,
    provider: number,
    currency: number,
    clause: number,
    agreement: number,
    measure: number,
    item: number,
    smallMoney: number,
    quantity: number,
  ): void {
    const at = position * SLOTS;
    const ints = this.ints;
    ints[at + GROUP] = group;
    ints[at + SPAN] = span;
    ints[at + BUCKET] = bucket;
    ints[at + FLAGS] = flags;
    ints[at + PROVIDER] = provider;
    ints[at + CURRENCY] = currency;
    ints[at + CLAUSE] = clause;
    ints[at + AGREEMENT] = agreement;
    ints[at + MEASURE] = measure;
    ints[at + ITEM] = item;
    this.doubles[position * DOUBLES + SMALL_MONEY] = smallMoney;
    this.doubles[position * DOUBLES + QUANTITY] = quantity;
  }

  addFlags(position: number, flags: number): void {
    this.ints[position * SLOTS + FLAGS] = (this.ints[position * SLOTS + FLAGS] as number) | flags;
  }

  /**
   * The positions in order of their group, input order within a group (a counting sort): applying
   * commitments area by area updates the same few cells in a row.
   */
  orderByGroup(groups: number): Int32Array {
    const next = new Int32Array(groups + 1);
    for (let i = 0; i < this.size; i++) {
      const at = this.group(i) + 1;
      next[at] = (next[at] as number) + 1;
    }
    for (let g = 1; g <= groups; g++) next[g] = (next[g] as number) + (next[g - 1] as number);
    const ordered = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const g = this.group(i);
      ordered[next[g] as number] = i;
      next[g] = (next[g] as number) + 1;
    }
    return ordered;
  }
}
