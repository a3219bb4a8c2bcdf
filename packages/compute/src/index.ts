// Running core's engines on several cores.
export { runStressParallel, StressPool, type ParallelOptions } from './stress-pool.js';
