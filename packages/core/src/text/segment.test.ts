import { describe, expect, it } from 'vitest';
import { normaliseTextDetailed } from './normalise.js';
import { segmentClauses } from './segment.js';

const refs = (text: string) => segmentClauses(text).clauses.map((c) => c.ref);

describe('segmentClauses', () => {
  it('Roman sections with running paragraph numbers', () => {
    expect(refs('I. Purpose\n1. One.\n2. Two.\nII. Support\n3. Three:\n(a) x;\nb) y;\n• z')).toEqual(['I.1', 'I.2', 'II.3', 'II.3(a)', 'II.3(b)', 'II.3(b)-1']);
  });
  it('articles, "Art." and "Article premier", with an annex', () => {
    expect(refs('Article I\nScope\nText.\nArt. 5 – Aid\n1. A.\n2. B.\nArticle premier\nObjet\nTexte.\nAnnex\n1. Item.')).toEqual(['Art. I', 'Art. 5(1)', 'Art. 5(2)', 'Art. 1', 'Annex.1']);
  });
  it('recitals and verb-led paragraphs; headings and signatures are not clauses', () => {
    const result = segmentClauses('Joint Declaration\nReaffirming x;\nRéaffirmant y ;\nHereby:\nCommend z.\nDecide w.\nDone at Kyiv.\nFor Ukraine');
    expect(result.clauses.map((c) => [c.ref, c.kind])).toEqual([
      ['R1', 'recital'],
      ['R2', 'recital'],
      ['P1', 'paragraph'],
      ['P2', 'paragraph'],
    ]);
  });
  it('keeps Ukrainian letters intact', () => {
    const [clause] = segmentClauses('1. Підтримка ППО: ґрунтовна, їхня, Євро.').clauses;
    expect(clause?.text).toBe('Підтримка ППО: ґрунтовна, їхня, Євро.');
  });
});

describe('normaliseText', () => {
  it('joins wrapped lines, de-hyphenates, drops page numbers and running headers', () => {
    const page = (n: number, body: string) => `Illustrative header\n${body}\n- ${n} -\nPage ${n} of 2`;
    const raw = `${page(1, '1. The Participants will support secu-\nrity and long-\nterm stability of')}\f${page(2, 'Ukraine.\n2. Next.\nlong-term')}`;
    const result = normaliseTextDetailed(raw);
    expect(result.text).toBe('1. The Participants will support security and long-term stability of Ukraine.\n2. Next.\nlong-term');
    expect(result.removed.map((r) => r.reason)).toEqual(['page-number', 'page-number', 'page-number', 'page-number', 'running-header', 'running-header']);
  });
});
