// Stress test and deterrence assessment: a seeded Monte Carlo model of the guarantee network (README.md).
export { compileStress, LEAD_WITHDRAWAL_CONTAGION } from './compile.js';
export type { CellInfo, CommitmentInfo, CompiledModel, EntityInfo, PunishmentInputs } from './model.js';
export { fastNormalQuantile, keyOf, keyState, mix32, normalCdf, normalQuantile, trialState, uniformAt, uniformOf } from './random.js';
export { FACTORS, isLegallyBinding, logistic, logit, type FactorApplied, type FactorCode, type Reliability } from './reliability.js';
export * from './scenario.js';
export { meets, simulateBlock, type BlockResult } from './simulate.js';
export { FAN_PERCENTILES, mergeBlocks, percentile, summarise, TAIL, type CellStats, type CriticalityEntry, type DeterrenceIndex, type MergedBlocks, type StressSide } from './summarise.js';
export { finishStress, parseStressInput, planStress, runStress, STRESS_MODEL_VERSION, trialBlocks, type CellComparison, type RunStressOptions, type StressPlan, type StressResult } from './run.js';
