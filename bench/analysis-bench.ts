// Coordination-analysis benchmarks: full analysis of the synthetic packages at three scales, the
// large one again pinned to one core, the what-if edit (one commitment changed, then the result
// read) on the large one, and peak memory; the pinned runs and the memory are measured in
// processes of their own. Called by run.ts; prints nothing itself.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { analyze, createAnalysis, type Commitment } from '@compact/core';
import { ANALYSIS_SCALES, analysisPackage, seededRandom, syntheticAsOf, type AnalysisScale } from './analysis-synthetic.js';
import { median, type BenchRow } from './measure.js';

function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function describe(scale: AnalysisScale): string {
  return `${scale.providers} providers, ${scale.beneficiaries} beneficiaries, ${scale.commitments.toLocaleString('en')} commitments, ${scale.areas} areas, ${scale.years} years`;
}

function fullAnalysis(scale: AnalysisScale, runs: number): BenchRow {
  const pkg = analysisPackage(scale);
  const options = { asOf: syntheticAsOf(scale) };
  analyze(pkg, options); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    const result = analyze(pkg, options);
    wall.push(performance.now() - start);
    cpu.push(cpuMs(startCpu));
    findings = result.findings.length;
    rows = result.coverage.length;
  }
  return {
    name: `analysis, full, ${scale.name} (${describe(scale)})`,
    median: median(wall),
    unit: 'ms',
    runs,
    note: `CPU ${median(cpu).toFixed(0)} ms (all threads); ${rows.toLocaleString('en')} coverage rows, ${findings.toLocaleString('en')} findings`,
  };
}

/** One what-if edit of a random commitment, as the UI makes it; seeded, so every run makes the same edits. */
function whatIf(runs: number): BenchRow[] {
  const scale = ANALYSIS_SCALES.large;
  const pkg = analysisPackage(scale);
  const next = seededRandom(7);
  const start = performance.now();
  const analysis = createAnalysis(pkg, { asOf: syntheticAsOf(scale) });
  analysis.result();
  const setup = performance.now() - start;
  const current = new Map(pkg.commitments.map((c) => [c.id, c]));
  const ids = [...current.keys()];
  const pick = () => ids[Math.floor(next() * ids.length)] ?? '';
  const samples: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const id = pick();
    const old = current.get(id) as Commitment;
    const roll = next();
    let changed: Commitment;
    if (roll < 0.5 && old.money) changed = { ...old, money: { ...old.money, amount: String(Math.floor(next() * 5e8) + 1) } };
    else if (roll < 0.7) changed = { ...old, capabilityArea: old.capabilityArea === 'drones' ? 'air-defence' : 'drones' };
    else if (roll < 0.85 && old.period) changed = { ...old, period: { from: old.period.from, to: `${Number(old.period.to.slice(0, 4)) + 1}${old.period.to.slice(4)}` } };
    else if (roll < 0.95) changed = { ...old, countsAs: old.countsAs ? null : pick() };
    else changed = { ...old, firmness: old.firmness === 'conditional' ? 'pledged' : 'conditional' };
    const t = performance.now();
    analysis.updateCommitment(changed);
    analysis.result();
    if (i >= 5) samples.push(performance.now() - t);
    current.set(id, changed);
  }
  const removeSamples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const id = pick();
    const commitment = current.get(id) as Commitment;
    const t = performance.now();
    analysis.removeCommitment(id);
    analysis.result();
    analysis.addCommitment(commitment);
    analysis.result();
    removeSamples.push((performance.now() - t) / 2);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return [
    { name: 'analysis, incremental: createAnalysis + result, large', median: setup, unit: 'ms', runs: 1, note: 'the editable engine keeps what edits need' },
    {
      name: 'analysis, incremental: edit one commitment + result, large',
      median: median(samples),
      unit: 'ms',
      runs,
      note: `p95 ${(sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms (money, area, period, countsAs, firmness)`,
    },
    { name: 'analysis, incremental: remove or add one commitment + result, large', median: median(removeSamples), unit: 'ms', runs: removeSamples.length },
  ];
}

