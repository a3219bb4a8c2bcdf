// Values shared between the records that name the same ones (measures, item types, clause
// references), and texts numbered in order of first appearance: an analysis of 100,000
// commitments makes a few hundred of each rather than one per record.
import type { Measure } from './model.js';
import { objectList } from './object-list.js';
import type { ClauseReference } from './types.js';

/** The measure of a quantity's unit and item (shared through `Interned.measure`). */
export function quantityMeasure(quantity: { unit?: string | undefined; item?: string | undefined }): Measure {
  const unit = quantity.unit ?? null;
  const item = quantity.item ?? null;
  return { key: `q|${unit ?? ''}|${item ?? ''}`, unit, item };
}

/**
 * Measures and clause references are shared between the records that name the same ones (there
 * are few distinct ones and up to 100,000 commitments): fewer objects to allocate and collect.
 * The interning key tells an absent unit or item from an empty one, so a shared measure is equal
 * to the one it replaces.
 */
export class Interned {
  private readonly measures = new Map<string | undefined, Map<string | undefined, number>>();
  private readonly clauses = new Map<string, Map<string, ClauseEntry>>();
  private readonly items = new Map<string, number>();
  /** Every measure and item type, by ordinal. */
  readonly measureList: Measure[] = objectList();
  readonly itemList: { readonly key: string; readonly label: string }[] = objectList();
  private readonly clausesByKey = new Map<string, ClauseReference>();
  /** Every clause entry, by its ordinal. */
  readonly clauseEntries: ClauseEntry[] = objectList();

  /** A quantity's item type: normalised (FRAGMENTATION's key) and as labelled, trimmed. */
  item(item: string): { readonly key: string; readonly label: string } {
    return this.itemList[this.itemIndex(item)] as { readonly key: string; readonly label: string };
  }

  /** `item`'s place in `itemList`. */
  itemIndex(item: string): number {
    let index = this.items.get(item);
    if (index === undefined) {
      index = this.itemList.length;
      this.itemList.push({ key: normaliseItem(item), label: item.trim() });
      this.items.set(item, index);
    }
    return index;
  }

  measure(quantity: { unit?: string | undefined; item?: string | undefined }): Measure {
    return this.measureList[this.measureIndex(quantity)] as Measure;
  }

  /** `measure`'s place in `measureList`. */
  measureIndex(quantity: { unit?: string | undefined; item?: string | undefined }): number {
    // Maps by unit, then item (undefined is a key of its own): no key string built per commitment.
    let byItem = this.measures.get(quantity.unit);
    if (!byItem) {
      byItem = new Map();
      this.measures.set(quantity.unit, byItem);
    }
    let index = byItem.get(quantity.item);
    if (index === undefined) {
      index = this.measureList.length;
      this.measureList.push(quantityMeasure(quantity));
      byItem.set(quantity.item, index);
    }
    return index;
  }

  /** The clause reference of a key made by `clause`. */
  clauseByKey(key: string): ClauseReference | undefined {
    return this.clausesByKey.get(key);
  }

  clause(agreementId: string, ref: string): ClauseEntry {
    let byRef = this.clauses.get(agreementId);
    if (!byRef) {
      byRef = new Map();
      this.clauses.set(agreementId, byRef);
    }
    return this.clauseIn(byRef, agreementId, ref);
  }

  /** `clause` with the agreement's own map of entries (an agreement of the input keeps it, saving a lookup per commitment). */
  clauseIn(byRef: Map<string, ClauseEntry>, agreementId: string, ref: string): ClauseEntry {
    let entry = byRef.get(ref);
    if (!entry) {
      entry = { clause: { agreementId, ref }, key: `${agreementId}\u0001${ref}`, ordinal: this.clauseEntries.length };
      this.clauseEntries.push(entry);
      byRef.set(ref, entry);
      this.clausesByKey.set(entry.key, entry.clause);
    }
    return entry;
  }
}

/** A clause's shared reference and its key in cells' counted maps (`agreementId\u0001ref`). */
export interface ClauseEntry {
  readonly clause: ClauseReference;
  readonly key: string;
  /** Its place in `Interned.clauseEntries`. */
  readonly ordinal: number;
}

/** An item type as FRAGMENTATION compares it: trimmed, spaces collapsed, lower case. */
export function normaliseItem(item: string): string {
  return item.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Texts numbered 0, 1, … in order of first appearance. */
export class Ordinals {
  readonly list: string[] = objectList();
  private readonly numbers = new Map<string, number>();

  of(text: string): number {
    let number = this.numbers.get(text);
    if (number === undefined) {
      number = this.list.length;
      this.numbers.set(text, number);
      this.list.push(text);
    }
    return number;
  }
}
