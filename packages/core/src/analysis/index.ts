// Coordination analysis: coverage per capability × year against requirements, and findings.
export { analyze, coverageContributions, createAnalysis, type Analysis, type CoverageContribution, type CoverageContributions, type RequirementCell } from './engine.js';
export { resolveOptions } from './options.js';
export { RULES } from './rules/index.js';
export { ANALYSIS_THRESHOLDS, parseRules, parseThreshold, readThresholds, thresholdDefault, thresholdProblem, thresholdProblems, type ThresholdOption, type ThresholdSpec } from './thresholds.js';
export type { AgreementInfo, AreaGroup, Bucket, Cell, CommitmentState, FlowState, Measure, ProviderSlot, RequirementState, Rule, RuleContext } from './model.js';
export * from './types.js';
