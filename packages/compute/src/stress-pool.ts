// Runs a stress test on worker threads: the plan (compiled models) is made here, the trials are
// split into one contiguous block per worker and model, and core's finishStress merges the blocks
// by trial index, so the result is the same with any number of workers.
//
// Workers are kept between runs (a server runs many; a warm worker skips start-up and JIT warm-up)
// and unreferenced while idle, so they never keep a process alive.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  CompactError,
  finishStress,
  planStress,
  simulateBlock,
  trialBlocks,
  type AnalysisInput,
  type BlockResult,
  type CompiledModel,
  type StressPlan,
  type StressResult,
  type StressScenarioInput,
  type StressSettingsInput,
} from '@compact/core';
import type { BlockTask, RunRequest, WorkerMessage } from './protocol.js';
import { stressWorkerCode } from './worker-code.js';

export interface ParallelOptions {
  /** Worker threads; default os.availableParallelism(). 0 runs on this thread (no workers). */
  readonly workers?: number;
  /** Trials done so far, of all trials (baseline and scenario together). */
  readonly onProgress?: (done: number, total: number) => void;
}

type Outcome = { model: number; block: BlockResult }[];

class PooledWorker {
  private readonly worker: Worker;
  private pending: { resolve: (out: Outcome) => void; reject: (error: Error) => void; progress: (done: number) => void } | null = null;
  broken = false;

  constructor() {
    this.worker = new Worker(stressWorkerCode(), { eval: true });
    this.worker.unref();
    this.worker.on('message', (message: WorkerMessage) => {
      const pending = this.pending;
      if (!pending) return;
      if (message.type === 'progress') {
        pending.progress(message.done);
        return;
      }
      this.settle();
      if (message.type === 'done') pending.resolve([...message.blocks]);
      else pending.reject(new CompactError('INTERNAL', `stress worker failed: ${message.message}`));
    });
    const fail = (error: Error) => {
      this.broken = true;
      const pending = this.pending;
      this.settle();
      pending?.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new CompactError('INTERNAL', `stress worker exited with code ${code}`)));
  }

  private settle(): void {
    this.pending = null;
    this.worker.unref();
  }

  run(request: RunRequest, progress: (done: number) => void): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, progress };
      this.worker.ref(); // a run in progress keeps the process alive
      this.worker.postMessage(request);
    });
  }

  terminate(): Promise<number> {
    this.broken = true;
    return this.worker.terminate();
  }
}

/** Worker threads for stress runs; one run at a time uses all of them. */
export class StressPool {
  private readonly workers: PooledWorker[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly size = availableParallelism()) {}

  /** Runs a whole stress test; concurrent calls wait their turn. */
  run(input: AnalysisInput, settingsInput: StressSettingsInput, scenarioInput?: StressScenarioInput | null, onProgress?: ParallelOptions['onProgress']): Promise<StressResult> {
    const next = this.queue.then(() => this.runNow(input, settingsInput, scenarioInput, onProgress));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }

  private worker(index: number): PooledWorker {
    let worker = this.workers[index];
    if (!worker || worker.broken) {
      worker = new PooledWorker();
      this.workers[index] = worker;
    }
    return worker;
  }

  private async runNow(input: AnalysisInput, settingsInput: StressSettingsInput, scenarioInput: StressScenarioInput | null | undefined, onProgress: ParallelOptions['onProgress']): Promise<StressResult> {
    const plan = planStress(input, settingsInput, scenarioInput);
    return finishStress(plan, await this.simulateNow(plan, onProgress));
  }

  /** Only the trial blocks of a plan (the benchmark times the loop on its own); blocks[m] belong to plan.models[m]. */
  simulate(plan: StressPlan, onProgress?: ParallelOptions['onProgress']): Promise<BlockResult[][]> {
    const next = this.queue.then(() => this.simulateNow(plan, onProgress));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async simulateNow(plan: StressPlan, onProgress: ParallelOptions['onProgress']): Promise<BlockResult[][]> {
    const trials = plan.settings.trials;
    const total = trials * plan.models.length;
    let done = 0;
    const progress = (step: number) => {
      done += step;
      onProgress?.(done, total);
    };
    const count = Math.max(0, Math.min(this.size, trials));
    if (count === 0) return plan.models.map((model) => [simulateInline(model, trials, plan.settings.criticality, progress)]);
    const perWorker: BlockTask[][] = Array.from({ length: count }, () => []);
    plan.models.forEach((_, m) => trialBlocks(trials, count).forEach((block, w) => perWorker[w]?.push({ model: m, ...block })));
    const results = await Promise.all(perWorker.map((tasks, w) => this.worker(w).run({ type: 'run', models: plan.models, tasks, criticality: plan.settings.criticality }, progress)));
    const blocks: BlockResult[][] = plan.models.map(() => []);
    for (const list of results) for (const { model, block } of list) blocks[model]?.push(block);
    return blocks;
  }
}

function simulateInline(model: CompiledModel, trials: number, criticality: boolean, progress: (step: number) => void): BlockResult {
  let last = 0;
  return simulateBlock(
    model,
    0,
    trials,
    (done) => {
      progress(done - last);
      last = done;
    },
    criticality,
  );
}

const shared = new Map<number, StressPool>();

/** A stress run on a shared pool of `workers` threads (default: one per core; 0: this thread). */
export function runStressParallel(
  input: AnalysisInput,
  settingsInput: StressSettingsInput,
  scenarioInput?: StressScenarioInput | null,
  options: ParallelOptions = {},
): Promise<StressResult> {
  const size = Math.max(0, Math.floor(options.workers ?? availableParallelism()));
  let pool = shared.get(size);
  if (!pool) {
    pool = new StressPool(size);
    shared.set(size, pool);
  }
  return pool.run(input, settingsInput, scenarioInput, options.onProgress);
}
