// Run by analysis-bench.ts in a process of its own: generates the large synthetic package, analyses
// it (one-shot and editable), edits it, and prints the peak resident set size as one line of JSON.
import { analyze, createAnalysis } from '@compact/core';
import { ANALYSIS_SCALES, analysisPackage, syntheticAsOf } from './analysis-synthetic.js';

const mb = (bytes: number) => Math.round(bytes / 1e6);
const baseRss = process.memoryUsage().rss;
const scale = ANALYSIS_SCALES.large;
const pkg = analysisPackage(scale);
const packageRss = process.memoryUsage().rss;
const options = { asOf: syntheticAsOf(scale) };
analyze(pkg, options);
const analysis = createAnalysis(pkg, options);
analysis.result();
for (const commitment of pkg.commitments.slice(0, 20)) {
  analysis.updateCommitment({ ...commitment, capabilityArea: 'drones' });
  analysis.result();
}
const heapUsed = process.memoryUsage().heapUsed;
// maxRSS is in kilobytes on Linux and macOS.
const peak = Math.max(process.resourceUsage().maxRSS * 1024, process.memoryUsage().rss);
console.log(JSON.stringify({ baseRssMb: mb(baseRss), packageRssMb: mb(packageRss), heapUsedMb: mb(heapUsed), peakRssMb: mb(peak) }));
