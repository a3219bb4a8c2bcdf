// From the trial blocks to the published figures. Blocks are merged by trial index and every
// statistic is computed in trial order, so the numbers do not depend on how the trials were split.
import { CompactError } from '../errors.js';
import type { CapabilityArea } from '../schema/vocabulary.js';
import type { CellInfo, CommitmentInfo, CompiledModel } from './model.js';
import { orderStatistics } from './select.js';
import { meets, type BlockResult } from './simulate.js';
import type { DeterrenceWeights } from './scenario.js';

/** Percentiles shown in the fan chart. */
export const FAN_PERCENTILES = [5, 10, 25, 50, 75, 90, 95] as const;
/** The tail for coverage-at-risk and the tail mean (5 %). */
export const TAIL = 0.05;

export interface CellStats extends CellInfo {
  readonly certainCoverage: number;
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** Nearest-rank percentiles 5, 10, 25, 50, 75, 90, 95. */
  readonly fan: readonly number[];
  readonly probabilityAtLeastThreshold: number;
  /** Standard error of that probability, √(p(1−p)/trials). */
  readonly standardError: number;
  /** The 5th percentile of coverage. */
  readonly coverageAtRisk: number;
  /** Mean coverage in the worst 5 % of trials (the tail mean, as expected shortfall is in finance). */
  readonly tailMeanCoverage: number;
  /** Mean of max(0, required − delivered), in major units of the report currency. */
  readonly expectedShortfall: number;
}

export interface CriticalityEntry {
  readonly kind: 'partner' | 'commitment';
  readonly id: string;
  readonly rank: number;
  /** Change in the expected number of cells meeting the threshold: removed, and made certain (on time, in full). */
  readonly removed: number;
  readonly certain: number;
  /** Change in the probability that every critical cell meets the threshold. */
  readonly networkRemoved: number;
  readonly networkCertain: number;
  readonly cells: number;
}

export interface DeterrenceIndex {
  readonly weights: { readonly denial: number; readonly punishment: number };
  readonly index: number;
  readonly denial: {
    readonly score: number;
    /** Requirement-weighted mean of E[min(coverage, 1)] over all cells. */
    readonly expectedCoverage: number;
    readonly byArea: readonly { readonly capabilityArea: CapabilityArea; readonly expectedCoverage: number; readonly probabilityAtLeastThreshold: number }[];
  };
  readonly punishment: {
    readonly score: number;
    readonly beneficiary: string;
    readonly guarantors: number;
    readonly potentialGuarantors: number;
    readonly breadth: number;
    readonly speed: number;
    readonly bindingness: number;
    readonly sanctions: number;
  };
}

export interface StressSide {
  readonly cells: readonly CellStats[];
  readonly network: {
    readonly criticalCells: number;
    readonly probabilityAllCritical: number;
    readonly byYear: readonly { readonly year: number; readonly probability: number }[];
  };
  readonly criticality: readonly CriticalityEntry[] | null;
  readonly commitments: readonly CommitmentInfo[];
  readonly deterrence: DeterrenceIndex;
}

export interface MergedBlocks {
  readonly trials: number;
  /** Coverage of live cell l in trial t at columns[l × trials + t] (cell-major, for sorting). */
  readonly columns: Float64Array;
  readonly network: number;
  readonly networkByYear: Float64Array;
  readonly removedMeet: Float64Array;
  readonly certainMeet: Float64Array;
  readonly removedNetwork: Float64Array;
  readonly certainNetwork: Float64Array;
}

function addInto(into: Float64Array, from: Float64Array): void {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) + (from[i] as number);
}

/** Trial-major rows of a block into cell-major columns, in tiles of trials so reads and writes stay in cache. */
function transposeInto(columns: Float64Array, trials: number, rows: Float64Array, live: number, from: number, count: number): void {
  const TILE = 256;
  for (let start = 0; start < count; start += TILE) {
    const end = Math.min(count, start + TILE);
    for (let l = 0; l < live; l++) {
      const base = l * trials + from;
      for (let j = start; j < end; j++) columns[base + j] = rows[j * live + l] as number;
    }
  }
}

