// Run by analysis-bench.ts in a process of its own, pinned to one CPU (`taskset -c N`): generates
// the large synthetic package, analyses it once to warm up, then times further full analyses and
// prints their times as one line of JSON. Pinned, the collector's helper threads share the one
// core with the analysis, as the target "under 1 s on one core" means.
import { analyze } from '@compact/core';
import { ANALYSIS_SCALES, analysisPackage, syntheticAsOf } from './analysis-synthetic.js';

const runs = Number(process.argv[2] ?? 7);
const scale = ANALYSIS_SCALES.large;
const pkg = analysisPackage(scale);
const options = { asOf: syntheticAsOf(scale) };
analyze(pkg, options);
const wallMs: number[] = [];
const systemMs: number[] = [];
for (let i = 0; i < runs; i++) {
  const before = process.resourceUsage();
  const start = performance.now();
  analyze(pkg, options);
  wallMs.push(performance.now() - start);
  // The kernel's share: mostly page faults on memory the heap takes anew.
  systemMs.push((process.resourceUsage().systemCPUTime - before.systemCPUTime) / 1000);
}
console.log(JSON.stringify({ wallMs, systemMs }));
