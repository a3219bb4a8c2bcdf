// One HiGHS WebAssembly runtime per process, loaded lazily on the first solve and reused. The
// module is imported dynamically so that importing @compact/core does not load the solver.
import type { Highs } from 'highs';

let runtime: Promise<Highs> | null = null;

export function highsRuntime(): Promise<Highs> {
  if (!runtime) {
    runtime = import('highs').then((module) => module.default());
    runtime.catch(() => {
      runtime = null;
    });
  }
  return runtime;
}

/** Drops the cached runtime (after a crash a WebAssembly instance may be unusable); the next call loads a fresh one. */
export function resetHighsRuntime(): void {
  runtime = null;
}

/** Loads the solver ahead of the first allocation (a server can call this at start-up); resolves when it is ready. */
export async function loadAllocationSolver(): Promise<void> {
  await highsRuntime();
}
