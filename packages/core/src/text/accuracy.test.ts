import { describe, expect, it } from 'vitest';
import { evaluateCorpus, formatCorpusScore } from './accuracy.js';
import { loadCorpus } from './test-corpus.js';

describe('accuracy on the ground-truth corpus', () => {
  const corpus = loadCorpus();
  const result = evaluateCorpus(corpus);

  it('has at least five documents', () => {
    expect(new Set(corpus.map((doc) => doc.answers.id)).size).toBeGreaterThanOrEqual(5);
  });

  it('reaches 0.9 precision and recall for segmentation, topics and extraction', () => {
    console.log(`\n${formatCorpusScore(result)}\n`);
    for (const doc of result.documents) {
      if (doc.missed.length || doc.spurious.length) console.log(doc.name, { missed: doc.missed, spurious: doc.spurious });
    }
    for (const metric of [result.segmentation, result.topics, result.extraction]) {
      expect(metric.precision).toBeGreaterThanOrEqual(0.9);
      expect(metric.recall).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('segments the PDF-damaged copy exactly like the clean text', () => {
    const broken = result.documents.find((doc) => doc.name.endsWith('.broken.txt'));
    expect(broken?.segmentation.precision).toBe(1);
    expect(broken?.segmentation.recall).toBe(1);
  });
});
