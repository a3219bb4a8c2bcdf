// The trial loop. For trials [from, to) it draws each commitment's outcome from the copula, adds
// the delivered money into the cells, stores every cell's coverage per trial, and counts, for
// criticality, how often each cell would meet the threshold with each partner or commitment
// removed or made certain (on the same draws). Nothing is allocated per trial.
import type { CompiledModel } from './model.js';
import { fastNormalQuantile, keyOf, keyState, trialState, uniformOf } from './random.js';

const GLOBAL_KEY = keyOf('global');
/** Ties at the threshold count as meeting it, up to this relative rounding of the sums. */
const TOLERANCE = 1e-12;

export interface BlockResult {
  readonly from: number;
  readonly to: number;
  /** Coverage of the live cells (model.liveCells) per trial, trial-major: samples[(trial − from) × live + l]. Other cells are 0 throughout. */
  readonly samples: Float64Array;
  /** Trials in which every critical cell met the threshold (overall and per year of `years`). */
  readonly network: number;
  readonly networkByYear: Float64Array;
  /** Per entity: cell-trials meeting the threshold among its cells, and trials with the whole network met, when removed or made certain. */
  readonly removedMeet: Float64Array;
  readonly certainMeet: Float64Array;
  readonly removedNetwork: Float64Array;
  readonly certainNetwork: Float64Array;
}

export function meets(coverage: number, threshold: number): boolean {
  return coverage >= threshold - TOLERANCE;
}

