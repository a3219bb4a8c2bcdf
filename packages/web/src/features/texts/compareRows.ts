import type { CategoryMatrix, Comparison, TextClause } from '../../api/types.js';
import type { SpanLike } from './highlight.js';

export interface ComparedRow {
  aRef: string;
  bRef: string;
  aText: string;
  bText: string;
  similarity: number;
  /** Spans of the figures that differ, in each clause's text. */
  aSpans: SpanLike[];
  bSpans: SpanLike[];
  /** The kinds of figure that differ (money, period, …). */
  kinds: string[];
}

export interface ComparisonView {
  rows: ComparedRow[];
  onlyInA: TextClause[];
  onlyInB: TextClause[];
}

function lookup(clauses: readonly TextClause[]) {
  const byRef = new Map(clauses.map((clause) => [clause.ref, clause]));
  return (ref: string) => byRef.get(ref);
}

/** Aligned rows in A's clause order, with the differing figures' spans; unmatched clauses per side. */
export function comparisonView(comparison: Comparison): ComparisonView {
  const clauseA = lookup(comparison.a.clauses);
  const clauseB = lookup(comparison.b.clauses);
  const orderA = new Map(comparison.a.clauses.map((clause, index) => [clause.ref, index]));
  const rows = comparison.pairs
    .map((pair) => ({
      aRef: pair.aRef,
      bRef: pair.bRef,
      aText: clauseA(pair.aRef)?.text ?? '',
      bText: clauseB(pair.bRef)?.text ?? '',
      similarity: pair.similarity,
      aSpans: pair.differences.flatMap((difference) => difference.a.map((figure) => figure.span)),
      bSpans: pair.differences.flatMap((difference) => difference.b.map((figure) => figure.span)),
      kinds: pair.differences.map((difference) => difference.kind),
    }))
    .sort((x, y) => (orderA.get(x.aRef) ?? Infinity) - (orderA.get(y.aRef) ?? Infinity));
  const only = (
    refs: readonly string[],
    find: (ref: string) => TextClause | undefined,
    agreementId: string,
  ) => refs.map((ref) => find(ref) ?? { agreementId, ref, text: '', topics: [] });
  return {
    rows,
    onlyInA: only(comparison.onlyInA, clauseA, comparison.a.id),
    onlyInB: only(comparison.onlyInB, clauseB, comparison.b.id),
  };
}

/** A similarity of 0–1 as a whole percentage. */
export function similarityPercent(similarity: number): number {
  return Math.round(Math.max(0, Math.min(1, similarity)) * 100);
}

export interface MatrixCell {
  category: string;
  refs: string[];
  covered: boolean;
}

export interface MatrixRow {
  id: string;
  cells: MatrixCell[];
  gaps: number;
}

/**
 * The G7 category matrix as table rows, in the server's category order, rows in the order the
 * `sortKey` gives (by agreement name, say). A category missing from a row's `cover` is a gap.
 */
export function matrixRows(
  matrix: CategoryMatrix,
  sortKey: (id: string) => string = (id) => id,
): MatrixRow[] {
  return matrix.rows
    .map((row) => {
      const cells = matrix.categories.map((category) => {
        const refs = row.cover[category] ?? [];
        return { category, refs, covered: refs.length > 0 };
      });
      return { id: row.id, cells, gaps: cells.filter((cell) => !cell.covered).length };
    })
    .sort((x, y) => sortKey(x.id).localeCompare(sortKey(y.id)) || x.id.localeCompare(y.id));
}

/** How many agreements leave each category uncovered. */
export function gapsByCategory(rows: readonly MatrixRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows)
    for (const cell of row.cells) out[cell.category] = (out[cell.category] ?? 0) + (cell.covered ? 0 : 1);
  return out;
}
