import { describe, expect, it } from 'vitest';
import { categoryMatrix, compareAgreements } from './compare.js';
import { proposeCommitments, proposeTerms } from './propose.js';
import { segmentClauses } from './segment.js';
import { alignClauses, findNearDuplicates } from './similarity.js';
import { loadCorpus } from './test-corpus.js';

const corpus = loadCorpus();
const byName = (name: string) => segmentClauses(corpus.find((doc) => doc.name.startsWith(name))?.text ?? '').clauses;

describe('comparison', () => {
  it('aligns paraphrased clauses and reports differing figures', () => {
    const a = [
      { ref: '1', text: 'Northland will provide £2.5 billion in military assistance in 2024.' },
      { ref: '2', text: 'In the event of a future armed attack, the Participants will consult within 24 hours.' },
    ];
    const b = [
      { ref: 'Art. 5', text: 'In the event of a future armed attack, the Parties shall consult within 48 hours.' },
      { ref: 'Art. 2', text: 'Meridia will provide €1.8 billion in military assistance in 2024.' },
      { ref: 'Art. 9', text: 'This Agreement enters into force on signature.' },
    ];
    const result = compareAgreements({ id: 'A', clauses: a }, { id: 'B', clauses: b });
    expect(result.pairs.map((p) => [p.aRef, p.bRef])).toEqual([
      ['1', 'Art. 2'],
      ['2', 'Art. 5'],
    ]);
    expect(result.pairs[1]?.differences.map((d) => d.kind)).toEqual(['consultation-deadline']);
    expect(result.pairs[0]?.differences.map((d) => d.kind)).toEqual(['money']);
    expect(result.onlyInB).toEqual(['Art. 9']);
  });

  it('alignment through LSH agrees with the exhaustive one on the corpus', () => {
    const a = byName('northland-sections.pdf');
    const b = byName('meridia');
    const exhaustive = alignClauses(a, b);
    const lsh = alignClauses(a, b, { exhaustiveLimit: 0 });
    const found = new Set(lsh.map((p) => `${p.aRef}|${p.bRef}`));
    const top = exhaustive.filter((p) => p.similarity >= 0.4);
    expect(top.length).toBeGreaterThan(0);
    for (const pair of top) expect(found.has(`${pair.aRef}|${pair.bRef}`)).toBe(true);
  });

  it('finds near-duplicates with exact Jaccard, the same as brute force', () => {
    const clauses = corpus.flatMap((doc) => segmentClauses(doc.text).clauses.map((c) => ({ ref: c.ref, text: c.text, agreementId: doc.name })));
    const found = findNearDuplicates(clauses, 0.6);
    // The broken copy of Northland duplicates every clause of the clean one.
    const cross = found.filter((p) => clauses[p.a]?.agreementId !== clauses[p.b]?.agreementId && clauses[p.a]?.ref === clauses[p.b]?.ref);
    expect(cross.length).toBeGreaterThanOrEqual(15);
    expect(found.every((p) => p.jaccard >= 0.6 && p.a < p.b)).toBe(true);
  });

  it('category matrix shows a missing category', () => {
    const matrix = categoryMatrix([
      { id: 'northland', clauses: byName('northland-sections.pdf') },
      { id: 'declaration', clauses: byName('declaration') },
    ]);
    expect(matrix.rows[0]?.missing).toEqual([]);
    expect(matrix.rows[1]?.cover.a4).toEqual(['P3']);
    expect(matrix.rows[1]?.missing).toEqual(expect.arrayContaining(['a2', 'a5']));
  });
});

describe('proposals', () => {
  it('drafts commitments with category, capability, firmness and evidence', () => {
    const proposals = proposeCommitments(byName('northland-sections.pdf'), { agreementId: 'gb-ua-2024', provider: 'GB', beneficiary: 'UA' });
    const first = proposals.find((p) => p.clauseRef === 'II.3');
    expect(first).toMatchObject({
      id: 'gb-ua-2024:II.3:1',
      category: 'equipment',
      capabilityArea: 'air-defence',
      money: { amount: '2500000000', currency: 'GBP' },
      period: { from: '2024-01-01', to: '2024-12-31' },
      firmness: 'pledged',
    });
    expect(first?.evidence[0]?.text).toBe('£2.5 billion');
    const aircraft = proposals.filter((p) => p.clauseRef === 'II.6');
    expect(aircraft.map((p) => p.quantity?.item)).toEqual(['F-16 aircraft', 'ASC 890 aircraft']);
    expect(aircraft[0]?.capabilityArea).toBe('air-force');
    const conditional = proposeCommitments(byName('valmont'), { agreementId: 'fr', provider: 'FR', beneficiary: 'UA' }).find((p) => p.clauseRef === 'Art. 5');
    expect(conditional).toMatchObject({ firmness: 'conditional', conditions: [{ type: 'parliamentary-approval' }], category: 'economic' });
  });

  it('drafts agreement terms', () => {
    const terms = proposeTerms(byName('northland-sections.pdf'));
    expect(terms.durationYears?.value).toBe(10);
    expect(terms.consultation).toMatchObject({ clauseRef: 'VII.12', value: { withinHours: 24, trigger: 'armed-attack' } });
    expect(terms.termination).toMatchObject({ clauseRef: 'VIII.14', value: { noticeMonths: 6, byEitherParty: true } });
    expect(terms.onNatoAccession).toMatchObject({ clauseRef: 'VIII.15', value: 'review' });
  });
});
