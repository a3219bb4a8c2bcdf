// One-shot: the clauses behind each cell's committed money, gathered area by area.
//
// The editable engine counts a cell's clauses in two maps keyed by `agreementId\u0001ref`, so that
// an edit can take a commitment's clauses out again. A one-shot run only adds, and applies the
// commitments area by area, so it notes each (cell, clause) as a number in one buffer while an
// area is applied, and when the area is done sorts the buffer and gives each of its cells the
// sorted, unique references rules ask for. A quarter of a million string-keyed map updates
// become array writes, and the cells keep two short arrays instead of two maps each, which
// would be tens of megabytes the collector copies.
import { objectList } from './object-list.js';
import type { ClauseReference } from './types.js';
import { compareCodeUnits } from './short-sort.js';

/** A clause as the engine numbers it: its shared reference and its key (`agreementId\u0001ref`). */
export interface NumberedClause {
  readonly clause: ClauseReference;
  readonly key: string;
}

/** What a cell holds of its clauses once its area is done (null: none). */
export interface MarkedCell {
  clauseRefs: readonly ClauseReference[] | null;
  endingClauseRefs: readonly ClauseReference[] | null;
  /** Its place among the cells marked since the last flush; -1 when not marked. */
  markPlace: number;
}

export class ClauseMarks {
  /** (cell's place in `cells`, clause's rank, ends) packed into one number each, in order of marking. */
  private marks = new Float64Array(1024);
  private count = 0;
  private readonly cells: MarkedCell[] = objectList();
  /** Clause number → its place among all clauses ordered by key, and back. */
  private rank = new Int32Array(0);
  private byRank = new Int32Array(0);

  /** `clauses` grows as clauses are numbered; the order by key is redone when it has grown. */
  constructor(private readonly clauses: readonly NumberedClause[]) {}

  /** Notes that committed money of the cell comes from the numbered clause; `ends`: from a commitment whose period ends in the cell's year. */
  add(cell: MarkedCell, clauseNumber: number, ends: boolean): void {
    if (this.rank.length !== this.clauses.length) {
      // The marks hold ranks in the current order: it may only change between areas.
      if (this.count > 0) throw new Error('a clause was numbered while an area was being applied');
      this.order();
    }
    let place = cell.markPlace;
    if (place < 0) {
      place = this.cells.length;
      this.cells.push(cell);
      cell.markPlace = place;
    }
    if (this.count === this.marks.length) {
      const grown = new Float64Array(this.marks.length * 2);
      grown.set(this.marks);
      this.marks = grown;
    }
    this.marks[this.count++] = (place * this.clauses.length + (this.rank[clauseNumber] as number)) * 2 + (ends ? 1 : 0);
  }

  /** Gives each cell marked since the last flush its clauses' references, sorted by key and unique, and starts afresh. */
  flush(): void {
    if (this.count === 0) return;
    const marks = this.marks.subarray(0, this.count).sort();
    const width = this.clauses.length;
    let i = 0;
    while (i < marks.length) {
      const place = Math.floor((marks[i] as number) / 2 / width);
      let end = i;
      while (end < marks.length && Math.floor((marks[end] as number) / 2 / width) === place) end++;
      const cell = this.cells[place] as MarkedCell;
      cell.clauseRefs = this.references(marks, i, end, place * width, false);
      cell.endingClauseRefs = this.references(marks, i, end, place * width, true);
      i = end;
    }
    for (const cell of this.cells) cell.markPlace = -1;
    this.count = 0;
    this.cells.length = 0;
  }

  /**
   * The references of one cell's sorted marks (`from` … `to`), each clause once: all, or those
   * with `ends`; null when none. Counted first, so that the array kept is of its exact size.
   */
  private references(marks: Float64Array, from: number, to: number, base: number, ending: boolean): ClauseReference[] | null {
    let count = 0;
    // The marks of one (cell, clause), without and with `ends`, are adjacent: a clause is counted at its last mark.
    for (let i = from; i < to; i++) if (this.isLast(marks, i, to) && (!ending || this.endsAt(marks, i))) count++;
    if (count === 0) return null;
    const out = new Array<ClauseReference>(count);
    let next = 0;
    for (let i = from; i < to; i++) {
      if (!this.isLast(marks, i, to) || (ending && !this.endsAt(marks, i))) continue;
      const rank = Math.floor((marks[i] as number) / 2) - base;
      out[next++] = (this.clauses[this.byRank[rank] as number] as NumberedClause).clause;
    }
    return out;
  }

  /** Whether mark `i` is the last of its (cell, clause) before `to`. */
  private isLast(marks: Float64Array, i: number, to: number): boolean {
    return i + 1 === to || Math.floor((marks[i + 1] as number) / 2) !== Math.floor((marks[i] as number) / 2);
  }

  /** Whether the clause of the last mark `i` of a (cell, clause) has a mark with `ends`: marks with it sort after those without. */
  private endsAt(marks: Float64Array, i: number): boolean {
    return (marks[i] as number) % 2 === 1;
  }

  private order(): void {
    const count = this.clauses.length;
    const numbers = Array.from({ length: count }, (_, i) => i);
    numbers.sort((a, b) => compareCodeUnits((this.clauses[a] as NumberedClause).key, (this.clauses[b] as NumberedClause).key));
    this.rank = new Int32Array(count);
    this.byRank = Int32Array.from(numbers);
    for (let place = 0; place < count; place++) this.rank[numbers[place] as number] = place;
  }
}
