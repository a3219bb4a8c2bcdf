// Clause similarity at scale: word shingles hashed to 32 bits, MinHash signatures banded into an
// LSH index for candidate pairs, exact Jaccard to confirm, TF-IDF cosine to rank. Deterministic:
// the hash seeds are fixed, so the same input always gives the same pairs.

const STOPWORDS = new Set(
  (
    'the a an and or of to in for on by with at from as is are be will shall this that these those its their it ' +
    'le la les de des du et ou à au aux en pour par sur dans avec est sont sera ce cette ces son sa ses leur leurs un une ' +
    'та і й в у на з до що це'
  ).split(' '),
);

export function tokenize(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOPWORDS.has(word));
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Sorted distinct 32-bit hashes of the word k-shingles (the words themselves when shorter). */
export function shingles(text: string, size = 2): Uint32Array {
  return shinglesOfWords(tokenize(text), size);
}

function shinglesOfWords(words: readonly string[], size: number): Uint32Array {
  const set = new Set<number>();
  if (words.length < size) {
    if (words.length > 0) set.add(fnv1a(words.join(' ')));
  } else for (let i = 0; i + size <= words.length; i++) set.add(fnv1a(words.slice(i, i + size).join(' ')));
  return Uint32Array.from(set).sort();
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

const SEEDS = Array.from({ length: 256 }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2d)));

/** MinHash signatures of many shingle sets, `hashes` values each, in one flat array. */
export function minhashSignatures(sets: readonly Uint32Array[], hashes: number): Uint32Array {
  const signatures = new Uint32Array(sets.length * hashes).fill(0xffffffff);
  sets.forEach((set, index) => {
    const base = index * hashes;
    for (const value of set) {
      for (let h = 0; h < hashes; h++) {
        const v = fmix32(value ^ (SEEDS[h] ?? 0));
        if (v < (signatures[base + h] ?? 0)) signatures[base + h] = v;
      }
    }
  });
  return signatures;
}

/** Rows per band so that a pair at the threshold is a candidate with probability ≥ 0.99. */
export function lshShape(threshold: number, hashes: number): { bands: number; rows: number } {
  let rows = 1;
  for (let r = hashes; r >= 1; r--) {
    const bands = Math.floor(hashes / r);
    if (1 - (1 - threshold ** r) ** bands >= 0.99) {
      rows = r;
      break;
    }
  }
  return { bands: Math.floor(hashes / rows), rows };
}

/** Candidate pairs [i, j] (i < j) sharing at least one LSH bucket. */
export function lshCandidates(signatures: Uint32Array, count: number, hashes: number, threshold: number): Array<[number, number]> {
  const { bands, rows } = lshShape(threshold, hashes);
  const pairs: Array<[number, number]> = [];
  const seen = new Set<number>();
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      let key = 0x811c9dc5 ^ band;
      for (let r = 0; r < rows; r++) key = fmix32(key ^ (signatures[i * hashes + band * rows + r] ?? 0));
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const i = bucket[x] ?? 0;
          const j = bucket[y] ?? 0;
          const id = i * count + j;
          if (seen.has(id)) continue;
          seen.add(id);
          pairs.push([i, j]);
        }
      }
    }
  }
  return pairs;
}

/** TF-IDF vectors (sublinear term frequency, L2-normalised) over the given texts. */
export class TfIdf {
  private readonly df = new Map<string, number>();
  private readonly docs: number;

  constructor(texts: readonly string[], tokens?: readonly (readonly string[])[]) {
    this.docs = texts.length;
    texts.forEach((text, index) => {
      for (const word of new Set(tokens?.[index] ?? tokenize(text))) this.df.set(word, (this.df.get(word) ?? 0) + 1);
    });
  }

  vector(text: string, tokens?: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const word of tokens ?? tokenize(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [word, count] of counts) {
      const idf = Math.log((1 + this.docs) / (1 + (this.df.get(word) ?? 0))) + 1;
      const weight = (1 + Math.log(count)) * idf;
      vector.set(word, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [word, weight] of vector) vector.set(word, weight / norm);
    return vector;
  }
}

const EMPTY: Map<string, number> = new Map<string, number>();

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [word, weight] of small) sum += weight * (large.get(word) ?? 0);
  return Math.min(1, sum);
}

export interface ClauseRefText {
  ref: string;
  text: string;
  /** Which agreement the clause belongs to (for findNearDuplicates across agreements). */
  agreementId?: string;
}

