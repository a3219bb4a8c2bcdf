// The allocation engine: builds the transportation-shaped integer program over the eligible
// (offer, line) pairs and solves it in lexicographic stages with HiGHS. See README.md.
import type { Highs, Model } from 'highs';
import { dayNumber, eligiblePairs, offerUnits, type EligiblePair } from './eligibility.js';
import { feasibilityProblems, objectiveOf, partnerCaps, type CapacityModel } from './evaluate.js';
import { highsRuntime, resetHighsRuntime } from './solver.js';
import type { AllocationAssignment, AllocationExclusion, AllocationLine, AllocationLineResult, AllocationOffer, AllocationOptions, AllocationResult } from './types.js';

const EMPTY_OBJECTIVE = { priorityWeightedOnTime: 0, priorityWeightedTotal: 0, lateItemDays: 0, costEur: 0 };
/** A value this close to a whole number counts as that whole number. */
const INTEGRALITY_TOLERANCE = 1e-6;
/** HiGHS simplex_strategy values. */
const SIMPLEX_DUAL = 1;
const SIMPLEX_PRIMAL = 4;
/** Time the integer program may spend on one stage before the best allocation found is kept. */
const MIP_STAGE_SECONDS = 5;

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function validate(lines: readonly AllocationLine[], offers: readonly AllocationOffer[], options: AllocationOptions): string | null {
  const lineIds = new Set<string>();
  for (const line of lines) {
    if (lineIds.has(line.id)) return `line ${line.id} appears twice`;
    lineIds.add(line.id);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) return `line ${line.id}: quantity must be a whole number of at least 1 (got ${line.quantity})`;
    if (Number.isNaN(dayNumber(line.neededBy))) return `line ${line.id}: neededBy is not an ISO date (${line.neededBy})`;
  }
  const offerIds = new Set<string>();
  for (const offer of offers) {
    if (offerIds.has(offer.id)) return `offer ${offer.id} appears twice`;
    offerIds.add(offer.id);
    if (!Number.isFinite(offer.quantity) || offer.quantity < 0) return `offer ${offer.id}: quantity must be a number of at least 0 (got ${offer.quantity})`;
    if (Number.isNaN(dayNumber(offer.earliestDelivery))) return `offer ${offer.id}: earliestDelivery is not an ISO date (${offer.earliestDelivery})`;
    if (offer.unitCostEur !== null && !Number.isFinite(offer.unitCostEur)) return `offer ${offer.id}: unitCostEur must be a number or null`;
  }
  for (const pin of options.pins ?? []) {
    if (pin.quantity !== undefined && (!Number.isInteger(pin.quantity) || pin.quantity < 1)) return `pin ${pin.offerId}→${pin.lineId}: quantity must be a whole number of at least 1 (got ${pin.quantity})`;
  }
  const cap = options.fairShareCap;
  const caps = cap === undefined ? [] : typeof cap === 'number' ? [['every partner', cap] as const] : Object.entries(cap);
  for (const [partner, value] of caps) {
    if (!(typeof value === 'number' && value > 0 && value <= 1)) return `fair-share cap for ${partner} must be in (0, 1] (got ${String(value)})`;
  }
  return null;
}

interface Pins {
  lower: number[];
  problem: string | null;
}

function pinLabel(pin: { offerId: string; lineId: string; quantity?: number }): string {
  return `pin of offer ${pin.offerId} to line ${pin.lineId}${pin.quantity !== undefined ? ` (${pin.quantity})` : ''}`;
}

