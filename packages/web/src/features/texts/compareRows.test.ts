import { describe, expect, it } from 'vitest';
import type { CategoryMatrix, Comparison } from '../../api/types.js';
import { comparisonView, gapsByCategory, matrixRows, similarityPercent } from './compareRows.js';

const comparison: Comparison = {
  a: {
    id: 'a',
    title: 'A',
    clauses: [
      {
        agreementId: 'a',
        ref: 'I.1',
        text: 'The Participants will consult within 24 hours.',
        topics: ['consultation'],
      },
      {
        agreementId: 'a',
        ref: 'I.2',
        text: 'The Participant will provide EUR 100 million in 2026.',
        topics: ['equipment'],
      },
      { agreementId: 'a', ref: 'I.3', text: 'Cyber cooperation.', topics: ['cyber-hybrid'] },
    ],
  },
  b: {
    id: 'b',
    title: 'B',
    clauses: [
      {
        agreementId: 'b',
        ref: '1',
        text: 'The Participant will provide EUR 200 million in 2026.',
        topics: [],
      },
      { agreementId: 'b', ref: '2', text: 'The Participants will consult within 24 hours.', topics: [] },
      { agreementId: 'b', ref: '3', text: 'Sanctions.', topics: [] },
    ],
  },
  pairs: [
    {
      aRef: 'I.2',
      bRef: '1',
      similarity: 0.8123,
      differences: [
        {
          kind: 'money',
          a: [{ kind: 'money', span: { start: 29, end: 44 }, text: 'EUR 100 million', value: {} }],
          b: [{ kind: 'money', span: { start: 29, end: 44 }, text: 'EUR 200 million', value: {} }],
        },
      ],
    },
    { aRef: 'I.1', bRef: '2', similarity: 1, differences: [] },
  ],
  onlyInA: ['I.3'],
  onlyInB: ['3', 'gone'],
};

describe('comparisonView', () => {
  it('orders the aligned rows as A reads and carries the differing spans', () => {
    const view = comparisonView(comparison);
    expect(view.rows.map((row) => [row.aRef, row.bRef])).toEqual([
      ['I.1', '2'],
      ['I.2', '1'],
    ]);
    const money = view.rows[1]!;
    expect(money.aSpans).toEqual([{ start: 29, end: 44 }]);
    expect(money.bText.slice(money.bSpans[0]!.start, money.bSpans[0]!.end)).toBe('EUR 200 million');
    expect(money.kinds).toEqual(['money']);
    expect(view.rows[0]!.aSpans).toEqual([]);
  });

  it('lists the unmatched clauses of each side, even when a ref has no text', () => {
    const view = comparisonView(comparison);
    expect(view.onlyInA.map((clause) => clause.text)).toEqual(['Cyber cooperation.']);
    expect(view.onlyInB.map((clause) => [clause.ref, clause.text])).toEqual([
      ['3', 'Sanctions.'],
      ['gone', ''],
    ]);
  });
});

describe('similarityPercent', () => {
  it('rounds and clamps', () => {
    expect(similarityPercent(0.8123)).toBe(81);
    expect(similarityPercent(1.2)).toBe(100);
    expect(similarityPercent(-1)).toBe(0);
  });
});

describe('matrixRows', () => {
  const matrix: CategoryMatrix = {
    categories: ['a1', 'a4', 'c'],
    rows: [
      { id: 'zz', cover: { a1: ['I.2'], a4: [], c: ['3', '4'] }, missing: ['a4'] },
      { id: 'aa', cover: { a1: [] }, missing: ['a1', 'a4', 'c'] },
    ],
  };

  it('gives one cell per category, marks gaps (also categories left out) and sorts', () => {
    const rows = matrixRows(matrix, (id) => (id === 'zz' ? 'Albion' : 'Zembla'));
    expect(rows.map((row) => row.id)).toEqual(['zz', 'aa']);
    expect(rows[0]!.cells).toEqual([
      { category: 'a1', refs: ['I.2'], covered: true },
      { category: 'a4', refs: [], covered: false },
      { category: 'c', refs: ['3', '4'], covered: true },
    ]);
    expect(rows[0]!.gaps).toBe(1);
    expect(rows[1]!.gaps).toBe(3);
    expect(gapsByCategory(rows)).toEqual({ a1: 1, a4: 2, c: 1 });
  });
});
