// One-shot: the clauses behind each cell's committed money, gathered area by area.
//
// The editable engine counts a cell's clauses in two maps keyed by `agreementId\u0001ref`, so that
// an edit can take a commitment's clauses out again. A one-shot run only adds, and applies the
// commitments area by area, so it notes each (cell, clause) as a number in one buffer while an
// area is applied, and when the area is done sorts the buffer and gives each of its cells the
// sorted, unique references rules ask for. A quarter of a million string-keyed map updates
// become array writes, and the cells keep two short arrays instead of two maps each, which
// would be tens of megabytes the collector copies.
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
  private readonly cells: MarkedCell[] = [];
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
      const refs: ClauseReference[] = [];
      let ending: ClauseReference[] | null = null;
      while (i < marks.length && Math.floor((marks[i] as number) / 2 / width) === place) {
        const key = Math.floor((marks[i] as number) / 2);
        let ends = false;
        // The marks of one (cell, clause), without and with `ends`, are adjacent.
        for (; i < marks.length && Math.floor((marks[i] as number) / 2) === key; i++) if ((marks[i] as number) % 2 === 1) ends = true;
        const clause = (this.clauses[this.byRank[key - place * width] as number] as NumberedClause).clause;
        refs.push(clause);
        if (ends) (ending ??= []).push(clause);
      }
      const cell = this.cells[place] as MarkedCell;
      cell.clauseRefs = refs;
      cell.endingClauseRefs = ending;
    }
    for (const cell of this.cells) cell.markPlace = -1;
    this.count = 0;
    this.cells.length = 0;
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