function resolvePins(lines: readonly AllocationLine[], offers: readonly AllocationOffer[], pairs: readonly EligiblePair[], excluded: readonly AllocationExclusion[], options: AllocationOptions): Pins {
  const lower = pairs.map(() => 0);
  const pins = options.pins ?? [];
  if (!pins.length) return { lower, problem: null };
  const index = new Map(pairs.map((pair, j) => [`${pair.offerId}\u0000${pair.lineId}`, j]));
  const offerById = new Map(offers.map((offer) => [offer.id, offer]));
  const lineById = new Map(lines.map((line) => [line.id, line]));
  for (const pin of pins) {
    const offer = offerById.get(pin.offerId);
    const line = lineById.get(pin.lineId);
    if (!offer) return { lower, problem: `${pinLabel(pin)}: there is no offer ${pin.offerId}` };
    if (!line) return { lower, problem: `${pinLabel(pin)}: there is no line ${pin.lineId}` };
    const j = index.get(`${pin.offerId}\u0000${pin.lineId}`);
    if (j === undefined) {
      const exclusion = excluded.find((e) => e.offerId === pin.offerId && e.lineId === pin.lineId);
      let why = exclusion?.reason;
      if (!why) {
        why =
          offer.lineId !== undefined && offer.lineId !== null && offer.lineId !== line.id
            ? `the offer is made against line ${offer.lineId}`
            : `the offer is for ${offer.item} (${offer.unit}), the line asks for ${line.item} (${line.unit})`;
      }
      return { lower, problem: `${pinLabel(pin)} is not possible: ${why}` };
    }
    const pair = pairs[j] as EligiblePair;
    const wanted = pin.quantity ?? pair.upper;
    if (wanted > pair.upper || wanted < 1) {
      return { lower, problem: `${pinLabel(pin)} cannot be honoured: the offer has ${offerUnits(offer)} and the line requests ${line.quantity}` };
    }
    lower[j] = Math.max(lower[j] ?? 0, wanted);
  }
  const offerSum = new Map<number, number>();
  const lineSum = new Map<number, number>();
  pairs.forEach((pair, j) => {
    const l = lower[j] ?? 0;
    if (!l) return;
    offerSum.set(pair.offerIndex, (offerSum.get(pair.offerIndex) ?? 0) + l);
    lineSum.set(pair.lineIndex, (lineSum.get(pair.lineIndex) ?? 0) + l);
  });
  for (const [o, sum] of offerSum) {
    const offer = offers[o] as AllocationOffer;
    if (sum > offerUnits(offer)) {
      const involved = pins.filter((p) => p.offerId === offer.id).map(pinLabel);
      return { lower, problem: `${involved.join(', ')} together need ${sum} but offer ${offer.id} has ${offerUnits(offer)}` };
    }
  }
  for (const [l, sum] of lineSum) {
    const line = lines[l] as AllocationLine;
    if (sum > line.quantity) {
      const involved = pins.filter((p) => p.lineId === line.id).map(pinLabel);
      return { lower, problem: `${involved.join(', ')} together need ${sum} but line ${line.id} requests ${line.quantity}` };
    }
  }
  return { lower, problem: null };
}

interface Stage {
  name: string;
  sense: 'max' | 'min';
  costs: Float64Array;
  /** Integer coefficients: the optimum is a whole number and is fixed exactly for later stages. */
  integral: boolean;
}

interface BuiltModel {
  numCols: number;
  numRows: number;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Number of pair columns (the total column, if any, comes after them). */
  pairCols: number;
  /** Fair-share rows and their caps (empty without caps). */
  partnerRows: Array<{ row: number; cap: number }>;
}

