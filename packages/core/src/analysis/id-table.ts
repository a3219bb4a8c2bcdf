// A table of records by id for a one-shot analysis's 100,000 commitments.
//
// A `Map` keyed by the id strings is memory-bound at that size: every insert reads the key's hash
// from the string and compares it with the strings already in the bucket, and every growth of the
// table reads all keys again — a trip to memory each, the strings being spread over the heap. Here
// each id is hashed once, while it is in the cache anyway (it is read with its record), and the
// table is open addressing over two typed arrays (the hash and the record's place in each slot):
// a lookup reads a slot or two of plain integers, and reads a stored record only when the hashes
// match, which for a different id is rare. The arrays are outside the collected heap, so the
// collector neither copies nor traces them. Same answers as a `Map`; values come in insertion order.

/** FNV-1a of the id's UTF-16 code units, in 30 bits (a small integer in V8, hashed without touching memory). */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

const EMPTY = 0;
const DELETED = -1;

export class IdTable<T extends { readonly id: string }> {
  /** Per slot: EMPTY, DELETED, or the record's place in `records` + 1. */
  private places: Int32Array;
  /** Per slot: the id's hash (read before the record, to skip other ids without touching them). */
  private hashes: Int32Array;
  private mask: number;
  /** Slots not EMPTY (records and DELETED marks): the table grows when they fill half of it. */
  private filled = 0;
  /** The records in insertion order; a deleted one leaves `undefined`. */
  private records: (T | undefined)[] = [];
  private count = 0;

  /** `expected`: how many records will be set, so that the table is made large enough at once. */
  constructor(expected = 8) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.places = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The slot holding the id, or -1. */
  private find(id: string, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const place = this.places[slot] as number;
      if (place === EMPTY) return -1;
      if (place !== DELETED && this.hashes[slot] === hash && (this.records[place - 1] as T).id === id) return slot;
    }
  }

  get(id: string): T | undefined {
    const slot = this.find(id, idHash(id));
    return slot < 0 ? undefined : this.records[(this.places[slot] as number) - 1];
  }

  has(id: string): boolean {
    return this.find(id, idHash(id)) >= 0;
  }

  /** Adds the record, or replaces the one with its id (as `Map.set`). */
  set(id: string, value: T): this {
    const hash = idHash(id);
    const found = this.find(id, hash);
    if (found >= 0) {
      this.records[(this.places[found] as number) - 1] = value;
      return this;
    }
    if ((this.filled + 1) * 2 > this.places.length) this.grow();
    let slot = hash & this.mask;
    while ((this.places[slot] as number) > 0) slot = (slot + 1) & this.mask;
    if (this.places[slot] === EMPTY) this.filled++;
    this.records.push(value);
    this.places[slot] = this.records.length;
    this.hashes[slot] = hash;
    this.count++;
    return this;
  }

  delete(id: string): boolean {
    const slot = this.find(id, idHash(id));
    if (slot < 0) return false;
    this.records[(this.places[slot] as number) - 1] = undefined;
    this.places[slot] = DELETED;
    this.count--;
    return true;
  }

  *values(): IterableIterator<T> {
    for (const record of this.records) if (record !== undefined) yield record;
  }

  /** Doubles the table (or rebuilds it at its size when deleted marks fill it) and puts every record back. */
  private grow(): void {
    const capacity = this.count * 4 > this.places.length ? this.places.length * 2 : this.places.length;
    const records = this.records;
    this.places = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.records = [];
    this.filled = 0;
    for (const record of records) {
      if (record === undefined) continue;
      const hash = idHash(record.id);
      let slot = hash & this.mask;
      while (this.places[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.records.push(record);
      this.places[slot] = this.records.length;
      this.hashes[slot] = hash;
      this.filled++;
    }
  }
}
