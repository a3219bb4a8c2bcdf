import { readFileSync } from 'node:fs';
import { evaluateCorpus, formatCorpusScore, type AnswerFile } from '@compact/core';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.js';
import { makeDocx, makePdf, paginate } from './testing/make-documents.js';

const corpus = new URL('../../../test/fixtures/agreements/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, corpus), 'utf8');
const answers = (name: string) => JSON.parse(read(name)) as AnswerFile;

// The corpus texts made into a real PDF (wrapped lines, running header, page numbers) and a real
// DOCX, then read back and scored end to end: file → text → clauses → topics → figures.
describe('ground-truth corpus through PDF and DOCX files', () => {
  it('keeps precision and recall at or above 0.9 for a PDF made from the Roman-section text', async () => {
    const pdf = makePdf(paginate(read('northland-sections.pdf-source.txt'), { width: 88, linesPerPage: 30, header: 'Illustrative test agreement — Northland and Ukraine' }));
    const document = await readDocument(pdf, 'northland-sections.pdf');
    expect(document.pages).toBeGreaterThan(1);
    const score = evaluateCorpus([{ name: 'northland-sections.pdf', text: document.text, answers: answers('northland-sections.answers.json') }]);
    console.log(formatCorpusScore(score));
    for (const metric of [score.segmentation, score.topics, score.extraction]) {
      expect(metric.precision).toBeGreaterThanOrEqual(0.9);
      expect(metric.recall).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('keeps precision and recall at or above 0.9 for a DOCX made from the Article-style text', async () => {
    const docx = await makeDocx(read('meridia-articles.docx-source.md').split('\n'));
    const document = await readDocument(docx, 'meridia-articles.docx');
    const score = evaluateCorpus([{ name: 'meridia-articles.docx', text: document.text, answers: answers('meridia-articles.answers.json') }]);
    console.log(formatCorpusScore(score));
    for (const metric of [score.segmentation, score.topics, score.extraction]) {
      expect(metric.precision).toBeGreaterThanOrEqual(0.9);
      expect(metric.recall).toBeGreaterThanOrEqual(0.9);
    }
  });
});
