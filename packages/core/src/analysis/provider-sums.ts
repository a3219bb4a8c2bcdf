// One-shot accumulation of the providers' committed money in one beneficiary's capability area.
//
// A cell keeps its committed money by provider in a map of slots. Adding each of 100,000
// commitments' yearly parts there means a string-keyed lookup per part and, for the running sums
// held in doubles, slots of six fields with a boxed number each, which survive until the rules run
// and which the collector copies. Commitments are applied area by area, so the sums of one area fit
// a small dense table (years × providers) that stays in the processor's cache: the parts are added
// there in doubles, and each slot is made once, with its exact bigints, when the area is done.
// Sums stay exact: an amount that would take a sum past 2^53 − 1 goes to the slot's bigint instead.
import type { Cell, ProviderSlot } from './model.js';
import { objectList } from './object-list.js';

/** Flags of an applied amount: its period ends, or starts, in the cell's year. */
export const ENDS = 4;
export const STARTS = 8;

/** Tables above this many (year, provider) places are not worth it; the engine adds to the slots directly then. */
const MAX_PLACES = 1 << 20;

/** A cell's providers before its first committed amount (shared, never written). */
export const NO_SLOTS: ReadonlyMap<string, ProviderSlot> = new Map<string, ProviderSlot>();

/** What writing a cell's providers needs: a `Map` (the editable engine) or a `SlotArray` (one-shot). */
export interface WritableSlots extends ReadonlyMap<string, ProviderSlot> {
  set(partner: string, slot: ProviderSlot): unknown;
  delete(partner: string): boolean;
}

/**
 * A one-shot cell's providers: the slots in a plain array, in order of insertion (as a `Map`
 * iterates), found by a scan. A `Map` is some 350 bytes for the twenty-odd providers of a cell; a
 * run never edits, so a cell's providers are looked up only while its area is applied and by the
 * rules and the row, a few times each, before the area is done and the cell lets them go.
 */
export class SlotArray implements WritableSlots {
  private readonly slots: ProviderSlot[] = objectList();

  get size(): number {
    return this.slots.length;
  }

  get(partner: string): ProviderSlot | undefined {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) if ((slots[i] as ProviderSlot).partner === partner) return slots[i];
    return undefined;
  }

  has(partner: string): boolean {
    return this.get(partner) !== undefined;
  }

  /** Replaces the partner's slot where it is, or adds it last; the slot must name the partner. */
  set(partner: string, slot: ProviderSlot): this {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      if ((slots[i] as ProviderSlot).partner === partner) {
        slots[i] = slot;
        return this;
      }
    }
    slots.push(slot);
    return this;
  }

  delete(partner: string): boolean {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      if ((slots[i] as ProviderSlot).partner === partner) {
        slots.splice(i, 1);
        return true;
      }
    }
    return false;
  }

  forEach(callback: (slot: ProviderSlot, partner: string, map: ReadonlyMap<string, ProviderSlot>) => void, thisArg?: unknown): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as ProviderSlot;
      callback.call(thisArg, slot, slot.partner, this);
    }
  }

  *entries(): MapIterator<[string, ProviderSlot]> {
    for (const slot of this.slots) yield [slot.partner, slot];
  }

  *keys(): MapIterator<string> {
    for (const slot of this.slots) yield slot.partner;
  }

  /** The array's own iterator, which the compiler inlines in a `for…of`; a generator it does not. */
  values(): MapIterator<ProviderSlot> {
    return this.slots.values();
  }

  [Symbol.iterator](): MapIterator<[string, ProviderSlot]> {
    return this.entries();
  }
}

/** The cell's slot for a provider, made (at zero) on first use (one-shot). */
export function slotOf(cell: Cell, provider: string): ProviderSlot {
  let providers = cell.providers as WritableSlots;
  if (providers === NO_SLOTS) {
    providers = new SlotArray();
    cell.providers = providers;
  }
  let slot = providers.get(provider);
  if (!slot) {
    slot = { partner: provider, committed: 0n, ending: 0n, starting: 0n };
    providers.set(provider, slot);
  }
  return slot;
}

