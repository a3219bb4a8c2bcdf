import { describe, expect, it } from 'vitest';
import { ClauseMarks, type MarkedCell, type NumberedClause } from './clause-marks.js';

function numbered(agreementId: string, ref: string): NumberedClause {
  return { clause: { agreementId, ref }, key: `${agreementId}\u0001${ref}` };
}

function cell(): MarkedCell {
  return { clauseRefs: null, endingClauseRefs: null, markPlace: -1 };
}

describe('ClauseMarks', () => {
  // Numbered in order of first use, not of their keys; 'a-1' < 'a-10' < 'a-2' by code units.
  const clauses = [numbered('b', 'I.1'), numbered('a', '2'), numbered('a', '10'), numbered('a-1', '1')];

  it('gives each marked cell its clauses sorted by key and unique, the shared references, and those ending apart', () => {
    const marks = new ClauseMarks(clauses);
    const first = cell();
    const second = cell();
    marks.add(first, 0, false);
    marks.add(second, 1, true);
    marks.add(first, 1, false);
    marks.add(first, 0, true);
    marks.add(first, 2, false);
    marks.add(first, 0, false);
    marks.flush();
    expect(first.clauseRefs).toEqual([
      { agreementId: 'a', ref: '10' },
      { agreementId: 'a', ref: '2' },
      { agreementId: 'b', ref: 'I.1' },
    ]);
    expect(first.clauseRefs?.[2]).toBe(clauses[0]?.clause);
    expect(first.endingClauseRefs).toEqual([{ agreementId: 'b', ref: 'I.1' }]);
    expect(second.clauseRefs).toEqual([{ agreementId: 'a', ref: '2' }]);
    expect(second.endingClauseRefs).toEqual([{ agreementId: 'a', ref: '2' }]);
    expect(first.markPlace).toBe(-1);
  });

  it('orders agreement ids by code units, as the editable engine sorts its keys', () => {
    const marks = new ClauseMarks(clauses);
    const only = cell();
    marks.add(only, 3, false);
    marks.add(only, 0, false);
    marks.add(only, 1, false);
    marks.flush();
    // 'a\u0001…' < 'a-1\u0001…' < 'b\u0001…'
    expect(only.clauseRefs?.map((clause) => clause.agreementId)).toEqual(['a', 'a-1', 'b']);
  });

  it('starts afresh after a flush, leaves cells it never marked alone, and takes clauses numbered between areas', () => {
    const growing = [...clauses];
    const marks = new ClauseMarks(growing);
    const before = cell();
    const untouched = cell();
    marks.add(before, 0, false);
    marks.flush();
    growing.push(numbered('0', 'x'));
    const after = cell();
    marks.add(after, 4, true);
    marks.add(after, 0, false);
    marks.flush();
    expect(before.clauseRefs).toEqual([{ agreementId: 'b', ref: 'I.1' }]);
    expect(after.clauseRefs).toEqual([
      { agreementId: '0', ref: 'x' },
      { agreementId: 'b', ref: 'I.1' },
    ]);
    expect(after.endingClauseRefs).toEqual([{ agreementId: '0', ref: 'x' }]);
    expect(untouched.clauseRefs).toBeNull();
    marks.flush();
    expect(after.clauseRefs).toHaveLength(2);
  });

  it('refuses a clause numbered while an area is being applied (its marks hold the old order)', () => {
    const growing = [...clauses];
    const marks = new ClauseMarks(growing);
    marks.add(cell(), 0, false);
    growing.push(numbered('0', 'x'));
    expect(() => marks.add(cell(), 4, false)).toThrow(/while an area was being applied/);
  });

  it('holds more marks than its first buffer', () => {
    const marks = new ClauseMarks(clauses);
    const cells = Array.from({ length: 600 }, cell);
    for (const each of cells) for (let n = 0; n < clauses.length; n++) marks.add(each, n, n === 3);
    marks.flush();
    for (const each of cells) {
      expect(each.clauseRefs).toHaveLength(4);
      expect(each.endingClauseRefs).toEqual([{ agreementId: 'a-1', ref: '1' }]);
    }
  });
});
