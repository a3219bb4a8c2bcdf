// One stress run: parse the settings, compile the baseline (and the scenario), run the trials and
// summarise both sides. `planStress` and `finishStress` are the halves a parallel runner uses
// around its own trial blocks; `runStress` does it all on one thread.
import { minorUnits } from '../money/currency.js';
import type { AnalysisInput } from '../analysis/types.js';
import type { z } from 'zod';
import { validationError } from '../errors.js';
import { issuesFromZod } from '../schema/package.js';
import { compileStress } from './compile.js';
import type { CompiledModel } from './model.js';
import { RELIABILITY_PRIORS, StressScenario, StressSettings, type StressScenarioInput, type StressSettingsInput } from './scenario.js';
import { simulateBlock, type BlockResult } from './simulate.js';
import { mergeBlocks, summarise, type StressSide } from './summarise.js';

export const STRESS_MODEL_VERSION = 'stress/1';

export interface StressPlan {
  readonly settings: StressSettings;
  readonly scenario: StressScenario | null;
  /** The baseline, then the scenario when there is one. */
  readonly models: readonly CompiledModel[];
}

export interface CellComparison {
  readonly beneficiary: string;
  readonly capabilityArea: string;
  readonly year: number;
  readonly baselineMean: number;
  readonly scenarioMean: number;
  readonly baselineProbability: number;
  readonly scenarioProbability: number;
  readonly baselineCoverageAtRisk: number;
  readonly scenarioCoverageAtRisk: number;
}

export interface StressResult {
  readonly model: {
    readonly version: string;
    readonly asOf: string;
    readonly currency: string;
    readonly trials: number;
    readonly seed: number;
    readonly threshold: number;
    readonly prior: string;
    readonly baseRate: number;
    readonly correlation: StressSettings['correlation'];
    readonly outcomes: StressSettings['outcomes'];
    readonly includeAtRisk: boolean;
  };
  readonly baseline: StressSide;
  readonly scenario: (StressSide & { readonly name: string; readonly description: string | null; readonly definition: StressScenario }) | null;
  readonly comparison: {
    readonly cells: readonly CellComparison[];
    readonly networkBaseline: number;
    readonly networkScenario: number;
    readonly deterrenceBaseline: number;
    readonly deterrenceScenario: number;
  } | null;
}

/** Validates with zod and throws the catalogue's VALIDATION error, paths prefixed with `what`. */
export function parseStressInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationError(issuesFromZod(parsed.error, [what]));
}

export function planStress(input: AnalysisInput, settingsInput: StressSettingsInput, scenarioInput?: StressScenarioInput | null): StressPlan {
  const settings = parseStressInput(StressSettings, settingsInput, 'settings');
  const scenario = scenarioInput ? parseStressInput(StressScenario, scenarioInput, 'scenario') : null;
  const models = [compileStress(input, settings, null)];
  if (scenario) models.push(compileStress(input, settings, scenario));
  return { settings, scenario, models };
}

/** Summarises the blocks of each model (blocks[m] for plan.models[m]) into the result. */
export function finishStress(plan: StressPlan, blocks: readonly (readonly BlockResult[])[]): StressResult {
  const { settings, scenario } = plan;
  const scale = minorUnits(settings.currency);
  const sides = plan.models.map((model, m) => summarise(model, mergeBlocks(model, blocks[m] ?? [], settings.trials), settings.weights, scale, settings.criticality));
  const baseline = sides[0] as StressSide;
  const other = sides[1];
  let comparison: StressResult['comparison'] = null;
  if (other) {
    const byKey = new Map(other.cells.map((cell) => [`${cell.beneficiary}\u0001${cell.capabilityArea}\u0001${cell.year}`, cell] as const));
    comparison = {
      cells: baseline.cells.flatMap((cell) => {
        const theirs = byKey.get(`${cell.beneficiary}\u0001${cell.capabilityArea}\u0001${cell.year}`);
        return theirs
          ? [
              {
                beneficiary: cell.beneficiary,
                capabilityArea: cell.capabilityArea,
                year: cell.year,
                baselineMean: cell.mean,
                scenarioMean: theirs.mean,
                baselineProbability: cell.probabilityAtLeastThreshold,
                scenarioProbability: theirs.probabilityAtLeastThreshold,
                baselineCoverageAtRisk: cell.coverageAtRisk,
                scenarioCoverageAtRisk: theirs.coverageAtRisk,
              },
            ]
          : [];
      }),
      networkBaseline: baseline.network.probabilityAllCritical,
      networkScenario: other.network.probabilityAllCritical,
      deterrenceBaseline: baseline.deterrence.index,
      deterrenceScenario: other.deterrence.index,
    };
  }
  return {
    model: {
      version: STRESS_MODEL_VERSION,
      asOf: settings.asOf,
      currency: settings.currency,
      trials: settings.trials,
      seed: settings.seed,
      threshold: settings.threshold,
      prior: settings.prior,
      baseRate: RELIABILITY_PRIORS[settings.prior],
      correlation: settings.correlation,
      outcomes: settings.outcomes,
      includeAtRisk: settings.includeAtRisk,
    },
    baseline,
    scenario: other && scenario ? { ...other, name: scenario.name, description: scenario.description ?? null, definition: scenario } : null,
    comparison,
  };
}

/** Splits [0, trials) into `parts` contiguous blocks (the first ones one trial longer when it does not divide). */
export function trialBlocks(trials: number, parts: number): { from: number; to: number }[] {
  const count = Math.max(1, Math.min(parts, trials));
  const out: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.floor(trials / count) + (i < trials % count ? 1 : 0);
    out.push({ from, to: from + size });
    from += size;
  }
  return out;
}

export interface RunStressOptions {
  /** Trials done so far of all trials to run (baseline and scenario together). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Split each side into this many blocks (tests: the result must not change). */
  readonly blocks?: number;
}

/** A whole run on this thread. */
export function runStress(input: AnalysisInput, settingsInput: StressSettingsInput, scenarioInput?: StressScenarioInput | null, options: RunStressOptions = {}): StressResult {
  const plan = planStress(input, settingsInput, scenarioInput);
  const trials = plan.settings.trials;
  const total = trials * plan.models.length;
  let finished = 0;
  const blocks = plan.models.map((model) =>
    trialBlocks(trials, options.blocks ?? 1).map(({ from, to }) => {
      const block = simulateBlock(model, from, to, (done) => options.onProgress?.(finished + done, total), plan.settings.criticality);
      finished += to - from;
      return block;
    }),
  );
  return finishStress(plan, blocks);
}