/** Joins blocks covering trials [0, trials) exactly once, in trial order. Counts are integers, so their sums are exact in any order. */
export function mergeBlocks(model: CompiledModel, blocks: readonly BlockResult[], trials: number): MergedBlocks {
  const sorted = [...blocks].sort((a, b) => a.from - b.from);
  const live = model.liveCells.length;
  const columns = new Float64Array(live * trials);
  const first = sorted[0];
  const entityCount = first?.removedMeet.length ?? 0;
  const merged = {
    trials,
    columns,
    network: 0,
    networkByYear: new Float64Array(model.years.length),
    removedMeet: new Float64Array(entityCount),
    certainMeet: new Float64Array(entityCount),
    removedNetwork: new Float64Array(entityCount),
    certainNetwork: new Float64Array(entityCount),
  };
  let expected = 0;
  for (const block of sorted) {
    if (block.from !== expected) throw new CompactError('INTERNAL', `stress blocks do not cover trial ${expected}`);
    transposeInto(columns, trials, block.samples, live, block.from, block.to - block.from);
    merged.network += block.network;
    addInto(merged.networkByYear, block.networkByYear);
    addInto(merged.removedMeet, block.removedMeet);
    addInto(merged.certainMeet, block.certainMeet);
    addInto(merged.removedNetwork, block.removedNetwork);
    addInto(merged.certainNetwork, block.certainNetwork);
    expected = block.to;
  }
  if (expected !== trials) throw new CompactError('INTERNAL', `stress blocks end at trial ${expected}, not ${trials}`);
  return merged;
}

