// A table of records by id for a one-shot analysis's 100,000 commitments.
//
// A `Map` keyed by the id strings is memory-bound at that size: every insert reads the key's hash
// from the string and compares it with the strings already in the bucket, and every growth of the
// table reads all keys again — a trip to memory each, the strings being spread over the heap. Here
// the `Map` is keyed by a hash of the id computed once, while the id is in the cache anyway (it is
// read with its record), as a small integer: the table then never reads a stored string except to
// tell ids with the same hash apart, which is rare. Same answers as a `Map`; it keeps no order.

/** FNV-1a of the id's UTF-16 code units, in 30 bits (a small integer in V8, hashed without touching memory). */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

export class IdTable<T extends { readonly id: string }> {
  /** One record, or several whose ids share the hash. */
  private readonly byHash = new Map<number, T | T[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(id: string): T | undefined {
    const found = this.byHash.get(idHash(id));
    if (found === undefined) return undefined;
    if (!Array.isArray(found)) return found.id === id ? found : undefined;
    for (let i = 0; i < found.length; i++) if ((found[i] as T).id === id) return found[i];
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Adds the record, or replaces the one with its id (as `Map.set`). */
  set(id: string, value: T): this {
    const hash = idHash(id);
    const found = this.byHash.get(hash);
    if (found === undefined) {
      this.byHash.set(hash, value);
      this.count++;
    } else if (!Array.isArray(found)) {
      if (found.id === id) {
        this.byHash.set(hash, value);
      } else {
        this.byHash.set(hash, [found, value]);
        this.count++;
      }
    } else {
      const at = found.findIndex((other) => other.id === id);
      if (at >= 0) {
        found[at] = value;
      } else {
        found.push(value);
        this.count++;
      }
    }
    return this;
  }

  delete(id: string): boolean {
    const hash = idHash(id);
    const found = this.byHash.get(hash);
    if (found === undefined) return false;
    if (!Array.isArray(found)) {
      if (found.id !== id) return false;
      this.byHash.delete(hash);
    } else {
      const at = found.findIndex((other) => other.id === id);
      if (at < 0) return false;
      found.splice(at, 1);
      if (found.length === 1) this.byHash.set(hash, found[0] as T);
    }
    this.count--;
    return true;
  }

  *values(): IterableIterator<T> {
    for (const found of this.byHash.values()) {
      if (Array.isArray(found)) yield* found;
      else yield found;
    }
  }
}
