// `npx tsx bench/analysis.ts`: only the coordination-analysis rows of `npm run bench` (full runs at
// three scales, the what-if edit, peak memory), for measuring the engine without the rest.
import { analysisBenchmarks } from './analysis-bench.js';

for (const row of analysisBenchmarks()) {
  console.log(`${row.name.padEnd(100)}  ${`${row.median.toFixed(1)} ${row.unit}`.padStart(10)}  ${String(row.runs).padStart(4)}  ${row.note ?? ''}`);
}
