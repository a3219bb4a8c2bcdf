// Crisis-request allocation benchmarks: one request of 500 lines against the offers of 50
// partners, solved without and with a fair-share cap. Called by run.ts; run alone
// (`npx tsx bench/allocation-bench.ts`) it prints its figures.
import { fileURLToPath } from 'node:url';
import { allocate, seededRandom, type AllocationLine, type AllocationOffer, type AllocationOptions, type Priority } from '@compact/core';
import { median, type BenchRow } from './measure.js';

const PRIORITIES: Priority[] = ['critical', 'high', 'high', 'medium', 'medium', 'medium', 'low', 'low'];
const REGIONS = ['UA-14', 'UA-23', 'UA-43', 'UA-48', 'UA-63', 'UA-65', 'UA-30', 'UA-46'];

function isoDay(day: number): string {
  return new Date(Date.UTC(2026, 11, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** A synthetic crisis request: `lineCount` lines over ~40 item kinds, `partners` partners each offering 10–30 of them. */
export function allocationInstance(lineCount = 500, partners = 50, seed = 2026): { lines: AllocationLine[]; offers: AllocationOffer[] } {
  const next = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const items = Array.from({ length: 40 }, (_, i) => ({ item: `item-${String(i).padStart(2, '0')}`, unit: i % 5 === 0 ? 'rounds' : 'pieces', scale: i % 5 === 0 ? 500 : 1 + (i % 7) * 4 }));
  const lines: AllocationLine[] = Array.from({ length: lineCount }, (_, i) => {
    const kind = items[Math.floor(next() * items.length)] ?? items[0]!;
    const tags = next() < 0.15 ? ['cross-border'] : next() < 0.1 ? ['offensive'] : [];
    return {
      id: `L${String(i).padStart(4, '0')}`,
      item: kind.item,
      unit: kind.unit,
      quantity: int(1, 10) * kind.scale,
      neededBy: isoDay(int(10, 90)),
      priority: PRIORITIES[Math.floor(next() * PRIORITIES.length)] ?? 'medium',
      useTags: tags,
      region: REGIONS[Math.floor(next() * REGIONS.length)] ?? 'UA-43',
    };
  });
  const offers: AllocationOffer[] = [];
  for (let p = 0; p < partners; p++) {
    const partner = `P${String(p).padStart(2, '0')}`;
    const count = int(10, 30);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(next() * items.length));
    for (const k of [...chosen].sort((a, b) => a - b)) {
      const kind = items[k] ?? items[0]!;
      const roll = next();
      offers.push({
        id: `${partner}-O${String(k).padStart(2, '0')}`,
        partner,
        item: kind.item,
        unit: kind.unit,
        quantity: int(1, 5) * kind.scale,
        earliestDelivery: isoDay(int(0, 120)),
        unitCostEur: next() < 0.1 ? null : Math.round(kind.scale > 100 ? 2 + next() * 8 : 5_000 + next() * 500_000),
        conditions:
          roll < 0.2
            ? [{ type: 'end-use', text: 'Not for use on the territory of the Russian Federation', excludesUseTags: ['cross-border'] }]
            : roll < 0.25
              ? [{ type: 'geographic', text: 'Only for the defence of the southern regions', excludesRegions: ['UA-14', 'UA-63'] }]
              : [],
      });
    }
  }
  return { lines, offers };
}

async function measure(name: string, lines: AllocationLine[], offers: AllocationOffer[], options: AllocationOptions, runs: number): Promise<BenchRow> {
  const warm = await allocate(lines, offers, options); // warm-up, also loads the solver
  const samples: number[] = [];
  const cpu: number[] = [];
  let last = warm;
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    last = await allocate(lines, offers, options);
    samples.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const filled = last.lines.reduce((sum, line) => sum + line.allocated, 0);
  const requested = last.lines.reduce((sum, line) => sum + line.requested, 0);
  return {
    name,
    median: median(samples),
    unit: 'ms',
    runs,
    note: `CPU ${median(cpu).toFixed(0)} ms; ${last.status}${last.usedMip ? ' (MIP)' : ' (LP)'}${last.provenOptimal === false ? ', not proven' : ''}; ${last.variables.toLocaleString('en')} variables, ${last.constraints.toLocaleString('en')} constraints; ${offers.length} offers; ${last.assignments.length} assignments fill ${filled.toLocaleString('en')} of ${requested.toLocaleString('en')} units; ${last.excluded.length} pairs excluded by conditions`,
  };
}

export async function allocationBenchmarks(runs = 7): Promise<BenchRow[]> {
  const { lines, offers } = allocationInstance();
  return [
    await measure('allocation, 500 lines against 50 partners\u2019 offers', lines, offers, {}, runs),
    await measure('allocation, 500 lines against 50 partners\u2019 offers, fair-share cap 10%', lines, offers, { fairShareCap: 0.1 }, runs),
    // A tighter cap makes the linear relaxation fractional: the optimum is proven with the total fixed.
    await measure('allocation, 500 lines against 50 partners\u2019 offers, fair-share cap 5%', lines, offers, { fairShareCap: 0.05 }, 5),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const row of await allocationBenchmarks()) console.log(`${row.name}: ${row.median.toFixed(1)} ${row.unit} median of ${row.runs}; ${row.note ?? ''}`);
}