export interface NearDuplicate {
  a: number;
  b: number;
  jaccard: number;
  cosine: number;
}

export interface NearDuplicateOptions {
  shingleSize?: number;
  hashes?: number;
  /** Skip pairs within the same agreement. Default false. */
  acrossAgreementsOnly?: boolean;
}

/**
 * All pairs whose word-shingle Jaccard similarity is at least `threshold` (indexes into
 * `clauses`, a < b), found through MinHash/LSH and confirmed exactly; sorted by similarity.
 */
export function findNearDuplicates(clauses: readonly ClauseRefText[], threshold = 0.5, options: NearDuplicateOptions = {}): NearDuplicate[] {
  const hashes = options.hashes ?? 64;
  const tokens = clauses.map((clause) => tokenize(clause.text));
  const sets = tokens.map((words) => shinglesOfWords(words, options.shingleSize ?? 2));
  const signatures = minhashSignatures(sets, hashes);
  const candidates = lshCandidates(signatures, clauses.length, hashes, threshold);
  const kept: Array<{ a: number; b: number; jaccard: number }> = [];
  for (const [a, b] of candidates) {
    if (options.acrossAgreementsOnly && clauses[a]?.agreementId === clauses[b]?.agreementId) continue;
    const similarity = jaccard(sets[a] ?? new Uint32Array(), sets[b] ?? new Uint32Array());
    if (similarity >= threshold) kept.push({ a, b, jaccard: similarity });
  }
  const involved = new Set<number>();
  for (const pair of kept) involved.add(pair.a).add(pair.b);
  const tfidf = new TfIdf(clauses.map((clause) => clause.text), tokens);
  const vectors = new Map<number, Map<string, number>>();
  for (const index of involved) vectors.set(index, tfidf.vector(clauses[index]?.text ?? '', tokens[index]));
  return kept
    .map((pair) => ({ ...pair, cosine: cosine(vectors.get(pair.a) ?? EMPTY, vectors.get(pair.b) ?? EMPTY) }))
    .sort((x, y) => y.jaccard - x.jaccard || x.a - y.a || x.b - y.b);
}

export interface AlignOptions {
  /** Smallest TF-IDF cosine for a pair to be aligned. Default 0.2. */
  minSimilarity?: number;
  /** Above this many a×b pairs, candidates come from MinHash/LSH instead of every pair. */
  exhaustiveLimit?: number;
}

export interface AlignedPair {
  aRef: string;
  bRef: string;
  similarity: number;
}

/** One-to-one alignment of two clause lists, greedy by descending TF-IDF cosine. */
export function alignClauses(a: readonly ClauseRefText[], b: readonly ClauseRefText[], options: AlignOptions = {}): AlignedPair[] {
  const min = options.minSimilarity ?? 0.2;
  const tfidf = new TfIdf([...a, ...b].map((clause) => clause.text));
  const va = a.map((clause) => tfidf.vector(clause.text));
  const vb = b.map((clause) => tfidf.vector(clause.text));
  const scored: Array<{ i: number; j: number; s: number }> = [];
  if (a.length * b.length <= (options.exhaustiveLimit ?? 250_000)) {
    for (let i = 0; i < a.length; i++) {
      for (let j = 0; j < b.length; j++) {
        const s = cosine(va[i] ?? EMPTY, vb[j] ?? EMPTY);
        if (s >= min) scored.push({ i, j, s });
      }
    }
  } else {
    const all = [...a, ...b];
    const sets = all.map((clause) => shingles(clause.text, 1));
    const signatures = minhashSignatures(sets, 64);
    for (const [x, y] of lshCandidates(signatures, all.length, 64, Math.max(0.1, min / 2))) {
      if (x >= a.length || y < a.length) continue;
      const j = y - a.length;
      const s = cosine(va[x] ?? EMPTY, vb[j] ?? EMPTY);
      if (s >= min) scored.push({ i: x, j, s });
    }
  }
  scored.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: AlignedPair[] = [];
  for (const { i, j, s } of scored) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.push({ aRef: a[i]?.ref ?? '', bRef: b[j]?.ref ?? '', similarity: Math.round(s * 1000) / 1000 });
  }
  const order = new Map(a.map((clause, index) => [clause.ref, index]));
  return pairs.sort((x, y) => (order.get(x.aRef) ?? 0) - (order.get(y.aRef) ?? 0));
}
