import { readFileSync } from 'node:fs';
import { evaluateCorpus, formatCorpusScore, type AnswerFile } from '@compact/core';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.js';

const corpus = new URL('../../../test/fixtures/agreements/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, corpus), 'utf8');
const answers = (name: string) => JSON.parse(read(name)) as AnswerFile;

// The corpus texts as a real PDF (wrapped lines, running header, page numbers) and a real DOCX,
// made once from the texts by `makePdf`/`makeDocx` (packages/ingest/src/testing) and kept in the
// corpus, then read back and scored end to end: file → text → clauses → topics → figures.
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, corpus)));
describe('ground-truth corpus through PDF and DOCX files', () => {
  it('keeps precision and recall at or above 0.9 for a PDF made from the Roman-section text', async () => {
    const document = await readDocument(bytes('northland-sections.pdf'), 'northland-sections.pdf');
    expect(document.pages).toBeGreaterThan(1);
    const score = evaluateCorpus([{ name: 'northland-sections.pdf', text: document.text, answers: answers('northland-sections.answers.json') }]);
    console.log(formatCorpusScore(score));
    for (const metric of [score.segmentation, score.topics, score.extraction]) {
      expect(metric.precision).toBeGreaterThanOrEqual(0.9);
      expect(metric.recall).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('keeps precision and recall at or above 0.9 for a DOCX made from the Article-style text', async () => {
    const document = await readDocument(bytes('meridia-articles.docx'), 'meridia-articles.docx');
    const score = evaluateCorpus([{ name: 'meridia-articles.docx', text: document.text, answers: answers('meridia-articles.answers.json') }]);
    console.log(formatCorpusScore(score));
    for (const metric of [score.segmentation, score.topics, score.extraction]) {
      expect(metric.precision).toBeGreaterThanOrEqual(0.9);
      expect(metric.recall).toBeGreaterThanOrEqual(0.9);
    }
  });
});
