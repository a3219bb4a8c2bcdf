export * from './types.js';
export { eligiblePairs, PRIORITY_WEIGHTS, type EligiblePair, type Eligibility } from './eligibility.js';
export { allocate } from './allocate.js';
export { loadAllocationSolver } from './solver.js';