function buildModel(cap: CapacityModel): BuiltModel {
  const { pairs, lower, caps } = cap;
  const n = pairs.length;
  // Capacity rows only where more than one pair shares the offer or line: a single pair's capacity is its column bound.
  const offerCount = new Map<number, number>();
  const lineCount = new Map<number, number>();
  for (const pair of pairs) {
    offerCount.set(pair.offerIndex, (offerCount.get(pair.offerIndex) ?? 0) + 1);
    lineCount.set(pair.lineIndex, (lineCount.get(pair.lineIndex) ?? 0) + 1);
  }
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const offerRow = new Map<number, number>();
  const lineRow = new Map<number, number>();
  for (const [o, count] of [...offerCount].sort((a, b) => a[0] - b[0])) {
    if (count < 2) continue;
    offerRow.set(o, rowLower.length);
    rowLower.push(-Infinity);
    rowUpper.push(cap.offerUnits[o] ?? 0);
  }
  for (const [l, count] of [...lineCount].sort((a, b) => a[0] - b[0])) {
    if (count < 2) continue;
    lineRow.set(l, rowLower.length);
    rowLower.push(-Infinity);
    rowUpper.push(cap.lineUnits[l] ?? 0);
  }
  const capped = caps.size > 0;
  let totalRow = -1;
  const partnerRow = new Map<string, number>();
  if (capped) {
    totalRow = rowLower.length;
    rowLower.push(0);
    rowUpper.push(0);
    for (const partner of [...caps.keys()].sort()) {
      partnerRow.set(partner, rowLower.length);
      rowLower.push(-Infinity);
      rowUpper.push(0);
    }
  }
  const numCols = n + (capped ? 1 : 0);
  const starts = new Int32Array(numCols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  pairs.forEach((pair, j) => {
    starts[j] = indices.length;
    colLower[j] = lower[j] ?? 0;
    colUpper[j] = pair.upper;
    const o = offerRow.get(pair.offerIndex);
    const l = lineRow.get(pair.lineIndex);
    const p = partnerRow.get(pair.partner);
    for (const row of [o, l, capped ? totalRow : undefined, p]) {
      if (row === undefined) continue;
      indices.push(row);
      values.push(1);
    }
  });
  if (capped) {
    // The total column T = Σ x; partner rows read Σ_partner x − cap · T ≤ 0.
    starts[n] = indices.length;
    colLower[n] = 0;
    colUpper[n] = Infinity;
    indices.push(totalRow);
    values.push(-1);
    for (const [partner, row] of partnerRow) {
      indices.push(row);
      values.push(-(caps.get(partner) ?? 1));
    }
  }
  starts[numCols] = indices.length;
  return {
    numCols,
    numRows: rowLower.length,
    colLower,
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    starts,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    pairCols: n,
    partnerRows: [...partnerRow].map(([partner, row]) => ({ row, cap: caps.get(partner) ?? 1 })),
  };
}

function stages(pairs: readonly EligiblePair[], numCols: number): Stage[] {
  const onTime = new Float64Array(numCols);
  const total = new Float64Array(numCols);
  const late = new Float64Array(numCols);
  const cost = new Float64Array(numCols);
  pairs.forEach((pair, j) => {
    if (pair.onTime) onTime[j] = pair.weight;
    total[j] = pair.weight;
    late[j] = pair.daysLate;
    cost[j] = pair.unitCostEur ?? 0;
  });
  // Costs span orders of magnitude (a round against a launcher): scaled to at most 1 for the
  // solver's numerics. The cost stage is the last, so its optimum is never fixed as a row.
  const largest = cost.reduce((m, c) => Math.max(m, Math.abs(c)), 0);
  if (largest > 0) for (let j = 0; j < cost.length; j++) cost[j] = (cost[j] ?? 0) / largest;
  return [
    { name: 'on-time priority-weighted quantity', sense: 'max' as const, costs: onTime, integral: true },
    { name: 'priority-weighted quantity', sense: 'max' as const, costs: total, integral: true },
    { name: 'late item-days', sense: 'min' as const, costs: late, integral: true },
    { name: 'cost', sense: 'min' as const, costs: cost, integral: false },
  ].filter((stage) => stage.costs.some((c) => c !== 0));
}

type SolveOutcome = { kind: 'solved'; quantities: number[]; usedMip: boolean; unproven: string[] } | { kind: 'infeasible' } | { kind: 'error'; message: string };

function isIntegral(values: Float64Array, count: number): boolean {
  for (let j = 0; j < count; j++) {
    const v = values[j] ?? 0;
    if (Math.abs(v - Math.round(v)) > INTEGRALITY_TOLERANCE) return false;
  }
  return true;
}

/**
 * Runs the stages on one model. Starts as a linear program (integral without fair-share rows, and
 * usually with them); the first time a stage's optimum is fractional the pair columns become
 * integer and that stage and the rest run as a MIP. `forceMip` starts as a MIP.
 */
function runStages(highs: Highs, built: BuiltModel, stageList: readonly Stage[], forceMip: boolean): SolveOutcome {
  const { modelStatus, objectiveSense, variableType } = highs.constants;
  const model: Model = highs.createModel({
    numCols: built.numCols,
    numRows: built.numRows,
    sense: objectiveSense.maximize,
    colCost: new Float64Array(built.numCols),
    colLower: built.colLower,
    colUpper: built.colUpper,
    rowLower: built.rowLower,
    rowUpper: built.rowUpper,
    matrix: { format: 'csc', numRows: built.numRows, numCols: built.numCols, starts: built.starts, indices: built.indices, values: built.values },
  });
  try {
    // Presolve off: it gains nothing on a transportation problem and would discard the previous
    // stage's basis; on the MIP path, presolve, symmetry detection and heavy primal heuristics
    // cost seconds at the root node on this near-integral structure and are turned off too.
    model.options.set({ output_flag: false, presolve: 'off', mip_rel_gap: 0, mip_detect_symmetry: false, mip_heuristic_effort: 0.01, time_limit: MIP_STAGE_SECONDS });
    const unproven: string[] = [];
    let mip = false;
    const makeMip = () => {
      const types = new Int32Array(built.numCols);
      types.fill(variableType.integer, 0, built.pairCols);
      model.changeColsIntegrality({ kind: 'range', from: 0, to: built.numCols - 1 }, types);
      model.options.set({ simplex_strategy: SIMPLEX_DUAL });
      mip = true;
    };
    if (forceMip) makeMip();
    const all = { kind: 'range' as const, from: 0, to: built.numCols - 1 };
    let values: Float64Array<ArrayBufferLike> = new Float64Array(built.numCols);
    for (let s = 0; s < stageList.length; s++) {
      const stage = stageList[s] as Stage;
      model.changeObjectiveSense(stage.sense === 'max' ? objectiveSense.maximize : objectiveSense.minimize);
      model.changeColsCost(all, stage.costs);
      // Stage 1 from scratch with the dual simplex; later stages start from the previous optimum,
      // which stays primal feasible after a stage row is added, so the primal simplex finishes them fast.
      // A gap below 1 proves optimality when the objective takes whole values only.
      model.options.set({ simplex_strategy: s === 0 || mip ? SIMPLEX_DUAL : SIMPLEX_PRIMAL, mip_abs_gap: stage.integral ? 0.999 : 1e-7 });
      model.zeroAllClocks();
      let provenByTotal = false;
      let status = model.run().modelStatus;
      if (status !== modelStatus.optimal && status !== modelStatus.infeasible && !mip) {
        // Numerical trouble on the warm start: solve this stage again from scratch with the dual simplex.
        model.clearSolver();
        model.options.set({ simplex_strategy: SIMPLEX_DUAL });
        status = model.run().modelStatus;
      }
      if (status === modelStatus.optimal && !mip) {
        const solution = model.getSolution().colValue;
        if (!isIntegral(solution, built.pairCols)) {
          const proven = wholeTotalOptimum(highs, model, built, stage, solution[built.pairCols] ?? 0, model.getObjectiveValue());
          if (proven) {
            values = proven;
            provenByTotal = true;
          } else status = modelStatus.notSet;
        }
      }
      if (status !== modelStatus.optimal && status !== modelStatus.infeasible && !mip) {
        // A fractional optimum (possible only with fair-share rows) or a linear solve that failed: this stage and the rest run as a MIP.
        makeMip();
        model.zeroAllClocks();
        status = model.run().modelStatus;
      }
      if (mip && status === modelStatus.timeLimit) {
        // Out of time for this stage: keep the best allocation found, or else the previous stage's
        // optimum (feasible here: it meets the new stage row exactly), and say so.
        if (model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible) {
          unproven.push(stage.name);
          status = modelStatus.optimal;
        } else if (s > 0) {
          unproven.push(stage.name);
          status = modelStatus.optimal;
          provenByTotal = true; // keep `values` as they are
        }
      }
      if (status === modelStatus.infeasible) return { kind: 'infeasible' };
      if (status !== modelStatus.optimal) return { kind: 'error', message: `the solver stopped at the ${stage.name} stage with model status ${status}` };
      if (!provenByTotal) values = model.getSolution().colValue;
      if (s === stageList.length - 1) break;
      // Hold this stage's optimum while the next stages run.
      const indices: number[] = [];
      const coefficients: number[] = [];
      let optimum = 0;
      stage.costs.forEach((c, j) => {
        if (c === 0) return;
        indices.push(j);
        coefficients.push(c);
        optimum += c * Math.round(values[j] ?? 0);
      });
      if (!stage.integral) optimum = model.getObjectiveValue();
      // (An unproven stage is held at the value found, so later stages cannot undo it.)
      const slack = stage.integral ? 0 : 1e-9 * Math.max(1, Math.abs(optimum));
      if (stage.sense === 'max') model.addRow(optimum - slack, Infinity, { indices, values: coefficients });
      else model.addRow(-Infinity, optimum + slack, { indices, values: coefficients });
    }
    const quantities = Array.from(values.subarray(0, built.pairCols), (v) => Math.round(v));
    return { kind: 'solved', quantities, usedMip: mip, unproven };
  } finally {
    model.dispose();
  }
}

/**
 * With fair-share rows the relaxation can be fractional. For whole quantities a cap reads
 * Σ_p x ≤ floor(c_p·T); with the total T fixed to a whole number those rows have whole right-hand
 * sides and, with the offer rows, nest (offers within partners within the total) while the line
 * rows form the other side: a network matrix, so the simplex returns whole numbers. If such a
 * solution, for T = floor(T*) or one less, reaches the relaxation's bound (rounded to a whole
 * number on stages 1–3), no whole-number allocation can do better: it is this stage's optimum,
 * without branch and bound. Returns it, or null; the model's bounds are restored either way.
 */
function wholeTotalOptimum(highs: Highs, model: Model, built: BuiltModel, stage: Stage, total: number, bound: number): Float64Array<ArrayBufferLike> | null {
  if (!built.partnerRows.length) return null;
  const t = built.pairCols;
  const target = !stage.integral ? bound : stage.sense === 'max' ? Math.floor(bound + 1e-6) : Math.ceil(bound - 1e-6);
  const tolerance = stage.integral ? 1e-6 : 1e-9 * Math.max(1, Math.abs(bound));
  const base = Math.floor(total + 1e-6);
  try {
    for (const whole of [base, base - 1]) {
      if (whole < 0) continue;
      model.changeColBounds(t, whole, whole);
      for (const { row, cap } of built.partnerRows) model.changeRowBounds(row, -Infinity, Math.floor(cap * whole + 1e-9) - cap * whole);
      model.options.set({ simplex_strategy: SIMPLEX_DUAL });
      if (model.run().modelStatus !== highs.constants.modelStatus.optimal) continue;
      const solution = model.getSolution().colValue;
      if (!isIntegral(solution, t)) continue;
      const value = model.getObjectiveValue();
      if (stage.sense === 'max' ? value >= target - tolerance : value <= target + tolerance) return solution;
    }
    return null;
  } finally {
    model.changeColBounds(t, 0, Infinity);
    for (const { row } of built.partnerRows) model.changeRowBounds(row, -Infinity, 0);
  }
}

async function solveWithRetry(built: BuiltModel, stageList: readonly Stage[], forceMip: boolean): Promise<SolveOutcome> {
  for (let tries = 0; ; tries++) {
    try {
      return runStages(await highsRuntime(), built, stageList, forceMip);
    } catch (error) {
      // A WebAssembly instance can be unusable after a crash: load a fresh one and retry once.
      resetHighsRuntime();
      if (tries >= 1) return { kind: 'error', message: `solver failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

/** Pair indices grouped by the item and unit of their line, in order of first appearance. */
function componentsByItem(pairs: readonly EligiblePair[], lines: readonly AllocationLine[]): number[][] {
  const groups = new Map<string, number[]>();
  pairs.forEach((pair, j) => {
    const line = lines[pair.lineIndex] as AllocationLine;
    const key = `${line.item.trim().toLowerCase()}\u0000${line.unit.trim().toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.push(j);
    else groups.set(key, [j]);
  });
  return [...groups.values()];
}

function lineResults(lines: readonly AllocationLine[], assignments: readonly AllocationAssignment[]): AllocationLineResult[] {
  const byLine = new Map<string, { allocated: number; onTime: number }>();
  for (const a of assignments) {
    const entry = byLine.get(a.lineId) ?? { allocated: 0, onTime: 0 };
    entry.allocated += a.quantity;
    if (a.daysLate === 0) entry.onTime += a.quantity;
    byLine.set(a.lineId, entry);
  }
  return lines.map((line) => {
    const entry = byLine.get(line.id) ?? { allocated: 0, onTime: 0 };
    return { lineId: line.id, requested: line.quantity, allocated: entry.allocated, onTime: entry.onTime, late: entry.allocated - entry.onTime, unfilled: line.quantity - entry.allocated };
  });
}

/**
 * Proposes which offers fill which request lines: lexicographically maximises the
 * priority-weighted quantity delivered by the needed-by date, then the priority-weighted quantity
 * in all, then minimises late item-days, then cost; whole items, offer and line quantities, offer
 * conditions, coordinator pins and exclusions, and optional fair-share caps respected.
 */
export async function allocate(lines: AllocationLine[], offers: AllocationOffer[], options: AllocationOptions = {}): Promise<AllocationResult> {
  const started = performance.now();
  const base = (status: AllocationResult['status'], extra: Partial<AllocationResult>): AllocationResult => ({
    status,
    assignments: [],
    lines: lineResults(lines, []),
    excluded: [],
    objective: { ...EMPTY_OBJECTIVE },
    solveMs: performance.now() - started,
    variables: 0,
    constraints: 0,
    ...extra,
  });
  const invalid = validate(lines, offers, options);
  if (invalid) return base('error', { message: invalid });

  // Canonical order (by id) so the model, and so the proposal, does not depend on input order.
  const sortedLines = [...lines].sort(byId);
  const sortedOffers = [...offers].sort(byId);
  const eligibility = eligiblePairs(sortedLines, sortedOffers, options);
  const excluded = eligibility.excluded;
  const pins = resolvePins(sortedLines, sortedOffers, eligibility.pairs, excluded, options);
  if (pins.problem) return base('infeasible', { message: pins.problem, excluded });
  // Pairs that cannot carry anything (an offer of 0 items) get no column.
  const keep = eligibility.pairs.map((pair) => pair.upper > 0);
  const pairs = eligibility.pairs.filter((_, j) => keep[j]);
  const lower = pins.lower.filter((_, j) => keep[j]);
  const caps = partnerCaps(pairs, options.fairShareCap);
  const capacity: CapacityModel = { pairs, offerUnits: sortedOffers.map(offerUnits), lineUnits: sortedLines.map((l) => l.quantity), lower, caps };
  // Without fair-share caps, pairs of different items never share a row: each item (and unit) is
  // an independent problem, and the lexicographic optimum of the whole is that of every part.
  const components = caps.size ? [pairs.map((_, j) => j)] : componentsByItem(pairs, sortedLines);
  let variables = 0;
  let constraints = 0;
  let usedMip = false;
  const unproven = new Set<string>();
  const quantities: number[] = pairs.map(() => 0);
  let failure: Exclude<SolveOutcome, { kind: 'solved' }> | null = null;
  for (const members of components) {
    const sub: CapacityModel = { ...capacity, pairs: members.map((j) => pairs[j] as EligiblePair), lower: members.map((j) => lower[j] ?? 0) };
    const built = buildModel(sub);
    variables += built.numCols;
    constraints += built.numRows;
    const stageList = stages(sub.pairs, built.numCols);
    // No shared row: every pair can take its upper bound, which maximises stage 2 (weights are
    // positive), and nothing else is feasible at that optimum, so no solver is needed.
    let outcome: SolveOutcome =
      built.numRows === 0 ? { kind: 'solved', quantities: sub.pairs.map((pair) => pair.upper), usedMip: false, unproven: [] } : await solveWithRetry(built, stageList, false);
    if (outcome.kind === 'solved' && feasibilityProblems(sub, outcome.quantities).length) {
      outcome = await solveWithRetry(built, stageList, true);
      const problems = outcome.kind === 'solved' ? feasibilityProblems(sub, outcome.quantities) : [];
      if (problems.length) outcome = { kind: 'error', message: `the solver's answer is not feasible: ${problems.slice(0, 3).join('; ')}` };
    }
    if (outcome.kind !== 'solved') {
      failure = outcome;
      break;
    }
    const solved = outcome.quantities;
    members.forEach((j, k) => (quantities[j] = solved[k] ?? 0));
    usedMip ||= outcome.usedMip;
    for (const stage of outcome.unproven) unproven.add(stage);
  }
  const size = { variables, constraints };
  if (failure?.kind === 'infeasible') {
    const pinned = (options.pins ?? []).map(pinLabel);
    const message = pinned.length
      ? `the pins cannot be honoured together with the fair-share caps: ${pinned.join(', ')}`
      : 'no allocation satisfies the fair-share caps';
    return base('infeasible', { message, excluded, ...size });
  }
  if (failure?.kind === 'error') return base('error', { message: failure.message, excluded, ...size });

  const lineOrder = new Map(lines.map((line, i) => [line.id, i]));
  const assignments: AllocationAssignment[] = [];
  pairs.forEach((pair, j) => {
    const q = quantities[j] ?? 0;
    if (q <= 0) return;
    assignments.push({
      lineId: pair.lineId,
      offerId: pair.offerId,
      partner: pair.partner,
      quantity: q,
      deliveryDate: pair.deliveryDate,
      daysLate: pair.daysLate,
      costEur: pair.unitCostEur === null ? null : pair.unitCostEur * q,
    });
  });
  assignments.sort((a, b) => (lineOrder.get(a.lineId) ?? 0) - (lineOrder.get(b.lineId) ?? 0) || (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0));
  return {
    status: 'optimal',
    assignments,
    lines: lineResults(lines, assignments),
    excluded,
    objective: objectiveOf(pairs, quantities),
    solveMs: performance.now() - started,
    ...size,
    usedMip,
    provenOptimal: unproven.size === 0,
    ...(unproven.size
      ? { message: `the integer program ran out of time (${MIP_STAGE_SECONDS} s a stage) at the ${[...unproven].join(', ')} stage${unproven.size > 1 ? 's' : ''}: this is the best allocation found, not proven optimal` }
      : {}),
  };
}