export function simulateBlock(model: CompiledModel, from: number, to: number, onProgress?: (done: number) => void, criticality = true): BlockResult {
  const count = to - from;
  const cellCount = model.cells.length;
  const n = model.commitments.length;
  const partnerCount = model.partners.length;
  const entityCount = criticality ? model.entities.length : 0;
  const yearCount = model.years.length;
  const { required, partnerOf, commitmentKey, partnerKey, withdrawnBelow, partialBelow, lateBelow, minDelay } = model;
  const { contributionStart, contributionCell, contributionNext, contributionAmount, criticalCells, cellYear } = model;
  const { entityStart, entityMember, entityCellStart, entityCell } = model;
  const { global: wGlobal, partner: wPartner, own: wOwn } = model.loadings;
  const [delayLow, delayHigh] = model.delayMonths;
  const [partLow, partHigh] = model.partialFraction;
  const threshold = model.threshold;
  const seed = model.seed;

  const { liveCells } = model;
  const liveCount = liveCells.length;
  const samples = new Float64Array(liveCount * count);
  // Cells no commitment reaches stay at coverage 0: their failures are the same in every trial.
  const isLive = new Uint8Array(cellCount);
  for (let l = 0; l < liveCount; l++) isLive[liveCells[l] as number] = 1;
  const constantFailingByYear = new Int32Array(yearCount);
  let constantFailing = 0;
  for (let q = 0; q < criticalCells.length; q++) {
    const c = criticalCells[q] as number;
    if (isLive[c] || meets(0, model.threshold)) continue;
    constantFailing++;
    const y = cellYear[c] as number;
    constantFailingByYear[y] = (constantFailingByYear[y] as number) + 1;
  }
  const networkByYear = new Float64Array(yearCount);
  const removedMeet = new Float64Array(entityCount);
  const certainMeet = new Float64Array(entityCount);
  const removedNetwork = new Float64Array(entityCount);
  const certainNetwork = new Float64Array(entityCount);
  let network = 0;

  const total = new Float64Array(cellCount);
  const partnerFactor = new Float64Array(partnerCount);
  const same = new Float64Array(n); // share of each year's money arriving in that year
  const next = new Float64Array(n); // share slipping into the next year
  const failingByYear = new Int32Array(yearCount);
  const removed = new Float64Array(cellCount);
  const certain = new Float64Array(cellCount);
  const isCritical = new Uint8Array(cellCount);
  for (let i = 0; i < criticalCells.length; i++) isCritical[criticalCells[i] as number] = 1;
  const required0 = required;

  for (let t = from; t < to; t++) {
    const state = trialState(seed, t);
    const g = fastNormalQuantile(uniformOf(keyState(state, GLOBAL_KEY), 0));
    for (let p = 0; p < partnerCount; p++) partnerFactor[p] = fastNormalQuantile(uniformOf(keyState(state, partnerKey[p] as number), 0));
    for (let l = 0; l < liveCount; l++) total[liveCells[l] as number] = 0;
    for (let i = 0; i < n; i++) {
      const own = keyState(state, commitmentKey[i] as number);
      const x = wGlobal * g + wPartner * (partnerFactor[partnerOf[i] as number] as number) + wOwn * fastNormalQuantile(uniformOf(own, 0));
      let s: number;
      let late = 0;
      if (x < (withdrawnBelow[i] as number)) {
        s = 0;
      } else if (x < (partialBelow[i] as number)) {
        s = partLow + (partHigh - partLow) * uniformOf(own, 1);
      } else {
        let delay = minDelay[i] as number;
        if (x < (lateBelow[i] as number)) {
          const sampled = delayLow + (delayHigh - delayLow) * uniformOf(own, 1);
          if (sampled > delay) delay = sampled;
        }
        late = delay / 12;
        s = 1 - late;
      }
      same[i] = s;
      next[i] = late;
      const end = contributionStart[i + 1] as number;
      for (let k = contributionStart[i] as number; k < end; k++) {
        const amount = contributionAmount[k] as number;
        const cell = contributionCell[k] as number;
        total[cell] = (total[cell] as number) + amount * s;
        const nextCell = contributionNext[k] as number;
        if (late > 0 && nextCell >= 0) total[nextCell] = (total[nextCell] as number) + amount * late;
      }
    }
    const j = t - from;
    for (let y = 0; y < yearCount; y++) failingByYear[y] = constantFailingByYear[y] as number;
    let failing = constantFailing;
    const row = j * liveCount;
    for (let l = 0; l < liveCount; l++) {
      const c = liveCells[l] as number;
      const coverage = (total[c] as number) / (required0[c] as number);
      samples[row + l] = coverage;
      if (isCritical[c] && !meets(coverage, threshold)) {
        failing++;
        const y = cellYear[c] as number;
        failingByYear[y] = (failingByYear[y] as number) + 1;
      }
    }
    if (failing === 0) network++;
    for (let y = 0; y < yearCount; y++) if (failingByYear[y] === 0) networkByYear[y] = (networkByYear[y] as number) + 1;

    for (let e = 0; e < entityCount; e++) {
      const cellsFrom = entityCellStart[e] as number;
      const cellsTo = entityCellStart[e + 1] as number;
      for (let q = cellsFrom; q < cellsTo; q++) {
        const c = entityCell[q] as number;
        removed[c] = total[c] as number;
        certain[c] = total[c] as number;
      }
      const membersTo = entityStart[e + 1] as number;
      for (let m = entityStart[e] as number; m < membersTo; m++) {
        const i = entityMember[m] as number;
        const s = same[i] as number;
        const late = next[i] as number;
        const end = contributionStart[i + 1] as number;
        for (let k = contributionStart[i] as number; k < end; k++) {
          const amount = contributionAmount[k] as number;
          const c = contributionCell[k] as number;
          removed[c] = (removed[c] as number) - amount * s;
          certain[c] = (certain[c] as number) + amount * (1 - s);
          const nextCell = contributionNext[k] as number;
          if (late > 0 && nextCell >= 0) {
            removed[nextCell] = (removed[nextCell] as number) - amount * late;
            certain[nextCell] = (certain[nextCell] as number) - amount * late;
          }
        }
      }
      let removedFailing = failing;
      let certainFailing = failing;
      let removedMet = 0;
      let certainMet = 0;
      for (let q = cellsFrom; q < cellsTo; q++) {
        const c = entityCell[q] as number;
        const req = required0[c] as number;
        const base = meets((total[c] as number) / req, threshold);
        const r = meets((removed[c] as number) / req, threshold);
        const k = meets((certain[c] as number) / req, threshold);
        if (r) removedMet++;
        if (k) certainMet++;
        if (isCritical[c]) {
          removedFailing += (base ? 0 : -1) + (r ? 0 : 1);
          certainFailing += (base ? 0 : -1) + (k ? 0 : 1);
        }
      }
      removedMeet[e] = (removedMeet[e] as number) + removedMet;
      certainMeet[e] = (certainMeet[e] as number) + certainMet;
      if (removedFailing === 0) removedNetwork[e] = (removedNetwork[e] as number) + 1;
      if (certainFailing === 0) certainNetwork[e] = (certainNetwork[e] as number) + 1;
    }
    if (onProgress && (j & 1023) === 1023) onProgress(j + 1);
  }
  onProgress?.(count);
  return { from, to, samples, network, networkByYear, removedMeet, certainMeet, removedNetwork, certainNetwork };
}
