// Text engine benchmarks: near-duplicate search over 10,000 synthetic clauses (target < 2 s),
// segmentation + classification + extraction of a 30-page agreement text, and the accuracy
// figures on the ground-truth corpus. `textBenchmarks()` returns rows for bench/run.ts; run this
// file directly (`npx tsx bench/text-bench.ts`) to print them alone.
import { classifyClause, evaluateCorpus, extractFromClause, findNearDuplicates, formatCorpusScore, segmentClauses } from '../packages/core/src/text/index.js';
import { loadCorpus } from '../packages/core/src/text/test-corpus.js';
import { seededRandom } from '@compact/core';
import { median, type BenchRow } from './measure.js';


const SUBJECTS = ['The Participants', 'Northland', 'Meridia', 'Ostria', 'The Parties', 'Valmont', 'Each Participant'];
const VERBS = ['will provide', 'shall deliver', 'intends to allocate', 'will continue to support', 'commits to fund', 'will expand'];
const OBJECTS = [
  'air defence systems and interceptor missiles', 'artillery ammunition and long-range fires', 'training of Ukrainian pilots and technicians',
  'intelligence sharing on hostile activity', 'cyber defence of critical infrastructure', 'reconstruction of the energy grid',
  'reforms of the judiciary and anti-corruption bodies', 'co-production of drones with Ukrainian industry', 'humanitarian demining equipment',
  'maritime security in the Black Sea', 'sanctions against those who finance the aggression', 'accountability for war crimes',
];
const TAILS = ['in 2024', 'from 2024 to 2027', 'for ten years', 'subject to parliamentary approval', 'where possible within 24 hours', 'each year', 'as a matter of priority'];
const FILLER = 'security support cooperation framework assistance measures partners programme capability resilience delivery'.split(' ');

/** Deterministic clauses: template sentences with random figures, about a fifth of them light edits of earlier ones. */
export function syntheticClauses(count: number, seed = 1): Array<{ ref: string; text: string; agreementId: string }> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const out: Array<{ ref: string; text: string; agreementId: string }> = [];
  for (let i = 0; i < count; i++) {
    const agreementId = `ag-${Math.floor(i / 40)}`;
    if (out.length > 10 && random() < 0.2) {
      const source = out[Math.floor(random() * out.length)]?.text ?? '';
      const words = source.split(' ');
      words[Math.floor(random() * words.length)] = pick(FILLER);
      out.push({ ref: `${i}`, text: words.join(' '), agreementId });
      continue;
    }
    const amount = `€${(1 + Math.floor(random() * 90)) / 10} billion`;
    const extra = Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(FILLER)).join(' ');
    out.push({ ref: `${i}`, text: `${pick(SUBJECTS)} ${pick(VERBS)} ${amount} for ${pick(OBJECTS)} ${pick(TAILS)}, with ${extra} ${pick(OBJECTS)}.`, agreementId });
  }
  return out;
}

/** A long agreement text in the Roman-section style, about `pages` pages of 3,000 characters. */
export function syntheticAgreement(pages: number, seed = 2): string {
  const random = seededRandom(seed);
  const clauses = syntheticClauses(pages * 12, seed);
  const lines = ['Illustrative test text', '', 'Reaffirming their commitment to Ukraine;', '', 'Have decided as follows:', ''];
  let section = 0;
  clauses.forEach((clause, index) => {
    if (index % 10 === 0) lines.push(`${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][section++ % 10]}. Section heading`, '');
    lines.push(`${index + 1}. ${clause.text}`);
    if (random() < 0.3) lines.push('(a) the first element of support;', '(b) the second element of support;');
    lines.push('');
  });
  return lines.join('\n');
}

function time(name: string, runs: number, work: () => string | undefined): BenchRow {
  const samples: number[] = [];
  let note: string | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    note = work();
    samples.push(performance.now() - start);
  }
  return { name, median: Math.round(median(samples) * 10) / 10, unit: 'ms', runs, ...(note ? { note } : {}) };
}

export function textBenchmarks(): BenchRow[] {
  const clauses = syntheticClauses(10_000);
  const nearDuplicates = time('text: near-duplicate pairs among 10,000 clauses (MinHash/LSH, Jaccard ≥ 0.7)', 5, () => {
    const pairs = findNearDuplicates(clauses, 0.7);
    return `${pairs.length} pairs; target < 2000 ms`;
  });
  const document = syntheticAgreement(30);
  const pipeline = time(`text: segment + classify + extract a 30-page text (${Math.round(document.length / 1000)}k chars)`, 5, () => {
    const { clauses: found } = segmentClauses(document);
    let figures = 0;
    for (const clause of found) {
      classifyClause(clause.text);
      figures += extractFromClause(clause).length;
    }
    return `${found.length} clauses, ${figures} figures; PDF reading not included`;
  });
  const score = evaluateCorpus(loadCorpus());
  const f = (s: { precision: number; recall: number }): string => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}`;
  const accuracy: BenchRow = {
    name: 'text: accuracy on test/fixtures/agreements',
    median: 0,
    unit: '-',
    runs: 1,
    note: `segmentation ${f(score.segmentation)}; topics ${f(score.topics)}; extraction ${f(score.extraction)}`,
  };
  return [nearDuplicates, pipeline, accuracy];
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  for (const row of textBenchmarks()) console.log(`${row.name.padEnd(86)} ${String(row.median).padStart(8)} ${row.unit}  (${row.runs} runs) ${row.note ?? ''}`);
  console.log(formatCorpusScore(evaluateCorpus(loadCorpus())));
}