export class ProviderSums {
  private readonly committed: Float64Array;
  private readonly ending: Float64Array;
  private readonly starting: Float64Array;
  /** Places written since the last flush, in order of first write. */
  private readonly written: Int32Array;
  private count = 0;
  /** The area's money cell of each year written since the last flush. */
  private readonly cells: (Cell | undefined)[];

  /** null when the table would be too large to be worth it. */
  static create(firstYear: number, lastYear: number, providers: readonly string[]): ProviderSums | null {
    const years = lastYear - firstYear + 1;
    if (years <= 0 || providers.length === 0 || years * providers.length > MAX_PLACES) return null;
    return new ProviderSums(firstYear, years, providers);
  }

  private constructor(
    private readonly firstYear: number,
    years: number,
    private readonly providers: readonly string[],
  ) {
    const places = years * providers.length;
    this.committed = new Float64Array(places);
    this.ending = new Float64Array(places);
    this.starting = new Float64Array(places);
    this.written = new Int32Array(places);
    this.cells = new Array<Cell | undefined>(years).fill(undefined);
  }

  /** The area's money cell of a year, if an amount has been added to it since the last flush. */
  cell(year: number): Cell | undefined {
    return this.cells[year - this.firstYear];
  }

  /**
   * Adds a committed amount (a positive safe integer) of the provider with the given ordinal to the
   * cell, which must be the area's money cell of `year`.
   */
  add(cell: Cell, year: number, provider: number, amount: number, flags: number): void {
    const offset = year - this.firstYear;
    const place = offset * this.providers.length + provider;
    const committed = this.committed[place] as number;
    if (committed === 0) {
      // Amounts are positive, so an empty place is one not written yet.
      this.written[this.count++] = place;
      this.cells[offset] = cell;
    }
    this.committed[place] = this.sum(committed, amount, cell, provider, 'committed');
    if (flags & ENDS) this.ending[place] = this.sum(this.ending[place] as number, amount, cell, provider, 'ending');
    if (flags & STARTS) this.starting[place] = this.sum(this.starting[place] as number, amount, cell, provider, 'starting');
  }

  /** `current + amount` while a safe integer (then exact); else `amount` goes to the slot's bigint and `current` stays. */
  private sum(current: number, amount: number, cell: Cell, provider: number, field: 'committed' | 'ending' | 'starting'): number {
    const next = current + amount;
    // Two safe integers add exactly when their sum is safe; a larger exact sum rounds to ≥ 2^53.
    if (next <= Number.MAX_SAFE_INTEGER) return next;
    slotOf(cell, this.providers[provider] as string)[field] += BigInt(amount);
    return current;
  }

  /** Moves the sums into the cells' slots as bigints and empties the table for the next area. */
  flush(): void {
    const width = this.providers.length;
    for (let i = 0; i < this.count; i++) {
      const place = this.written[i] as number;
      const offset = Math.floor(place / width);
      const cell = this.cells[offset] as Cell;
      const provider = this.providers[place - offset * width] as string;
      const committed = this.committed[place] as number;
      const ending = this.ending[place] as number;
      const starting = this.starting[place] as number;
      let providers = cell.providers as WritableSlots;
      if (providers === NO_SLOTS) {
        providers = new SlotArray();
        cell.providers = providers;
      }
      const slot = providers.get(provider);
      if (slot) {
        slot.committed += BigInt(committed);
        if (ending !== 0) slot.ending += BigInt(ending);
        if (starting !== 0) slot.starting += BigInt(starting);
      } else {
        // A provider's money in a cell often all ends (or all starts) in its year: the slot then
        // shares the one bigint (bigints are values), some 60,000 fewer per large run.
        const big = BigInt(committed);
        providers.set(provider, {
          partner: provider,
          committed: big,
          ending: ending === 0 ? 0n : ending === committed ? big : BigInt(ending),
          starting: starting === 0 ? 0n : starting === committed ? big : BigInt(starting),
        });
      }
      this.committed[place] = 0;
      this.ending[place] = 0;
      this.starting[place] = 0;
    }
    this.count = 0;
    this.cells.fill(undefined);
  }
}
