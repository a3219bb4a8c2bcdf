// Precision and recall of the text engine against a labelled corpus. Pure: the caller reads
// the files (see accuracy.test.ts and bench/text-bench.ts) and passes their contents.
import { classifyClause, type Topic } from './classify.js';
import { extractFromClause, valueKey, type ExtractionKind } from './extract.js';
import { segmentClauses } from './segment.js';

/** The labelled answers of one document (`*.answers.json`). */
export interface AnswerFile {
  id: string;
  lang?: 'en' | 'fr' | 'uk';
  /** Expected clauses by ref, in document order. */
  clauses: Record<string, { topics: Topic[]; extractions?: Array<{ kind: ExtractionKind; value: Record<string, unknown> }> }>;
}

export interface CorpusDocument {
  /** File name or other label. */
  name: string;
  text: string;
  answers: AnswerFile;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface CorpusScore {
  segmentation: Score;
  topics: Score;
  extraction: Score;
  documents: Array<{ name: string; segmentation: Score; topics: Score; extraction: Score; missed: string[]; spurious: string[] }>;
}

function score(expected: Set<string>, found: Set<string>): Score {
  let tp = 0;
  for (const key of found) if (expected.has(key)) tp++;
  const fp = found.size - tp;
  const fn = expected.size - tp;
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: found.size === 0 ? (expected.size === 0 ? 1 : 0) : tp / found.size,
    recall: expected.size === 0 ? 1 : tp / expected.size,
  };
}

function sum(scores: Score[]): Score {
  const tp = scores.reduce((s, x) => s + x.truePositives, 0);
  const fp = scores.reduce((s, x) => s + x.falsePositives, 0);
  const fn = scores.reduce((s, x) => s + x.falseNegatives, 0);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/**
 * Micro-averaged precision and recall of segmentation (refs), topics (ref × topic) and extraction
 * (ref × kind × value) over every document.
 */
export function evaluateCorpus(corpus: readonly CorpusDocument[]): CorpusScore {
  const documents = corpus.map((doc) => {
    const { clauses } = segmentClauses(doc.text);
    const expectedRefs = new Set(Object.keys(doc.answers.clauses));
    const foundRefs = new Set(clauses.map((clause) => clause.ref));
    const expectedTopics = new Set<string>();
    const expectedValues = new Set<string>();
    for (const [ref, answer] of Object.entries(doc.answers.clauses)) {
      for (const topic of answer.topics) expectedTopics.add(`${ref}|${topic}`);
      for (const e of answer.extractions ?? []) expectedValues.add(`${ref}|${valueKey(e as never)}`);
    }
    const foundTopics = new Set<string>();
    const foundValues = new Set<string>();
    for (const clause of clauses) {
      for (const topic of classifyClause(clause.text, doc.answers.lang, clause.heading !== undefined ? { heading: clause.heading } : {})) foundTopics.add(`${clause.ref}|${topic}`);
      for (const e of extractFromClause(clause)) foundValues.add(`${clause.ref}|${valueKey(e)}`);
    }
    return {
      name: doc.name,
      segmentation: score(expectedRefs, foundRefs),
      topics: score(expectedTopics, foundTopics),
      extraction: score(expectedValues, foundValues),
      missed: [...expectedRefs, ...expectedTopics, ...expectedValues].filter((key) => !foundRefs.has(key) && !foundTopics.has(key) && !foundValues.has(key)),
      spurious: [...foundRefs, ...foundTopics, ...foundValues].filter((key) => !expectedRefs.has(key) && !expectedTopics.has(key) && !expectedValues.has(key)),
    };
  });
  return {
    segmentation: sum(documents.map((d) => d.segmentation)),
    topics: sum(documents.map((d) => d.topics)),
    extraction: sum(documents.map((d) => d.extraction)),
    documents,
  };
}

/** A small fixed-width table of the figures, for tests, the bench and the CLI. */
export function formatCorpusScore(result: CorpusScore): string {
  const pct = (value: number): string => value.toFixed(3);
  const lines = ['document                                  seg P/R        topics P/R     extraction P/R'];
  const row = (name: string, s: Score, t: Score, e: Score): string =>
    `${name.padEnd(40).slice(0, 40)}  ${pct(s.precision)}/${pct(s.recall)}  ${pct(t.precision)}/${pct(t.recall)}  ${pct(e.precision)}/${pct(e.recall)}`;
  for (const d of result.documents) lines.push(row(d.name, d.segmentation, d.topics, d.extraction));
  lines.push(row('ALL (micro-average)', result.segmentation, result.topics, result.extraction));
  return lines.join('\n');
}