/** The CPUs this process may run on (Linux: `Cpus_allowed_list`, e.g. "0-1,4"); else 0 … n − 1. */
function allowedCpus(): number[] {
  try {
    const list = /^Cpus_allowed_list:\s*(.+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '';
    const cpus = list.split(',').flatMap((range) => {
      const [from = Number.NaN, to = from] = range.split('-').map(Number);
      return Number.isInteger(from) && Number.isInteger(to) ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : [];
    });
    if (cpus.length > 0) return cpus;
  } catch {
    // Not Linux: no /proc.
  }
  return Array.from({ length: availableParallelism() }, (_, i) => i);
}

/**
 * The full analysis of the large package on one core: in a process of its own per CPU, pinned to
 * it with `taskset` (Linux), so that the collector's helper threads share that core. Each CPU
 * gets its own process because on a shared virtual machine one CPU can be much slower than
 * another for memory-bound work (likely where the host places it relative to the memory), and
 * the note shows it.
 */
function oneCore(runs: number): BenchRow {
  const name = 'analysis, full, large, pinned to one core (taskset; a process per CPU)';
  const script = fileURLToPath(new URL('./analysis-one-core.ts', import.meta.url));
  const wall: number[] = [];
  const system: number[] = [];
  const perCpu: string[] = [];
  for (const cpu of allowedCpus()) {
    const child = spawnSync('taskset', ['-c', String(cpu), process.execPath, ...process.execArgv, script, String(runs)], { encoding: 'utf8' });
    if (child.error) return { name, median: Number.NaN, unit: 'ms', runs: 0, note: `not measured: ${child.error.message}` };
    try {
      const report = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as { wallMs: number[]; systemMs: number[] };
      wall.push(...report.wallMs);
      system.push(...report.systemMs);
      perCpu.push(`CPU ${cpu} ${median(report.wallMs).toFixed(0)} ms`);
    } catch {
      return { name, median: Number.NaN, unit: 'ms', runs: 0, note: `failed on CPU ${cpu}: ${child.stderr.slice(0, 200)}` };
    }
  }
  return {
    name,
    median: median(wall),
    unit: 'ms',
    runs: wall.length,
    note: `${perCpu.join(', ')}; slowest run ${Math.max(...wall).toFixed(0)} ms; kernel time ${median(system).toFixed(0)} ms per run (mostly page faults as the heap grows)`,
  };
}

/** Peak memory of generating and analysing the large package, in a process of its own. */
function memory(): BenchRow {
  const script = fileURLToPath(new URL('./analysis-memory.ts', import.meta.url));
  const child = spawnSync(process.execPath, [...process.execArgv, script], { encoding: 'utf8' });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    const report = JSON.parse(line) as { peakRssMb: number; packageRssMb: number; heapUsedMb: number; baseRssMb: number };
    return {
      name: 'analysis, peak memory, large (RSS of a process that generates, analyses and edits)',
      median: report.peakRssMb,
      unit: 'MB',
      runs: 1,
      note: `process at start ${report.baseRssMb} MB, after generating the package ${report.packageRssMb} MB; heap in use after the analysis ${report.heapUsedMb} MB`,
    };
  } catch {
    return { name: 'analysis, peak memory, large', median: Number.NaN, unit: 'MB', runs: 0, note: `failed: ${child.stderr.slice(0, 200)}` };
  }
}

export function analysisBenchmarks(): BenchRow[] {
  return [
    fullAnalysis(ANALYSIS_SCALES.small, 15),
    fullAnalysis(ANALYSIS_SCALES.medium, 9),
    fullAnalysis(ANALYSIS_SCALES.large, 7),
    oneCore(7),
    ...whatIf(50),
    memory(),
  ];
}
