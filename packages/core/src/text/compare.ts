// Two agreements side by side, and which G7 categories each agreement's clauses cover.
import { G7_CATEGORIES, TOPIC_TO_G7, classifyClause, type G7Category, type Topic } from './classify.js';
import { extractFromClause, valueKey, type Extraction, type ExtractionKind } from './extract.js';
import { alignClauses, type AlignOptions } from './similarity.js';

export interface AgreementClauses {
  id: string;
  clauses: ReadonlyArray<{ ref: string; text: string; topics?: readonly string[] }>;
}

export interface FigureDifference {
  kind: ExtractionKind;
  /** The figures of this kind in each clause; spans are offsets into that clause's text. */
  a: Extraction[];
  b: Extraction[];
}

export interface ComparedPair {
  aRef: string;
  bRef: string;
  similarity: number;
  differences: FigureDifference[];
}

export interface AgreementComparison {
  a: string;
  b: string;
  pairs: ComparedPair[];
  onlyInA: string[];
  onlyInB: string[];
}

function differences(aText: string, bText: string): FigureDifference[] {
  const ea = extractFromClause(aText);
  const eb = extractFromClause(bText);
  const kinds = new Set<ExtractionKind>([...ea, ...eb].map((e) => e.kind));
  const out: FigureDifference[] = [];
  for (const kind of kinds) {
    const fa = ea.filter((e) => e.kind === kind);
    const fb = eb.filter((e) => e.kind === kind);
    const ka = fa.map(valueKey).sort().join('|');
    const kb = fb.map(valueKey).sort().join('|');
    if (ka !== kb) out.push({ kind, a: fa, b: fb });
  }
  return out;
}

/** Aligned clauses with the figures that differ, and the clauses each side has alone. */
export function compareAgreements(a: AgreementClauses, b: AgreementClauses, options: AlignOptions = {}): AgreementComparison {
  const pairs = alignClauses(a.clauses, b.clauses, options);
  const textA = new Map(a.clauses.map((clause) => [clause.ref, clause.text]));
  const textB = new Map(b.clauses.map((clause) => [clause.ref, clause.text]));
  const matchedA = new Set(pairs.map((pair) => pair.aRef));
  const matchedB = new Set(pairs.map((pair) => pair.bRef));
  return {
    a: a.id,
    b: b.id,
    pairs: pairs.map((pair) => ({ ...pair, differences: differences(textA.get(pair.aRef) ?? '', textB.get(pair.bRef) ?? '') })),
    onlyInA: a.clauses.filter((clause) => !matchedA.has(clause.ref)).map((clause) => clause.ref),
    onlyInB: b.clauses.filter((clause) => !matchedB.has(clause.ref)).map((clause) => clause.ref),
  };
}

export interface CategoryRow {
  id: string;
  /** Clause refs per G7 category; an empty list is a gap. */
  cover: Record<G7Category, string[]>;
  missing: G7Category[];
}

/** Per agreement, the clauses covering each G7 Joint Declaration category (a1–a5, b, c). */
export function categoryMatrix(agreements: readonly AgreementClauses[]): { categories: readonly G7Category[]; rows: CategoryRow[] } {
  const rows = agreements.map((agreement) => {
    const cover = Object.fromEntries(G7_CATEGORIES.map((category) => [category, [] as string[]])) as Record<G7Category, string[]>;
    for (const clause of agreement.clauses) {
      const topics = (clause.topics && clause.topics.length > 0 ? clause.topics : classifyClause(clause.text)) as readonly Topic[];
      for (const topic of topics) {
        const category = TOPIC_TO_G7[topic];
        if (category && !cover[category].includes(clause.ref)) cover[category].push(clause.ref);
      }
    }
    return { id: agreement.id, cover, missing: G7_CATEGORIES.filter((category) => cover[category].length === 0) };
  });
  return { categories: G7_CATEGORIES, rows };
}