function round(value: number, digits = 6): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Nearest-rank percentile of sorted values: the ⌈p·n⌉-th smallest. */
export function percentile(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** The coverage of cell c in every trial (zeros for a cell no commitment reaches). */
function columnOf(model: CompiledModel, merged: MergedBlocks, c: number): Float64Array | null {
  const l = liveIndex(model, c);
  return l < 0 ? null : merged.columns.subarray(l * merged.trials, (l + 1) * merged.trials);
}

/** A cell's coverage in every trial: its column, or one zero standing for a cell that stays at 0 (same statistics). */
const ZERO = new Float64Array(1);

function liveIndex(model: CompiledModel, c: number): number {
  const live = model.liveCells;
  let low = 0;
  let high = live.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = live[mid] as number;
    if (value === c) return mid;
    if (value < c) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function cellStats(model: CompiledModel, merged: MergedBlocks, c: number, scale: number): CellStats {
  const column = columnOf(model, merged, c);
  const values = column ?? ZERO;
  const trials = values.length;
  const info = model.cells[c] as CellInfo;
  const required = model.required[c] as number;
  let sum = 0;
  let shortfall = 0;
  let met = 0;
  let min = Infinity;
  let max = -Infinity;
  const threshold = model.threshold;
  for (let t = 0; t < trials; t++) {
    const v = values[t] as number;
    sum += v;
    if (v < 1) shortfall += (1 - v) * required;
    if (meets(v, threshold)) met++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const tail = Math.max(1, Math.ceil(TAIL * trials));
  const ranks = FAN_PERCENTILES.map((q) => Math.max(1, Math.ceil((q / 100) * trials)) - 1);
  // Constant cells (no commitment reaches them) need no selection.
  const order = min === max ? { values: ranks.map(() => min), lowestSum: min * tail } : orderStatistics(Float64Array.from(values), ranks, tail);
  const tailSum = order.lowestSum;
  const p = met / trials;
  const fan = order.values.map((value) => round(value));
  let certainMinor = 0;
  for (let i = 0; i < model.contributionCell.length; i++) if (model.contributionCell[i] === c) certainMinor += model.contributionAmount[i] as number;
  return {
    ...info,
    certainCoverage: round(certainMinor / required),
    mean: round(sum / trials),
    p5: fan[0] as number,
    p50: fan[3] as number,
    p95: fan[6] as number,
    fan,
    probabilityAtLeastThreshold: round(p),
    standardError: round(Math.sqrt((p * (1 - p)) / merged.trials)),
    coverageAtRisk: fan[0] as number,
    tailMeanCoverage: round(tailSum / tail),
    expectedShortfall: Math.round(shortfall / trials / 10 ** scale),
  };
}

function criticality(model: CompiledModel, merged: MergedBlocks, met: Float64Array): CriticalityEntry[] {
  const trials = merged.trials;
  const entries = model.entities.map((entity, e) => {
    let base = 0;
    const from = model.entityCellStart[e] as number;
    const to = model.entityCellStart[e + 1] as number;
    for (let q = from; q < to; q++) base += met[model.entityCell[q] as number] as number;
    return {
      kind: entity.kind,
      id: entity.id,
      removed: round(((merged.removedMeet[e] as number) - base) / trials),
      certain: round(((merged.certainMeet[e] as number) - base) / trials),
      networkRemoved: round(((merged.removedNetwork[e] as number) - merged.network) / trials),
      networkCertain: round(((merged.certainNetwork[e] as number) - merged.network) / trials),
      cells: to - from,
    };
  });
  const swing = (x: (typeof entries)[number]) => x.certain - x.removed + (x.networkCertain - x.networkRemoved);
  entries.sort((a, b) => swing(b) - swing(a) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return entries.map((entry, index) => ({ ...entry, rank: index + 1 }));
}

function deterrence(model: CompiledModel, merged: MergedBlocks, cells: readonly CellStats[], weights: DeterrenceWeights): DeterrenceIndex {
  let weighted = 0;
  let weightSum = 0;
  const areas = new Map<CapabilityArea, { capped: number; probability: number; count: number }>();
  cells.forEach((cell, c) => {
    const values = columnOf(model, merged, c) ?? ZERO;
    let capped = 0;
    for (let t = 0; t < values.length; t++) capped += Math.min(1, values[t] as number);
    capped /= values.length;
    const required = model.required[c] as number;
    weighted += capped * required;
    weightSum += required;
    const area = areas.get(cell.capabilityArea) ?? { capped: 0, probability: 0, count: 0 };
    area.capped += capped;
    area.probability += cell.probabilityAtLeastThreshold;
    area.count += 1;
    areas.set(cell.capabilityArea, area);
  });
  const expectedCoverage = weightSum > 0 ? weighted / weightSum : 0;
  const p = model.punishment;
  const weightedShare = (pick: (g: (typeof p.guarantors)[number]) => number) => p.guarantors.reduce((sum, g) => sum + g.weight * pick(g), 0);
  const breadth = p.potentialGuarantors > 0 ? p.guarantors.length / p.potentialGuarantors : 0;
  const speed = weightedShare((g) => g.speed);
  const bindingness = weightedShare((g) => (g.binding ? 1 : 0));
  const sanctions = weightedShare((g) => (g.sanctions ? 1 : 0));
  const punishment = (breadth + speed + bindingness + sanctions) / 4;
  const index = (weights.denial * expectedCoverage + weights.punishment * punishment) / (weights.denial + weights.punishment);
  return {
    weights: { denial: weights.denial, punishment: weights.punishment },
    index: round(index, 4),
    denial: {
      score: round(expectedCoverage, 4),
      expectedCoverage: round(expectedCoverage, 4),
      byArea: [...areas.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([capabilityArea, a]) => ({ capabilityArea, expectedCoverage: round(a.capped / a.count, 4), probabilityAtLeastThreshold: round(a.probability / a.count, 4) })),
    },
    punishment: {
      score: round(punishment, 4),
      beneficiary: p.beneficiary,
      guarantors: p.guarantors.length,
      potentialGuarantors: p.potentialGuarantors,
      breadth: round(breadth, 4),
      speed: round(speed, 4),
      bindingness: round(bindingness, 4),
      sanctions: round(sanctions, 4),
    },
  };
}

/** The published figures of one side (baseline or scenario). `scale` is the report currency's minor-unit digits. */
export function summarise(model: CompiledModel, merged: MergedBlocks, weights: DeterrenceWeights, scale: number, withCriticality: boolean): StressSide {
  const cells = model.cells.map((_, c) => cellStats(model, merged, c, scale));
  const trials = merged.trials;
  const met = new Float64Array(cells.length);
  if (withCriticality) {
    for (let c = 0; c < cells.length; c++) {
      let count = 0;
      const values = columnOf(model, merged, c);
      if (values) for (let t = 0; t < trials; t++) count += meets(values[t] as number, model.threshold) ? 1 : 0;
      else count = meets(0, model.threshold) ? trials : 0;
      met[c] = count;
    }
  }
  return {
    cells,
    network: {
      criticalCells: model.criticalCells.length,
      probabilityAllCritical: round(merged.network / trials),
      byYear: model.years.map((year, y) => ({ year, probability: round((merged.networkByYear[y] as number) / trials) })),
    },
    criticality: withCriticality ? criticality(model, merged, met) : null,
    commitments: model.commitments,
    deterrence: deterrence(model, merged, cells, weights),
  };
}
