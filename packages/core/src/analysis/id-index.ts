// Positions of a one-shot analysis's 100,000 commitments by id, without a hash table.
//
// A `Map` keyed by the id strings is memory-bound at that size: every insert reads the key's hash
// from the string and compares it with the strings already in the bucket, and every growth of the
// table reads all keys again — a trip to memory each, the strings being spread over the heap.
// Here each id is hashed once while its record is in the cache (`idHash`, into a typed array), and
// the hashes, each packed with its position into one double, are sorted once: a native sort of
// plain numbers, which reads no string. Looking an id up is a binary search; ids are compared only
// among positions with the same hash, which is rare. Most ids are never looked up: only the
// targets of `countsAs`, the commitments of deliveries and what rules ask for.

/** FNV-1a of the id's UTF-16 code units, in 30 bits (a small integer in V8, hashed without touching memory). */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/** Bits of a position beside a 30-bit hash in a double's 53 exact bits. */
const MAX_POSITION_BITS = 23;

export class IdIndex {
  /** hash × 2^bits + position, sorted; null past 2^23 positions, where `byId` is used instead. */
  private readonly keys: Float64Array | null;
  private readonly scale: number;
  private readonly byId: Map<string, number> | null;

  /**
   * `hashes[i]` is `idHash(idAt(i))` for the first `size` positions. Throws a RangeError naming the
   * first id (in order of position) that repeats an earlier one.
   */
  constructor(
    hashes: Int32Array,
    readonly size: number,
    private readonly idAt: (position: number) => string,
  ) {
    let bits = 1;
    while (2 ** bits < size) bits++;
    if (bits > MAX_POSITION_BITS) {
      this.keys = null;
      this.scale = 0;
      this.byId = new Map();
      for (let i = 0; i < size; i++) {
        const id = idAt(i);
        if (this.byId.has(id)) throw new RangeError(`duplicate commitment id "${id}"`);
        this.byId.set(id, i);
      }
      return;
    }
    this.scale = 2 ** bits;
    this.byId = null;
    const keys = new Float64Array(size);
    for (let i = 0; i < size; i++) keys[i] = (hashes[i] as number) * this.scale + i;
    keys.sort();
    this.keys = keys;
    const repeated = this.firstRepeated();
    if (repeated >= 0) throw new RangeError(`duplicate commitment id "${idAt(repeated)}"`);
  }

  /** The position of the id, or -1. */
  indexOf(id: string): number {
    if (this.byId) return this.byId.get(id) ?? -1;
    const keys = this.keys as Float64Array;
    const hash = idHash(id);
    const lowest = hash * this.scale;
    let from = 0;
    let to = keys.length;
    while (from < to) {
      const middle = (from + to) >>> 1;
      if ((keys[middle] as number) < lowest) from = middle + 1;
      else to = middle;
    }
    const highest = lowest + this.scale;
    for (let k = from; k < keys.length && (keys[k] as number) < highest; k++) {
      const position = (keys[k] as number) - lowest;
      if (this.idAt(position) === id) return position;
    }
    return -1;
  }

  /** The smallest position whose id an earlier position has, or -1 (what a `Map` filled in order would find first). */
  private firstRepeated(): number {
    const keys = this.keys as Float64Array;
    const scale = this.scale;
    let found = -1;
    for (let k = 1; k < keys.length; k++) {
      const hash = Math.floor((keys[k] as number) / scale);
      if (Math.floor((keys[k - 1] as number) / scale) !== hash) continue;
      // Positions with this hash from `start` on, in increasing order: compare each with the earlier ones.
      let start = k - 1;
      while (start > 0 && Math.floor((keys[start - 1] as number) / scale) === hash) start--;
      const later = (keys[k] as number) - hash * scale;
      const id = this.idAt(later);
      for (let j = start; j < k; j++) {
        if (this.idAt((keys[j] as number) - hash * scale) === id) {
          if (found < 0 || later < found) found = later;
          break;
        }
      }
    }
    return found;
  }
}
